// Lesson 14, gathered: a thousand tasks wait at once, and waiting costs the loop nothing.
use futures::future::join_all;
use std::time::Duration;
use tokio::time::{sleep, Instant};

async fn worker(n: u32) -> u32 {
    sleep(Duration::from_secs(1)).await;
    n
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    // A task each, as gather makes of each coroutine.
    let workers = (0..1000).map(|n| tokio::spawn(worker(n)));
    let results = join_all(workers).await;
    let elapsed = start.elapsed().as_secs_f64();
    println!("{} workers in {elapsed:.1} s", results.len());
}
