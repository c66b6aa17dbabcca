//! Links the `rapporteur` executable at a fixed address (not position-independent).
//! A search is a short process, and a position-independent executable of this size
//! spends a fifth of a millisecond or more at every start having the dynamic loader
//! patch 37,000 addresses (copying each page it patches): 1.6 -> 1.1-1.3 ms for
//! `rapporteur --version`, the same saving on every search. The cost is that the
//! executable's own code is not placed at a random address; libraries still are.

fn main() {
    // Without this, cargo reruns the script (and so rebuilds every target of the crate)
    // when any file of the package changes, a test file included.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-link-arg-bins=-no-pie");
}
