"""`actorgraph serve`: the analyst's workbench in the browser (pages and a JSON API)."""
from __future__ import annotations

import errno
import socket

import click

from actorgraph.cli.options import db_option, open_store
from actorgraph.model import TLP_LEVELS


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default answers this machine only.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--allow-writes", is_flag=True,
              help="Let the UI and API record judgements (merge / different); "
                   "read-only without it.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A host name browsers may use to reach this server (repeatable); the "
                   "loopback names and the --host address are always allowed.")
@click.option("--campaign", "campaign", multiple=True, type=click.Path(exists=True),
              metavar="PATH", help="Channel exports (files or folders) to analyse on the "
                                   "Campaign pages (repeatable).")
@click.option("--narratives", type=click.Path(exists=True, dir_okay=False),
              help="With --campaign: the analyst's narratives file.")
@click.option("--auth", is_flag=True,
              help="Require a login on loopback too (behind a reverse proxy on this "
                   "machine). Any other address always requires one.")
@click.option("--clearance", type=click.Choice(TLP_LEVELS, case_sensitive=False),
              default=None, help="What a server without logins shows: only documents "
                                 "marked up to this TLP level. Default: everything.")
def serve(db, host, port, allow_writes, allowed_hosts, campaign, narratives, auth, clearance) -> None:
    """Serve the store as a local web UI and JSON API (OpenAPI at /openapi.json).

    Search names in any spelling, open entity pages with every fact's evidence,
    the network graph, the timeline, documents and contradictions. Read-only
    unless --allow-writes; listens on 127.0.0.1 unless told otherwise. Requests
    must name an allowed host (the DNS-rebinding guard, on for every address) and
    writes must come from this server's own pages (an Origin header).

    On any address but loopback (or with --auth) every request needs a user
    (`actorgraph users add`, `users token`): an API token as `Authorization:
    Bearer TOKEN`, or a login in the browser. Readers read, analysts also judge;
    each sees only documents marked within their TLP clearance. See docs/deploy.md.

    \b
    Example:
      actorgraph serve --db sqlite:///case.db
      actorgraph serve --db sqlite:///case.db --port 9000 --allow-writes
      actorgraph serve --db sqlite:///case.db --host 0.0.0.0 --allowed-host graph.example.org
      actorgraph serve --campaign exports/ --narratives narratives.yaml
      actorgraph serve --db sqlite:///case.db --auth --allow-writes --allowed-host graph.example.org
    """
    import uvicorn

    from actorgraph.store.users import list_users
    from actorgraph.web.app import create_app
    from actorgraph.web.settings import WebSettings

    settings = WebSettings(db=db, host=host, port=port, allow_writes=allow_writes,
                           extra_hosts=tuple(allowed_hosts), campaign=tuple(campaign),
                           narratives=narratives, auth=auth,
                           clearance=clearance.upper() if clearance else None)
    store = open_store(db)
    if settings.auth_required and not list_users(store.engine):
        raise click.ClickException(
            f"serving on {host}{' with --auth' if auth else ''} needs a login, and this store "
            "has no users yet: add one with `actorgraph users add NAME --role analyst` and "
            "make their token with `actorgraph users token NAME`")
    sock = _listen(host, port)    # before anything says "serving"
    app = create_app(settings, store=store)
    if not settings.is_loopback:
        click.echo(f"note: listening on {host}: other machines can reach this server; every "
                   "request needs a user's token or login. Tokens and login cookies cross "
                   "the network in clear text unless a TLS reverse proxy is in front "
                   "(docs/deploy.md)", err=True)
    if settings.binds_all and not allowed_hosts:
        click.echo("note: only requests naming a loopback host are answered; name the "
                   "others with --allowed-host NAME", err=True)
    mode = ("writes allowed" if allow_writes else "read-only") + (
        ", logins required" if settings.auth_required else
        f", no logins (TLP up to {settings.clearance})" if settings.clearance else ", no logins")
    click.echo(f"actorgraph: serving {app.state.reader.store.url} at {settings.url} ({mode}); "
               "Ctrl-C to stop", err=True)
    config = uvicorn.Config(app, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, or a clear error when the address is taken or not ours."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        if err.errno == errno.EADDRINUSE:
            raise click.ClickException(
                f"port {port} on {host} is already in use (another server, perhaps another "
                "actorgraph serve?): choose another with --port N "
                "(for make demo: make demo DEMO_PORT=N)") from None
        raise click.ClickException(f"cannot listen on {host}:{port}: {err.strerror}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock
