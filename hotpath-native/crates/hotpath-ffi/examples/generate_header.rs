//! Rewrites `include/hotpath.h` from the sources with cbindgen.
//!
//! ```text
//! cargo run -p hotpath-ffi --example generate_header
//! ```
//!
//! `tests/header_fresh.rs` fails until this has been run after a change to the C surface.

// `REGENERATE` is only used by the freshness test's message.
#[allow(dead_code)]
#[path = "../tests/support/header.rs"]
mod header;

fn main() {
    let path = header::header_path();
    let generated = header::generate();
    if std::fs::read_to_string(&path).is_ok_and(|current| current == generated) {
        println!("{} is up to date", path.display());
        return;
    }
    std::fs::create_dir_all(path.parent().expect("include/"))
        .unwrap_or_else(|e| panic!("creating {}: {e}", path.display()));
    std::fs::write(&path, generated).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    println!("wrote {}", path.display());
}
