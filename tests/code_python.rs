#![cfg(not(target_arch = "wasm32"))]
//! The generated Python is valid, runnable asyncio whose measured totals match the
//! simulation: every preset is run with python3 at a tenth of its durations, except
//! those the simulation finds deadlocked (python3 would hang just as the loop does); so
//! is every lesson's.

use looplab::code::{python_code, PythonOptions};
use looplab::lessons::lessons;
use looplab::sim::presets::presets;
use looplab::sim::{compare, Outcome, Scenario};
use std::process::Command;
use std::sync::Mutex;

const SCALE: f64 = 0.1;

/// One python3 at a time: the tests measure wall-clock time on a small machine.
static PYTHON: Mutex<()> = Mutex::new(());

fn measured(program: &str) -> (f64, f64, String) {
    let _one_at_a_time = PYTHON.lock().unwrap_or_else(|e| e.into_inner());
    let out = Command::new("timeout")
        .args(["60", "python3", "-c"])
        .arg(program)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "python3 failed:\n{}\n{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let total = |label: &str| -> f64 {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{label} total: ")))
            .and_then(|v| v.trim_end_matches(" ms").parse().ok())
            .unwrap_or_else(|| panic!("no {label} total in:\n{stdout}"))
    };
    (total("sequential"), total("concurrent"), stdout)
}

/// Runs `scenario`'s Python in both modes and checks its totals against the simulation;
/// false (not run) when the simulation deadlocks.
fn matches_the_simulation(id: &str, scenario: &Scenario) -> bool {
    let c = compare(scenario).unwrap();
    let deadlocked = |t: &looplab::sim::Trace| matches!(t.outcome, Outcome::Deadlock { .. });
    if deadlocked(&c.sequential) || deadlocked(&c.concurrent) {
        return false;
    }
    let program = python_code(
        scenario,
        PythonOptions {
            time_scale: SCALE,
            both_modes: true,
        },
    );
    let (seq, conc, stdout) = measured(&program);
    for (what, predicted, got) in [
        ("sequential", c.sequential.end * SCALE, seq),
        ("concurrent", c.concurrent.end * SCALE, conc),
    ] {
        // Generous enough for a loaded 2-core CI machine; a wrong model is off by whole
        // steps. python3's own cost per task (creating and scheduling it, ~0.1 ms when the
        // machine is busy) adds up in the 1,000-task lesson, so it is allowed for.
        let tasks = c.concurrent.tasks.len() as f64;
        let tolerance = (predicted * 0.15).max(60.0) + 0.1 * tasks;
        assert!(
            (got - predicted).abs() <= tolerance,
            "{id} {what}: python3 took {got:.1} ms, the simulation predicts {predicted:.1} ms\n{stdout}\n{program}"
        );
    }
    true
}

#[test]
fn every_presets_python_runs_with_the_totals_the_simulation_predicts() {
    let checked = presets()
        .iter()
        .filter(|(id, scenario)| matches_the_simulation(id, scenario))
        .count();
    assert!(checked >= 8, "only {checked} presets were checked");
}

/// Every lesson, including the 1,000 tasks of lesson 14, but those that deadlock in
/// either mode (python3 would hang just as the loop does): the deadlock lesson, and the
/// queue lesson run in turn (the producer fills the queue before the consumer starts).
#[test]
fn every_lessons_python_runs_with_the_totals_the_simulation_predicts() {
    let skipped: Vec<&str> = lessons()
        .iter()
        .filter(|l| !matches_the_simulation(l.slug, &l.scenario))
        .map(|l| l.slug)
        .collect();
    assert_eq!(skipped, ["deadlock", "queue"]);
}

#[test]
fn the_program_reads_like_the_tutorial() {
    let (_, s) = presets().into_iter().next().unwrap();
    let code = python_code(&s, PythonOptions::default());
    assert!(code.contains("async def get_user():\n    await fetch(\"/api/users/1.json\", latency=1.0)\n    return \"user\"\n"), "{code}");
    assert!(code.contains("await asyncio.gather(get_user(), get_posts(), get_comments())"));
    assert!(code.contains("print(f\"concurrent total: {measure(main):.1f} ms\")"));
}

#[test]
fn any_text_is_written_as_a_python_literal_of_the_same_text() {
    let (_, mut s) = presets().into_iter().next().unwrap();
    let texts = [
        "a\"b\\c\n\t\r\u{0}\u{1b}\u{7f}\u{85}\u{2028}é😀'",
        "{x}",
        "\\u{41}",
    ];
    s.coroutines[0].steps = texts
        .iter()
        .map(|t| looplab::sim::Step::Print {
            text: t.to_string(),
        })
        .collect();
    let code = python_code(&s, PythonOptions::default());
    // Python's own parser reads the print() arguments back and compares them.
    let read = "import ast, json, sys\nt = ast.parse(sys.argv[1])\nvalues = [n.args[0].value for n in ast.walk(t) if isinstance(n, ast.Call) and getattr(n.func, 'id', '') == 'print' and n.args and isinstance(n.args[0], ast.Constant)]\nprint(values == json.loads(sys.argv[2]))\n";
    let out = Command::new("python3")
        .args(["-c", read])
        .arg(&code)
        .arg(serde_json::to_string(&texts).unwrap())
        .output()
        .expect("python3 runs");
    let got = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        got.trim(),
        "True",
        "{}\n{code}",
        String::from_utf8_lossy(&out.stderr)
    );
}
