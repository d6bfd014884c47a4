//! What the URL's fragment asks for: the playground, a lesson (`#/lesson/<slug>`), a
//! challenge (`#/challenge/<slug>`), the learner's progress (`#/progress`), a teacher's
//! course (`#/course/lesson:event-loop,challenge:crawler`, then `/2` for its second
//! item), a shared program (`#s=2.…`, or an older `#s=1.…`) or either embedded in
//! another page (`#/embed/s=2.…`, `#/embed/lesson/<slug>`: the program alone, for an
//! iframe). The app is static, so routing is by hash only.
//!
//! Pure parsing, tested natively; `ui::hooks::use_route` reads and writes the real
//! `location.hash`.

use crate::lessons::with_lesson;
use crate::ui::share::{self, Shared};

/// The prefix of a lesson's fragment.
const LESSON_PREFIX: &str = "/lesson/";
const CHALLENGE_PREFIX: &str = "/challenge/";
const COURSE_PREFIX: &str = "/course/";
const PROGRESS: &str = "/progress";
/// An embed's fragment: this, then a share link's fragment without its `#` (the same
/// payload, so there is one encoding) or `lesson/<slug>`.
const EMBED: &str = "/embed";

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
    /// `#/embed/…`: a program alone, laid out for an iframe.
    Embed(Embed),
    /// Any other fragment, e.g. an in-page anchor (`#workspace`) or a mistyped link.
    Unknown(String),
}

/// What an embed's fragment holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Embed {
    /// `#/embed/s=2.…`: a share link's program, or why it cannot be opened.
    Shared(Result<Shared, String>),
    /// `#/embed/lesson/<slug>`: a lesson's program (the slug may name none).
    Lesson(String),
}

/// How the page is laid out for a route.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    /// The whole app: header, panels, footer.
    App,
    /// The program, its timeline and controls, nothing else (`#/embed/…`); `broken`
    /// says why its link opens nothing, shown in place of the program.
    Embed { broken: Option<String> },
}

impl Route {
    /// The layout this route asks for. A damaged embed link gets its reason, not the
    /// default program: on a slide, a program nobody chose would mislead.
    pub fn page(&self) -> Page {
        let broken = match self {
            Route::Embed(Embed::Shared(Err(message))) => Some(message.clone()),
            Route::Embed(Embed::Lesson(slug)) if with_lesson(slug, |_| ()).is_none() => Some(
                format!("This embedded link names a lesson, “{slug}”, that Looplab does not have."),
            ),
            Route::Embed(_) => None,
            _ => return Page::App,
        };
        Page::Embed { broken }
    }
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
    if let Some(rest) = fragment.strip_prefix(EMBED) {
        if rest.is_empty() || rest.starts_with('/') {
            return Route::Embed(embed(rest.trim_start_matches('/')));
        }
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

/// What follows `#/embed/`: a lesson, else a share link's payload (read, or why not).
fn embed(rest: &str) -> Embed {
    match rest.strip_prefix("lesson/") {
        Some(slug) => Embed::Lesson(slug.trim_end_matches('/').to_string()),
        None => Embed::Shared(share::decode(rest)),
    }
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

/// The embed form of a link: `#s=2.…` (a share link's fragment, `#` included) becomes
/// `#/embed/s=2.…`, and a lesson's `#/lesson/<slug>` becomes `#/embed/lesson/<slug>`.
pub fn embed_hash(link: &str) -> String {
    format!("#{EMBED}/{}", link.trim_start_matches(['#', '/']))
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
    fn an_embed_link_carries_a_share_links_payload_or_a_lesson() {
        let state = Share {
            program: "print('embedded')\n".into(),
            rival: Some("print('second')\n".into()),
            lesson: Some("gather".into()),
            speed: 0.5,
            playhead: 250.0,
            events: Some(3),
            loop_cost: false,
        };
        let link = share::encode(&state);
        let embed = embed_hash(&link);
        assert_eq!(embed, format!("#/embed/{}", &link[1..]), "the same payload");
        let shared = Route::Embed(Embed::Shared(Ok(Shared::Program(state))));
        assert_eq!(parse(&embed), shared);
        assert_eq!(shared.page(), Page::Embed { broken: None });
        let lesson = Route::Embed(Embed::Lesson("gather".into()));
        assert_eq!(parse(&embed_hash(&lesson_hash("gather"))), lesson);
        assert_eq!(parse("#/embed/lesson/gather/"), lesson);
        assert_eq!(lesson.page(), Page::Embed { broken: None });
        assert_eq!(parse("#/lesson/gather").page(), Page::App);
        assert_eq!(parse(&link).page(), Page::App);
    }

    #[test]
    fn a_damaged_embed_link_is_an_embed_that_says_why() {
        let cut = embed_hash(&share::encode(&Share {
            program: "print('embedded')\n".into(),
            rival: None,
            lesson: None,
            speed: 1.0,
            playhead: 0.0,
            events: None,
            loop_cost: false,
        }));
        let cut = &cut[..cut.len() - 6];
        for hash in [
            "#/embed",
            "#/embed/",
            "#/embed/s=2.garbage",
            cut,
            "#/embed/lesson/nope",
        ] {
            let Page::Embed {
                broken: Some(message),
            } = parse(hash).page()
            else {
                panic!("{hash}: an embed with a reason");
            };
            assert!(message.starts_with("This "), "{hash}: {message}");
        }
        assert!(matches!(parse("#/embedded"), Route::Unknown(_)));
    }

    #[test]
    fn anything_else_is_unknown_and_says_so() {
        assert_eq!(parse("#workspace"), Route::Unknown("workspace".into()));
        assert!(unknown_message("nope").contains("#nope"));
    }
}
