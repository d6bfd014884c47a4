// Lesson 4, create_task: a task starts as soon as its creator awaits, and is collected later.
use std::time::Duration;
use tokio::time::sleep;

async fn walk_dog() {
    sleep(Duration::from_secs(2)).await;
    println!("dog walked");
}

async fn cook() {
    sleep(Duration::from_secs_f64(1.5)).await;
    println!("dinner cooked");
}

async fn evening() {
    let walk = tokio::spawn(walk_dog()); // scheduled now, runs when evening awaits
    cook().await;
    walk.await.unwrap();
    println!("evening done");
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    evening().await;
}
