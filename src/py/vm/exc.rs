//! Exceptions: making them, matching `except` clauses, exception groups for `except*`,
//! and writing them as CPython does (`ValueError: boom`, and the traceback).

use super::{Vm, R};
use crate::py::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Is `v` an instance of `class` (or a subclass)?
pub fn is_instance(v: &Value, class: &Rc<Class>) -> bool {
    match v {
        Value::Instance(i) => i.class.is_subclass(class),
        _ => false,
    }
}

/// Records the exception being handled as the new one's `__context__`, as Python does
/// when an exception is raised inside an `except` or `finally` block.
pub fn set_context(exc: &Value, handling: Option<&Value>) {
    let (Value::Instance(i), Some(ctx)) = (exc, handling) else {
        return;
    };
    if ctx.is(exc) {
        return;
    }
    if let Some(s) = &i.exc {
        let mut s = s.borrow_mut();
        if s.context.is_none() {
            s.context = Some(ctx.clone());
        }
    }
}

/// The `ExcState` of an exception instance.
pub fn state(v: &Value) -> Option<&RefCell<ExcState>> {
    match v {
        Value::Instance(i) => i.exc.as_ref(),
        _ => None,
    }
}

impl Vm {
    /// A new exception of `class` with one message argument (none if empty).
    pub fn new_exc(&self, class: &Rc<Class>, msg: &str) -> Value {
        let args = if msg.is_empty() {
            Vec::new()
        } else {
            vec![Value::str(msg)]
        };
        self.exc_with_args(class, args)
    }

    pub fn exc_with_args(&self, class: &Rc<Class>, args: Vec<Value>) -> Value {
        Value::Instance(Rc::new(Instance {
            class: class.clone(),
            dict: RefCell::new(Dict::default()),
            exc: Some(RefCell::new(ExcState {
                args,
                ..ExcState::default()
            })),
        }))
    }

    pub fn type_error(&self, msg: &str) -> Value {
        self.new_exc(&self.types.type_error.clone(), msg)
    }

    pub fn value_error(&self, msg: &str) -> Value {
        self.new_exc(&self.types.value_error.clone(), msg)
    }

    pub fn attribute_error(&self, v: &Value, name: &str) -> Value {
        let msg = match v {
            Value::Object(o) if matches!(&**o, Object::Module(_)) => {
                let Object::Module(m) = &**o else {
                    unreachable!()
                };
                let provided = if crate::py::builtins::modules::KNOWN.contains(&&*m.name) {
                    " (Looplab does not provide it)"
                } else {
                    ""
                };
                format!("module '{}' has no attribute '{name}'{provided}", m.name)
            }
            Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(v)),
        };
        self.new_exc(&self.types.attribute_error.clone(), &msg)
    }

    /// `raise e` / `raise e from cause`: a class is instantiated; anything else that is
    /// not an exception is a `TypeError`.
    pub fn make_exception(&mut self, e: Value, cause: Option<Value>) -> R<Value> {
        let exc = match &e {
            Value::Class(c) if c.is_subclass(&self.types.base_exception) => {
                self.call_value(&e, vec![], vec![])?
            }
            Value::Instance(i) if i.exc.is_some() => e.clone(),
            _ => {
                return Err(self.type_error("exceptions must derive from BaseException"));
            }
        };
        if let Some(cause) = cause {
            let cause = match &cause {
                Value::None => Value::None,
                Value::Class(c) if c.is_subclass(&self.types.base_exception) => {
                    self.call_value(&cause, vec![], vec![])?
                }
                Value::Instance(i) if i.exc.is_some() => cause.clone(),
                _ => return Err(self.type_error("exception causes must derive from BaseException")),
            };
            if let Some(s) = state(&exc) {
                let mut s = s.borrow_mut();
                s.cause = (!cause.is_none()).then_some(cause);
                s.suppress_context = true;
            }
        }
        Ok(exc)
    }

    /// `except T:` where T is a class or a tuple of classes.
    pub fn exc_matches(&self, e: &Value, t: &Value) -> R<bool> {
        match t {
            Value::Class(c) => {
                if !c.is_subclass(&self.types.base_exception) {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(is_instance(e, c))
            }
            Value::Tuple(items) => {
                for i in items.iter() {
                    if self.exc_matches(e, i)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// `except* T`: (what is left, what matched), either `None` when empty. A plain
    /// exception is treated as a group of one.
    pub fn split_group(&mut self, e: &Value, t: &Value) -> R<(Value, Value)> {
        if e.is_none() {
            return Ok((Value::None, Value::None));
        }
        let is_group = is_instance(e, &self.types.base_exception_group.clone());
        if !is_group {
            if self.exc_matches(e, t)? {
                let group = self.make_group("", vec![e.clone()]);
                return Ok((Value::None, group));
            }
            return Ok((e.clone(), Value::None));
        }
        let (message, members) = {
            let s = state(e).map(|s| s.borrow());
            let message = s
                .as_ref()
                .and_then(|s| s.args.first().cloned())
                .unwrap_or(Value::str(""));
            let members = s.map(|s| s.group.clone()).unwrap_or_default();
            (message, members)
        };
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for m in members {
            if is_instance(&m, &self.types.base_exception_group.clone()) {
                let (r, mm) = self.split_group(&m, t)?;
                if !mm.is_none() {
                    matched.push(mm);
                }
                if !r.is_none() {
                    rest.push(r);
                }
            } else if self.exc_matches(&m, t)? {
                matched.push(m);
            } else {
                rest.push(m);
            }
        }
        let msg = message.as_str().unwrap_or("").to_string();
        let wrap = |vm: &Vm, items: Vec<Value>| {
            if items.is_empty() {
                Value::None
            } else {
                vm.make_group(&msg, items)
            }
        };
        Ok((wrap(self, rest), wrap(self, matched)))
    }

    /// An `ExceptionGroup` (or `BaseExceptionGroup` if a member is not an `Exception`).
    pub fn make_group(&self, msg: &str, items: Vec<Value>) -> Value {
        let base = items.iter().any(|i| !is_instance(i, &self.types.exception));
        let class = if base {
            self.types.base_exception_group.clone()
        } else {
            self.types.exception_group.clone()
        };
        let g = self.exc_with_args(&class, vec![Value::str(msg), Value::list(items.clone())]);
        if let Some(s) = state(&g) {
            s.borrow_mut().group = items;
        }
        g
    }

    /// `ValueError: boom`, `TimeoutError`, as the last line of a traceback reads.
    pub fn describe_exception(&mut self, e: &Value) -> String {
        let name = match e {
            Value::Instance(i) => class_display_name(&i.class),
            other => self.type_name(other).to_string(),
        };
        let msg = self.str_of(e).unwrap_or_default();
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// The traceback as CPython prints it: the chain of causes and contexts first.
    pub fn format_traceback(&mut self, e: &Value) -> String {
        let mut out = String::new();
        if let Some(s) = state(e) {
            let (cause, context, suppress) = {
                let s = s.borrow();
                (s.cause.clone(), s.context.clone(), s.suppress_context)
            };
            if let Some(c) = cause {
                out.push_str(&self.format_traceback(&c));
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if let (Some(c), false) = (context, suppress) {
                out.push_str(&self.format_traceback(&c));
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
            let tb = s.borrow().traceback.clone();
            if !tb.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
            }
            let lines: Vec<&str> = self.source.lines().collect();
            // As CPython's `StackSummary.format`: a line repeated more than three times
            // in a row (recursion) is written three times, then counted.
            let mut repeats = 0;
            for (i, e) in tb.iter().enumerate() {
                let same = |a: &crate::py::value::TracebackEntry| {
                    a.file == e.file && a.line == e.line && a.func == e.func
                };
                repeats = if i > 0 && same(&tb[i - 1]) {
                    repeats + 1
                } else {
                    0
                };
                if repeats >= 3 {
                    if !tb.get(i + 1).is_some_and(same) {
                        let n = repeats - 2;
                        let s = if n > 1 { "s" } else { "" };
                        out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
                    }
                    continue;
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    e.file, e.line, e.func
                ));
                if &*e.file == crate::py::code::PROGRAM_FILE {
                    if let Some(text) = lines.get(e.line.saturating_sub(1) as usize) {
                        out.push_str(&format!("    {}\n", text.trim()));
                    }
                }
            }
        }
        out.push_str(&self.describe_exception(e));
        out.push('\n');
        out
    }
}

/// `ValueError`, `asyncio.exceptions.CancelledError` is written `CancelledError` as
/// its traceback line reads `asyncio.exceptions.CancelledError`.
pub fn class_display_name(c: &Class) -> String {
    match &*c.module {
        "builtins" | "__main__" => c.name.to_string(),
        "asyncio" => format!("asyncio.exceptions.{}", c.name),
        m => format!("{m}.{}", c.name),
    }
}
