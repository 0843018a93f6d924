//! `hybrid.core.v1.HotPath` over gRPC: tonic decodes, the compute pool computes, the handler
//! waits.
//!
//! Every call that does work follows the same path ([`HotPathService::run`]):
//! 1. the deadline stamped on arrival ([`CallDeadline`]) is capped by the server maximum;
//! 2. a job is put on the bounded [`ComputePool`] queue; a full queue answers `UNAVAILABLE`
//!    with `RetryInfo` at once (`rejected_overloaded`);
//! 3. the handler awaits the job's oneshot *or* the deadline, whichever comes first, and
//!    answers `DEADLINE_EXCEEDED` itself when the deadline wins;
//! 4. if the client goes away (RST_STREAM, closed connection), hyper drops the handler future
//!    and its [`CancelGuard`] trips the cancel flag the engine polls.
//!
//! Compute never runs on a Tokio worker: those only do network I/O and protobuf work.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hotpath_core::proto::core_v1::{
    CollectionInfo, CreateCollectionRequest, CreateCollectionResponse, DeleteCollectionRequest,
    DeleteCollectionResponse, EngineStats, GetCollectionRequest, GetStatsRequest,
    ListCollectionsRequest, ListCollectionsResponse, RerankRequest, RerankResponse, SearchRequest,
    SearchResponse, UpsertVectorsRequest, UpsertVectorsResponse,
};
use hotpath_core::{ComputePool, CoreError, Engine, StopSignal};
use tokio::sync::oneshot;
use tonic::{Request, Response, Status};

use crate::cancel::CancelGuard;
use crate::deadline::CallDeadline;
use crate::proto::core_v1::hot_path_server::{HotPath, HotPathServer};
use crate::status::core_status;

/// Back-off suggested in `RetryInfo` when the compute queue is full.
pub const OVERLOAD_RETRY_AFTER: Duration = Duration::from_millis(50);

/// The `HotPath` implementation: one shared engine, one shared compute pool.
#[derive(Clone)]
pub struct HotPathService {
    engine: Arc<Engine>,
    pool: Arc<ComputePool>,
    max_deadline: Option<Duration>,
}

impl std::fmt::Debug for HotPathService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HotPathService")
            .field("pool", &self.pool)
            .field("max_deadline", &self.max_deadline)
            .finish_non_exhaustive()
    }
}

impl HotPathService {
    /// A service computing on `pool` against `engine`; `max_deadline` caps (and, for calls
    /// without `grpc-timeout`, sets) every call's deadline.
    pub fn new(
        engine: Arc<Engine>,
        pool: Arc<ComputePool>,
        max_deadline: Option<Duration>,
    ) -> Self {
        Self {
            engine,
            pool,
            max_deadline,
        }
    }

    /// The tonic server of this service with the given message size limit.
    pub fn into_server(self, max_message_size: usize) -> HotPathServer<Self> {
        HotPathServer::new(self)
            .max_decoding_message_size(max_message_size)
            .max_encoding_message_size(max_message_size)
    }

    fn debug(&self) -> bool {
        self.engine.config().debug
    }

    fn deadline_of<T>(&self, request: &Request<T>) -> Option<Instant> {
        request
            .extensions()
            .get::<CallDeadline>()
            .copied()
            // Only when mounted without DeadlineLayer: then the deadline starts now.
            .unwrap_or_else(|| {
                CallDeadline::from_headers(
                    &request.metadata().clone().into_headers(),
                    Instant::now(),
                )
            })
            .effective(self.max_deadline)
    }

    /// Runs `work` on the compute pool under the call's deadline and cancel flag.
    async fn run<Resp, F>(
        &self,
        deadline: Option<Instant>,
        work: F,
    ) -> Result<Response<Resp>, Status>
    where
        Resp: QueueTiming + Send + 'static,
        F: FnOnce(&Engine, &StopSignal<'_>) -> Result<Resp, CoreError> + Send + 'static,
    {
        let counters = self.engine.counters();
        if deadline.is_some_and(|d| Instant::now() >= d) {
            // Spent before it got here (e.g. receiving a large request): no work at all.
            counters.record_stop(&CoreError::DeadlineExceeded);
            return Err(core_status(&CoreError::DeadlineExceeded, false));
        }

        let (guard, cancel) = CancelGuard::new(deadline);
        let (tx, rx) = oneshot::channel();
        let engine = Arc::clone(&self.engine);
        let span = tracing::Span::current();
        let enqueued = Instant::now();
        let job = Box::new(move || {
            let queue_ns = duration_ns(enqueued.elapsed());
            let _entered = span.enter();
            let stop = StopSignal::new(deadline, &cancel);
            let result = match stop.check() {
                // Cancelled or out of time while queued: the engine never sees it.
                Err(stopped) => {
                    engine.counters().record_stop(&stopped);
                    Err(stopped)
                }
                Ok(()) => catch_unwind(AssertUnwindSafe(|| work(&engine, &stop)))
                    .unwrap_or_else(|payload| {
                        engine.counters().record_panic_caught();
                        let detail = panic_message(payload.as_ref());
                        tracing::error!(panic = %detail, "panic in the core caught at the server boundary");
                        Err(CoreError::Internal {
                            message: "the core panicked while handling the call".to_owned(),
                            debug_detail: Some(detail),
                        })
                    }),
            };
            // The receiver is gone when the handler already answered (deadline) or was dropped.
            let _ = tx.send(result.map(|mut response| {
                response.set_queue_ns(queue_ns);
                response
            }));
        });
        if self.pool.try_execute(job).is_err() {
            counters.record_rejected_overloaded();
            let error = CoreError::Overloaded {
                retry_after: OVERLOAD_RETRY_AFTER,
            };
            return Err(core_status(&error, false));
        }

        let expired = async {
            match deadline {
                Some(d) => tokio::time::sleep_until(d.into()).await,
                None => std::future::pending().await,
            }
        };
        let outcome = tokio::select! {
            biased;
            result = rx => match result {
                Ok(result) => result,
                Err(_) => Err(CoreError::Internal {
                    message: "the compute job ended without a result".to_owned(),
                    debug_detail: None,
                }),
            },
            () = expired => Err(CoreError::DeadlineExceeded),
        };
        drop(guard);
        outcome.map(Response::new).map_err(|error| {
            tracing::debug!(%error, "call failed");
            core_status(&error, self.debug())
        })
    }
}

fn duration_ns(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic payload".to_owned()
    }
}

/// Responses that report the core's timing get the time the call waited in the queue.
trait QueueTiming {
    fn set_queue_ns(&mut self, _queue_ns: u64) {}
}

macro_rules! queue_timing {
    ($($t:ty),* $(,)?) => {$(
        impl QueueTiming for $t {
            fn set_queue_ns(&mut self, queue_ns: u64) {
                self.timing.get_or_insert_default().queue_ns = queue_ns;
            }
        }
    )*};
}

queue_timing!(
    SearchResponse,
    RerankResponse,
    CreateCollectionResponse,
    UpsertVectorsResponse
);

impl QueueTiming for CollectionInfo {}
impl QueueTiming for DeleteCollectionResponse {}
impl QueueTiming for ListCollectionsResponse {}

#[tonic::async_trait]
impl HotPath for HotPathService {
    async fn search(
        &self,
        request: Request<SearchRequest>,
    ) -> Result<Response<SearchResponse>, Status> {
        let deadline = self.deadline_of(&request);
        let request = request.into_inner();
        self.run(deadline, move |engine, stop| engine.search(&request, stop))
            .await
    }

    async fn rerank(
        &self,
        request: Request<RerankRequest>,
    ) -> Result<Response<RerankResponse>, Status> {
        let deadline = self.deadline_of(&request);
        let request = request.into_inner();
        self.run(deadline, move |engine, stop| engine.rerank(&request, stop))
            .await
    }

    async fn create_collection(
        &self,
        request: Request<CreateCollectionRequest>,
    ) -> Result<Response<CreateCollectionResponse>, Status> {
        let deadline = self.deadline_of(&request);
        let request = request.into_inner();
        self.run(deadline, move |engine, stop| {
            engine.create_collection(&request, stop)
        })
        .await
    }

    async fn upsert_vectors(
        &self,
        request: Request<UpsertVectorsRequest>,
    ) -> Result<Response<UpsertVectorsResponse>, Status> {
        let deadline = self.deadline_of(&request);
        let request = request.into_inner();
        self.run(deadline, move |engine, stop| {
            engine.upsert_vectors(&request, stop)
        })
        .await
    }

    async fn get_collection(
        &self,
        request: Request<GetCollectionRequest>,
    ) -> Result<Response<CollectionInfo>, Status> {
        let deadline = self.deadline_of(&request);
        let request = request.into_inner();
        self.run(deadline, move |engine, _stop| {
            engine.get_collection(&request)
        })
        .await
    }

    async fn delete_collection(
        &self,
        request: Request<DeleteCollectionRequest>,
    ) -> Result<Response<DeleteCollectionResponse>, Status> {
        let deadline = self.deadline_of(&request);
        let request = request.into_inner();
        self.run(deadline, move |engine, _stop| {
            engine.delete_collection(&request)
        })
        .await
    }

    async fn list_collections(
        &self,
        request: Request<ListCollectionsRequest>,
    ) -> Result<Response<ListCollectionsResponse>, Status> {
        let deadline = self.deadline_of(&request);
        self.run(deadline, move |engine, _stop| Ok(engine.list_collections()))
            .await
    }

    /// Answered inline: it only reads atomics, and it must keep answering while the compute
    /// pool is saturated, which is exactly when operators look at it.
    async fn get_stats(
        &self,
        _request: Request<GetStatsRequest>,
    ) -> Result<Response<EngineStats>, Status> {
        Ok(Response::new(self.engine.stats()))
    }
}
