//! The benchmark's results as a table for people.

use std::fmt;

use crate::{BenchReport, FileSizes, OutputSizes};

impl fmt::Display for BenchReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mb = |bytes: u64| bytes as f64 / 1e6;
        writeln!(
            f,
            "{} pages ({} technotes in {} locales), {:.2} MB of Markdown -> {} files, {:.2} MB",
            self.pages,
            self.technotes,
            self.locales,
            mb(self.markdown_bytes),
            self.files,
            mb(self.output_bytes),
        )?;
        let runs = self.build.runs_ms.len();
        writeln!(f, "{:<28}{:>12}{:>12}", "", "median", "min")?;
        writeln!(
            f,
            "{:<28}{:>9.1} ms{:>9.1} ms",
            format!("full build ({runs} runs)"),
            self.build.median_ms,
            self.build.min_ms
        )?;
        writeln!(
            f,
            "{:<28}{:>9.1} ms{:>9.1} ms",
            "floor (pulldown-cmark)", self.floor.median_ms, self.floor.min_ms
        )?;
        writeln!(
            f,
            "{:<28}{:>9.1} ms{:>9.1} ms",
            "  build CPU time", self.build_cpu.median_ms, self.build_cpu.min_ms
        )?;
        writeln!(
            f,
            "{:<28}{:>9.1} ms{:>9.1} ms",
            "  floor CPU time", self.floor_cpu.median_ms, self.floor_cpu.min_ms
        )?;
        writeln!(
            f,
            "{:<28}{:>9.1} ms{:>9.1} ms",
            "one-page rebuild", self.one_page_rebuild.median_ms, self.one_page_rebuild.min_ms
        )?;
        writeln!(
            f,
            "{:<28}{:>9.1} ms{:>9.1} ms",
            "  its search index after", self.search_refresh.median_ms, self.search_refresh.min_ms
        )?;
        writeln!(f, "ratio to floor: {:.2}x", self.ratio_to_floor)?;
        writeln!(
            f,
            "throughput: {:.0} pages/s, {:.1} MB/s of Markdown",
            self.pages_per_second, self.markdown_mb_per_second
        )?;
        match self.peak_rss_bytes {
            Some(bytes) => writeln!(
                f,
                "peak memory (RSS): {:.1} MiB",
                bytes as f64 / (1024.0 * 1024.0)
            ),
            None => writeln!(f, "peak memory (RSS): not measured"),
        }?;
        write!(f, "{}", self.outputs)
    }
}

impl fmt::Display for OutputSizes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<28}{}", "sitemaps", sizes(&self.sitemaps))?;
        match &self.largest_home {
            Some(home) => writeln!(
                f,
                "{:<28}{} KB ({})",
                "largest home page",
                kb(home.bytes),
                home.path
            ),
            None => writeln!(f, "{:<28}none", "largest home page"),
        }?;
        writeln!(f, "search index")?;
        writeln!(
            f,
            "{:<28}{}",
            "  heads (one per locale)",
            sizes(&self.search_heads)
        )?;
        writeln!(
            f,
            "{:<28}{}",
            "  term shards",
            sizes(&self.search_term_shards)
        )?;
        writeln!(
            f,
            "{:<28}{}",
            "  page shards",
            sizes(&self.search_page_shards)
        )?;
        writeln!(
            f,
            "{:<28}{}",
            "  rest shards",
            sizes(&self.search_rest_shards)
        )
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1e3)
}

fn sizes(files: &FileSizes) -> String {
    format!(
        "{} file{}, largest {} KB, total {} KB",
        files.files,
        if files.files == 1 { "" } else { "s" },
        kb(files.largest_bytes),
        kb(files.total_bytes)
    )
}
