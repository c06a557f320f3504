"""``nkwatch docs`` (list, show) and ``nkwatch search``: reading stored documents."""
from __future__ import annotations

import re

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..models import TEXT_LANGUAGE, Span, to_dict
from ..store import StoreError
from ..store.fts import MARK_END, MARK_START
from ..store.rows import StoredClaim, StoredDocument, StoredMention
from .db import open_store
from .output import cli_console, print_json

BOILERPLATE_START, BOILERPLATE_END = "[[", "]]"  # boilerplate markers in plain output
EXCERPT_CHARS = 160


@click.group("docs", invoke_without_command=True)
@click.option("--limit", default=50, show_default=True, help="How many documents to list.")
@click.option("--offset", default=0, show_default=True, help="Skip this many documents first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def docs_group(ctx: click.Context, limit: int, offset: int, as_json: bool) -> None:
    """List stored documents; `docs show ID` prints one.

    Documents are listed in the order they were stored, every revision included."""
    if ctx.invoked_subcommand is not None:
        return
    with open_store(ctx.obj) as store:
        rows = store.documents(limit=limit, offset=offset)
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"documents {offset + 1}..{offset + len(rows)}" if rows else "documents")
    for column in ("id", "published", "name", "title", "chars", "mentions", "rev"):
        numeric = column in ("id", "chars", "mentions", "rev")
        table.add_column(column, overflow="fold", justify="right" if numeric else "left")
    for r in rows:
        table.add_row(str(r.id), _published(r.published, r.published_method), Text(r.name), Text(r.title or ""), str(r.size),
                      str(r.mentions) if r.extracted_version else "-", str(r.revision))
    console = cli_console()
    if rows:
        console.print(table)
    else:
        console.print("no documents stored" if offset == 0 else "no documents past this offset")


@docs_group.command("show")
@click.argument("key", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (text, spans, mentions, claims).")
@click.pass_obj
def show_cmd(settings, key: str, as_json: bool) -> None:
    """Print document ID (or a hash prefix) with boilerplate marked, then its mentions and claims.

    Boilerplate is dimmed and struck through on a terminal, and wrapped in [[...]] otherwise.
    """
    with open_store(settings) as store:
        try:
            stored = store.get_document(key)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
        if stored is None:
            raise click.ClickException(f"no document {key!r}")
        mentions = store.mentions(document_id=stored.id, limit=None)
        claims = store.claims(document_id=stored.id, limit=None)
    if as_json:
        print_json({**to_dict(stored), "hash": stored.document.hash,
                    "mentions": mentions, "claims": claims})
        return
    console = cli_console()
    _print_header(console, stored)
    spans = [b.span for b in stored.document.boilerplate]
    if console.is_terminal:
        text = Text(stored.document.text)
        for span in spans:
            text.stylize("dim strike", span.start, span.end)
        console.print(text)
    else:
        click.echo(mark_spans(stored.document.text, spans))
    _print_mentions(console, stored, mentions)
    _print_claims(console, stored, claims)


@click.command("search")
@click.argument("words", nargs=-1, required=True, metavar="QUERY...")
@click.option("--limit", default=20, show_default=True, help="How many documents to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def search_cmd(settings, words: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search over stored titles and texts, best matches first.

    Words (stemmed: missile finds missiles), "quoted phrases", AND / OR / NOT, prefix*,
    (parentheses), title:word. A term such as Hwasong-18 is searched as a phrase.
    """
    query = " ".join(words)
    with open_store(settings) as store:
        try:
            hits = store.search(query, limit=limit)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
    if as_json:
        print_json(hits)
        return
    console = cli_console()
    if not hits:
        console.print(f"nothing found for {query!r}", highlight=False)
        return
    table = Table(title=f"search: {query}")
    for column in ("id", "published", "document", "match"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        table.add_row(str(hit.document_id), hit.published.isoformat() if hit.published else "",
                      Text(hit.title or hit.name), _snippet(hit.snippet, console.is_terminal))
    console.print(table)


def mark_spans(text: str, spans: list[Span], start: str = BOILERPLATE_START,
               end: str = BOILERPLATE_END) -> str:
    """``text`` with each span (overlapping ones merged) wrapped in ``start``/``end`` markers."""
    out, pos = [], 0
    for span in _merged(spans):
        out += [text[pos:span.start], start, text[span.start:span.end], end]
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(s for s in spans if len(s)):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


_MARKED = re.compile(re.escape(MARK_START) + "(.*?)" + re.escape(MARK_END), re.S)


def _snippet(snippet: str, bold: bool) -> Text:
    """A search snippet on one line; its **marked** matches in bold (``bold``) or left marked."""
    snippet = " ".join(snippet.split())
    if not bold:
        return Text(snippet)
    text, pos = Text(), 0
    for m in _MARKED.finditer(snippet):
        text.append(snippet[pos:m.start()])
        text.append(m[1], style="bold")
        pos = m.end()
    text.append(snippet[pos:])
    return text


def _published(published, method: str) -> str:
    """'2025-02-28 (header)', or the method alone ('unknown') when there is no date."""
    return f"{published.isoformat()} ({method})" if published else method


def _print_header(console: Console, stored: StoredDocument) -> None:
    doc = stored.document
    published = _published(doc.published, doc.published_method)
    revision = f"revision {stored.revision}"
    if stored.supersedes:
        revision += f", supersedes {stored.supersedes}"
    if stored.superseded_by:
        revision += f", superseded by {stored.superseded_by}"
    if stored.current_id != stored.id:
        revision += f"; an older text, the report is {stored.current_id}"
    lines = [f"document {stored.id}  {doc.name}  ({revision})",
             f"title: {doc.title or '-'}", f"url: {doc.url or '-'}",
             f"published: {published}", f"language: {doc.meta.get(TEXT_LANGUAGE) or 'unknown'}",
             f"hash: {doc.hash}", f"extracted by: {stored.extracted_version or 'not extracted'}", ""]
    for line in lines:
        console.print(line, markup=False, highlight=False, soft_wrap=True)


def _excerpt(text: str, span: Span) -> str:
    piece = " ".join(text[span.start:span.end].split())
    return piece if len(piece) <= EXCERPT_CHARS else piece[:EXCERPT_CHARS - 1] + "…"


def _print_mentions(console: Console, stored: StoredDocument, mentions: list[StoredMention]) -> None:
    """Two lines per mention: its fields, then its evidence."""
    console.print(f"\nmentions: {len(mentions) or 'none stored'}", highlight=False)
    for row in mentions:
        m = row.mention
        weapon = " / ".join(x for x in (m.weapon, m.weapon_class) if x) or "-"
        if m.count:
            weapon = f"{m.count} x {weapon}"
        date = f"{m.date.value} ({m.date.method})" if m.date.value else "unknown"
        fields = [f"[{m.evidence.start}-{m.evidence.end}] {m.type}", f"weapon: {weapon}", f"date: {date}",
                  f"place: {m.place.name if m.place else '-'}", f"sources: {', '.join(m.sources) or '-'}",
                  f"{m.modality} ({m.confidence:.2f})"]
        _print_fact(console, fields, _excerpt(stored.document.text, m.evidence))


def _print_claims(console: Console, stored: StoredDocument, claims: list[StoredClaim]) -> None:
    """Two lines per claim: property, value and source, then its evidence."""
    if not claims:
        return
    console.print(f"\nclaims: {len(claims)}", highlight=False)
    for row in claims:
        c = row.claim
        value = f"{c.value:g}" + (f"-{c.value_max:g}" if c.value_max is not None else "")
        value = f"{'' if c.bound == 'eq' else c.bound + ' '}{value}{' ' + c.unit if c.unit else ''}"
        fields = [f"[{c.evidence.start}-{c.evidence.end}] {c.property} = {value}",
                  f"period: {c.period or '-'}", f"source: {c.source or '-'}"]
        _print_fact(console, fields, _excerpt(stored.document.text, c.evidence))


def _print_fact(console: Console, fields: list[str], evidence: str) -> None:
    console.print("  " + " | ".join(fields), markup=False, highlight=False, soft_wrap=True)
    console.print(f"      {evidence}", markup=False, highlight=False, soft_wrap=True, style="dim")


commands = [docs_group, search_cmd]
