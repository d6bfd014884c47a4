//! What the URL's fragment asks for: the playground, a lesson (`#/lesson/<slug>`), a
//! challenge (`#/challenge/<slug>`), the learner's progress (`#/progress`), a teacher's
//! course (`#/course/lesson:event-loop,challenge:crawler`, then `/2` for its second
//! item) or a shared program (`#s=2.…`, or an older `#s=1.…`). The app is static, so
//! routing is by hash only.
//!
//! Pure parsing, tested natively; `ui::hooks::use_route` reads and writes the real
//! `location.hash`.

use crate::ui::share::{self, Shared};

/// The prefix of a lesson's fragment.
const LESSON_PREFIX: &str = "/lesson/";
const CHALLENGE_PREFIX: &str = "/challenge/";
const COURSE_PREFIX: &str = "/course/";
const PROGRESS: &str = "/progress";

/// One stop of a teacher's course.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Lesson(String),
    Challenge(String),
}

impl Item {
    /// How a course's fragment writes it: `lesson:gather`, `challenge:crawler`.
    pub fn code(&self) -> String {
        match self {
            Item::Lesson(slug) => format!("lesson:{slug}"),
            Item::Challenge(slug) => format!("challenge:{slug}"),
        }
    }

    fn read(code: &str) -> Option<Item> {
        let (kind, slug) = code.split_once(':')?;
        let slug = slug.trim();
        if slug.is_empty() || slug.contains('/') {
            return None;
        }
        match kind.trim() {
            "lesson" => Some(Item::Lesson(slug.to_string())),
            "challenge" => Some(Item::Challenge(slug.to_string())),
            _ => None,
        }
    }

    /// The item's own fragment, outside any course.
    pub fn hash(&self) -> String {
        match self {
            Item::Lesson(slug) => lesson_hash(slug),
            Item::Challenge(slug) => format!("#{CHALLENGE_PREFIX}{slug}"),
        }
    }
}

/// What a fragment opens.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// No fragment (or an empty one): the default program, no lesson.
    Playground,
    /// `#/lesson/<slug>`: the lesson of that slug (which may not exist).
    Lesson(String),
    /// `#/challenge/<slug>`: the challenge of that slug (which may not exist).
    Challenge(String),
    /// `#/progress`: what this browser's learner has done.
    Progress,
    /// `#/course/<items>[/<n>]`: a teacher's course, at its `at`-th item (0-based; the
    /// fragment counts from 1).
    Course { items: Vec<Item>, at: usize },
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
    if fragment.trim_end_matches('/') == PROGRESS {
        return Route::Progress;
    }
    let slug_after = |prefix: &str| {
        let slug = fragment.strip_prefix(prefix)?.trim_end_matches('/');
        (!slug.is_empty() && !slug.contains('/')).then(|| slug.to_string())
    };
    if let Some(slug) = slug_after(LESSON_PREFIX) {
        return Route::Lesson(slug);
    }
    if let Some(slug) = slug_after(CHALLENGE_PREFIX) {
        return Route::Challenge(slug);
    }
    if let Some(course) = fragment.strip_prefix(COURSE_PREFIX).and_then(course) {
        return course;
    }
    Route::Unknown(fragment.to_string())
}

/// `<items>` or `<items>/<n>` (`n` from 1): a course, if every item reads and `n` is one
/// of them.
fn course(rest: &str) -> Option<Route> {
    let rest = rest.trim_end_matches('/');
    let (list, n) = match rest.rsplit_once('/') {
        Some((list, n)) => (list, n.parse::<usize>().ok()?),
        None => (rest, 1),
    };
    let items: Vec<Item> = list.split(',').map(Item::read).collect::<Option<_>>()?;
    let at = n.checked_sub(1).filter(|at| *at < items.len())?;
    Some(Route::Course { items, at })
}

/// The fragment of a course at its `at`-th item (0-based), `#` included.
pub fn course_hash(items: &[Item], at: usize) -> String {
    let list: Vec<String> = items.iter().map(Item::code).collect();
    format!("#{COURSE_PREFIX}{}/{}", list.join(","), at + 1)
}

/// The progress page's fragment.
pub fn progress_hash() -> String {
    format!("#{PROGRESS}")
}

/// The fragment of a lesson, `#` included: `#/lesson/gather`.
pub fn lesson_hash(slug: &str) -> String {
    format!("#{LESSON_PREFIX}{slug}")
}

/// What the learner reads when a fragment means nothing to Looplab.
pub fn unknown_message(fragment: &str) -> String {
    format!(
        "This link's address (“#{fragment}”) does not name a lesson, a challenge, a course \
         or a shared program; here is the playground instead."
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
            loop_cost: false,
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
    fn challenges_progress_and_courses_have_fragments_of_their_own() {
        assert_eq!(
            parse("#/challenge/crawler"),
            Route::Challenge("crawler".into())
        );
        assert_eq!(
            parse(&Item::Challenge("x".into()).hash()),
            Route::Challenge("x".into())
        );
        assert_eq!(parse("#/progress"), Route::Progress);
        assert_eq!(parse(&progress_hash()), Route::Progress);
        let items = vec![
            Item::Lesson("event-loop".into()),
            Item::Challenge("crawler".into()),
        ];
        assert_eq!(
            parse("#/course/lesson:event-loop,challenge:crawler"),
            Route::Course {
                items: items.clone(),
                at: 0
            }
        );
        assert_eq!(
            parse(&course_hash(&items, 1)),
            Route::Course { items, at: 1 }
        );
        for bad in [
            "#/course/lesson:a,challenge:b/3",
            "#/course/lesson:a/0",
            "#/course/lesson:a,quiz:b",
            "#/course/",
            "#/course/lesson:",
        ] {
            assert!(matches!(parse(bad), Route::Unknown(_)), "{bad}");
        }
    }

    #[test]
    fn anything_else_is_unknown_and_says_so() {
        assert_eq!(parse("#workspace"), Route::Unknown("workspace".into()));
        assert!(unknown_message("nope").contains("#nope"));
    }
}
