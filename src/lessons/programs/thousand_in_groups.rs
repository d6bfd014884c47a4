// Lesson 14, in groups: ten groups of 100 tasks, each group awaited before the next starts.
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
    let mut finished = 0;
    for group in 0..10 {
        // A task each, as gather makes of each coroutine.
        let workers = (group * 100..group * 100 + 100).map(|n| tokio::spawn(worker(n)));
        let results = join_all(workers).await;
        finished += results.len();
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!("{finished} workers in {elapsed:.1} s");
}
