// Lesson 20, production loops. tokio's scheduler is native code, as uvloop is; on its
// paused clock, as on Looplab's with the loop's cost not counted, a step takes no time.
use futures::future::join_all;
use std::future::Future;
use std::time::Duration;
use tokio::time::{sleep, Instant};

const TASKS: usize = 5_000;

async fn chatty() {
    // Twenty tiny steps: each hands the scheduler back at once, as `sleep(0)` does.
    for _ in 0..20 {
        tokio::task::yield_now().await;
    }
}

async fn waiting() {
    // One call to another service, half a second away.
    sleep(Duration::from_millis(500)).await;
}

async fn phase<F, Fut>(name: &str, work: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let start = Instant::now();
    join_all((0..TASKS).map(|_| tokio::spawn(work()))).await;
    let took = start.elapsed().as_secs_f64();
    let (thousands, rest) = (TASKS / 1000, TASKS % 1000);
    println!("{thousands},{rest:03} {name} tasks: {:.0} ms", took * 1000.0);
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    phase("chatty", chatty).await;
    phase("waiting", waiting).await;
}
