//! Ready-made scenarios, stored as JSON in the documented scenario format.

use super::scenario::Scenario;

/// (id, JSON) of every preset, in the order the UI lists them.
const PRESETS: &[(&str, &str)] = &[
    ("three-fetches", include_str!("presets/three_fetches.json")),
    (
        "blocking-sleep",
        include_str!("presets/blocking_sleep.json"),
    ),
    (
        "turn-vs-gather",
        include_str!("presets/turn_vs_gather.json"),
    ),
    ("semaphore", include_str!("presets/semaphore.json")),
    ("timeout", include_str!("presets/timeout.json")),
    ("executor", include_str!("presets/executor.json")),
    ("errors", include_str!("presets/errors.json")),
    (
        "producer-consumer",
        include_str!("presets/producer_consumer.json"),
    ),
    ("streaming", include_str!("presets/streaming.json")),
    ("deadlock", include_str!("presets/deadlock.json")),
];

/// The ids of the presets, in order.
pub fn preset_ids() -> impl Iterator<Item = &'static str> {
    PRESETS.iter().map(|(id, _)| *id)
}

/// A preset by id.
pub fn preset(id: &str) -> Option<Scenario> {
    let (_, json) = PRESETS.iter().find(|(i, _)| *i == id)?;
    Scenario::from_json(json).ok()
}

/// Every preset, in order.
pub fn presets() -> Vec<(&'static str, Scenario)> {
    preset_ids()
        .filter_map(|id| Some((id, preset(id)?)))
        .collect()
}
