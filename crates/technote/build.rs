//! Compiles the in-page readiness checker (`crates/checker`) to WebAssembly
//! and generates its `--target web` JS glue into `OUT_DIR`, where
//! `src/checker_assets.rs` embeds both files: a `technote` binary built once
//! writes sites without needing a Rust toolchain.
//!
//! The checker's and the rules' folders come from cargo (`links` metadata of
//! those two dependencies), never from paths above this crate, so the same
//! script works in the workspace, from `cargo install --path` and from the
//! packaged crates. In the workspace, the checker is built as the member it
//! is (the workspace's lock file and `[profile.wasm]`); from packaged crates,
//! a small workspace in `OUT_DIR` holds a copy of the checker, with the rules
//! crate patched in from where cargo unpacked it.
//!
//! The wasm build runs a nested cargo in a target directory of its own
//! (`<target>/wasm-checker`): the outer cargo holds the lock on the normal
//! one. That directory is shared by every profile, so `cargo build`,
//! `cargo test` and `cargo clippy` compile the checker once between them.
//! A copy of the glue also lands in `<target>/wasm-checker/pkg/`, the known
//! place where the Node tests in `tests/checker/` find it.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::{env, fs};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHECKER_PACKAGE: &str = "technote-checker";
/// File stem of the checker's cdylib, and of the glue generated from it.
const CHECKER_STEM: &str = "technote_checker";
/// The `[profile.wasm]` of the workspace manifest: size-optimized, panic=abort.
const WASM_PROFILE: &str = "wasm";
/// The same profile, for the workspace this script writes around a packaged
/// checker (keep in step with the workspace's `Cargo.toml`).
const WASM_PROFILE_TOML: &str = "[profile.wasm]\ninherits = \"release\"\nopt-level = \"z\"\n\
lto = \"fat\"\ncodegen-units = 1\npanic = \"abort\"\nstrip = true\n";

fn main() {
    let out_dir = PathBuf::from(required_env("OUT_DIR"));
    let checker_dir = PathBuf::from(required_env("DEP_TECHNOTE_CHECKER_MANIFEST_DIR"));
    let rules_dir = PathBuf::from(required_env("DEP_TECHNOTE_RULES_MANIFEST_DIR"));
    ensure_wasm_target_installed();
    let wasm_target_dir = wasm_target_dir(&out_dir);
    let build = if checker_dir.join("Cargo.toml.orig").is_file() {
        // `cargo package` keeps the original manifest beside the normalized one.
        packaged_build(&checker_dir, &rules_dir, &out_dir)
    } else {
        workspace_build(&checker_dir)
    };
    emit_rerun_lines(&checker_dir, &rules_dir, build.lock_file.as_deref());
    let wasm_module = compile_checker(&build, &wasm_target_dir);
    generate_glue(&wasm_module, &out_dir);
    publish_for_node_tests(&out_dir, &wasm_target_dir.join("pkg"));
}

/// How the nested cargo is run.
struct CheckerBuild {
    manifest: PathBuf,
    /// A lock file to hold to (`--locked`): the workspace's.
    lock_file: Option<PathBuf>,
}

/// The checker as a member of its workspace, which cargo finds from it.
fn workspace_build(checker_dir: &Path) -> CheckerBuild {
    let manifest = checker_dir.join("Cargo.toml");
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let located = Command::new(cargo)
        .args(["locate-project", "--workspace", "--message-format", "plain"])
        .arg("--manifest-path")
        .arg(&manifest)
        .stdin(Stdio::null())
        .output();
    let workspace_manifest = match located {
        Ok(output) if output.status.success() => {
            PathBuf::from(String::from_utf8_lossy(&output.stdout).trim())
        }
        _ => fail(&format!(
            "cannot find the workspace of {}",
            manifest.display()
        )),
    };
    CheckerBuild {
        manifest,
        lock_file: workspace_manifest
            .parent()
            .map(|root| root.join("Cargo.lock")),
    }
}

/// A workspace in `OUT_DIR` around a copy of the packaged checker, with the
/// packaged rules crate in place of the registry's (it is not published
/// there) and the size-optimized profile.
fn packaged_build(checker_dir: &Path, rules_dir: &Path, out_dir: &Path) -> CheckerBuild {
    let root = out_dir.join("checker-workspace");
    let member = root.join(CHECKER_PACKAGE);
    copy_tree(checker_dir, &member);
    let manifest = format!(
        "[workspace]\nmembers = [\"{CHECKER_PACKAGE}\"]\nresolver = \"3\"\n\n\
         [patch.crates-io]\ntechnote-rules = {{ path = {:?} }}\n\n{WASM_PROFILE_TOML}",
        rules_dir.display().to_string()
    );
    let manifest_path = root.join("Cargo.toml");
    if let Err(error) = fs::write(&manifest_path, manifest) {
        fail(&format!(
            "cannot write {}: {error}",
            manifest_path.display()
        ));
    }
    CheckerBuild {
        manifest: member.join("Cargo.toml"),
        lock_file: None,
    }
}

fn copy_tree(from: &Path, to: &Path) {
    let copy = || -> std::io::Result<()> {
        fs::create_dir_all(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            let target = to.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                copy_tree(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), target)?;
            }
        }
        Ok(())
    };
    if let Err(error) = copy() {
        fail(&format!(
            "cannot copy {} to {}: {error}",
            from.display(),
            to.display()
        ));
    }
}

/// Only the sources that end up in the wasm module: editing anything else in
/// the workspace must not pay for a nested cargo run.
fn emit_rerun_lines(checker_dir: &Path, rules_dir: &Path, lock_file: Option<&Path>) {
    let mut watched = vec![
        checker_dir.join("Cargo.toml"),
        checker_dir.join("src"),
        rules_dir.join("Cargo.toml"),
        rules_dir.join("build"),
        rules_dir.join("releases.toml"),
        rules_dir.join("src"),
    ];
    if let Some(lock_file) = lock_file {
        // The workspace's manifest pins wasm-bindgen; its lock file, the rest.
        watched.extend(lock_file.parent().map(|root| root.join("Cargo.toml")));
        watched.push(lock_file.to_path_buf());
    }
    for path in watched {
        // A missing path makes cargo rerun this script on every build.
        if !path.exists() {
            println!(
                "cargo:warning=build.rs watches {}, which does not exist",
                path.display()
            );
        }
        println!("cargo:rerun-if-changed={}", path.display());
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// Checks for the standard library of the wasm target up front, because the
/// error rustc gives without it ("can't find crate for `core`") does not say
/// what to do.
fn ensure_wasm_target_installed() {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(&rustc)
        .args(["--print", "target-libdir", "--target", WASM_TARGET])
        .stdin(Stdio::null())
        .output();
    let installed = match output {
        Ok(output) if output.status.success() => {
            let libdir = String::from_utf8_lossy(&output.stdout);
            Path::new(libdir.trim()).is_dir()
        }
        _ => false,
    };
    if !installed {
        fail(&format!(
            "the Rust target {WASM_TARGET} is not installed, and the readiness checker \
             is compiled to it.\nhelp: run `rustup target add {WASM_TARGET}` and build again"
        ));
    }
}

/// `<target>/wasm-checker`, where `<target>` is the cargo target directory
/// holding `OUT_DIR`: cargo marks its root with `CACHEDIR.TAG`. Falls back to
/// a folder inside `OUT_DIR` for layouts without that mark.
fn wasm_target_dir(out_dir: &Path) -> PathBuf {
    out_dir
        .ancestors()
        .find(|dir| dir.join("CACHEDIR.TAG").is_file())
        .unwrap_or(out_dir)
        .join("wasm-checker")
}

/// Runs `cargo build` of the checker for the wasm target and returns the
/// path of the produced module.
fn compile_checker(build: &CheckerBuild, wasm_target_dir: &Path) -> PathBuf {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .arg("build")
        .arg("--manifest-path")
        .arg(&build.manifest)
        .args(["--package", CHECKER_PACKAGE])
        .args(["--target", WASM_TARGET])
        .args(["--profile", WASM_PROFILE])
        .arg("--target-dir")
        .arg(wasm_target_dir)
        .stdin(Stdio::null());
    if build.lock_file.is_some() {
        // The outer cargo has already resolved and written Cargo.lock: the
        // nested one must not race it by rewriting the file.
        command.arg("--locked");
    }
    for (name, _) in env::vars_os() {
        if leaks_into_nested_build(&name) {
            command.env_remove(&name);
        }
    }
    match command.status() {
        Ok(status) if status.success() => {}
        Ok(status) => fail(&format!(
            "compiling {CHECKER_PACKAGE} to WebAssembly failed ({status}); \
             the nested cargo's errors are printed above"
        )),
        Err(error) => fail(&format!("cannot run cargo to compile the checker: {error}")),
    }
    wasm_target_dir
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join(format!("{CHECKER_STEM}.wasm"))
}

/// Variables cargo sets for this build script, or that configure the host
/// build, which would be wrong for the nested wasm build: host rustflags,
/// clippy's wrapper (which would lint the checker again), and this script's
/// own package and target facts (the nested cargo sets its own for the rules
/// crate's build script, and stale ones such as `CARGO_CFG_UNIX` would leak).
/// The jobserver (`CARGO_MAKEFLAGS`) is kept on purpose, so both builds share
/// the job slots.
fn leaks_into_nested_build(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    const EXACT: &[&str] = &[
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
        "RUSTC_WORKSPACE_WRAPPER",
        "CARGO_BUILD_TARGET",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET_DIR",
        "CARGO_MANIFEST_DIR",
        "CARGO_MANIFEST_PATH",
        "CARGO_MANIFEST_LINKS",
        "CARGO_PRIMARY_PACKAGE",
        "OUT_DIR",
        "TARGET",
        "HOST",
        "PROFILE",
        "OPT_LEVEL",
        "DEBUG",
        "NUM_JOBS",
        "RUSTC_LINKER",
    ];
    const PREFIXES: &[&str] = &["CARGO_CFG_", "CARGO_FEATURE_", "CARGO_PKG_", "DEP_"];
    EXACT.contains(&name) || PREFIXES.iter().any(|prefix| name.starts_with(prefix))
}

/// Generates the `--target web` glue and the processed module into `out_dir`
/// as `technote_checker.js` and `technote_checker_bg.wasm`.
fn generate_glue(wasm_module: &Path, out_dir: &Path) {
    let generated = wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm_module)
        .out_name(CHECKER_STEM)
        .typescript(false)
        // Names and toolchain versions only serve debugging; browsers
        // download every byte.
        .remove_name_section(true)
        .remove_producers_section(true)
        // The library, unlike the CLI, leaves `init()` without the default
        // URL of the module next to the glue, which www/checker.js relies on.
        .omit_default_module_path(false)
        .web(true)
        .and_then(|bindgen| bindgen.generate(out_dir));
    if let Err(error) = generated {
        fail(&format!(
            "wasm-bindgen could not process {}: {error:#}",
            wasm_module.display()
        ));
    }
}

/// The generated files, as `CHECKER_ASSETS` lists them.
fn glue_files() -> [String; 2] {
    [
        format!("{CHECKER_STEM}.js"),
        format!("{CHECKER_STEM}_bg.wasm"),
    ]
}

fn publish_for_node_tests(out_dir: &Path, pkg_dir: &Path) {
    if let Err(error) = fs::create_dir_all(pkg_dir) {
        fail(&format!("cannot create {}: {error}", pkg_dir.display()));
    }
    for file in glue_files() {
        let from = out_dir.join(&file);
        let to = pkg_dir.join(&file);
        if let Err(error) = fs::copy(&from, &to) {
            fail(&format!(
                "cannot copy {} to {}: {error}",
                from.display(),
                to.display()
            ));
        }
    }
}

fn required_env(name: &str) -> std::ffi::OsString {
    env::var_os(name).unwrap_or_else(|| fail(&format!("cargo did not set {name}")))
}

/// Stops the build with a message cargo prints as is.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
