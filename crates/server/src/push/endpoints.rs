//! Where pushes may go. A subscription names the address the server sends to, and it comes
//! from a visitor nobody signed in: without a guard, anyone with a ticket could make the
//! server send requests into the office's own network. So pushes go only over https to
//! public addresses, checked on the name's every resolution (a name that resolved to a public
//! address at subscription may resolve to a private one at sending).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// Whether pushes may go to local and private addresses over http: only for tests with a push
/// receiver on this machine (`push_private_endpoints`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    PublicOnly,
    AnyAddress,
}

/// Why an endpoint is refused, for the visitor's API error.
pub fn refusal(endpoint: &Url, reach: Reach) -> Option<&'static str> {
    if reach == Reach::AnyAddress {
        return None;
    }
    if endpoint.scheme() != "https" {
        return Some("a push endpoint must be an https URL");
    }
    let local = match endpoint.host() {
        Some(Host::Ipv4(address)) => !is_public(IpAddr::V4(address)),
        Some(Host::Ipv6(address)) => !is_public(IpAddr::V6(address)),
        Some(Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost") || !name.contains('.')
        }
        None => true,
    };
    local.then_some("a push endpoint must be a push service on the internet, not a local address")
}

/// Whether `address` is on the internet: not loopback, private, link-local, shared (carrier
/// NAT), documentation, multicast or unspecified.
pub fn is_public(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(address: Ipv4Addr) -> bool {
    let [a, b, ..] = address.octets();
    let shared = a == 100 && (64..128).contains(&b);
    let benchmarking = a == 198 && (18..20).contains(&b);
    !(address.is_private()
        || address.is_loopback()
        || address.is_link_local()
        || address.is_unspecified()
        || address.is_broadcast()
        || address.is_documentation()
        || address.is_multicast()
        || shared
        || benchmarking
        || a == 0
        || a >= 240)
}

fn is_public_v6(address: Ipv6Addr) -> bool {
    let first = address.segments()[0];
    let unique_local = first & 0xfe00 == 0xfc00;
    let link_local = first & 0xffc0 == 0xfe80;
    let documentation = first == 0x2001 && address.segments()[1] == 0x0db8;
    !(address.is_loopback()
        || address.is_unspecified()
        || address.is_multicast()
        || unique_local
        || link_local
        || documentation)
}

/// Resolves names for the push client and keeps only public addresses: a name that leads
/// only to local ones fails to connect, as if it did not exist.
pub struct PublicAddressesOnly;

impl Resolve for PublicAddressesOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let public: Vec<SocketAddr> = found.filter(|address| is_public(address.ip())).collect();
            if public.is_empty() {
                return Err(format!("{} has no public address", name.as_str()).into());
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(url: &str) -> bool {
        refusal(&Url::parse(url).unwrap(), Reach::PublicOnly).is_some()
    }

    #[test]
    fn push_services_are_allowed_and_the_office_network_is_not() {
        assert!(!refused("https://fcm.googleapis.com/fcm/send/abc"));
        assert!(!refused("https://web.push.apple.com/QO3"));
        assert!(!refused("https://updates.push.services.mozilla.com/wpush/v2/x"));
        assert!(!refused("https://8.8.8.8/push"));
        for local in [
            "http://fcm.googleapis.com/fcm/send/abc",
            "https://127.0.0.1/push",
            "https://10.1.2.3/push",
            "https://192.168.0.10:8443/push",
            "https://172.20.0.1/push",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/push",
            "https://0.0.0.0/push",
            "https://[::1]/push",
            "https://[fd00::1]/push",
            "https://[fe80::1]/push",
            "https://[::ffff:10.0.0.1]/push",
            "https://localhost/push",
            "https://db.localhost/push",
            "https://intranet/push",
        ] {
            assert!(refused(local), "{local} must be refused");
        }
    }

    #[test]
    fn tests_may_push_to_this_machine() {
        assert_eq!(refusal(&Url::parse("http://127.0.0.1:9/push").unwrap(), Reach::AnyAddress), None);
    }
}
