//! The start module (see `platform::start`): the first screen of a first visit, small enough for
//! a slow phone. `static/boot.js` loads it when nothing needs the full app yet.

#[cfg(target_arch = "wasm32")]
fn main() {
    ocop_self_check::start_light();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ocop-start is the web app's start module; build it for wasm32 (see README).");
}
