//! Challenges and verdicts as `looplab-run` prints them: the list, a checklist for a
//! person, and one JSON object for a course's CI.

use super::{challenges, Challenge, Verdict};

/// One line per challenge: its slug, two spaces, its title.
pub fn list() -> String {
    challenges()
        .iter()
        .map(|c| format!("{}  {}\n", c.slug, c.title))
        .collect()
}

/// The verdict as a checklist: a ✓ or ✗ line per goal with what was measured, then
/// the verdict in a line.
pub fn checklist(challenge: &Challenge, verdict: &Verdict) -> String {
    let mut out = format!("{}: {}\n", challenge.slug, challenge.title);
    for g in &verdict.goals {
        let mark = if g.passed { '✓' } else { '✗' };
        out.push_str(&format!("{mark} {}: {}\n", g.goal, g.detail));
    }
    let failed = verdict.goals.iter().filter(|g| !g.passed).count();
    out.push_str(&match failed {
        0 => "passed: every goal met\n".to_string(),
        n => format!("not yet: {n} of {} goals failed\n", verdict.goals.len()),
    });
    out
}

/// `{"passed": …, "goals": [{"goal": …, "passed": …, "detail": …}]}`.
pub fn json(verdict: &Verdict) -> String {
    serde_json::to_string(verdict).expect("a verdict is plain data")
}
