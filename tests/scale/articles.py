"""Invented news-style articles (written for these tests) and their prepared Documents."""
from __future__ import annotations

from datetime import date

from nkwatch.models import Document, Span

TEXTS = {
    "launch": ("Seoul, May 14 -- North Korea fired two short-range ballistic missiles into the East Sea "
               "on Tuesday morning, South Korea's Joint Chiefs of Staff said. The missiles flew about "
               "400 km before splashing down outside Japan's exclusive economic zone."),
    "drill": ("Tokyo, Aug. 3 -- South Korea and the United States began a large combined military "
              "exercise on Monday involving some 19,000 troops, the defense ministry said."),
    "weather": ("Pyongyang, July 9 -- Heavy rain is expected across the western provinces this week, "
                "the state weather service said, urging farmers to protect their crops."),
    "talks": ("Moscow, Nov. 20 -- The defence ministers of Russia and North Korea met in Moscow on "
              "Wednesday to discuss military cooperation, state media reported."),
    "cruise": ("Seoul, Feb. 2 -- North Korea test-fired several cruise missiles off its west coast on "
               "Friday, the military said, the third such launch this month."),
}


def documents() -> list[Document]:
    """The articles as cleaned, dated Documents (every text kept), in a fixed order."""
    return [Document(name=f"{name}.txt", text=text, kept=[Span(0, len(text))],
                     published=date(2024, 6, 1), published_method="header")
            for name, text in TEXTS.items()]
