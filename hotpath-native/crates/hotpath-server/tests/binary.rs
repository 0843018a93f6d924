//! The `hotpath-server` binary as harnesses use it: the "listening" line on stdout gives the
//! port, the server answers, SIGTERM drains and exits 0; a bad preload exits non-zero.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use hotpath_server::proto::core_v1::ListCollectionsRequest;
use hotpath_server::proto::core_v1::hot_path_client::HotPathClient;
use tonic_health::pb::health_check_response::ServingStatus;

const BIN: &str = env!("CARGO_BIN_EXE_hotpath-server");

fn spawn(args: &[&str]) -> Child {
    Command::new(BIN)
        .args(args)
        .env_remove("OTEL_EXPORTER_OTLP_ENDPOINT")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hotpath-server")
}

/// The first stdout line, read on a thread so a silent child fails the test instead of hanging it.
fn first_line(child: &mut Child) -> String {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("a line on stdout")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn binary_prints_address_serves_and_drains_on_sigterm() {
    let mut child = spawn(&[
        "--listen",
        "127.0.0.1:0",
        "--preload",
        "demo:synthetic:seed=42,count=1000,dim=16,metric=cosine",
    ]);
    let line = first_line(&mut child);
    let addr = line
        .trim_end()
        .strip_prefix("hotpath-server listening on 127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    let port: u16 = addr.parse().expect("port");
    assert_ne!(port, 0);

    let channel = tonic::transport::Endpoint::from_shared(format!("http://127.0.0.1:{port}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    assert_eq!(
        common::health_status(&channel, "").await,
        ServingStatus::Serving
    );
    let list = HotPathClient::new(channel.clone())
        .list_collections(ListCollectionsRequest {})
        .await
        .unwrap()
        .into_inner();
    assert_eq!(list.collections[0].name, "demo");
    drop(channel);

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let exit = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exit.success(), "exit status {exit:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn binary_with_bad_preload_exits_non_zero() {
    let child = spawn(&[
        "--listen",
        "127.0.0.1:0",
        "--preload",
        "demo:file:path=missing.fvecs,dim=4,metric=l2",
    ]);
    let output = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "no listening line on failure");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("preload of collection \"demo\" failed"),
        "{stderr}"
    );
}
