//! The code editor's text handling, without the browser: Tab and Shift+Tab on a
//! selection, which keys run the program, and where a parse error is underlined.
//! Pure Rust, tested natively; `components/editor/` only wires it to the DOM.
//!
//! A `<textarea>` reports its selection in UTF-16 code units, so the functions here take
//! and return UTF-16 offsets and convert internally.

use crate::ui::highlight::{highlight, Lang, Token};
use crate::ui::program::ParseError;

/// One level of indentation, as `python_code` writes it.
pub const INDENT: &str = "    ";

/// How long the editor waits after the last keystroke before it parses and re-runs.
pub const DEBOUNCE_MS: u32 = 600;

/// The text after an edit and the selection to restore (UTF-16 offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// The byte offset of a UTF-16 offset (clamped to the text, rounded to a character).
fn byte_at(text: &str, utf16: u32) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= utf16 as usize {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn utf16_len(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// The byte ranges of the start of every line the selection `start..end` touches. A
/// selection ending at the very start of a line does not touch that line.
fn touched_line_starts(text: &str, start: usize, end: usize) -> Vec<usize> {
    let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut starts = vec![first];
    let last = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    for (i, c) in text[first..last].char_indices() {
        if c == '\n' {
            starts.push(first + i + 1);
        }
    }
    starts
}

/// Tab: with no selection (or one within a line) the selection is replaced by four
/// spaces; a selection over several lines indents each of them.
pub fn indent(text: &str, start: u32, end: u32) -> Edited {
    let (a, b) = (byte_at(text, start.min(end)), byte_at(text, start.max(end)));
    if !text[a..b].contains('\n') {
        let out = format!("{}{INDENT}{}", &text[..a], &text[b..]);
        let caret = utf16_len(&text[..a]) + INDENT.len() as u32;
        return Edited {
            text: out,
            start: caret,
            end: caret,
        };
    }
    let starts = touched_line_starts(text, a, b);
    let mut out = String::with_capacity(text.len() + starts.len() * INDENT.len());
    let mut from = 0;
    for &s in &starts {
        out.push_str(&text[from..s]);
        out.push_str(INDENT);
        from = s;
    }
    out.push_str(&text[from..]);
    let added = (starts.len() * INDENT.len()) as u32;
    Edited {
        text: out,
        start: utf16_len(&text[..a]) + INDENT.len() as u32,
        end: utf16_len(&text[..b]) + added,
    }
}

/// Shift+Tab: removes up to four leading spaces from every line the selection touches.
pub fn outdent(text: &str, start: u32, end: u32) -> Edited {
    let (a, b) = (byte_at(text, start.min(end)), byte_at(text, start.max(end)));
    let starts = touched_line_starts(text, a, b);
    let mut out = String::with_capacity(text.len());
    let (mut from, mut new_a, mut new_b) = (0, a, b);
    for &s in &starts {
        out.push_str(&text[from..s]);
        let removed = text[s..]
            .bytes()
            .take(INDENT.len())
            .take_while(|&c| c == b' ')
            .count();
        // The selection's ends move left with the text, never before the line start.
        if a > s {
            new_a -= removed.min(a - s);
        }
        if b > s {
            new_b -= removed.min(b - s);
        }
        from = s + removed;
    }
    out.push_str(&text[from..]);
    Edited {
        start: utf16_len(&out[..new_a]),
        end: utf16_len(&out[..new_b]),
        text: out,
    }
}

/// `snippet` put on the line of the caret if it is blank, else on a new line below
/// it, at that line's indentation (one level deeper after a line ending in `:`); each
/// of its lines keeps its own indentation on top. The inserted lines come back selected.
pub fn insert_below(text: &str, caret: u32, snippet: &str) -> Edited {
    let at = byte_at(text, caret);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let mut indent: String = line.chars().take_while(|c| *c == ' ').collect();
    if line.trim_end().ends_with(':') {
        indent.push_str(INDENT);
    }
    let block: Vec<String> = snippet.lines().map(|l| format!("{indent}{l}")).collect();
    let block = block.join("\n");
    let (before, after, start) = if line.trim().is_empty() {
        (&text[..line_start], &text[line_end..], line_start)
    } else {
        let before = &text[..line_end];
        (before, &text[line_end..], line_end + 1)
    };
    let joined = if line.trim().is_empty() {
        format!("{before}{block}{after}")
    } else {
        format!("{before}\n{block}{after}")
    };
    let start16 = utf16_len(&joined[..start]);
    Edited {
        start: start16,
        end: start16 + utf16_len(&block),
        text: joined,
    }
}

/// The smallest change that turns `old` into `new`: replace the UTF-16 range
/// `start..end` of `old` by `text`. The editor applies an edit this way (as typing
/// would), so the browser's undo history keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// Where 1-based `line` starts and ends in `text`, as a textarea counts (UTF-16 units),
/// for putting the caret on it; the last line for a line past the end.
pub fn line_span(text: &str, line: usize) -> (u32, u32) {
    let mut start = 0;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line || start + l.len() >= text.len() {
            return (
                utf16_len(&text[..start]),
                utf16_len(&text[..start + l.len()]),
            );
        }
        start += l.len() + 1;
    }
    (0, 0)
}

pub fn replacement(old: &str, new: &str) -> Replacement {
    let prefix: usize = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    Replacement {
        start: utf16_len(&old[..prefix]),
        end: utf16_len(&old[..old.len() - suffix]),
        text: new[prefix..new.len() - suffix].to_string(),
    }
}

/// Ctrl+Enter (Cmd+Enter on a Mac) runs the program now.
pub fn is_run_key(key: &str, ctrl: bool, meta: bool) -> bool {
    key == "Enter" && (ctrl || meta)
}

/// What to underline for an error: a 1-based line and a range of characters (0-based,
/// end exclusive) of that line. An error past the line's end (a missing `:`) marks one
/// character after it, so there is always something to see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Underline {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

pub fn underline(source: &str, error: &ParseError) -> Underline {
    let lines: Vec<&str> = source.split('\n').collect();
    let line = error.line.clamp(1, lines.len().max(1));
    let len = lines
        .get(line - 1)
        .map_or(0, |l| l.trim_end_matches('\r').chars().count());
    let start = error.column.saturating_sub(1).min(len);
    let end = error
        .end_column
        .saturating_sub(1)
        .clamp(start + 1, len.max(start + 1));
    Underline { line, start, end }
}

/// A piece of a highlighted line: its token, its text, and whether it is underlined.
pub type Piece<'a> = (Token, &'a str, bool);

/// The highlighted tokens of `line`, split where the underlined characters
/// `range` begin and end. Past the line's end the underline is a single space.
pub fn highlight_with_underline(line: &str, range: Option<(usize, usize)>) -> Vec<Piece<'_>> {
    let tokens = highlight(line, Lang::Python);
    let Some((start, end)) = range else {
        return tokens.into_iter().map(|(t, s)| (t, s, false)).collect();
    };
    let byte = |chars: usize| {
        line.char_indices()
            .nth(chars)
            .map_or(line.len(), |(i, _)| i)
    };
    let (a, b) = (byte(start), byte(end.max(start)));
    let mut out = Vec::new();
    let mut at = 0;
    for (token, text) in tokens {
        let (s, e) = (at, at + text.len());
        at = e;
        for (from, to, marked) in [
            (s, a.clamp(s, e), false),
            (a.clamp(s, e), b.clamp(s, e), true),
            (b.clamp(s, e), e, false),
        ] {
            if from < to {
                out.push((token, &line[from..to], marked));
            }
        }
    }
    if a >= line.len() {
        out.push((Token::Plain, " ", true));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_without_a_selection_inserts_four_spaces_at_the_caret() {
        let e = indent("ab", 1, 1);
        assert_eq!(
            e,
            Edited {
                text: "a    b".into(),
                start: 5,
                end: 5
            }
        );
        // A selection within one line is replaced.
        assert_eq!(indent("abc", 0, 2).text, "    c");
    }

    #[test]
    fn tab_on_several_lines_indents_each_and_keeps_them_selected() {
        let text = "a\nb\nc";
        let e = indent(text, 0, 3); // "a\nb"
        assert_eq!(e.text, "    a\n    b\nc");
        assert_eq!((e.start, e.end), (4, 11));
        // A selection ending at the start of a line leaves that line alone.
        assert_eq!(indent(text, 0, 4).text, "    a\n    b\nc");
    }

    #[test]
    fn shift_tab_removes_up_to_four_spaces_per_line() {
        let e = outdent("      a\n  b\nc", 0, 11);
        assert_eq!(e.text, "  a\nb\nc");
        assert_eq!(
            outdent("    x", 5, 5),
            Edited {
                text: "x".into(),
                start: 1,
                end: 1
            }
        );
        // The caret inside the indentation stays at the line start.
        assert_eq!(outdent("    x", 2, 2).start, 0);
        assert_eq!(outdent("x", 1, 1).text, "x");
    }

    #[test]
    fn a_line_spans_from_its_first_to_its_last_character() {
        let text = "ab\n  cé\nlast";
        assert_eq!(line_span(text, 1), (0, 2));
        assert_eq!(line_span(text, 2), (3, 7));
        assert_eq!(line_span(text, 3), (8, 12));
        assert_eq!(line_span(text, 9), (8, 12), "past the end: the last line");
    }

    #[test]
    fn offsets_are_utf16_as_a_textarea_counts() {
        // "é" is one UTF-16 unit, "😀" two.
        let e = indent("😀é", 3, 3);
        assert_eq!(e.text, "😀é    ");
        assert_eq!(e.start, 7);
        // Offsets past the end are clamped, never a panic.
        assert_eq!(indent("a", 99, 99).text, "a    ");
        assert_eq!(outdent("a", 99, 7).text, "a");
    }

    #[test]
    fn a_replacement_is_the_smallest_change() {
        let r = |start, end, text: &str| Replacement {
            start,
            end,
            text: text.into(),
        };
        assert_eq!(replacement("a\nb", "    a\n    b"), r(0, 2, "    a\n    "));
        assert_eq!(replacement("    x", "x"), r(0, 4, ""));
        assert_eq!(replacement("ab", "ab"), r(2, 2, ""));
        // Repeated characters: the prefix wins, the ranges never cross.
        assert_eq!(replacement("aaa", "aaaaa"), r(3, 3, "aa"));
        assert_eq!(replacement("😀x", "😀    x"), r(2, 2, "    "));
    }

    #[test]
    fn ctrl_or_cmd_enter_runs() {
        assert!(is_run_key("Enter", true, false));
        assert!(is_run_key("Enter", false, true));
        assert!(!is_run_key("Enter", false, false));
        assert!(!is_run_key("a", true, false));
    }

    fn error(line: usize, column: usize, end_column: usize) -> ParseError {
        ParseError {
            line,
            column,
            end_column,
            message: String::new(),
        }
    }

    #[test]
    fn an_error_underlines_its_columns_clamped_to_the_line() {
        let source = "async def main():\nwhile True:\n";
        assert_eq!(
            underline(source, &error(2, 1, 6)),
            Underline {
                line: 2,
                start: 0,
                end: 5
            }
        );
        // Past the end of the line: one character after it.
        assert_eq!(
            underline(source, &error(1, 18, 19)),
            Underline {
                line: 1,
                start: 17,
                end: 18
            }
        );
        // A line past the end of the text is the last line.
        assert_eq!(underline(source, &error(9, 1, 2)).line, 3);
    }

    #[test]
    fn underlined_pieces_rejoin_to_the_line() {
        let line = "    while True:";
        let pieces = highlight_with_underline(line, Some((4, 9)));
        let joined: String = pieces.iter().map(|p| p.1).collect();
        assert_eq!(joined, line);
        let marked: String = pieces.iter().filter(|p| p.2).map(|p| p.1).collect();
        assert_eq!(marked, "while");
        // Past the end: an underlined space.
        let pieces = highlight_with_underline("ab", Some((2, 3)));
        assert_eq!(pieces.last(), Some(&(Token::Plain, " ", true)));
        // Multi-byte characters split on character boundaries.
        let pieces = highlight_with_underline("é = 'ü'", Some((0, 1)));
        assert_eq!(pieces[0].1, "é");
    }

    #[test]
    fn a_snippet_goes_below_the_caret_at_its_indentation() {
        let text = "async def main():\n    x = 1\n";
        // The caret in `x = 1`: a new line below, indented alike, and selected.
        let e = insert_below(text, 24, "await asyncio.sleep(1)");
        assert_eq!(
            e.text,
            "async def main():\n    x = 1\n    await asyncio.sleep(1)\n"
        );
        assert_eq!(
            &e.text[e.start as usize..e.end as usize],
            "    await asyncio.sleep(1)"
        );
        // After a line ending in `:`, one level deeper; a snippet's own lines keep theirs.
        let e = insert_below(text, 3, "async with lock:\n    pass");
        assert_eq!(
            e.text,
            "async def main():\n    async with lock:\n        pass\n    x = 1\n"
        );
        // On a blank line, the snippet takes its place.
        let e = insert_below("a\n    \nb", 4, "c");
        assert_eq!(e.text, "a\n    c\nb");
        // At the end of a text without a newline.
        assert_eq!(insert_below("a", 1, "b").text, "a\nb");
    }
}
