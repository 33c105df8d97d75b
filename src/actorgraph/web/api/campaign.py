"""The campaign's JSON: the overview, a channel (with its actor links and their
evidence), a cluster (every edge with its post pairs), and a cluster's network for the
graph view; and the one write, an analyst's judgement of a channel's actor link."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from actorgraph.knowledge.names import fold
from actorgraph.web.auth import author, require_writer
from actorgraph.web.views.campaign import ChannelId, ClusterId, campaign_of

router = APIRouter(prefix="/api/campaign", tags=["campaign"])


def _found(value: dict | None, what: str) -> dict:
    if value is None:
        raise HTTPException(404, f"no {what}")
    return value


@router.get("")
def overview(request: Request) -> dict:
    """Channels, coordinated clusters and narratives of the loaded exports."""
    return campaign_of(request).overview()


@router.get("/channels/{cid}")
def channel(request: Request, cid: str = ChannelId) -> dict:
    """A channel: its posts (latest 50), coordination partners and narratives."""
    return _found(campaign_of(request).channel(cid), f"channel {cid}")


@router.get("/clusters/{cluster_id}")
def cluster(request: Request, cluster_id: str = ClusterId) -> dict:
    """A coordinated cluster's report: members, first movers, top items, timeline, edges
    with their post pairs (ids, UTC times, rule)."""
    return _found(campaign_of(request).cluster(cluster_id), f"cluster {cluster_id}")


@router.get("/clusters/{cluster_id}/graph")
def cluster_graph(request: Request, cluster_id: str = ClusterId) -> dict:
    """The cluster's network in the graph view's shape."""
    return _found(campaign_of(request).graph(cluster_id), f"cluster {cluster_id}")


class LinkJudgement(BaseModel):
    """An analyst's judgement of a channel's actor link (append-only judgements log)."""

    action: Literal["confirm", "reject"]
    actor: str = Field(min_length=1, max_length=300, description="The actor's name.")
    reason: str | None = Field(None, max_length=2000)


@router.post("/channels/{cid}/links", status_code=201, dependencies=[Depends(require_writer)],
             responses={403: {"description": "The server is read-only (no --allow-writes), "
                                             "or the user's role may only read."}})
def judge_link(body: LinkJudgement, request: Request, cid: str = ChannelId) -> dict:
    """Confirm or reject that an actor runs the channel: recorded in the store's
    judgements log (who, when, why); the newest live judgement of a link wins."""
    from actorgraph.store import judgements as log
    from actorgraph.store.channels import PREDICATE

    data = campaign_of(request)
    page = _found(data.channel(cid), f"channel {cid}")
    link = next((a for a in page["links"] if fold(a["actor"]) == fold(body.actor)), None)
    if link is None or data.reader is None:
        raise HTTPException(404, f"no link from {body.actor!r} to channel {cid}")
    jid = log.record(data.reader.store, body.action, link["channel_ref"], link["actor"],
                     value=PREDICATE, reason=body.reason, author=author(request))
    data.reader.invalidate()
    return {"id": jid, "action": body.action, "actor": link["actor"], "channel": cid}
