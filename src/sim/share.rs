//! Share links: a scenario, plus the lesson, the playback speed and the playhead, packed
//! into a URL fragment, and unpacked again with a plain-English message when a link is
//! damaged or cut off.
//!
//! Format: `#s=1.` followed by base64url (no padding) of the zlib-compressed compact
//! JSON of a [`ShareState`]. The `1` is the format version; zlib's checksum catches a
//! truncated or altered link. Pure Rust: the UI reads and writes `location.hash`.

use super::scenario::Scenario;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// What a share link restores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareState {
    pub scenario: Scenario,
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
}

/// The prefix of the fragment, format version included.
const PREFIX: &str = "s=1.";

/// A decoded scenario may be at most this large (a link is at most a few KB compressed).
const MAX_JSON_BYTES: usize = 4 << 20;

/// The URL fragment for `state`, `#` included: `#s=1.eJy…`.
pub fn encode(state: &ShareState) -> String {
    let json = serde_json::to_vec(state).expect("a share state always serializes");
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
    format!("#{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The state a link restores. Accepts the fragment with or without `#`, or a whole URL.
pub fn decode(link: &str) -> Result<ShareState, String> {
    let fragment = link.trim().rsplit_once('#').map_or(link.trim(), |(_, f)| f);
    let Some(rest) = fragment.strip_prefix("s=") else {
        return Err(
            "This link has no Looplab scenario in it: a share link ends in `#s=` followed by \
             the scenario. Copy the whole link again."
                .into(),
        );
    };
    let Some(payload) = rest.strip_prefix("1.") else {
        let version = rest.split('.').next().unwrap_or("");
        return Err(
            if !version.is_empty() && version.chars().all(|c| c.is_ascii_digit()) {
                format!(
                    "This link was made by a newer Looplab (link format {version}); open it in \
                 the version that made it."
                )
            } else {
                "This link is damaged: its scenario does not start the way a share link's does. \
             Copy the whole link again."
                    .into()
            },
        );
    };
    if payload.is_empty() {
        return Err(
            "This link is cut off: the scenario is missing. Copy the whole link again.".into(),
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
                "This link's scenario is too large to open.".to_string()
            } else {
                "This link is cut off or damaged: its scenario cannot be unpacked. Copy the \
                 whole link again."
                    .to_string()
            }
        })?;
    let state: ShareState = serde_json::from_slice(&json).map_err(|e| {
        format!(
            "This link's scenario cannot be read: {}.",
            super::scenario::plain_json_error(&e)
        )
    })?;
    if !(state.speed.is_finite() && state.speed > 0.0) {
        return Err(format!(
            "This link's playback speed ({}) is not a positive number.",
            state.speed
        ));
    }
    if !(state.playhead.is_finite() && state.playhead >= 0.0) {
        return Err(format!(
            "This link's playhead ({}) is not a time in the run.",
            state.playhead
        ));
    }
    Ok(state)
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
    use crate::sim::presets::preset;

    fn state() -> ShareState {
        ShareState {
            scenario: preset("three-fetches").unwrap(),
            lesson: Some("fetch".into()),
            speed: 0.5,
            playhead: 1234.5,
            events: Some(7),
        }
    }

    #[test]
    fn a_link_is_fragment_safe() {
        let link = encode(&state());
        assert!(link.starts_with("#s=1."));
        assert!(link[1..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=.".contains(c)));
    }

    #[test]
    fn a_whole_url_or_a_bare_fragment_decodes() {
        let link = encode(&state());
        assert_eq!(decode(&link).unwrap(), state());
        assert_eq!(decode(&link[1..]).unwrap(), state());
        let url = format!("https://example.org/looplab/{link}");
        assert_eq!(decode(&url).unwrap(), state());
    }
}
