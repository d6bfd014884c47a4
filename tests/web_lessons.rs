#![cfg(target_arch = "wasm32")]
//! Browser tests of lessons, hash routing and share links: the URL's fragment decides
//! what opens, a damaged link explains itself over the playground (an embed link, in the
//! embed), and a prediction is revealed once the run has played to its end.
//! Run with `wasm-pack test --headless --chrome -- --test web_lessons`.

use looplab::ui::share::{encode, Share};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

mod support;
use support::{all, attr, click_on, find, mount, next_render, text};

wasm_bindgen_test_configure!(run_in_browser);

fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

/// Mounts the app with `hash` in the address bar, as if the page were opened from it.
async fn open_at(hash: &str) -> (Element, yew::AppHandle<looplab::ui::App>) {
    set_hash(hash);
    let mounted = mount().await;
    next_render().await;
    mounted
}

async fn close(root: Element, app: yew::AppHandle<looplab::ui::App>) {
    app.destroy();
    root.remove();
    set_hash("");
    next_render().await;
}

/// `window.looplabDispatch(name, arg)`, the app's test hook.
fn dispatch(name: &str, arg: &str) {
    let window = web_sys::window().unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&window, &"looplabDispatch".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    f.call2(&JsValue::NULL, &name.into(), &arg.into()).unwrap();
}

/// A share link of the breakfast example at `speed`, its playhead at `playhead` ms.
/// A share link of `program` alone, at `speed` and `playhead`.
fn program_link(program: &str, speed: f64, playhead: f64, loop_cost: bool) -> String {
    encode(&Share {
        program: program.into(),
        rival: None,
        lesson: None,
        speed,
        playhead,
        events: None,
        loop_cost,
    })
}

fn breakfast_link(speed: f64, playhead: f64) -> String {
    let breakfast = looplab::examples::example("breakfast").unwrap().source;
    program_link(breakfast, speed, playhead, false)
}

fn timeline_renders(root: &Element) -> bool {
    !all(root, "section[data-panel=\"timeline\"] [data-lane]").is_empty()
}

#[wasm_bindgen_test]
async fn a_lesson_link_opens_that_lesson() {
    let (root, app) = open_at("#/lesson/gather").await;
    assert_eq!(
        text(&root, ".lesson__title"),
        "Sequential vs concurrent with gather"
    );
    let of_all = format!("3 of {}", looplab::lessons::lessons().len());
    assert!(text(&root, "section[data-panel=\"lesson\"]").contains(&of_all));
    let document = web_sys::window().unwrap().document().unwrap();
    // The title is set by an effect after the render: give it a few.
    for _ in 0..10 {
        if document.title().starts_with("Sequential") {
            break;
        }
        next_render().await;
    }
    assert_eq!(
        document.title(),
        "Sequential vs concurrent with gather · Looplab",
        "the tab names the lesson"
    );
    // The intro's backticked words are code.
    assert_eq!(text(&root, ".lesson__intro code"), "asyncio.gather");
    // The lesson picker names it.
    let picker = find(&root, "#lesson-picker").unchecked_into::<HtmlSelectElement>();
    assert_eq!(picker.value(), "lesson:gather");
    assert_eq!(
        attr(&root, ".lesson-nav__button--next", "data-lesson"),
        "create-task"
    );
    close(root, app).await;
}

#[wasm_bindgen_test]
async fn a_damaged_share_link_explains_and_shows_the_playground() {
    let good = breakfast_link(1.0, 0.0);
    let truncated = good[..good.len() * 2 / 3].to_string();
    for hash in ["#s=2.garbage".to_string(), truncated] {
        let (root, app) = open_at(&hash).await;
        let message = text(&root, ".notice__message");
        assert!(message.starts_with("This link"), "{hash}: {message}");
        assert!(timeline_renders(&root), "{hash}: the default program runs");
        assert_eq!(
            text(&root, "[data-total=\"shown\"] strong"),
            "3.0 s",
            "the default three fetches"
        );
        close(root, app).await;
    }
}

#[wasm_bindgen_test]
async fn an_unknown_fragment_leaves_a_notice_over_the_playground() {
    let (root, app) = open_at("#/nowhere").await;
    assert!(text(&root, ".notice__message").contains("#/nowhere"));
    assert!(timeline_renders(&root));
    close(root, app).await;
}

#[wasm_bindgen_test]
async fn a_share_link_restores_program_speed_and_playhead() {
    let link = breakfast_link(2.0, 750.0);
    let (root, app) = open_at(&link).await;
    assert!(all(&root, ".notice__message").is_empty(), "no complaint");
    assert_eq!(text(&root, "[data-total=\"shown\"] strong"), "1.2 s");
    let speed = find(&root, ".controls__speed select").unchecked_into::<HtmlSelectElement>();
    assert_eq!(speed.value(), "2");
    assert_eq!(
        attr(
            &root,
            "section[data-panel=\"timeline\"] [role=\"slider\"]",
            "aria-valuenow"
        ),
        "750"
    );
    close(root, app).await;
}

#[wasm_bindgen_test]
async fn a_prediction_is_revealed_when_the_run_reaches_its_end() {
    let (root, app) = open_at("#/lesson/gather").await;
    let revealed = |root: &Element| attr(root, ".predict__answer", "data-revealed");
    assert_eq!(revealed(&root), "false");
    let choices = all(&root, ".predict__choice input[type=\"radio\"]");
    assert_eq!(choices.len(), 3);
    choices[1]
        .clone()
        .unchecked_into::<HtmlInputElement>()
        .click();
    next_render().await;
    assert_eq!(revealed(&root), "false", "not before the run has played");

    dispatch("speed", "8");
    click_on(&root, ".ctl--play");
    for _ in 0..20 {
        next_render().await;
        if attr(&root, ".controls", "data-playing") == "false" {
            break;
        }
    }
    // The run on screen is awaited in turn: the answer, about gather, waits for the
    // gathered run to be on screen too.
    assert_eq!(revealed(&root), "false", "the gathered run was not watched");
    assert!(text(&root, ".predict__answer").contains("Play side by side"));
    click_on(&root, "[data-action=\"play-compare\"]");
    for _ in 0..40 {
        next_render().await;
        if revealed(&root) == "true" {
            break;
        }
    }
    assert_eq!(revealed(&root), "true");
    let answer = text(&root, ".predict__answer");
    assert!(answer.contains("Right: gather took 1.5 s"), "{answer}");
    // The narration so far, newest last and highlighted.
    let lines = all(&root, ".narration__line");
    assert_eq!(lines.len(), 4);
    assert!(lines[3]
        .get_attribute("class")
        .unwrap_or_default()
        .contains("narration__line--now"));
    close(root, app).await;
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn the_address_follows_the_lesson_picked_and_left() {
    let (root, app) = open_at("").await;
    let picker = find(&root, "#lesson-picker").unchecked_into::<HtmlSelectElement>();
    picker.set_value("lesson:semaphore");
    picker
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    next_render().await;
    assert_eq!(hash(), "#/lesson/semaphore");
    assert!(text(&root, ".lesson__title")
        .to_lowercase()
        .contains("semaphore"));
    // Opening an example leaves the lesson, and its address.
    support::choose(&root, ".code__examples", "deadlock");
    next_render().await;
    assert!(all(&root, ".lesson__title").is_empty());
    assert_eq!(hash(), "");
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(document.title(), "Looplab · watch async code run");
    close(root, app).await;
}

/// The `left` of each of a lane's segments, in percent of the track.
fn lefts(root: &Element, lane: &str) -> Vec<f64> {
    all(
        root,
        &format!("section[data-panel=\"timeline\"] [data-lane=\"{lane}\"] .tl-seg"),
    )
    .iter()
    .map(|seg| {
        let style = seg.get_attribute("style").unwrap_or_default();
        let left = style
            .split("left:")
            .nth(1)
            .unwrap_or("0")
            .split('%')
            .next()
            .unwrap();
        left.parse().unwrap()
    })
    .collect()
}

#[wasm_bindgen_test]
async fn lesson_1_moves_step_by_step_on_the_tick_axis() {
    let (root, app) = open_at("#/lesson/event-loop").await;
    // Lesson 1 is a program: greet runs as Task-2. On the clock the whole run happens
    // at 0 ms: every segment starts at the left.
    let greet_lane = "Task-2";
    let before = lefts(&root, greet_lane);
    assert!(
        !before.is_empty() && before.iter().all(|&l| l == 0.0),
        "{before:?}"
    );
    click_on(&root, "[data-option=\"ticks\"]");
    next_render().await;
    assert_eq!(
        attr(&root, "[data-option=\"ticks\"]", "aria-pressed"),
        "true"
    );
    // On the tick axis greet's steps are spread out, one after another.
    let greet = lefts(&root, greet_lane);
    assert!(greet.windows(2).all(|w| w[0] <= w[1]), "{greet:?}");
    let mut places = greet.clone();
    places.dedup();
    assert!(places.len() >= 3, "{greet:?}");
    // Stepping moves the playhead along the axis, and the readout counts callbacks.
    let readout = || text(&root, ".controls__time");
    let before = readout();
    for _ in 0..6 {
        click_on(&root, ".ctl--forward");
        next_render().await;
    }
    let after = readout();
    assert_ne!(before, after);
    assert!(after.contains("callbacks"), "{after}");
    close(root, app).await;
}

#[wasm_bindgen_test]
async fn a_share_link_of_an_edited_program_opens_the_same_text() {
    let program = "import asyncio\n\nasync def shout(word, times):\n    for _ in range(times):\n        print(word.upper())\n        await asyncio.sleep(0.25)\n\nasyncio.run(shout('hi', 2))\n";
    let (root, app) = open_at("").await;
    let area: web_sys::HtmlTextAreaElement = find(&root, ".editor__input").dyn_into().unwrap();
    area.set_value(program);
    support::fire(&area, "input");
    support::key_down(&area, "Enter", &["ctrlKey"]);
    next_render().await;
    assert!(text(&root, "[data-total=\"shown\"]").contains("500 ms"));
    click_on(&root, "[data-action=\"share\"]");
    next_render().await;
    let url = find(&root, "#share-link")
        .unchecked_into::<HtmlInputElement>()
        .value();
    let hash = format!(
        "#{}",
        url.split('#').nth(1).expect("the link has a fragment")
    );
    close(root, app).await;

    // Opened from the link: the same text in the editor, run again.
    let (root, app) = open_at(&hash).await;
    assert!(all(&root, ".notice__message").is_empty(), "no complaint");
    assert!(text(&root, "[data-total=\"shown\"]").contains("500 ms"));
    let area: web_sys::HtmlTextAreaElement = find(&root, ".editor__input").dyn_into().unwrap();
    assert_eq!(area.value(), program);
    close(root, app).await;
}

#[wasm_bindgen_test]
async fn a_lesson_written_as_a_program_shows_it_and_keeps_its_rust_version() {
    let (root, app) = open_at("#/lesson/gather").await;
    let source = looplab::lessons::lesson("gather").unwrap().program.source;
    let area: web_sys::HtmlTextAreaElement = find(&root, ".editor__input").dyn_into().unwrap();
    assert_eq!(area.value(), source);
    assert!(source.contains("coffee = await brew_coffee()"));
    // main's lane says which coroutine it waits in, one dish after another.
    let main = text(
        &root,
        "section[data-panel=\"timeline\"] [data-lane=\"Task-1\"]",
    );
    assert!(main.contains("brew_coffee: await sleep(1.5)"), "{main}");
    // The Rust tab still has the lesson's tokio version.
    for tab in all(&root, ".code__tab") {
        if tab.text_content().unwrap_or_default().contains("Rust") {
            tab.unchecked_into::<web_sys::HtmlElement>().click();
        }
    }
    next_render().await;
    assert!(all(&root, "[data-no-rust]").is_empty());
    assert!(text(&root, ".code__listing").contains("tokio"));
    close(root, app).await;
}

#[wasm_bindgen_test]
async fn the_loop_cost_switch_runs_the_program_again_and_a_link_keeps_it() {
    // 2,002 callbacks on asyncio's loop: 2.4 ms counted, nothing free.
    let program = "import asyncio\n\nasync def main():\n    for _ in range(2000):\n        \
                   await asyncio.sleep(0)\n\nasyncio.run(main())\n";
    let link = program_link(program, 1.0, 0.0, true);
    let (root, app) = open_at(&link).await;
    let total = || text(&root, "[data-total=\"shown\"] strong");
    assert_eq!(total(), "2 ms");
    assert_eq!(
        attr(&root, "[data-option=\"counted\"]", "aria-pressed"),
        "true"
    );
    assert!(text(&root, ".tl-summary").contains("callbacks"));
    click_on(&root, "[data-option=\"free\"]");
    next_render().await;
    assert_eq!(total(), "0 ms", "the loop is free");
    assert_eq!(
        attr(&root, "[data-option=\"free\"]", "aria-pressed"),
        "true"
    );
    assert!(!text(&root, ".tl-summary").contains("callbacks"));
    close(root, app).await;
}

#[wasm_bindgen_test]
async fn an_embed_link_lays_out_the_program_alone_or_says_why_not() {
    let link = breakfast_link(1.0, 0.0);
    let embed = looplab::ui::route::embed_hash(&link);
    let (root, app) = open_at(&embed).await;
    assert!(timeline_renders(&root), "the program's timeline");
    assert_eq!(text(&root, "[data-total=\"shown\"] strong"), "1.2 s");
    assert_eq!(all(&root, ".ctl--play").len(), 1, "Play");
    for left_out in ["lesson", "event-loop", "frames", "compare"] {
        let selector = format!("section[data-panel=\"{left_out}\"]");
        assert!(all(&root, &selector).is_empty(), "no {left_out} panel");
    }
    assert!(all(&root, ".masthead").is_empty(), "no header");
    let open = attr(&root, "a.embed__open", "href");
    assert!(open.contains("#s=2."), "{open}");
    close(root, app).await;

    for hash in ["#/embed/s=2.garbage", "#/embed/lesson/nope"] {
        let (root, app) = open_at(hash).await;
        let message = text(&root, "[data-embed-broken]");
        assert!(message.starts_with("This "), "{hash}: {message}");
        assert!(all(&root, "section[data-panel]").is_empty(), "{hash}");
        close(root, app).await;
    }
}

#[wasm_bindgen_test]
async fn the_scrubber_at_its_far_right_reaches_a_run_that_ends_between_two_ms() {
    // The run ends at 10.5 ms: the scrubber's whole steps stop at 10 or 11.
    let program = "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.0105)\n    \
                   print('done')\n\nasyncio.run(main())\n";
    let link = program_link(program, 1.0, 0.0, false);
    let (root, app) = open_at(&link).await;
    let scrubber = find(&root, ".scrubber").unchecked_into::<HtmlInputElement>();
    scrubber.set_value(&scrubber.max());
    support::fire(&scrubber, "input");
    next_render().await;
    // `t = 0.011 s / 0.011 s`: the playhead is at the end, and the run's events done.
    let readout = text(&root, ".controls__time");
    let (now, end) = readout.split_once(" / ").expect("now / end");
    assert_eq!(now.trim_start_matches("t = "), end, "{readout}");
    let events = text(&root, ".controls__events");
    let (done, total) = events
        .trim_start_matches("event ")
        .split_once(" / ")
        .expect("n / m");
    assert_eq!(done, total, "{events}");
    close(root, app).await;
}
