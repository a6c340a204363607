//! One answer from a list: single choice, a labelled scale, or yes / no, as radio buttons.
//! "No clear opinion", where offered, stands apart below the list: it is an answer, not a
//! point of the scale.

use yew::prelude::*;

use super::{KindProps, dom_id};
use crate::core::answers::Answer;
use crate::core::definition::{Choice, Kind};
use crate::core::text::{OptionId, Text};

#[component]
pub fn ChoiceInput(props: &KindProps) -> Html {
    let q = &props.question;
    let lang = props.lang.as_str();
    let (options, nco): (Vec<Choice<OptionId>>, Option<Text>) = match &q.kind {
        Kind::SingleChoice { options, no_clear_opinion } => (options.clone(), no_clear_opinion.clone()),
        Kind::Scale { scale } => (scale.points.clone(), scale.no_clear_opinion.clone()),
        Kind::YesNo { no_clear_opinion } => (
            vec![
                Choice { id: "yes".into(), label: Text::en("Yes"), hint: None },
                Choice { id: "no".into(), label: Text::en("No"), hint: None },
            ],
            no_clear_opinion.clone(),
        ),
        _ => return html! {},
    };
    let name = dom_id(q, "choice");
    let radio = |value: Answer, key: String, label: String, hint: Option<String>| {
        let checked = props.answer.as_ref() == Some(&value);
        let id = dom_id(q, &key);
        let onchange = props.onanswer.reform(move |_| Some(value.clone()));
        html! {
            <label class={classes!("option", checked.then_some("chosen"))} for={id.clone()}>
                <input type="radio" id={id} name={name.clone()} value={key} {checked} {onchange} />
                <span class="option-text">
                    { label }
                    if let Some(h) = hint { <small class="hint">{ h }</small> }
                </span>
            </label>
        }
    };
    html! {
        <div class="options" role="radiogroup">
            { for options.iter().map(|o| radio(
                Answer::Option(o.id.clone()),
                o.id.to_string(),
                o.label.get(lang).to_string(),
                o.hint.as_ref().map(|h| h.get(lang).to_string()),
            )) }
            if let Some(t) = nco {
                <div class="nco">
                    { radio(Answer::NoClearOpinion, "no_clear_opinion".into(), t.get(lang).to_string(), None) }
                </div>
            }
        </div>
    }
}
