"""Which revision of a document is its report. The revisions of one article share its URL (or,
without URL, its name); the newest text given is its report (``documents.current_revision``),
and an older text given again becomes the report again. A revision that stops being the report
stays stored with its mentions and claims, but its mentions leave their events, and its claims no
longer count for events or claim series.

They leave when the new report is resolved: its facts are resolved as a new extraction of the same
article (``replaced_revisions``: the replaced revisions' facts are the article's earlier facts,
which leave their events unless given again), so that a revised article updates its events (same
ids, a new version for alerts) instead of founding new ones. A store migrated from before (0007)
has no resolution to wait for: ``leave_events`` takes them out at once."""
from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, bindparam, delete, exists, select, update

from .schema import documents, event_members, events, mentions

STALE = ""  # events.resolver_version of an event whose members changed outside a resolution run


def same_article(url: str | None, name: str):
    """The rows that are revisions of the article at ``url`` (or, without URL, named ``name``)."""
    return (documents.c.url == url) if url else (documents.c.url.is_(None) & (documents.c.name == name))


# ``same_article`` with the URL or name bound at execution (``article_params``): the statements that
# run for every document stored are built once (building a statement costs more than running it).
_ARTICLE = {True: documents.c.url == bindparam("article_url"),
            False: documents.c.url.is_(None) & (documents.c.name == bindparam("article_name"))}


def article_statement(build) -> dict[bool, object]:
    """``build(condition)`` made once for articles with a URL and once for those without (keyed by
    whether the URL is given); run it with ``article_params``."""
    return {has_url: build(condition) for has_url, condition in _ARTICLE.items()}


def article_params(url: str | None, name: str) -> dict[str, str]:
    return {"article_url": url} if url else {"article_name": name}


def make_current(conn: Connection, document_id: int, url: str | None, name: str) -> list[int]:
    """Make ``document_id`` the report of its article; the ids of the revisions that stop being it
    (their mentions have left their events)."""
    replaced = list(conn.execute(select(documents.c.id).where(
        same_article(url, name) & documents.c.current_revision & (documents.c.id != document_id))).scalars())
    if replaced:
        conn.execute(update(documents).where(documents.c.id.in_(replaced)).values(current_revision=False))
    conn.execute(update(documents).where(documents.c.id == document_id).values(current_revision=True))
    return replaced


def _replaced(article):
    older = select(documents.c.id).where(article & ~documents.c.current_revision)
    in_events = select(mentions.c.document_id).join(event_members, event_members.c.mention_id == mentions.c.id) \
        .where(mentions.c.document_id.in_(older))
    return select(documents.c.id, documents.c.hash).where(documents.c.id.in_(in_events))


_REPLACED = article_statement(_replaced)


def replaced_revisions(conn: Connection, url: str | None, name: str) -> list[tuple[int, str]]:
    """(id, hash) of the article's revisions that are not its report but still have a mention in
    an event: what the report's resolution takes out of their events."""
    return [(r.id, r.hash) for r in conn.execute(_REPLACED[bool(url)], article_params(url, name))]


def leave_events(conn: Connection, document_ids: Collection[int]) -> None:
    """Take the mentions of ``document_ids`` out of their events: events left without a member
    are removed, the others marked STALE."""
    if not document_ids:
        return
    theirs = select(mentions.c.id).where(mentions.c.document_id.in_(list(document_ids)))
    touched = list(conn.execute(select(event_members.c.event_id).distinct()
                                .where(event_members.c.mention_id.in_(theirs))).scalars())
    if not touched:
        return
    conn.execute(delete(event_members).where(event_members.c.mention_id.in_(theirs)))
    conn.execute(update(mentions).where(mentions.c.document_id.in_(list(document_ids))).values(event_id=None))
    members = exists().where(event_members.c.event_id == events.c.id)
    conn.execute(delete(events).where(events.c.id.in_(touched) & ~members))
    conn.execute(update(events).where(events.c.id.in_(touched)).values(resolver_version=STALE))
