// Lesson 13, async iterators: `while let ... next().await` awaits each item of a Stream; the
// loop serves others meanwhile.
use futures::{Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::{sleep, Instant};

/// An async iterator: yields an item every `every` seconds.
fn stream(items: u32, every: f64) -> impl Stream<Item = u32> {
    futures::stream::iter(0..items).then(move |item| async move {
        sleep(Duration::from_secs_f64(every)).await;
        item
    })
}

/// Stands in for 50 ms of CPU work: it holds the loop while it runs.
fn process(_item: u32) {
    std::thread::sleep(Duration::from_secs_f64(0.05));
}

async fn read_sensor() {
    let mut readings = pin!(stream(5, 0.2));
    while let Some(reading) = readings.next().await {
        println!("reading {reading}");
    }
}

async fn read_feed() {
    let mut items = pin!(stream(3, 0.35));
    while let Some(item) = items.next().await {
        process(item);
    }
}

// A real clock, not a paused one: a paused clock does not count the time that
// std::thread::sleep holds the thread, and process's 50 ms delays the readings.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    tokio::join!(read_sensor(), read_feed());
    let elapsed = start.elapsed().as_secs_f64();
    println!("both streams done in {elapsed:.1} s");
}
