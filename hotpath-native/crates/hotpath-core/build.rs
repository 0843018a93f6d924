//! Generates the Rust types of the core's contract (`proto/hybrid/core/v1`) and of the
//! `google.rpc` error model with prost, using the vendored `protoc`.

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
    println!("cargo:rerun-if-env-changed=HOTPATH_PROTO_DEPS");
    println!("cargo:rerun-if-changed={}", deps.display());

    if !deps.join("google/rpc/status.proto").is_file() {
        panic!(
            "third-party protos not found at {}: run `./mvnw -q -pl proto generate-sources` from the \
             repository root (or set HOTPATH_PROTO_DEPS)",
            deps.display()
        );
    }

    let protoc = protoc_bin_vendored::protoc_bin_path().expect("vendored protoc");
    let protoc_include = protoc_bin_vendored::include_path().expect("vendored protoc include path");

    let protos = [
        proto_root.join("hybrid/core/v1/types.proto"),
        proto_root.join("hybrid/core/v1/search.proto"),
        proto_root.join("hybrid/core/v1/collections.proto"),
        proto_root.join("hybrid/core/v1/hotpath.proto"),
        deps.join("google/rpc/status.proto"),
        deps.join("google/rpc/error_details.proto"),
        deps.join("google/rpc/code.proto"),
    ];
    let includes = [proto_root.clone(), deps.clone(), protoc_include];

    let mut config = prost_build::Config::new();
    config.protoc_executable(protoc);
    // google.rpc's comments hold proto/JSON snippets that rustdoc would run as doctests.
    config.disable_comments([".google.rpc"]);
    config
        .compile_protos(&protos, &includes)
        .unwrap_or_else(|e| panic!("protobuf code generation failed: {e}"));
}
