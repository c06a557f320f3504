"""Factories for hand-built mentions and claims (invented reports; no article text)."""
from __future__ import annotations

from nkwatch.models import Claim, DateValue, Mention, Place, Span
from nkwatch.resolve.intervals import precision_of


def when(value, method="explicit", bound="on"):
    return DateValue(value, precision_of(value), method, bound)


def mention(doc, type="weapons_test", start=0, end=40, date=None, weapon_class=None, weapon=None,
            count=None, place=None, actors=(), sources=(), modality="happened", method="explicit",
            bound="on"):
    """A mention of doc ``doc`` (any string stands for the content hash)."""
    if isinstance(place, tuple):
        place = Place(*place)
    return Mention(doc=doc, type=type, evidence=Span(start, end), weapon=weapon,
                   weapon_class=weapon_class, count=count,
                   date=when(date, method, bound) if date else DateValue(),
                   place=place, actors=list(actors), sources=list(sources), modality=modality)


def claim(doc, property, value, start=0, end=30, source=None, bound="eq", value_max=None,
          subject=None, mention_id=None, unit=None, period=None):
    return Claim(doc=doc, property=property, value=value, evidence=Span(start, end), value_max=value_max,
                 bound=bound, unit=unit, period=period, source=source, subject=subject, mention_id=mention_id)
