"""/api/entities: entities, one entity's page, its neighbours and its profile."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from actorgraph.web import models as m
from actorgraph.web.params import DateFrom, DateTo, EntityType, PagingDep, ReaderDep, SettingsDep
from actorgraph.web.views import entities, entity, entity_facts, graph, profile
from actorgraph.web.views.entity_facts import Direction, Kind, Predicate
from actorgraph.web.views.graph import Depth, Predicates

router = APIRouter(prefix="/api/entities", tags=["entities"])
NameQ = Annotated[str | None, Query(max_length=200, description=(
    "Only entities with a name containing this text, in any spelling or script."))]


@router.get("", response_model=m.Page[m.EntitySummary])
def list_entities(reader: ReaderDep, paging: PagingDep, type: EntityType = None,
                  q: NameQ = None) -> m.Page[m.EntitySummary]:
    """Entities, most mentioned first (exact name matches first when `q` is given)."""
    return entities.build(reader, type, q, paging.limit, paging.offset).entities


@router.get("/by-name/{name:path}", response_model=m.EntityPage)
def entity_by_name(name: str, reader: ReaderDep) -> m.EntityPage:
    """One entity found by any of its names, in any spelling or script."""
    return entity.build(reader, entity.find_by_name(reader, name))


@router.get("/{entity_id}", response_model=m.EntityPage)
def get_entity(entity_id: str, reader: ReaderDep) -> m.EntityPage:
    """One entity summarised: names, and per section (relations by predicate, events,
    figures, foundings, contradictions) how many there are and the best corroborated; the
    rest through `sections[...].more` (`/api/entities/{id}/facts`)."""
    return entity.build(reader, entity.find(reader, entity_id))


@router.get("/{entity_id}/facts", response_model=m.Page[m.Fact])
def get_entity_facts(request: Request, entity_id: str, reader: ReaderDep, paging: PagingDep,
                     kind: Kind, predicate: Predicate = None, direction: Direction = None
                     ) -> m.Page[m.Fact]:
    """All of an entity's facts of one kind (or one relation predicate), the best
    corroborated first, one page at a time (20 facts unless `limit` says otherwise)."""
    return entity_facts.build(reader, entity.find(reader, entity_id), kind, predicate,
                              direction, entity_facts.page_size(request, paging),
                              paging.offset)


@router.get("/{entity_id}/neighbours", response_model=m.Graph)
def neighbours(entity_id: str, reader: ReaderDep, settings: SettingsDep, depth: Depth = 1,
               predicates: Predicates = None, start: DateFrom = None,
               end: DateTo = None) -> m.Graph:
    """The network around an entity, to `depth` steps, through relations and events."""
    return graph.build(reader, entity_id, depth, predicates, start, end,
                       settings.max_graph_nodes)


@router.get("/{entity_id}/profile", response_model=m.ProfilePage)
def get_profile(entity_id: str, reader: ReaderDep) -> m.ProfilePage:
    """A sourced dossier on one entity, every line with the claims it rests on."""
    return profile.build(reader, entity.find(reader, entity_id))
