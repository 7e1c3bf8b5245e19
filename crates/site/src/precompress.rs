//! `--precompress`: a `.gz` (gzip) and a `.br` (brotli) copy beside each
//! text file of a built site, for hosts that serve them to browsers that ask
//! (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, S3 with
//! `Content-Encoding` set per object). Written into the staging folder, so a
//! failed compression leaves the previous site as it was.

use std::io::Write;
use std::path::Path;

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;
use walkdir::WalkDir;

use crate::output::{SiteFolder, io_error};

/// Extensions of the files worth compressing: text, and the checker's
/// WebAssembly and the search index (both compress by half or more).
/// Images are compressed already.
const COMPRESSIBLE: [&str; 10] = [
    "html", "css", "js", "mjs", "json", "xml", "txt", "svg", "wasm", "bin",
];

/// Below this size, the copies would save less than the request headers.
const MIN_BYTES: u64 = 256;

/// Brotli quality 9 of 11: 11 compresses a few percent smaller and is about
/// ten times slower, which a site of 10,000 pages would feel at each build.
const BROTLI_QUALITY: u32 = 9;
const BROTLI_WINDOW: u32 = 22;

/// What precompression wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Compressed {
    pub files: usize,
    pub bytes: u64,
}

/// Writes `<file>.gz` and `<file>.br` beside every compressible file of the
/// site in `folder`, when they are smaller than it.
pub fn precompress(folder: SiteFolder<'_>) -> Result<Compressed, Diagnostic> {
    let root = folder.root;
    let mut candidates = Vec::new();
    for entry in WalkDir::new(root).min_depth(1) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(root).to_path_buf();
            Diagnostic::error(&path, format!("cannot list the site to compress it: {e}"))
        })?;
        let compressible = entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        let big_enough = entry.metadata().is_ok_and(|m| m.len() >= MIN_BYTES);
        if entry.file_type().is_file() && compressible && big_enough {
            candidates.push(entry.into_path());
        }
    }
    candidates
        .par_iter()
        .map(|path| compress_one(folder, root, path))
        .try_reduce(Compressed::default, |a, b| {
            Ok(Compressed {
                files: a.files + b.files,
                bytes: a.bytes + b.bytes,
            })
        })
}

fn compress_one(
    folder: SiteFolder<'_>,
    root: &Path,
    path: &Path,
) -> Result<Compressed, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, "read a file to compress", &e))?;
    let relative = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    let mut written = Compressed::default();
    for (extension, compressed) in [("gz", gzip(&bytes)), ("br", brotli(&bytes))] {
        if compressed.len() < bytes.len() {
            folder.write(&format!("{relative}.{extension}"), &compressed)?;
            written.files += 1;
            written.bytes += compressed.len() as u64;
        }
    }
    Ok(written)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, BROTLI_WINDOW);
        let _ = writer.write_all(bytes);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn each_copy_decompresses_to_the_file_and_images_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let page = "<p>The same sentence, again and again.</p>\n".repeat(40);
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/index.html"), &page).unwrap();
        std::fs::write(dir.path().join("en/photo.png"), vec![7u8; 4096]).unwrap();
        std::fs::write(dir.path().join("tiny.txt"), "short").unwrap();

        let written = precompress(SiteFolder::at(dir.path())).unwrap();
        assert_eq!(written.files, 2);

        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(
            &std::fs::read(dir.path().join("en/index.html.gz")).unwrap()[..],
        )
        .read_to_string(&mut unzipped)
        .unwrap();
        assert_eq!(unzipped, page);
        let mut unbrotli = String::new();
        brotli::Decompressor::new(
            &std::fs::read(dir.path().join("en/index.html.br")).unwrap()[..],
            4096,
        )
        .read_to_string(&mut unbrotli)
        .unwrap();
        assert_eq!(unbrotli, page);
        assert!(!dir.path().join("en/photo.png.gz").exists());
        assert!(!dir.path().join("tiny.txt.gz").exists());
    }
}
