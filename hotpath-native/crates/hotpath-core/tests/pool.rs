//! ComputePool: bounded queue, load shedding when full, FIFO execution, drain on drop.
//! Synchronised with channels (latches), never with sleeps.

use std::sync::mpsc;

use hotpath_core::{ComputePool, PoolFull};

#[test]
fn rejects_when_the_queue_is_full_and_accepts_again_when_it_drains() {
    let pool = ComputePool::new(1, 2);
    assert_eq!(pool.threads(), 1);
    let (started_tx, started_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let (done_tx, done_rx) = mpsc::channel();

    // Job 0 occupies the only worker until released.
    let done = done_tx.clone();
    pool.try_execute(Box::new(move || {
        started_tx.send(()).unwrap();
        release_rx.recv().unwrap();
        done.send(0).unwrap();
    }))
    .unwrap();
    started_rx.recv().unwrap();

    // Two jobs fill the queue; the third is shed.
    for i in 1..=2 {
        let done = done_tx.clone();
        pool.try_execute(Box::new(move || done.send(i).unwrap()))
            .unwrap();
    }
    assert_eq!(pool.queue_depth(), 2);
    let done = done_tx.clone();
    assert_eq!(
        pool.try_execute(Box::new(move || done.send(99).unwrap())),
        Err(PoolFull)
    );
    assert_eq!(pool.queue_depth(), 2);

    release_tx.send(()).unwrap();
    let order: Vec<i32> = (0..3).map(|_| done_rx.recv().unwrap()).collect();
    assert_eq!(order, vec![0, 1, 2], "FIFO, and the shed job never ran");

    // Drained: accepted again.
    let done = done_tx.clone();
    pool.try_execute(Box::new(move || done.send(3).unwrap()))
        .unwrap();
    assert_eq!(done_rx.recv().unwrap(), 3);
    drop(pool);
    drop(done_tx);
    assert!(done_rx.recv().is_err(), "the shed job was dropped, not run");
}

#[test]
fn drop_runs_every_queued_job() {
    let (tx, rx) = mpsc::channel();
    {
        let pool = ComputePool::new(2, 64);
        for i in 0..64 {
            let tx = tx.clone();
            pool.try_execute(Box::new(move || tx.send(i).unwrap()))
                .unwrap();
        }
    }
    drop(tx);
    let mut got: Vec<i32> = rx.iter().collect();
    got.sort_unstable();
    assert_eq!(got, (0..64).collect::<Vec<_>>());
}

#[test]
fn zero_capacity_sheds_everything() {
    let pool = ComputePool::new(1, 0);
    assert_eq!(pool.try_execute(Box::new(|| {})), Err(PoolFull));
}
