//! The Code panel's console: what a Python program printed by the playhead, each line
//! with the virtual time it was printed at (a click on it seeks there), then, once the
//! playhead reaches the end, its traceback or why it was stopped (of each, the last 300
//! lines; 100 printed lines while playing); a traceback's lines of the program jump to that line in the editor. Lines not
//! yet printed are hidden.

use yew::prelude::*;

use crate::py::Ending;
use crate::sim::metrics::format_count;
use crate::ui::console::traceback_line;
use crate::ui::describe::seconds;
use crate::ui::program::ProgramRun;

#[derive(Properties, PartialEq)]
pub struct OutputProps {
    /// Compared by identity: the console re-renders for a new run or a new playhead.
    pub program: ProgramRun,
    /// How many events of the run have happened at the playhead.
    pub done: usize,
    /// The run is playing: fewer of the last lines are drawn.
    pub playing: bool,
    /// Seek to just after this many events (a line's time was clicked).
    pub on_seek: Callback<usize>,
    /// Show this 1-based line of the program in the editor (a traceback's frame).
    pub on_line: Callback<usize>,
}

/// The most lines of printed text, and of error text, the console shows: the last ones
/// (each is laid out again as the playhead moves; 1,000 took 100 ms a frame).
const MAX_LINES: usize = 300;
/// The same while playing: a frame of a big run can print hundreds of lines, and every
/// line drawn is laid out again.
const MAX_LINES_PLAYING: usize = 100;

fn not_shown(n: usize) -> String {
    format!("… {} earlier lines not shown", format_count(n as u64))
}

#[function_component(Output)]
pub fn output(props: &OutputProps) -> Html {
    let program = &props.program;
    let ending = program.ending;
    let live = ending == Ending::Running;
    // A live run in progress shows everything it printed so far.
    let done = if live { usize::MAX } else { props.done };
    let at_end = live || done >= program.run.trace.events.len();
    let status = match ending {
        Ending::Completed => "completed",
        Ending::Exception => "raised an exception",
        Ending::Deadlock => "deadlocked",
        Ending::Limit => "stopped by a limit",
        Ending::Stopped => "stopped",
        Ending::Running => "running live…",
    };
    let shown = program.output.iter().filter(|l| l.shown_at(done)).count();
    let later = program.output.len() - shown;
    let stderr = &program.console.stderr;
    // The last lines only: a program that prints 100,000 would put as many elements on
    // the page, and freeze it for seconds.
    let earlier = shown.saturating_sub(match props.playing {
        true => MAX_LINES_PLAYING,
        false => MAX_LINES,
    });
    let lines = program.output[earlier..shown].iter().map(|line| {
        let on_seek = props.on_seek.clone();
        let after = line.event + 1;
        let time = seconds(line.t);
        html! {
            <li class="output__line" data-t={line.t.to_string()}>
                <button type="button" class="output__time" title={format!("Seek to {time}, when this was printed")}
                    aria-label={format!("{time}: seek here")}
                    onclick={Callback::from(move |_: MouseEvent| on_seek.emit(after))}>
                    { time.clone() }
                </button>
                <span class="output__text">{ line.text_at(done) }</span>
            </li>
        }
    });
    let error_count = stderr.lines().count();
    let errors_earlier = error_count.saturating_sub(MAX_LINES);
    let error_lines = stderr
        .lines()
        .skip(errors_earlier)
        .map(|text| match traceback_line(text) {
            Some(n) => {
                let on_line = props.on_line.clone();
                html! { <>
                    <button type="button" class="output__frame" data-traceback-line={n.to_string()}
                        title={format!("Show line {n} in the editor")}
                        onclick={Callback::from(move |_: MouseEvent| on_line.emit(n))}>
                        { text.to_string() }
                    </button>
                    { "\n" }
                </> }
            }
            None => html! { <span class="output__err-line">{ text.to_string() }{ "\n" }</span> },
        });
    html! {
        <section class="output" aria-labelledby="output-title" data-ending={ending.as_str()}>
            <h3 class="output__title" id="output-title">
                { "Output" }
                if at_end {
                    <span class={classes!("output__status", format!("output__status--{}", ending.as_str()))}>
                        { status }
                    </span>
                }
            </h3>
            <div class="output__console" tabindex="0" role="region" aria-label="Program output" data-output="">
                if shown == 0 && later > 0 {
                    <p class="output__empty">{ "Nothing printed yet at the playhead." }</p>
                } else if shown == 0 {
                    <p class="output__empty">{ "The program printed nothing." }</p>
                }
                if earlier > 0 {
                    <p class="output__later">{ not_shown(earlier) }</p>
                }
                if shown > 0 {
                    <ol class="output__lines">{ for lines }</ol>
                }
                if later > 0 {
                    <p class="output__later" data-output-later={later.to_string()}>
                        { format!("{later} more {} later in the run", if later == 1 { "line" } else { "lines" }) }
                    </p>
                }
                if at_end && !stderr.is_empty() {
                    if errors_earlier > 0 {
                        <p class="output__later">{ not_shown(errors_earlier) }</p>
                    }
                    <pre class="output__err" data-output-error="">{ for error_lines }</pre>
                }
            </div>
        </section>
    }
}
