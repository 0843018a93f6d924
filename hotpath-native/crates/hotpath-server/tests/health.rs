//! grpc.health.v1: SERVING once started (after preloads), NOT_SERVING once shutdown starts.

mod common;

use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_after_start_is_serving_for_server_and_hotpath() {
    let t = common::start(&[
        "--preload",
        "demo:synthetic:seed=1,count=1000,dim=16,metric=dot",
    ])
    .await;
    assert_eq!(
        common::health_status(&t.channel, "").await,
        ServingStatus::Serving
    );
    assert_eq!(
        common::health_status(&t.channel, "hybrid.core.v1.HotPath").await,
        ServingStatus::Serving
    );
    // The preload is done before SERVING.
    assert_eq!(t.server.engine().list_collections().collections.len(), 1);
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_unknown_service_is_not_found() {
    let t = common::start(&[]).await;
    let error = HealthClient::new(t.channel.clone())
        .check(HealthCheckRequest {
            service: "no.such.Service".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(error.code(), tonic::Code::NotFound);
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_on_shutdown_turns_not_serving() {
    let t = common::start(&[]).await;
    let mut watch = HealthClient::new(t.channel.clone())
        .watch(HealthCheckRequest {
            service: "hybrid.core.v1.HotPath".into(),
        })
        .await
        .unwrap()
        .into_inner();
    let first = watch.message().await.unwrap().unwrap();
    assert_eq!(first.status(), ServingStatus::Serving);

    let shutdown = tokio::spawn(t.server.shutdown());
    let next = watch.message().await.unwrap().unwrap();
    assert_eq!(next.status(), ServingStatus::NotServing);
    drop(watch);
    drop(t.channel);
    shutdown.await.unwrap();
}
