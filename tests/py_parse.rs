#![cfg(not(target_arch = "wasm32"))]
//! The Python parser: precedence, every statement, f-strings, positions, indentation,
//! refusals and syntax errors (message and place), realistic programs, and junk input
//! that must never panic.
//!
//! Trees are compared as text: `show` prints an expression fully parenthesized and
//! `dump` prints statements one per line, indented by block.

use looplab::py::ast::{Constant, Expr, ExprKind, FPart, Module, Params, Pos, Stmt, StmtKind};
use looplab::py::parser::parse;

// ---------------------------------------------------------------- printing trees

fn show(e: &Expr) -> String {
    let list = |es: &[Expr]| es.iter().map(show).collect::<Vec<_>>().join(", ");
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Constant(c) => match c {
            Constant::None => "None".into(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            Constant::Int(i) => i.to_string(),
            Constant::Float(f) => format!("{f:?}"),
            Constant::Str(s) => format!("{s:?}"),
            Constant::Ellipsis => "...".into(),
        },
        ExprKind::FString(parts) => format!("f<{}>", show_parts(parts)),
        ExprKind::List(es) => format!("[{}]", list(es)),
        ExprKind::Tuple(es) if es.len() == 1 => format!("({},)", show(&es[0])),
        ExprKind::Tuple(es) => format!("({})", list(es)),
        ExprKind::Set(es) => format!("{{{}}}", list(es)),
        ExprKind::Dict(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|(k, v)| match k {
                    Some(k) => format!("{}: {}", show(k), show(v)),
                    None => format!("**{}", show(v)),
                })
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        ExprKind::Starred(v) => format!("*{}", show(v)),
        ExprKind::Attribute { value, attr } => format!("{}.{attr}", show(value)),
        ExprKind::Subscript { value, index } => format!("{}[{}]", show(value), show(index)),
        ExprKind::Slice { lower, upper, step } => {
            let part = |p: &Option<Box<Expr>>| p.as_ref().map_or(String::new(), |e| show(e));
            format!("{}:{}:{}", part(lower), part(upper), part(step))
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let mut all: Vec<String> = args.iter().map(show).collect();
            for k in keywords {
                all.push(match &k.name {
                    Some(n) => format!("{n}={}", show(&k.value)),
                    None => format!("**{}", show(&k.value)),
                });
            }
            format!("{}({})", show(func), all.join(", "))
        }
        ExprKind::BinOp { left, op, right } => {
            format!("({} {} {})", show(left), bin_op(*op), show(right))
        }
        ExprKind::UnaryOp { op, operand } => {
            let op = format!("{op:?}").to_lowercase();
            format!("({op} {})", show(operand))
        }
        ExprKind::BoolOp { op, values } => {
            let op = format!(" {} ", format!("{op:?}").to_lowercase());
            format!(
                "({})",
                values.iter().map(show).collect::<Vec<_>>().join(&op)
            )
        }
        ExprKind::Compare { left, ops } => {
            let mut s = format!("({}", show(left));
            for (op, e) in ops {
                s += &format!(" {op:?} {}", show(e));
            }
            s + ")"
        }
        ExprKind::IfExp { test, body, orelse } => {
            format!("({} if {} else {})", show(body), show(test), show(orelse))
        }
        ExprKind::Lambda { params, body } => {
            format!("(lambda {}: {})", show_params(params), show(body))
        }
        ExprKind::Await(v) => format!("(await {})", show(v)),
        ExprKind::Yield(None) => "(yield)".into(),
        ExprKind::Yield(Some(v)) => format!("(yield {})", show(v)),
        ExprKind::YieldFrom(v) => format!("(yield from {})", show(v)),
        ExprKind::ListComp { elt, generators } => format!("[{}{}]", show(elt), comps(generators)),
        ExprKind::SetComp { elt, generators } => format!("{{{}{}}}", show(elt), comps(generators)),
        ExprKind::GeneratorExp { elt, generators } => {
            format!("({}{})", show(elt), comps(generators))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            format!("{{{}: {}{}}}", show(key), show(value), comps(generators))
        }
        ExprKind::NamedExpr { target, value } => format!("({target} := {})", show(value)),
    }
}

fn bin_op(op: looplab::py::ast::BinOp) -> &'static str {
    use looplab::py::ast::BinOp::*;
    match op {
        Add => "+",
        Sub => "-",
        Mult => "*",
        MatMult => "@",
        Div => "/",
        FloorDiv => "//",
        Mod => "%",
        Pow => "**",
        LShift => "<<",
        RShift => ">>",
        BitOr => "|",
        BitXor => "^",
        BitAnd => "&",
    }
}

fn comps(generators: &[looplab::py::ast::Comprehension]) -> String {
    let mut s = String::new();
    for g in generators {
        let kw = if g.is_async { " async for " } else { " for " };
        s += &format!("{kw}{} in {}", show(&g.target), show(&g.iter));
        for c in &g.ifs {
            s += &format!(" if {}", show(c));
        }
    }
    s
}

fn show_parts(parts: &[FPart]) -> String {
    let mut s = String::new();
    for p in parts {
        match p {
            FPart::Literal(t) => s += &format!("{t:?}"),
            FPart::Value {
                value,
                conversion,
                spec,
                debug,
            } => {
                s += "{";
                if let Some(d) = debug {
                    s += &format!("debug {d:?} ");
                }
                s += &show(value);
                if let Some(c) = conversion {
                    s += &format!("!{c}");
                }
                if !spec.is_empty() {
                    s += &format!(":{}", show_parts(spec));
                }
                s += "}";
            }
        }
    }
    s
}

fn show_params(p: &Params) -> String {
    let one = |p: &looplab::py::ast::Param| match &p.default {
        Some(d) => format!("{}={}", p.name, show(d)),
        None => p.name.clone(),
    };
    let mut all: Vec<String> = p.posonly.iter().map(one).collect();
    if !p.posonly.is_empty() {
        all.push("/".into());
    }
    all.extend(p.args.iter().map(one));
    match &p.vararg {
        Some(v) => all.push(format!("*{}", v.name)),
        None if !p.kwonly.is_empty() => all.push("*".into()),
        None => {}
    }
    all.extend(p.kwonly.iter().map(one));
    if let Some(k) = &p.kwarg {
        all.push(format!("**{}", k.name));
    }
    all.join(", ")
}

fn dump_body(body: &[Stmt], indent: usize, out: &mut String) {
    for s in body {
        dump_stmt(s, indent, out);
    }
}

fn dump_stmt(s: &Stmt, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent);
    let mut line = |text: String| *out += &format!("{pad}{text}\n");
    let block = |header: String, body: &[Stmt], out: &mut String| {
        *out += &format!("{pad}{header}\n");
        dump_body(body, indent + 1, out);
    };
    let names = |aliases: &[looplab::py::ast::Alias]| {
        let one = |a: &looplab::py::ast::Alias| match &a.asname {
            Some(n) => format!("{} as {n}", a.name),
            None => a.name.clone(),
        };
        aliases.iter().map(one).collect::<Vec<_>>().join(", ")
    };
    match &s.kind {
        StmtKind::Expr(e) => line(show(e)),
        StmtKind::Assign { targets, value } => {
            let targets: Vec<String> = targets.iter().map(show).collect();
            line(format!("{} = {}", targets.join(" = "), show(value)))
        }
        StmtKind::AugAssign { target, op, value } => {
            line(format!("{} {}= {}", show(target), bin_op(*op), show(value)))
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            let value = value
                .as_ref()
                .map_or(String::new(), |v| format!(" = {}", show(v)));
            line(format!("{}: {}{value}", show(target), show(annotation)))
        }
        StmtKind::FunctionDef(f) => {
            for d in &f.decorators {
                line(format!("@{}", show(d)));
            }
            let kw = if f.is_async { "async def" } else { "def" };
            block(
                format!("{kw} {}({}):", f.name, show_params(&f.params)),
                &f.body,
                out,
            )
        }
        StmtKind::ClassDef(c) => {
            for d in &c.decorators {
                line(format!("@{}", show(d)));
            }
            let mut args: Vec<String> = c.bases.iter().map(show).collect();
            for k in &c.keywords {
                args.push(format!(
                    "{}={}",
                    k.name.clone().unwrap_or_default(),
                    show(&k.value)
                ));
            }
            block(
                format!("class {}({}):", c.name, args.join(", ")),
                &c.body,
                out,
            )
        }
        StmtKind::Return(None) => line("return".into()),
        StmtKind::Return(Some(v)) => line(format!("return {}", show(v))),
        StmtKind::If { test, body, orelse } => {
            block(format!("if {}:", show(test)), body, out);
            if !orelse.is_empty() {
                block("else:".into(), orelse, out);
            }
        }
        StmtKind::While { test, body, orelse } => {
            block(format!("while {}:", show(test)), body, out);
            if !orelse.is_empty() {
                block("else:".into(), orelse, out);
            }
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        } => {
            let kw = if *is_async { "async for" } else { "for" };
            block(
                format!("{kw} {} in {}:", show(target), show(iter)),
                body,
                out,
            );
            if !orelse.is_empty() {
                block("else:".into(), orelse, out);
            }
        }
        StmtKind::With {
            items,
            body,
            is_async,
        } => {
            let items: Vec<String> = items
                .iter()
                .map(|i| match &i.var {
                    Some(v) => format!("{} as {}", show(&i.context), show(v)),
                    None => show(&i.context),
                })
                .collect();
            let kw = if *is_async { "async with" } else { "with" };
            block(format!("{kw} {}:", items.join(", ")), body, out)
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            star,
        } => {
            block("try:".into(), body, out);
            let kw = if *star { "except*" } else { "except" };
            for h in handlers {
                let typ = h
                    .typ
                    .as_ref()
                    .map_or(String::new(), |t| format!(" {}", show(t)));
                let name = h
                    .name
                    .as_ref()
                    .map_or(String::new(), |n| format!(" as {n}"));
                block(format!("{kw}{typ}{name}:"), &h.body, out);
            }
            if !orelse.is_empty() {
                block("else:".into(), orelse, out);
            }
            if !finalbody.is_empty() {
                block("finally:".into(), finalbody, out);
            }
        }
        StmtKind::Raise { exc, cause } => {
            let mut s = "raise".to_string();
            if let Some(e) = exc {
                s += &format!(" {}", show(e));
            }
            if let Some(c) = cause {
                s += &format!(" from {}", show(c));
            }
            line(s)
        }
        StmtKind::Assert { test, msg } => {
            let msg = msg
                .as_ref()
                .map_or(String::new(), |m| format!(", {}", show(m)));
            line(format!("assert {}{msg}", show(test)))
        }
        StmtKind::Import(aliases) => line(format!("import {}", names(aliases))),
        StmtKind::ImportFrom {
            module,
            names: aliases,
        } => line(format!("from {module} import {}", names(aliases))),
        StmtKind::Global(n) => line(format!("global {}", n.join(", "))),
        StmtKind::Nonlocal(n) => line(format!("nonlocal {}", n.join(", "))),
        StmtKind::Delete(ts) => line(format!(
            "del {}",
            ts.iter().map(show).collect::<Vec<_>>().join(", ")
        )),
        StmtKind::Pass => line("pass".into()),
        StmtKind::Break => line("break".into()),
        StmtKind::Continue => line("continue".into()),
    }
}

fn module(src: &str) -> Module {
    parse(src).unwrap_or_else(|e| panic!("{src:?} should parse, got {e}"))
}

/// The program's statements, one per line.
fn dump(src: &str) -> String {
    let mut out = String::new();
    dump_body(&module(src).body, 0, &mut out);
    out
}

/// A single expression statement's expression.
fn expr(src: &str) -> Expr {
    match module(src).body.into_iter().next().map(|s| s.kind) {
        Some(StmtKind::Expr(e)) => e,
        other => panic!("{src:?} is not an expression statement: {other:?}"),
    }
}

fn e(src: &str) -> String {
    show(&expr(src))
}

/// The error as `line:col: message`.
fn err(src: &str) -> String {
    match parse(src) {
        Ok(m) => panic!("{src:?} should not parse, got {m:?}"),
        Err(e) => e.to_string(),
    }
}

fn pos(line: u32, col: u32) -> Pos {
    Pos { line, col }
}

// ---------------------------------------------------------------- precedence

#[test]
fn power_binds_tighter_than_unary_minus() {
    assert_eq!(e("-2**2"), "(neg (2 ** 2))");
    assert_eq!(e("2**-1"), "(2 ** (neg 1))");
    assert_eq!(e("-x**-y**z"), "(neg (x ** (neg (y ** z))))");
}

#[test]
fn power_is_right_associative() {
    assert_eq!(e("a ** b ** c"), "(a ** (b ** c))");
}

#[test]
fn arithmetic_operators_follow_python_precedence() {
    assert_eq!(e("a + b * c - d / e"), "((a + (b * c)) - (d / e))");
    assert_eq!(e("a - b - c"), "((a - b) - c)");
    assert_eq!(e("a // b % c @ d"), "(((a // b) % c) @ d)");
    assert_eq!(
        e("a | b ^ c & d << e + f"),
        "(a | (b ^ (c & (d << (e + f)))))"
    );
    assert_eq!(e("a >> b << c"), "((a >> b) << c)");
    assert_eq!(e("~a + -b * +c"), "((invert a) + ((neg b) * (pos c)))");
}

#[test]
fn comparisons_chain_into_one_node() {
    assert_eq!(e("a < b <= c == d"), "(a Lt b LtE c Eq d)");
    assert_eq!(
        e("a not in b is not c in d is e != f > g >= h"),
        "(a NotIn b IsNot c In d Is e NotEq f Gt g GtE h)"
    );
    assert_eq!(e("a | b < c + d"), "((a | b) Lt (c + d))");
}

#[test]
fn boolean_operators_bind_looser_than_not_and_comparisons() {
    assert_eq!(
        e("a or b and not c == d or e"),
        "(a or (b and (not (c Eq d))) or e)"
    );
    assert_eq!(e("not not a"), "(not (not a))");
}

#[test]
fn conditional_expression_binds_loosest_and_nests_to_the_right() {
    assert_eq!(
        e("a if b or c else d if e else f"),
        "(a if (b or c) else (d if e else f))"
    );
    assert_eq!(e("lambda x: x if x else y"), "(lambda x: (x if x else y))");
}

#[test]
fn lambda_takes_every_kind_of_parameter() {
    assert_eq!(e("lambda: 0"), "(lambda : 0)");
    assert_eq!(
        e("lambda a, b=1, *c, d, **e: a"),
        "(lambda a, b=1, *c, d, **e: a)"
    );
    assert_eq!(e("lambda *, k=2: k"), "(lambda *, k=2: k)");
}

#[test]
fn await_binds_like_a_primary() {
    assert_eq!(e("await x ** 2"), "((await x) ** 2)");
    assert_eq!(e("-await f(x).y"), "(neg (await f(x).y))");
    assert_eq!(e("await a + await b"), "((await a) + (await b))");
}

#[test]
fn walrus_is_allowed_in_conditions_calls_and_parentheses() {
    assert_eq!(
        dump("if (n := len(a)) > 10: pass"),
        "if ((n := len(a)) Gt 10):\n  pass\n"
    );
    assert_eq!(
        dump("while chunk := read():\n    pass"),
        "while (chunk := read()):\n  pass\n"
    );
    assert_eq!(e("f(y := 2)"), "f((y := 2))");
    assert_eq!(e("[y := 1, y]"), "[(y := 1), y]");
}

#[test]
fn primaries_chain_calls_attributes_and_subscripts() {
    assert_eq!(e("a.b(c)[d].e()"), "a.b(c)[d].e()");
    assert_eq!(e("f(a, *b, c=1, **d)"), "f(a, *b, c=1, **d)");
    assert_eq!(e("f(a)(b)"), "f(a)(b)");
    assert_eq!(e("f(x,)"), "f(x)");
}

#[test]
fn a_sole_generator_argument_needs_no_parentheses() {
    assert_eq!(e("sum(x * x for x in y)"), "sum(((x * x) for x in y))");
    assert_eq!(e("f((x for x in y), 1)"), "f((x for x in y), 1)");
}

#[test]
fn subscripts_take_slices_and_tuples() {
    assert_eq!(e("a[1:2]"), "a[1:2:]");
    assert_eq!(e("a[::2]"), "a[::2]");
    assert_eq!(e("a[:]"), "a[::]");
    assert_eq!(e("a[x+1:]"), "a[(x + 1)::]");
    assert_eq!(e("a[:, 1]"), "a[(::, 1)]");
    assert_eq!(e("d[1, 2]"), "d[(1, 2)]");
    assert_eq!(e("d[1,]"), "d[(1,)]");
    assert_eq!(e("d[*a]"), "d[*a]");
}

#[test]
fn atoms_cover_every_constant() {
    assert_eq!(e("None, True, False, ..."), "(None, True, False, ...)");
    assert_eq!(e("1_000, 0x_ff, 0o17, 0b101, 0"), "(1000, 255, 15, 5, 0)");
    assert_eq!(
        e("1.5, .5, 1e-3, 1_000.0, 2., 1E3"),
        "(1.5, 0.5, 0.001, 1000.0, 2.0, 1000.0)"
    );
    assert_eq!(e("9223372036854775807"), "9223372036854775807");
}

#[test]
fn tuples_need_a_comma_and_parentheses_only_group() {
    assert_eq!(e("()"), "()");
    assert_eq!(e("(1,)"), "(1,)");
    assert_eq!(e("(1)"), "1");
    assert_eq!(e("1, 2"), "(1, 2)");
    assert_eq!(e("1,"), "(1,)");
    assert_eq!(e("(a, *b)"), "(a, *b)");
}

#[test]
fn displays_and_comprehensions() {
    assert_eq!(e("[1, *a, 2,]"), "[1, *a, 2]");
    assert_eq!(e("{}"), "{}");
    assert_eq!(e("{1: 2, **d, 'k': v}"), "{1: 2, **d, \"k\": v}");
    assert_eq!(e("{1, *s}"), "{1, *s}");
    assert_eq!(
        e("[x for x in a if x if y for z in x]"),
        "[x for x in a if x if y for z in x]"
    );
    assert_eq!(
        e("{k: v for k, v in d.items()}"),
        "{k: v for (k, v) in d.items()}"
    );
    assert_eq!(e("{x for x in s}"), "{x for x in s}");
    assert_eq!(e("(x async for x in g)"), "(x async for x in g)");
    assert_eq!(e("[await x for x in c]"), "[(await x) for x in c]");
}

#[test]
fn yield_forms() {
    assert_eq!(dump("def g():\n    yield\n    yield 1, 2\n    x = yield\n    y = yield from z\n    await (yield)"),
        "def g():\n  (yield)\n  (yield (1, 2))\n  x = (yield)\n  y = (yield from z)\n  (await (yield))\n");
}

// ---------------------------------------------------------------- statements

#[test]
fn assignments_of_every_shape() {
    let src = "a = b = 1\na, b = b, a\nfirst, *rest = items\nx.y = d[k] = 0\n[p, q] = (r, s) = t\nx = 1, 2\nx = *a, b";
    assert_eq!(
        dump(src),
        "a = b = 1\n(a, b) = (b, a)\n(first, *rest) = items\nx.y = d[k] = 0\n[p, q] = (r, s) = t\nx = (1, 2)\nx = (*a, b)\n"
    );
}

#[test]
fn augmented_assignment_takes_every_operator() {
    let ops = [
        "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&",
    ];
    for op in ops {
        assert_eq!(dump(&format!("x.a {op}= 2")), format!("x.a {op}= 2\n"));
    }
    assert_eq!(dump("d[k] += yield"), "d[k] += (yield)\n");
}

#[test]
fn annotated_assignment_keeps_target_annotation_and_value() {
    assert_eq!(
        dump("x: int = 0\ny: list[int]\nself.z: str = 'a'"),
        "x: int = 0\ny: list[int]\nself.z: str = \"a\"\n"
    );
}

#[test]
fn function_definitions_read_every_parameter_kind() {
    let src =
        "async def f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kw: dict) -> int:\n    return a";
    assert_eq!(
        dump(src),
        "async def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n  return a\n"
    );
    assert_eq!(dump("def g(*, k): pass"), "def g(*, k):\n  pass\n");
    assert_eq!(dump("def h(): return"), "def h():\n  return\n");
}

#[test]
fn decorators_apply_outermost_first() {
    let src = "@a\n@b.c\n@d(1, k=2)\nasync def f(): pass\n@dataclass\nclass C: pass";
    assert_eq!(
        dump(src),
        "@a\n@b.c\n@d(1, k=2)\nasync def f():\n  pass\n@dataclass\nclass C():\n  pass\n"
    );
}

#[test]
fn classes_take_bases_and_keywords() {
    let src =
        "class A(B, C, metaclass=M):\n    x = 1\n    async def m(self):\n        await self.n()";
    assert_eq!(
        dump(src),
        "class A(B, C, metaclass=M):\n  x = 1\n  async def m(self):\n    (await self.n())\n"
    );
}

#[test]
fn elif_becomes_an_if_nested_in_orelse() {
    let src = "if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w";
    assert_eq!(
        dump(src),
        "if a:\n  x\nelse:\n  if b:\n    y\n  else:\n    if c:\n      z\n    else:\n      w\n"
    );
    let m = module(src);
    let StmtKind::If { orelse, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(orelse[0].pos, pos(3, 1));
}

#[test]
fn loops_with_else_and_async_for() {
    let src = "while x:\n    break\nelse:\n    pass\nfor a, b in pairs:\n    continue\nelse:\n    pass\nasync def f():\n    async for i in aiter():\n        pass";
    assert_eq!(
        dump(src),
        "while x:\n  break\nelse:\n  pass\nfor (a, b) in pairs:\n  continue\nelse:\n  pass\nasync def f():\n  async for i in aiter():\n    pass\n"
    );
    assert_eq!(dump("for x, in y: pass"), "for (x,) in y:\n  pass\n");
    assert_eq!(dump("for x in 1, 2: pass"), "for x in (1, 2):\n  pass\n");
}

#[test]
fn with_takes_several_items_with_or_without_parentheses() {
    assert_eq!(dump("with a as b, c: pass"), "with a as b, c:\n  pass\n");
    assert_eq!(
        dump("with (a as b, c as d,): pass"),
        "with a as b, c as d:\n  pass\n"
    );
    assert_eq!(dump("with (a, b): pass"), "with a, b:\n  pass\n");
    assert_eq!(
        dump("with (yield x) as y: pass"),
        "with (yield x) as y:\n  pass\n"
    );
    assert_eq!(
        dump("with (open(f)) as g: pass"),
        "with open(f) as g:\n  pass\n"
    );
    assert_eq!(
        dump("with a as (b, c): pass"),
        "with a as (b, c):\n  pass\n"
    );
    assert_eq!(
        dump("async def f():\n    async with lock: pass"),
        "async def f():\n  async with lock:\n    pass\n"
    );
}

#[test]
fn try_with_every_clause() {
    let src = "try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    raise\nelse:\n    d\nfinally:\n    f";
    assert_eq!(
        dump(src),
        "try:\n  a\nexcept (A, B) as e:\n  b\nexcept C:\n  c\nexcept:\n  raise\nelse:\n  d\nfinally:\n  f\n"
    );
    assert_eq!(
        dump("try:\n    a\nfinally:\n    f"),
        "try:\n  a\nfinally:\n  f\n"
    );
    assert_eq!(
        dump(
            "try:\n    a\nexcept* ValueError as eg:\n    b\nexcept* (KeyError, TypeError):\n    c"
        ),
        "try:\n  a\nexcept* ValueError as eg:\n  b\nexcept* (KeyError, TypeError):\n  c\n"
    );
}

#[test]
fn raise_assert_del_global_nonlocal_pass() {
    let src = "raise\nraise E\nraise E('m') from e\nassert x\nassert x, 'msg'\ndel a, b[0], c.d\ndel (x, y)\nglobal g, h\nnonlocal n\npass";
    assert_eq!(
        dump(src),
        "raise\nraise E\nraise E(\"m\") from e\nassert x\nassert x, \"msg\"\ndel a, b[0], c.d\ndel (x, y)\nglobal g, h\nnonlocal n\npass\n"
    );
}

#[test]
fn imports_plain_dotted_aliased_and_parenthesized() {
    let src = "import asyncio\nimport a.b as c, d\nfrom a.b import c as d, e\nfrom x import (a,\n    b,\n)";
    assert_eq!(
        dump(src),
        "import asyncio\nimport a.b as c, d\nfrom a.b import c as d, e\nfrom x import a, b\n"
    );
}

#[test]
fn simple_statements_share_a_line_with_semicolons_and_colons() {
    assert_eq!(
        dump("a = 1; b = 2;\nif x: y = 1; return y"),
        "a = 1\nb = 2\nif x:\n  y = 1\n  return y\n"
    );
}

#[test]
fn soft_keywords_stay_names() {
    assert_eq!(
        dump("match = 5\nmatch.group(1)\ntype(x)\ntype = 3\nprint(match, type)"),
        "match = 5\nmatch.group(1)\ntype(x)\ntype = 3\nprint(match, type)\n"
    );
}

// ---------------------------------------------------------------- strings and f-strings

#[test]
fn string_prefixes_and_escapes() {
    assert_eq!(
        e(r#"'a\n\t\\\'\"\x41\u00e9\U0001F600\101\0'"#),
        "\"a\\n\\t\\\\'\\\"Aé😀A\\0\""
    );
    assert_eq!(
        e(r#"r'\n\d' + R"\"" + u'x' + U"y""#),
        r#"((("\\n\\d" + "\\\"") + "x") + "y")"#
    );
    assert_eq!(
        e("'''a\n'b'\n''' + \"\"\"c\"\"\""),
        "(\"a\\n'b'\\n\" + \"c\")"
    );
    assert_eq!(e("'a\\\nb'"), "\"ab\"");
    assert_eq!(e(r"'\d\q'"), r#""\\d\\q""#);
}

#[test]
fn adjacent_strings_concatenate() {
    assert_eq!(e("'a' \"b\"\n"), "\"ab\"");
    assert_eq!(e("('a'\n 'b')"), "\"ab\"");
    assert_eq!(e("'a' f'{x}' 'c' F'd'"), "f<\"a\"{x}\"cd\">");
}

#[test]
fn fstrings_are_always_fstring_nodes() {
    assert_eq!(e("f''"), "f<>");
    assert_eq!(e("f'plain'"), "f<\"plain\">");
    assert_eq!(e("f'{{braces}}'"), "f<\"{braces}\">");
}

#[test]
fn fstring_fields_take_conversions_specs_and_nested_fields() {
    assert_eq!(
        e("f'a{x}b{y!r}c{z:>10}'"),
        "f<\"a\"{x}\"b\"{y!r}\"c\"{z:\">10\"}>"
    );
    assert_eq!(e("f'{v:{w}.{p}f}'"), "f<{v:{w}\".\"{p}\"f\"}>");
    assert_eq!(e("f'{x!s:^{n}}'"), "f<{x!s:\"^\"{n}}>");
    assert_eq!(e("f'{x:=5}'"), "f<{x:\"=5\"}>");
    assert_eq!(e("f'{x:%H:%M}'"), "f<{x:\"%H:%M\"}>");
}

#[test]
fn fstring_debug_keeps_the_text_as_written() {
    assert_eq!(e("f'{x=}'"), "f<{debug \"x=\" x}>");
    assert_eq!(e("f'{ x = }'"), "f<{debug \" x = \" x}>");
    assert_eq!(e("f'{a.b=!r:>5}'"), "f<{debug \"a.b=\" a.b!r:\">5\"}>");
    assert_eq!(
        e("f'{a == b}{a != b}{a <= b}{a >= b}'"),
        "f<{(a Eq b)}{(a NotEq b)}{(a LtE b)}{(a GtE b)}>"
    );
}

#[test]
fn fstring_expressions_hold_strings_brackets_and_colons() {
    assert_eq!(e("f\"{d['a']}\""), "f<{d[\"a\"]}>");
    assert_eq!(e("f'{x[1:2]}'"), "f<{x[1:2:]}>");
    assert_eq!(e("f'{ {\"k\": 1}[\"k\"] }'"), "f<{{\"k\": 1}[\"k\"]}>");
    assert_eq!(e("f'{f(a, b=1)}{a, b}'"), "f<{f(a, b=1)}{(a, b)}>");
    assert_eq!(e("f'''{'''a'''}'''"), "f<{\"a\"}>");
    assert_eq!(e("f'''{x +\n y}'''"), "f<{(x + y)}>");
    assert_eq!(e("f'{f\"{x}\"}'"), "f<{f<{x}>}>");
}

#[test]
fn fstring_literals_decode_escapes_unless_raw() {
    assert_eq!(e(r"f'\t{x}\n'"), "f<\"\\t\"{x}\"\\n\">");
    assert_eq!(e(r"rf'\d{x}' fr'\n'"), "f<\"\\\\d\"{x}\"\\\\n\">");
    assert_eq!(e(r"f'\\{x}'"), "f<\"\\\\\"{x}>");
}

#[test]
fn fstring_field_positions_point_into_the_program() {
    let x = expr("print(f'ab{x}',\n      f'''\n{ yy }''')");
    let ExprKind::Call { args, .. } = x.kind else {
        panic!()
    };
    let at = |e: &Expr| match &e.kind {
        ExprKind::FString(parts) => parts.iter().find_map(|p| match p {
            FPart::Value { value, .. } => Some(value.pos),
            FPart::Literal(_) => None,
        }),
        _ => None,
    };
    assert_eq!(at(&args[0]), Some(pos(1, 12)));
    assert_eq!(at(&args[1]), Some(pos(3, 3)));
}

#[test]
fn fstring_fields_may_hold_the_same_quotes_as_in_python_3_12() {
    assert_eq!(e("f\"{d[\"k\"]}\""), "f<{d[\"k\"]}>");
    assert_eq!(
        e("f'{\", \".join(f'{x!r}' for x in xs)}'"),
        "f<{\", \".join((f<{x!r}> for x in xs))}>"
    );
}

// ---------------------------------------------------------------- positions

#[test]
fn statements_start_at_their_first_token() {
    let m = module("x = 1\nif x:\n    y = 2; z = 3\n\n@dec\nasync def f():\n    pass");
    let at: Vec<Pos> = m.body.iter().map(|s| s.pos).collect();
    assert_eq!(at, [pos(1, 1), pos(2, 1), pos(5, 1)]);
    let StmtKind::If { body, .. } = &m.body[1].kind else {
        panic!()
    };
    assert_eq!((body[0].pos, body[1].pos), (pos(3, 5), pos(3, 12)));
    let StmtKind::FunctionDef(f) = &m.body[2].kind else {
        panic!()
    };
    assert_eq!(
        f.pos,
        pos(6, 1),
        "a function's own position is its `def` (or `async`)"
    );
}

#[test]
fn a_call_starts_where_its_callee_does() {
    let m = module("x = (a).b(c)");
    let StmtKind::Assign { value: call, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(call.pos, pos(1, 5));
    let ExprKind::Call { func, args, .. } = &call.kind else {
        panic!()
    };
    assert_eq!((func.pos, args[0].pos), (pos(1, 5), pos(1, 11)));
    let ExprKind::Attribute { value, .. } = &func.kind else {
        panic!()
    };
    assert_eq!(
        value.pos,
        pos(1, 6),
        "a parenthesized expression keeps its own position"
    );
}

#[test]
fn operator_nodes_start_at_their_left_operand() {
    let x = expr("a + b * c");
    let ExprKind::BinOp { right, .. } = &x.kind else {
        panic!()
    };
    assert_eq!((x.pos, right.pos), (pos(1, 1), pos(1, 5)));
    assert_eq!(expr("-x").pos, pos(1, 1));
    assert_eq!(expr("x if c else y").pos, pos(1, 1));
    let t = expr("f(1,\n  2)");
    let ExprKind::Call { args, .. } = &t.kind else {
        panic!()
    };
    assert_eq!(args[1].pos, pos(2, 3));
}

#[test]
fn columns_count_characters_not_bytes() {
    let m = module("s = 'héllo'; t = 1\nπ = 3");
    assert_eq!(m.body[1].pos, pos(1, 14));
    assert_eq!(m.body[2].pos, pos(2, 1));
}

#[test]
fn keyword_arguments_and_parameters_have_positions() {
    let ExprKind::Call { keywords, .. } = expr("f(a, k=1, **d)").kind else {
        panic!()
    };
    assert_eq!((keywords[0].pos, keywords[1].pos), (pos(1, 6), pos(1, 11)));
    let m = module("def f(a, b=2): pass");
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(
        (f.params.args[0].pos, f.params.args[1].pos),
        (pos(1, 7), pos(1, 10))
    );
}

// ---------------------------------------------------------------- lines and indentation

#[test]
fn brackets_join_lines_and_backslashes_continue_them() {
    assert_eq!(
        dump("x = (1 +\n     2)\ny = [\n  1,\n    2,\n]\nz = 1 + \\\n    2"),
        "x = (1 + 2)\ny = [1, 2]\nz = (1 + 2)\n"
    );
}

#[test]
fn blank_lines_and_comments_do_not_affect_indentation() {
    let src = "# top\ndef f():\n\n    # a comment at any depth\n  # another\n    x = 1  # trailing\n\n\n    return x\n# end";
    assert_eq!(dump(src), "def f():\n  x = 1\n  return x\n");
}

#[test]
fn dedent_closes_several_blocks_at_once() {
    let src = "if a:\n    if b:\n        if c:\n            x\ny";
    assert_eq!(dump(src), "if a:\n  if b:\n    if c:\n      x\ny\n");
}

#[test]
fn tabs_advance_to_the_next_multiple_of_eight() {
    assert_eq!(dump("if a:\n\tx\n\ty"), "if a:\n  x\n  y\n");
    assert_eq!(
        dump("if a:\n\tif b:\n\t\tx\n\ty"),
        "if a:\n  if b:\n    x\n  y\n"
    );
}

#[test]
fn crlf_line_endings_and_a_missing_final_newline_are_fine() {
    assert_eq!(dump("if a:\r\n    x = 1\r\n"), "if a:\n  x = 1\n");
    assert_eq!(dump("if a:\n    x"), "if a:\n  x\n");
    assert_eq!(dump(""), "");
    assert_eq!(dump("\n\n   \n# only a comment"), "");
}

#[test]
fn indentation_errors_say_what_is_wrong_and_where() {
    assert_eq!(err("x = 1\n    y = 2"), "2:5: unexpected indent");
    assert_eq!(
        err("if x:\n  a\n b"),
        "3:2: unindent does not match any outer indentation level"
    );
    assert_eq!(
        err("if True:\npass"),
        "2:1: expected an indented block after 'if' statement on line 1"
    );
    assert_eq!(
        err("class A:\n    def f(self):\n    pass"),
        "3:5: expected an indented block after function definition on line 2"
    );
    assert_eq!(
        err("for x in y:\n# c\n\nz"),
        "4:1: expected an indented block after 'for' statement on line 1"
    );
    assert_eq!(
        err("try:\n  a\nexcept* E:\nb"),
        "4:1: expected an indented block after 'except*' statement on line 3"
    );
    assert_eq!(
        err("while x:"),
        "1:9: expected an indented block after 'while' statement on line 1"
    );
    let tabs =
        "inconsistent use of tabs and spaces in indentation: indent with spaces only (4 per level)";
    assert_eq!(err("if x:\n\tpass\n        pass"), format!("3:9: {tabs}"));
    assert_eq!(err("if x:\n        a\n\tb"), format!("3:2: {tabs}"));
}

#[test]
fn blocks_nested_too_deeply_are_refused() {
    let mut src = String::new();
    for depth in 0..101 {
        src += &format!("{}if x:\n", " ".repeat(depth));
    }
    src += &format!("{}pass\n", " ".repeat(101));
    assert_eq!(err(&src), "102:102: blocks are nested too deeply (more than 100 levels): move some of the inner code into a function");
    let ok: String = (0..50)
        .map(|d| format!("{}if x:\n", " ".repeat(d)))
        .collect::<String>()
        + &" ".repeat(50)
        + "pass";
    assert!(parse(&ok).is_ok());
}

// ---------------------------------------------------------------- refusals

#[test]
fn constructs_outside_looplab_are_refused_with_what_to_write_instead() {
    let cases = [
        ("match x:\n    case 1: pass", "1:1: `match` is not supported yet: use if/elif"),
        ("match (x):\n    case 1: pass", "1:1: `match` is not supported yet: use if/elif"),
        ("x = 1j", "1:5: complex numbers are not supported: use a float or a pair of floats"),
        ("x = 2.5J", "1:5: complex numbers are not supported: use a float or a pair of floats"),
        ("x = b'abc'", "1:5: bytes are not supported: use a str"),
        ("x = Rb'abc'", "1:5: bytes are not supported: use a str"),
        ("type X = int", "1:1: `type X = ...` aliases are not supported: write a plain assignment `X = ...`"),
        ("type X[T] = list[T]", "1:1: `type X = ...` aliases are not supported: write a plain assignment `X = ...`"),
        ("def f[T](x): pass", "1:6: type parameters (`def f[T]`, `class C[T]`) are not supported: leave out the brackets"),
        ("class C[T]: pass", "1:8: type parameters (`def f[T]`, `class C[T]`) are not supported: leave out the brackets"),
        ("print 'hi'", "1:1: Missing parentheses in call to 'print'. Did you mean print(...)?"),
        ("print x", "1:1: Missing parentheses in call to 'print'. Did you mean print(...)?"),
        ("x = `y`", "1:5: backticks are not Python 3: write repr(x)"),
        ("if a <> b: pass", "1:6: '<>' is not Python 3: write '!='"),
        ("from . import x", "1:6: relative imports (`from . import x`) are not supported: a Looplab program is one file, so import modules by name (`from asyncio import sleep`)"),
        ("from asyncio import *", "1:21: `from asyncio import *` is not supported: name what you import (`from asyncio import a, b`) or write `import asyncio`"),
        ("x = 9223372036854775808", "1:5: this number is too large: Looplab's integers are 64-bit (up to 9223372036854775807)"),
        ("x = 0xffffffffffffffffff", "1:5: this number is too large: Looplab's integers are 64-bit (up to 9223372036854775807)"),
        ("s = '\\N{BULLET}'", "1:6: \\N{...} escapes are not supported: write the character itself"),
        ("s = f'\\N{BULLET}'", "1:7: \\N{...} escapes are not supported: write the character itself"),
    ];
    for (src, message) in cases {
        assert_eq!(err(src), message, "for {src:?}");
    }
}

#[test]
fn typographic_quotes_are_explained() {
    assert_eq!(
        err("print(“hi”)"),
        "1:7: invalid character '“' (U+201C): this is a typographic quote, probably pasted from a web page; use a plain \" or '"
    );
    assert_eq!(err("x = ‘a’"), "1:5: invalid character '‘' (U+2018): this is a typographic quote, probably pasted from a web page; use a plain \" or '");
    assert_eq!(err("x = 1 → 2"), "1:7: invalid character '→' (U+2192)");
    assert_eq!(
        err("x = 1\u{a0}+ 2"),
        "1:6: invalid non-printable character U+00A0"
    );
    assert_eq!(err("x = $"), "1:5: invalid syntax");
}

// ---------------------------------------------------------------- syntax errors

#[test]
fn unclosed_and_mismatched_brackets_point_at_the_bracket() {
    assert_eq!(
        err("print('a'\nprint('b')"),
        "1:6: this ( is never closed; add )"
    );
    assert_eq!(err("x = (1,\n[2"), "2:1: this [ is never closed; add ]");
    assert_eq!(err("d = {\n"), "1:5: this { is never closed; add }");
    assert_eq!(err("x = 1)"), "1:6: unmatched ')'");
    assert_eq!(
        err("f(a]"),
        "1:4: closing parenthesis ']' does not match opening parenthesis '('"
    );
}

#[test]
fn unterminated_strings_say_where_they_were_noticed() {
    assert_eq!(
        err("x = 'abc\ny = 1"),
        "1:5: unterminated string literal (detected at line 1)"
    );
    assert_eq!(
        err("x = f\"abc"),
        "1:5: unterminated string literal (detected at line 1)"
    );
    assert_eq!(
        err("x = \"\"\"abc\n\ny = 1\n"),
        "1:5: unterminated triple-quoted string literal (detected at line 4)"
    );
    assert_eq!(
        err("s = 'a\\x4'"),
        "1:7: truncated \\x escape: write exactly 2 hex digits after \\x"
    );
}

#[test]
fn statement_errors_match_cpython() {
    let cases = [
        ("if x\n    pass", "1:5: expected ':'"),
        ("if x = 1:\n    pass", "1:4: invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
        ("if x:\n    pass\nelse\n    pass", "3:5: expected ':'"),
        ("f(a b)", "1:3: invalid syntax. Perhaps you forgot a comma?"),
        ("[1, 2 3]", "1:5: invalid syntax. Perhaps you forgot a comma?"),
        ("x = 1 +", "1:8: invalid syntax"),
        ("a = = 1", "1:5: invalid syntax"),
        ("x := 1", "1:1: invalid syntax: write `x = ...` here (`x := ...` needs parentheses)"),
        ("try:\n    pass\n", "3:1: expected 'except' or 'finally' block"),
        ("try:\n  a\nexcept* A:\n  b\nexcept B:\n  c", "5:1: cannot have both 'except' and 'except*' on the same 'try'"),
        ("try:\n  a\nexcept:\n  b\nexcept* B:\n  c", "5:1: cannot have both 'except' and 'except*' on the same 'try'"),
        ("try:\n  a\nexcept*:\n  b", "3:8: expected one or more exception types"),
        ("try:\n  a\nexcept A, B:\n  b", "3:8: multiple exception types must be parenthesized"),
        ("x = a if b", "1:11: expected 'else' after 'if' expression"),
        ("@dec\nx = 1", "2:1: expected 'def' or 'class' after a decorator"),
        ("async x", "1:7: expected 'def', 'for' or 'with' after 'async'"),
        ("from x import a,", "1:17: trailing comma not allowed without surrounding parentheses"),
        ("for x in: pass", "1:9: invalid syntax"),
        ("def class(): pass", "1:5: 'class' is a keyword, so it cannot be used as a name"),
        ("else:\n    pass", "1:1: invalid syntax"),
        ("x = 0123", "1:5: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
        ("x = 1__0", "1:5: invalid decimal literal"),
        ("x = 1abc", "1:5: invalid decimal literal"),
        ("x = 0b12", "1:5: invalid binary literal"),
        ("x = 1 \\ 2", "1:7: unexpected character after line continuation character"),
    ];
    for (src, message) in cases {
        assert_eq!(err(src), message, "for {src:?}");
    }
}

#[test]
fn bad_targets_name_what_cannot_be_assigned() {
    let cases = [
        (
            "f() = 1",
            "1:1: cannot assign to function call here. Maybe you meant '==' instead of '='?",
        ),
        (
            "x = 1 = y",
            "1:5: cannot assign to literal here. Maybe you meant '==' instead of '='?",
        ),
        (
            "a + b = c",
            "1:1: cannot assign to expression here. Maybe you meant '==' instead of '='?",
        ),
        (
            "None = 1",
            "1:1: cannot assign to None here. Maybe you meant '==' instead of '='?",
        ),
        ("a, f() = x", "1:4: cannot assign to function call"),
        ("for f() in x: pass", "1:5: cannot assign to function call"),
        ("[x for f() in y]", "1:8: cannot assign to function call"),
        (
            "with a as f(): pass",
            "1:11: cannot assign to function call",
        ),
        ("del f()", "1:5: cannot delete function call"),
        ("del a, 1", "1:8: cannot delete literal"),
        (
            "f() += 1",
            "1:1: 'function call' is an illegal expression for augmented assignment",
        ),
        (
            "a, b += 1",
            "1:1: 'tuple' is an illegal expression for augmented assignment",
        ),
        (
            "a, b: int",
            "1:1: only single target (not tuple) can be annotated",
        ),
        ("f(): int", "1:1: illegal target for annotation"),
        (
            "*a = 1",
            "1:1: starred assignment target must be in a list or tuple",
        ),
        (
            "*a, *b = c",
            "1:5: multiple starred expressions in assignment",
        ),
        (
            "(a.b := 1)",
            "1:2: cannot use assignment expressions with attribute",
        ),
        ("*a", "1:1: can't use starred expression here"),
        ("(*a)", "1:2: cannot use starred expression here"),
    ];
    for (src, message) in cases {
        assert_eq!(err(src), message, "for {src:?}");
    }
}

#[test]
fn bad_parameters_and_arguments_match_cpython() {
    let cases = [
        (
            "def f(a=1, b): pass",
            "1:12: parameter without a default follows parameter with a default",
        ),
        ("def f(*): pass", "1:7: named arguments must follow bare *"),
        (
            "def f(a, a): pass",
            "1:10: duplicate argument 'a' in function definition",
        ),
        (
            "def f(**k, a): pass",
            "1:12: arguments cannot follow var-keyword argument",
        ),
        ("def f(a, /, /): pass", "1:13: / may appear only once"),
        (
            "def f(/): pass",
            "1:7: at least one argument must precede /",
        ),
        ("def f(*, a, /): pass", "1:13: / must be ahead of *"),
        (
            "def f(*a, *b): pass",
            "1:11: * argument may appear only once",
        ),
        (
            "f(x=1, 2)",
            "1:8: positional argument follows keyword argument",
        ),
        (
            "f(**a, 2)",
            "1:8: positional argument follows keyword argument unpacking",
        ),
        (
            "f(**a, *b)",
            "1:8: iterable argument unpacking follows keyword argument unpacking",
        ),
        ("f(x, x=1, x=2)", "1:11: keyword argument repeated: x"),
        (
            "f(a.b=1)",
            "1:3: expression cannot contain assignment, perhaps you meant \"==\"?",
        ),
        (
            "f(x for x in y, 1)",
            "1:3: Generator expression must be parenthesized",
        ),
        (
            "f(1, x for x in y)",
            "1:6: Generator expression must be parenthesized",
        ),
    ];
    for (src, message) in cases {
        assert_eq!(err(src), message, "for {src:?}");
    }
}

#[test]
fn fstring_errors_point_into_the_string() {
    let cases = [
        (
            "f'{}'",
            "1:4: f-string: valid expression required before '}'",
        ),
        (
            "f'{ !r}'",
            "1:5: f-string: valid expression required before '!'",
        ),
        (
            "f'{x!z}'",
            "1:6: f-string: invalid conversion character 'z': expected 's', 'r', or 'a'",
        ),
        ("f'{x!}'", "1:6: f-string: missing conversion character"),
        ("f'{x'", "1:5: f-string: expecting '}'"),
        ("f'{x:{y}'", "1:9: f-string: expecting '}'"),
        ("f'}'", "1:3: f-string: single '}' is not allowed"),
        ("f'{x y}'", "1:6: f-string: invalid syntax"),
        ("f'{x +}'", "1:7: invalid syntax"),
        ("x = 1\nf'''\n  {a b}'''", "3:6: f-string: invalid syntax"),
    ];
    for (src, message) in cases {
        assert_eq!(err(src), message, "for {src:?}");
    }
}

// ---------------------------------------------------------------- limits and junk

#[test]
fn expressions_nested_too_deeply_are_refused() {
    let too_deep = "this expression is nested too deeply (more than 100 levels): split it into steps with variables";
    let nest =
        |open: &str, close: &str, n: usize| format!("x = {}y{}", open.repeat(n), close.repeat(n));
    for (open, close) in [
        ("(", ")"),
        ("[", "]"),
        ("{", "}"),
        ("f(", ")"),
        ("-", ""),
        ("not ", ""),
        ("2 ** ", ""),
        ("lambda: ", ""),
        ("a if b else ", ""),
        ("[*", "]"),
    ] {
        let deep = nest(open, close, 150);
        assert!(err(&deep).ends_with(too_deep), "{open}...: {}", err(&deep));
        assert!(parse(&nest(open, close, 90)).is_ok(), "{open} x 90");
    }
    let chain = format!("x = y{}", " + 1".repeat(150));
    assert!(err(&chain).ends_with(too_deep));
    let attrs = format!("x = y{}", ".a".repeat(150));
    assert!(err(&attrs).ends_with(too_deep));
    let fstrings = format!("x = {}y{}", "f'{".repeat(30), "}'".repeat(30));
    assert!(parse(&fstrings).is_err());
}

/// A tiny xorshift generator, for reproducible junk.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn junk_input_never_panics() {
    let program = PROGRAMS.join("\n");
    let chars: Vec<char> = program.chars().collect();
    for end in 0..=chars.len() {
        let prefix: String = chars[..end].iter().collect();
        let _ = parse(&prefix);
    }
    let alphabet: Vec<char> = "abfrx_019 \t\n\r\\'\"{}()[]:;,.=+-*/%<>!@#&|^~`$?é“\u{0}"
        .chars()
        .collect();
    let mut state = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..400 {
        let len = (xorshift(&mut state) % 60) as usize;
        let junk: String = (0..len)
            .map(|_| alphabet[(xorshift(&mut state) % alphabet.len() as u64) as usize])
            .collect();
        let _ = parse(&junk);
        let bytes: Vec<u8> = (0..len).map(|_| xorshift(&mut state) as u8).collect();
        let _ = parse(&String::from_utf8_lossy(&bytes));
    }
    // Splicing pieces of real code together finds deeper paths than random bytes.
    let words: Vec<&str> = program
        .split_inclusive(|c: char| !c.is_alphanumeric())
        .collect();
    for _ in 0..400 {
        let len = (xorshift(&mut state) % 40) as usize;
        let junk: String = (0..len)
            .map(|_| words[(xorshift(&mut state) % words.len() as u64) as usize])
            .collect();
        let _ = parse(&junk);
    }
}

// ---------------------------------------------------------------- realistic programs

const PROGRAMS: [&str; 4] = [
    r#"import asyncio
from dataclasses import dataclass, field


async def fetch(name: str, delay: float = 0.1) -> str:
    await asyncio.sleep(delay)
    return f"{name!r} done after {delay:.2f}s"


async def main():
    results = await asyncio.gather(*(fetch(f"job{i}", i / 10) for i in range(3)))
    total = sum(len(r) for r in results)
    print(*results, sep="\n")
    print(f"{total=}", f"{total = :>8}")


asyncio.run(main())
"#,
    r#"import asyncio


class Ticker:
    """Yields numbers, one per tick."""

    def __init__(self, delay, to):
        self.delay, self.to = delay, to
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.to:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i - 1


class Lock:
    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, *exc):
        print("exit", exc)
        return False


async def main():
    async with Lock() as lock, Lock():
        async for n in Ticker(0.1, 3):
            print(n, lock)
    squares = [n * n async for n in Ticker(0, 5) if n % 2 == 0]
    print(squares, {k: v for k, v in zip("abc", squares)})


asyncio.run(main())
"#,
    r#"import asyncio
import functools


def logged(prefix="log"):
    def decorate(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            print(prefix, fn.__name__, args, kwargs)
            return await fn(*args, **kwargs)
        return wrapper
    return decorate


@logged(prefix=">>")
async def risky(n):
    await asyncio.sleep(0)
    if n == 1:
        raise ValueError(f"bad {n}")
    elif n == 2:
        raise KeyError(n)
    return n


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(risky(n)) for n in range(3)]
    except* ValueError as eg:
        for e in eg.exceptions:
            print("value error:", e)
    except* KeyError:
        print("key error")
    finally:
        print("cleanup", [t.done() for t in tasks] if tasks else None)


asyncio.run(main())
"#,
    r#"import asyncio
from collections import deque as Deque

queue: asyncio.Queue[int] = asyncio.Queue(maxsize=2)
seen = Deque()
count = 0


async def producer(n, /, *, label="p"):
    global count
    for i in range(n):
        await queue.put(i)
        count += 1
    else:
        await queue.put(None)


async def consumer():
    while (item := await queue.get()) is not None:
        seen.append(item)
        queue.task_done()
    print("consumer saw", len(seen), "items:", ", ".join(map(str, seen)))


async def main():
    timeout = 1.5e0
    try:
        await asyncio.wait_for(asyncio.gather(producer(3), consumer()), timeout=timeout)
    except asyncio.TimeoutError as exc:
        raise RuntimeError("too slow") from exc
    else:
        assert count == 3, f"count is {count}"
    lo, *rest = sorted(seen, key=lambda x: -x)
    print(lo, rest, seen[::-1], seen[0] if seen else ...)


if __name__ == "__main__":
    asyncio.run(main())
"#,
];

#[test]
fn realistic_asyncio_programs_parse() {
    for program in PROGRAMS {
        module(program);
    }
}

#[test]
fn a_realistic_program_reads_into_the_expected_tree() {
    let m = module(PROGRAMS[0]);
    let StmtKind::FunctionDef(main) = &m.body[3].kind else {
        panic!()
    };
    let lines: Vec<String> = {
        let mut out = String::new();
        dump_body(&main.body, 0, &mut out);
        out.lines().map(String::from).collect()
    };
    assert_eq!(
        lines[0],
        "results = (await asyncio.gather(*(fetch(f<\"job\"{i}>, (i / 10)) for i in range(3))))"
    );
    assert_eq!(lines[1], "total = sum((len(r) for r in results))");
    assert_eq!(
        lines[3],
        "print(f<{debug \"total=\" total}>, f<{debug \"total = \" total:\">8\"}>)"
    );
    assert_eq!(main.body[0].pos, pos(11, 5));
}
