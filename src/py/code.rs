//! The compiled form of a function, class body or module: a [`Code`] of stack-machine
//! instructions, as CPython compiles to bytecode. A running function is a frame over its
//! code (`vm::frame`) with its own value stack, so suspending at `await` keeps the frame
//! as it is and costs nothing, and every task's frames and locals can be shown.

use super::ast::{BinOp, CmpOp, Pos, UnaryOp};
use super::value::{Dict, Key, Name, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// One instruction. Operands index the code's tables (`consts`, `names`, locals, cells)
/// or are jump targets (instruction indices).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    /// A step begins (a statement, a loop's next iteration...; its line is this
    /// instruction's): only in a program compiled for stepping line by line
    /// (`compile::compile_module_traced`), where the machine hands it to its line
    /// tracer (`crate::py::lines`), which may stop the run here.
    Line,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells: the code's own captured locals first, then the free variables.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// A module's or class body's namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    /// `x op= y`: lists extend in place, everything else as `Binary`.
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Pop,
    Dup,
    /// Duplicates the two top values.
    Dup2,
    /// Swaps the two top values.
    Rot2,
    /// Lifts the second and third values over the top one: `a b c` → `c a b`.
    Rot3,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    /// `start:stop` (2) or `start:stop:step` (3).
    BuildSlice(u32),
    /// Joins `n` strings (an f-string's parts).
    BuildString(u32),
    /// Appends the top value to the list `n` below it (comprehensions, starred displays).
    ListAppend(u32),
    ListExtend(u32),
    SetAdd(u32),
    SetUpdate(u32),
    /// Adds key (second) and value (top) to the dict `n` below them.
    MapAdd(u32),
    DictUpdate(u32),
    ListToTuple,
    /// `format(value, spec)` with the conversion: 0 none, 1 `!s`, 2 `!r`, 3 `!a`; the
    /// spec is on top of the value when `spec` is set.
    FormatValue {
        conversion: u8,
        spec: bool,
    },
    UnpackSequence(u32),
    /// `a, *b, c = ...`: `before` and `after` the starred target.
    UnpackEx {
        before: u32,
        after: u32,
    },
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Next item of the iterator on top; when it is exhausted, pops it and jumps.
    ForIter(u32),
    /// `x.__aiter__()`.
    GetAIter,
    /// Ends an `async for`: under the exception on top is the iterator; a
    /// `StopAsyncIteration` pops both and goes on, anything else is raised again.
    EndAsyncFor,
    /// `f(args)` with `n` positional arguments.
    Call(u32),
    /// `n` arguments, the last `len(names)` keyword ones named by the tuple const `names`.
    CallKw {
        argc: u32,
        names: u32,
    },
    /// Arguments as a tuple, and a dict of keywords when `kwargs`.
    CallEx {
        kwargs: bool,
    },
    /// `recv.name(args)`: looks the method up without building a bound method.
    CallMethod {
        name: u32,
        argc: u32,
    },
    /// A function from the code const `code`, with what `MakeFunction::flags` says is on
    /// the stack beneath it.
    MakeFunction {
        code: u32,
        flags: u8,
    },
    /// `class` from the code const of its body, with `bases` base classes beneath
    /// (and a dict of keywords when `kw`).
    MakeClass {
        code: u32,
        bases: u32,
    },
    Return,
    YieldValue,
    /// `yield from`: sends the value on top to the iterator under it; what that yields
    /// is yielded (this instruction runs again on resumption), what it returns replaces
    /// both.
    YieldFrom,
    /// Turns the top value into something `Await` can wait on.
    GetAwaitable,
    Await,
    /// Handlers: an exception raised before the matching `PopBlock` truncates the stack
    /// to its depth here, pushes the exception and jumps.
    SetupExcept(u32),
    SetupFinally(u32),
    PopBlock,
    /// `raise` (0: re-raise the exception being handled), `raise e` (1), `raise e from c`
    /// (2).
    Raise(u8),
    /// Raises the exception on top again (no handler matched, or a `finally` ended).
    Reraise,
    /// Leaves an `except` block: the exception it handled is no longer current.
    PopExcept,
    /// `except T`: is the exception (second) an instance of T (top)? Pops T, pushes a bool.
    ExcMatch,
    /// `except* T`: splits the group (second) by T (top) into the rest (second) and the
    /// match (top, `None` if empty).
    ExcGroupMatch,
    /// After the `except*` clauses: raises what is left of the group (top), if anything.
    ExcGroupReraise,
    ImportName(u32),
    ImportFrom(u32),
    /// `async with`/`with`: from the context manager on top, pushes its exit method and
    /// then the result of entering it (`__aenter__`'s awaitable when `is_async`).
    BeforeWith {
        is_async: bool,
    },
    /// Pops an exception (or `None`) and the exit method under it, and pushes what
    /// `exit(type, exc, tb)` (or `exit(None, None, None)`) returns.
    CallExit,
}

/// `MakeFunction` flags: what sits on the stack under the code.
pub mod make_flags {
    /// A tuple of positional defaults.
    pub const DEFAULTS: u8 = 1;
    /// A dict of keyword-only defaults.
    pub const KW_DEFAULTS: u8 = 2;
    /// A tuple of the cells the function closes over.
    pub const CLOSURE: u8 = 4;
}

/// What kind of code this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    /// `def` with `yield`.
    Generator,
    /// `async def`.
    Coroutine,
    /// `async def` with `yield`.
    AsyncGenerator,
}

/// A function's parameters, as the call binds arguments to them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signature {
    /// Positional parameters (positional-only first), then keyword-only, then `*args`
    /// and `**kwargs` if present: the first locals of the frame, in this order.
    pub names: Vec<Rc<str>>,
    pub posonly: u32,
    /// Positional parameters, including the positional-only ones.
    pub positional: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
}

/// Where a global or module attribute was last found in its dict: the position, and
/// the key there. The key is kept so that its allocation cannot come back as another
/// string: the same pointer at that position is the same name.
#[derive(Debug, Default)]
pub struct NameHint {
    at: u32,
    key: Option<Rc<str>>,
}

/// The file name of the learner's program (the prelude's files are `asyncio/...`).
pub const PROGRAM_FILE: &str = "main.py";

/// A compiled body.
#[derive(Debug)]
pub struct Code {
    pub kind: CodeKind,
    /// `worker`, `<lambda>`, `<listcomp>`, `<module>`.
    pub name: Rc<str>,
    /// `Worker.run.<locals>.helper`.
    pub qualname: Rc<str>,
    pub signature: Signature,
    pub instrs: Vec<Instr>,
    /// Where each instruction came from, for tracebacks and the running line.
    pub positions: Vec<Pos>,
    pub consts: Vec<Value>,
    pub names: Vec<Rc<str>>,
    /// For each name, where a global or module-attribute look-up last found it in its
    /// dict ([`Code::lookup`]).
    pub name_hints: Box<[RefCell<NameHint>]>,
    /// Local variable names (parameters first).
    pub locals: Vec<Rc<str>>,
    /// Parameters that inner functions capture, as (cell, local): the frame moves the
    /// argument into its cell on entry.
    pub cell_locals: Vec<(u32, u32)>,
    /// Names of the cells: captured locals, then free variables.
    pub cells: Vec<Rc<str>>,
    pub free: u32,
    /// The line of the `def`.
    pub first_line: u32,
    /// The docstring, if the body starts with one.
    pub doc: Option<Rc<str>>,
    /// `main.py` for the program, `asyncio/tasks.py`... for the prelude.
    pub filename: Rc<str>,
}

impl Code {
    /// The source position of instruction `ip`.
    pub fn pos(&self, ip: usize) -> Pos {
        self.positions.get(ip).copied().unwrap_or_default()
    }

    /// The function each source line is in (by line number, its qualified name), read
    /// off this code and the code of every function defined in it: a line belongs to
    /// the innermost function with an instruction there (a lambda's or comprehension's
    /// only where nothing else is).
    pub fn line_functions(&self) -> Vec<Option<Rc<str>>> {
        let mut out = Vec::new();
        self.mark_lines(&mut out);
        out
    }

    fn mark_lines(&self, out: &mut Vec<Option<Rc<str>>>) {
        // A lambda or comprehension (`<genexpr>`) shares its line with the statement
        // around it: the line stays its function's.
        let inline = self.name.starts_with('<');
        for pos in &self.positions {
            let line = pos.line as usize;
            if out.len() <= line {
                out.resize(line + 1, None);
            }
            if !(inline && out[line].is_some()) {
                out[line] = Some(self.qualname.clone());
            }
        }
        // Nested functions after: their lines are theirs, not the def's.
        for c in &self.consts {
            if let Value::Code(code) = c {
                code.mark_lines(out);
            }
        }
    }

    /// Looks name `i` up in `dict`, first at the position where it was found last
    /// time: a hit costs a pointer comparison instead of a hash and a string
    /// comparison. The key found there is compared, so a dict changed since (or another
    /// dict) only costs the full look-up.
    #[inline]
    pub fn lookup<'d>(&self, dict: &'d Dict, i: u32) -> Option<&'d Value> {
        let hint = self.name_hints[i as usize].borrow();
        if let Some(key) = &hint.key {
            if let Some((Key(Value::Str(k)), v)) = dict.get_index(hint.at as usize) {
                if Rc::ptr_eq(k, key) {
                    return Some(v);
                }
            }
        }
        drop(hint);
        self.lookup_again(dict, i)
    }

    /// [`Self::lookup`] without the hint, which it then keeps.
    #[cold]
    fn lookup_again<'d>(&self, dict: &'d Dict, i: u32) -> Option<&'d Value> {
        let mut hint = self.name_hints[i as usize].borrow_mut();
        let (at, Key(k), v) = dict.get_full(&Name(&self.names[i as usize]))?;
        if let Value::Str(k) = k {
            *hint = NameHint {
                at: at as u32,
                key: Some(k.clone()),
            };
        }
        Some(v)
    }

    pub fn is_async(&self) -> bool {
        matches!(self.kind, CodeKind::Coroutine | CodeKind::AsyncGenerator)
    }
}
