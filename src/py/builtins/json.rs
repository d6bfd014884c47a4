//! `json.dumps` and `json.loads`, writing as CPython's `json` module writes (`", "` and
//! `": "` separators, non-ASCII escaped, floats as `repr`).

use super::{kwarg, Kwargs, R};
use crate::py::value::*;
use crate::py::vm::Vm;

pub fn dumps(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> R<Value> {
    super::check_kwargs(
        vm,
        &kwargs,
        "dumps",
        &[
            "indent",
            "sort_keys",
            "separators",
            "default",
            "ensure_ascii",
        ],
    )?;
    let v = args.first().cloned().unwrap_or_default();
    let indent = match kwarg(&kwargs, "indent") {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some(" ".repeat((*n).clamp(0, 64) as usize)),
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(_) => return Err(vm.type_error("indent must be an int or a str")),
    };
    let sort_keys = match kwarg(&kwargs, "sort_keys") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let ensure_ascii = match kwarg(&kwargs, "ensure_ascii") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let (item_sep, key_sep) = match kwarg(&kwargs, "separators") {
        Some(Value::Tuple(t)) if t.len() == 2 => (
            t[0].as_str().unwrap_or(", ").to_string(),
            t[1].as_str().unwrap_or(": ").to_string(),
        ),
        _ if indent.is_some() => (",".to_string(), ": ".to_string()),
        _ => (", ".to_string(), ": ".to_string()),
    };
    let default = kwarg(&kwargs, "default").cloned();
    let mut w = Writer {
        out: String::new(),
        indent,
        sort_keys,
        ensure_ascii,
        item_sep,
        key_sep,
        default,
        depth: 0,
    };
    w.value(vm, &v)?;
    Ok(Value::Str(w.out.into()))
}

struct Writer {
    out: String,
    indent: Option<String>,
    sort_keys: bool,
    ensure_ascii: bool,
    item_sep: String,
    key_sep: String,
    default: Option<Value>,
    depth: usize,
}

impl Writer {
    fn newline(&mut self) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(ind);
            }
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 || (self.ensure_ascii && (c as u32) > 0x7e) => {
                    let mut buf = [0u16; 2];
                    for unit in c.encode_utf16(&mut buf) {
                        self.out.push_str(&format!("\\u{unit:04x}"));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn value(&mut self, vm: &mut Vm, v: &Value) -> R<()> {
        if self.depth > 200 {
            return Err(vm.value_error("Circular reference detected"));
        }
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::Float(f) => self.out.push_str(&if f.is_nan() {
                "NaN".to_string()
            } else if f.is_infinite() {
                if *f > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
            } else {
                crate::py::format::float_repr(*f)
            }),
            Value::Str(s) => self.string(s),
            Value::List(_) | Value::Tuple(_) => {
                let items = vm.collect(v)?;
                if items.is_empty() {
                    self.out.push_str("[]");
                    return Ok(());
                }
                self.out.push('[');
                self.depth += 1;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(&self.item_sep.clone());
                    }
                    self.newline();
                    self.value(vm, item)?;
                }
                self.depth -= 1;
                self.newline();
                self.out.push(']');
            }
            Value::Dict(d) => {
                let mut items: Vec<(Key, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                if items.is_empty() {
                    self.out.push_str("{}");
                    return Ok(());
                }
                let mut keyed = Vec::with_capacity(items.len());
                for (k, v) in items.drain(..) {
                    let key = match &k.0 {
                        Value::Str(s) => s.to_string(),
                        Value::Int(i) => i.to_string(),
                        Value::Float(f) => crate::py::format::float_repr(*f),
                        Value::Bool(b) => (if *b { "true" } else { "false" }).to_string(),
                        Value::None => "null".to_string(),
                        other => {
                            return Err(vm.type_error(&format!(
                                "keys must be str, int, float, bool or None, not {}",
                                vm.type_name(other)
                            )))
                        }
                    };
                    keyed.push((key, v));
                }
                if self.sort_keys {
                    crate::sort::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
                }
                self.out.push('{');
                self.depth += 1;
                for (i, (k, v)) in keyed.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(&self.item_sep.clone());
                    }
                    self.newline();
                    self.string(k);
                    self.out.push_str(&self.key_sep.clone());
                    self.value(vm, v)?;
                }
                self.depth -= 1;
                self.newline();
                self.out.push('}');
            }
            other => match self.default.clone() {
                Some(f) => {
                    let r = vm.call_value(&f, vec![other.clone()], vec![])?;
                    self.value(vm, &r)?;
                }
                None => {
                    return Err(vm.type_error(&format!(
                        "Object of type {} is not JSON serializable",
                        vm.type_name(other)
                    )))
                }
            },
        }
        Ok(())
    }
}

pub fn loads(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let Some(Value::Str(s)) = args.first() else {
        return Err(vm.type_error("the JSON object must be str"));
    };
    match serde_json::from_str::<serde_json::Value>(s) {
        Ok(j) => Ok(from_json(&j)),
        Err(e) => {
            // CPython's message and attributes: `msg`, `doc`, `pos`, `lineno`, `colno`.
            let what = json_error_text(&e);
            let (line, col) = (e.line(), e.column().max(1));
            let pos: usize = s
                .split('\n')
                .take(line.saturating_sub(1))
                .map(|l| l.chars().count() + 1)
                .sum::<usize>()
                + col
                - 1;
            let msg = format!("{what}: line {line} column {col} (char {pos})");
            let exc = vm.exc_with_args(&vm.types.json_decode_error.clone(), vec![Value::str(&msg)]);
            for (k, v) in [
                ("msg", Value::str(what)),
                ("doc", Value::Str(s.clone())),
                ("pos", Value::Int(pos as i64)),
                ("lineno", Value::Int(line as i64)),
                ("colno", Value::Int(col as i64)),
            ] {
                vm.setattr(&exc, k, v)?;
            }
            Err(exc)
        }
    }
}

fn json_error_text(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "Expecting value",
        _ => "Expecting value",
    }
}

fn from_json(j: &serde_json::Value) -> Value {
    match j {
        serde_json::Value::Null => Value::None,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::str(s),
        serde_json::Value::Array(a) => Value::list(a.iter().map(from_json).collect()),
        serde_json::Value::Object(o) => {
            let mut d = Dict::default();
            for (k, v) in o {
                d.insert(Key(Value::str(k)), from_json(v));
            }
            Value::dict(d)
        }
    }
}
