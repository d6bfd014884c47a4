//! Real browser timers, counted: a stopped live run must leave none armed.

use gloo_timers::future::TimeoutFuture;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

thread_local! {
    static ARMED: Cell<usize> = const { Cell::new(0) };
}

/// How many live timers are armed (created and not yet fired or dropped).
pub fn armed_timers() -> usize {
    ARMED.with(Cell::get)
}

/// A `setTimeout` as a future; dropping it clears the timeout.
pub struct LiveTimer {
    timeout: TimeoutFuture,
    armed: bool,
}

impl LiveTimer {
    /// Fires after `ms` (rounded up to whole ms, as `setTimeout` takes).
    pub fn new(ms: f64) -> LiveTimer {
        ARMED.with(|n| n.set(n.get() + 1));
        let ms = ms.ceil().clamp(0.0, u32::MAX as f64) as u32;
        LiveTimer {
            timeout: TimeoutFuture::new(ms),
            armed: true,
        }
    }

    fn disarm(&mut self) {
        if std::mem::take(&mut self.armed) {
            ARMED.with(|n| n.set(n.get() - 1));
        }
    }
}

impl Future for LiveTimer {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let poll = Pin::new(&mut self.timeout).poll(cx);
        if poll.is_ready() {
            self.disarm();
        }
        poll
    }
}

impl Drop for LiveTimer {
    fn drop(&mut self) {
        self.disarm();
    }
}

/// Waits until the page has drawn twice: what a run shows at its start is on screen
/// (and the heartbeat beats) before its first step can block the thread.
pub async fn painted() {
    for _ in 0..2 {
        let (tx, rx) = futures::channel::oneshot::channel();
        let _frame = gloo_render::request_animation_frame(move |_| {
            let _ = tx.send(());
        });
        let _ = rx.await;
    }
}
