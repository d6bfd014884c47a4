//! Snippets the Code panel's Insert menu puts into the program, below the caret
//! (`editing_text::insert_below`): the asyncio calls a beginner reaches for, each
//! written as Python that runs once its names (`work`, `lock`, `queue`) exist.

/// One entry of the Insert menu.
#[derive(Debug, PartialEq)]
pub struct Snippet {
    pub label: &'static str,
    pub code: &'static str,
}

const fn snippet(label: &'static str, code: &'static str) -> Snippet {
    Snippet { label, code }
}

pub const SNIPPETS: &[Snippet] = &[
    snippet(
        "Wait without blocking: asyncio.sleep",
        "await asyncio.sleep(1)",
    ),
    snippet(
        "A coroutine: async def",
        "async def work(n):\n    await asyncio.sleep(n)\n    return n",
    ),
    snippet(
        "Start a task: create_task",
        "task = asyncio.create_task(work(1))",
    ),
    snippet(
        "Wait for several: gather",
        "results = await asyncio.gather(work(1), work(2))",
    ),
    snippet(
        "Tasks in a group: TaskGroup",
        "async with asyncio.TaskGroup() as tg:\n    tg.create_task(work(1))\n    tg.create_task(work(2))",
    ),
    snippet(
        "A deadline: wait_for",
        "try:\n    await asyncio.wait_for(work(5), timeout=1)\nexcept TimeoutError:\n    print(\"too slow\")",
    ),
    snippet(
        "One at a time: async with a Lock",
        "async with lock:  # lock = asyncio.Lock()\n    await asyncio.sleep(0.1)",
    ),
    snippet(
        "Hand work over: a Queue",
        "await queue.put(item)  # queue = asyncio.Queue()\nitem = await queue.get()",
    ),
    snippet(
        "Blocking work in a thread: to_thread",
        "await asyncio.to_thread(time.sleep, 1)",
    ),
    snippet(
        "Block the loop (to see it): time.sleep",
        "time.sleep(1)  # holds the loop: nothing else runs",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::editing_text::insert_below;

    /// Every snippet, put into a coroutine's body, is Python the interpreter reads.
    #[test]
    fn every_snippet_reads_inside_a_coroutine() {
        let program = "import asyncio\nimport time\n\n\nasync def main():\n    pass\n";
        for s in SNIPPETS {
            let caret = program.find("pass").unwrap() as u32;
            let edited = insert_below(program, caret, s.code);
            assert_eq!(
                crate::ui::program::syntax_error_of(&edited.text),
                None,
                "{}:\n{}",
                s.label,
                edited.text
            );
        }
    }
}
