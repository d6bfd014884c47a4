#![cfg(not(target_arch = "wasm32"))]
//! A run gives back all its memory: the page runs program after program in one
//! process, so a run that leaves reference cycles behind (a function and its module's
//! globals, a gather and its outer future, a task and its callbacks) would grow the
//! page's memory with every run. Measured with a counting allocator: the bytes still
//! allocated after a run, against before it.

use looplab::py::{run_source, Ending};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes a run of `src` leaves allocated (the thread's prelude cache warmed first).
fn left_behind(src: &str) -> isize {
    let run = || {
        let out = run_source(src).expect("compiles");
        assert!(
            matches!(out.ending, Ending::Completed | Ending::Exception),
            "{:?}: {:?}",
            out.ending,
            out.exception
        );
    };
    run();
    let before = LIVE.load(Ordering::Relaxed);
    run();
    LIVE.load(Ordering::Relaxed) - before
}

#[test]
fn a_run_leaves_no_memory_behind() {
    // One test, so no other test's allocations run in between.
    for src in [
        // gather: its state and its outer future refer to each other.
        "import asyncio\nasync def w(i):\n    await asyncio.sleep(0.01 * (i % 3))\n    return i\nasync def main():\n    print(len(await asyncio.gather(*(w(i) for i in range(500)))))\nasyncio.run(main())\n",
        // A gather cancelled while its children wait, and a task left pending at exit.
        "import asyncio\nasync def w():\n    await asyncio.sleep(10)\nasync def main():\n    g = asyncio.gather(w(), w())\n    asyncio.create_task(w())\n    await asyncio.sleep(0.1)\n    g.cancel()\n    try:\n        await g\n    except asyncio.CancelledError:\n        print('cancelled')\nasyncio.run(main())\n",
        // Functions, closures and classes refer to the module globals that hold them.
        "def f(n):\n    return n if n < 2 else f(n - 1) + f(n - 2)\nclass A:\n    def m(self):\n        return A\ndef outer():\n    x = 1\n    def inner():\n        return x\n    return inner\nprint(f(10), A().m().__name__, outer()())\n",
        // An exception that escapes, with a traceback through tasks.
        "import asyncio\nasync def boom():\n    raise ValueError('x')\nasync def main():\n    await asyncio.gather(boom(), boom())\nasyncio.run(main())\n",
    ] {
        let left = left_behind(src);
        assert!(
            left < 16 * 1024,
            "{left} bytes left allocated after running {src:?}"
        );
    }
}
