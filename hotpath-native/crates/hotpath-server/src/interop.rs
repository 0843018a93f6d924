//! `grpc.testing.TestService`: the service of gRPC's cross-language interop suite, so the
//! official clients (grpc-java's `TestServiceClient`, ...) can check this server's HTTP/2 and
//! gRPC behaviour: framing, streaming, status codes and messages, metadata, cancellation and
//! deadlines.
//!
//! Modelled on tonic's own interop server. Payloads are zero-filled and capped at
//! [`MAX_PAYLOAD`] so the service cannot be used to make the server allocate without bound.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use http::{HeaderMap, HeaderName};
use http_body_util::BodyExt;
use tokio::sync::mpsc;
use tokio_stream::Stream;
use tokio_stream::wrappers::ReceiverStream;
use tonic::body::Body;
use tonic::server::NamedService;
use tonic::{Code, Request, Response, Status, Streaming};
use tower_service::Service;

use crate::proto::grpc_testing::test_service_server::{self, TestServiceServer};
use crate::proto::grpc_testing::unimplemented_service_server::{self, UnimplementedServiceServer};
use crate::proto::grpc_testing::{
    EchoStatus, Empty, Payload, ResponseParameters, SimpleRequest, SimpleResponse,
    StreamingInputCallRequest, StreamingInputCallResponse, StreamingOutputCallRequest,
    StreamingOutputCallResponse,
};

/// Largest payload one interop response may ask for (the official cases use at most 314,159 B).
pub const MAX_PAYLOAD: usize = 4 << 20;
/// Longest pause between two streamed responses that a request may ask for.
pub const MAX_INTERVAL: Duration = Duration::from_secs(10);
/// Largest request message (grpc-java's `very_large_request` case sends 12 MiB).
pub const MAX_REQUEST_SIZE: usize = 16 << 20;
/// Largest response message: the payload cap plus framing.
pub const MAX_RESPONSE_SIZE: usize = MAX_PAYLOAD + (64 << 10);

const ECHO_INITIAL: &str = "x-grpc-test-echo-initial";
const ECHO_TRAILING: &str = "x-grpc-test-echo-trailing-bin";

type ResponseStream =
    Pin<Box<dyn Stream<Item = Result<StreamingOutputCallResponse, Status>> + Send + 'static>>;

/// The interop `TestService`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TestService;

/// The interop `UnimplementedService`: every method answers `UNIMPLEMENTED`.
#[derive(Debug, Clone, Copy, Default)]
pub struct UnimplementedService;

/// `TestService` wrapped in the metadata echo, ready for the router.
pub fn test_service() -> EchoMetadata<TestServiceServer<TestService>> {
    EchoMetadata::new(
        TestServiceServer::new(TestService)
            .max_decoding_message_size(MAX_REQUEST_SIZE)
            .max_encoding_message_size(MAX_RESPONSE_SIZE),
    )
}

/// `UnimplementedService`, ready for the router.
pub fn unimplemented_service() -> UnimplementedServiceServer<UnimplementedService> {
    UnimplementedServiceServer::new(UnimplementedService)
}

fn echo_status(status: Option<&EchoStatus>) -> Result<(), Status> {
    match status {
        Some(s) if s.code != 0 => Err(Status::new(Code::from_i32(s.code), s.message.clone())),
        _ => Ok(()),
    }
}

fn payload(size: i32) -> Result<Payload, Status> {
    let size = usize::try_from(size)
        .map_err(|_| Status::invalid_argument("response size must not be negative"))?;
    if size > MAX_PAYLOAD {
        return Err(Status::invalid_argument(format!(
            "response size {size} exceeds the interop limit of {MAX_PAYLOAD} bytes"
        )));
    }
    Ok(Payload {
        r#type: 0,
        body: vec![0; size],
    })
}

fn interval(params: &ResponseParameters) -> Result<Duration, Status> {
    let micros = u64::try_from(params.interval_us)
        .map_err(|_| Status::invalid_argument("interval_us must not be negative"))?;
    let interval = Duration::from_micros(micros);
    if interval > MAX_INTERVAL {
        return Err(Status::invalid_argument(
            "interval_us exceeds the interop limit of 10 s",
        ));
    }
    Ok(interval)
}

/// Sends the responses asked for by `params`, pausing `interval_us` before each.
/// Returns false once the receiver is gone (the client cancelled).
async fn send_responses(
    params: &[ResponseParameters],
    tx: &mpsc::Sender<Result<StreamingOutputCallResponse, Status>>,
) -> bool {
    for p in params {
        let item = match interval(p) {
            Ok(pause) => {
                if !pause.is_zero() {
                    tokio::time::sleep(pause).await;
                }
                payload(p.size).map(|payload| StreamingOutputCallResponse {
                    payload: Some(payload),
                })
            }
            Err(status) => Err(status),
        };
        let failed = item.is_err();
        if tx.send(item).await.is_err() || failed {
            return false;
        }
    }
    true
}

fn unary(request: SimpleRequest) -> Result<Response<SimpleResponse>, Status> {
    echo_status(request.response_status.as_ref())?;
    Ok(Response::new(SimpleResponse {
        payload: Some(payload(request.response_size)?),
        ..Default::default()
    }))
}

#[tonic::async_trait]
impl test_service_server::TestService for TestService {
    async fn empty_call(&self, _request: Request<Empty>) -> Result<Response<Empty>, Status> {
        Ok(Response::new(Empty {}))
    }

    async fn unary_call(
        &self,
        request: Request<SimpleRequest>,
    ) -> Result<Response<SimpleResponse>, Status> {
        unary(request.into_inner())
    }

    async fn cacheable_unary_call(
        &self,
        request: Request<SimpleRequest>,
    ) -> Result<Response<SimpleResponse>, Status> {
        unary(request.into_inner())
    }

    type StreamingOutputCallStream = ResponseStream;

    async fn streaming_output_call(
        &self,
        request: Request<StreamingOutputCallRequest>,
    ) -> Result<Response<Self::StreamingOutputCallStream>, Status> {
        let request = request.into_inner();
        echo_status(request.response_status.as_ref())?;
        let (tx, rx) = mpsc::channel(4);
        tokio::spawn(async move {
            send_responses(&request.response_parameters, &tx).await;
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn streaming_input_call(
        &self,
        request: Request<Streaming<StreamingInputCallRequest>>,
    ) -> Result<Response<StreamingInputCallResponse>, Status> {
        let mut stream = request.into_inner();
        let mut aggregated_payload_size: i32 = 0;
        while let Some(message) = stream.message().await? {
            let len = message.payload.map_or(0, |p| p.body.len());
            aggregated_payload_size =
                aggregated_payload_size.saturating_add(i32::try_from(len).unwrap_or(i32::MAX));
        }
        Ok(Response::new(StreamingInputCallResponse {
            aggregated_payload_size,
        }))
    }

    type FullDuplexCallStream = ResponseStream;

    async fn full_duplex_call(
        &self,
        request: Request<Streaming<StreamingOutputCallRequest>>,
    ) -> Result<Response<Self::FullDuplexCallStream>, Status> {
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(4);
        // Answer each request as it arrives (ping_pong waits for every response).
        tokio::spawn(async move {
            loop {
                let message = match inbound.message().await {
                    Ok(Some(message)) => message,
                    Ok(None) => return,
                    Err(status) => {
                        let _ = tx.send(Err(status)).await;
                        return;
                    }
                };
                if let Err(status) = echo_status(message.response_status.as_ref()) {
                    let _ = tx.send(Err(status)).await;
                    return;
                }
                if !send_responses(&message.response_parameters, &tx).await {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    type HalfDuplexCallStream = ResponseStream;

    async fn half_duplex_call(
        &self,
        request: Request<Streaming<StreamingOutputCallRequest>>,
    ) -> Result<Response<Self::HalfDuplexCallStream>, Status> {
        // Buffer every request until the client half-closes, then answer them in order.
        let mut inbound = request.into_inner();
        let mut requests = Vec::new();
        while let Some(message) = inbound.message().await? {
            echo_status(message.response_status.as_ref())?;
            requests.push(message);
        }
        let (tx, rx) = mpsc::channel(4);
        tokio::spawn(async move {
            for message in requests {
                if !send_responses(&message.response_parameters, &tx).await {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn unimplemented_call(
        &self,
        _request: Request<Empty>,
    ) -> Result<Response<Empty>, Status> {
        Err(Status::unimplemented(
            "grpc.testing.TestService/UnimplementedCall is deliberately not implemented",
        ))
    }
}

#[tonic::async_trait]
impl unimplemented_service_server::UnimplementedService for UnimplementedService {
    async fn unimplemented_call(
        &self,
        _request: Request<Empty>,
    ) -> Result<Response<Empty>, Status> {
        Err(Status::unimplemented(
            "grpc.testing.UnimplementedService is deliberately not implemented",
        ))
    }
}

/// Echoes the interop metadata: `x-grpc-test-echo-initial` from the request headers into the
/// response headers, and `x-grpc-test-echo-trailing-bin` into the response trailers (the
/// `custom_metadata` case).
#[derive(Debug, Clone)]
pub struct EchoMetadata<S> {
    inner: S,
}

impl<S> EchoMetadata<S> {
    /// Wraps `inner`.
    pub fn new(inner: S) -> Self {
        Self { inner }
    }
}

impl<S: NamedService> NamedService for EchoMetadata<S> {
    const NAME: &'static str = S::NAME;
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'static>>;

impl<S, B> Service<http::Request<B>> for EchoMetadata<S>
where
    S: Service<http::Request<B>, Response = http::Response<Body>> + Send,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let initial = request.headers().get(ECHO_INITIAL).cloned();
        let trailing = request.headers().get(ECHO_TRAILING).cloned();
        let call = self.inner.call(request);
        Box::pin(async move {
            let mut response = call.await?;
            if let Some(value) = initial {
                response
                    .headers_mut()
                    .insert(HeaderName::from_static(ECHO_INITIAL), value);
            }
            // A trailers-only response (an error before any message) already carries
            // grpc-status in its headers and ends there; trailers are added only otherwise.
            let trailers_only = response.headers().contains_key("grpc-status");
            match trailing {
                Some(value) if !trailers_only => {
                    let mut trailers = HeaderMap::new();
                    trailers.insert(HeaderName::from_static(ECHO_TRAILING), value);
                    Ok(response.map(|body| {
                        Body::new(body.with_trailers(async move { Some(Ok(trailers)) }))
                    }))
                }
                _ => Ok(response),
            }
        })
    }
}
