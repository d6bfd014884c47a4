//! What the URL's fragment asks for: the playground, a lesson (`#/lesson/<slug>`) or a
//! shared program (`#s=2.…`, or an older `#s=1.…`). The app is static, so routing is by hash only.
//!
//! Pure parsing, tested natively; `ui::hooks::use_route` reads and writes the real
//! `location.hash`.

use crate::ui::share::{self, Shared};

/// The prefix of a lesson's fragment.
const LESSON_PREFIX: &str = "/lesson/";

/// What a fragment opens.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// No fragment (or an empty one): the default program, no lesson.
    Playground,
    /// `#/lesson/<slug>`: the lesson of that slug (which may not exist).
    Lesson(String),
    /// `#s=…`: a share link, or why it cannot be opened.
    Shared(Result<Shared, String>),
    /// Any other fragment, e.g. an in-page anchor (`#workspace`) or a mistyped link.
    Unknown(String),
}

/// The route for `hash` (`location.hash`, with or without its `#`).
pub fn parse(hash: &str) -> Route {
    let fragment = hash.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() || fragment == "/" {
        return Route::Playground;
    }
    if fragment.starts_with("s=") {
        return Route::Shared(share::decode(fragment));
    }
    if let Some(slug) = fragment.strip_prefix(LESSON_PREFIX) {
        let slug = slug.trim_end_matches('/');
        if !slug.is_empty() && !slug.contains('/') {
            return Route::Lesson(slug.to_string());
        }
    }
    Route::Unknown(fragment.to_string())
}

/// The fragment of a lesson, `#` included: `#/lesson/gather`.
pub fn lesson_hash(slug: &str) -> String {
    format!("#{LESSON_PREFIX}{slug}")
}

/// What the learner reads when a fragment means nothing to Looplab.
pub fn unknown_message(fragment: &str) -> String {
    format!(
        "This link's address (“#{fragment}”) does not name a lesson or a shared program; \
         here is the playground instead."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::share::Share;

    #[test]
    fn no_fragment_is_the_playground() {
        for hash in ["", "#", "#/", "  "] {
            assert_eq!(parse(hash), Route::Playground, "{hash:?}");
        }
    }

    #[test]
    fn a_lesson_fragment_names_its_slug() {
        assert_eq!(parse("#/lesson/gather"), Route::Lesson("gather".into()));
        assert_eq!(parse("/lesson/gather/"), Route::Lesson("gather".into()));
        assert_eq!(
            parse(&lesson_hash("create-task")),
            Route::Lesson("create-task".into())
        );
        assert_eq!(
            parse("#/lesson/"),
            Route::Unknown("/lesson/".into()),
            "a lesson needs a slug"
        );
        assert_eq!(parse("#/lesson/a/b"), Route::Unknown("/lesson/a/b".into()));
    }

    #[test]
    fn a_share_link_decodes_or_explains() {
        let state = Share {
            program: "print('hello')\n".into(),
            rival: None,
            lesson: None,
            speed: 2.0,
            playhead: 1500.0,
            events: None,
        };
        let link = share::encode(&state);
        assert_eq!(parse(&link), Route::Shared(Ok(Shared::Program(state))));
        let Route::Shared(Err(message)) = parse("#s=2.garbage") else {
            panic!("a damaged link is an error");
        };
        assert!(message.starts_with("This link"), "{message}");
        let cut = &link[..link.len() / 2];
        assert!(matches!(parse(cut), Route::Shared(Err(_))));
    }

    #[test]
    fn anything_else_is_unknown_and_says_so() {
        assert_eq!(parse("#workspace"), Route::Unknown("workspace".into()));
        assert!(unknown_message("nope").contains("#nope"));
    }
}
