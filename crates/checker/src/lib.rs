//! The IMS readiness rules compiled to WebAssembly for the in-page checker.
