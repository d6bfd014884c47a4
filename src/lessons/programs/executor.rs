// Lesson 7, spawn_blocking: blocking work runs on worker threads while the loop stays free.
use futures::future::join_all;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::spawn_blocking;
use tokio::time::{sleep, Instant};

/// Blocking work: on the loop's thread it would hold every task up.
fn resize(path: &str) -> String {
    std::thread::sleep(Duration::from_secs_f64(0.8));
    format!("{path} resized")
}

async fn resize_image(pool: &Semaphore, path: &'static str) -> String {
    let _worker = pool.acquire().await.unwrap(); // one of the pool's 2 workers
    spawn_blocking(move || resize(path)).await.unwrap()
}

async fn heartbeat() {
    for _ in 0..4 {
        sleep(Duration::from_secs_f64(0.2)).await;
        println!("tick");
    }
}

// A real clock, not a paused one: while a spawn_blocking job runs, tokio holds a
// paused clock still (no auto-advance), so the ticks would wait for the resizes.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let ticking = tokio::spawn(heartbeat());
    // tokio's blocking pool serves the whole runtime: a semaphore of 2 permits lets 2
    // jobs run at a time, as ThreadPoolExecutor(max_workers=2) does.
    let pool = Semaphore::new(2);
    let resized = join_all([
        resize_image(&pool, "cat.png"),
        resize_image(&pool, "dog.png"),
        resize_image(&pool, "owl.png"),
    ])
    .await;
    ticking.await.unwrap();
    let elapsed = start.elapsed().as_secs_f64();
    println!("{} in {elapsed:.1} s", resized.join(", "));
}
