//! The committed C header is exactly what cbindgen generates from the current sources, so the
//! JVM binding and C callers never compile against a stale ABI.

#[path = "support/header.rs"]
mod header;

#[test]
fn committed_header_is_fresh() {
    let expected = header::generate();
    let path = header::header_path();
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "include/hotpath.h is stale: run `{}` (from hotpath-native/)",
        header::REGENERATE
    );
}

#[test]
fn header_declares_every_entry_point() {
    let expected = header::generate();
    for symbol in [
        "#define HOTPATH_ABI_VERSION 1",
        "typedef struct HotpathEngine HotpathEngine;",
        "typedef struct HotpathBuffer {",
        "typedef struct HotpathTiming {",
        "uint32_t hotpath_abi_version(void);",
        "struct HotpathEngine *hotpath_engine_new(",
        "void hotpath_engine_free(struct HotpathEngine *engine);",
        "int32_t hotpath_call(",
        "int32_t hotpath_search_f32(",
        "int32_t hotpath_rerank_f32(",
        "void hotpath_buffer_free(struct HotpathBuffer *buffer);",
        "uint64_t hotpath_live_buffers(void);",
        "uint64_t hotpath_panics_caught(void);",
        "int32_t hotpath_noop(void);",
    ] {
        assert!(
            expected.contains(symbol),
            "generated header lacks `{symbol}`:\n{expected}"
        );
    }
}
