//! The integration tests, one binary: a change to the rules relinks one test executable, not
//! one per file. Each module tests one part of the public facade on fixture files of real
//! shape, with insta snapshots for outputs.

mod common;

mod bounded;
mod card;
mod cli;
mod constructions;
mod containment;
mod corrections;
mod datasets;
mod eval;
mod external;
mod extract;
mod first_command;
mod integrity;
mod interrupted;
mod layers;
mod limits;
mod links;
mod release;
mod reviews;
mod robustness;
mod schema;
mod validate;
