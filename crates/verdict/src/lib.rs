//! A declared check's answers for people and fleets: answers built from
//! named fields (command-line flags or inventory columns, named like the
//! check's inputs), and inventories read as a guarded stream of rows. The
//! verdicts are the rules crate's `evaluate_check`, as on the page.

mod answers;
mod declared_fleet;
mod inventory;
mod text_guard;

pub use answers::{FieldError, answers_from_fields, field_names};
pub use declared_fleet::{DeclaredFleet, FleetCounts, FleetRow, HeaderError};
pub use inventory::{
    DEFAULT_MAX_ROWS, Inventory, InventoryEntry, InventoryProblem, InventoryRow, NotAnInventory,
    read_inventory,
};
