"""The types of the properties the STIX import reads, checked before it reads them.

The `stix2` parser checks the objects it knows; custom objects (`x-actorgraph-event`) and
custom properties (`x_actorgraph_value`, `x_opencti_aliases`, ...) it passes through as
they are. Each property the import uses must be of the type it expects, or null: anything
else is a `BundleError` naming the object, the property and what it should be.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from actorgraph.ingest.meta import iso_date


def _string(v: Any) -> bool:
    return isinstance(v, str)


def _strings(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _number(v: Any) -> bool:
    return (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
            and abs(v) < 1e15)


def _date(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        iso_date(v[:10])
    except ValueError:
        return False
    return True


def _object(v: Any) -> bool:
    return isinstance(v, dict)


_KINDS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "string": ("a string", _string),
    "strings": ("a list of strings", _strings),
    "number": ("a finite number", _number),
    "date": ("an ISO date (2024, 2024-01 or 2024-01-31)", _date),
    "object": ("an object", _object),
}
PROPERTIES: dict[str, str] = {
    **dict.fromkeys((
        "id", "type", "name", "display_name", "account_login", "user_id", "x_actorgraph_type",
        "x_actorgraph_kind", "x_opencti_type", "resource_level", "identity_class",
        "x_opencti_location_type", "source_ref", "target_ref", "location_ref",
        "created_by_ref", "relationship_type", "description", "content", "event_type",
        "mode", "date_precision", "x_actorgraph_unit", "x_actorgraph_qualifier",
        "x_actorgraph_claim_kind", "x_actorgraph_modality", "x_actorgraph_attributed_to",
        "x_actorgraph_publisher", "published"), "string"),
    **dict.fromkeys(("aliases", "x_actorgraph_aliases", "x_opencti_aliases", "sectors",
                     "object_refs", "actor_refs", "target_refs", "x_actorgraph_support"),
                    "strings"),
    "x_actorgraph_value": "number",
    "date": "date",
    "extensions": "object",
}


def check_object(o: dict[str, Any], index: int) -> str | None:
    """What is wrong with the types of object number `index` of a bundle, or None."""
    where = o.get("id") if isinstance(o.get("id"), str) else f"number {index}"
    if not isinstance(o.get("id"), str) or not isinstance(o.get("type"), str):
        return f"object {where}: needs a string 'id' and 'type'"
    props = dict(o)
    ext = (o.get("extensions") or {}) if isinstance(o.get("extensions"), dict) else {}
    for value in ext.values():
        if isinstance(value, dict):
            props.update({k: v for k, v in value.items() if k.startswith("x_actorgraph_")})
    for key, value in props.items():
        kind = PROPERTIES.get(key)
        if kind is None or value is None:
            continue
        what, ok = _KINDS[kind]
        if not ok(value):
            shown = repr(value)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            return f"object {where}: property {key!r} must be {what}, not {shown}"
    return None
