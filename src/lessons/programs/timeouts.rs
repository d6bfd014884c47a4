// Lesson 9, timeouts: timeout gives up at its deadline with Elapsed, and the task is cancelled
// there, as wait_for cancels it and raises TimeoutError.
use std::time::Duration;
use tokio::time::{sleep, timeout};

async fn slow_service() -> &'static str {
    sleep(Duration::from_secs(5)).await;
    "finally"
}

async fn caller() {
    let mut task = tokio::spawn(slow_service());
    let cancelled = match timeout(Duration::from_secs(1), &mut task).await {
        Ok(result) => {
            println!("got {}", result.unwrap());
            false
        }
        Err(_elapsed) => {
            // tokio's timeout only stops waiting (dropping a JoinHandle does not stop its
            // task): cancel the task and wait for it to end, as wait_for does.
            task.abort();
            let ended = task.await;
            println!("gave up after 1 s");
            ended.is_err_and(|e| e.is_cancelled())
        }
    };
    // Python writes a bool as True or False.
    let cancelled = if cancelled { "True" } else { "False" };
    println!("slow_service cancelled: {cancelled}");
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    caller().await;
}
