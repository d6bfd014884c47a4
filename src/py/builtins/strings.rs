//! Methods of `str` (`split`, `join`, `format`, ...).

use super::{int_arg, kwarg, Kwargs, R};
use crate::py::value::*;
use crate::py::vm::Vm;
use std::rc::Rc;

impl Vm {
    pub(super) fn str_method(
        &mut self,
        s: &Rc<str>,
        name: &str,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> R<Option<Value>> {
        let sarg = |vm: &Vm, i: usize| -> R<Option<Rc<str>>> {
            match args.get(i) {
                None | Some(Value::None) => Ok(None),
                Some(Value::Str(x)) => Ok(Some(x.clone())),
                Some(other) => {
                    Err(vm.type_error(&format!("must be str or None, not {}", vm.type_name(other))))
                }
            }
        };
        let text = |t: String| Ok(Some(Value::Str(t.into())));
        let strs = |v: Vec<&str>| Value::list(v.into_iter().map(Value::str).collect());
        match name {
            "split" | "rsplit" => {
                let sep = sarg(self, 0)?
                    .or_else(|| kwarg(kwargs, "sep").and_then(|v| v.as_str().map(Rc::from)));
                let max = match args.get(1).or_else(|| kwarg(kwargs, "maxsplit")) {
                    Some(v) => int_arg(self, v, "maxsplit")?,
                    None => -1,
                };
                let parts: Vec<&str> = match (&sep, max < 0, name == "split") {
                    (Some(sep), _, _) if sep.is_empty() => {
                        return Err(self.value_error("empty separator"))
                    }
                    (Some(sep), true, _) => s.split(&**sep).collect(),
                    (Some(sep), false, true) => s.splitn(max as usize + 1, &**sep).collect(),
                    (Some(sep), false, false) => {
                        let mut v: Vec<&str> = s.rsplitn(max as usize + 1, &**sep).collect();
                        v.reverse();
                        v
                    }
                    (None, true, _) => s.split_whitespace().collect(),
                    (None, false, _) => split_whitespace_n(s, max as usize),
                };
                Ok(Some(strs(parts)))
            }
            "join" => {
                let items = self.collect(args.first().unwrap_or(&Value::None))?;
                let parts: usize = items
                    .iter()
                    .map(|it| match it {
                        Value::Str(x) => x.len(),
                        _ => 0,
                    })
                    .sum();
                self.check_text(parts + s.len() * items.len().saturating_sub(1))?;
                let mut out = String::new();
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(s);
                    }
                    match it {
                        Value::Str(x) => out.push_str(x),
                        other => {
                            return Err(self.type_error(&format!(
                                "sequence item {i}: expected str instance, {} found",
                                self.type_name(other)
                            )))
                        }
                    }
                }
                text(out)
            }
            "strip" | "lstrip" | "rstrip" => {
                let chars = sarg(self, 0)?;
                let pred = |c: char| match &chars {
                    Some(cs) => cs.contains(c),
                    None => c.is_whitespace(),
                };
                text(
                    match name {
                        "strip" => s.trim_matches(pred),
                        "lstrip" => s.trim_start_matches(pred),
                        _ => s.trim_end_matches(pred),
                    }
                    .to_string(),
                )
            }
            "replace" => {
                let (Some(a), Some(b)) = (sarg(self, 0)?, sarg(self, 1)?) else {
                    return Err(self.type_error("replace expected at least 2 arguments"));
                };
                let n = match args.get(2) {
                    Some(v) => int_arg(self, v, "count")?,
                    None => -1,
                };
                let hits = if a.is_empty() {
                    s.chars().count() + 1
                } else {
                    s.matches(&*a).count()
                };
                let hits = if n < 0 { hits } else { hits.min(n as usize) };
                self.check_text(s.len() + hits.saturating_mul(b.len()))?;
                text(if n < 0 {
                    s.replace(&*a, &b)
                } else {
                    s.replacen(&*a, &b, n as usize)
                })
            }
            "upper" => text(s.to_uppercase()),
            "lower" | "casefold" => text(s.to_lowercase()),
            "swapcase" => text(
                s.chars()
                    .map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().to_string()
                        } else {
                            c.to_uppercase().to_string()
                        }
                    })
                    .collect(),
            ),
            "title" => {
                let mut out = String::new();
                let mut prev_letter = false;
                for c in s.chars() {
                    if c.is_alphabetic() {
                        if prev_letter {
                            out.extend(c.to_lowercase());
                        } else {
                            out.extend(c.to_uppercase());
                        }
                        prev_letter = true;
                    } else {
                        out.push(c);
                        prev_letter = false;
                    }
                }
                text(out)
            }
            "capitalize" => {
                let mut cs = s.chars();
                text(match cs.next() {
                    Some(f) => f
                        .to_uppercase()
                        .chain(cs.flat_map(|c| c.to_lowercase()))
                        .collect(),
                    None => String::new(),
                })
            }
            "startswith" | "endswith" => {
                let test = |p: &str| {
                    if name == "startswith" {
                        s.starts_with(p)
                    } else {
                        s.ends_with(p)
                    }
                };
                let r = match args.first() {
                    Some(Value::Str(p)) => test(p),
                    Some(Value::Tuple(t)) => t.iter().any(|p| p.as_str().is_some_and(test)),
                    _ => {
                        return Err(self.type_error(&format!(
                            "{name} first arg must be str or a tuple of str"
                        )))
                    }
                };
                Ok(Some(Value::Bool(r)))
            }
            "find" | "rfind" | "index" | "rindex" => {
                let Some(sub) = sarg(self, 0)? else {
                    return Err(self.type_error("must be str"));
                };
                let found = if name.starts_with('r') {
                    s.rfind(&*sub)
                } else {
                    s.find(&*sub)
                };
                match found {
                    Some(b) => Ok(Some(Value::Int(s[..b].chars().count() as i64))),
                    None if name.contains("find") => Ok(Some(Value::Int(-1))),
                    None => Err(self.value_error("substring not found")),
                }
            }
            "count" => {
                let Some(sub) = sarg(self, 0)? else {
                    return Err(self.type_error("must be str"));
                };
                let n = if sub.is_empty() {
                    s.chars().count() + 1
                } else {
                    s.matches(&*sub).count()
                };
                Ok(Some(Value::Int(n as i64)))
            }
            "format" => self
                .str_format(s, args, kwargs)
                .map(|r| Some(Value::Str(r.into()))),
            "center" | "ljust" | "rjust" => {
                let width =
                    int_arg(self, args.first().unwrap_or(&Value::Int(0)), "width")?.max(0) as usize;
                self.check_text(width)?;
                let fill = match sarg(self, 1)? {
                    Some(f) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
                    Some(_) => {
                        return Err(self
                            .type_error("The fill character must be exactly one character long"))
                    }
                    None => ' ',
                };
                let n = s.chars().count();
                if width <= n {
                    return text(s.to_string());
                }
                let pad = width - n;
                let (left, right) = match name {
                    "ljust" => (0, pad),
                    "rjust" => (pad, 0),
                    // CPython puts the odd space on the left when the width is odd... on the right otherwise.
                    _ => {
                        let left = pad / 2 + (pad & width & 1);
                        (left, pad - left)
                    }
                };
                let f = fill.to_string();
                text(format!("{}{s}{}", f.repeat(left), f.repeat(right)))
            }
            "zfill" => {
                let width =
                    int_arg(self, args.first().unwrap_or(&Value::Int(0)), "width")?.max(0) as usize;
                self.check_text(width)?;
                let n = s.chars().count();
                if width <= n {
                    return text(s.to_string());
                }
                let (sign, digits) = match s.chars().next() {
                    Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
                    _ => (String::new(), &s[..]),
                };
                text(format!("{sign}{}{digits}", "0".repeat(width - n)))
            }
            "isdigit" | "isnumeric" | "isdecimal" => Ok(Some(Value::Bool(
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_digit() || (name != "isdecimal" && c.is_numeric())),
            ))),
            "isalpha" => Ok(Some(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_alphabetic),
            ))),
            "isalnum" => Ok(Some(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_alphanumeric),
            ))),
            "isspace" => Ok(Some(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_whitespace),
            ))),
            "isupper" => Ok(Some(Value::Bool(
                s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase),
            ))),
            "islower" => Ok(Some(Value::Bool(
                s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_uppercase),
            ))),
            "isidentifier" => Ok(Some(Value::Bool(
                s.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
                    && s.chars().all(|c| c.is_alphanumeric() || c == '_'),
            ))),
            "splitlines" => Ok(Some(strs(s.lines().collect()))),
            "partition" | "rpartition" => {
                let Some(sep) = sarg(self, 0)? else {
                    return Err(self.type_error("must be str"));
                };
                let found = if name == "partition" {
                    s.find(&*sep)
                } else {
                    s.rfind(&*sep)
                };
                let parts = match found {
                    Some(i) => vec![&s[..i], &sep[..], &s[i + sep.len()..]],
                    None if name == "partition" => vec![&s[..], "", ""],
                    None => vec!["", "", &s[..]],
                };
                Ok(Some(Value::tuple(
                    parts.into_iter().map(Value::str).collect(),
                )))
            }
            "removeprefix" => {
                let p = sarg(self, 0)?.unwrap_or_else(|| "".into());
                text(s.strip_prefix(&*p).unwrap_or(s).to_string())
            }
            "removesuffix" => {
                let p = sarg(self, 0)?.unwrap_or_else(|| "".into());
                text(s.strip_suffix(&*p).unwrap_or(s).to_string())
            }
            "expandtabs" => {
                let size = match args.first() {
                    Some(v) => int_arg(self, v, "tabsize")?.max(0) as usize,
                    None => 8,
                };
                let mut out = String::new();
                let mut col = 0;
                for c in s.chars() {
                    match c {
                        '\t' => {
                            let pad = if size == 0 { 0 } else { size - col % size };
                            out.extend(std::iter::repeat_n(' ', pad));
                            col += pad;
                        }
                        '\n' | '\r' => {
                            out.push(c);
                            col = 0;
                        }
                        c => {
                            out.push(c);
                            col += 1;
                        }
                    }
                }
                self.check_text(out.len())?;
                text(out)
            }
            "translate" => {
                let table = args.first().cloned().unwrap_or_default();
                let mut out = String::new();
                for c in s.chars() {
                    match self.getitem(&table, &Value::Int(c as i64)) {
                        Ok(Value::None) => {}
                        Ok(Value::Str(r)) => out.push_str(&r),
                        Ok(Value::Int(i)) => out.push(char::from_u32(i as u32).unwrap_or(c)),
                        Ok(_) => {
                            return Err(self
                                .type_error("character mapping must return integer, None or str"))
                        }
                        Err(_) => out.push(c),
                    }
                }
                text(out)
            }
            _ => Ok(None),
        }
    }

    /// `"{} and {name:>5}".format(...)`.
    fn str_format(&mut self, s: &str, args: &[Value], kwargs: &Kwargs) -> R<String> {
        let mut out = String::new();
        let mut auto = 0usize;
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' && chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            if c == '}' && chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            if c != '{' {
                out.push(c);
                i += 1;
                continue;
            }
            let close = chars[i..].iter().position(|&c| c == '}').map(|p| p + i);
            let Some(close) = close else {
                return Err(self.value_error("Single '{' encountered in format string"));
            };
            let field: String = chars[i + 1..close].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(p) => (&field[..p], &field[p + 1..]),
                None => (&field[..], ""),
            };
            let (head, conv) = match head.find('!') {
                Some(p) => (&head[..p], head[p + 1..].chars().next()),
                None => (head, None),
            };
            let name_end = head.find(['.', '[']).unwrap_or(head.len());
            let (name, rest) = head.split_at(name_end);
            let mut v = if name.is_empty() {
                let v = args.get(auto).cloned();
                auto += 1;
                v.ok_or_else(|| {
                    self.new_exc(
                        &self.types.index_error.clone(),
                        &format!(
                            "Replacement index {} out of range for positional args tuple",
                            auto - 1
                        ),
                    )
                })?
            } else if let Ok(n) = name.parse::<usize>() {
                args.get(n).cloned().ok_or_else(|| {
                    self.new_exc(
                        &self.types.index_error.clone(),
                        &format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?
            } else {
                kwarg(kwargs, name).cloned().ok_or_else(|| {
                    self.exc_with_args(&self.types.key_error.clone(), vec![Value::str(name)])
                })?
            };
            for part in rest.split_inclusive(['.', '[']).filter(|p| !p.is_empty()) {
                let part = part.trim_end_matches(['.', '[']);
                if part.is_empty() {
                    continue;
                }
                if let Some(idx) = part.strip_suffix(']') {
                    let key = idx
                        .parse::<i64>()
                        .map(Value::Int)
                        .unwrap_or_else(|_| Value::str(idx));
                    v = self.getitem(&v, &key)?;
                } else {
                    v = self.getattr(&v, part)?;
                }
            }
            let conversion = match conv {
                Some('r') => 2,
                Some('s') => 1,
                Some('a') => 3,
                _ => 0,
            };
            let formatted = self.format_value(&v, conversion, &Value::str(spec))?;
            out.push_str(formatted.as_str().unwrap_or(""));
            i = close + 1;
        }
        Ok(out)
    }
}

/// `s.split(None, n)`: at most `n` splits on runs of whitespace.
fn split_whitespace_n(s: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if out.len() == n {
            out.push(rest);
            break;
        }
        match rest.find(char::is_whitespace) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start();
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}
