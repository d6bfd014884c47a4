// Lesson 3, awaited in turn: each dish starts when the one before it is done.
use std::time::Duration;
use tokio::time::{sleep, Instant};

async fn brew_coffee() -> &'static str {
    sleep(Duration::from_secs_f64(1.5)).await;
    "coffee"
}

async fn toast_bread() -> &'static str {
    sleep(Duration::from_secs_f64(1.0)).await;
    "toast"
}

async fn fry_eggs() -> &'static str {
    sleep(Duration::from_secs_f64(1.2)).await;
    "eggs"
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let coffee = brew_coffee().await;
    let toast = toast_bread().await;
    let eggs = fry_eggs().await;
    let elapsed = start.elapsed().as_secs_f64();
    println!("{coffee}, {toast} and {eggs} in {elapsed:.1} s");
}
