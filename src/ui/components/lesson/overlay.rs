//! Presenter mode's narration: the current line of the open lesson in large type at the
//! end of the timeline panel, held at the bottom of the screen while the panel is taller
//! (sticky), so the room reads it where it looks and it never hides the panel's end.

use yew::prelude::*;

use super::narration::{reached, use_narration};
use crate::ui::components::rich_text::RichText;
use crate::ui::state::AppContext;

#[function_component(NarrationOverlay)]
pub fn narration_overlay() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lines = use_narration(&ctx);
    if !ctx.presenter {
        return Html::default();
    }
    let Some((_, text)) = reached(&lines, ctx.playhead)
        .checked_sub(1)
        .and_then(|i| lines.get(i))
    else {
        return Html::default();
    };
    html! {
        <div class="narration-overlay" role="status" aria-live="polite">
            <p class="narration-overlay__text"><RichText text={text.clone()} /></p>
        </div>
    }
}
