//! The web app's entry point: mounts the Yew app in the page (wasm32 only).

#[cfg(target_arch = "wasm32")]
fn main() {
    dialogue_kit::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "dialogue-kit-app is the web app: build it with trunk (see README.md); the CLI is `dialogue-kit`."
    );
    std::process::exit(2);
}
