//! Compare two programs: "Compare with a second version" copies the learner's program
//! into a second editor; each edit runs it, and both runs are drawn on one time axis
//! with one playhead, both totals and the speed-up.

use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

use super::compare_panel::{summary, PairNames};
use super::editor::Editor;
use super::timeline::chart::Timeline;
use crate::sim::positions::{positions, Positions};
use crate::ui::hooks::use_seen::use_seen;
use crate::ui::program::ProgramRun;
use crate::ui::running::Started;
use crate::ui::state::{make_callback, Action, AppContext, Pair, View};

const YOURS_VS_SECOND: PairNames = PairNames {
    first: ("first", "Your program"),
    second: ("second", "Second version"),
    speedup: "second version vs. yours",
};

#[derive(Properties, PartialEq)]
pub struct ProgramCompareProps {
    pub program: ProgramRun,
    pub rival: Option<ProgramRun>,
}

#[function_component(ProgramCompare)]
pub fn program_compare(props: &ProgramCompareProps) -> Html {
    let ctx = use_context::<AppContext>().expect("inside the app");
    // The two charts are drawn once the panel comes near the viewport: it is below the
    // fold (or behind a phone tab), and a lesson racing 10,000 tasks opens faster without.
    let runs = use_node_ref();
    let seen = use_seen(&runs);
    let Some(rival) = &props.rival else {
        let program = props.program.clone();
        let start = make_callback(&ctx, move |_: MouseEvent| Action::SetRival(program.clone()));
        return html! {
            <div class="cmp__start">
                <p class="cmp__none" data-compare-note="">
                    { "Change the program and race the two versions: the second starts as a copy \
                       of yours, in an editor of its own, and both run on one time axis." }
                </p>
                <button type="button" class="button" data-action="compare-with" onclick={start}>
                    { "Compare with a second version…" }
                </button>
            </div>
        };
    };
    let pair = Pair {
        first: props.program.run.clone(),
        second: rival.run.clone(),
    };
    let end = pair.longest();
    let comparing = ctx.view == View::Compare;
    let on_seek = make_callback(&ctx, Action::Seek);
    // The second version runs to its end at once: Compare draws it beside the first.
    let on_rival = {
        let ctx = ctx.clone();
        Callback::from(move |started: Started| {
            if let Started::Ran(rival) = started.to_end() {
                ctx.dispatch(Action::SetRival(rival));
            }
        })
    };
    // Where the second version's tasks are at the playhead (a replay of its run, so
    // only once its panel is in view).
    let at = if seen {
        positions(
            &rival.run.trace,
            rival
                .run
                .trace
                .events_until(ctx.playhead.min(rival.run.trace.end)),
        )
    } else {
        Positions::default()
    };
    let running = at.running.and_then(|s| rival.line_of(s));
    let waiting: BTreeSet<usize> = at
        .waiting
        .iter()
        .filter_map(|&s| rival.line_of(s))
        .collect();
    html! {
        <>
            { summary(&ctx, &pair, YOURS_VS_SECOND, html! {
                <button type="button" class="cmp__back" onclick={make_callback(&ctx, |_: MouseEvent| Action::CloseRival)}>
                    { "Close the second version" }
                </button>
            }) }
            <div class="cmp__runs" ref={runs}>
                <section class="cmp__run" aria-label="Your program's run">
                    <h3 class="cmp__title">{ "Your program" }<span>{ props.program.verdict.to_string() }</span></h3>
                    if seen {
                        <Timeline run={pair.first.clone()} {end} playhead={ctx.playhead}
                            playing={ctx.playing && comparing} on_seek={on_seek.clone()}
                            label="Your program's run" id="timeline-first" />
                    } else {
                        <div class="cmp__later" />
                    }
                </section>
                <section class="cmp__run cmp__run--rival" aria-label="The second version">
                    <h3 class="cmp__title">{ "Second version" }<span>{ rival.verdict.to_string() }</span></h3>
                    <div class="cmp__editor">
                        <Editor program={AttrValue::from(rival.source.to_string())} {running}
                            loop_cost={ctx.loop_cost}
                            waiting={Rc::new(waiting)} on_run={on_rival}
                            label="Second version of the program (Ctrl+Enter runs)"
                            id="rival-editor" />
                    </div>
                    if seen {
                        <Timeline run={pair.second.clone()} {end} playhead={ctx.playhead}
                            playing={ctx.playing && comparing} {on_seek}
                            label="The second version's run" id="timeline-second" />
                    } else {
                        <div class="cmp__later" />
                    }
                </section>
            </div>
        </>
    }
}
