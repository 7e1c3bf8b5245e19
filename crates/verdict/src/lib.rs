//! IMS readiness verdicts for people: the rules' answers built from named
//! fields (command-line flags or inventory columns), and the verdict worded
//! through the same Fluent messages (`check-ims-2021-status-*`, `check-ims-2021-finding-*`)
//! that the in-page checker uses.

mod answers;
mod declared_fleet;
mod inventory;
mod localize;
mod text_guard;

pub use answers::{FIELDS, FieldError, answers_from_fields};
pub use declared_fleet::{DeclaredFleet, FleetCounts, FleetRow, HeaderError};
pub use inventory::{
    DEFAULT_MAX_ROWS, Inventory, InventoryEntry, InventoryProblem, InventoryRow, NotAnInventory,
    read_inventory,
};
pub use localize::{LocalizedFinding, LocalizedVerdict, localize};
