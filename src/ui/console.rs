//! A program's printed output in step with the playhead: each line with the virtual
//! time it was printed at and the event that printed it, so the console shows only what
//! has been printed by the playhead and a click on a line seeks there.
//!
//! Pure Rust, tested natively: read off the trace's `Print` events, whose texts are what
//! `print` wrote, newlines included.

use crate::py::code::PROGRAM_FILE;
use crate::sim::trace::{EventKind, Ms, TaskId, Trace};

/// One line of output: the pieces that wrote it (a `print(..., end="")` writes part of
/// a line), each with the index of its event.
#[derive(Clone, Debug, PartialEq)]
pub struct OutputLine {
    /// When its first piece was printed, in ms of the trace's time.
    pub t: Ms,
    /// The index of the event that printed its first piece.
    pub event: usize,
    /// The task that printed it (`TaskId::LOOP` for a callback or a thread).
    pub task: TaskId,
    pieces: Vec<(usize, String)>,
}

impl OutputLine {
    /// The line's text once `done` events have happened (empty before its first piece).
    pub fn text_at(&self, done: usize) -> String {
        self.pieces
            .iter()
            .take_while(|(event, _)| *event < done)
            .map(|(_, text)| text.as_str())
            .collect()
    }

    /// True once its first piece has been printed.
    pub fn shown_at(&self, done: usize) -> bool {
        self.event < done
    }
}

/// The printed lines of a run, in order. A last line without a newline is a line too.
pub fn output_lines(trace: &Trace) -> Vec<OutputLine> {
    let mut lines: Vec<OutputLine> = Vec::new();
    let mut open = false;
    for (i, e) in trace.events.iter().enumerate() {
        let EventKind::Print { text } = e.kind else {
            continue;
        };
        for piece in trace.text(text).split_inclusive('\n') {
            if !open {
                lines.push(OutputLine {
                    t: e.t,
                    event: i,
                    task: e.task,
                    pieces: Vec::new(),
                });
            }
            let line = lines.last_mut().expect("a line was opened");
            line.pieces
                .push((i, piece.trim_end_matches('\n').to_string()));
            open = !piece.ends_with('\n');
        }
    }
    lines
}

/// The program's line a traceback line names (`  File "main.py", line 12, in fetch`),
/// if it is one of the program's frames (not asyncio's own files).
pub fn traceback_line(line: &str) -> Option<usize> {
    let rest = line
        .trim_start()
        .strip_prefix("File \"")?
        .strip_prefix(PROGRAM_FILE)?
        .strip_prefix("\", line ")?;
    let digits = rest.split(|c: char| !c.is_ascii_digit()).next()?;
    digits.parse().ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::py::run_source;

    fn lines_of(src: &str) -> (Vec<OutputLine>, usize) {
        let out = run_source(src).unwrap();
        let n = out.trace.events.len();
        (output_lines(&out.trace), n)
    }

    #[test]
    fn a_traceback_line_of_the_program_names_its_line() {
        assert_eq!(
            traceback_line("  File \"main.py\", line 12, in fetch"),
            Some(12)
        );
        assert_eq!(
            traceback_line("  File \"main.py\", line 3, in <module>"),
            Some(3)
        );
        assert_eq!(
            traceback_line("  File \"asyncio/tasks.py\", line 9, in run"),
            None
        );
        assert_eq!(traceback_line("ValueError: line 4"), None);
    }

    #[test]
    fn each_line_carries_the_time_it_was_printed_at() {
        let (lines, n) = lines_of(
            "import asyncio\nasync def main():\n    print('a')\n    await asyncio.sleep(0.5)\n    print('b\\nc')\nasyncio.run(main())\n",
        );
        let texts: Vec<_> = lines.iter().map(|l| l.text_at(n)).collect();
        assert_eq!(texts, ["a", "b", "c"]);
        let times: Vec<_> = lines.iter().map(|l| l.t).collect();
        assert_eq!(times, [0.0, 500.0, 500.0]);
    }

    #[test]
    fn a_line_written_in_pieces_grows_as_its_prints_happen() {
        let (lines, n) = lines_of(
            "import asyncio\nasync def main():\n    print('x', end='')\n    await asyncio.sleep(1)\n    print('y')\nasyncio.run(main())\n",
        );
        assert_eq!(lines.len(), 1);
        let first = lines[0].event;
        assert!(!lines[0].shown_at(first));
        assert_eq!(lines[0].text_at(first + 1), "x");
        assert_eq!(lines[0].text_at(n), "xy");
    }

    #[test]
    fn nothing_printed_before_the_first_print_event() {
        let (lines, _) = lines_of(
            "import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print('late')\nasyncio.run(main())\n",
        );
        assert!(!lines[0].shown_at(lines[0].event));
        assert!(lines[0].shown_at(lines[0].event + 1));
        assert_eq!(lines[0].t, 1000.0);
    }
}
