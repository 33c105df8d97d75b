"""The campaign's JSON: the overview, a channel, a cluster (every edge with its post
pairs), and a cluster's network for the graph view."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

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
