"""The web server's settings: one typed object, built by the CLI and passed in."""
from __future__ import annotations

from dataclasses import dataclass, field

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class WebSettings:
    """How `actorgraph serve` runs.

    `allow_writes` enables the endpoints that record analyst judgements (merge,
    different); without it they answer 403. Requests must name an allowed host in
    their Host header (the loopback names, the bound address and `extra_hosts`,
    whatever the bind address), which stops DNS-rebinding pages from reading or
    writing through the browser. Request bodies over `max_body` bytes are refused
    before they are read. On any address but loopback (or with `auth`), every request
    needs a user: an API token (`Authorization: Bearer`) or a browser login; each user
    sees only what their TLP clearance covers.
    """

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8765
    allow_writes: bool = False
    page_size: int = 50          # default page of lists (limit)
    max_page_size: int = 200     # larger limits are refused with 422
    max_graph_nodes: int = 250   # the network view stops growing here
    extra_hosts: tuple[str, ...] = field(default_factory=tuple)
    max_body: int = 1_000_000    # bytes; larger request bodies get 413
    campaign: tuple[str, ...] = field(default_factory=tuple)   # channel exports to analyse
    narratives: str | None = None                              # the analyst's narratives file
    auth: bool = False           # require a login even on a loopback address
    clearance: str | None = None  # TLP clearance of requests without a login (None: all)
    session_hours: float = 12.0  # a browser login lasts this long

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def allowed_hosts(self) -> frozenset[str]:
        """Host names a request may use: the loopback names, the bound address (unless
        it is a wildcard, which no request names) and the extra hosts."""
        bound = () if self.binds_all else (self.host,)
        return frozenset(h.lower() for h in (*LOOPBACK, *bound, *self.extra_hosts))

    @property
    def binds_all(self) -> bool:
        """True when the server listens on every address (0.0.0.0, ::)."""
        return self.host in ("0.0.0.0", "::", "")

    @property
    def is_loopback(self) -> bool:
        return self.host in LOOPBACK or self.host.startswith("127.")

    @property
    def auth_required(self) -> bool:
        """Every request needs a user (a token or a login) on any address other machines
        can reach, and wherever `auth` asks for it (behind a reverse proxy)."""
        return self.auth or not self.is_loopback
