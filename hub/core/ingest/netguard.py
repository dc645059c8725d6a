"""Refusing member-supplied URLs that point into the hub's own network (SSRF guard).

A member can own a feed source; the hub then fetches a URL a stranger chose.
Without a guard that URL could reach the database, a cloud metadata service
(169.254.169.254) or an admin page on localhost. :class:`NetGuard` resolves
the host (as the connection will) and refuses when ANY address it resolves
to is private, loopback, link-local, multicast, reserved or unspecified,
unless the address falls in the deployment's allow-list
(``[hub] fetch_allow_private``, CIDR blocks, for internal feeds). The fetch
loop calls :meth:`NetGuard.check` before every request, so each redirect hop
is checked again.

The addresses checked are the addresses connected to: :meth:`NetGuard.vetted`
resolves once and returns what it checked, and the fetch connects to one of
those addresses itself (the URL's host replaced by the address, the name kept
in the ``Host`` header and as the TLS server name, see
:func:`hub.core.ingest.fetch.pinned`), so a DNS answer that changes between the
check and the connection (rebinding) is never asked for.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from hub.core.ingest.errors import FetchError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[str]]]


def parse_networks(blocks: Iterable[str]) -> tuple[Network, ...]:
    """CIDR blocks (``10.0.0.0/8``, ``127.0.0.1``) as networks; ValueError names a bad one."""
    networks = []
    for block in blocks:
        try:
            networks.append(ipaddress.ip_network(block.strip(), strict=False))
        except ValueError:
            raise ValueError(f"not an IP address or CIDR block: {block!r}") from None
    return tuple(networks)


def forbidden_kind(address: Address) -> str | None:
    """Why ``address`` is not on the public internet (None when it is)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return forbidden_kind(address.ipv4_mapped)
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("not globally routable", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


async def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, as the connection's resolver sees it."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


@dataclass(frozen=True)
class NetGuard:
    """Checks URLs against the public-internet rule and the deployment's allow-list."""

    allow: Sequence[Network] = ()
    resolver: Resolver = system_resolver

    @classmethod
    def from_blocks(cls, blocks: Iterable[str], resolver: Resolver | None = None) -> NetGuard:
        return cls(parse_networks(blocks), resolver or system_resolver)

    def refusal(self, address: str) -> str | None:
        """Why a connection to ``address`` is refused, or None when it may go ahead."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone
        kind = forbidden_kind(ip)
        if kind is None or any(ip in network for network in self.allow):
            return None
        return kind

    async def check(self, url: str) -> None:
        """Raise :class:`FetchError` (``forbidden_address``) unless ``url`` may be fetched."""
        await self.vetted(url)

    async def vetted(self, url: str) -> list[str]:
        """The addresses ``url``'s host resolves to, every one checked; connect to these only.

        Raises :class:`FetchError` (``forbidden_address``) when any is refused.
        """
        parts = urlsplit(url)
        host = parts.hostname
        if not host:
            raise FetchError("bad_url", f"no host in {url!r}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                addresses = await self.resolver(host, port)
            except OSError:
                raise FetchError("network", f"cannot find the host {host} (DNS)") from None
        addresses = list(dict.fromkeys(addresses))  # once each, in the resolver's order
        if not addresses:
            raise FetchError("network", f"cannot find the host {host} (DNS)")
        for address in addresses:
            kind = self.refusal(address)
            if kind is not None:
                raise FetchError(
                    "forbidden_address",
                    f"refused: {host} is a {kind} address ({address}), not on the public "
                    "internet (a deployment can allow it with [hub] fetch_allow_private)",
                )
        return addresses
