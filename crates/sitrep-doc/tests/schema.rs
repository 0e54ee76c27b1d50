//! The checked-in JSON Schema (`docs/sitrep.schema.json`) must be what the types generate.
//! After a deliberate schema change, regenerate it with
//! `cargo run -p sitrep -- schema > docs/sitrep.schema.json`
//! (or run this test with `SITREP_UPDATE_SCHEMA=1`) and document the change in docs/schema.md.

use std::path::Path;

#[test]
fn checked_in_schema_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/sitrep.schema.json");
    let generated = format!("{:#}\n", sitrep_doc::json_schema());
    if std::env::var_os("SITREP_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
    }
    let checked_in = std::fs::read_to_string(&path).expect("docs/sitrep.schema.json exists");
    assert!(
        checked_in == generated,
        "docs/sitrep.schema.json is out of date with the record types; regenerate it with \
         `cargo run -p sitrep -- schema > docs/sitrep.schema.json` and update docs/schema.md"
    );
}

#[test]
fn a_record_validates_its_own_shape() {
    use sitrep_doc::{Document, Meta, Record};
    let doc = Document::new("Kyiv said “no.”", Meta::default());
    let value = serde_json::to_value(Record::new(&doc)).unwrap();
    let schema = sitrep_doc::json_schema();
    let required = schema["required"].as_array().unwrap();
    for field in required {
        assert!(
            value.get(field.as_str().unwrap()).is_some(),
            "record lacks {field}"
        );
    }
    for layer in [
        "tokens",
        "sentences",
        "entities",
        "times",
        "figures",
        "quotes",
        "claims",
        "places",
        "events",
    ] {
        assert!(value[layer].is_array(), "{layer} is an array");
    }
}
