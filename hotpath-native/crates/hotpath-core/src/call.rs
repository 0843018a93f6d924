//! [`Engine::call_bytes`]: the byte-level call of the FFI — decode, typed call, encode.

use std::time::Instant;

use prost::Message;

use crate::engine::{Engine, elapsed_ns};
use crate::error::CoreError;
use crate::method::Method;
use crate::proto::core_v1::{
    CoreTiming, CreateCollectionRequest, CreateCollectionResponse, DeleteCollectionRequest,
    GetCollectionRequest, GetStatsRequest, ListCollectionsRequest, RerankRequest, RerankResponse,
    SearchRequest, SearchResponse, UpsertVectorsRequest, UpsertVectorsResponse,
};
use crate::stop::StopSignal;

/// Responses that carry a `CoreTiming`.
trait Timed: Message + Default {
    fn timing_mut(&mut self) -> &mut Option<CoreTiming>;
}

macro_rules! timed {
    ($($t:ty),*) => {$(
        impl Timed for $t {
            fn timing_mut(&mut self) -> &mut Option<CoreTiming> {
                &mut self.timing
            }
        }
    )*};
}
timed!(
    SearchResponse,
    RerankResponse,
    CreateCollectionResponse,
    UpsertVectorsResponse
);

fn decode<M: Message + Default>(request: &[u8]) -> Result<(M, u64), CoreError> {
    let started = Instant::now();
    let message = M::decode(request).map_err(|e| CoreError::MalformedRequest {
        detail: e.to_string(),
    })?;
    Ok((message, elapsed_ns(started)))
}

/// Encodes `response` with `decode_ns` set, then appends a second encoding of its `timing`
/// field holding only `encode_ns`. Protobuf merges repeated occurrences of a message field, so
/// the reader sees one timing whose `encode_ns` includes encoding the body.
fn encode_timed<R: Timed>(mut response: R, decode_ns: u64) -> Vec<u8> {
    let started = Instant::now();
    response
        .timing_mut()
        .get_or_insert_with(Default::default)
        .decode_ns = decode_ns;
    let mut bytes = response.encode_to_vec();
    let mut trailer = R::default();
    *trailer.timing_mut() = Some(CoreTiming {
        encode_ns: elapsed_ns(started).max(1),
        ..Default::default()
    });
    trailer.encode(&mut bytes).expect("Vec<u8> grows as needed");
    bytes
}

impl Engine {
    /// Decodes `request` as the method's request message (`MalformedRequest` on failure), runs
    /// the typed call and encodes its response. For responses with a `timing` field,
    /// `decode_ns` and `encode_ns` are filled (the latter in a `timing` occurrence appended
    /// after the body, which protobuf parsers merge).
    ///
    /// [`Method::DebugPanic`] panics deliberately when `EngineConfig::enable_test_hooks` is set,
    /// and is `UnknownMethod` otherwise.
    pub fn call_bytes(
        &self,
        method: Method,
        request: &[u8],
        stop: &StopSignal,
    ) -> Result<Vec<u8>, CoreError> {
        match method {
            Method::Search => {
                let (req, decode_ns) = decode::<SearchRequest>(request)?;
                Ok(encode_timed(self.search(&req, stop)?, decode_ns))
            }
            Method::Rerank => {
                let (req, decode_ns) = decode::<RerankRequest>(request)?;
                Ok(encode_timed(self.rerank(&req, stop)?, decode_ns))
            }
            Method::CreateCollection => {
                let (req, decode_ns) = decode::<CreateCollectionRequest>(request)?;
                Ok(encode_timed(self.create_collection(&req, stop)?, decode_ns))
            }
            Method::UpsertVectors => {
                let (req, decode_ns) = decode::<UpsertVectorsRequest>(request)?;
                Ok(encode_timed(self.upsert_vectors(&req, stop)?, decode_ns))
            }
            Method::GetCollection => {
                let (req, _) = decode::<GetCollectionRequest>(request)?;
                Ok(self.get_collection(&req)?.encode_to_vec())
            }
            Method::DeleteCollection => {
                let (req, _) = decode::<DeleteCollectionRequest>(request)?;
                Ok(self.delete_collection(&req)?.encode_to_vec())
            }
            Method::ListCollections => {
                decode::<ListCollectionsRequest>(request)?;
                Ok(self.list_collections().encode_to_vec())
            }
            Method::GetStats => {
                decode::<GetStatsRequest>(request)?;
                Ok(self.stats().encode_to_vec())
            }
            Method::DebugPanic => {
                if self.config.enable_test_hooks {
                    panic!("deliberate panic: Method::DebugPanic test hook");
                }
                Err(CoreError::UnknownMethod {
                    id: Method::DebugPanic.id(),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appended_timing_merges_into_the_body_timing() {
        let response = SearchResponse {
            results: vec![],
            timing: Some(CoreTiming {
                compute_ns: 7,
                ..Default::default()
            }),
            vectors_scanned: 3,
        };
        let bytes = encode_timed(response, 5);
        let decoded = SearchResponse::decode(bytes.as_slice()).unwrap();
        let timing = decoded.timing.unwrap();
        assert_eq!((timing.compute_ns, timing.decode_ns), (7, 5));
        assert!(timing.encode_ns > 0);
        assert_eq!(decoded.vectors_scanned, 3);
    }

    #[test]
    fn garbage_is_malformed() {
        let err = decode::<SearchRequest>(&[0x0A, 0xFF]).unwrap_err();
        assert!(matches!(err, CoreError::MalformedRequest { .. }));
    }
}
