//! Turns `releases.toml` into the built-in catalog's compact text form
//! (`$OUT_DIR/catalog.wire`, decoded by `src/catalog/wire.rs`) after
//! checking that the catalog is consistent. A broken catalog fails the build
//! with one line per problem, each naming the entry at fault, so a wrong
//! minimum can never reach the browser, the CLI or the site.

mod encode;
mod source;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

const CATALOG_FILE: &str = "releases.toml";

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed={CATALOG_FILE}");
    println!("cargo:rerun-if-changed=build");
    // For the technote CLI's build script, which compiles the checker to
    // WebAssembly against this crate's sources (`links` in Cargo.toml).
    if let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") {
        println!("cargo:manifest_dir={}", PathBuf::from(dir).display());
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            for problem in problems {
                eprintln!("error: {CATALOG_FILE}: {problem}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Vec<String>> {
    let manifest_dir = env_path("CARGO_MANIFEST_DIR")?;
    let out_dir = env_path("OUT_DIR")?;
    let text = std::fs::read_to_string(manifest_dir.join(CATALOG_FILE))
        .map_err(|error| vec![format!("cannot read the catalog: {error}")])?;
    let parsed: source::CatalogSource =
        toml::from_str(&text).map_err(|error| vec![format!("invalid TOML: {error}")])?;
    let catalog = validate::validate(parsed)?;
    std::fs::write(out_dir.join("catalog.wire"), encode::encode(&catalog))
        .map_err(|error| vec![format!("cannot write the encoded catalog: {error}")])
}

fn env_path(name: &str) -> Result<PathBuf, Vec<String>> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .ok_or_else(|| vec![format!("cargo did not set {name}")])
}
