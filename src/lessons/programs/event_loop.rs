// Lesson 1, the event loop: one callback at a time, in the order they became ready.
use tokio::task::yield_now;

async fn greet() {
    println!("greet: start");
    yield_now().await; // yields: greet waits while count takes its turn
    println!("greet: done");
}

async fn count() {
    println!("count: start");
    yield_now().await;
    println!("count: done");
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // `biased`: poll greet, then count, every time, as asyncio runs the ready queue in
    // order (an unbiased join! starts with a different branch each time, for fairness).
    tokio::join!(biased; greet(), count());
}
