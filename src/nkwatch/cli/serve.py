"""``nkwatch serve``: the web app and REST API over the store (read-only unless NKWATCH_TOKEN is set)."""
from __future__ import annotations

import click

from ..store import StoreError


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.pass_obj
def serve_cmd(settings, host: str, port: int) -> None:
    """Serve the timeline, map, event, claim, document and search pages, each with a JSON twin
    (PATH.json), the OpenAPI schema at /openapi.json and downloads at /export. Writes (ingest,
    merge, split under /api) need NKWATCH_TOKEN; without it the server is read-only."""
    import uvicorn

    from ..web import create_app

    try:
        app = create_app(settings)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    mode = "writes need the token" if settings.token else "read-only (set NKWATCH_TOKEN to allow writes)"
    click.echo(f"nkwatch on http://{host}:{port}/ over {app.state.web.store.url}; {mode}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


commands = [serve_cmd]
