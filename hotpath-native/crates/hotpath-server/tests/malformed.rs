//! Undecodable request bytes are the caller's fault: `INVALID_ARGUMENT` with
//! `ErrorInfo{reason: MALFORMED_REQUEST}` and the decoder's message — the same status the C ABI
//! answers for the same bytes (tonic's default codec would say `INTERNAL`).

mod common;

use bytes::{Buf, BufMut};
use hotpath_core::CoreError;
use hotpath_server::proto::core_v1::SearchRequest;
use prost::Message;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::{Code, Status};
use tonic_types::StatusExt;

/// Sends and receives bytes as they are, so a test can put anything on the wire.
#[derive(Debug, Default, Clone, Copy)]
struct RawCodec;
#[derive(Debug)]
struct RawEncoder;
#[derive(Debug)]
struct RawDecoder;

impl Encoder for RawEncoder {
    type Item = Vec<u8>;
    type Error = Status;

    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for RawDecoder {
    type Item = Vec<u8>;
    type Error = Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, Status> {
        let mut bytes = vec![0; src.remaining()];
        src.copy_to_slice(&mut bytes);
        Ok(Some(bytes))
    }
}

impl Codec for RawCodec {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = RawEncoder;
    type Decoder = RawDecoder;

    fn encoder(&mut self) -> RawEncoder {
        RawEncoder
    }

    fn decoder(&mut self) -> RawDecoder {
        RawDecoder
    }
}

async fn search_raw(t: &common::TestServer, bytes: Vec<u8>) -> Status {
    let mut grpc = tonic::client::Grpc::new(t.channel.clone());
    grpc.ready().await.expect("channel ready");
    let path = http::uri::PathAndQuery::from_static("/hybrid.core.v1.HotPath/Search");
    grpc.unary(tonic::Request::new(bytes), path, RawCodec)
        .await
        .expect_err("undecodable bytes must fail")
}

fn assert_malformed(status: &Status, bytes: &[u8]) {
    let expected = CoreError::MalformedRequest {
        detail: SearchRequest::decode(bytes)
            .expect_err("the bytes do not decode")
            .to_string(),
    };
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(status.message(), expected.message());
    let details = status.get_error_details();
    let info = details.error_info().expect("ErrorInfo");
    assert_eq!(info.reason, "MALFORMED_REQUEST");
    assert_eq!(info.domain, "core.hybridgateway.dev");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_bytes_are_invalid_argument_malformed_request() {
    let t = common::start(&[]).await;
    let garbage = vec![0xff, 0xff, 0xff, 0xff, 0x0f, 0x07, 0x01];
    let status = search_raw(&t, garbage.clone()).await;
    assert_malformed(&status, &garbage);
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_message_is_invalid_argument_malformed_request() {
    let t = common::start(&[]).await;
    let whole = SearchRequest {
        collection: "demo".into(),
        queries: common::vectors(2, 8, 1),
        k: 3,
        metric: 0,
        filter: None,
    }
    .encode_to_vec();
    let truncated = whole[..whole.len() - 5].to_vec();
    let status = search_raw(&t, truncated.clone()).await;
    assert_malformed(&status, &truncated);
    t.server.shutdown().await;
}
