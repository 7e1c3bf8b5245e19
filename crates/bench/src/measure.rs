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

/// Runs the child build of `project` and returns the largest resident set
/// of any child this process has waited for, in bytes.
pub fn child_peak_rss(child: &ChildBuild, project: &Path) -> Result<u64, BenchError> {
    let status = Command::new(&child.program)
        .args(&child.args)
        .arg(project)
        .status()
        .map_err(|e| {
            BenchError::Child(format!("could not start {}: {e}", child.program.display()))
        })?;
    if !status.success() {
        return Err(BenchError::Child(format!(
            "{} ended with {status}",
            child.program.display()
        )));
    }
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN)
        .map_err(|e| BenchError::Child(format!("getrusage failed: {e}")))?;
    // Linux reports kilobytes.
    Ok(u64::try_from(usage.max_rss()).unwrap_or(0) * 1024)
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
