//! The in-page readiness checker, compiled to WebAssembly by `build.rs` and
//! embedded in the binary, so producing a site needs no Rust toolchain.

/// Files of the checker, as (path relative to the site's `assets/` folder,
/// contents). `www/checker.js` imports the glue from `./checker/`, and the
/// glue fetches the module next to itself.
pub const CHECKER_ASSETS: &[(&str, &[u8])] = &[
    (
        "checker/technote_checker.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/technote_checker.js")),
    ),
    (
        "checker/technote_checker_bg.wasm",
        include_bytes!(concat!(env!("OUT_DIR"), "/technote_checker_bg.wasm")),
    ),
];

#[cfg(test)]
mod tests {
    use super::CHECKER_ASSETS;

    #[test]
    fn glue_loads_the_embedded_module() {
        let glue = CHECKER_ASSETS
            .iter()
            .find(|(path, _)| path.ends_with(".js"))
            .map(|(_, bytes)| String::from_utf8_lossy(bytes));
        assert!(
            glue.is_some_and(|glue| glue.contains("technote_checker_bg.wasm")
                && glue.contains("export class DeclaredCheck")),
            "the glue must export DeclaredCheck and fetch technote_checker_bg.wasm"
        );
    }

    #[test]
    fn module_is_webassembly() {
        let module = CHECKER_ASSETS
            .iter()
            .find(|(path, _)| path.ends_with(".wasm"))
            .map(|(_, bytes)| *bytes);
        assert!(module.is_some_and(|bytes| bytes.starts_with(b"\0asm")));
    }
}
