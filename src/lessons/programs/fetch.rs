// Lesson 5, non-blocking I/O: while a request is in flight, the loop runs the other tasks.
use std::time::Duration;
use tokio::time::{sleep, Instant};

/// Stands in for an HTTP request whose response takes `latency` seconds.
async fn fetch(url: &str, latency: f64) -> String {
    // The request is sent: this task waits, the loop is free.
    sleep(Duration::from_secs_f64(latency)).await;
    format!("<Response {url} 200>")
}

async fn get_user() -> &'static str {
    fetch("/api/users/1.json", 1.0).await;
    "user"
}

async fn get_posts() -> &'static str {
    fetch("/api/posts.json", 2.0).await;
    "posts"
}

async fn get_comments() -> &'static str {
    fetch("/api/comments.json", 3.0).await;
    "comments"
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let (user, posts, comments) = tokio::join!(get_user(), get_posts(), get_comments());
    let elapsed = start.elapsed().as_secs_f64();
    println!("{user}, {posts} and {comments} in {elapsed:.1} s");
}
