//! Generates the tonic server/client code of `hybrid.core.v1.HotPath` (reusing the message types
//! of `hotpath-core`) and of `grpc.testing.TestService`, plus the file descriptor sets that the
//! reflection service publishes. protoc comes from `protoc-bin-vendored`.

use std::env;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
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

    if !deps.join("grpc/testing/test.proto").is_file() {
        panic!(
            "third-party protos not found at {}: run `./mvnw -q -pl proto generate-sources` from the \
             repository root (or set HOTPATH_PROTO_DEPS)",
            deps.display()
        );
    }

    let protoc = protoc_bin_vendored::protoc_bin_path().expect("vendored protoc");
    let protoc_include = protoc_bin_vendored::include_path().expect("vendored protoc include path");
    let includes = [proto_root.clone(), deps.clone(), protoc_include];

    // HotPath: only the service is generated here; every message is hotpath-core's own type,
    // so the server hands requests to the engine without conversion.
    generate(
        &protoc,
        &[proto_root.join("hybrid/core/v1/hotpath.proto")],
        &includes,
        &out_dir.join("hotpath_descriptor.bin"),
        Some((".hybrid.core.v1", "::hotpath_core::proto::core_v1")),
        // Undecodable requests are the caller's fault: INVALID_ARGUMENT, as over the C ABI.
        "crate::codec::CoreCodec",
    );

    // The official interop service, so grpc-java's TestServiceClient can run against us.
    generate(
        &protoc,
        &[deps.join("grpc/testing/test.proto")],
        &includes,
        &out_dir.join("interop_descriptor.bin"),
        None,
        "tonic_prost::ProstCodec",
    );
}

fn generate(
    protoc: &Path,
    protos: &[PathBuf],
    includes: &[PathBuf],
    descriptor_set: &Path,
    extern_path: Option<(&str, &str)>,
    codec_path: &str,
) {
    let mut config = prost_build::Config::new();
    config.protoc_executable(protoc);
    let mut builder = tonic_prost_build::configure()
        .build_server(true)
        .build_client(true)
        .file_descriptor_set_path(descriptor_set)
        .codec_path(codec_path);
    if let Some((proto_path, rust_path)) = extern_path {
        builder = builder.extern_path(proto_path, rust_path);
    }
    builder
        .compile_with_config(config, protos, includes)
        .unwrap_or_else(|e| panic!("protobuf code generation failed: {e}"));
}
