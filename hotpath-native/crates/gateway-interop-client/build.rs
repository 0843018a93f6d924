//! Generates the tonic clients of `hybrid.gateway.v1` (SearchService, CollectionService) and the
//! prost types they use (`hybrid.core.v1`'s vectors, hits and sources), from the repository's
//! one `proto/` folder. `google.rpc` maps to tonic-types' generated types; protoc comes from
//! `protoc-bin-vendored`.

use std::env;
use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let proto_root = manifest_dir.join("../../../proto");
    let deps = env::var_os("HOTPATH_PROTO_DEPS")
        .map(PathBuf::from)
        .unwrap_or_else(|| proto_root.join("target/proto-deps"));

    println!(
        "cargo:rerun-if-changed={}",
        proto_root.join("hybrid").display()
    );
    println!("cargo:rerun-if-changed={}", deps.display());
    println!("cargo:rerun-if-env-changed=HOTPATH_PROTO_DEPS");

    if !deps.join("google/api/annotations.proto").is_file() {
        panic!(
            "third-party protos not found at {}: run `./mvnw -q -pl proto generate-sources` from the \
             repository root (or set HOTPATH_PROTO_DEPS)",
            deps.display()
        );
    }

    let protoc = protoc_bin_vendored::protoc_bin_path().expect("vendored protoc");
    let protoc_include = protoc_bin_vendored::include_path().expect("vendored protoc include path");
    let protos = [
        proto_root.join("hybrid/gateway/v1/search.proto"),
        proto_root.join("hybrid/gateway/v1/collections.proto"),
        proto_root.join("hybrid/gateway/v1/types.proto"),
    ];
    let includes = [proto_root.clone(), deps.clone(), protoc_include];

    let mut config = prost_build::Config::new();
    config.protoc_executable(protoc);
    // A client only: this crate calls the gateway, it serves nothing.
    tonic_prost_build::configure()
        .build_server(false)
        .build_client(true)
        .extern_path(".google.rpc", "::tonic_types::pb")
        .compile_with_config(config, &protos, &includes)
        .unwrap_or_else(|e| panic!("protobuf code generation failed: {e}"));
}
