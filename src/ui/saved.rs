//! Saved programs in the browser's localStorage, one key per program
//! (`looplab.saved.<name>`, the text as it is), so one entry never costs the others.
//! An entry an earlier Looplab saved as a scenario of steps (JSON) is listed as the
//! program it stands for; nothing saved is ever dropped or rewritten unasked.

use crate::sim::Scenario;
use crate::ui::program::program_text;
use web_sys::Storage;

/// The prefix of every saved program's key.
pub const PREFIX: &str = "looplab.saved.";
/// The longest name a saved program may have.
pub const MAX_NAME: usize = 80;

/// A saved program.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub name: String,
    /// The program's text (an older entry's scenario written as its program).
    pub program: String,
    /// The entry was saved as a scenario of steps by an earlier Looplab.
    pub from_steps: bool,
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

/// The entry stored under `key` with `value`, if the key is a saved program's. A value
/// that reads as a scenario is an older entry; any other is a program's text (even one
/// that does not run: the editor shows it with its error).
pub fn entry(key: &str, value: &str) -> Option<Saved> {
    let name = key.strip_prefix(PREFIX)?.to_string();
    let scenario = value
        .trim_start()
        .starts_with('{')
        .then(|| Scenario::from_json(value).ok())
        .flatten();
    Some(match scenario {
        Some(scenario) => Saved {
            name,
            program: program_text(&scenario),
            from_steps: true,
        },
        None => Saved {
            name,
            program: value.to_string(),
            from_steps: false,
        },
    })
}

/// A name the user typed, trimmed, or why it cannot be used.
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Give the program a name to save it under.".into());
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

/// Every saved program, by name.
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
    crate::sort::sort_by_key(&mut all, |s| s.name.to_lowercase());
    all
}

/// Saves `program` under `name` (replacing one of the same name).
pub fn save(name: &str, program: &str) -> Result<(), String> {
    let name = check_name(name)?;
    let storage = storage().ok_or_else(|| {
        "This browser does not let Looplab save (localStorage is off).".to_string()
    })?;
    storage
        .set_item(&key(&name), program)
        .map_err(|_| "The browser's storage is full: delete a saved program first.".into())
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
    fn entries_are_programs_and_older_scenarios_open_as_theirs() {
        let program = "import asyncio\nprint('hi')\n";
        let saved = entry(&key("mine"), program).unwrap();
        assert_eq!(
            saved,
            Saved {
                name: "mine".into(),
                program: program.into(),
                from_steps: false,
            }
        );
        let s = preset("semaphore").unwrap();
        let older = entry(&key("old"), &s.to_json()).unwrap();
        assert!(older.from_steps);
        assert_eq!(older.program, program_text(&s));
        // A damaged scenario is kept as the text it is: nothing is lost.
        let broken = entry(&key("broken"), "{\"coroutines\": [").unwrap();
        assert_eq!(
            (broken.program.as_str(), broken.from_steps),
            ("{\"coroutines\": [", false)
        );
        assert_eq!(entry("someone.else", "{}"), None, "other keys are not ours");
        let blank = entry(&key(" "), program).unwrap();
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
