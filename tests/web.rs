//! Component tests in a real browser (headless Chromium through wasm-bindgen-test): what only
//! a browser can show. Run by `scripts/test.sh`, or by hand with
//! `CHROMEDRIVER=$(which chromedriver) cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use dialogue_kit::core::answers::Answer;
use dialogue_kit::core::definition::Definition;
use dialogue_kit::core::parse::parse_definition;
use dialogue_kit::core::progress::Progress;
use dialogue_kit::core::record::Record;
use dialogue_kit::ui::components::KindProps;
use dialogue_kit::ui::components::choice::ChoiceInput;
use dialogue_kit::ui::components::multiple::MultipleInput;
use dialogue_kit::ui::components::question::{QuestionProps, QuestionScreen};
use dialogue_kit::ui::storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::{AttrValue, Callback};

wasm_bindgen_test_configure!(run_in_browser);

fn day() -> Definition {
    parse_definition(dialogue_kit::DEFAULT_DAY).expect("default day parses")
}

/// A fresh element in the page to render into.
fn root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

/// The first question of the default day whose kind has this name.
fn question_of_kind(
    def: &Definition,
    kind: &str,
    with_nco: bool,
) -> Rc<dialogue_kit::core::definition::Question> {
    let q = def
        .questions()
        .map(|(_, q)| q)
        .find(|q| q.kind.name() == kind && q.kind.offers_no_clear_opinion() == with_nco)
        .unwrap_or_else(|| panic!("the default day has a {kind} question"));
    Rc::new(q.clone())
}

#[wasm_bindgen_test]
async fn a_scale_keeps_no_clear_opinion_apart_and_reports_taps() {
    let def = day();
    let q = question_of_kind(&def, "scale", true);
    let got: Rc<RefCell<Vec<Option<Answer>>>> = Rc::default();
    let sink = got.clone();
    let div = root();
    let props = KindProps {
        question: q.clone(),
        answer: None,
        lang: AttrValue::from("en"),
        onanswer: Callback::from(move |a| sink.borrow_mut().push(a)),
    };
    yew::Renderer::<ChoiceInput>::with_root_and_props(div.clone(), props).render();
    settle().await;
    let radios = div.query_selector_all("input[type=radio]").unwrap();
    let dialogue_kit::core::definition::Kind::Scale { scale } = &q.kind else { unreachable!() };
    assert_eq!(radios.length() as usize, scale.points.len() + 1);
    // "No clear opinion" is outside the list of points.
    let nco = div.query_selector(".nco input[value=no_clear_opinion]").unwrap();
    assert!(nco.is_some(), "no clear opinion stands apart");
    assert_eq!(div.query_selector_all(".nco input").unwrap().length(), 1);
    let first: HtmlElement = radios.item(0).unwrap().dyn_into().unwrap();
    first.click();
    nco.unwrap().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(
        *got.borrow(),
        vec![Some(Answer::Option(scale.points[0].id.clone())), Some(Answer::NoClearOpinion)]
    );
}

#[wasm_bindgen_test]
async fn multiple_choice_stops_at_its_maximum() {
    let def = day();
    let q = def
        .questions()
        .map(|(_, q)| q)
        .find(|q| matches!(q.kind, dialogue_kit::core::definition::Kind::MultipleChoice { max: Some(_), .. }))
        .expect("a multiple choice with a maximum");
    let dialogue_kit::core::definition::Kind::MultipleChoice { options, max: Some(max) } = &q.kind else {
        unreachable!()
    };
    let chosen: Vec<_> = options.iter().take(*max as usize).map(|o| o.id.clone()).collect();
    let div = root();
    let props = KindProps {
        question: Rc::new(q.clone()),
        answer: Some(Answer::Options(chosen)),
        lang: AttrValue::from("en"),
        onanswer: Callback::noop(),
    };
    yew::Renderer::<MultipleInput>::with_root_and_props(div.clone(), props).render();
    settle().await;
    let boxes = div.query_selector_all("input[type=checkbox]").unwrap();
    let mut disabled = 0;
    for i in 0..boxes.length() {
        let b: HtmlInputElement = boxes.item(i).unwrap().dyn_into().unwrap();
        if b.disabled() {
            assert!(!b.checked());
            disabled += 1;
        }
    }
    assert_eq!(disabled, options.len() - *max as usize);
}

#[wasm_bindgen_test]
async fn an_unanswered_question_offers_skip_and_an_answered_one_next() {
    let def = day();
    let q = question_of_kind(&def, "yes_no", false);
    for (answer, action) in [(None, "skip"), (Some(Answer::Option("no".into())), "next")] {
        let div = root();
        let props = QuestionProps {
            question: q.clone(),
            answer,
            lang: AttrValue::from("en"),
            session_label: AttrValue::from("Session 1 of 9"),
            step: (2, 5),
            onanswer: Callback::noop(),
            onnext: Callback::noop(),
            onback: Callback::noop(),
            unit: AttrValue::from("Question"),
            children: yew::Html::default(),
        };
        yew::Renderer::<QuestionScreen>::with_root_and_props(div.clone(), props).render();
        settle().await;
        assert!(div.query_selector(&format!("[data-action={action}]")).unwrap().is_some(), "{action}");
        assert!(div.text_content().unwrap().contains("Question 2 of 5"));
        // The question is the legend of its fieldset, for screen readers.
        assert!(div.query_selector("fieldset > legend h2").unwrap().is_some());
    }
}

#[wasm_bindgen_test]
fn progress_survives_in_local_storage() {
    let def = day();
    let mut r = Record::new(&def, "web-test", 3, "00112233445566aa", "en", 1_700_000_000);
    r.answers.insert("changed_mind".into(), Answer::Option("yes".into()));
    let p = Progress::new(r);
    let key = storage::progress_key(dialogue_kit::core::definition::RecordKind::Participant, "web-test", 3);
    storage::save_progress(&key, &p).unwrap();
    assert_eq!(storage::load_progress(&key).unwrap(), Some(p));
    storage::clear(&key).unwrap();
    assert_eq!(storage::load_progress(&key).unwrap(), None);
}

#[wasm_bindgen_test]
fn content_hashes_match_the_native_build() {
    // The same digest as the native unit test `hash::tests::known_digest` computes for `{}`, and
    // keys sorted whatever their order: a browser and the CLI must name a definition alike.
    let a: serde_json::Value = serde_json::from_str(r#"{"b": 1, "a": [1, 2]}"#).unwrap();
    let b: serde_json::Value = serde_json::from_str(r#"{"a": [1, 2], "b": 1}"#).unwrap();
    let empty: serde_json::Value = serde_json::from_str("{}").unwrap();
    use dialogue_kit::core::hash::content_hash;
    assert_eq!(content_hash(&a), content_hash(&b));
    assert_eq!(
        content_hash(&empty),
        "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    );
}

#[wasm_bindgen_test]
async fn the_results_dataset_survives_in_indexeddb() {
    use dialogue_kit::ui::results::idb;
    // A few megabytes, more than localStorage would hold, in one transaction with its meta.
    let big = "DK1-".repeat(2_000_000);
    idb::save(&[(idb::BUNDLE, &big), (idb::META, "{\"exported\":true}")]).await.unwrap();
    assert_eq!(idb::load(idb::BUNDLE).await.unwrap().map(|s| s.len()), Some(big.len()));
    assert_eq!(idb::load(idb::META).await.unwrap().as_deref(), Some("{\"exported\":true}"));
    idb::clear().await.unwrap();
    assert_eq!(idb::load(idb::BUNDLE).await.unwrap(), None);
}
