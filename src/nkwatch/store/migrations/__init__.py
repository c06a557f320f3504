"""Alembic migrations of the store (run by ``nkwatch.store.migrate``)."""
