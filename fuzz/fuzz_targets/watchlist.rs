//! Watchlist JSON from any bytes: an error or a valid watchlist, never a
//! panic; a loaded watchlist round-trips and indexes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lurescan::{NameIndex, Watchlist};

fuzz_target!(|data: &[u8]| {
    if data.len() > 8192 {
        return;
    }
    let Ok(s) = std::str::from_utf8(data) else { return };
    match Watchlist::from_json(s) {
        Ok(w) => {
            let again = Watchlist::from_json(&w.to_json()).expect("a loaded watchlist round-trips");
            assert_eq!(w, again);
            let index = NameIndex::new(&w);
            for p in w.personas() {
                let _ = index.match_person(&p.name);
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let mut builtin = Watchlist::builtin();
    let before = builtin.clone();
    if builtin.merge_json(s).is_err() {
        assert_eq!(builtin, before, "a failed merge changes nothing");
    }
});
