//! IMS readiness rules for Campaign Classic v7: the release catalog, version parsing and the verdict. Pure: no I/O.
