//! The instructions that build and unpack collections, and those of exception
//! handlers, imports and `with` blocks: each may run Python code (`__hash__`,
//! `__format__`, `__enter__`), so the dispatch loop takes the top frame afresh after.

use super::call::push_top;
use super::{Frame, Vm, R};
use crate::py::code::{Code, Instr};
use crate::py::value::*;

impl Vm {
    /// `BuildSet`, `BuildMap`, `ListExtend`, `SetAdd`, `SetUpdate`, `MapAdd`,
    /// `DictUpdate`, `FormatValue`, `UnpackSequence` and `UnpackEx` on the top frame.
    pub(super) fn collection_instr(&mut self, frames: &mut [Frame], instr: Instr) -> R<()> {
        let Some(f) = frames.last_mut() else {
            return Ok(());
        };
        match instr {
            Instr::BuildSet(n) => {
                let items = f.stack.split_off(f.stack.len() - n as usize);
                let set = self.make_set(items)?;
                push_top(frames, set);
            }
            Instr::BuildMap(n) => {
                let items = f.stack.split_off(f.stack.len() - 2 * n as usize);
                let mut d = Dict::default();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    let k = self.key(k)?;
                    d.insert(k, v);
                }
                push_top(frames, Value::dict(d));
            }
            Instr::ListExtend(n) => {
                let (v, target) = pop_for_target(f, n);
                let items = self.collect(&v)?;
                if let Value::List(l) = target {
                    l.borrow_mut().extend(items);
                }
            }
            Instr::SetAdd(n) => {
                let (v, target) = pop_for_target(f, n);
                let k = self.key(v)?;
                if let Value::Set(s) = target {
                    s.borrow_mut().insert(k);
                }
            }
            Instr::SetUpdate(n) => {
                let (v, target) = pop_for_target(f, n);
                let items = self.collect(&v)?;
                if let Value::Set(s) = target {
                    for i in items {
                        let k = self.key(i)?;
                        s.borrow_mut().insert(k);
                    }
                }
            }
            Instr::MapAdd(n) => {
                let v = f.pop();
                let k = f.pop();
                let at = f.stack.len() - n as usize;
                let target = f.stack[at].clone();
                let k = self.key(k)?;
                if let Value::Dict(d) = target {
                    d.borrow_mut().insert(k, v);
                }
            }
            Instr::DictUpdate(n) => {
                let (v, target) = pop_for_target(f, n);
                self.dict_update(&target, &v)?;
            }
            Instr::FormatValue { conversion, spec } => {
                let spec = if spec { f.pop() } else { Value::None };
                let v = f.pop();
                let s = self.format_value(&v, conversion, &spec)?;
                push_top(frames, s);
            }
            Instr::UnpackSequence(n) => {
                let v = f.pop();
                let items = match &v {
                    Value::Tuple(t) if t.len() == n as usize => t.to_vec(),
                    _ => {
                        let items = self.collect(&v)?;
                        self.check_unpack(items.len(), n as usize, false)?;
                        items
                    }
                };
                let f = frames.last_mut().expect("frame");
                f.stack.extend(items.into_iter().rev());
            }
            Instr::UnpackEx { before, after } => {
                let v = f.pop();
                let mut items = self.collect(&v)?;
                self.check_unpack(items.len(), (before + after) as usize, true)?;
                let tail = items.split_off(items.len() - after as usize);
                let middle = items.split_off(before as usize);
                let f = frames.last_mut().expect("frame");
                f.stack.extend(tail.into_iter().rev());
                f.push(Value::list(middle));
                f.stack.extend(items.into_iter().rev());
            }
            _ => {}
        }
        Ok(())
    }

    /// `ExcMatch`, `ExcGroupMatch`, `ImportName`, `ImportFrom`, `BeforeWith` and
    /// `CallExit` on the top frame.
    pub(super) fn block_instr(
        &mut self,
        frames: &mut Vec<Frame>,
        code: &Code,
        instr: Instr,
    ) -> R<()> {
        let Some(f) = frames.last_mut() else {
            return Ok(());
        };
        match instr {
            Instr::ExcMatch => {
                let t = f.pop();
                let e = f.top().clone();
                let m = self.exc_matches(&e, &t)?;
                push_top(frames, Value::Bool(m));
            }
            Instr::ExcGroupMatch => {
                let t = f.pop();
                let e = f.pop();
                let (rest, matched) = self.split_group(&e, &t)?;
                let f = frames.last_mut().expect("frame");
                f.push(rest);
                f.push(matched);
            }
            Instr::ImportName(i) => {
                let name = code.names[i as usize].clone();
                let m = self.import(&name)?;
                push_top(frames, m);
            }
            Instr::ImportFrom(i) => {
                let m = f.top().clone();
                let name = code.names[i as usize].clone();
                let v = self.import_from(&m, &name)?;
                push_top(frames, v);
            }
            Instr::BeforeWith { is_async } => {
                let cm = f.pop();
                let (enter, exit) = if is_async {
                    ("__aenter__", "__aexit__")
                } else {
                    ("__enter__", "__exit__")
                };
                let exit_m = self.getattr(&cm, exit).map_err(|_| {
                    self.type_error(&format!(
                        "'{}' object does not support the {}context manager protocol",
                        self.type_name(&cm),
                        if is_async { "asynchronous " } else { "" }
                    ))
                })?;
                push_top(frames, exit_m);
                self.call_method_into(frames, cm, enter, vec![])?;
            }
            Instr::CallExit => {
                let e = f.pop();
                let exit = f.pop();
                let args = if e.is_none() {
                    vec![Value::None, Value::None, Value::None]
                } else {
                    vec![self.type_of(&e), e, Value::None]
                };
                self.call_into(frames, exit, args, Vec::new())?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// The value on top of the stack, popped, and the collection `n` below it that a
/// comprehension or display adds it to.
fn pop_for_target(f: &mut Frame, n: u32) -> (Value, Value) {
    let v = f.pop();
    let target = f.stack[f.stack.len() - n as usize].clone();
    (v, target)
}
