// Lesson 15, perf_counter: waits overlap across tasks, blocking work on the loop does not.
use std::time::Duration;
use tokio::time::{sleep, Instant};

/// Stands in for an HTTP request whose response takes `latency` seconds.
async fn fetch(url: &str, latency: f64) -> String {
    sleep(Duration::from_secs_f64(latency)).await;
    format!("<Response {url} 200>")
}

/// Stands in for 0.2 s of CPU work: it holds the loop while it runs.
fn render(_response: String) {
    std::thread::sleep(Duration::from_secs_f64(0.2));
}

async fn handle_request() {
    let response = fetch("/api/orders.json", 0.5).await;
    render(response);
    sleep(Duration::from_secs_f64(0.3)).await; // sending the page back takes another 0.3 s
}

// A real clock, not a paused one: a paused clock does not count the time that
// std::thread::sleep holds the thread, and render's 0.2 s is part of the total.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    tokio::join!(handle_request(), handle_request());
    let elapsed = start.elapsed().as_secs_f64();
    println!("2 requests in {elapsed:.1} s");
}
