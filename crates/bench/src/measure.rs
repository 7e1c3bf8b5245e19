//! Timings and the peak memory of a build run in a child process.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use nix::sys::resource::{UsageWho, getrusage};
use serde::Serialize;

use crate::BenchError;

/// Repeated measurements of one thing, in milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timing {
    pub median_ms: f64,
    pub min_ms: f64,
    /// Every run, in the order they ran.
    pub runs_ms: Vec<f64>,
}

impl Timing {
    /// Summarizes the runs; the median of an even count is the mean of the
    /// two middle runs.
    pub fn from_runs(runs: &[Duration]) -> Self {
        let runs_ms: Vec<f64> = runs.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
        let mut sorted = runs_ms.clone();
        sorted.sort_by(f64::total_cmp);
        let middle = sorted.len() / 2;
        let median_ms = match (sorted.get(middle.wrapping_sub(1)), sorted.get(middle)) {
            (Some(low), Some(high)) if sorted.len().is_multiple_of(2) => (low + high) / 2.0,
            (_, Some(value)) => *value,
            _ => 0.0,
        };
        Self {
            median_ms,
            min_ms: sorted.first().copied().unwrap_or(0.0),
            runs_ms,
        }
    }
}

/// CPU time this process has used so far, user and system, on every thread.
/// Unlike wall time it barely depends on what else the machine runs.
pub fn cpu_time() -> Result<Duration, BenchError> {
    let usage = getrusage(UsageWho::RUSAGE_SELF).map_err(BenchError::CpuTime)?;
    let seconds = |time: nix::sys::time::TimeVal| {
        let micros = i128::from(time.tv_sec()) * 1_000_000 + i128::from(time.tv_usec());
        Duration::from_micros(u64::try_from(micros).unwrap_or(0))
    };
    Ok(seconds(usage.user_time()) + seconds(usage.system_time()))
}

/// A command that builds one project and exits: the project's folder is
/// appended to `args`. `technote bench` re-runs itself with a hidden flag.
#[derive(Debug, Clone)]
pub struct ChildBuild {
    pub program: PathBuf,
    pub args: Vec<OsString>,
}

/// What the child build prints last: its own peak resident set.
pub const PEAK_RSS_LINE: &str = "peak-rss-bytes: ";

/// Runs the child build of `project` and returns its peak resident set, in
/// bytes. The child reports it itself (`VmHWM`, which counts its own memory
/// only): `getrusage(RUSAGE_CHILDREN)` would also count the memory of this
/// process, which the child shares between being started and running
/// technote.
pub fn child_peak_rss(child: &ChildBuild, project: &Path) -> Result<u64, BenchError> {
    let output = Command::new(&child.program)
        .args(&child.args)
        .arg(project)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| {
            BenchError::Child(format!("could not start {}: {e}", child.program.display()))
        })?;
    if !output.status.success() {
        return Err(BenchError::Child(format!(
            "{} ended with {}",
            child.program.display(),
            output.status
        )));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix(PEAK_RSS_LINE)?.trim().parse().ok())
        .ok_or_else(|| {
            BenchError::Child(format!(
                "{} did not report its peak memory",
                child.program.display()
            ))
        })
}

/// This process's peak resident set so far, in bytes (Linux's `VmHWM`).
pub fn own_peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kilobytes: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))?
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_minimum_of_odd_and_even_counts() {
        let ms = |v: &[u64]| {
            v.iter()
                .map(|&m| Duration::from_millis(m))
                .collect::<Vec<_>>()
        };
        let odd = Timing::from_runs(&ms(&[30, 10, 20]));
        assert_eq!((odd.median_ms, odd.min_ms), (20.0, 10.0));
        assert_eq!(odd.runs_ms, vec![30.0, 10.0, 20.0]);
        let even = Timing::from_runs(&ms(&[40, 10, 20, 30]));
        assert_eq!(even.median_ms, 25.0);
    }
}
