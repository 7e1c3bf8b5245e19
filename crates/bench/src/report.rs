//! The benchmark's results as a table for people.

use std::fmt;

use crate::BenchReport;

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
        }
    }
}
