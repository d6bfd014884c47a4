//! A learner's progress, kept in this browser: for each challenge whether it is solved,
//! how many different programs were checked, and the last one checked; for each lesson
//! whether its run was played to the end. One localStorage key each
//! (`looplab.challenge.<slug>`, `looplab.lesson.<slug>`), so a damaged entry costs only
//! itself; an entry that does not read is kept aside (`….damaged`) before it is
//! written over, so nothing the learner wrote is lost.

use crate::ui::saved::storage;
use serde::{Deserialize, Serialize};

const CHALLENGE_PREFIX: &str = "looplab.challenge.";
const LESSON_PREFIX: &str = "looplab.lesson.";

/// One challenge's progress.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChallengeProgress {
    #[serde(default)]
    pub solved: bool,
    /// How many different programs were checked (the starter not counted).
    #[serde(default)]
    pub attempts: u32,
    /// The last program checked, opened again with the challenge.
    #[serde(default)]
    pub code: Option<String>,
}

impl ChallengeProgress {
    /// A run of `code` was checked against the challenge (`starter` its starting
    /// program): an attempt if it is the learner's own and not the one checked last.
    /// Whether anything changed, to be stored.
    pub fn checked(&mut self, code: &str, starter: &str, passed: bool) -> bool {
        if code == starter || self.code.as_deref() == Some(code) {
            return false;
        }
        self.attempts = self.attempts.saturating_add(1);
        self.code = Some(code.to_string());
        self.solved |= passed;
        true
    }
}

/// What a stored entry says; text that does not read is `None`.
pub fn read_challenge(value: &str) -> Option<ChallengeProgress> {
    serde_json::from_str(value).ok()
}

/// The challenge's progress in this browser (none yet, or storage off: the default).
pub fn challenge_progress(slug: &str) -> ChallengeProgress {
    storage()
        .and_then(|s| s.get_item(&format!("{CHALLENGE_PREFIX}{slug}")).ok())
        .flatten()
        .and_then(|value| read_challenge(&value))
        .unwrap_or_default()
}

/// Stores a challenge's progress (nothing if storage is off or full).
pub fn store_challenge(slug: &str, progress: &ChallengeProgress) {
    let Ok(value) = serde_json::to_string(progress) else {
        return;
    };
    write(&format!("{CHALLENGE_PREFIX}{slug}"), &value, |old| {
        read_challenge(old).is_some()
    });
}

/// Has the lesson's run been played to its end in this browser?
pub fn lesson_finished(slug: &str) -> bool {
    storage()
        .and_then(|s| s.get_item(&format!("{LESSON_PREFIX}{slug}")).ok())
        .flatten()
        .is_some()
}

/// Marks the lesson's run as played to its end.
pub fn finish_lesson(slug: &str) {
    write(&format!("{LESSON_PREFIX}{slug}"), "finished", |_| true);
}

/// Writes `value` under `key`, first keeping aside an old value `reads` rejects.
fn write(key: &str, value: &str, reads: impl Fn(&str) -> bool) {
    let Some(storage) = storage() else { return };
    if let Ok(Some(old)) = storage.get_item(key) {
        if !reads(&old) {
            let _ = storage.set_item(&format!("{key}.damaged"), &old);
        }
    }
    let _ = storage.set_item(key, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_different_program_checked_is_an_attempt_and_a_pass_solves_it() {
        let mut p = ChallengeProgress::default();
        assert!(
            !p.checked("starter", "starter", false),
            "the starter is no attempt"
        );
        assert!(p.checked("try 1", "starter", false));
        assert!(
            !p.checked("try 1", "starter", false),
            "the same program again"
        );
        assert_eq!((p.attempts, p.solved), (1, false));
        assert!(p.checked("try 2", "starter", true));
        assert!(p.checked("try 3", "starter", false));
        assert_eq!(p.attempts, 3);
        assert!(p.solved, "once solved, it stays solved");
        assert_eq!(p.code.as_deref(), Some("try 3"));
    }

    #[test]
    fn stored_progress_reads_back_and_damaged_text_does_not() {
        let p = ChallengeProgress {
            solved: true,
            attempts: 4,
            code: Some("print('hi')\n".into()),
        };
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(read_challenge(&text), Some(p));
        assert_eq!(read_challenge("{\"solved\": tru"), None);
        assert_eq!(
            read_challenge("{}"),
            Some(ChallengeProgress::default()),
            "missing fields are their defaults"
        );
    }
}
