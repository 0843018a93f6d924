//! A tonic client of the gateway's public gRPC API, generated at build time from
//! `proto/hybrid/gateway/v1` (nothing generated is committed). Its live tests
//! (`tests/live_gateway`, feature `live-gateway`) call a running gateway with it: the Rust-to-Java
//! direction of the interop suite.
//!
//! The clients are `gateway_v1::search_service_client::SearchServiceClient` and
//! `gateway_v1::collection_service_client::CollectionServiceClient`; every call carries
//! `authorization: Bearer <JWT>` (see README.md).

#![forbid(unsafe_code)]

/// The generated packages, nested as their proto packages are (prost's generated code refers
/// from one package to another by relative module paths).
#[allow(missing_docs, unreachable_pub, clippy::all, clippy::pedantic)]
pub mod hybrid {
    /// `hybrid.core.*`: the value types the gateway API shares with the core.
    pub mod core {
        /// `hybrid.core.v1`.
        pub mod v1 {
            include!(concat!(env!("OUT_DIR"), "/hybrid.core.v1.rs"));
        }
    }
    /// `hybrid.gateway.*`: the gateway's public API.
    pub mod gateway {
        /// `hybrid.gateway.v1`.
        pub mod v1 {
            include!(concat!(env!("OUT_DIR"), "/hybrid.gateway.v1.rs"));
        }
    }
}

pub use hybrid::core::v1 as core_v1;
pub use hybrid::gateway::v1 as gateway_v1;
