#![cfg(not(target_arch = "wasm32"))]
//! Every program of `tests/py/corpus/` and every program the app offers (examples,
//! `src/examples/`; lessons, `src/lessons/programs/`) run by CPython (3.12 or later, on the virtual clock of
//! `tests/py/cpython_virtual.py`) and by Looplab's interpreter: the same printed output,
//! the same outcome and exception, the same total time within max(60 ms, 4 %), the same
//! kind of loop (asyncio's or uvloop's) and about as many callbacks (what the loop-cost
//! setting charges for).

use std::path::{Path, PathBuf};
use std::process::Command;

mod cpython;
use cpython::{corpus, cpython, known_gaps, on_two_threads};

struct Expected {
    outcome: String,
    virtual_ms: f64,
    stdout: String,
    exception: Option<String>,
    loop_kind: String,
    callbacks: u64,
}

fn run_cpython(python: &Path, file: &Path) -> Expected {
    let runner = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/cpython_virtual.py");
    let out = Command::new(python)
        .arg(&runner)
        .arg(file)
        .output()
        .expect("CPython runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap_or_else(|e| {
        panic!(
            "{}: the runner printed no JSON ({e}): {text}",
            file.display()
        )
    });
    Expected {
        outcome: v["outcome"].as_str().unwrap_or("").to_string(),
        virtual_ms: v["virtual_ms"].as_f64().unwrap_or(-1.0),
        stdout: v["stdout"].as_str().unwrap_or("").to_string(),
        exception: v["exception"].as_str().map(str::to_string),
        loop_kind: v["loop"].as_str().unwrap_or("").to_string(),
        callbacks: v["callbacks"].as_u64().unwrap_or(0),
    }
}

/// Compares one program; the differences in words, if any.
fn compare(python: &Path, file: &Path) -> Option<String> {
    let want = run_cpython(python, file);
    let src = std::fs::read_to_string(file).expect("readable");
    let got = match looplab::py::run_source(&src) {
        Ok(out) => out,
        Err(e) => {
            return Some(format!(
                "refused at {}:{}: {}",
                e.pos.line, e.pos.col, e.message
            ))
        }
    };
    let mut problems = Vec::new();
    if got.ending.as_str() != want.outcome {
        problems.push(format!(
            "outcome {} ({}), CPython {}",
            got.ending.as_str(),
            got.exception.clone().unwrap_or_default(),
            want.outcome
        ));
    } else if want.outcome == "exception" && got.exception != want.exception {
        problems.push(format!(
            "exception {:?}, CPython {:?}",
            got.exception, want.exception
        ));
    }
    if got.stdout != want.stdout {
        let g: Vec<&str> = got.stdout.lines().collect();
        let w: Vec<&str> = want.stdout.lines().collect();
        let i = g
            .iter()
            .zip(&w)
            .position(|(a, b)| a != b)
            .unwrap_or(g.len().min(w.len()));
        problems.push(format!(
            "stdout differs at line {}: {:?}, CPython {:?}",
            i + 1,
            g.get(i).copied().unwrap_or("<end>"),
            w.get(i).copied().unwrap_or("<end>")
        ));
    }
    let tolerance = (want.virtual_ms * 0.04).max(60.0);
    if want.outcome != "limit" && (got.virtual_ms - want.virtual_ms).abs() > tolerance {
        problems.push(format!(
            "total {} ms, CPython {} ms",
            got.virtual_ms, want.virtual_ms
        ));
    }
    if got.loop_kind.name() != want.loop_kind {
        problems.push(format!(
            "ran on {}'s loop, CPython on {}'s",
            got.loop_kind.name(),
            want.loop_kind
        ));
    }
    // CPython's runner runs a few more callbacks as it closes (shutdown_asyncgens,
    // shutdown_default_executor), and executor threads some to hand results back.
    let slack = (want.callbacks / 100).max(20);
    if want.outcome == "completed" && got.callbacks.abs_diff(want.callbacks) > slack {
        problems.push(format!(
            "{} callbacks, CPython {}",
            got.callbacks, want.callbacks
        ));
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

#[test]
fn every_corpus_program_runs_as_cpython_runs_it() {
    let python = cpython();
    let only = std::env::var("CORPUS_ONLY").ok();
    let files: Vec<PathBuf> = corpus()
        .into_iter()
        .filter(|f| {
            only.as_ref()
                .is_none_or(|o| f.to_string_lossy().contains(o.as_str()))
        })
        .collect();
    assert!(
        files.len() >= 150 || only.is_some(),
        "the corpus has {} programs",
        files.len()
    );
    let failures: Vec<String> = on_two_threads(&files, |f| {
        compare(&python, f).map(|p| {
            format!(
                "{}: {p}",
                f.file_name().unwrap_or_default().to_string_lossy()
            )
        })
    })
    .into_iter()
    .flatten()
    .collect();
    let gaps = known_gaps();
    let is_gap = |f: &str| gaps.iter().any(|(g, _)| f.starts_with(&format!("{g}:")));
    let unexpected: Vec<&String> = failures.iter().filter(|f| !is_gap(f)).collect();
    let fixed: Vec<&str> = gaps
        .iter()
        .filter(|(g, _)| files.iter().any(|f| f.ends_with(g)))
        .filter(|(g, _)| !failures.iter().any(|f| f.starts_with(&format!("{g}:"))))
        .map(|(g, _)| g.as_str())
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} of {} programs differ from CPython:\n{}",
        unexpected.len(),
        files.len(),
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        fixed.is_empty(),
        "these known gaps now match CPython; delete them from tests/py/known_gaps.txt: {fixed:?}"
    );
}
