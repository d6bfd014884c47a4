// Lesson 3, gathered: all three dishes start at once and their waits overlap.
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
    let (coffee, toast, eggs) = tokio::join!(brew_coffee(), toast_bread(), fry_eggs());
    let elapsed = start.elapsed().as_secs_f64();
    println!("{coffee}, {toast} and {eggs} in {elapsed:.1} s");
}
