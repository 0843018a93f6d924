//! grpc.testing.TestService checked with a tonic client, mirroring the official interop cases
//! (the lead's Maven suite runs grpc-java's own TestServiceClient against the binary).

mod common;

use hotpath_server::proto::grpc_testing::test_service_client::TestServiceClient;
use hotpath_server::proto::grpc_testing::unimplemented_service_client::UnimplementedServiceClient;
use hotpath_server::proto::grpc_testing::{
    EchoStatus, Empty, Payload, ResponseParameters, SimpleRequest, StreamingInputCallRequest,
    StreamingOutputCallRequest,
};
use tonic::metadata::{BinaryMetadataValue, MetadataValue};
use tonic::transport::Channel;
use tonic::{Code, Request};

fn client(channel: &Channel) -> TestServiceClient<Channel> {
    TestServiceClient::new(channel.clone()).max_decoding_message_size(16 << 20)
}

fn sized(sizes: &[i32]) -> Vec<ResponseParameters> {
    sizes
        .iter()
        .map(|&size| ResponseParameters {
            size,
            ..Default::default()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interop_empty_and_large_unary() {
    let t = common::start(&[]).await;
    let mut c = client(&t.channel);
    c.empty_call(Empty {}).await.unwrap();
    let response = c
        .unary_call(SimpleRequest {
            response_size: 314_159,
            payload: Some(Payload {
                r#type: 0,
                body: vec![0; 271_828],
            }),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.payload.unwrap().body.len(), 314_159);
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interop_client_server_streaming_and_ping_pong() {
    let t = common::start(&[]).await;
    let mut c = client(&t.channel);
    let sizes = [27_182, 8, 1_828, 45_904];
    let requests = sizes.map(|n| StreamingInputCallRequest {
        payload: Some(Payload {
            r#type: 0,
            body: vec![0; n],
        }),
        ..Default::default()
    });
    let aggregated = c
        .streaming_input_call(tokio_stream::iter(requests))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(aggregated.aggregated_payload_size, 74_922);

    let out_sizes = [31_415, 9, 2_653, 58_979];
    let mut stream = c
        .streaming_output_call(StreamingOutputCallRequest {
            response_parameters: sized(&out_sizes),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let mut got = Vec::new();
    while let Some(m) = stream.message().await.unwrap() {
        got.push(m.payload.unwrap().body.len());
    }
    assert_eq!(got, [31_415, 9, 2_653, 58_979]);

    // ping_pong: one response per request, before the next request is sent.
    let (tx, rx) = tokio::sync::mpsc::channel(1);
    let mut responses = c
        .full_duplex_call(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .unwrap()
        .into_inner();
    for size in out_sizes {
        tx.send(StreamingOutputCallRequest {
            response_parameters: sized(&[size]),
            ..Default::default()
        })
        .await
        .unwrap();
        let m = responses.message().await.unwrap().unwrap();
        assert_eq!(m.payload.unwrap().body.len(), size as usize);
    }
    drop(tx);
    assert!(responses.message().await.unwrap().is_none());
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interop_status_code_and_special_message() {
    let t = common::start(&[]).await;
    let mut c = client(&t.channel);
    let message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";
    let status = c
        .unary_call(SimpleRequest {
            response_status: Some(EchoStatus {
                code: 2,
                message: message.into(),
            }),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Unknown);
    assert_eq!(status.message(), message);

    let request = StreamingOutputCallRequest {
        response_status: Some(EchoStatus {
            code: 2,
            message: "test status message".into(),
        }),
        ..Default::default()
    };
    let result = c.full_duplex_call(tokio_stream::once(request)).await;
    let status = match result {
        Err(status) => status,
        Ok(response) => response.into_inner().message().await.unwrap_err(),
    };
    assert_eq!(status.code(), Code::Unknown);
    assert_eq!(status.message(), "test status message");
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interop_custom_metadata_is_echoed() {
    let t = common::start(&[]).await;
    let mut c = client(&t.channel);
    let trailing = BinaryMetadataValue::from_bytes(&[0xab, 0xab, 0xab]);

    let mut request = Request::new(SimpleRequest {
        response_size: 314_159,
        ..Default::default()
    });
    request.metadata_mut().insert(
        "x-grpc-test-echo-initial",
        MetadataValue::from_static("test_initial_metadata_value"),
    );
    request
        .metadata_mut()
        .insert_bin("x-grpc-test-echo-trailing-bin", trailing.clone());
    let response = c.unary_call(request).await.unwrap();
    assert_eq!(
        response.metadata().get("x-grpc-test-echo-initial").unwrap(),
        "test_initial_metadata_value"
    );
    // tonic merges a unary call's trailers into the response metadata.
    assert_eq!(
        response
            .metadata()
            .get_bin("x-grpc-test-echo-trailing-bin")
            .unwrap(),
        &trailing
    );

    let mut request = Request::new(tokio_stream::once(StreamingOutputCallRequest {
        response_parameters: sized(&[314_159]),
        ..Default::default()
    }));
    request.metadata_mut().insert(
        "x-grpc-test-echo-initial",
        MetadataValue::from_static("test_initial_metadata_value"),
    );
    request
        .metadata_mut()
        .insert_bin("x-grpc-test-echo-trailing-bin", trailing.clone());
    let response = c.full_duplex_call(request).await.unwrap();
    assert_eq!(
        response.metadata().get("x-grpc-test-echo-initial").unwrap(),
        "test_initial_metadata_value"
    );
    let mut stream = response.into_inner();
    assert_eq!(
        stream
            .message()
            .await
            .unwrap()
            .unwrap()
            .payload
            .unwrap()
            .body
            .len(),
        314_159
    );
    assert!(stream.message().await.unwrap().is_none());
    let trailers = stream.trailers().await.unwrap().expect("trailers");
    assert_eq!(
        trailers.get_bin("x-grpc-test-echo-trailing-bin").unwrap(),
        &trailing
    );
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interop_unimplemented_method_and_service() {
    let t = common::start(&[]).await;
    let status = client(&t.channel)
        .unimplemented_call(Empty {})
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Unimplemented);
    let status = UnimplementedServiceClient::new(t.channel.clone())
        .unimplemented_call(Empty {})
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Unimplemented);
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interop_refuses_oversized_and_negative_payloads() {
    let t = common::start(&[]).await;
    let mut c = client(&t.channel);
    for size in [-1, i32::MAX] {
        let status = c
            .unary_call(SimpleRequest {
                response_size: size,
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "size {size}");
    }
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interop_can_be_disabled() {
    let t = common::start(&["--disable-interop"]).await;
    let status = client(&t.channel).empty_call(Empty {}).await.unwrap_err();
    assert_eq!(status.code(), Code::Unimplemented);
    t.server.shutdown().await;
}
