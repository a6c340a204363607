//! The results app's entry point (`results.html`): mounts it in the page (wasm32 only).

#[cfg(target_arch = "wasm32")]
fn main() {
    dialogue_kit::ui::results::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "dialogue-kit-results is the web app's results page: build it with scripts/build.sh; the CLI is `dialogue-kit`."
    );
    std::process::exit(2);
}
