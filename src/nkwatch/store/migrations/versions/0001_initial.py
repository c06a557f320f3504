"""Initial schema: documents (with revisions), mentions, mention sources, claims, full-text index.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nkwatch.store import fts

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("source_path", sa.Text),
        sa.Column("fmt", sa.String(16), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_method", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kept", sa.JSON, nullable=False),
        sa.Column("boilerplate", sa.JSON, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("supersedes", sa.Integer, sa.ForeignKey("documents.id")),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("extracted_version", sa.String(64)),
        sa.UniqueConstraint("hash", name="uq_documents_hash"),
        sa.UniqueConstraint("supersedes", name="uq_documents_supersedes"),
    )
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_index("ix_documents_name", "documents", ["name"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("ev_start", sa.Integer, nullable=False),
        sa.Column("ev_end", sa.Integer, nullable=False),
        sa.Column("weapon", sa.Text),
        sa.Column("weapon_class", sa.String(32)),
        sa.Column("count", sa.Integer),
        sa.Column("date_value", sa.String(32)),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("date_method", sa.String(16), nullable=False),
        sa.Column("date_bound", sa.String(16), nullable=False),
        sa.Column("date_ev_start", sa.Integer),
        sa.Column("date_ev_end", sa.Integer),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("place_name", sa.Text),
        sa.Column("place_precision", sa.String(16)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("place_ev_start", sa.Integer),
        sa.Column("place_ev_end", sa.Integer),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("cues", sa.JSON, nullable=False),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
        sa.Column("event_id", sa.String(64)),
    )
    op.create_index("ix_mentions_document_id", "mentions", ["document_id"])
    op.create_index("ix_mentions_type", "mentions", ["type"])
    op.create_index("ix_mentions_date_start", "mentions", ["date_start"])
    op.create_index("ix_mentions_weapon_class", "mentions", ["weapon_class"])
    op.create_index("ix_mentions_event_id", "mentions", ["event_id"])

    op.create_table(
        "mention_sources",
        sa.Column("mention_id", sa.String(32), sa.ForeignKey("mentions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("source", sa.Text, primary_key=True),
    )
    op.create_index("ix_mention_sources_source", "mention_sources", ["source"])

    op.create_table(
        "claims",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("mention_id", sa.String(32)),
        sa.Column("property", sa.String(64), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("value_max", sa.Float),
        sa.Column("bound", sa.String(8), nullable=False),
        sa.Column("unit", sa.String(32)),
        sa.Column("period", sa.String(32)),
        sa.Column("source", sa.Text),
        sa.Column("subject", sa.Text),
        sa.Column("ev_start", sa.Integer, nullable=False),
        sa.Column("ev_end", sa.Integer, nullable=False),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_index("ix_claims_property", "claims", ["property"])
    op.create_index("ix_claims_mention_id", "claims", ["mention_id"])

    fts.install(op.get_bind())


def downgrade() -> None:
    fts.uninstall(op.get_bind())
    op.drop_table("claims")
    op.drop_table("mention_sources")
    op.drop_table("mentions")
    op.drop_table("documents")
