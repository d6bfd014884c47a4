//! Instructions run together with the ones that follow them, where the pair is common
//! and the result cannot differ: `local % constant`, `for x in range(...)`, `await
//! asyncio.sleep(...)`. Each checks the instructions that follow (a jump may land
//! between them, and then they run one by one as usual). The instructions run
//! together count as one against the instruction limits.

use super::call::module_dict;
use super::{iter, ops, Exit, Frame, Vm, R};
use crate::py::aio::api::{self, is_sleep};
use crate::py::code::{Code, Instr};
use crate::py::value::*;

/// `Binary` or `Inplace` on the top two values, in place when both are numbers (the
/// result where the left one was); otherwise the right one is popped and given back.
#[inline]
pub(super) fn number_op(f: &mut Frame, op: crate::py::ast::BinOp) -> Option<Value> {
    let b = f.pop();
    if let Some(a) = f.stack.last_mut() {
        if let Some(v) = ops::fast_binary(op, a, &b) {
            ops::replace_number(a, v);
            ops::forget_number(b);
            return None;
        }
    }
    Some(b)
}

/// `LoadConst(i)` then `Binary` on numbers: the top of the stack becomes the result.
/// False (nothing done) otherwise.
#[inline]
pub(super) fn const_op(f: &mut Frame, code: &Code, i: u32) -> bool {
    let (Some(&Instr::Binary(op)), Some(a)) = (code.instrs.get(f.ip as usize), f.stack.last_mut())
    else {
        return false;
    };
    match ops::fast_binary(op, a, &code.consts[i as usize]) {
        Some(v) => {
            ops::replace_number(a, v);
            f.ip += 1;
            true
        }
        None => false,
    }
}

/// `LoadFast` of `v` then `LoadConst`, `Binary` (at `ip`) on numbers: the result.
#[inline]
pub(super) fn local_const_op(code: &Code, ip: u32, v: &Value) -> Option<Value> {
    let ip = ip as usize;
    let Some(&[Instr::LoadConst(c), Instr::Binary(op)]) = code.instrs.get(ip..ip + 2) else {
        return None;
    };
    ops::fast_binary(op, v, &code.consts[c as usize])
}

/// `Jump(t)`; a loop's jump back to a `ForIter` over a range also steps it.
#[inline]
pub(super) fn jump(f: &mut Frame, code: &Code, t: u32) {
    f.ip = t;
    if let Some(&Instr::ForIter(exit)) = code.instrs.get(t as usize) {
        if let Some(item) = iter::range_next(f.top()) {
            f.ip = t + 1;
            for_item(f, code, item, exit);
        }
    }
}

/// `ForIter`'s outcome: the next item (stored at once when a `StoreFast` follows, as in
/// `for x in ...`), or the end of the loop.
#[inline]
pub(super) fn for_item(f: &mut Frame, code: &Code, item: Option<Value>, exit: u32) {
    match item {
        Some(v) => match code.instrs.get(f.ip as usize) {
            Some(&Instr::StoreFast(i)) => {
                f.ip += 1;
                f.locals[i as usize] = v;
            }
            _ => f.push(v),
        },
        None => {
            f.stack.pop();
            f.ip = exit;
        }
    }
}

impl Vm {
    /// `await asyncio.sleep(...)` (`CallMethod` then `GetAwaitable`, `Await`) in one
    /// go, without making the awaitable: the task suspends, as the three instructions
    /// would have it. `None` (nothing done) for any other call.
    pub(super) fn await_sleep_call(
        &mut self,
        f: &mut Frame,
        code: &Code,
        name: u32,
        at: usize,
    ) -> R<Option<Exit>> {
        let ip = f.ip as usize;
        if !matches!(
            code.instrs.get(ip..ip + 2),
            Some([Instr::GetAwaitable, Instr::Await])
        ) {
            return Ok(None);
        }
        let Some(dict) = at.checked_sub(1).and_then(|r| module_dict(&f.stack[r])) else {
            return Ok(None);
        };
        let sleep = matches!(code.lookup(&dict.borrow(), name),
            Some(Value::Builtin(b)) if is_sleep(b) && b.bound.is_none());
        if !sleep {
            return Ok(None);
        }
        let (delay, result) = match &f.stack[at..] {
            [Value::Float(d)] if !d.is_nan() => {
                let d = *d;
                f.stack.pop();
                (d, Value::None)
            }
            args => {
                let r = api::sleep_args(self, args, &[])?;
                f.stack.truncate(at);
                r
            }
        };
        f.stack.pop(); // the module
        f.ip += 2;
        self.await_sleep(delay, result).map(Some)
    }
}
