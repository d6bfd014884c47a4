#![cfg(not(target_arch = "wasm32"))]
//! The generated Python is valid, runnable asyncio whose measured totals match the
//! simulation: every preset and every lesson's scenario is run with python3 at a tenth of its
//! durations, in each start mode. Where the simulation deadlocks, python3 must hang just
//! as the loop does (it is stopped after a while).

use looplab::code::{python_code, PythonOptions};
use looplab::lessons::lessons;
use looplab::sim::presets::presets;
use looplab::sim::{run, Outcome, Scenario, StartMode};
use std::process::Command;
use std::sync::Mutex;

const SCALE: f64 = 0.1;

/// One python3 at a time: the tests measure wall-clock time on a small machine.
static PYTHON: Mutex<()> = Mutex::new(());

/// How long a program the simulation finds deadlocked runs before it is stopped, s.
const HANG_S: &str = "3";

/// Runs `program` with python3, stopped after `limit` seconds; its stdout and whether it
/// finished in time.
fn python(program: &str, limit: &str) -> (String, bool) {
    let _one_at_a_time = PYTHON.lock().unwrap_or_else(|e| e.into_inner());
    let out = Command::new("timeout")
        .args([limit, "python3", "-c"])
        .arg(program)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    // `timeout` exits with 124 when it had to stop the program.
    if out.status.code() == Some(124) {
        return (stdout, false);
    }
    assert!(
        out.status.success(),
        "python3 failed:\n{}\n{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    (stdout, true)
}

/// Runs `scenario`'s Python in each start mode and checks it against the simulation:
/// the same total (within a tolerance), or a hang where the simulation deadlocks.
/// Returns how many modes deadlocked.
fn matches_the_simulation(id: &str, scenario: &Scenario) -> usize {
    let mut deadlocks = 0;
    for mode in [StartMode::Sequential, StartMode::Concurrent] {
        let scenario = scenario.with_mode(mode);
        let trace = run(&scenario).unwrap();
        let options = PythonOptions {
            time_scale: SCALE,
            both_modes: false,
        };
        let program = python_code(&scenario, options);
        if let Outcome::Deadlock { .. } = trace.outcome {
            let (stdout, finished) = python(&program, HANG_S);
            assert!(
                !finished,
                "{id} {mode:?}: the simulation deadlocks, but python3 finished:\n{stdout}"
            );
            deadlocks += 1;
            continue;
        }
        let (stdout, finished) = python(&program, "60");
        assert!(finished, "{id} {mode:?}: python3 did not finish in 60 s");
        let label = format!("{} total: ", mode.name());
        let got: f64 = stdout
            .lines()
            .find_map(|l| l.strip_prefix(&label))
            .and_then(|v| v.trim_end_matches(" ms").parse().ok())
            .unwrap_or_else(|| panic!("no {label} in:\n{stdout}"));
        let predicted = trace.end * SCALE;
        // Generous enough for a loaded 2-core CI machine; a wrong model is off by whole
        // steps. python3's own cost per task (creating and scheduling it, ~0.1 ms when the
        // machine is busy) adds up in the 1,000-task lesson, so it is allowed for.
        let tolerance = (predicted * 0.15).max(60.0) + 0.1 * trace.tasks.len() as f64;
        assert!(
            (got - predicted).abs() <= tolerance,
            "{id} {mode:?}: python3 took {got:.1} ms, the simulation predicts {predicted:.1} ms\n{stdout}\n{program}"
        );
    }
    deadlocks
}

#[test]
fn every_presets_python_runs_with_the_totals_the_simulation_predicts() {
    let deadlocked: Vec<(&str, usize)> = presets()
        .iter()
        .map(|(id, scenario)| (*id, matches_the_simulation(id, scenario)))
        .filter(|(_, n)| *n > 0)
        .collect();
    // The deadlock preset hangs when its tasks run at once (each holds the lock the
    // other wants), the queue one when run in turn (the producer fills the queue before
    // the consumer starts). Their other mode runs with the predicted total.
    assert_eq!(deadlocked, [("producer-consumer", 1), ("deadlock", 1)]);
}

/// Every lesson that has a scenario, including the 1,000 tasks of lesson 14.
#[test]
fn every_lessons_python_runs_with_the_totals_the_simulation_predicts() {
    let deadlocked: Vec<(&str, usize)> = lessons()
        .iter()
        .filter_map(|l| Some((l.slug, matches_the_simulation(l.slug, &l.scenario()?))))
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(deadlocked, [("deadlock", 1), ("queue", 1)]);
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
