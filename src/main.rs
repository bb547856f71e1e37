//! Web entry: install the panic hook and mount the app. Natively this binary does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    ocop_self_check::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ocop-self-check is the web app; build it for wasm32 (see README). For the command line use `ocop`.");
}
