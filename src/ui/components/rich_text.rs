//! Prose with its backticked words as code: lesson text, parse errors (`asyncio.gather`).

use yew::prelude::*;

/// `text` cut into runs of prose (`false`) and code (`true`). An unmatched backtick is
/// kept as prose.
pub fn code_spans(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        if open > 0 {
            out.push((false, &rest[..open]));
        }
        out.push((true, &rest[open + 1..open + 1 + len]));
        rest = &rest[open + len + 2..];
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: AttrValue,
}

/// Prose with its backticked words as `<code>`.
#[function_component(RichText)]
pub fn rich_text(props: &RichTextProps) -> Html {
    code_spans(&props.text)
        .into_iter()
        .map(|(code, part)| {
            if code {
                html! { <code>{ part.to_string() }</code> }
            } else {
                html! { { part.to_string() } }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::code_spans;

    #[test]
    fn backticked_words_are_code() {
        assert_eq!(
            code_spans("`asyncio.gather` starts them all, `await` each"),
            vec![
                (true, "asyncio.gather"),
                (false, " starts them all, "),
                (true, "await"),
                (false, " each"),
            ]
        );
    }

    #[test]
    fn plain_text_and_a_lone_backtick_stay_prose() {
        assert_eq!(code_spans("no code"), vec![(false, "no code")]);
        assert_eq!(code_spans("a ` b"), vec![(false, "a ` b")]);
        assert_eq!(code_spans(""), vec![]);
    }
}
