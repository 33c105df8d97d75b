"""Information campaigns in exported channel histories: import posts (Telegram Desktop
JSON, Telethon `to_dict`, plain CSV/JSONL) into one Post/Channel record, find accounts
that act in concert (co-forward, co-link, identical and near-duplicate text, same media),
cluster them, and follow analyst-defined narratives over time.

Analysis of exported files only: nothing here posts, collects with credentials or helps
run a campaign. `synthetic.py` writes planted test exports with their ground truth.
"""
