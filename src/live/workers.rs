//! The executor's worker threads: Web Workers that busy-wait for a job's length, so
//! `run_in_executor` work really runs off the page's thread.

use super::runner::Msg;
use crate::sim::host::Completion;
use futures::channel::mpsc::UnboundedSender;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

/// Each worker says it is up, then holds its thread for the ms it is sent and answers.
const WORKER_SCRIPT: &str = "postMessage('up');
onmessage = (e) => {
  const end = performance.now() + e.data;
  while (performance.now() < end) {}
  postMessage(e.data);
};";

struct Thread {
    worker: Worker,
    up: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

/// A pool of workers, started on first use, terminated by [`WorkerPool::terminate`].
pub struct WorkerPool {
    script_url: Option<String>,
    threads: Vec<Option<Thread>>,
    tx: UnboundedSender<Msg>,
}

impl WorkerPool {
    pub fn new(size: u32, tx: UnboundedSender<Msg>) -> WorkerPool {
        WorkerPool {
            script_url: script_url(),
            threads: (0..size).map(|_| None).collect(),
            tx,
        }
    }

    /// Starts every worker not started yet; true once all of them are up (false if
    /// Web Workers are unavailable).
    pub fn start_all(&mut self) -> bool {
        let mut all_up = true;
        for i in 0..self.threads.len() as u32 {
            all_up &= self.thread(i).is_some_and(|t| t.up.get());
        }
        all_up
    }

    fn thread(&mut self, index: u32) -> Option<&Thread> {
        let slot = self.threads.get_mut(index as usize)?;
        if slot.is_none() {
            *slot = self
                .script_url
                .as_deref()
                .and_then(|url| spawn(url, index, self.tx.clone()));
        }
        slot.as_ref()
    }

    /// Sends `ms` of work to worker `index`; false if Web Workers are unavailable.
    pub fn run(&mut self, index: u32, ms: u64) -> bool {
        match self.thread(index) {
            Some(thread) => thread
                .worker
                .post_message(&JsValue::from_f64(ms as f64))
                .is_ok(),
            None => false,
        }
    }

    /// Stops every worker at once, mid-job if need be.
    pub fn terminate(&mut self) {
        for thread in self.threads.iter_mut().filter_map(Option::take) {
            thread.worker.terminate();
        }
        if let Some(url) = self.script_url.take() {
            let _ = Url::revoke_object_url(&url);
        }
    }
}

fn script_url() -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(WORKER_SCRIPT));
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

fn spawn(url: &str, index: u32, tx: UnboundedSender<Msg>) -> Option<Thread> {
    let worker = Worker::new(url).ok()?;
    let up = Rc::new(Cell::new(false));
    let on_message = {
        let up = up.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if e.data().as_string().is_some() {
                up.set(true);
            } else {
                let _ = tx.unbounded_send(Msg::Done(Completion::Executor { worker: index }));
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some(Thread {
        worker,
        up,
        _on_message: on_message,
    })
}
