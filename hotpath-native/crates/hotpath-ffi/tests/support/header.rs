//! How `include/hotpath.h` is produced, shared by `tests/header_fresh.rs` (which compares) and
//! `examples/generate_header.rs` (which rewrites): one definition, so they cannot disagree.

use std::path::PathBuf;

/// The command that rewrites the committed header.
pub(crate) const REGENERATE: &str = "cargo run -p hotpath-ffi --example generate_header";

/// The committed header.
pub(crate) fn header_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("include/hotpath.h")
}

/// The header as cbindgen generates it now from `src/` and `cbindgen.toml`.
pub(crate) fn generate() -> String {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .unwrap_or_else(|e| panic!("reading cbindgen.toml: {e}"));
    let bindings = cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .unwrap_or_else(|e| panic!("cbindgen failed: {e}"));
    let mut header = Vec::new();
    bindings.write(&mut header);
    String::from_utf8(header).expect("cbindgen writes UTF-8")
}
