//! Text made safe to write into HTML markup, for the few places that write markup as a
//! string: the embed snippet, and the timeline's segments (thousands per run, which the
//! browser parses far faster than it takes them one attribute at a time).

/// `text` safe as an element's text or inside a double-quoted attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(
            escape(r#"<b a="1">Tom & Jerry</b> ✓"#),
            "&lt;b a=&quot;1&quot;&gt;Tom &amp; Jerry&lt;/b&gt; ✓"
        );
    }
}
