//! Lists every file of the default theme (`templates/`, `www/`, `locales/`
//! beside this script) as `include_bytes!` entries in `OUT_DIR/files.rs`.
//! Through `include_bytes!`, rustc itself notices an edited file; the
//! rerun lines below catch files added or removed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

/// The theme's folders, as a project overrides them.
const PARTS: [&str; 3] = ["templates", "www", "locales"];

fn main() {
    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut files = Vec::new();
    for part in PARTS {
        let dir = manifest_dir.join(part);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect(&dir, part, &mut files);
    }
    files.sort();
    let mut code = String::from("&[\n");
    for relative in &files {
        // The entries name the file relative to the manifest, so the
        // generated code holds no absolute path of the machine.
        writeln!(
            code,
            "    File {{ path: {relative:?}, bytes: include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/\", {relative:?})) }},"
        )
        .expect("writing to a String");
    }
    code.push(']');
    let target = out_dir.join("files.rs");
    if let Err(error) = fs::write(&target, code) {
        eprintln!("error: cannot write {}: {error}", target.display());
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// Every visible regular file below `dir`, as `/`-separated paths starting
/// with `prefix`. Hidden files (editor swap files, `.DS_Store`) stay out.
fn collect(dir: &Path, prefix: &str, files: &mut Vec<String>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            eprintln!(
                "error: cannot read the theme folder {}: {error}\n\
                 help: on Windows, check out the repository with `git config core.symlinks true`, \
                 as crates/theme links to the top-level folders",
                dir.display()
            );
            std::process::exit(1);
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let relative = format!("{prefix}/{name}");
        if path.is_dir() {
            collect(&path, &relative, files);
        } else if path.is_file() {
            files.push(relative);
        }
    }
}
