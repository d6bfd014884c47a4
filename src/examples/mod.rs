//! Example programs: real asyncio programs, each a `.py` file beside this one that runs
//! unchanged with python3 (`tests/py_corpus.rs` checks each against CPython: the same
//! output and total time), opened from the Code panel.

/// One example program.
#[derive(Debug, PartialEq)]
pub struct Example {
    /// Stable name (`crawler`).
    pub slug: &'static str,
    pub title: &'static str,
    pub source: &'static str,
}

const fn ex(slug: &'static str, title: &'static str, source: &'static str) -> Example {
    Example {
        slug,
        title,
        source,
    }
}

/// The program the playground opens with.
pub const DEFAULT_EXAMPLE: &str = "three-fetches";

const EXAMPLES: &[Example] = &[
    ex(
        "three-fetches",
        "Three downloads at once (gather)",
        include_str!("three_fetches.py"),
    ),
    ex(
        "breakfast",
        "Breakfast, awaited in turn",
        include_str!("breakfast.py"),
    ),
    ex(
        "breakfast-gathered",
        "Breakfast, gathered",
        include_str!("breakfast_gathered.py"),
    ),
    ex(
        "crawler",
        "A crawler, three requests at a time (Semaphore)",
        include_str!("crawler.py"),
    ),
    ex(
        "pipeline",
        "Producer and consumers (Queue)",
        include_str!("pipeline.py"),
    ),
    ex(
        "timeout",
        "A deadline for a slow server (wait_for)",
        include_str!("timeout.py"),
    ),
    ex(
        "blocking",
        "Blocking the loop, and a thread instead (to_thread)",
        include_str!("blocking.py"),
    ),
    ex(
        "executor",
        "Blocking work in a thread pool (run_in_executor)",
        include_str!("executor.py"),
    ),
    ex(
        "errors",
        "A failing task among others (task.exception())",
        include_str!("errors.py"),
    ),
    ex(
        "streaming",
        "Streams of readings (async generators, async for)",
        include_str!("streaming.py"),
    ),
    ex(
        "deadlock",
        "Two locks taken in opposite orders (deadlock)",
        include_str!("deadlock.py"),
    ),
    ex(
        "taskgroup",
        "One failure cancels the rest (TaskGroup)",
        include_str!("taskgroup.py"),
    ),
];

/// Every example, in the order the Code panel lists them.
pub fn examples() -> &'static [Example] {
    EXAMPLES
}

pub fn example(slug: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_runs_to_its_end_on_the_interpreter() {
        for e in examples() {
            let out =
                crate::py::run_source(e.source).unwrap_or_else(|err| panic!("{}: {err:?}", e.slug));
            // Two examples are about how a program fails.
            let expected = match e.slug {
                "errors" => crate::py::Ending::Exception,
                "deadlock" => crate::py::Ending::Deadlock,
                _ => crate::py::Ending::Completed,
            };
            assert_eq!(out.ending, expected, "{}", e.slug);
            assert!(!out.stdout.is_empty(), "{} prints", e.slug);
        }
        let slugs: std::collections::HashSet<_> = examples().iter().map(|e| e.slug).collect();
        assert_eq!(slugs.len(), examples().len());
    }
}
