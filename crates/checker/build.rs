//! Tells the technote CLI's build script where this crate's sources are
//! (`links = "technote-checker"`): it compiles them to WebAssembly.

fn main() {
    if let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") {
        println!(
            "cargo:manifest_dir={}",
            std::path::Path::new(&dir).display()
        );
    }
    println!("cargo:rerun-if-changed=build.rs");
}
