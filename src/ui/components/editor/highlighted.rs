//! The editor's visible layer: the program highlighted line by line, with line numbers,
//! the running and waiting lines marked, and a parse error underlined. The textarea
//! above it has transparent text, so what the learner sees is this.

use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

use crate::ui::editing_text::{highlight_with_underline, Underline};

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    pub running: Option<usize>,
    pub waiting: Rc<BTreeSet<usize>>,
    pub underline: Option<Underline>,
}

#[function_component(Highlighted)]
pub fn highlighted(props: &HighlightedProps) -> Html {
    let rows = props.text.split('\n').enumerate().map(|(i, line)| {
        let n = i + 1;
        let marked = props
            .underline
            .filter(|u| u.line == n)
            .map(|u| (u.start, u.end));
        let class = classes!(
            "editor__line",
            (props.running == Some(n)).then_some("editor__line--running"),
            props.waiting.contains(&n).then_some("editor__line--waiting"),
            marked.is_some().then_some("editor__line--error")
        );
        html! {
            <span {class} data-line={n.to_string()}>
                <span class="editor__no">{ n }</span>
                { for highlight_with_underline(line, marked).into_iter().map(|(token, text, under)| {
                    let class = classes!(token.class(), under.then_some("code-error"));
                    if class.is_empty() {
                        html! { { text } }
                    } else {
                        html! { <span {class}>{ text }</span> }
                    }
                }) }
                { "\n" }
            </span>
        }
    });
    html! {
        <pre class="editor__pre" aria-hidden="true"><code>{ for rows }</code></pre>
    }
}
