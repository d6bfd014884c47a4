// Lesson 8, errors in tasks: join! hands each error back as a result, as return_exceptions=True
// does with an exception.
use std::time::Duration;
use tokio::time::sleep;

/// Python's ConnectionError: returned as an `Err` where Python raises it.
struct ConnectionError(String);

/// Stands in for an HTTP request that takes `latency` seconds.
async fn fetch(url: &str, latency: f64, fail: bool) -> Result<String, ConnectionError> {
    sleep(Duration::from_secs_f64(latency)).await;
    if fail {
        return Err(ConnectionError(format!("lost the connection to {url}")));
    }
    Ok(format!("<Response {url} 200>"))
}

// Each returns a value or Python's None (`Option`), or the error it ran into.
async fn ok_fetch() -> Result<Option<&'static str>, ConnectionError> {
    fetch("/api/users/1.json", 0.8, false).await?;
    Ok(Some("user"))
}

async fn broken_fetch() -> Result<Option<&'static str>, ConnectionError> {
    fetch("/api/missing.json", 0.4, true).await?;
    Ok(None)
}

async fn slow_fetch() -> Result<Option<&'static str>, ConnectionError> {
    fetch("/api/posts.json", 1.2, false).await?;
    Ok(Some("posts"))
}

/// A result as Python's repr() writes it.
fn repr(result: Result<Option<&str>, ConnectionError>) -> String {
    match result {
        Ok(Some(value)) => format!("'{value}'"),
        Ok(None) => "None".to_string(),
        Err(ConnectionError(message)) => format!("ConnectionError('{message}')"),
    }
}

async fn fetch_all() {
    // join! waits for all three, and an error is a value like any other: it comes
    // back as an Err, as return_exceptions=True hands an exception back as a result.
    let (user, missing, posts) = tokio::join!(ok_fetch(), broken_fetch(), slow_fetch());
    println!("got all three results");
    for result in [user, missing, posts] {
        println!("  {}", repr(result));
    }
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    fetch_all().await;
}
