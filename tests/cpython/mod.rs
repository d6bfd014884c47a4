//! CPython as the reference the interpreter is compared with (`tests/py_corpus.rs`,
//! `tests/py_lines_corpus.rs`): finding a CPython 3.12 or later, the programs compared, the
//! ones known to differ, and running the comparisons on both cores.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A CPython of version 3.12 or later: the pyenv versions of the machine image, then
/// `python3.13`, `python3.12`, `python3` on the PATH.
pub fn cpython() -> PathBuf {
    let home = std::env::var("HOME").unwrap_or_default();
    let candidates = [
        format!("{home}/.pyenv/versions/3.12.1/bin/python3"),
        format!("{home}/.pyenv/versions/3.13.0/bin/python3"),
        "python3.13".into(),
        "python3.12".into(),
        "python3".into(),
    ];
    for c in candidates {
        let ok = Command::new(&c)
            .args(["-c", "import sys; assert sys.version_info >= (3, 12)"])
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return PathBuf::from(c);
        }
    }
    panic!(
        "no CPython 3.12 or later found (looked in ~/.pyenv/versions and on the PATH): \
         the corpus is checked against CPython; install python3.12"
    );
}

/// The corpus, then the programs the app offers: examples and lessons.
pub fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/py/corpus", "src/examples", "src/lessons/programs"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|_| panic!("{dir} exists"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// The programs of `tests/py/known_gaps.txt`, with why each differs.
pub fn known_gaps() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/known_gaps.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((file, why)) => (file.to_string(), why.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// `f` of each file, on two threads (the machine's two cores), in the files' order.
pub fn on_two_threads<T: Send>(files: &[PathBuf], f: impl Fn(&Path) -> T + Sync) -> Vec<T> {
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(files.len().div_ceil(2).max(1))
            .map(|chunk| s.spawn(|| chunk.iter().map(|p| f(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("no comparison panics"))
            .collect()
    })
}
