//! The third-party packages a program can import: `aiohttp`'s client on the simulated
//! network (a live run fetches `static/api/` for real), and `uvloop`, whose loop is
//! asyncio's marked as uvloop's (its cost is its own: `crate::py::aio::cost`).

use super::modules::run_prelude;
use super::{builtin, float_arg, Kwargs, R};
use crate::py::value::*;
use crate::py::vm::{module, Vm};

pub fn install(vm: &mut Vm) {
    let aiohttp = module(
        "aiohttp",
        vec![
            ("_native_http", builtin("_native_http", native_http)),
            ("_native_fetch", builtin("_native_fetch", native_fetch)),
            (
                "_label",
                crate::py::aio::api::natives()
                    .into_iter()
                    .find(|(n, _)| *n == "label")
                    .map(|(_, v)| v)
                    .unwrap_or_default(),
            ),
        ],
    );
    vm.modules.insert("aiohttp".into(), aiohttp.clone());
    run_prelude(
        vm,
        &aiohttp,
        &[("aiohttp/client.py", include_str!("lib/aiohttp.py"))],
    );
    let uvloop = module("uvloop", vec![]);
    vm.modules.insert("uvloop".into(), uvloop.clone());
    run_prelude(
        vm,
        &uvloop,
        &[("uvloop/__init__.py", include_str!("lib/uvloop.py"))],
    );
}

/// The files of `static/api/`, as the simulated network serves them (a live run fetches
/// the same files).
const API_FILES: &[(&str, &str)] = &[
    (
        "api/comments.json",
        include_str!("../../../static/api/comments.json"),
    ),
    (
        "api/posts.json",
        include_str!("../../../static/api/posts.json"),
    ),
    (
        "api/users/1.json",
        include_str!("../../../static/api/users/1.json"),
    ),
    (
        "api/jobs/next.json",
        include_str!("../../../static/api/jobs/next.json"),
    ),
];

/// A URL's path without its scheme, host and leading `/`, and its query:
/// `("api/users/1.json", "latency=0.2")`.
fn url_path(url: &str) -> (&str, &str) {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    (path.split_once('/').map_or("", |(_, p)| p), query)
}

/// The file of `static/api/` a URL's path names, with its contents.
fn api_file(path: &str) -> Option<&'static (&'static str, &'static str)> {
    API_FILES.iter().find(|(p, _)| path.ends_with(p))
}

/// `(status, body, latency)` of a simulated request: see `lib/aiohttp.py`.
fn native_http(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let url = match args.first() {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(vm.type_error("the URL must be a str")),
    };
    let (path, query) = url_path(&url);
    let mut latency = 0.1;
    let mut status = 200;
    let segments: Vec<&str> = path.split('/').collect();
    for w in segments.windows(2) {
        match (w[0], w[1].parse::<f64>()) {
            ("delay", Ok(n)) if n >= 0.0 => latency = n,
            ("status", Ok(n)) => status = n as i64,
            _ => {}
        }
    }
    for pair in query.split('&') {
        if let Some(("latency", v)) = pair.split_once('=') {
            latency = v
                .parse::<f64>()
                .ok()
                .filter(|l| *l >= 0.0 && l.is_finite())
                .ok_or_else(|| {
                    vm.value_error(&format!("latency must be a number of seconds, not {v:?}"))
                })?;
        }
    }
    let body = match api_file(path) {
        Some((_, text)) => text.to_string(),
        None if path.ends_with("files/1.bin") => "x".repeat(4096),
        None => format!("<html><body>{url}</body></html>"),
    };
    Ok(Value::tuple(vec![
        Value::Int(status),
        Value::str(&body),
        Value::Float(latency),
    ]))
}

/// `_native_fetch(fut, url, latency)`: in a live run, a URL naming a file of
/// `static/api/` is really requested, and `fut` gets `(ok, body or error)`; true if so.
/// Anything else (and every request on the virtual clock) is the simulated network's.
fn native_fetch(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> R<Value> {
    let (Some(fut), Some(Value::Str(url)), Some(latency)) =
        (args.first(), args.get(1), args.get(2))
    else {
        return Err(vm.type_error("_native_fetch(fut, url, latency)"));
    };
    let latency = float_arg(vm, latency, "latency")?;
    let Some((file, _)) = api_file(url_path(url).0) else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(vm.fetch_live(fut, file, latency)))
}
