// Lesson 18, graceful shutdown: tell the worker to stop, let it clean up (it may await),
// and see the runtime drop the task that main left running.
//
// tokio's abort() drops a task's future where it waits, and a Drop cannot await: a task
// that must clean up asynchronously is asked to stop instead, here through a oneshot
// channel (tokio-util's CancellationToken is the usual one), as task.cancel() raises
// CancelledError where the task waits and lets its `finally` run.
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::sleep;

/// Stands for a file that keeps lines in a buffer until it is flushed. Two tasks share
/// it, so its state is behind a lock, never held across an await.
#[derive(Default)]
struct LogFile {
    state: Mutex<Buffered>,
}

#[derive(Default)]
struct Buffered {
    lines: Vec<String>,
    saved: usize,
}

impl LogFile {
    fn write(&self, line: String) {
        self.state.lock().unwrap().lines.push(line);
    }

    fn buffered(&self) -> usize {
        self.state.lock().unwrap().lines.len()
    }

    fn saved(&self) -> usize {
        self.state.lock().unwrap().saved
    }

    async fn flush(&self) {
        sleep(Duration::from_secs_f64(0.2)).await; // the disk write
        let mut state = self.state.lock().unwrap();
        state.saved += state.lines.len();
        state.lines.clear();
    }
}

async fn worker(log: Arc<LogFile>, mut stop: oneshot::Receiver<()>) {
    let mut jobs = 0;
    loop {
        tokio::select! {
            _ = sleep(Duration::from_secs_f64(0.2)) => {} // one job
            _ = &mut stop => {
                println!("worker: cancelled after {jobs} jobs");
                break;
            }
        }
        jobs += 1;
        log.write(format!("job {jobs} done"));
    }
    log.flush().await; // the clean-up may await: the task ends after it
    println!("worker: flushed, {} lines saved", log.saved());
}

/// Prints when the task holding it is dropped, as Python's `finally` runs when
/// asyncio.run cancels the task.
struct Stopped;

impl Drop for Stopped {
    fn drop(&mut self) {
        println!("report_stats: stopped at exit");
    }
}

async fn report_stats(log: Arc<LogFile>) {
    let _stopped = Stopped;
    loop {
        sleep(Duration::from_secs_f64(0.25)).await;
        println!("stats: {} in the buffer", log.buffered());
    }
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let log = Arc::new(LogFile::default());
    let (stop, stop_signal) = oneshot::channel();
    let job = tokio::spawn(worker(log.clone(), stop_signal));
    tokio::spawn(report_stats(log)); // never stopped by main: dropped when the runtime shuts down
    sleep(Duration::from_secs_f64(0.7)).await;
    println!("main: shutting down");
    stop.send(()).unwrap();
    job.await.unwrap(); // wait for its clean-up to finish
    println!("main: worker stopped");
}
