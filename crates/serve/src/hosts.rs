//! Which `Host` the preview answers to. A page on any site can have the
//! browser send requests to a name it controls that resolves to 127.0.0.1
//! (DNS rebinding) and read the answers as its own; such requests name that
//! site's host, never `localhost`. On a loopback address the preview answers
//! only to the loopback names, with any port; on an address the user chose
//! to expose, to any name, since the preview is then meant to be reached by
//! names it cannot know.

use std::net::{IpAddr, SocketAddr};

#[derive(Debug, Clone)]
pub(crate) enum AllowedHosts {
    /// `localhost`, `127.0.0.1`, `[::1]` and the bound address.
    Loopback {
        bound: IpAddr,
    },
    Any,
}

/// Names of the loopback interface, as a `Host` header spells them.
const LOOPBACK_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

impl AllowedHosts {
    pub(crate) fn for_address(address: SocketAddr) -> Self {
        if address.ip().is_loopback() {
            Self::Loopback {
                bound: address.ip(),
            }
        } else {
            Self::Any
        }
    }

    /// Whether a request with this `Host` (None when it has none) is served.
    pub(crate) fn allows(&self, host: Option<&str>) -> bool {
        let Self::Loopback { bound } = self else {
            return true;
        };
        let Some(name) = host.and_then(without_port) else {
            return false;
        };
        let bound = match bound {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
        };
        LOOPBACK_NAMES
            .iter()
            .copied()
            .chain(std::iter::once(bound.as_str()))
            .any(|allowed| allowed.eq_ignore_ascii_case(name))
    }
}

/// `name` of `name` or `name:port`; None when the port is not a number.
fn without_port(host: &str) -> Option<&str> {
    let (name, rest) = if host.starts_with('[') {
        host.split_at(host.find(']')? + 1)
    } else {
        host.split_at(host.find(':').unwrap_or(host.len()))
    };
    let port_is_a_number = match rest.strip_prefix(':') {
        Some(port) => !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()),
        None => rest.is_empty(),
    };
    (port_is_a_number && !name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback() -> AllowedHosts {
        AllowedHosts::for_address("127.0.0.1:1111".parse().unwrap())
    }

    #[test]
    fn loopback_names_with_any_port_are_served() {
        let hosts = loopback();
        for host in [
            "localhost",
            "localhost:1111",
            "LocalHost:8080",
            "127.0.0.1:1111",
            "127.0.0.1",
            "[::1]:1111",
            "[::1]",
        ] {
            assert!(hosts.allows(Some(host)), "{host}");
        }
        let bound = AllowedHosts::for_address("127.0.0.2:1111".parse().unwrap());
        assert!(bound.allows(Some("127.0.0.2:1111")));
        assert!(!loopback().allows(Some("127.0.0.2:1111")));
    }

    #[test]
    fn other_names_are_refused_on_loopback() {
        let hosts = loopback();
        for host in [
            None,
            Some(""),
            Some("attacker.example"),
            Some("attacker.example:1111"),
            Some("localhost.attacker.example"),
            Some("127.0.0.1.nip.io:1111"),
            Some("localhost:1111:1111"),
            Some("localhost:"),
            Some("localhost:port"),
            Some("[::1]x"),
            Some("[::1"),
            Some("0.0.0.0:1111"),
        ] {
            assert!(!hosts.allows(host), "{host:?}");
        }
    }

    #[test]
    fn an_exposed_address_serves_every_name() {
        let hosts = AllowedHosts::for_address("0.0.0.0:1111".parse().unwrap());
        assert!(hosts.allows(Some("docs.intranet.example:1111")));
        assert!(hosts.allows(None));
    }
}
