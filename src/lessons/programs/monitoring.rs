// Lesson 20, logging and monitoring: log lines stamped with the runtime's clock, and each
// request's duration, show when the runtime was held by a blocking call.
use std::time::Duration;
use tokio::time::{sleep, Instant};

/// Prints `message` stamped with the runtime's clock: seconds since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:.1} s] {message}", start.elapsed().as_secs_f64());
}

/// A synchronous library call: it holds the thread, and with it the runtime.
fn save_audit_record(_request: &str) {
    std::thread::sleep(Duration::from_secs_f64(0.3));
}

async fn handle(start: Instant, request: &str, query_s: f64) {
    let started = Instant::now();
    log(start, &format!("{request}: querying the database"));
    sleep(Duration::from_secs_f64(query_s)).await; // the query: the runtime serves others meanwhile
    if request.starts_with("POST") {
        save_audit_record(request); // no .await: nothing else runs for 0.3 s
    }
    let took = started.elapsed().as_secs_f64();
    log(start, &format!("{request}: answered in {took:.1} s"));
}

// A real clock, not a paused one: a paused clock does not count the time that
// std::thread::sleep holds the thread, and that time is what the log shows.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    // `biased`: poll the three in the order given, as asyncio runs the ready queue in
    // order (an unbiased join! starts with a different branch each time, for fairness).
    tokio::join!(
        biased;
        handle(start, "GET /users", 0.2),
        handle(start, "POST /orders", 0.3),
        handle(start, "GET /products", 0.4),
    );
}
