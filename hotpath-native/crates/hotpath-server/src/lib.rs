//! `hotpath-server`: the hybrid-gateway core behind gRPC.
//!
//! A tonic server for `hybrid.core.v1.HotPath` ([`HotPathService`]) plus `grpc.health.v1`,
//! server reflection and the `grpc.testing` interop service, served over plaintext HTTP/2 by
//! hyper with explicit hardening limits ([`server`]). Work runs on the core's bounded
//! [`hotpath_core::ComputePool`], never on a Tokio worker; deadlines come from `grpc-timeout`
//! ([`deadline`]) and client cancellation trips the engine's cancel flag ([`cancel`]).
//!
//! Start one in-process (as the integration tests do):
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use clap::Parser;
//! use hotpath_server::{Cli, Server};
//!
//! let cli = Cli::try_parse_from(["hotpath-server", "--listen", "127.0.0.1:0"])?;
//! let server = Server::start(&cli).await?;
//! println!("serving on {}", server.local_addr());
//! server.shutdown().await;
//! # Ok(())
//! # }
//! ```
#![forbid(unsafe_code)]

pub mod cancel;
pub mod cli;
pub mod codec;
pub mod deadline;
pub mod interop;
mod preload;
pub mod proto;
pub mod server;
mod service;
mod status;
pub mod telemetry;

pub use cli::Cli;
pub use deadline::{CallDeadline, parse_grpc_timeout};
pub use preload::PreloadSpec;
pub use server::{Server, StartError, run};
pub use service::{HotPathService, OVERLOAD_RETRY_AFTER};
pub use status::core_status;
