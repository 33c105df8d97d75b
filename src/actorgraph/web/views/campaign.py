"""The campaign pages: an overview of the exports named by `serve --campaign`, a page per
channel (posts, coordination partners, narratives, timeline chart) and per coordinated
cluster (its network in the graph view, first movers, top items, and the post pairs
behind every edge)."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse

from actorgraph.web.campaign_data import CampaignData
from actorgraph.web.render import render

router = APIRouter()
ChannelId = Path(max_length=100, pattern=r"^[\w.:-]+$")
ClusterId = Path(max_length=20, pattern=r"^C\d+$")


def campaign_of(request: Request) -> CampaignData:
    data = getattr(request.app.state, "campaign", None)
    if data is None:
        raise HTTPException(404, "no channel exports loaded (serve --campaign PATH)")
    return data


@router.get("/campaign", response_class=HTMLResponse, include_in_schema=False)
def overview(request: Request) -> HTMLResponse:
    return render(request, "campaign.html", campaign_of(request).overview(),
                  title="Campaign")


@router.get("/campaign/channels/{cid}", response_class=HTMLResponse, include_in_schema=False)
def channel(request: Request, cid: str = ChannelId) -> HTMLResponse:
    page = campaign_of(request).channel(cid)
    if page is None:
        raise HTTPException(404, f"no channel {cid}")
    return render(request, "campaign_channel.html", page, title=page["name"])


@router.get("/campaign/clusters/{cluster_id}", response_class=HTMLResponse,
            include_in_schema=False)
def cluster(request: Request, cluster_id: str = ClusterId) -> HTMLResponse:
    page = campaign_of(request).cluster(cluster_id)
    if page is None:
        raise HTTPException(404, f"no cluster {cluster_id}")
    return render(request, "campaign_cluster.html", page, title=f"Cluster {cluster_id}",
                  api=f"/api/campaign/clusters/{cluster_id}/graph")
