//! What every live test shares: the gateway's address and tokens (from the environment),
//! clients that send the bearer token, and readers of the `google.rpc` details of a status.

use std::env;
use std::time::Duration;

use gateway_interop_client::core_v1::{Neighbors, Vector};
use gateway_interop_client::gateway_v1::collection_service_client::CollectionServiceClient;
use gateway_interop_client::gateway_v1::search_service_client::SearchServiceClient;
use gateway_interop_client::gateway_v1::{CreateCollectionRequest, GetCollectionRequest};
use tonic::metadata::{AsciiMetadataValue, MetadataMap};
use tonic::service::Interceptor;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Endpoint};
use tonic::{Code, Request, Status};
use tonic_types::{ErrorInfo, StatusExt};

/// The gateway's and the core's message limit (64 MiB); the default 4 MiB would refuse the
/// larger answers.
const MAX_MESSAGE_BYTES: usize = 64 << 20;

/// `ErrorInfo.domain` of the errors the gateway raises itself (auth, edge deadline).
pub(crate) const EDGE_DOMAIN: &str = "edge.hybridgateway.dev";

/// A search client whose every call carries the bearer token.
pub(crate) type Search = SearchServiceClient<InterceptedService<Channel, Bearer>>;

/// A collection client whose every call carries the bearer token.
pub(crate) type Collections = CollectionServiceClient<InterceptedService<Channel, Bearer>>;

/// The gateway under test, as the environment describes it:
///
/// | variable | meaning |
/// |---|---|
/// | `GATEWAY_ADDRESS` | `host:port` of the gateway's gRPC listener (plaintext HTTP/2) |
/// | `GATEWAY_TOKEN` | a bearer token with the scopes `search collections.read collections.write` |
/// | `GATEWAY_SEARCH_ONLY_TOKEN` | a bearer token with the scope `search` only |
/// | `GATEWAY_LONG_SCAN_COLLECTION` | a dot collection whose full scan by 256 queries takes ~1 s (the gateway fixture `big`: 400,000 × 128) |
/// | `GATEWAY_DEADLINE_TOLERANCE_MS` | how late a deadline answer may be (default 250) |
pub(crate) struct Gateway {
    pub(crate) address: String,
    pub(crate) token: String,
    pub(crate) search_only_token: String,
    pub(crate) long_scan_collection: String,
    pub(crate) tolerance: Duration,
}

impl Gateway {
    /// Reads the variables above; a missing one fails the test with its name.
    pub(crate) fn from_env() -> Self {
        let tolerance = env::var("GATEWAY_DEADLINE_TOLERANCE_MS")
            .ok()
            .map(|ms| {
                ms.parse()
                    .expect("GATEWAY_DEADLINE_TOLERANCE_MS is a number")
            })
            .unwrap_or(250);
        Self {
            address: required("GATEWAY_ADDRESS"),
            token: required("GATEWAY_TOKEN"),
            search_only_token: required("GATEWAY_SEARCH_ONLY_TOKEN"),
            long_scan_collection: required("GATEWAY_LONG_SCAN_COLLECTION"),
            tolerance: Duration::from_millis(tolerance),
        }
    }

    /// `http://ADDRESS`, the origin of every call.
    pub(crate) fn origin(&self) -> String {
        format!("http://{}", self.address)
    }

    /// One HTTP/2 connection to the gateway.
    pub(crate) async fn connect(&self) -> Channel {
        Endpoint::from_shared(self.origin())
            .expect("gateway address")
            .connect()
            .await
            .unwrap_or_else(|e| panic!("cannot connect to the gateway at {}: {e}", self.address))
    }

    /// SearchService over `channel`, sending `token`.
    pub(crate) fn search_with(&self, channel: &Channel, token: &str) -> Search {
        SearchServiceClient::with_interceptor(channel.clone(), Bearer::of(token))
            .max_decoding_message_size(MAX_MESSAGE_BYTES)
            .max_encoding_message_size(MAX_MESSAGE_BYTES)
    }

    /// SearchService over `channel` with the full token.
    pub(crate) fn search(&self, channel: &Channel) -> Search {
        self.search_with(channel, &self.token)
    }

    /// CollectionService over `channel`, sending `token`.
    pub(crate) fn collections_with(&self, channel: &Channel, token: &str) -> Collections {
        CollectionServiceClient::with_interceptor(channel.clone(), Bearer::of(token))
            .max_decoding_message_size(MAX_MESSAGE_BYTES)
            .max_encoding_message_size(MAX_MESSAGE_BYTES)
    }

    /// CollectionService over `channel` with the full token.
    pub(crate) fn collections(&self, channel: &Channel) -> Collections {
        self.collections_with(channel, &self.token)
    }

    /// The dimension of the long-scan collection, as the gateway describes it.
    pub(crate) async fn long_scan_dim(&self, channel: &Channel) -> usize {
        let collection = self
            .collections(channel)
            .get_collection(GetCollectionRequest {
                name: self.long_scan_collection.clone(),
            })
            .await
            .unwrap_or_else(|s| panic!("GetCollection {}: {s:?}", self.long_scan_collection))
            .into_inner();
        collection.dim as usize
    }
}

fn required(name: &str) -> String {
    env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: these tests need a running gateway (see the crate's README.md)")
    })
}

/// Sends `authorization: Bearer <token>` with every call.
#[derive(Clone)]
pub(crate) struct Bearer(AsciiMetadataValue);

impl Bearer {
    pub(crate) fn of(token: &str) -> Self {
        Self(format!("Bearer {token}").parse().expect("a token is ASCII"))
    }
}

impl Interceptor for Bearer {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        request
            .metadata_mut()
            .insert("authorization", self.0.clone());
        Ok(request)
    }
}

/// Creates `request`'s collection; one that already exists (an earlier run against the same
/// gateway) is reused, as the interop suite does.
pub(crate) async fn ensure_collection(
    collections: &mut Collections,
    request: CreateCollectionRequest,
) {
    let name = request.name.clone();
    match collections.create_collection(request).await {
        Ok(_) => {}
        Err(status) if status.code() == Code::AlreadyExists => {}
        Err(status) => panic!("CreateCollection {name}: {status:?}"),
    }
}

/// One hit as the shared vectors write it: id and the IEEE-754 bits of the score.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) id: u64,
    pub(crate) score_bits: u32,
}

impl std::fmt::Debug for Hit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{:08x}", self.id, self.score_bits)
    }
}

/// The hit lists of a response, scores as bits (so -0.0, NaN payloads and subnormals compare
/// exactly).
pub(crate) fn hits(results: &[Neighbors]) -> Vec<Vec<Hit>> {
    results
        .iter()
        .map(|list| {
            list.hits
                .iter()
                .map(|h| Hit {
                    id: h.id,
                    score_bits: h.score.to_bits(),
                })
                .collect()
        })
        .collect()
}

/// `n` deterministic vectors of `dim` values in [-1, 1) (a small LCG; any values will do).
pub(crate) fn vectors(n: usize, dim: usize, seed: u64) -> Vec<Vector> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| Vector {
            values: (0..dim)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    ((state >> 40) as f32) / 8_388_608.0 - 1.0
                })
                .collect(),
        })
        .collect()
}

/// The status's ErrorInfo; fails the test when it has none.
pub(crate) fn error_info(status: &Status) -> ErrorInfo {
    status
        .get_error_details()
        .error_info()
        .cloned()
        .unwrap_or_else(|| panic!("no ErrorInfo in grpc-status-details-bin of {status:?}"))
}

/// The field paths of the status's BadRequest, in order; fails the test when it has none.
pub(crate) fn bad_request_fields(status: &Status) -> Vec<String> {
    status
        .get_error_details()
        .bad_request()
        .unwrap_or_else(|| panic!("no BadRequest in grpc-status-details-bin of {status:?}"))
        .field_violations
        .iter()
        .map(|v| v.field.clone())
        .collect()
}

/// `message` with a `grpc-timeout` header written by hand, for the bare HTTP/2 client.
pub(crate) fn with_grpc_timeout<T>(message: T, timeout: Duration, token: &str) -> Request<T> {
    let mut request = Request::new(message);
    let metadata: &mut MetadataMap = request.metadata_mut();
    metadata.insert(
        "grpc-timeout",
        format!("{}m", timeout.as_millis()).parse().expect("ascii"),
    );
    metadata.insert(
        "authorization",
        format!("Bearer {token}").parse().expect("ascii"),
    );
    request
}
