#!/usr/bin/env python3
"""CPython's line events for a program run on the virtual clock.

Usage:  python3.12 tests/py/trace_lines.py PROGRAM.py

Runs PROGRAM.py as ``cpython_virtual.py`` does, with ``sys.settrace`` (and
``threading.settrace`` for worker threads) recording every 'line' event in the
program's own file, and prints one JSON object:

    {"lines": [<line of each event, in order>],
     "masked": [<lines whose events are not statement starts>]}

as the last line of its output (after the runner's own JSON).

A statement is a step where CPython gives a line event, except on the lines of
``masked``, where CPython gives events that are not statements beginning, which
``looplab::py::lines`` does not step through: the lines of a lambda, a
comprehension or a generator expression (their code runs item by item on the
line of the statement around it), and every line of a statement (or of a
compound statement's header, decorators included) written on several lines
(CPython gives an event each time evaluation moves to another line).
``tests/py_lines_corpus.rs`` compares the steps with these events, both without the
masked lines.
"""

import ast
import json
import os
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cpython_virtual  # noqa: E402


def masked_lines(tree):
    masked = set()
    inline = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
    for node in ast.walk(tree):
        if isinstance(node, inline):
            masked.update(range(node.lineno, node.end_lineno + 1))
        elif isinstance(node, ast.stmt):
            first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            body = getattr(node, "body", None)
            last = body[0].lineno - 1 if body else node.end_lineno
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                last = node.lineno
            if last > first:
                masked.update(range(first, last + 1))
    return sorted(masked)


def main(path):
    path = os.path.abspath(path)
    with open(path, encoding="utf-8") as f:
        masked = masked_lines(ast.parse(f.read()))
    lines = []

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != path:
            return None
        if event == "line":
            lines.append(frame.f_lineno)
        return tracer

    # Every way the runner ends is `os._exit`, after it prints its own JSON line:
    # the events follow, as the last line.
    real_exit = os._exit

    def report_and_exit(code):
        sys.settrace(None)
        data = json.dumps({"lines": lines, "masked": masked}) + "\n"
        os.write(1, data.encode())
        real_exit(code)

    os._exit = report_and_exit
    sys.settrace(tracer)
    threading.settrace(tracer)
    cpython_virtual.run_program(path)


if __name__ == "__main__":
    main(sys.argv[1])
