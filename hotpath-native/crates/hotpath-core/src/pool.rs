//! [`ComputePool`]: fixed platform threads with a bounded queue (std only). When the queue is
//! full, work is refused ([`PoolFull`]) instead of queued without bound: load shedding.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

type Job = Box<dyn FnOnce() + Send + 'static>;

/// The queue of a [`ComputePool`] held `queue_capacity` jobs; the job was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("compute pool queue is full")]
pub struct PoolFull;

struct State {
    queue: VecDeque<Job>,
    shutdown: bool,
}

struct Shared {
    state: Mutex<State>,
    work: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Jobs run outside the lock, so a poisoned lock still holds a consistent queue.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A fixed set of worker threads fed by a bounded FIFO queue.
///
/// ```
/// use std::sync::mpsc;
/// use hotpath_core::ComputePool;
///
/// let pool = ComputePool::new(2, 16);
/// let (tx, rx) = mpsc::channel();
/// pool.try_execute(Box::new(move || tx.send(6 * 7).unwrap())).unwrap();
/// assert_eq!(rx.recv().unwrap(), 42);
/// ```
///
/// A job that panics is caught and dropped (the worker survives); callers that need to report
/// panics catch them inside the job. Dropping the pool runs every queued job, then joins the
/// workers.
pub struct ComputePool {
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
    capacity: usize,
}

impl ComputePool {
    /// A pool of `threads` workers (at least 1) whose queue holds at most `queue_capacity`
    /// waiting jobs (a capacity of 0 refuses every job).
    pub fn new(threads: usize, queue_capacity: usize) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::with_capacity(queue_capacity.min(4096)),
                shutdown: false,
            }),
            work: Condvar::new(),
        });
        let workers = (0..threads.max(1))
            .map(|i| {
                let shared = Arc::clone(&shared);
                std::thread::Builder::new()
                    .name(format!("hotpath-compute-{i}"))
                    .spawn(move || worker(&shared))
                    .expect("spawn compute pool thread")
            })
            .collect();
        Self {
            shared,
            workers,
            capacity: queue_capacity,
        }
    }

    /// Enqueues `job`, or refuses it with [`PoolFull`] when `queue_capacity` jobs are waiting.
    pub fn try_execute(&self, job: Box<dyn FnOnce() + Send + 'static>) -> Result<(), PoolFull> {
        let mut state = self.shared.lock();
        if state.queue.len() >= self.capacity {
            return Err(PoolFull);
        }
        state.queue.push_back(job);
        drop(state);
        self.shared.work.notify_one();
        Ok(())
    }

    /// Jobs waiting in the queue (not counting running ones).
    pub fn queue_depth(&self) -> usize {
        self.shared.lock().queue.len()
    }

    /// Number of worker threads.
    pub fn threads(&self) -> usize {
        self.workers.len()
    }

    /// The queue capacity given to [`ComputePool::new`].
    pub fn queue_capacity(&self) -> usize {
        self.capacity
    }
}

impl std::fmt::Debug for ComputePool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ComputePool")
            .field("threads", &self.threads())
            .field("queue_capacity", &self.capacity)
            .field("queue_depth", &self.queue_depth())
            .finish()
    }
}

fn worker(shared: &Shared) {
    loop {
        let job = {
            let mut state = shared.lock();
            loop {
                if let Some(job) = state.queue.pop_front() {
                    break job;
                }
                if state.shutdown {
                    return;
                }
                state = shared
                    .work
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        // A panicking job must not take the worker down with it.
        let _ = catch_unwind(AssertUnwindSafe(job));
    }
}

impl Drop for ComputePool {
    fn drop(&mut self) {
        self.shared.lock().shutdown = true;
        self.shared.work.notify_all();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;

    use super::*;

    #[test]
    fn runs_jobs_and_drains_on_drop() {
        let done = Arc::new(AtomicUsize::new(0));
        {
            let pool = ComputePool::new(2, 100);
            for _ in 0..50 {
                let done = Arc::clone(&done);
                pool.try_execute(Box::new(move || {
                    done.fetch_add(1, Ordering::SeqCst);
                }))
                .unwrap();
            }
        }
        assert_eq!(done.load(Ordering::SeqCst), 50);
    }

    #[test]
    fn survives_a_panicking_job() {
        let pool = ComputePool::new(1, 4);
        pool.try_execute(Box::new(|| panic!("job panic (expected in this test)")))
            .unwrap();
        let (tx, rx) = mpsc::channel();
        pool.try_execute(Box::new(move || tx.send(1).unwrap()))
            .unwrap();
        assert_eq!(rx.recv().unwrap(), 1);
        assert_eq!(pool.threads(), 1);
    }
}
