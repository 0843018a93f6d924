//! The ABI version and the no-op entry point: what a loader checks first.

use hotpath_ffi::{HOTPATH_ABI_VERSION, hotpath_abi_version, hotpath_noop};

#[test]
fn abi_version_is_one_and_matches_the_constant() {
    assert_eq!(hotpath_abi_version(), 1);
    assert_eq!(hotpath_abi_version(), HOTPATH_ABI_VERSION);
}

#[test]
fn header_declares_the_same_version() {
    let header = include_str!("../include/hotpath.h");
    assert!(
        header.contains(&format!(
            "#define HOTPATH_ABI_VERSION {HOTPATH_ABI_VERSION}"
        )),
        "include/hotpath.h must define HOTPATH_ABI_VERSION {HOTPATH_ABI_VERSION}"
    );
}

#[test]
fn noop_returns_zero() {
    for _ in 0..1000 {
        assert_eq!(hotpath_noop(), 0);
    }
}
