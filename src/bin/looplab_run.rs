//! `looplab-run FILE.py [--json] [--trace FILE] [--challenge SLUG] [--loop-cost]`: runs
//! an asyncio program on Looplab's virtual clock and prints its output as CPython would,
//! or one JSON object (`outcome`, `virtual_ms`, `stdout`, `exception`, `loop`,
//! `callbacks`). `--loop-cost` counts the loop's own cost: each callback moves the clock
//! on by what one costs asyncio's loop or uvloop's, whichever the program runs on. Exit status 0 when the
//! program ran, whatever its outcome; 2 with `FILE:line:col: message` when it cannot run.
//!
//! With `--challenge SLUG` it grades the program against that challenge's goals instead:
//! a ✓/✗ checklist, or with `--json` `{"passed": …, "goals": [{"goal", "passed",
//! "detail"}]}`; exit status 0 when every goal passed, 1 when one failed.
//! `looplab-run challenges` lists the challenges (slug, two spaces, title);
//! `looplab-run challenge SLUG --starter|--solution` prints a challenge's program.
//! Usage errors, an unknown slug and an unreadable file exit with 2.

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: looplab::native_alloc::Allocator = looplab::native_alloc::Allocator;

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str =
    "usage: looplab-run FILE.py [--json] [--trace TRACE.json] [--challenge SLUG] [--loop-cost]\n       \
                     looplab-run challenges\n       \
                     looplab-run challenge SLUG --starter|--solution";

/// Ends the process with status 2 and `message` on stderr: the command could not run.
#[cfg(not(target_arch = "wasm32"))]
fn refuse(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2);
}

#[cfg(not(target_arch = "wasm32"))]
fn challenge_named(slug: &str) -> &'static looplab::challenges::Challenge {
    looplab::challenges::challenge(slug).unwrap_or_else(|| {
        refuse(&format!(
            "looplab-run: no challenge '{slug}' (`looplab-run challenges` lists them)"
        ))
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["challenges"] => print!("{}", looplab::challenges::report::list()),
        ["challenge", slug, which @ ("--starter" | "--solution")] => {
            let c = challenge_named(slug);
            print!(
                "{}",
                if which == "--starter" {
                    c.starter
                } else {
                    c.solution
                }
            );
        }
        ["challenges", ..] | ["challenge", ..] => refuse(USAGE),
        _ => run_file(&args),
    }
}

/// What `looplab-run FILE.py ...` was asked to do.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Run {
    file: Option<String>,
    json: bool,
    trace_file: Option<String>,
    challenge: Option<String>,
    loop_cost: bool,
}

#[cfg(not(target_arch = "wasm32"))]
fn parse(args: &[String]) -> Run {
    let mut run = Run::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().unwrap_or_else(|| refuse(USAGE));
        match a.as_str() {
            "--json" => run.json = true,
            "--loop-cost" => run.loop_cost = true,
            "--trace" => run.trace_file = Some(value()),
            "--challenge" => run.challenge = Some(value()),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            _ if run.file.is_none() => run.file = Some(a.clone()),
            other => refuse(&format!(
                "looplab-run: unexpected argument '{other}'\n{USAGE}"
            )),
        }
    }
    run
}

#[cfg(not(target_arch = "wasm32"))]
fn run_file(args: &[String]) {
    let run = parse(args);
    let Some(file) = run.file else { refuse(USAGE) };
    // An unknown slug is refused before the program runs.
    let challenge = run.challenge.as_deref().map(challenge_named);
    let src = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| refuse(&format!("{file}: cannot read: {e}")));
    let opts = looplab::py::run::Options::costed(run.loop_cost);
    let out = looplab::py::run::run_source_with(&src, opts).unwrap_or_else(|e| {
        refuse(&format!(
            "{file}:{}:{}: {}",
            e.pos.line, e.pos.col, e.message
        ))
    });
    if let Some(path) = run.trace_file {
        let text = looplab::sim::chrome_trace::to_chrome_trace(&out.trace);
        if let Err(e) = std::fs::write(&path, text) {
            refuse(&format!("{path}: cannot write the trace: {e}"));
        }
    }
    match challenge {
        Some(c) => grade(c, &out, run.json),
        None if run.json => {
            let obj = serde_json::json!({
                "outcome": out.ending.as_str(),
                "virtual_ms": out.virtual_ms,
                "stdout": out.stdout,
                "exception": out.exception,
                "loop": out.loop_kind.name(),
                "callbacks": out.callbacks,
            });
            println!("{obj}");
        }
        None => print_as_cpython(&out),
    }
}

/// The program's output as CPython writes it: stdout, then stderr and the traceback.
#[cfg(not(target_arch = "wasm32"))]
fn print_as_cpython(out: &looplab::py::RunOutput) {
    use std::io::Write;
    let mut stdout = std::io::stdout();
    let _ = stdout.write_all(out.stdout.as_bytes());
    let _ = stdout.flush();
    if !out.stderr.is_empty() {
        eprintln!("{}", out.stderr);
    }
    if let Some(tb) = &out.traceback {
        eprint!("{tb}");
    } else if let Some(e) = &out.exception {
        eprintln!("{e}");
    }
}

/// The challenge's verdict on the run; exit status 1 when a goal failed.
#[cfg(not(target_arch = "wasm32"))]
fn grade(challenge: &looplab::challenges::Challenge, out: &looplab::py::RunOutput, json: bool) {
    use looplab::challenges::report;
    let verdict = challenge.grade(looplab::challenges::Ran::of(out));
    if json {
        println!("{}", report::json(&verdict));
    } else {
        print!("{}", report::checklist(challenge, &verdict));
    }
    if !verdict.passed {
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
