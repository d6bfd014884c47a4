//! Stable sorting through one merge sort of indices, for every caller.
//!
//! std's `sort_by` is compiled anew for every element type and comparison: about 4 KB of
//! wasm each, and the app had thirteen (BENCHMARKS.md, "Release wasm size"). Here the
//! sort itself is compiled once, over indices with a `dyn` comparison; each caller adds
//! only a small permutation of its own elements. Sorts are of a few hundred items (a
//! timeline's segments at most tens of thousands), where the indirect call costs little.

use std::cmp::Ordering;

/// The stable order of `n` items: the item to put at each position, by index. `less(a,
/// b)` says whether item `a` goes strictly before item `b`; equal items keep their order.
/// Only `less` is asked (Python's `sorted` compares with `<` alone).
pub fn stable_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Stable: the right run's item goes first only when strictly less.
                if less(from[j], from[i]) {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + mid - i].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..hi].copy_from_slice(&from[j..hi]);
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Sorts `v` stably by `cmp`, as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(v.len(), &mut |a, b| cmp(&v[a], &v[b]) == Ordering::Less);
    permute(v, order);
}

/// Sorts `v` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably, as `slice::sort` does.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Puts the item at `order[k]` at position `k`, following each cycle of the permutation.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            // `at` takes its item; what was at `at` (the cycle's first item) moves on.
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small pseudo-random numbers, the same on every run.
    fn numbers(n: usize, seed: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % 50
            })
            .collect()
    }

    #[test]
    fn sorts_as_std_does_keeping_equal_items_in_order() {
        for n in [0, 1, 2, 3, 7, 8, 9, 64, 100, 1000] {
            let keys = numbers(n, n as u64 + 1);
            // Pairs of (key, original position): std's stable sort by key alone is the
            // one right answer, the positions showing equal keys kept their order.
            let mut mine: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut std_sorted = mine.clone();
            std_sorted.sort_by_key(|p| p.0);
            sort_by_key(&mut mine, |p| p.0);
            assert_eq!(mine, std_sorted, "{n} items");
            let mut reversed = std_sorted.clone();
            reversed.sort_by_key(|p| std::cmp::Reverse(p.0));
            sort_by(&mut mine, |a, b| b.0.cmp(&a.0));
            assert_eq!(mine, reversed, "{n} items, reversed");
        }
    }

    #[test]
    fn sorts_items_that_are_not_copied() {
        let mut names: Vec<String> = ["pear", "fig", "apple", "fig", "kiwi"]
            .map(String::from)
            .into();
        sort(&mut names);
        assert_eq!(names, ["apple", "fig", "fig", "kiwi", "pear"]);
        sort(&mut names[2..]);
        assert_eq!(names, ["apple", "fig", "fig", "kiwi", "pear"]);
    }
}
