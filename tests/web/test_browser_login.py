"""A team server in a real browser: the login form, then a judgement from the entity
page (its script sends the login's CSRF token), recorded under the user's name."""
from __future__ import annotations

from .test_browser import _serve, browser  # noqa: F401 - the browser fixture


def test_log_in_then_judge_from_the_entity_page(browser, writable_store):  # noqa: F811
    from actorgraph.store.judgements import judgements
    from actorgraph.store.users import add_user, new_token

    add_user(writable_store.engine, "anna", "analyst", "RED")
    token = new_token(writable_store.engine, "anna")
    url, stop = _serve(writable_store, allow_writes=True, auth=True)
    context = browser.new_context(base_url=url)
    errors: list[str] = []
    try:
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto("/search?q=Tawhid Ibrahim Begli")
        pg.wait_for_url("**/login?next=**")
        pg.fill("input[name=name]", "anna")
        pg.fill("input[name=token]", token[:-1])
        pg.click("section.login button[type=submit]")
        assert "Wrong name or token" in pg.content()
        pg.fill("input[name=name]", "anna")
        pg.fill("input[name=token]", token)
        pg.click("section.login button[type=submit]")
        pg.wait_for_url("**/search?q=**")
        assert "anna · TLP:RED" in pg.inner_text("header.site")
        pg.click("#entity-results a.ent >> nth=0")
        pg.fill("form.judge input[name=other]", "Orkhan Mammadov")
        pg.click("form.judge button[value=same]")
        pg.wait_for_url("**/search?q=**")
        pg.click("form.logout button")
        pg.wait_for_url("**/login")
        pg.goto("/entities")
        pg.wait_for_url("**/login?next=**")
    finally:
        context.close()
        stop()
    assert not errors, errors
    assert [(j.action, j.author) for j in judgements(writable_store)] == [("same", "anna")]
