//! Reading a scenario's steps and resource kinds from JSON (old share links, saved
//! scenarios, scenario files). A step is one object, `{"op": "fetch", "url": ..,
//! "latency_ms": ..}`: serde's derived reader of such an internally tagged enum buffers
//! each object first, and that buffering was the largest part of serde in the wasm
//! (BENCHMARKS.md, "Release wasm size"). As in `trace_de.rs`, every field any step can
//! have is read into one struct of optional fields, then checked against its op: the
//! same files read, a field its op does not have refused as before.

use super::scenario::{Awaitable, Millis, ResourceKind, Step};
use super::trace_de::needs;
use serde::de::{self, Error, Unexpected};
use serde::{Deserialize, Deserializer};

/// Every field of every [`Step`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    op: Op,
    ms: Option<Millis>,
    url: Option<String>,
    latency_ms: Option<Millis>,
    jitter_ms: Option<Millis>,
    size_bytes: Option<u64>,
    fail: Option<String>,
    coroutine: Option<String>,
    handle: Option<String>,
    target: Option<Awaitable>,
    items: Option<Items>,
    return_exceptions: Option<bool>,
    timeout_ms: Option<Millis>,
    error: Option<String>,
    message: Option<String>,
    body: Option<Vec<Step>>,
    handler: Option<Vec<Step>>,
    resource: Option<String>,
    queue: Option<String>,
    item: Option<String>,
    every_ms: Option<Millis>,
    times: Option<u32>,
    text: Option<String>,
    value: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Op {
    Sleep,
    Fetch,
    Compute,
    RunInExecutor,
    CreateTask,
    Await,
    Gather,
    WaitFor,
    Cancel,
    Raise,
    Try,
    With,
    Put,
    Get,
    AsyncFor,
    Repeat,
    Print,
    Return,
}

/// `items`: a gather's awaitables, or how many items an `async for` gets.
enum Items {
    Awaitables(Vec<Awaitable>),
    Count(u64),
}

impl<'de> Deserialize<'de> for Items {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Items, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Items;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of awaitables or a whole number")
            }
            fn visit_u64<E: Error>(self, n: u64) -> Result<Items, E> {
                Ok(Items::Count(n))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Items, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Items::Awaitables)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl RawStep {
    /// Each field given, by name.
    fn given(&self) -> [(&'static str, bool); 23] {
        [
            ("ms", self.ms.is_some()),
            ("url", self.url.is_some()),
            ("latency_ms", self.latency_ms.is_some()),
            ("jitter_ms", self.jitter_ms.is_some()),
            ("size_bytes", self.size_bytes.is_some()),
            ("fail", self.fail.is_some()),
            ("coroutine", self.coroutine.is_some()),
            ("handle", self.handle.is_some()),
            ("target", self.target.is_some()),
            ("items", self.items.is_some()),
            ("return_exceptions", self.return_exceptions.is_some()),
            ("timeout_ms", self.timeout_ms.is_some()),
            ("error", self.error.is_some()),
            ("message", self.message.is_some()),
            ("body", self.body.is_some()),
            ("handler", self.handler.is_some()),
            ("resource", self.resource.is_some()),
            ("queue", self.queue.is_some()),
            ("item", self.item.is_some()),
            ("every_ms", self.every_ms.is_some()),
            ("times", self.times.is_some()),
            ("text", self.text.is_some()),
            ("value", self.value.is_some()),
        ]
    }

    /// Refuses a field that `fields`, the op's own, do not name, in serde's words.
    fn only<E: Error>(&self, fields: &'static [&'static str]) -> Result<(), E> {
        match self
            .given()
            .into_iter()
            .find(|(name, given)| *given && !fields.contains(name))
        {
            Some((name, _)) => Err(E::unknown_field(name, fields)),
            None => Ok(()),
        }
    }

    fn step<E: Error>(self) -> Result<Step, E> {
        let fields: &'static [&'static str] = match self.op {
            Op::Sleep | Op::Compute | Op::RunInExecutor => &["ms"],
            Op::Fetch => &["url", "latency_ms", "jitter_ms", "size_bytes", "fail"],
            Op::CreateTask => &["coroutine", "handle"],
            Op::Await => &["target"],
            Op::Gather => &["items", "return_exceptions"],
            Op::WaitFor => &["target", "timeout_ms"],
            Op::Cancel => &["handle"],
            Op::Raise => &["error", "message"],
            Op::Try => &["body", "error", "handler"],
            Op::With => &["resource", "body"],
            Op::Put => &["queue", "item"],
            Op::Get => &["queue"],
            Op::AsyncFor => &["items", "every_ms", "body"],
            Op::Repeat => &["times", "body"],
            Op::Print => &["text"],
            Op::Return => &["value"],
        };
        self.only(fields)?;
        let ms = || needs(self.ms, "ms");
        Ok(match self.op {
            Op::Sleep => Step::Sleep { ms: ms()? },
            Op::Compute => Step::Compute { ms: ms()? },
            Op::RunInExecutor => Step::RunInExecutor { ms: ms()? },
            Op::Fetch => Step::Fetch {
                url: needs(self.url, "url")?,
                latency_ms: needs(self.latency_ms, "latency_ms")?,
                jitter_ms: self.jitter_ms.unwrap_or(0),
                size_bytes: self.size_bytes.unwrap_or(0),
                fail: self.fail,
            },
            Op::CreateTask => Step::CreateTask {
                coroutine: needs(self.coroutine, "coroutine")?,
                handle: needs(self.handle, "handle")?,
            },
            Op::Await => Step::Await {
                target: needs(self.target, "target")?,
            },
            Op::Gather => Step::Gather {
                items: match needs(self.items, "items")? {
                    Items::Awaitables(items) => items,
                    Items::Count(n) => {
                        return Err(E::invalid_type(
                            Unexpected::Unsigned(n),
                            &"a list of awaitables",
                        ))
                    }
                },
                return_exceptions: self.return_exceptions.unwrap_or(false),
            },
            Op::WaitFor => Step::WaitFor {
                target: needs(self.target, "target")?,
                timeout_ms: needs(self.timeout_ms, "timeout_ms")?,
            },
            Op::Cancel => Step::Cancel {
                handle: needs(self.handle, "handle")?,
            },
            Op::Raise => Step::Raise {
                error: needs(self.error, "error")?,
                message: self.message.unwrap_or_default(),
            },
            Op::Try => Step::Try {
                body: needs(self.body, "body")?,
                error: self.error,
                handler: needs(self.handler, "handler")?,
            },
            Op::With => Step::With {
                resource: needs(self.resource, "resource")?,
                body: needs(self.body, "body")?,
            },
            Op::Put => Step::Put {
                queue: needs(self.queue, "queue")?,
                item: needs(self.item, "item")?,
            },
            Op::Get => Step::Get {
                queue: needs(self.queue, "queue")?,
            },
            Op::AsyncFor => Step::AsyncFor {
                items: match needs(self.items, "items")? {
                    Items::Count(n) => u32::try_from(n)
                        .map_err(|_| E::invalid_value(Unexpected::Unsigned(n), &"u32"))?,
                    Items::Awaitables(_) => return Err(E::invalid_type(Unexpected::Seq, &"u32")),
                },
                every_ms: needs(self.every_ms, "every_ms")?,
                body: needs(self.body, "body")?,
            },
            Op::Repeat => Step::Repeat {
                times: needs(self.times, "times")?,
                body: needs(self.body, "body")?,
            },
            Op::Print => Step::Print {
                text: needs(self.text, "text")?,
            },
            Op::Return => Step::Return {
                value: needs(self.value, "value")?,
            },
        })
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Step, D::Error> {
        RawStep::deserialize(deserializer)?.step()
    }
}

/// Every field of every [`ResourceKind`].
#[derive(Deserialize)]
struct RawKind {
    #[serde(rename = "type")]
    kind: Kind,
    permits: Option<u32>,
    maxsize: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Semaphore,
    Lock,
    Queue,
}

impl<'de> Deserialize<'de> for ResourceKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ResourceKind, D::Error> {
        let raw = RawKind::deserialize(deserializer)?;
        Ok(match raw.kind {
            Kind::Semaphore => ResourceKind::Semaphore {
                permits: needs(raw.permits, "permits")?,
            },
            Kind::Lock => ResourceKind::Lock,
            Kind::Queue => ResourceKind::Queue {
                maxsize: needs(raw.maxsize, "maxsize")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn every_step_and_resource_kind_reads_back_as_it_was_written() {
        let coroutine = |name: &str| Awaitable::Coroutine(name.into());
        let print = |text: &str| Step::Print { text: text.into() };
        let steps = vec![
            Step::Sleep { ms: 10 },
            Step::Fetch {
                url: "/a".into(),
                latency_ms: 20,
                jitter_ms: 5,
                size_bytes: 100,
                fail: Some("ConnectionError".into()),
            },
            Step::Fetch {
                url: "/b".into(),
                latency_ms: 20,
                jitter_ms: 0,
                size_bytes: 0,
                fail: None,
            },
            Step::Compute { ms: 3 },
            Step::RunInExecutor { ms: 4 },
            Step::CreateTask {
                coroutine: "helper".into(),
                handle: "h".into(),
            },
            Step::Await {
                target: Awaitable::Task("h".into()),
            },
            Step::Gather {
                items: vec![coroutine("a"), Awaitable::Task("h".into())],
                return_exceptions: true,
            },
            Step::WaitFor {
                target: coroutine("a"),
                timeout_ms: 50,
            },
            Step::Cancel { handle: "h".into() },
            Step::Raise {
                error: "ValueError".into(),
                message: String::new(),
            },
            Step::Try {
                body: vec![print("in")],
                error: Some("ValueError".into()),
                handler: vec![print("caught")],
            },
            Step::With {
                resource: "lock".into(),
                body: vec![Step::Put {
                    queue: "q".into(),
                    item: "x".into(),
                }],
            },
            Step::Get { queue: "q".into() },
            Step::AsyncFor {
                items: 3,
                every_ms: 5,
                body: vec![Step::Repeat {
                    times: 2,
                    body: vec![print("tick")],
                }],
            },
            Step::Return { value: "ok".into() },
        ];
        let json = serde_json::to_string(&steps).unwrap();
        assert_eq!(read::<Vec<Step>>(&json).unwrap(), steps);
        let kinds = vec![
            ResourceKind::Semaphore { permits: 2 },
            ResourceKind::Lock,
            ResourceKind::Queue { maxsize: 0 },
        ];
        let json = serde_json::to_string(&kinds).unwrap();
        assert_eq!(read::<Vec<ResourceKind>>(&json).unwrap(), kinds);
    }

    #[test]
    fn a_field_the_op_has_not_or_lacks_is_refused_in_serdes_words() {
        let err = |text: &str| read::<Step>(text).unwrap_err();
        assert!(err(r#"{"op": "sleep", "ms": 1, "url": "/a"}"#)
            .starts_with("unknown field `url`, expected `ms`"));
        assert!(err(r#"{"op": "sleep", "ms": 1, "colour": "red"}"#)
            .starts_with("unknown field `colour`"));
        assert!(err(r#"{"op": "fetch", "url": "/a"}"#).contains("missing field `latency_ms`"));
        assert!(err(r#"{"op": "nap"}"#).contains("unknown variant `nap`"));
        assert!(err(r#"{"ms": 1}"#).contains("missing field `op`"));
        assert!(err(r#"{"op": "gather", "items": 3}"#).contains("expected a list of awaitables"));
        let list = r#"{"op": "async_for", "items": [], "every_ms": 1, "body": []}"#;
        assert!(err(list).contains("invalid type: sequence, expected u32"));
        let kind = read::<ResourceKind>(r#"{"type": "semaphore"}"#).unwrap_err();
        assert!(kind.contains("missing field `permits`"), "{kind}");
    }
}
