// Lesson 6, blocking the loop: std::thread::sleep holds the only thread, tokio's sleep lets
// others run.
use std::time::Duration;
use tokio::time::sleep;

async fn heartbeat() {
    for _ in 0..4 {
        sleep(Duration::from_secs_f64(0.25)).await;
        println!("tick");
    }
}

async fn polite() {
    println!("polite: waiting without blocking");
    sleep(Duration::from_secs(1)).await;
    println!("polite: done");
}

async fn rude() {
    println!("rude: time.sleep holds the loop");
    std::thread::sleep(Duration::from_secs(1)); // no await: nothing else runs for a whole second
    println!("rude: done");
}

// A real clock, not a paused one: a paused clock does not count the second that
// std::thread::sleep holds the thread, and that second is what this lesson is about.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // `biased`: poll the three in the order given, as asyncio runs the ready queue in
    // order (an unbiased join! starts with a different branch each time, for fairness).
    tokio::join!(biased; heartbeat(), polite(), rude());
}
