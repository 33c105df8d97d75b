"""The store's schema versions as Alembic revisions (`versions/`, one file per step).

The chain starts at the first released schema (`0001_initial`); each later file is one
step, named as the numbered migration it replaces so that a store made before Alembic
maps onto it (`store/versions.py`). `ddl.py` holds the few helpers the steps share.
Adding a step: see docs/architecture.md ("Changing the schema").
"""
