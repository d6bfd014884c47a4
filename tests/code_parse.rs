#![cfg(not(target_arch = "wasm32"))]
//! Reading Python back into scenarios: round trips through `python_code`, known answers
//! for each construct, and word-for-word error messages.

use looplab::code::{parse_python, python_code, PythonOptions};
use looplab::sim::presets::presets;

#[test]
fn every_presets_python_parses_back_to_the_preset() {
    for (id, scenario) in presets() {
        let code = python_code(&scenario, PythonOptions::default());
        let parsed = parse_python(&code).unwrap_or_else(|e| panic!("{id}: {e}\n{code}"));
        assert_eq!(parsed, scenario, "{id}\n{code}");
    }
}
