#![cfg(not(target_arch = "wasm32"))]
//! `looplab-run`: the program's output as CPython prints it, one JSON object with
//! `--json`, a Perfetto trace with `--trace`, exit status 2 with `FILE:line:col: message`
//! when the program cannot run; the challenges listed and printed, and a program graded
//! against one (`--challenge SLUG`: exit status 0 when it passes, 1 when a goal fails).

use std::process::Command;

fn program(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("looplab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("written");
    path
}

fn looplab_run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_looplab-run"))
        .args(args)
        .output()
        .expect("looplab-run runs")
}

const GATHER: &str = "import asyncio\n\nasync def job(i):\n    await asyncio.sleep(0.1 * i)\n    print(f'job {i}')\n    return i\n\nasync def main():\n    print(await asyncio.gather(*(job(i) for i in range(1, 4))))\n\nasyncio.run(main())\n";

#[test]
fn prints_the_program_output() {
    let file = program("gather.py", GATHER);
    let out = looplab_run(&[file.as_os_str()]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "job 1\njob 2\njob 3\n[1, 2, 3]\n"
    );
}

#[test]
fn json_reports_outcome_time_output_and_exception() {
    let file = program("gather2.py", GATHER);
    let out = looplab_run(&[file.as_os_str(), "--json".as_ref()]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["outcome"], "completed");
    assert_eq!(v["virtual_ms"], 300.0);
    assert_eq!(v["stdout"], "job 1\njob 2\njob 3\n[1, 2, 3]\n");
    assert!(v["exception"].is_null());

    let failing = program("boom.py", "def f():\n    raise ValueError('boom')\nf()\n");
    let out = looplab_run(&[failing.as_os_str(), "--json".as_ref()]);
    assert!(
        out.status.success(),
        "a program that raised still ran: exit 0"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["outcome"], "exception");
    assert_eq!(v["exception"], "ValueError: boom");
}

#[test]
fn a_traceback_goes_to_stderr() {
    let file = program("tb.py", "def f():\n    raise ValueError('boom')\nf()\n");
    let out = looplab_run(&[file.as_os_str()]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    f()\n  \
         File \"main.py\", line 2, in f\n    raise ValueError('boom')\nValueError: boom\n"
    );
}

#[test]
fn trace_writes_a_perfetto_file_that_imports_back() {
    let file = program("traced.py", GATHER);
    let trace = file.with_extension("trace.json");
    let out = looplab_run(&[file.as_os_str(), "--trace".as_ref(), trace.as_os_str()]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(&trace).expect("the trace was written");
    let back = looplab::sim::chrome_trace::from_chrome_trace(&text).expect("it imports back");
    assert_eq!(back.tasks.len(), 4, "main and three jobs");
}

#[test]
fn a_program_that_cannot_run_exits_2_with_file_line_and_column() {
    let file = program(
        "bad.py",
        "import asyncio\nasync def main():\n    match x:\n        case 1: pass\n",
    );
    let out = looplab_run(&[file.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!("{}:3:5: ", file.display())),
        "stderr: {err}"
    );
    assert!(out.stdout.is_empty());
}

fn challenge_run(args: &[&str]) -> std::process::Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    looplab_run(&args)
}

#[test]
fn challenges_lists_one_a_line_slug_first() {
    let out = challenge_run(&["challenges"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let all = looplab::challenges::challenges();
    assert_eq!(text.lines().count(), all.len());
    for (line, c) in text.lines().zip(all) {
        assert_eq!(line, format!("{}  {}", c.slug, c.title));
    }
}

#[test]
fn challenge_prints_its_starter_or_solution() {
    let c = looplab::challenges::challenge("crawler").expect("the crawler challenge");
    let starter = challenge_run(&["challenge", "crawler", "--starter"]);
    assert!(starter.status.success());
    assert_eq!(String::from_utf8_lossy(&starter.stdout), c.starter);
    let solution = challenge_run(&["challenge", "crawler", "--solution"]);
    assert_eq!(String::from_utf8_lossy(&solution.stdout), c.solution);
    for bad in [
        &["challenge", "no-such", "--starter"][..],
        &["challenge", "crawler"],
        &["challenges", "extra"],
    ] {
        let out = challenge_run(bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty() && !out.stderr.is_empty(), "{bad:?}");
    }
}

/// The verdict's JSON, with the exit status.
fn graded(name: &str, text: &str, slug: &str) -> (Option<i32>, serde_json::Value) {
    let file = program(name, text);
    let out = looplab_run(&[
        file.as_os_str(),
        "--challenge".as_ref(),
        slug.as_ref(),
        "--json".as_ref(),
    ]);
    let v = serde_json::from_slice(&out.stdout).expect("one JSON object");
    (out.status.code(), v)
}

#[test]
fn grading_a_solution_exits_0_and_a_starter_exits_1() {
    let c = looplab::challenges::challenge("crawler").expect("the crawler challenge");
    let (code, v) = graded("crawler_solution.py", c.solution, "crawler");
    assert_eq!(code, Some(0));
    assert_eq!(v["passed"], true);
    let goals = v["goals"].as_array().expect("a list of goals");
    assert_eq!(goals.len(), c.goals.len());
    for g in goals {
        let keys: Vec<&str> = g
            .as_object()
            .expect("an object")
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(keys, ["goal", "passed", "detail"]);
        assert_eq!(g["passed"], true);
    }

    let (code, v) = graded("crawler_starter.py", c.starter, "crawler");
    assert_eq!(code, Some(1));
    assert_eq!(v["passed"], false);
    let failed: Vec<&serde_json::Value> = v["goals"]
        .as_array()
        .expect("a list of goals")
        .iter()
        .filter(|g| g["passed"] == false)
        .collect();
    assert_eq!(failed.len(), 1, "only the time is wrong: {v}");
    assert_eq!(failed[0]["goal"], "finishes within 2.00 s");
    assert_eq!(failed[0]["detail"], "finished at 4.05 s");
}

#[test]
fn grading_without_json_prints_a_checklist() {
    let c = looplab::challenges::challenge("gather").expect("the gather challenge");
    let file = program("gather_starter.py", c.starter);
    let out = looplab_run(&[file.as_os_str(), "--challenge".as_ref(), "gather".as_ref()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let marks: Vec<char> = text
        .lines()
        .filter_map(|l| l.chars().next())
        .filter(|m| "✓✗".contains(*m))
        .collect();
    assert_eq!(marks.len(), c.goals.len(), "{text}");
    assert!(
        text.contains("✗ finishes within 0.70 s: finished at 1.50 s\n"),
        "{text}"
    );
    assert!(text.contains("✓ "), "{text}");
}

#[test]
fn grading_refuses_an_unknown_slug_or_a_program_that_cannot_run() {
    let file = program("graded_bad.py", "async def main(:\n    pass\n");
    let out = looplab_run(&[file.as_os_str(), "--challenge".as_ref(), "gather".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!("{}:1:", file.display())),
        "stderr: {err}"
    );

    let fine = program("graded_fine.py", GATHER);
    let out = looplab_run(&[fine.as_os_str(), "--challenge".as_ref(), "no-such".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let missing = looplab_run(&[
        "/no/such/file.py".as_ref(),
        "--challenge".as_ref(),
        "gather".as_ref(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
}
