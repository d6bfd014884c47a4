// Lesson 12, producer and consumer: a queue hands jobs over, so processing overlaps fetching.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{sleep, Instant};

/// Stands in for an HTTP request whose response takes `latency` seconds.
async fn fetch(url: &str, latency: f64) -> String {
    sleep(Duration::from_secs_f64(latency)).await;
    format!("<Response {url} 200>")
}

/// Stands in for 0.1 s of CPU work: it holds the loop while it runs.
fn process(_job: &str) {
    std::thread::sleep(Duration::from_secs_f64(0.1));
}

async fn producer(jobs: mpsc::Sender<String>) {
    for n in 1..5 {
        let job = fetch(&format!("/api/jobs/{n}.json"), 0.3).await;
        jobs.send(job).await.unwrap(); // waits while the queue is full
    }
    // `jobs` is dropped here, which closes the channel: that is the consumer's STOP.
}

async fn consumer(mut jobs: mpsc::Receiver<String>) {
    // recv() waits while the queue is empty, and gives None once the producer is gone.
    while let Some(job) = jobs.recv().await {
        process(&job);
        println!("processed {job}");
    }
}

// A real clock, not a paused one: a paused clock does not count the time that
// std::thread::sleep holds the thread, and process's 0.1 s is part of the total.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // A channel holds at most 2 jobs, as asyncio.Queue(maxsize=2): send waits while it is full.
    let (sender, receiver) = mpsc::channel(2);
    let start = Instant::now();
    tokio::join!(producer(sender), consumer(receiver));
    let elapsed = start.elapsed().as_secs_f64();
    println!("all jobs done in {elapsed:.1} s");
}
