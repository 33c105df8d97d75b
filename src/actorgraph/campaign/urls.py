"""Canonical URLs, with no network call: the forms of one target fold to one string, so
the co-link detector sees two shares of one page as one object.

- scheme and `www.` dropped, host lower-cased, trailing slash and fragment dropped;
- tracking parameters dropped (`utm_*`, `fbclid`, `gclid`, `igshid`, `si`, `feature`, ...);
  the other parameters sorted;
- Telegram: `t.me/s/NAME/ID`, `telegram.me/...`, `telegram.dog/...` → `t.me/name/ID`;
- YouTube: `youtu.be/ID`, `youtube.com/shorts/ID`, `/embed/ID`, `/live/ID`,
  `m.youtube.com/watch?v=ID` → `youtube.com/watch?v=ID`.

Shorteners are not expanded (that needs the network); their links stay as written.
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

TRACKING = {"fbclid", "gclid", "dclid", "msclkid", "igshid", "igsh", "si", "feature",
            "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "yclid", "_hsenc", "_hsmi",
            "s", "t_", "share", "from"}
YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
TELEGRAM_HOSTS = {"t.me", "telegram.me", "telegram.dog"}


def _tracking(key: str) -> bool:
    k = key.lower()
    return k.startswith("utm_") or k in TRACKING


def canonical_url(url: str) -> str:
    """The canonical form of `url` (see the module's rules); a string that is not a URL
    is returned folded and stripped."""
    raw = url.strip()
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
    except ValueError:
        return url.strip().lower()
    host = (parts.hostname or "").lower()
    host = host.removeprefix("www.")
    path = parts.path.rstrip("/")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _tracking(k)]
    if host == "youtu.be" and path:
        return f"youtube.com/watch?v={path.strip('/').split('/')[0]}"
    if host in YOUTUBE_HOSTS:
        segs = [s for s in path.split("/") if s]
        if len(segs) >= 2 and segs[0] in {"shorts", "embed", "live", "v"}:
            return f"youtube.com/watch?v={segs[1]}"
        if segs == ["watch"]:
            vid = dict(query).get("v")
            if vid:
                return f"youtube.com/watch?v={vid}"
        host = "youtube.com"
    if host in TELEGRAM_HOSTS:
        segs = [s for s in path.split("/") if s]
        if segs and segs[0] == "s":
            segs = segs[1:]
        if segs:
            segs[0] = segs[0].lower()
        return "t.me/" + "/".join(segs)
    tail = ("?" + urlencode(sorted(query))) if query else ""
    return f"{host}{path}{tail}"
