//! Live checks as data: a technote's check is declared in a TOML file
//! (`<page>.check.toml` beside its technote, see `docs/checks.md`), read and
//! validated by [`read_declaration`] (feature `declarations`), and evaluated
//! by [`evaluate_check`] over the one release catalog. The validated
//! [`Check`] is plain data (JSON for the page), so the browser, the CLI and
//! the site run the same evaluator on the same declaration.

#[cfg(feature = "declarations")]
mod declaration;
mod evaluate;
mod model;
#[cfg(feature = "declarations")]
mod position;
#[cfg(feature = "declarations")]
mod space;
mod wire;

#[cfg(feature = "declarations")]
pub use declaration::{
    DeclarationProblem, MessageUse, ReadDeclaration, read_declaration, read_trusted_declaration,
};
pub use evaluate::{CheckVerdict, FieldProblem, FieldValue, INCOMPLETE, evaluate_check};
pub use model::{
    Check, Condition, Input, InputKind, LineFlag, Part, Rule, Step, VersionTest, message_id,
};
pub use wire::{decode as decode_check, encode as encode_check};
