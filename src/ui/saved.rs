//! Saved scenarios in the browser's localStorage, one key per scenario
//! (`looplab.saved.<name>`), so one damaged entry never costs the others: it is listed
//! as unreadable and left alone until the user deletes it.

use crate::sim::Scenario;
use web_sys::Storage;

/// The prefix of every saved scenario's key.
pub const PREFIX: &str = "looplab.saved.";
/// The longest name a saved scenario may have.
pub const MAX_NAME: usize = 80;

/// A saved scenario, or why it cannot be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub name: String,
    pub scenario: Result<Scenario, String>,
}

impl Saved {
    /// The name as listed: an entry whose key has a blank name (written by hand, or by
    /// another tool) still gets a row that says so, and can be opened or deleted.
    pub fn label(&self) -> String {
        if self.name.trim().is_empty() {
            "(no name)".into()
        } else {
            self.name.clone()
        }
    }
}

pub fn key(name: &str) -> String {
    format!("{PREFIX}{name}")
}

/// The entry stored under `key` with `value`, if the key is a saved scenario's.
pub fn entry(key: &str, value: &str) -> Option<Saved> {
    let name = key.strip_prefix(PREFIX)?.to_string();
    let scenario = Scenario::from_json(value);
    Some(Saved { name, scenario })
}

/// A name the user typed, trimmed, or why it cannot be used.
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Give the scenario a name to save it under.".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("A name can be at most {MAX_NAME} characters."));
    }
    Ok(name.to_string())
}

/// The page's localStorage, if the browser allows it (it may not, e.g. in some
/// private modes: then nothing is saved, and nothing panics).
pub(crate) fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Every saved scenario, by name.
pub fn list() -> Vec<Saved> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    let mut all: Vec<Saved> = (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| {
            let value = storage.get_item(&k).ok().flatten()?;
            entry(&k, &value)
        })
        .collect();
    all.sort_by_key(|s| s.name.to_lowercase());
    all
}

/// Saves `scenario` under `name` (replacing one of the same name).
pub fn save(name: &str, scenario: &Scenario) -> Result<(), String> {
    let name = check_name(name)?;
    let storage = storage().ok_or_else(|| {
        "This browser does not let Looplab save (localStorage is off).".to_string()
    })?;
    storage
        .set_item(&key(&name), &scenario.to_json())
        .map_err(|_| "The browser's storage is full: delete a saved scenario first.".into())
}

pub fn delete(name: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(name));
    }
}

/// Where the code editor's last text is kept, so that a reload, a lesson or a preset
/// opened over it never loses what the learner typed.
pub const DRAFT_KEY: &str = "looplab.draft";

/// The editor's last text, kept in this browser.
pub fn draft() -> Option<String> {
    storage()?.get_item(DRAFT_KEY).ok().flatten()
}

/// Keeps `text` as the editor's last text (nothing if storage is off or full).
pub fn keep_draft(text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(DRAFT_KEY, text);
    }
}

pub fn forget_draft() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DRAFT_KEY);
    }
}

/// Should the kept draft be offered back? Only when it holds something, and neither the
/// program on screen nor the editor's text is already it.
pub fn offers_draft(kept: Option<&str>, shown: &str, typing: Option<&str>) -> bool {
    let Some(kept) = kept.map(str::trim).filter(|k| !k.is_empty()) else {
        return false;
    };
    kept != shown.trim() && typing.map(str::trim) != Some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::presets::preset;

    #[test]
    fn a_kept_draft_is_offered_only_when_it_is_not_on_screen() {
        let mine = "import asyncio\nasync def main():\n    pass\n";
        assert!(offers_draft(Some(mine), "lesson text", None));
        assert!(
            !offers_draft(Some(mine), mine, None),
            "it is the program shown"
        );
        assert!(!offers_draft(Some(&format!("{mine}\n")), mine, None));
        assert!(
            !offers_draft(Some(mine), "lesson text", Some(mine)),
            "being typed"
        );
        assert!(!offers_draft(Some("  \n"), "lesson text", None));
        assert!(!offers_draft(None, "lesson text", None));
    }

    #[test]
    fn entries_round_trip_and_damaged_ones_are_kept_as_unreadable() {
        let s = preset("semaphore").unwrap();
        let saved = entry(&key("mine"), &s.to_json()).unwrap();
        assert_eq!(
            saved,
            Saved {
                name: "mine".into(),
                scenario: Ok(s)
            }
        );
        let broken = entry(&key("broken"), "{\"coroutines\": [").unwrap();
        assert!(broken
            .scenario
            .unwrap_err()
            .starts_with("This is not a valid scenario"));
        assert_eq!(entry("someone.else", "{}"), None, "other keys are not ours");
        let blank = entry(&key(" "), &preset("semaphore").unwrap().to_json()).unwrap();
        assert_eq!(
            (blank.name.as_str(), blank.label()),
            (" ", "(no name)".into())
        );
        assert_eq!(saved.label(), "mine");
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(check_name("  my race "), Ok("my race".into()));
        assert!(check_name("   ").is_err());
        assert!(check_name(&"x".repeat(MAX_NAME + 1)).is_err());
    }
}
