//! A program's run in slices. A big program (lesson 20 races two of 10,000 tasks) would
//! hold the page for its whole run; so a run that does not end within its first slice
//! goes on a slice at a time ([`Running::go_on`], `Action::RunSlice`), and the app
//! draws between slices, saying how far the run has got. It runs exactly as in one go
//! (`crate::py::stepped`). Pure Rust, tested natively.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use crate::py::stepped::SteppedRun;
use crate::py::RunOutput;
use crate::ui::program::{options, syntax_error, ParseError, ProgramRun};

/// Whether a slice goes on, asked after each callback of the loop with the
/// instructions run in the slice so far: the app stops each at a time of the page's
/// clock ([`for_ms`]), a test after a count of instructions.
pub type Budget = Box<dyn FnMut(u64) -> bool>;

/// The first slice runs where the program is opened, so a program that ends within it
/// (most do) shows at once: ms of the page's time.
pub const FIRST_SLICE_MS: f64 = 50.0;
/// Each later slice is a task of its own, this long: the page draws and answers in
/// between.
pub const SLICE_MS: f64 = 40.0;

/// A slice of `ms` from now. Which slice a run ends in changes nothing of the run (it
/// runs as in one go), only when it is shown.
pub fn for_ms(ms: f64) -> Budget {
    let until = now_ms() + ms;
    Box::new(move |_| now_ms() < until)
}

#[cfg(target_arch = "wasm32")]
fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> f64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// A program that began to run: its run, or the run going on; or, begun in a later
/// slice ([`start_later`]), its text and why it cannot run.
pub enum Started {
    Ran(ProgramRun),
    Running(Running),
    Unreadable(Rc<str>, ParseError),
}

impl Started {
    /// The run under way, run to its end now (never `Running`).
    pub fn to_end(self) -> Started {
        let mut started = self;
        while let Started::Running(running) = started {
            started = running.go_on(Box::new(|_| true));
        }
        started
    }
}

/// A program's run under way. Clones share the run, which the latest state goes on
/// with.
#[derive(Clone)]
pub struct Running {
    pub source: Rc<str>,
    loop_cost: bool,
    stage: Rc<RefCell<Stage>>,
    /// Slices run so far.
    pub slices: u32,
    /// Events recorded so far, and the virtual clock's time in ms: how far it got.
    pub events: usize,
    pub ms: f64,
}

enum Stage {
    /// Not begun: the program is read, and its machine made, in its first slice.
    Unstarted,
    Stepping(Box<SteppedRun>),
    /// The run ended. On a big run each of the next stages is a sizeable task, so each
    /// is a slice of its own: its [`ProgramRun`] is built (lanes, diagnostics, console),
    Ran(Box<RunOutput>),
    /// then its chart's rows are worked out,
    Built(ProgramRun),
    /// then it is shown.
    Ready(ProgramRun),
    /// Only while one stage is turned into the next.
    Moving,
}

/// States compare by the run and how far it got (each slice redraws the progress).
impl PartialEq for Running {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.stage, &other.stage) && self.slices == other.slices
    }
}

impl fmt::Debug for Running {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Running")
            .field("slices", &self.slices)
            .field("events", &self.events)
            .field("ms", &self.ms)
            .finish()
    }
}

/// Starts `source` on the interpreter (the loop's own cost counted or not) and runs its
/// `first` slice; a syntax error or refused construct is the editor's [`ParseError`].
pub fn start_program(source: &str, loop_cost: bool, first: Budget) -> Result<Started, ParseError> {
    match start_later(source, loop_cost).go_on(first) {
        Started::Unreadable(_, error) => Err(error),
        started => Ok(started),
    }
}

/// `source`'s run, begun in its first slice: nothing of it runs where it is opened (the
/// page's first render shows the program before its run is there).
pub fn start_later(source: &str, loop_cost: bool) -> Running {
    Running {
        source: source.into(),
        loop_cost,
        stage: Rc::new(RefCell::new(Stage::Unstarted)),
        slices: 0,
        events: 0,
        ms: 0.0,
    }
}

impl Running {
    /// The next slice, for as long as `budget` says. A run that ends in its first slice
    /// is shown at once; a longer one goes through the stages of [`Stage`], a slice
    /// each.
    pub fn go_on(mut self, budget: Budget) -> Started {
        if matches!(*self.stage.borrow(), Stage::Unstarted) {
            match SteppedRun::new(&self.source, options(self.loop_cost)) {
                Ok(run) => *self.stage.borrow_mut() = Stage::Stepping(Box::new(run)),
                Err(e) => {
                    let error = syntax_error(&self.source, &e);
                    return Started::Unreadable(self.source.clone(), error);
                }
            }
        }
        let stage = std::mem::replace(&mut *self.stage.borrow_mut(), Stage::Moving);
        let next = match stage {
            Stage::Stepping(mut run) => {
                let over = run.run_while(budget);
                (self.events, self.ms) = run.reached();
                match (over, self.slices) {
                    (false, _) => Stage::Stepping(run),
                    (true, 0) => return self.show(self.program(run.finish(false))),
                    (true, _) => Stage::Ran(Box::new(run.finish(false))),
                }
            }
            Stage::Ran(out) => Stage::Built(self.program(*out)),
            Stage::Built(program) => {
                program.run.model();
                Stage::Ready(program)
            }
            Stage::Ready(program) => return self.show(program),
            Stage::Unstarted | Stage::Moving => Stage::Moving,
        };
        *self.stage.borrow_mut() = next;
        self.slices += 1;
        Started::Running(self)
    }

    fn program(&self, out: RunOutput) -> ProgramRun {
        ProgramRun::new(&self.source, out, self.loop_cost)
    }

    /// The run shown: it stays ready, should an older state go on with it.
    fn show(&self, program: ProgramRun) -> Started {
        *self.stage.borrow_mut() = Stage::Ready(program.clone());
        Started::Ran(program)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_begun_later_that_does_not_read_says_so_each_time_it_is_asked() {
        let later = start_later("async def main(:\n", false);
        for _ in 0..2 {
            let Started::Unreadable(source, error) = later.clone().go_on(Box::new(|_| true)) else {
                panic!("it cannot run")
            };
            assert_eq!((&*source, error.line), ("async def main(:\n", 1));
        }
    }
}
