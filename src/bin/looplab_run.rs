//! `looplab-run FILE.py [--json] [--trace FILE]`: runs an asyncio program on Looplab's
//! virtual clock and prints its output as CPython would, or one JSON object
//! (`outcome`, `virtual_ms`, `stdout`, `exception`). Exit status 0 when the program ran,
//! whatever its outcome; 2 with `FILE:line:col: message` when it cannot run.

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: looplab::native_alloc::Allocator = looplab::native_alloc::Allocator;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut file = None;
    let mut json = false;
    let mut trace_file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--trace" => trace_file = it.next().cloned(),
            "-h" | "--help" => {
                println!("usage: looplab-run FILE.py [--json] [--trace TRACE.json]");
                return;
            }
            _ if file.is_none() => file = Some(a.clone()),
            other => {
                eprintln!("looplab-run: unexpected argument '{other}'");
                std::process::exit(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("usage: looplab-run FILE.py [--json] [--trace TRACE.json]");
        std::process::exit(2);
    };
    let src = match std::fs::read_to_string(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            std::process::exit(2);
        }
    };
    let out = match looplab::py::run_source(&src) {
        Ok(out) => out,
        Err(e) => {
            eprintln!("{file}:{}:{}: {}", e.pos.line, e.pos.col, e.message);
            std::process::exit(2);
        }
    };
    if let Some(path) = trace_file {
        let text = looplab::sim::chrome_trace::to_chrome_trace(&out.trace);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{path}: cannot write the trace: {e}");
            std::process::exit(2);
        }
    }
    if json {
        let obj = serde_json::json!({
            "outcome": out.ending.as_str(),
            "virtual_ms": out.virtual_ms,
            "stdout": out.stdout,
            "exception": out.exception,
        });
        println!("{obj}");
    } else {
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
}

#[cfg(target_arch = "wasm32")]
fn main() {}
