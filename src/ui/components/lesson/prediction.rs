//! "Predict before you run": the question and its choices as radio buttons. The answer
//! stays hidden until the learner has picked one and the playhead reaches the end of the
//! run; then it says whether they were right and what the run measured.

use std::rc::Rc;
use yew::prelude::*;

use crate::lessons::{Lesson, LessonRun, Measure};
use crate::sim::metrics::format_ms;
use crate::ui::components::rich_text::RichText;
use crate::ui::state::{Action, AppContext};

/// What the run measured, in words: `gather took 1.5 s`.
pub fn measured_words(measure: &Measure, value: f64) -> String {
    let times = |n: f64| {
        if n == 1.0 {
            "once".to_string()
        } else {
            format!("{n} times")
        }
    };
    match measure {
        Measure::Total => format!("the run took {}", format_ms(value)),
        Measure::SequentialTotal => format!("awaiting in turn took {}", format_ms(value)),
        Measure::ConcurrentTotal => format!("gather took {}", format_ms(value)),
        Measure::SecondTotal(name) => format!("{name} took {}", format_ms(value)),
        Measure::Deadlocked if value > 0.0 => "the run deadlocked".into(),
        Measure::Deadlocked => "the run finished without a deadlock".into(),
        Measure::PrintPosition(text) | Measure::FirstPrintAt(text) | Measure::Prints(text)
            if value < 0.0 =>
        {
            format!("`{text}` was never printed")
        }
        Measure::PrintPosition(text) => format!("`{text}` was print number {}", value + 1.0),
        Measure::FirstPrintAt(text) => {
            format!("`{text}` was first printed at {}", format_ms(value))
        }
        Measure::Prints(text) => format!("`{text}` was printed {}", times(value)),
        Measure::MaxInFlight => format!("at most {value} fetches were in flight at once"),
    }
}

/// The verdict shown once revealed: `Right: gather took 1.5 s.`
pub fn verdict(right: bool, measured: &str, answer: &str) -> String {
    if right {
        format!("Right: {measured}.")
    } else {
        format!("Not quite: {measured}. The answer is “{answer}”.")
    }
}

#[derive(Properties, PartialEq)]
pub struct PredictionProps {
    pub lesson: Rc<Lesson>,
    /// The lesson's runs (both modes); `None` if its scenario cannot run.
    pub run: Option<Rc<LessonRun>>,
    pub picked: Option<usize>,
    /// The playhead has reached the end of the run.
    pub at_end: bool,
    /// The answer is read off a run that is not on screen (the other start mode).
    #[prop_or_default]
    pub elsewhere: bool,
}

#[function_component(PredictionView)]
pub fn prediction_view(props: &PredictionProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let predict = &props.lesson.predict;
    let name = format!("predict-{}", props.lesson.slug);
    let reveal = props
        .picked
        .filter(|_| props.at_end && !props.elsewhere)
        .zip(props.run.as_ref())
        .map(|(picked, run)| {
            let answer = props.lesson.answer(run);
            let value = predict.measure.value(run.own(), &run.comparison);
            let measured = measured_words(&predict.measure, value);
            let text = predict.choices.get(answer).map_or("", |c| c.text);
            (picked == answer, verdict(picked == answer, &measured, text))
        });
    html! {
        <fieldset class="lesson__predict predict">
            <legend class="lesson__label">{ "Predict before you run" }</legend>
            <p class="predict__question"><RichText text={predict.question} /></p>
            { for predict.choices.iter().enumerate().map(|(i, choice)| {
                let ctx = ctx.clone();
                let id = format!("{name}-{i}");
                html! {
                    <div class="predict__choice">
                        <input type="radio" id={id.clone()} name={name.clone()} value={i.to_string()}
                            checked={props.picked == Some(i)}
                            onchange={Callback::from(move |_: Event| ctx.dispatch(Action::Predict(i)))} />
                        <label for={id}><RichText text={choice.text} /></label>
                    </div>
                }
            }) }
            <p class={classes!("predict__answer", reveal.as_ref().map(|(right, _)| if *right { "predict__answer--right" } else { "predict__answer--wrong" }))}
                data-revealed={reveal.is_some().to_string()} aria-live="polite">
                { match (&reveal, props.picked) {
                    (Some((right, text)), _) => html! {
                        <>
                            <span class="predict__sign" aria-hidden="true">{ if *right { "✓" } else { "✗" } }</span>
                            <RichText text={AttrValue::from(text.clone())} />
                        </>
                    },
                    (None, None) => html! { "Pick an answer, then play the run to the end." },
                    (None, Some(_)) if props.elsewhere => html! {
                        "The answer is in the other version of this run: press ▶ Play side by side \
                         in the Compare panel to watch both."
                    },
                    (None, Some(_)) => html! { "Now play the run to the end to find out." },
                } }
            </p>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_measure_is_said_in_words() {
        assert_eq!(
            measured_words(&Measure::ConcurrentTotal, 1500.0),
            "gather took 1.5 s"
        );
        assert_eq!(
            measured_words(&Measure::SecondTotal("the program on uvloop"), 571.25),
            "the program on uvloop took 571 ms"
        );
        assert_eq!(
            measured_words(&Measure::Deadlocked, 1.0),
            "the run deadlocked"
        );
        assert_eq!(
            measured_words(&Measure::PrintPosition("done"), 0.0),
            "`done` was print number 1"
        );
        assert_eq!(
            measured_words(&Measure::Prints("tick"), -1.0),
            "`tick` was never printed"
        );
        assert_eq!(
            measured_words(&Measure::MaxInFlight, 3.0),
            "at most 3 fetches were in flight at once"
        );
    }

    #[test]
    fn the_verdict_names_the_answer_when_wrong() {
        assert_eq!(
            verdict(true, "gather took 1.5 s", "x"),
            "Right: gather took 1.5 s."
        );
        assert!(verdict(false, "gather took 1.5 s", "1.5 s, the longest")
            .contains("“1.5 s, the longest”"));
    }
}
