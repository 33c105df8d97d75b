"""The store's tables (SQLAlchemy Core). Every extracted item keeps its document
and character offsets into that document's text, so any fact can be shown in its
sentence. Entities are rebuilt from mentions by the resolve stage; analyst
judgements are append-only and survive re-resolution."""
from __future__ import annotations

from sqlalchemy import (
                        Boolean,
                        Column,
                        Float,
                        ForeignKey,
                        Index,
                        Integer,
                        LargeBinary,
                        MetaData,
                        String,
                        Table,
                        Text,
)

metadata = MetaData()

settings = Table(
    "settings", metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

migrations = Table(
    "migrations", metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

store_state = Table(      # small facts about the store itself, e.g. "stale"
    "store_state", metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(40), primary_key=True),
    Column("source", Text, nullable=False),
    Column("title", Text), Column("publisher", Text), Column("author", Text),
    Column("published", String(40)), Column("url", Text), Column("language", String(20)),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("media_type", String(60), nullable=False),
    Column("text", Text, nullable=False),
    Column("original", LargeBinary, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("current", Boolean, nullable=False, default=True),
    Column("ingested_at", String(40), nullable=False),
    Column("imported", Boolean, nullable=False, default=False),
    Column("extractor", String(60)),            # registry name of what extracted it
    Column("extractor_version", String(120)),
    Column("extraction_error", Text),           # "extraction failed: ...", None when clean
    Column("tlp", String(10)),                  # TLP marking; None: its publisher's, or CLEAR
    Column("encoding", String(40)),             # what its bytes were decoded from
)
Index("ix_documents_source", documents.c.source)

segments = Table(
    "segments", metadata,
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
)

sentences = Table(
    "sentences", metadata,
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("id", String(60), primary_key=True),
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("type", String(20), nullable=False),
    Column("kind", String(30)),
    Column("key", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("role", String(20), nullable=False),
    Column("refers_to", Text),
    Column("label", String(40)),
    Column("section", String(20), nullable=False),
    Column("votes", Text, nullable=False),      # JSON: type -> weight
    Column("evidence", Text, nullable=False),   # JSON: rule names
    Column("entity_id", String(40)),            # set by the resolve stage
)
Index("ix_mentions_doc", mentions.c.doc_id)
Index("ix_mentions_entity", mentions.c.entity_id)

entities = Table(
    "entities", metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(20), nullable=False),
    Column("kind", String(30)),
    Column("name", Text, nullable=False),
    Column("reasons", Text, nullable=False, default="[]"),   # JSON: why these were merged
)

entity_names = Table(
    "entity_names", metadata,
    Column("entity_id", String(40), ForeignKey("entities.id", ondelete="CASCADE"),
           primary_key=True),
    Column("name", Text, primary_key=True),
    Column("folded", Text, nullable=False),
    Column("count", Integer, nullable=False),
)
Index("ix_entity_names_folded", entity_names.c.folded)

review = Table(
    "review", metadata,
    Column("a", String(40), primary_key=True),
    Column("b", String(40), primary_key=True),
    Column("score", Float, nullable=False),
    Column("reasons", Text, nullable=False),
)

judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(20), nullable=False),   # same, different, split, rename, unsure
    Column("a", Text, nullable=False),
    Column("b", Text),
    Column("value", Text),
    Column("author", Text, nullable=False),
    Column("reason", Text),
    Column("created_at", String(40), nullable=False),
    Column("undone", Boolean, nullable=False, default=False),
)

# -- claims: one statement in one sentence, written at ingest with the document --
claims = Table(
    "claims", metadata,
    Column("id", String(60), primary_key=True),
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),      # evidence: the sentence's offsets
    Column("end", Integer, nullable=False),
    Column("kind", String(20), nullable=False),    # relation, event, quantity
    Column("payload", Text, nullable=False),       # JSON: the fact, entities as mention keys
    Column("speaker_key", Text),                   # mention key, "anonymous", or NULL
    Column("modality", String(20), nullable=False),
    Column("cue", Text),
    Column("section", String(20), nullable=False),
    Column("ingested_at", String(40), nullable=False),
)
Index("ix_claims_doc", claims.c.doc_id)

# -- facts: rebuilt from claims after every resolution --------------------------
facts = Table(
    "facts", metadata,
    Column("id", String(60), primary_key=True),
    Column("kind", String(20), nullable=False),    # relation, event, quantity
    Column("data", Text, nullable=False),          # JSON: the fact with entity ids
    Column("first_seen", String(40), nullable=False),
)

fact_claims = Table(
    "fact_claims", metadata,
    Column("fact_id", String(60), ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", String(60), ForeignKey("claims.id", ondelete="CASCADE"),
           primary_key=True),
)
Index("ix_fact_claims_claim", fact_claims.c.claim_id)

fact_entities = Table(
    "fact_entities", metadata,
    Column("fact_id", String(60), ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", String(40), primary_key=True),
    Column("role", String(20), primary_key=True),  # subject, object, actor, target, location
)
Index("ix_fact_entities_entity", fact_entities.c.entity_id)

contradictions = Table(
    "contradictions", metadata,
    Column("id", String(60), primary_key=True),
    Column("kind", String(30), nullable=False),    # date, value, denial, role
    Column("summary", Text, nullable=False),
    Column("claims", Text, nullable=False),        # JSON list of claim ids
    Column("facts", Text, nullable=False),         # JSON list of fact ids
    Column("entity_id", String(40)),               # what it is about
    Column("first_seen", String(40), nullable=False),
)

# The analyst's grading of sources on the NATO / Admiralty scale (reliability A-F),
# per publisher or per author; append-only like the judgements, newest wins.
source_grades = Table(
    "source_grades", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),        # a publisher or an author, as written
    Column("reliability", String(1), nullable=False),
    Column("author", Text, nullable=False),
    Column("reason", Text),
    Column("created_at", String(40), nullable=False),
)


# TLP markings of sources (publishers): append-only, newest wins, like the grades. A
# document is shown to a user cleared for both its own marking and its publisher's.
source_tlp = Table(
    "source_tlp", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),        # a publisher, as written
    Column("tlp", String(10), nullable=False),
    Column("author", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

# The team server's users: a role, a TLP clearance and the salted hash of one API token.
users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),          # reader, analyst, admin
    Column("clearance", String(10), nullable=False),     # the highest TLP marking shown
    Column("token_salt", LargeBinary),
    Column("token_hash", LargeBinary),                   # scrypt(token, salt); None: no token
    Column("created_at", String(40), nullable=False),
    Column("created_by", Text, nullable=False),
    Column("token_at", String(40)),
)

# Channels read from exported channel histories (campaign/registry.py), kept apart from
# the entities the resolve stage rebuilds from mentions: their ids are stable
# (`ch-` + a hash of PLATFORM:ID, or of name:FOLDED for a forwarded-from name only).
channels = Table(
    "channels", metadata,
    Column("id", String(40), primary_key=True),
    Column("key", Text, nullable=False, unique=True),   # PLATFORM:ID, or name:FOLDED
    Column("platform", String(40), nullable=False),
    Column("native_id", Text),                          # None for a name-only channel
    Column("name", Text, nullable=False),
    Column("folded", Text, nullable=False),
    Column("type", String(40)),
    Column("handle", Text),
    Column("description", Text),
    Column("name_only", Boolean, nullable=False, default=False),
    Column("posts", Integer, nullable=False, default=0),
    Column("first_time", Integer), Column("last_time", Integer),
    Column("sources", Text, nullable=False, default="[]"),   # JSON: export files
    Column("updated_at", String(40), nullable=False),
)
Index("ix_channels_folded", channels.c.folded)

# `operates_channel` links from an actor (by name; matched to entities by folded name)
# to a channel, one row per rule, with its confidence and evidence (campaign/operators.py);
# recomputed from the exports, judged through the judgements log (confirm / reject).
channel_links = Table(
    "channel_links", metadata,
    Column("id", String(60), primary_key=True),
    Column("channel_id", String(40), ForeignKey("channels.id", ondelete="CASCADE"),
           nullable=False),
    Column("actor", Text, nullable=False),
    Column("actor_folded", Text, nullable=False),
    Column("rule", String(40), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("detail", Text, nullable=False),
    Column("via", String(40)),                   # the linked channel it follows from
    Column("count", Integer, nullable=False, default=0),
    Column("evidence", Text, nullable=False),    # JSON: [{post, utc, where, note}]
    Column("computed_at", String(40), nullable=False),
)
Index("ix_channel_links_channel", channel_links.c.channel_id)
Index("ix_channel_links_actor", channel_links.c.actor_folded)

# -- what an entity's pages count and rank: derived from the facts and contradictions and
# rebuilt with them, in their transaction (store/summaries.py; no foreign keys: the
# refresh deletes what it replaces) --
# One row per entity named by a fact: the fact's section on the entity's page (kind; for
# a relation its predicate and the entity's end of it) and its corroboration, so a page
# counts and ranks a hub's facts from this index alone, without reading their claims.
entity_facts = Table(
    "entity_facts", metadata,
    Column("entity_id", String(40), primary_key=True),
    Column("fact_id", String(60), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("predicate", String(40), nullable=False),   # a relation's; "" for other kinds
    Column("direction", String(3), nullable=False),    # "out"/"in" for relations, else ""
    Column("documents", Integer, nullable=False),      # distinct documents of its claims
    Column("claims", Integer, nullable=False),
)
Index("ix_entity_facts_rank", entity_facts.c.entity_id, entity_facts.c.kind,
      entity_facts.c.predicate, entity_facts.c.direction, entity_facts.c.documents.desc(),
      entity_facts.c.claims.desc(), entity_facts.c.fact_id)
Index("ix_entity_facts_fact", entity_facts.c.fact_id)
# The publication dates of the documents whose claims support each fact, so the network
# view dates (and filters by date) a hub's thousands of relations without reading a claim.
fact_dates = Table(
    "fact_dates", metadata,
    Column("fact_id", String(60), primary_key=True),
    Column("published", String(40), primary_key=True),
)

# Which entities and facts each contradiction concerns (its `entity_id` and every entity
# of its facts; its `facts`), so a page finds an entity's contradictions by index.
contradiction_entities = Table(
    "contradiction_entities", metadata,
    Column("entity_id", String(40), primary_key=True),
    Column("contradiction_id", String(60), primary_key=True),
)
contradiction_facts = Table(
    "contradiction_facts", metadata,
    Column("fact_id", String(60), primary_key=True),
    Column("contradiction_id", String(60), primary_key=True),
)
# a refresh deletes the rows of some contradictions by these
Index("ix_contradiction_entities_contradiction", contradiction_entities.c.contradiction_id)
Index("ix_contradiction_facts_contradiction", contradiction_facts.c.contradiction_id)
# Which claims each contradiction rests on (its `claims`), so an incremental
# re-resolution finds those resting on the claims it changes by index. Keyed by the
# contradiction: a refresh deletes a contradiction's rows (a tally over a hub rests on
# a thousand claims) without scanning the table.
contradiction_claims = Table(
    "contradiction_claims", metadata,
    Column("contradiction_id", String(60), primary_key=True),
    Column("claim_id", String(60), primary_key=True),
)
Index("ix_contradiction_claims_claim", contradiction_claims.c.claim_id)

# -- the resolution index: what an incremental re-resolution starts from ----------
# Written by every full resolution, updated by every incremental one
# (`store/resolution_index.py`); none of it is exported. A name group is one actor in
# one document (`doc_id|key`); its node the groups of one fullest name.
resolve_groups = Table(
    "resolve_groups", metadata,
    Column("id", Text, primary_key=True),
    Column("doc_id", String(40), nullable=False),
    Column("key", Text, nullable=False),           # the mention key of its mentions
    Column("entity_id", String(40), nullable=False),
    Column("node", Text, nullable=False),          # the id of its node's first group
    Column("data", Text, nullable=False),          # JSON: type, kind, names, own, size, ...
)
Index("ix_resolve_groups_doc", resolve_groups.c.doc_id)
Index("ix_resolve_groups_entity", resolve_groups.c.entity_id)
Index("ix_resolve_groups_node", resolve_groups.c.node)

resolve_keys = Table(      # n|folded name, l|gazetteer entry, d|place name or its head
    "resolve_keys", metadata,
    Column("key", Text, primary_key=True),
    Column("group_id", Text, primary_key=True),
)
Index("ix_resolve_keys_group", resolve_keys.c.group_id)

resolve_pairs = Table(     # node pairs scored at or above the review threshold
    "resolve_pairs", metadata,
    Column("a", Text, primary_key=True),
    Column("b", Text, primary_key=True),
    Column("score", Float, nullable=False),
    Column("reasons", Text, nullable=False),
)
Index("ix_resolve_pairs_b", resolve_pairs.c.b)

resolve_entities = Table(  # what each entity's id is made from (type|found name), its first group
    "resolve_entities", metadata,
    Column("id", String(40), primary_key=True),
    Column("plain", Text, nullable=False),
    Column("first", Text, nullable=False),
)
Index("ix_resolve_entities_plain", resolve_entities.c.plain)
