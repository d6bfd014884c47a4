// Lesson 10, deadlock: two tasks take two locks in opposite orders and wait forever.
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::sleep;

async fn transfer_ab(lock_a: &Mutex<()>, lock_b: &Mutex<()>) {
    let _a = lock_a.lock().await;
    sleep(Duration::from_secs_f64(0.1)).await; // transfer_ba takes lock_b meanwhile
    let _b = lock_b.lock().await;
    println!("moved a to b");
}

async fn transfer_ba(lock_a: &Mutex<()>, lock_b: &Mutex<()>) {
    let _b = lock_b.lock().await;
    sleep(Duration::from_secs_f64(0.1)).await;
    let _a = lock_a.lock().await;
    println!("moved b to a");
}

// The paused clock jumps over sleeps as Looplab's virtual clock does (tokio's `test-util` feature).
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let lock_a = Mutex::new(());
    let lock_b = Mutex::new(());
    // Never returns: tokio has no deadlock detection, the program just hangs.
    tokio::join!(transfer_ab(&lock_a, &lock_b), transfer_ba(&lock_a, &lock_b));
}
