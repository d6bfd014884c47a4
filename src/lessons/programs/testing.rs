// Lesson 19, testing async code: each test is an async fn with plain asserts, and a small
// runner runs each one as a task of its own, catching a failed assert's panic.
//
// `#[tokio::test]` would give every test a runtime of its own, as pytest-asyncio gives it
// an event loop; here they share one, so that one paused clock times the whole run, as
// Python's virtual clock does. `#[tokio::test(start_paused = true)]` tests a timeout
// without waiting for it, as this runner does.
use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;
use tokio::time::{sleep, timeout, Instant};

const PRICES: [(&str, f64); 2] = [("apple", 0.5), ("pear", 0.75)];

/// The code under test: asks the price service (the sleep stands for the request).
async fn fetch_price(item: &str, delay: f64) -> f64 {
    sleep(Duration::from_secs_f64(delay)).await;
    let (_, price) = PRICES.iter().find(|(name, _)| *name == item).unwrap();
    *price
}

async fn fetch_total(items: &[&'static str]) -> f64 {
    // A task for each request, as gather makes one for each coroutine.
    let requests: Vec<_> = items
        .iter()
        .map(|item| tokio::spawn(fetch_price(item, 0.2)))
        .collect();
    let mut total = 0.0;
    for request in requests {
        total += request.await.unwrap();
    }
    total
}

async fn test_price_of_an_apple() {
    assert_eq!(fetch_price("apple", 0.2).await, 0.5);
}

async fn test_prices_are_fetched_together() {
    let start = Instant::now();
    assert_eq!(fetch_total(&["apple", "pear", "apple"]).await, 1.75);
    assert!(
        start.elapsed() < Duration::from_secs_f64(0.3),
        "the requests were sent one after another"
    );
}

async fn test_a_slow_service_times_out() {
    // The service takes 10 s; the timeout gives up after 1 s. On a paused clock the
    // test waits for neither: the runtime jumps to the next timer.
    let answer = timeout(Duration::from_secs(1), fetch_price("pear", 10.0)).await;
    assert!(answer.is_err(), "no timeout");
}

// Wrong on purpose: it fails.
async fn test_pears_cost_less_than_apples() {
    let pear = fetch_price("pear", 0.2).await;
    let apple = fetch_price("apple", 0.2).await;
    assert!(pear < apple, "a pear costs {pear}, an apple {apple}");
}

type Test = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A failed assert's message: a panic carries a `String`, or a `&str` when the message
/// has no arguments.
fn message(panic: Box<dyn Any + Send>) -> String {
    match panic.downcast::<String>() {
        Ok(text) => *text,
        Err(panic) => panic.downcast_ref::<&str>().unwrap_or(&"").to_string(),
    }
}

async fn run_tests(tests: Vec<(&str, Test)>) {
    let count = tests.len();
    let mut failed = 0;
    for (name, test) in tests {
        // A task of its own for every test: a failed assert panics the task only, and
        // awaiting it hands back the panic.
        match tokio::spawn(test).await {
            Ok(()) => println!("PASSED {name}"),
            Err(error) => {
                println!("FAILED {name}: {}", message(error.into_panic()));
                failed += 1;
            }
        }
    }
    println!("{} passed, {failed} failed", count - failed);
}

/// Each test with its name.
macro_rules! tests {
    ($($test:ident),* $(,)?) => {
        vec![$((stringify!($test), Box::pin($test()) as Test)),*]
    };
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    run_tests(tests![
        test_price_of_an_apple,
        test_prices_are_fetched_together,
        test_a_slow_service_times_out,
        test_pears_cost_less_than_apples,
    ])
    .await;
}
