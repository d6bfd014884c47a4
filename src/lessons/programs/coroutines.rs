// Lesson 2, coroutines and await: awaiting one coroutine after another adds their times.
use std::time::Duration;
use tokio::time::sleep;

async fn boil_water() -> &'static str {
    sleep(Duration::from_secs(1)).await;
    "hot water"
}

async fn steep_tea() -> &'static str {
    sleep(Duration::from_secs(2)).await;
    "tea"
}

async fn make_tea() {
    let water = boil_water().await;
    let tea = steep_tea().await;
    println!("{tea}, made with {water}");
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    make_tea().await;
}
