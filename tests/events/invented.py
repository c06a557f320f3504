"""Invented reports (written for these tests) with hand-built extractions, and a helper that
stores them and resolves each; shared by tests/events and tests/export."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nkwatch.models import Claim, DateValue, Document, Extraction, Mention, Place, Span
from nkwatch.resolve.intervals import precision_of
from nkwatch.resolve_run import Resolver
from nkwatch.store import Store

# Invented news-style reports. Two of them report one launch; one a different launch; two the
# deployment of troops abroad.
TEXTS = {
    "jcs": ("Seoul, May 10 -- North Korea fired two short-range ballistic missiles into the East Sea on "
            "Saturday morning, the Joint Chiefs of Staff said. The missiles flew about 600 km."),
    "kcna": ("Pyongyang, May 11 -- The missile bureau test-fired two new tactical ballistic missiles into the "
             "East Sea on May 10 to check their accuracy, state media said. They flew 800 km."),
    "cruise": ("Seoul, June 2 -- North Korea test-fired several cruise missiles over the West Sea on June 1, "
               "the military said, days after its last ballistic launch."),
    "troops1": ("Kyiv, June 5 -- Ukrainian officials said about 12,000 North Korean troops remain deployed in "
                "Russia, fighting near the border."),
    "troops2": ("Seoul, July 9 -- Lawmakers briefed by the spy agency said North Korea has sent 3,000 more "
                "troops to Russia since spring."),
    "icbm": ("Tokyo, Oct. 31 -- North Korea launched an intercontinental ballistic missile on Thursday morning, "
             "Japan's defence ministry said."),
    "minuteman": ("Pyongyang, Nov. 6 -- The U.S. imperialists test-launched a Minuteman III intercontinental "
                  "ballistic missile on November 5, the agency said."),
    "parade": ("Pyongyang, Sept. 10 -- Kim Jong Un attended a military parade in Pyongyang, state media "
               "reported, without saying when it was held."),
}
PUBLISHED = {"jcs": date(2025, 5, 10), "kcna": date(2025, 5, 11), "cruise": date(2025, 6, 2),
             "troops1": date(2025, 6, 5), "troops2": date(2025, 7, 9),
             "icbm": date(2025, 10, 31), "minuteman": date(2025, 11, 6), "parade": date(2025, 9, 10)}


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


def when(value: str | None, method: str = "explicit") -> DateValue:
    return DateValue(value, precision_of(value), method) if value else DateValue()


def document(name: str) -> Document:
    return Document(name=f"{name}.txt", text=TEXTS[name], published=PUBLISHED[name], published_method="header",
                    url=f"https://news.example/{name}")


def extraction(name: str, version: str = "test-1") -> Extraction:
    """The hand-built extraction of report ``name``. Claim values are floats, as the extractor
    gives them and the store returns them (``Claim.id`` hashes the value as written)."""
    doc = document(name)
    text, h = doc.text, doc.hash
    east = Place("East Sea", "sea", 39.5, 130.5)
    if name == "jcs":
        m = Mention(h, "weapons_test", span(text, "North Korea fired two short-range ballistic missiles into "
                                                  "the East Sea on Saturday morning"),
                    weapon_class="srbm", count=2, date=when("2025-05-10", "relative"), place=east,
                    actors=["North Korea"], sources=["Joint Chiefs of Staff"])
        return Extraction(h, version, [m], [Claim(h, "range_km", 600.0, span(text, "about 600 km"), bound="approx",
                                                  unit="km", source="Joint Chiefs of Staff", mention_id=m.id)])
    if name == "kcna":
        m = Mention(h, "weapons_test", span(text, "The missile bureau test-fired two new tactical ballistic "
                                                  "missiles into the East Sea on May 10"),
                    weapon_class="srbm", count=2, date=when("2025-05-10"), place=east,
                    actors=["DPRK"], sources=["KCNA"])
        return Extraction(h, version, [m], [Claim(h, "range_km", 800.0, span(text, "800 km"), unit="km",
                                                  source="KCNA", mention_id=m.id)])
    if name == "cruise":
        m = Mention(h, "weapons_test", span(text, "North Korea test-fired several cruise missiles over the "
                                                  "West Sea on June 1"),
                    weapon_class="cruise", date=when("2025-06-01"), place=Place("West Sea", "sea"),
                    actors=["North Korea"], sources=["the military"])
        return Extraction(h, version, [m])
    if name == "troops1":
        m = Mention(h, "troop_deployment", span(text, "about 12,000 North Korean troops remain deployed in Russia"),
                    date=when("2025-06", "relative"), actors=["North Korea", "Russia"],
                    sources=["Ukrainian officials"])
        return Extraction(h, version, [m], [Claim(h, "troops", 12000.0, span(text, "about 12,000"), bound="approx",
                                                  source="Ukrainian officials", mention_id=m.id,
                                                  subject="dprk-troops-russia")])
    if name == "icbm":
        m = Mention(h, "weapons_test", span(text, "North Korea launched an intercontinental ballistic missile on "
                                                  "Thursday morning"),
                    weapon_class="icbm", date=when("2025-10-30", "relative"), actors=["North Korea"],
                    sources=["Japan's defence ministry"])
        return Extraction(h, version, [m])
    if name == "minuteman":   # another state's test, reported by state media: not North Korea's
        m = Mention(h, "weapons_test", span(text, "The U.S. imperialists test-launched a Minuteman III "
                                                  "intercontinental ballistic missile on November 5"),
                    weapon="Minuteman III", weapon_class="icbm", date=when("2025-11-05"),
                    actors=["United States"], sources=["KCNA"], conducted_by=["United States"])
        return Extraction(h, version, [m])
    if name == "parade":   # an event of unknown date: on the timeline at the day it was reported
        m = Mention(h, "ceremony", span(text, "Kim Jong Un attended a military parade in Pyongyang"),
                    place=Place("Pyongyang", "area", 39.03, 125.75), actors=["Kim Jong Un"], sources=["state media"],
                    conducted_by=["North Korea"])
        return Extraction(h, version, [m])
    m = Mention(h, "troop_deployment", span(text, "North Korea has sent 3,000 more troops to Russia since spring"),
                date=when("2025-SP", "relative"), actors=["North Korea"], sources=["the spy agency"])
    return Extraction(h, version, [m], [Claim(h, "reinforcements", 3000.0, span(text, "3,000 more troops"),
                                              source="the spy agency", mention_id=m.id)])


@dataclass
class Reports:
    """Stores invented reports with their hand-built extractions, resolving each."""
    store: Store
    resolver: Resolver

    def add(self, *names: str, version: str = "test-1") -> dict[str, int]:
        ids = {}
        for name in names:
            ids[name] = self.store.add_document(document(name)).document_id
            self.store.save_resolved(ids[name], extraction(name, version), self.resolver)
        return ids

    def reextract(self, name: str, version: str = "test-2", drop: bool = False):
        """Store ``name``'s extraction again (as a new pipeline version would); ``drop``: with no mentions."""
        digest = document(name).hash
        found = self.store.lookup_many([digest])[digest]
        ext = extraction(name, version)
        if drop:
            ext = Extraction(ext.doc, version)
        return self.store.save_resolved(found.document_id, ext, self.resolver)
