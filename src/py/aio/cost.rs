//! The loop's own cost. Off by default, the virtual clock counts only what a program
//! waits for (as CPython on a virtual clock does), so a callback takes no time. With
//! the cost counted ([`crate::py::run::Options::loop_cost`]), every callback the loop
//! runs moves the clock on by what one costs the loop the program chose, asyncio's own
//! or uvloop's (`uvloop.run`, `loop_factory=uvloop.new_event_loop`, `uvloop.install()`).
//! The figures are measured, not guessed: BENCHMARKS.md, "The loop's own cost".

/// The event loop a program runs on. Both run asyncio's semantics (uvloop is a
/// drop-in); only their cost differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoopKind {
    #[default]
    Asyncio,
    Uvloop,
}

impl LoopKind {
    /// What one callback (a task step, a timer, a done callback) costs the loop, in ns:
    /// 10,000 tasks awaiting `asyncio.sleep(0)` ten times, 120,007 callbacks, best of 5,
    /// CPython 3.12.1 with uvloop 0.23.0 (144 ms and 68 ms).
    pub fn callback_ns(self) -> i64 {
        match self {
            LoopKind::Asyncio => 1_200,
            LoopKind::Uvloop => 570,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            LoopKind::Asyncio => "asyncio",
            LoopKind::Uvloop => "uvloop",
        }
    }

    /// The kind a prelude names (`_native.loop_open(True, 'uvloop')`).
    pub fn named(name: &str) -> Option<LoopKind> {
        match name {
            "asyncio" => Some(LoopKind::Asyncio),
            "uvloop" => Some(LoopKind::Uvloop),
            _ => None,
        }
    }
}
