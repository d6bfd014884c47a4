//! The workspace layout: which panels Looplab shows, in reading order, and the stable
//! names that the stylesheet (`static/style.css`) and the browser tests select them by.
//!
//! Pure data, no yew: tested natively in `tests/ui_layout.rs`.

/// One of the panels of the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PanelKind {
    /// The guided lesson: its story, the question to predict, what to try.
    Lesson,
    /// One lane per task over virtual time: where each runs, waits and resumes.
    Timeline,
    /// The event loop's state at the current moment: running task, ready queue, timers.
    EventLoop,
    /// The program in its editor, the running line highlighted, and its output.
    Code,
    /// A Python program's tasks at the playhead: their frames and variables.
    Frames,
    /// The program and a second version of it, side by side on one axis.
    Compare,
}

impl PanelKind {
    /// Every panel in reading order (the order of the `<section>`s in the document).
    /// Code first: the program, then what it does over time and at the playhead.
    pub const ALL: [PanelKind; 6] = [
        PanelKind::Lesson,
        PanelKind::Code,
        PanelKind::Timeline,
        PanelKind::EventLoop,
        PanelKind::Frames,
        PanelKind::Compare,
    ];

    /// The stable identifier: the `data-panel` attribute, the CSS grid area and the
    /// name that end-to-end tests select by. Never change one without the other two.
    pub fn slug(self) -> &'static str {
        match self {
            PanelKind::Lesson => "lesson",
            PanelKind::Timeline => "timeline",
            PanelKind::EventLoop => "event-loop",
            PanelKind::Code => "code",
            PanelKind::Frames => "frames",
            PanelKind::Compare => "compare",
        }
    }

    /// The visible heading.
    pub fn title(self) -> &'static str {
        match self {
            PanelKind::Lesson => "Lesson",
            PanelKind::Timeline => "Timeline",
            PanelKind::EventLoop => "Event loop",
            PanelKind::Code => "Code",
            PanelKind::Frames => "Frames and variables",
            PanelKind::Compare => "Compare",
        }
    }

    /// The name on its tab, where a phone shows one panel at a time.
    pub fn tab(self) -> &'static str {
        match self {
            PanelKind::EventLoop => "Loop",
            PanelKind::Frames => "Frames",
            _ => self.title(),
        }
    }

    /// The `id` of its `<section>`, which its tab controls.
    pub fn id(self) -> String {
        format!("panel-{}", self.slug())
    }

    /// What a screen reader announces for the panel's landmark.
    pub fn aria_label(self) -> &'static str {
        match self {
            PanelKind::Lesson => "Lesson: a guided tour of one idea",
            PanelKind::Timeline => "Timeline: each task over time",
            PanelKind::EventLoop => "Event loop: state at the current moment",
            PanelKind::Code => "Code: the program, its output, and a lesson's Rust version",
            PanelKind::Frames => "Frames and variables: each task's frames at the playhead",
            PanelKind::Compare => "Compare: the program against a second version",
        }
    }
}
