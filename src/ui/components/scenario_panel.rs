//! The Scenario panel: build the program the loop runs. A preset to start from, one
//! editor per coroutine (its steps as Python lines, each with a form), `main`, the
//! resources, and import/export as JSON. Every edit dispatches `Action::Edit` with a
//! scenario built by [`crate::ui::edit`]; validation's message is shown at the step,
//! coroutine or section it is about, and notices (a rejected import) at the top.

use std::rc::Rc;
use yew::prelude::*;

use super::{
    notice::Notice,
    panel::Panel,
    scenario::{
        coroutine_editor::CoroutineEditor, field_error::FieldError, import_export::ImportExport,
        main_editor::MainEditor, preset_picker::PresetPicker, resource_editor::ResourceEditor,
        saved_scenarios::SavedScenarios,
    },
};
use crate::lessons::with_lesson;
use crate::sim::Scenario;
use crate::ui::edit;
use crate::ui::layout::PanelKind;
use crate::ui::state::{make_callback, Action, AppContext};

#[function_component(ScenarioPanel)]
pub fn scenario_panel() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let scenario = use_memo(ctx.scenario.clone(), |s| Rc::new(s.clone()));
    // An unedited lesson's scenario is named after the lesson, not "edited".
    let own = ctx
        .lesson
        .as_deref()
        .and_then(|slug| {
            with_lesson(slug, |l| {
                (l.scenario.coroutines == ctx.scenario.coroutines
                    && l.scenario.main == ctx.scenario.main)
                    .then(|| AttrValue::from(format!("Lesson {}: {}", l.id, l.title)))
            })
            .flatten()
        })
        .unwrap_or_else(|| AttrValue::from("Your own scenario (edited)"));
    let scenario: Rc<Scenario> = (*scenario).clone();
    let on_edit = make_callback(&ctx, Action::Edit);
    let error = ctx.runs.as_ref().err();
    // Where validation's message goes: a coroutine's editor (at a step or its header),
    // `main`, or the top of the panel.
    let coroutine_error = |name: &str| {
        error
            .filter(|e| e.coroutine.as_deref() == Some(name))
            .map(|e| (e.step.map(|(n, _)| n), AttrValue::from(e.message.clone())))
    };
    let known = |name: &str| scenario.coroutines.iter().any(|c| c.name == name);
    let main_error = error
        .filter(|e| match &e.coroutine {
            Some(c) => !known(c),
            None => e.message.contains("main()") || e.message.contains("executor"),
        })
        .map(|e| AttrValue::from(e.to_string()));
    let top_error = error
        .filter(|e| e.coroutine.is_none() && main_error.is_none())
        .map(|e| AttrValue::from(e.message.clone()));

    let add_coroutine = {
        let (scenario, on_edit) = (scenario.clone(), on_edit.clone());
        Callback::from(move |_: MouseEvent| on_edit.emit(edit::add_coroutine(&scenario)))
    };
    let on_toggle = {
        let (scenario, on_edit) = (scenario.clone(), on_edit.clone());
        Callback::from(move |name: String| on_edit.emit(edit::toggle_main_run(&scenario, &name)))
    };
    let on_workers = {
        let (scenario, on_edit) = (scenario.clone(), on_edit.clone());
        Callback::from(move |n: u32| on_edit.emit(edit::set_workers(&scenario, n)))
    };
    let count = scenario.coroutines.len();
    let meta = format!("{count} coroutine{}", if count == 1 { "" } else { "s" });
    html! {
        <Panel kind={PanelKind::Scenario} meta={Some(AttrValue::from(meta))}>
            <div class="scenario">
                if let Some(message) = &ctx.notice {
                    <Notice message={message.clone()}
                        on_dismiss={make_callback(&ctx, |_: ()| Action::DismissNotice)} />
                }
                <PresetPicker current={ctx.preset.clone()} {own}
                    on_pick={make_callback(&ctx, Action::LoadPreset)} />
                if ctx.shows_lesson_program() {
                    <p class="scenario__program" role="note" data-program-note="">
                        <strong>{ "The lesson is the program in the Code panel." }</strong>
                        { " These forms hold the same lesson as steps (its Rust version is \
                           written from them); editing one shows the steps instead." }
                    </p>
                } else if ctx.program.is_some() {
                    <p class="scenario__program" role="note" data-program-note="">
                        <strong>{ "Showing your Python program" }</strong>
                        { " from the Code panel. These forms hold the last step scenario; \
                           editing one (or picking a preset) shows it again." }
                    </p>
                }
                if ctx.preset.is_none() && !scenario.name.is_empty() {
                    <p class="scenario__name">{ scenario.name.clone() }</p>
                }
                if let Some(message) = top_error {
                    <FieldError id="scenario-error" {message} />
                }
                <section class="scenario-section" aria-labelledby="coroutines-title">
                    <h3 class="scenario-section__title" id="coroutines-title">{ "Coroutines" }</h3>
                    <div class="coroutines">
                        { for scenario.coroutines.iter().enumerate().map(|(index, c)| html! {
                            <CoroutineEditor key={format!("{index}")} {index} scenario={scenario.clone()}
                                error={coroutine_error(&c.name)} on_edit={on_edit.clone()} />
                        }) }
                    </div>
                    <button type="button" class="text-button edit-only add-coroutine" onclick={add_coroutine}>
                        { "+ Add coroutine" }
                    </button>
                </section>
                <MainEditor
                    mode={scenario.main.mode}
                    run={scenario.main.run.clone()}
                    coroutines={scenario.coroutines.iter().map(|c| c.name.clone()).collect::<Vec<_>>()}
                    workers={scenario.executor_workers}
                    error={main_error}
                    on_mode={make_callback(&ctx, Action::SetMode)}
                    {on_toggle}
                    {on_workers}
                />
                <ResourceEditor scenario={scenario.clone()} on_edit={on_edit.clone()} />
                <SavedScenarios scenario={scenario.clone()} on_open={make_callback(&ctx, Action::Open)} />
                <ImportExport scenario={scenario.clone()} on_import={make_callback(&ctx, Action::Import)} />
            </div>
        </Panel>
    }
}
