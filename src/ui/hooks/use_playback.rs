//! Drives playback: while the state says `playing`, every animation frame dispatches
//! [`Action::Frame`] with the real time elapsed, so the playhead moves at `speed`.

use crate::ui::state::{Action, AppContext};
use gloo_render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The pending frame request and the timestamp of the previous frame.
#[derive(Default)]
struct Clock {
    frame: Option<AnimationFrame>,
    last: Option<f64>,
}

fn schedule(clock: Rc<RefCell<Clock>>, ctx: AppContext) {
    let next = clock.clone();
    let frame = request_animation_frame(move |now| {
        let dt = {
            let mut c = next.borrow_mut();
            let dt = c.last.map_or(0.0, |last| now - last);
            c.last = Some(now);
            dt
        };
        ctx.dispatch(Action::Frame(dt));
        schedule(next, ctx);
    });
    clock.borrow_mut().frame = Some(frame);
}

/// Runs the animation-frame loop while `ctx.playing`; stops it (cancelling the
/// pending frame) when playback pauses or the component unmounts.
#[hook]
pub fn use_playback(ctx: &AppContext) {
    let playing = ctx.playing;
    let ctx = ctx.clone();
    use_effect_with(playing, move |&playing| {
        let clock = Rc::new(RefCell::new(Clock::default()));
        if playing {
            schedule(clock.clone(), ctx);
        }
        move || {
            clock.borrow_mut().frame.take();
        }
    });
}
