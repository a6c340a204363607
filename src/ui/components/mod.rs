//! Reusable pieces of the participant app, one per file: an input per question kind, the
//! question frame around them, and the handover panel.

pub mod choice;
pub mod country;
pub mod grid;
pub mod handover;
pub mod list;
pub mod multiple;
pub mod numeric;
pub mod ordering;
pub mod ordering_drag;
pub mod question;
pub mod start_over;
pub mod text;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::answers::Answer;
use crate::core::definition::Question;

/// What every question-kind input takes: the question, its current answer, the language, and
/// where to send a new answer (`None` clears it).
#[derive(Properties, PartialEq, Clone)]
pub struct KindProps {
    pub question: Rc<Question>,
    pub answer: Option<Answer>,
    pub lang: AttrValue,
    pub onanswer: Callback<Option<Answer>>,
}

/// An id for an element of a question, unique in the page.
pub fn dom_id(question: &Question, part: &str) -> String {
    format!("q-{}-{part}", question.id)
}
