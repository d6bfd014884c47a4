//! What live mode refuses to run: real time is real, so a program that would hold the
//! page for minutes (blocking work freezes it; the Stop button cannot be pressed
//! meanwhile) or run for hours gets a message instead.

use crate::sim::metrics::format_ms;
use crate::sim::Metrics;

/// The most blocking work (blocking calls) a live run may do, in ms.
pub const MAX_BLOCKING_MS: f64 = 15_000.0;
/// The longest a live run may be predicted to take, in ms.
pub const MAX_LIVE_MS: f64 = 10.0 * 60_000.0;

/// Why this run should not run live, from its virtual-clock prediction.
pub fn refusal(predicted: &Metrics) -> Option<String> {
    if predicted.blocked > MAX_BLOCKING_MS {
        return Some(format!(
            "Live mode really blocks the page during blocking calls (time.sleep, a busy \
             loop), and this program would freeze it for {} (the limit is {}). Shorten \
             them, or watch it simulated.",
            format_ms(predicted.blocked),
            format_ms(MAX_BLOCKING_MS)
        ));
    }
    if predicted.total > MAX_LIVE_MS {
        return Some(format!(
            "This program would take {} live (the limit is {}). Shorten its waits, or \
             watch it simulated: the virtual clock runs it at once.",
            format_ms(predicted.total),
            format_ms(MAX_LIVE_MS)
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::metrics;

    fn metrics_of(body: &str) -> Metrics {
        let source = format!(
            "import asyncio\nimport time\n\nasync def main():\n    {body}\n\nasyncio.run(main())\n"
        );
        metrics(&crate::py::run_source(&source).unwrap().trace)
    }

    #[test]
    fn long_blocking_or_long_runs_are_refused_with_a_reason() {
        let blocking = metrics_of("time.sleep(20)");
        assert!(refusal(&blocking).unwrap().contains("freeze it for 20.0 s"));
        let long = metrics_of("await asyncio.sleep(3600)");
        assert!(refusal(&long).unwrap().contains("would take 3600.0 s live"));
        let fine = metrics_of("time.sleep(1)");
        assert_eq!(refusal(&fine), None);
    }
}
