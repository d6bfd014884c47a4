//! Metrics over a trace, and the sequential-vs-concurrent comparison.

use super::event_loop::run_with;
use super::kernel::Limits;
use super::program::ScenarioError;
use super::scenario::{Scenario, StartMode};
use super::trace::{EventKind, Ms, TaskId, Trace};
use serde::Serialize;

/// When each task was created and ended, and the run's total.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Metrics {
    /// When the run ended (`asyncio.run` returned).
    pub total: Ms,
    pub tasks: Vec<TaskTiming>,
    /// Time the loop spent blocked by compute steps.
    pub blocked: Ms,
    /// Loop iterations.
    pub ticks: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskTiming {
    pub task: TaskId,
    pub created: Ms,
    /// When it completed, failed or was cancelled.
    pub ended: Option<Ms>,
}

impl TaskTiming {
    /// Time from creation to its end.
    pub fn elapsed(&self) -> Option<Ms> {
        self.ended.map(|e| e - self.created)
    }
}

pub fn metrics(trace: &Trace) -> Metrics {
    let mut tasks: Vec<TaskTiming> = (0..trace.tasks.len())
        .map(|i| TaskTiming {
            task: TaskId(i as u32),
            created: 0.0,
            ended: None,
        })
        .collect();
    let mut blocked = 0.0;
    let mut ticks = 0;
    for e in &trace.events {
        match &e.kind {
            EventKind::Tick { .. } => ticks += 1,
            EventKind::ComputeStart { ms } => blocked += ms,
            EventKind::Created { .. } => {
                if let Some(t) = tasks.get_mut(e.task.index()) {
                    t.created = e.t;
                }
            }
            EventKind::Completed { .. } | EventKind::Failed { .. } | EventKind::Cancelled => {
                if let Some(t) = tasks.get_mut(e.task.index()) {
                    t.ended = Some(e.t);
                }
            }
            _ => {}
        }
    }
    Metrics {
        total: trace.end,
        tasks,
        blocked,
        ticks,
    }
}

/// The same scenario run with its coroutines awaited in turn and gathered.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub sequential: Trace,
    pub concurrent: Trace,
}

impl Comparison {
    pub fn speedup(&self) -> Option<f64> {
        speedup(self.sequential.end, self.concurrent.end)
    }
}

/// Sequential total over concurrent total; `None` when the concurrent run took no time.
pub fn speedup(sequential: Ms, concurrent: Ms) -> Option<f64> {
    (concurrent > 0.0).then(|| sequential / concurrent)
}

/// Runs `scenario` both ways.
pub fn compare(scenario: &Scenario) -> Result<Comparison, ScenarioError> {
    compare_with(scenario, Limits::default())
}

pub fn compare_with(scenario: &Scenario, limits: Limits) -> Result<Comparison, ScenarioError> {
    Ok(Comparison {
        sequential: run_with(&scenario.with_mode(StartMode::Sequential), limits)?,
        concurrent: run_with(&scenario.with_mode(StartMode::Concurrent), limits)?,
    })
}

/// `6.0 s`, `250 ms`: a duration as a learner reads it.
pub fn format_ms(ms: Ms) -> String {
    if ms >= 1000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else {
        format!("{} ms", ms.round())
    }
}

/// `160,005`: a count with its thousands grouped.
pub fn format_count(n: u64) -> String {
    group_thousands(n, ',')
}

/// `n` with `sep` between its groups of three digits (`10_000` with `'_'`).
pub fn group_thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// `2.0×`
pub fn format_speedup(speedup: Option<f64>) -> String {
    match speedup {
        Some(x) => format!("{x:.1}×"),
        None => "—".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::format_count;

    #[test]
    fn a_count_groups_its_thousands() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1_000), "1,000");
        assert_eq!(format_count(160_005), "160,005");
        assert_eq!(format_count(1_234_567), "1,234,567");
    }
}
