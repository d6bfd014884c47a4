//! The page's heartbeat: a dot that moves on every animation frame. It is moved from
//! Rust on `requestAnimationFrame`, not by a CSS animation (which the compositor would
//! keep running), so it stops exactly when the page's thread is blocked, and the
//! longest freeze is reported after.

use gloo_render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// A gap between frames longer than this is a freeze worth reporting.
const FREEZE_MS: f64 = 100.0;
/// One sweep of the dot across its track.
const BEAT_MS: f64 = 1000.0;

struct Pulse {
    frame: Option<AnimationFrame>,
    last: Option<f64>,
    /// The longest gap between frames so far.
    longest: f64,
}

fn beat(pulse: Rc<RefCell<Pulse>>, dot: NodeRef, froze: UseStateSetter<Option<f64>>) {
    let next = pulse.clone();
    let frame = request_animation_frame(move |now| {
        {
            let mut p = next.borrow_mut();
            let gap = p.last.replace(now).map_or(0.0, |last| now - last);
            if gap > FREEZE_MS && gap > p.longest {
                p.longest = gap;
                froze.set(Some(gap));
            }
        }
        if let Some(dot) = dot.cast::<HtmlElement>() {
            let x = (now % BEAT_MS) / BEAT_MS;
            let _ = dot.style().set_property("--beat", &format!("{x:.3}"));
        }
        beat(next, dot, froze);
    });
    pulse.borrow_mut().frame = Some(frame);
}

#[function_component(Heartbeat)]
pub fn heartbeat() -> Html {
    let dot = use_node_ref();
    let froze = use_state_eq(|| None::<f64>);
    {
        let (dot, froze) = (dot.clone(), froze.setter());
        use_effect_with((), move |_| {
            let pulse = Rc::new(RefCell::new(Pulse {
                frame: None,
                last: None,
                longest: 0.0,
            }));
            beat(pulse.clone(), dot, froze);
            move || {
                pulse.borrow_mut().frame.take();
            }
        });
    }
    let note = match *froze {
        Some(ms) => format!("page froze for up to {} ms", ms.round()),
        None => "page responsive".into(),
    };
    html! {
        <span class="heartbeat" title="Moves on every frame the page draws: it stops while \
            blocking work holds the thread" data-froze={froze.map(|ms| ms.round().to_string())}>
            <span class="heartbeat__track" aria-hidden="true">
                <span class="heartbeat__dot" ref={dot}></span>
            </span>
            <span class="heartbeat__note" aria-live="polite">{ note }</span>
        </span>
    }
}
