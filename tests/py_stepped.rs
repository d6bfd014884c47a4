#![cfg(not(target_arch = "wasm32"))]
//! A program run on the virtual clock a slice at a time (`SteppedRun::run_while`, how the
//! app runs a big program while drawing in between) runs exactly as it does in one go:
//! the same trace, output, ending and time, whatever the slices.

use looplab::lessons::lessons;
use looplab::py::run::{run_source_with, Options, RunOutput};
use looplab::py::stepped::SteppedRun;

/// `src` run in slices of `budget` instructions; also how many slices it took.
fn in_slices(src: &str, opts: Options, budget: u64) -> (RunOutput, usize) {
    let mut run = SteppedRun::new(src, opts).expect("the program compiles");
    let mut slices = 1;
    while !run.run_while(|n| n < budget) {
        slices += 1;
    }
    (run.finish(false), slices)
}

/// What differs between two runs of one program, if anything.
fn difference(a: &RunOutput, b: &RunOutput) -> Option<String> {
    let fields = [
        ("stdout", a.stdout == b.stdout),
        ("ending", a.ending == b.ending),
        ("exception", a.exception == b.exception),
        ("traceback", a.traceback == b.traceback),
        ("stderr", a.stderr == b.stderr),
        ("time", a.virtual_ms == b.virtual_ms),
        ("callbacks", a.callbacks == b.callbacks),
        ("trace", a.trace == b.trace),
    ];
    let differ: Vec<_> = fields.iter().filter(|f| !f.1).map(|f| f.0).collect();
    (!differ.is_empty()).then(|| differ.join(", "))
}

/// Every corpus program, lesson program and example, by name.
fn programs() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py/corpus");
    let mut all: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    for lesson in lessons() {
        let p = &lesson.program;
        all.push((lesson.slug.to_string(), p.source.to_string()));
        if let Some(pair) = p.pair {
            all.push((format!("{} (pair)", lesson.slug), pair.to_string()));
        }
    }
    for example in looplab::examples::examples() {
        all.push((example.slug.to_string(), example.source.to_string()));
    }
    all.sort();
    all
}

#[test]
fn every_program_runs_in_slices_as_it_runs_in_one_go() {
    let mut compared = 0;
    let mut differ = Vec::new();
    for (name, src) in programs() {
        for loop_cost in [false, true] {
            let opts = Options::costed(loop_cost);
            let Ok(whole) = run_source_with(&src, opts) else {
                continue;
            };
            // Slices of one instruction (a turn of the loop each), and of a few thousand.
            for budget in [1, 5_000] {
                let (sliced, _) = in_slices(&src, opts, budget);
                if let Some(what) = difference(&sliced, &whole) {
                    differ.push(format!(
                        "{name} (loop cost {loop_cost}, slices of {budget}): {what}"
                    ));
                }
            }
            compared += 1;
        }
    }
    assert!(compared > 400, "only {compared} runs compared");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn a_big_run_takes_many_slices_and_a_small_one_takes_one() {
    let big = lessons()
        .iter()
        .find(|l| l.slug == "production-loops")
        .unwrap()
        .program
        .source;
    let (_, slices) = in_slices(big, Options::costed(true), 20_000);
    assert!(slices > 10, "{slices} slices");
    let small = "import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print('hi')\nasyncio.run(main())\n";
    let (out, slices) = in_slices(small, Options::default(), 200_000);
    assert_eq!((out.stdout.as_str(), slices), ("hi\n", 1));
}

#[test]
fn a_loop_started_inside_a_builtin_turns_there_as_in_one_go() {
    // `sorted`'s key runs in a nested call, which cannot hand the loop to the driver.
    let src = "import asyncio\n\
               async def double(x):\n    await asyncio.sleep(x)\n    return 2 * x\n\
               print(sorted([3, 1, 2], key=lambda x: asyncio.run(double(x))))\n\
               asyncio.run(double(1))\n";
    let whole = run_source_with(src, Options::default()).unwrap();
    let (sliced, _) = in_slices(src, Options::default(), 1);
    assert_eq!(sliced.stdout, "[1, 2, 3]\n");
    assert_eq!(difference(&sliced, &whole), None);
}

#[test]
fn one_turn_of_the_loop_of_a_thousand_callbacks_is_cut_into_slices() {
    // The tasks start, print and end in one turn of the loop.
    let src = "import asyncio\n\
               async def work(i):\n    print(i)\n\
               async def main():\n    await asyncio.gather(*(work(i) for i in range(1000)))\n\
               asyncio.run(main())\n";
    let whole = run_source_with(src, Options::default()).unwrap();
    let (sliced, slices) = in_slices(src, Options::default(), 100);
    assert!(slices > 50, "{slices} slices");
    assert_eq!(difference(&sliced, &whole), None);
}
