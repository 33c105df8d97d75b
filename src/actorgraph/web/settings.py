"""The web server's settings: one typed object, built by the CLI and passed in."""
from __future__ import annotations

from dataclasses import dataclass, field

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class WebSettings:
    """How `actorgraph serve` runs.

    `allow_writes` enables the endpoints that record analyst judgements (merge,
    different); without it they answer 403. Requests must name this machine (or
    `host`) in their Host header, which stops DNS-rebinding pages from reading
    the API through the browser.
    """

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8765
    allow_writes: bool = False
    page_size: int = 50          # default page of lists (limit)
    max_page_size: int = 200     # larger limits are refused with 422
    max_graph_nodes: int = 250   # the network view stops growing here
    extra_hosts: tuple[str, ...] = field(default_factory=tuple)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def allowed_hosts(self) -> frozenset[str] | None:
        """Host names a request may use; None when any is allowed (bound to all)."""
        if self.host in ("0.0.0.0", "::", ""):
            return None
        return frozenset((*LOOPBACK, self.host, *self.extra_hosts))

    @property
    def is_loopback(self) -> bool:
        return self.host in LOOPBACK or self.host.startswith("127.")
