"""Invented news articles (written for these tests) and the feeds and pages that carry them."""
from __future__ import annotations

from email.utils import format_datetime
from datetime import datetime, timezone
from html import escape

ARTICLES = {
    "srbm": ("North Korea fires two short-range missiles",
             "North Korea fired two short-range ballistic missiles off its east coast on Tuesday, South Korea's "
             "Joint Chiefs of Staff said. The missiles flew about 350 km before falling into the sea.",
             datetime(2025, 3, 4, 9, 0, tzinfo=timezone.utc)),
    "icbm": ("North Korea launches an ICBM",
             "North Korea launched an intercontinental ballistic missile on Thursday that landed in the Sea of "
             "Japan, Japan's defence ministry said. The Hwasong-18 flew for 73 minutes.",
             datetime(2025, 3, 6, 9, 0, tzinfo=timezone.utc)),
    "drill": ("Kim inspects artillery drill",
              "Kim Jong Un inspected an artillery firing drill near the western border on Saturday, state media "
              "KCNA reported.",
              datetime(2025, 3, 8, 9, 0, tzinfo=timezone.utc)),
    "cruise": ("Cruise missiles over the Yellow Sea",
               "North Korea test-fired several cruise missiles over the Yellow Sea on Monday, the Joint Chiefs of "
               "Staff said.",
               datetime(2025, 3, 10, 9, 0, tzinfo=timezone.utc)),
}
# The srbm article as updated by its outlet: a second source and a second range figure.
SRBM_UPDATE = (ARTICLES["srbm"][1] + " Japan's defence ministry said the missiles flew about 400 km, and the "
               "United States condemned the launch.")


def page(title: str, text: str, when: datetime) -> str:
    """An article page as a news site serves it: navigation, the article, a footer."""
    paragraphs = "".join(f"<p>{escape(p)}.</p>" for p in text.rstrip(".").split(". "))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<meta property='article:published_time' content='{when.isoformat()}'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
            "<footer>Copyright Example News. All rights reserved.</footer></body></html>")


def rss(base: str, items: list[tuple[str, str | None, str, str, datetime]]) -> str:
    """An RSS 2.0 feed; items: (slug, content or None for a summary-only item, title, summary, date)."""
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
           f"<title>Example News</title><link>{base}/</link><description>news</description>"]
    for slug, content, title, summary, when in items:
        out.append(f"<item><title>{escape(title)}</title><link>{base}/news/{slug}</link>"
                   f"<guid>{base}/news/{slug}</guid><pubDate>{format_datetime(when)}</pubDate>"
                   f"<description>{escape(summary)}</description>"
                   + (f"<content:encoded>{escape('<p>' + content + '</p>')}</content:encoded>" if content else "")
                   + "</item>")
    out.append("</channel></rss>")
    return "\n".join(out)


def summary_of(text: str) -> str:
    return text.split(". ")[0] + "."
