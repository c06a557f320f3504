"""Alerts on new and changed events, with the timeline's filters (``nkwatch.filters``).

brief          an event as alerts tell it (date at its precision, what, where, sources, evidence)
subscriptions  webhook subscriptions from a TOML file: filters -> URL, secret
webhooks       scan event versions, route them to subscriptions, deliver signed JSON with retries
atom           an Atom feed of events (the web app serves it at /feeds/events.atom)
digest         the morning brief of new and updated events and changed claims (Markdown, HTML)
"""
from .subscriptions import Subscription, SubscriptionError, load_subscriptions
from .webhooks import Alerts, AlertRound, signature, verify

__all__ = ["AlertRound", "Alerts", "Subscription", "SubscriptionError", "load_subscriptions", "signature",
           "verify"]
