"""Live tracking: ``nkwatch watch`` polls feeds, pages and folders and takes what is new or changed
in through the normal ingest.

fetch    polite HTTP GETs (robots.txt, User-Agent, per-host delay, timeouts, size limit, retries)
sources  what one look at a source finds: its new and changed items, each with its documents
poll     one poll: harvest -> ingest -> record the items and the source's state (crash-safe)
loop     the schedule: every source in turn when due, alerts after each round, stop on a signal
status   a source's state as the CLI and the web page show it
"""
