// Lesson 11, semaphore: holding one of its N permits lets at most N tasks in at once.
use futures::future::join_all;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::{sleep, Instant};

/// Stands in for an HTTP request whose response takes `latency` seconds.
async fn fetch(url: &str, latency: f64) -> String {
    sleep(Duration::from_secs_f64(latency)).await;
    format!("<Response {url} 200>")
}

async fn download(semaphore: &Semaphore, url: String) {
    {
        // Waits here while 2 downloads are running; the permit is held until the block ends.
        let _permit = semaphore.acquire().await.unwrap();
        fetch(&url, 1.0).await;
    }
    println!("downloaded {url}");
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let semaphore = Semaphore::new(2);
    let start = Instant::now();
    let downloads = (1..6).map(|n| download(&semaphore, format!("/api/files/{n}.bin")));
    join_all(downloads).await;
    let elapsed = start.elapsed().as_secs_f64();
    println!("5 files in {elapsed:.1} s");
}
