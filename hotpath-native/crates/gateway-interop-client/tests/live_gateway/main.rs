//! The Rust client against a running gateway (feature `live-gateway`): the shared vectors give
//! the expected ids and score bits, errors carry their google.rpc details, authentication is
//! enforced, a short deadline stops long work, and a dropped call leaves the gateway serving.
//! One binary, one file per topic. The gateway's address and tokens come from the environment
//! (`common::Gateway`); `RustClientInteropTest` in interop-tests starts a gateway and runs this.

mod auth;
mod common;
mod deadlines;
mod errors;
mod results;
mod vectors;
