// Lesson 17, calls to another service: a timeout on every call, and when one fails, a
// retry after a pause that doubles each time (exponential backoff), plus some jitter.
use std::cell::Cell;
use std::fmt;
use std::time::Duration;
use tokio::time::{sleep, timeout};

const TIMEOUT: f64 = 0.5; // s a call may take before we give up on it
const ATTEMPTS: u32 = 4;
const FIRST_PAUSE: f64 = 0.2; // s before the first retry, then twice as long each time

// Jitter: a share of the pause that varies from one retry to the next, so that clients
// that failed together do not all come back at the same instant. Real clients draw it
// at random; a fixed list makes every run alike.
const JITTER: [f64; 3] = [0.1, 0.25, 0.05];

#[derive(Clone, Copy)]
enum Behaviour {
    Hangs,
    Fails,
    Answers,
}

/// The inventory service, simulated: how it answers each call in turn.
struct Inventory {
    behaviour: [Behaviour; 3],
    calls: Cell<usize>,
}

/// Why a call failed: Python's TimeoutError, or its ConnectionError.
#[derive(Debug)]
enum CallError {
    TimedOut,
    Connection(&'static str),
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            CallError::TimedOut => write!(f, "timed out"),
            CallError::Connection(message) => write!(f, "{message}"),
        }
    }
}

impl Inventory {
    /// Asks the inventory service how many of `item` are in stock.
    async fn get_stock(&self, _item: &str) -> Result<u32, CallError> {
        let calls = self.calls.get();
        let behaviour = self.behaviour[calls % self.behaviour.len()];
        self.calls.set(calls + 1);
        if let Behaviour::Hangs = behaviour {
            sleep(Duration::from_secs(30)).await; // an overloaded server that never answers in time
        }
        sleep(Duration::from_secs_f64(0.1)).await; // the round trip
        if let Behaviour::Fails = behaviour {
            return Err(CallError::Connection("503 Service Unavailable"));
        }
        Ok(12)
    }
}

/// The pause after failed attempt number `attempt` (1, 2, ...), with its jitter.
fn pause_before_retry(attempt: u32) -> f64 {
    let pause = FIRST_PAUSE * 2f64.powi(attempt as i32 - 1);
    pause * (1.0 + JITTER[(attempt as usize - 1) % JITTER.len()])
}

async fn get_stock_with_retries(inventory: &Inventory, item: &str) -> Result<u32, CallError> {
    let mut attempt = 1;
    loop {
        let limit = Duration::from_secs_f64(TIMEOUT);
        let error = match timeout(limit, inventory.get_stock(item)).await {
            Ok(Ok(stock)) => return Ok(stock),
            Ok(Err(error)) => error,
            // The deadline passed: the call's future is dropped, which cancels it.
            Err(_elapsed) => CallError::TimedOut,
        };
        if attempt == ATTEMPTS {
            return Err(error); // out of attempts: the caller sees the last error
        }
        let pause = pause_before_retry(attempt);
        println!("attempt {attempt}: {error}; retrying in {pause:.2} s");
        sleep(Duration::from_secs_f64(pause)).await;
        attempt += 1;
    }
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    use Behaviour::*;
    let inventory = Inventory {
        behaviour: [Hangs, Fails, Answers],
        calls: Cell::new(0),
    };
    let stock = get_stock_with_retries(&inventory, "kettle").await.unwrap();
    let calls = inventory.calls.get();
    println!("{stock} kettles in stock after {calls} calls");
}
