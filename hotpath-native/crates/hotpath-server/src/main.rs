//! The `hotpath-server` binary: parse the command line, then hand over to [`hotpath_server::run`].
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

// Allocator choice: see README.md ("Allocator") for the measurement behind the default.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = hotpath_server::Cli::parse();
    match hotpath_server::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hotpath-server: {error}");
            ExitCode::FAILURE
        }
    }
}
