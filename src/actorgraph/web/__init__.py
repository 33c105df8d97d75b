"""The analyst's workbench: a local web UI and JSON API over a store (`actorgraph serve`).

`app.create_app` builds the FastAPI application; pages live in `views/` (one module per
page, each with its same-named template), the JSON API in `api/` (one router per
resource), and both serve the same typed records (`models`).
"""
