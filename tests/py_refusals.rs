#![cfg(not(target_arch = "wasm32"))]
//! "No program runs differently from what it says": every construct outside the
//! interpreter is refused, with line, column and what to write instead.
//!
//! Compile-level refusals are `Err(SyntaxError)` from `run_source`, shown here as
//! `line:col: message`. Refusals at run time (unknown imports, builtins Looplab does
//! not have, integers past 64 bits) end the run with an exception whose traceback
//! names the line. The parser's own refusals (`match`, bytes, complex...) are in
//! `tests/py_parse.rs`.

use looplab::py::{run_source, Ending};

/// The refusal of a program that must not compile, as `line:col: message`.
fn refused(src: &str) -> String {
    match run_source(src) {
        Err(e) => format!("{}:{}: {}", e.pos.line, e.pos.col, e.message),
        Ok(out) => panic!(
            "{src:?} was not refused: it ran ({:?}, stdout {:?}, exception {:?})",
            out.ending, out.stdout, out.exception
        ),
    }
}

/// The exception (`Type: message`) that ends a program which compiles.
fn raised(src: &str) -> String {
    let out = run_source(src).unwrap_or_else(|e| panic!("{src:?} did not compile: {e:?}"));
    assert_eq!(
        out.ending,
        Ending::Exception,
        "{src:?} gave {:?} (stdout {:?})",
        out.ending,
        out.stdout
    );
    out.exception.unwrap()
}

/// The exception and the traceback's last `File` line, to check the place is named.
fn raised_at(src: &str) -> (String, String) {
    let out = run_source(src).unwrap_or_else(|e| panic!("{src:?} did not compile: {e:?}"));
    assert_eq!(out.ending, Ending::Exception, "{src:?}");
    let tb = out.traceback.expect("a traceback");
    let place = tb
        .lines()
        .rfind(|l| l.trim_start().starts_with("File "))
        .expect("a File line")
        .trim()
        .to_string();
    (out.exception.unwrap(), place)
}

fn stdout(src: &str) -> String {
    let out = run_source(src).unwrap_or_else(|e| panic!("{src:?} did not compile: {e:?}"));
    assert_eq!(
        out.ending,
        Ending::Completed,
        "{src:?}: {:?}",
        out.exception
    );
    out.stdout
}

fn check_all(cases: &[(&str, &str)]) {
    for (src, message) in cases {
        assert_eq!(refused(src), *message, "for {src:?}");
    }
}

// ---------------------------------------------------------------- compiler refusals

#[test]
fn yield_from_is_refused_in_an_async_function() {
    check_all(&[(
        "async def f():\n    yield from g()",
        "2:5: 'yield from' inside async function",
    )]);
}

#[test]
fn await_outside_an_async_function_says_to_write_async_def() {
    check_all(&[
        (
            "await x",
            "1:1: 'await' outside function: put it inside an `async def` and run that with asyncio.run(...)",
        ),
        (
            "import asyncio\nawait asyncio.sleep(1)",
            "2:1: 'await' outside function: put it inside an `async def` and run that with asyncio.run(...)",
        ),
        (
            "def f():\n    await g()",
            "2:5: 'await' outside async function: write `async def` for this function",
        ),
        (
            "f = lambda: await x",
            "1:13: 'await' outside async function: write `async def` for this function",
        ),
        (
            "async def f():\n    g = lambda: await x",
            "2:17: 'await' outside async function: write `async def` for this function",
        ),
    ]);
}

#[test]
fn await_in_a_comprehension_of_a_plain_function_is_an_async_comprehension() {
    check_all(&[(
        "def f():\n    x = [await g() for g in y]",
        "2:10: an asynchronous comprehension must be inside an `async def`",
    )]);
}

#[test]
fn return_and_yield_outside_a_function_match_cpython() {
    check_all(&[
        ("return 1", "1:1: 'return' outside function"),
        ("x = 1\nreturn", "2:1: 'return' outside function"),
        ("class A:\n    return 1", "2:5: 'return' outside function"),
        ("yield 1", "1:1: 'yield' outside function"),
        ("x = yield", "1:5: 'yield' outside function"),
        (
            "async def f():\n    yield 1\n    return 2",
            "3:5: 'return' with value in async generator",
        ),
    ]);
}

#[test]
fn yield_inside_a_comprehension_is_refused() {
    check_all(&[(
        "def f():\n    return [(yield) for x in range(2)]\nprint(f())",
        "2:14: 'yield' inside list comprehension",
    )]);
}

#[test]
fn global_and_nonlocal_misuse_is_refused() {
    check_all(&[
        ("nonlocal x", "1:1: nonlocal declaration not allowed at module level"),
        (
            "def f():\n    x = 1\n    global x",
            "3:5: name 'x' is used prior to global declaration; put the `global` line first in the function",
        ),
        (
            "def f():\n    print(x)\n    global x",
            "3:5: name 'x' is used prior to global declaration; put the `global` line first in the function",
        ),
    ]);
}

#[test]
fn nonlocal_without_a_binding_names_its_line() {
    check_all(&[
        (
            "def f():\n    nonlocal q",
            "2:5: no binding for nonlocal 'q' found",
        ),
        (
            "x = 1\ndef f():\n    nonlocal x",
            "3:5: no binding for nonlocal 'x' found",
        ),
    ]);
}

#[test]
fn a_parameter_declared_global_says_so() {
    check_all(&[(
        "def f(x):\n    global x",
        "2:5: name 'x' is parameter and global",
    )]);
}

#[test]
fn a_name_both_global_and_nonlocal_is_refused() {
    check_all(&[(
        "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x",
        "4:9: name 'x' is nonlocal and global",
    )]);
}

#[test]
fn class_keywords_are_refused_with_the_plain_form() {
    let message =
        "1:1: class keywords (metaclass=...) are not supported: write `class Name(Base):`";
    check_all(&[
        ("class X(metaclass=M): pass", message),
        ("class X(Base, metaclass=M): pass", message),
        ("class X(foo=1): pass", message),
        ("class X(**kw): pass", message),
    ]);
}

#[test]
fn break_and_continue_outside_a_loop_match_cpython() {
    check_all(&[
        ("break", "1:1: 'break' outside loop"),
        ("continue", "1:1: 'continue' not properly in loop"),
        (
            "for x in y:\n    def f():\n        break",
            "3:9: 'break' outside loop",
        ),
        (
            "while 1:\n    class C:\n        continue",
            "3:9: 'continue' not properly in loop",
        ),
        (
            "try:\n    pass\nfinally:\n    break",
            "4:5: 'break' outside loop",
        ),
        (
            "if True:\n    continue",
            "2:5: 'continue' not properly in loop",
        ),
    ]);
}

#[test]
fn starred_expressions_out_of_place_say_where_they_may_go() {
    let misplaced = "a starred expression (*x) can only be used in a call, a list, tuple or set, or an assignment target";
    check_all(&[
        ("a = *b", &format!("1:5: {misplaced}")),
        ("x = [1,2][*a]", &format!("1:11: {misplaced}")),
        ("print(f\"{*a}\")", &format!("1:10: {misplaced}")),
        ("y = (*a)", "1:6: cannot use starred expression here"),
        ("*a", "1:1: can't use starred expression here"),
        (
            "for *a in b: pass",
            "1:5: starred assignment target must be in a list or tuple",
        ),
        (
            "*a, *b = c",
            "1:5: multiple starred expressions in assignment",
        ),
        (
            "f(**x, *y)",
            "1:8: iterable argument unpacking follows keyword argument unpacking",
        ),
    ]);
}

#[test]
fn starred_expressions_in_comprehensions_and_del_are_explained() {
    check_all(&[
        (
            "print(*a for a in b)",
            "1:7: iterable unpacking cannot be used in comprehension",
        ),
        ("del *a", "1:5: cannot delete starred"),
    ]);
}

#[test]
fn async_constructs_outside_async_def_say_to_write_async_def() {
    check_all(&[
        (
            "[x async for x in y]",
            "1:1: an asynchronous comprehension must be inside an `async def`",
        ),
        (
            "def f():\n    return [x async for x in y]",
            "2:12: an asynchronous comprehension must be inside an `async def`",
        ),
        (
            "async for x in y: pass",
            "1:1: 'async for' outside async function: write `async def` for this function",
        ),
        (
            "def f():\n    async for x in y: pass",
            "2:5: 'async for' outside async function: write `async def` for this function",
        ),
        (
            "async with x: pass",
            "1:1: 'async with' outside async function: write `async def` for this function",
        ),
        (
            "def f():\n    async with x as y:\n        pass",
            "2:5: 'async with' outside async function: write `async def` for this function",
        ),
    ]);
}

#[test]
fn assignment_to_a_call_or_a_literal_suggests_equality() {
    check_all(&[
        (
            "f() = 3",
            "1:1: cannot assign to function call here. Maybe you meant '==' instead of '='?",
        ),
        (
            "1 = x",
            "1:1: cannot assign to literal here. Maybe you meant '==' instead of '='?",
        ),
        (
            "x = 1\nif True:\n    'a' = x",
            "3:5: cannot assign to literal here. Maybe you meant '==' instead of '='?",
        ),
    ]);
}

#[test]
fn refusals_come_before_anything_runs() {
    // A refused construct late in the program: nothing before it runs either.
    let e = run_source("print('first')\nx = 1\nbreak")
        .err()
        .expect("refused");
    assert_eq!((e.pos.line, e.pos.col), (3, 1));
}

// ---------------------------------------------------------------- imports

/// Modules Looplab runs (the list may grow; these must be in it).
const MODULES: [&str; 11] = [
    "asyncio",
    "time",
    "random",
    "functools",
    "contextlib",
    "json",
    "concurrent",
    "concurrent.futures",
    "typing",
    "sys",
    "math",
];

#[test]
fn an_unknown_module_lists_what_looplab_runs() {
    for (src, name) in [
        ("import numpy", "numpy"),
        ("import numpy as np", "numpy"),
        ("from numpy import array", "numpy"),
        ("import os", "os"),
        ("import os.path", "os.path"),
        ("import threading", "threading"),
        ("from dataclasses import dataclass", "dataclasses"),
    ] {
        let e = raised(src);
        let head =
            format!("ModuleNotFoundError: No module named '{name}' (Looplab runs these modules: ");
        let listed = e
            .strip_prefix(&head)
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or_else(|| panic!("for {src:?}: {e}"));
        let listed: Vec<&str> = listed.split(", ").collect();
        for m in MODULES {
            assert!(listed.contains(&m), "for {src:?}: {m} not listed in {e}");
        }
        assert!(!listed.contains(&name), "for {src:?}: {e}");
    }
    let (_, place) = raised_at("x = 1\nimport requests\n");
    assert_eq!(place, "File \"main.py\", line 2, in <module>");
}

#[test]
fn an_unknown_part_of_asyncio_says_only_parts_are_available() {
    assert_eq!(
        raised("import asyncio.subprocess"),
        "ModuleNotFoundError: No module named 'asyncio.subprocess' (only parts of 'asyncio' are available)"
    );
}

#[test]
fn an_unknown_name_from_a_known_module_says_looplab_does_not_provide_it() {
    for (src, name, module) in [
        ("from asyncio import nonexistent", "nonexistent", "asyncio"),
        (
            "from asyncio import sleep, nonexistent",
            "nonexistent",
            "asyncio",
        ),
        ("from math import factorial", "factorial", "math"),
    ] {
        assert_eq!(
            raised(src),
            format!("ImportError: cannot import name '{name}' from '{module}' (Looplab does not provide it)"),
            "for {src:?}"
        );
    }
}

#[test]
fn an_unknown_attribute_of_a_known_module_says_looplab_does_not_provide_it() {
    for (src, module, name) in [
        (
            "import asyncio\nasync def main():\n    await asyncio.open_connection('x', 1)\nasyncio.run(main())",
            "asyncio",
            "open_connection",
        ),
        (
            "import asyncio\nwatcher = asyncio.get_child_watcher()",
            "asyncio",
            "get_child_watcher",
        ),
        ("import math\nprint(math.factorial(5))", "math", "factorial"),
        (
            "import concurrent.futures\nconcurrent.futures.ProcessPoolExecutor()",
            "concurrent.futures",
            "ProcessPoolExecutor",
        ),
    ] {
        assert_eq!(
            raised(src),
            format!("AttributeError: module '{module}' has no attribute '{name}' (Looplab does not provide it)"),
            "for {src:?}"
        );
    }
}

#[test]
fn future_imports_are_accepted() {
    assert_eq!(
        stdout("from __future__ import annotations\nprint(1)"),
        "1\n"
    );
}

#[test]
fn typing_aliases_print_as_in_cpython() {
    assert_eq!(stdout("import typing\nprint(typing.List)"), "typing.List\n");
}

// ---------------------------------------------------------------- awaiting by hand

#[test]
fn an_await_returning_an_iterator_of_another_kind_is_refused_where_it_is_awaited() {
    // CPython hands each item of any iterator to the task; Looplab runs a generator's
    // (tests/py/corpus/217_await_protocol.py) or another awaitable's `__await__()`.
    let (e, place) = raised_at(
        "import asyncio\n\nclass Nap:\n    def __await__(self):\n        return iter([None])\n\n\
         async def main():\n    await Nap()\n\nasyncio.run(main())\n",
    );
    assert!(
        e.starts_with(
            "NotImplementedError: an __await__ returning an iterator other than a generator"
        ),
        "{e}"
    );
    assert!(e.contains("return asyncio.sleep(1).__await__()"), "{e}");
    assert_eq!(place, "File \"main.py\", line 8, in main");
}

#[test]
fn a_coroutine_driven_by_hand_into_an_asyncio_wait_is_refused() {
    let e = raised(
        "import asyncio\n\nasync def nap():\n    await asyncio.sleep(1)\n\n\
         async def main():\n    nap().send(None)\n\nasyncio.run(main())\n",
    );
    assert!(
        e.starts_with("NotImplementedError: a coroutine driven by hand (send()"),
        "{e}"
    );
}

// ---------------------------------------------------------------- builtins refused at run time

#[test]
fn input_and_open_say_what_to_write_instead() {
    let (e, place) = raised_at("x = 1\nname = input()\n");
    assert_eq!(
        e,
        "NotImplementedError: input() is not available in Looplab: programs run without a keyboard; put the value in a variable instead"
    );
    assert_eq!(place, "File \"main.py\", line 2, in <module>");
    assert_eq!(
        raised("input('name? ')"),
        "NotImplementedError: input() is not available in Looplab: programs run without a keyboard; put the value in a variable instead"
    );
    let (e, place) =
        raised_at("def load():\n    with open('data.txt') as f:\n        return f.read()\nload()");
    assert_eq!(
        e,
        "NotImplementedError: open() is not available in Looplab: there are no files; put the data in a string or list instead"
    );
    assert_eq!(place, "File \"main.py\", line 2, in load");
}

#[test]
fn eval_and_exec_say_to_write_the_code_in_the_program() {
    let message = "NotImplementedError: eval() and exec() are not available in Looplab: write the code in the program";
    assert_eq!(raised("eval('1+1')"), message);
    assert_eq!(raised("exec('x = 1')"), message);
    let (_, place) =
        raised_at("import asyncio\nasync def main():\n    exec('print(1)')\nasyncio.run(main())");
    assert_eq!(place, "File \"main.py\", line 3, in main");
}

/// `executor.submit` was refused ("use `await loop.run_in_executor(...)`"); it now
/// runs the function on a worker.
#[test]
fn executor_submit_runs_the_function() {
    assert_eq!(
        stdout("import concurrent.futures\nwith concurrent.futures.ThreadPoolExecutor() as executor:\n    executor.submit(print, 1)"),
        "1\n"
    );
}

#[test]
fn the_future_of_executor_submit_gives_its_result() {
    assert_eq!(
        stdout("from concurrent.futures import ThreadPoolExecutor\nex = ThreadPoolExecutor(max_workers=2)\nfut = ex.submit(sum, [1, 2])\nprint(fut.result())"),
        "3\n"
    );
}

#[test]
fn missing_builtins_say_looplab_does_not_provide_them() {
    for src in [
        "globals()['x'] = 1",
        "compile('x', 'f', 'exec')",
        "__import__('os')",
    ] {
        let e = raised(src);
        assert!(
            !e.starts_with("NameError") && e.contains("Looplab"),
            "for {src:?}: {e}"
        );
    }
}

// ---------------------------------------------------------------- the integer range

const TOO_LARGE: &str = "OverflowError: integer result too large: Looplab's integers are 64-bit (up to 9223372036854775807)";

#[test]
fn integers_past_64_bits_raise_the_64_bit_overflow() {
    for src in [
        "print(2**64)",
        "print(2**63)",
        "x = 9223372036854775807\nprint(x + 1)",
        "x = 9223372036854775807\nx += 1",
        "print(-9223372036854775807 - 2)",
        "print(3 * 9223372036854775807)",
        "print(10**18 * 10)",
        "print(-(-9223372036854775807 - 1))",
        "print((-9223372036854775807 - 1) // -1)",
        "print(1 << 64)",
        "print(sum([9223372036854775807, 1]))",
        "print(pow(2, 64))",
        "print(divmod(-9223372036854775807 - 1, -1))",
    ] {
        assert_eq!(raised(src), TOO_LARGE, "for {src:?}");
    }
    let (_, place) = raised_at("def f(n):\n    return n * n\nf(2**40)");
    assert_eq!(place, "File \"main.py\", line 2, in f");
}

#[test]
fn integers_at_the_edges_of_the_range_still_work() {
    assert_eq!(
        stdout("print(9223372036854775807, -9223372036854775807 - 1)\nprint(-(2**62) * 2)\nprint(2**62 + (2**62 - 1))"),
        "9223372036854775807 -9223372036854775808\n-9223372036854775808\n9223372036854775807\n"
    );
}

#[test]
fn a_decimal_string_past_64_bits_is_refused_by_int() {
    assert_eq!(
        raised("print(int('99999999999999999999'))"),
        "ValueError: int too large for Looplab's 64-bit integers: '99999999999999999999'"
    );
}

#[test]
fn float_to_int_past_64_bits_raises_instead_of_saturating() {
    for src in [
        "print(int(1e20))",
        "print(int(-1e20))",
        "print(round(1e20))",
        "import math\nprint(math.floor(1e30))",
        "import math\nprint(math.ceil(-1e30))",
        "print('%d' % 1e20)",
    ] {
        assert_eq!(raised(src), TOO_LARGE, "for {src:?}");
    }
}

#[test]
fn abs_of_the_smallest_integer_gives_the_64_bit_message() {
    assert_eq!(raised("print(abs(-9223372036854775807 - 1))"), TOO_LARGE);
}

#[test]
fn results_that_fit_do_not_overflow_on_the_way() {
    assert_eq!(
        stdout("print((-9223372036854775807 - 1) % -1)\nprint(pow(3, 100, 7))\nprint(pow(2, 64, 1000))"),
        "0\n4\n616\n"
    );
}

#[test]
fn zero_to_a_negative_power_raises() {
    assert_eq!(
        raised("print(0 ** -1)"),
        "ZeroDivisionError: 0.0 cannot be raised to a negative power"
    );
}

#[test]
fn int_of_infinity_is_an_overflow_error() {
    assert_eq!(
        raised("print(int(float('inf')))"),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(
        raised("print(int(float('nan')))"),
        "ValueError: cannot convert float NaN to integer"
    );
}

// ---------------------------------------------------------------- runs as written

#[test]
fn a_class_with_eq_and_hash_works_as_a_dict_key() {
    let src = "class P:\n    def __init__(self, x):\n        self.x = x\n    def __eq__(self, o):\n        return self.x == o.x\n    def __hash__(self):\n        return hash(self.x)\nprint(len({P(1), P(1)}), hash(P(3)) == hash(3), P(1) in {P(1): 0})\n";
    assert_eq!(stdout(src), "1 True True\n");
}
