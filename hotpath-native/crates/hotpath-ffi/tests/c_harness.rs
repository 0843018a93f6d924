//! Builds tests/c/harness.c with the system C compiler (`$CC`, else `cc`) against the committed
//! header and the freshly built `libhotpath_ffi.so`, and runs it: the ABI works from real C.
#![cfg(target_os = "linux")]

use std::path::PathBuf;
use std::process::Command;

/// The directory holding `libhotpath_ffi.so`: cargo builds the cdylib next to this test binary.
fn library_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().expect("target/<profile>/deps").to_path_buf();
    let library = dir.join(format!(
        "{}hotpath_ffi{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ));
    assert!(library.is_file(), "{} not built", library.display());
    dir
}

#[test]
fn c_harness_compiles_strictly_and_runs() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let library_dir = library_dir();
    let binary = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hotpath_c_harness");
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let compiled = Command::new(&compiler)
        .args([
            "-std=c11",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-pedantic",
            "-O1",
        ])
        .arg("-I")
        .arg(crate_dir.join("include"))
        .arg(crate_dir.join("tests/c/harness.c"))
        .arg("-o")
        .arg(&binary)
        .arg(format!("-L{}", library_dir.display()))
        .arg(format!("-Wl,-rpath,{}", library_dir.display()))
        .args(["-lhotpath_ffi", "-lm"])
        .output()
        .unwrap_or_else(|e| {
            panic!("running the C compiler `{compiler}` (set CC to choose one): {e}")
        });
    assert!(
        compiled.status.success(),
        "harness.c did not compile:\n{}",
        String::from_utf8_lossy(&compiled.stderr)
    );

    let run = Command::new(&binary)
        .output()
        .expect("running the C harness");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "C harness failed ({}):\n{stdout}\n{}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("c harness: ok"), "{stdout}");
}
