// Lesson 16, structured concurrency: a JoinSet holds the tasks, and when one fails the
// others are aborted and waited for, as a TaskGroup cancels them and waits.
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

/// Python's ConnectionError: returned as an `Err` where Python raises it.
struct ConnectionError(String);

/// What a request gives back: a JoinSet's tasks all return one type.
enum Part {
    Profile { name: &'static str },
    Picks(Vec<&'static str>),
}

async fn fetch_profile(_user_id: u32) -> Result<Part, ConnectionError> {
    sleep(Duration::from_secs_f64(0.6)).await; // stands for a request to the profile service
    Ok(Part::Profile { name: "Ada" })
}

async fn fetch_orders(user_id: u32) -> Result<Part, ConnectionError> {
    sleep(Duration::from_secs_f64(0.3)).await;
    Err(ConnectionError(format!(
        "orders service unreachable for user {user_id}"
    )))
}

/// Cleans up if dropped before it is finished: aborting a task drops its future where
/// it waits, where Python raises CancelledError. (A Drop cannot await.)
struct HalfBuiltList {
    finished: bool,
}

impl Drop for HalfBuiltList {
    fn drop(&mut self) {
        if !self.finished {
            println!("fetch_recommendations: cancelled, dropping the half-built list");
        }
    }
}

async fn fetch_recommendations(_user_id: u32) -> Result<Part, ConnectionError> {
    let mut list = HalfBuiltList { finished: false };
    sleep(Duration::from_secs_f64(1.0)).await;
    list.finished = true;
    Ok(Part::Picks(vec!["lamp", "kettle"]))
}

async fn load_dashboard(user_id: u32) {
    let mut group = JoinSet::new();
    let profile = group.spawn(fetch_profile(user_id)).id();
    group.spawn(fetch_orders(user_id));
    group.spawn(fetch_recommendations(user_id));
    let (mut name, mut picks, mut errors) = (None, None, Vec::new());
    let mut profile_cancelled = false;
    // Wait for every task, as the end of the `async with` block does; the first error
    // aborts the others, which still end (cancelled) before the loop does.
    while let Some(ended) = group.join_next_with_id().await {
        match ended {
            Ok((_, Ok(Part::Profile { name: n }))) => name = Some(n),
            Ok((_, Ok(Part::Picks(list)))) => picks = Some(list),
            Ok((_, Err(error))) => {
                group.abort_all();
                errors.push(error);
            }
            Err(join) if join.is_panic() => std::panic::resume_unwind(join.into_panic()),
            Err(join) => profile_cancelled |= join.id() == profile,
        }
    }
    if let ([], Some(name), Some(picks)) = (&errors[..], name, picks) {
        println!("dashboard for {name}, {} picks", picks.len());
    }
    for ConnectionError(message) in errors {
        println!("dashboard failed: {message}");
    }
    // Python writes a bool as True or False.
    let cancelled = if profile_cancelled { "True" } else { "False" };
    println!("fetch_profile cancelled: {cancelled}");
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    load_dashboard(7).await;
}
