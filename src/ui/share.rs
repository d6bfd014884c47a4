//! Share links: the program (and its second version), the lesson, the playback speed and
//! the playhead, packed into a URL fragment, and unpacked again with a plain-English
//! message when a link is damaged or cut off.
//!
//! Format: `#s=2.` followed by base64url (no padding) of the zlib-compressed compact
//! JSON of a [`Share`]. The digit is the format version; zlib's checksum catches a
//! truncated or altered link. Links of format 1 (made when a scenario of steps was what
//! Looplab ran) still open: [`Shared::Scenario`]. Pure Rust: the UI reads and writes
//! `location.hash`.

use crate::sim::scenario::{plain_json_error, Scenario};
use crate::ui::markup::escape;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What a share link restores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// The program's text, exactly as the editor held it.
    pub program: String,
    /// The second version raced beside it in Compare, if one was open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rival: Option<String>,
    /// The lesson's slug, if the link was shared from a lesson.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<String>,
    /// Playback speed (1.0 = real time).
    #[serde(with = "exact")]
    pub speed: f64,
    /// The playhead, in ms of the run.
    #[serde(with = "exact")]
    pub playhead: f64,
    /// How many of the run's events were shown, when the link was made stepping event by
    /// event: many events share one instant, and the time alone opens at its last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<usize>,
    /// The loop's own cost was counted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub loop_cost: bool,
}

/// What a link of format 1 held: a scenario of steps (its `source` the learner's
/// program, when it came from the editor).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioShare {
    pub scenario: Scenario,
    #[serde(default)]
    pub lesson: Option<String>,
    #[serde(with = "exact")]
    pub speed: f64,
    #[serde(with = "exact")]
    pub playhead: f64,
    #[serde(default)]
    pub events: Option<usize>,
}

/// A link, read.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    Program(Share),
    /// A link of format 1: the UI opens it as the Python program it stands for.
    Scenario(ScenarioShare),
}

/// The prefix of the fragment, format version included.
const PREFIX: &str = "s=2.";

/// A decoded link may be at most this large (a link is at most a few KB compressed).
const MAX_JSON_BYTES: usize = 4 << 20;

/// The URL fragment for `share`, `#` included: `#s=2.eJy…`.
pub fn encode(share: &Share) -> String {
    let json = serde_json::to_vec(share).expect("a share always serializes");
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
    format!("#{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The HTML that embeds `src` (a link's embed form, `…#/embed/…`) in a slide or a
/// course page: 800 × 450, loaded when scrolled near, borderless, and named for screen
/// readers by its `title`.
pub fn iframe_snippet(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" width=\"800\" height=\"450\" title=\"Looplab: {}\" \
         loading=\"lazy\" style=\"border:0\"></iframe>",
        escape(src),
        escape(title)
    )
}

/// What a link restores. Accepts the fragment with or without `#`, or a whole URL.
pub fn decode(link: &str) -> Result<Shared, String> {
    let fragment = link.trim().rsplit_once('#').map_or(link.trim(), |(_, f)| f);
    let Some(rest) = fragment.strip_prefix("s=") else {
        return Err(
            "This link has no Looplab program in it: a share link ends in `#s=` followed by \
             the program. Copy the whole link again."
                .into(),
        );
    };
    let (version, payload) = rest.split_once('.').unwrap_or((rest, ""));
    match version {
        "2" => {
            let share: Share = unpack(payload)?;
            check(share.speed, share.playhead)?;
            Ok(Shared::Program(share))
        }
        "1" => {
            let share: ScenarioShare = unpack(payload)?;
            check(share.speed, share.playhead)?;
            Ok(Shared::Scenario(share))
        }
        v if !v.is_empty() && v.chars().all(|c| c.is_ascii_digit()) => Err(format!(
            "This link was made by a newer Looplab (link format {v}); open it in the version \
             that made it."
        )),
        _ => Err(
            "This link is damaged: it does not start the way a share link's does. Copy the \
             whole link again."
                .into(),
        ),
    }
}

/// The JSON a link's payload packs, read.
fn unpack<T: DeserializeOwned>(payload: &str) -> Result<T, String> {
    if payload.is_empty() {
        return Err(
            "This link is cut off: the program is missing. Copy the whole link again.".into(),
        );
    }
    let packed = URL_SAFE_NO_PAD.decode(payload).map_err(|e| match e {
        base64::DecodeError::InvalidByte(i, b) => format!(
            "This link is damaged: character {} (`{}`) cannot be part of a share link. Copy \
             the whole link again.",
            i + 1,
            b as char
        ),
        _ => "This link is cut off or damaged (its length is wrong). Copy the whole link again."
            .into(),
    })?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| {
            if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                "This link's program is too large to open.".to_string()
            } else {
                "This link is cut off or damaged: its program cannot be unpacked. Copy the \
                 whole link again."
                    .to_string()
            }
        })?;
    serde_json::from_slice(&json)
        .map_err(|e| format!("This link cannot be read: {}.", plain_json_error(&e)))
}

fn check(speed: f64, playhead: f64) -> Result<(), String> {
    if !(speed.is_finite() && speed > 0.0) {
        return Err(format!(
            "This link's playback speed ({speed}) is not a positive number."
        ));
    }
    if !(playhead.is_finite() && playhead >= 0.0) {
        return Err(format!(
            "This link's playhead ({playhead}) is not a time in the run."
        ));
    }
    Ok(())
}

/// An `f64` written as its shortest exact decimal string, so that it reads back bit for
/// bit (JSON numbers may not).
mod exact {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&x.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|_| D::Error::custom(format!("`{text}` is not a number")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share() -> Share {
        Share {
            program: "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\n\
                      asyncio.run(main())\n"
                .into(),
            rival: Some("print('#s=1.')\n".into()),
            lesson: Some("fetch".into()),
            speed: 0.5,
            playhead: 1234.5,
            events: Some(7),
            loop_cost: false,
        }
    }

    #[test]
    fn a_link_is_fragment_safe() {
        let link = encode(&share());
        assert!(link.starts_with("#s=2."));
        assert!(link[1..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=.".contains(c)));
    }

    #[test]
    fn an_iframe_snippet_quotes_what_it_is_given() {
        let snippet = iframe_snippet(
            "https://example.org/looplab/#/embed/s=2.eJx",
            "Locks & \"queues\" <3",
        );
        assert_eq!(
            snippet,
            "<iframe src=\"https://example.org/looplab/#/embed/s=2.eJx\" width=\"800\" \
             height=\"450\" title=\"Looplab: Locks &amp; &quot;queues&quot; &lt;3\" \
             loading=\"lazy\" style=\"border:0\"></iframe>"
        );
    }

    #[test]
    fn a_whole_url_or_a_bare_fragment_decodes() {
        let link = encode(&share());
        let want = Shared::Program(share());
        assert_eq!(decode(&link).unwrap(), want);
        assert_eq!(decode(&link[1..]).unwrap(), want);
        let url = format!("https://example.org/looplab/{link}");
        assert_eq!(decode(&url).unwrap(), want);
    }
}
