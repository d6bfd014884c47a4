#![cfg(not(target_arch = "wasm32"))]
//! `looplab-run`: the program's output as CPython prints it, one JSON object with
//! `--json`, a Perfetto trace with `--trace`, exit status 2 with `FILE:line:col: message`
//! when the program cannot run.

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
