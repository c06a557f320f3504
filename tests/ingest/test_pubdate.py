"""Publication dates: kept from the reader, read from the date header, inferred only when the
latest full date agrees with the text's relative weekdays and nothing later is mentioned."""
import json
from datetime import date
from pathlib import Path

import pytest

from nkwatch.ingest.clean import clean_document, load_rules
from nkwatch.ingest.pubdate import date_document, full_dates, relative_weekdays
from nkwatch.models import Document, Span
from nkwatch.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"

# June 13, 2024 was a Thursday, June 14, 2024 a Friday.
CAPTION = ("This photo taken on June 13, 2024 and released by the state news agency on June 14, 2024 "
           "shows a test-fire of a new rocket launcher")


@pytest.fixture(scope="module")
def rules():
    return load_rules(Settings())


def dated(text, rules, **kw):
    return date_document(clean_document(Document(name="t.txt", text=text, **kw), rules))


def test_reader_date_is_kept(rules):
    doc = dated(f"{CAPTION}\nThe agency said on Friday it worked.\n", rules,
                published=date(2024, 6, 20), published_method="metadata")
    assert (doc.published, doc.published_method) == (date(2024, 6, 20), "metadata")


def test_header_date(rules):
    doc = dated(" date 2024-05-10 The army held a drill on Friday.\n", rules)
    assert (doc.published, doc.published_method) == (date(2024, 5, 10), "header")


def test_inferred_from_latest_full_date_and_weekday(rules):
    doc = dated(f"Invented launcher tested\n{CAPTION}\n"
                "The invented republic announced on Friday that the test had succeeded.\n", rules)
    assert (doc.published, doc.published_method) == (date(2024, 6, 14), "inferred")


def test_two_stamps_near_the_top_leave_nothing_to_infer(rules):
    text = ("Friday April 26, 2024\nInvented launcher tested\nFebruary 25, 2017 13:05\n"
            "The invented republic announced on Friday that the test had succeeded.\n")
    assert dated(text, rules).published is None


def test_possessive_weekday_supports(rules):
    text = f"{CAPTION}\nFriday’s launch was the third this month.\n"
    assert dated(text, rules).published == date(2024, 6, 14)


@pytest.mark.parametrize("sentence", [
    "The invented republic announced on Thursday that the test had succeeded.",  # other weekday
    "The republic said the test was held last Friday.",       # 'last Friday' is not the news day
    "The test was on Friday, June 7, according to officials.",  # weekday attached to a date
    "The republic said the test had succeeded.",                # no weekday at all
])
def test_unsupported_candidate_is_unknown(rules, sentence):
    doc = dated(f"{CAPTION}\n{sentence}\n", rules)
    assert (doc.published, doc.published_method) == (None, "unknown")


@pytest.mark.parametrize("sentence", [
    "Officials said on Friday that talks would follow on June 20.",   # a later day-month
    "Officials said on Friday that the system enters service in August 2024.",  # a later month
    "Officials said on Friday that the system would be deployed by 2026.",  # a later year
    "Officials said on Friday that a parade was held on Thursday, June 14, 2024.",  # wrong weekday
])
def test_contradiction_is_unknown(rules, sentence):
    doc = dated(f"{CAPTION}\n{sentence}\n", rules)
    assert (doc.published, doc.published_method) == (None, "unknown")


def test_earlier_partial_dates_do_not_contradict(rules):
    text = f"{CAPTION}\nOfficials said on Friday that a first test took place on May 30 and in 2023.\n"
    assert dated(text, rules).published == date(2024, 6, 14)


def test_no_date_is_unknown(rules):
    doc = dated("The army fired two missiles on Saturday, state media said on Sunday.\n", rules)
    assert (doc.published, doc.published_method) == (None, "unknown")


def test_only_partial_dates_is_unknown(rules):
    doc = dated("The agency said on Friday that the test of June 14 was a success.\n"
                "It was the first since March.\n", rules)
    assert (doc.published, doc.published_method) == (None, "unknown")


def test_dates_in_removed_boilerplate_do_not_count(rules):
    text = ("The agency said on Friday that the test succeeded.\n"
            "Read more: A look back at the tests of June 14, 2024\n")
    assert dated(text, rules).published is None


def test_gallery_caption_dates_count(rules):
    text = ("The agency said on Friday that the test succeeded.\n"
            "open image in gallery A launcher fires on June 14, 2024 ( AFP )\n")
    assert dated(text, rules).published == date(2024, 6, 14)


def test_uncleaned_document_is_read_whole():
    doc = date_document(Document(name="t", text=f"{CAPTION}. It was announced on Friday."))
    assert (doc.published, doc.published_method) == (date(2024, 6, 14), "inferred")


@pytest.mark.parametrize("text, expected", [
    ("on March 21, 2025 it", [(date(2025, 3, 21), None)]),
    ("on Mar. 21 2025 it", [(date(2025, 3, 21), None)]),
    ("the 21st of March, 2025", [(date(2025, 3, 21), None)]),
    ("21 March 2025", [(date(2025, 3, 21), None)]),
    ("2025-03-21", [(date(2025, 3, 21), None)]),
    ("Friday, March 21, 2025", [(date(2025, 3, 21), 4)]),
    ("February 30, 2025 and March 21", []),             # impossible date; no year
    ("at 8am (2300 GMT Tuesday) for $27 in May", []),   # dateparser's traps are not dates
])
def test_full_dates(text, expected):
    got = [(d.value, d.stated_weekday) for d in full_dates(text, Span(0, len(text)))]
    assert got == expected


def test_relative_weekdays():
    text = ("On Monday it said; Tuesday's test; last Wednesday's drill; on Thursday, May 2; "
            "next Friday's talks; on Saturday evening.")
    assert relative_weekdays(text, Span(0, len(text))) == {0, 1, 5}


@pytest.mark.e2e
def test_seed_publication_dates(rules):
    expected = {"000": (date(2025, 4, 6), "header"), "001": (date(2025, 3, 21), "inferred"),
                "002": (date(2025, 4, 28), "header"), "003": (date(2025, 2, 28), "header"),
                "004": (None, "unknown")}
    gold = {g["doc"][:3]: g["published"] for g in map(json.loads, (
        SHARED / "eval" / "seeds.gold.jsonl").read_text(encoding="utf-8").splitlines()) if g}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = dated(path.read_text(encoding="utf-8"), rules)
        key = path.name[:3]
        assert (doc.published, doc.published_method) == expected[key], path.name
        if doc.published_method == "header":
            assert doc.published.isoformat() == gold[key]
    assert len(list(SEEDS.glob("*.txt"))) == 5


def test_a_record_without_a_date_takes_the_day_its_url_names(rules):
    for url in ("https://paper.example/world/2024/06/03/invented-drill/", "https://tv.example/news-2024-06-03-drill"):
        doc = dated("The invented army held a drill on Monday.\n", rules, url=url)
        assert (doc.published, doc.published_method) == (date(2024, 6, 3), "url"), url


@pytest.mark.parametrize("url", [
    "https://paper.example/?p=215084",                 # a number, no date
    "https://paper.example/2016/09/invented-test",     # no day
    "https://paper.example/2999/01/02/invented-test",  # after today
    None,
])
def test_a_url_without_a_full_past_day_dates_nothing(rules, url):
    doc = dated("The invented army held a drill.\n", rules, url=url)
    assert (doc.published, doc.published_method) == (None, "unknown")


def test_the_reader_date_and_the_header_come_before_the_url(rules):
    url = "https://paper.example/2024/06/03/invented-drill/"
    assert dated(" date 2024-05-10 The army held a drill.\n", rules, url=url).published == date(2024, 5, 10)
    kept = dated("The army held a drill.\n", rules, url=url, published=date(2024, 6, 4), published_method="metadata")
    assert (kept.published, kept.published_method) == (date(2024, 6, 4), "metadata")


@pytest.mark.parametrize("text, day", [
    # a publication byline near the top, glued to the author's name or not
    ("Soldiers cross the line\nBy Lee SoominPublished : June 21, 2024 - 16:55\nThey crossed it on Thursday.\n",
     date(2024, 6, 21)),
    ("The Daily Herald Posted on Nov 19, 2012\nThe North fired a rocket on Monday.\n", date(2012, 11, 19)),
    ("Drills begin\nPublished: 08 Apr. 2025, 18:52 Updated: 09 Apr. 2025, 10:00\nThe allies began drills.\n",
     date(2025, 4, 8)),
    # a labelled date with its weekday, in figures (day first or month first when one cannot be a month)
    ("Rocket fired\nDATE : Tuesday 8 April 2025 - 06:03\nThe North fired a rocket.\n", date(2025, 4, 8)),
    ("Rocket fired\nPublished on 24/08/2021\nThe North fired a rocket.\n", date(2021, 8, 24)),
    ("Rocket fired\nPosted 08-24-2021 10:00\nThe North fired a rocket.\n", date(2021, 8, 24)),
    ("Rocket fired\nUpdated: 03.04.2021 | Created: 25.03.2021\nThe North fired a rocket.\n", date(2021, 3, 25)),
    ("Rocket fired\nPosted on Aug 24,2021\nThe North fired a rocket.\n", date(2021, 8, 24)),
])
def test_byline_date(rules, text, day):
    doc = dated(text, rules)
    assert (doc.published, doc.published_method) == (day, "byline")


@pytest.mark.parametrize("text", [
    # a lower-case "published" in a sentence, an update alone: no byline
    "A report published on March 3, 2023 said the North fired a rocket.\n",
    "Drills begin\nUpdated: 09 Apr. 2025, 10:00\nThe allies began drills.\n",
    # figures whose day and month cannot be told apart; a date in a sentence, not after a label
    "Drills begin\nCreated: 03-04-2025 10:00\nThe allies began drills.\n",
    "Drills begin\nThe date: 24/08/2021 was set for the allies' drills.\n",
])
def test_no_byline(rules, text):
    assert dated(text, rules).published_method != "byline"


@pytest.mark.parametrize("text, day", [
    # a date stamp line near the top: a weekday that agrees, a clock time, an author before or after
    ("Monday, March 17, 2025\n\nNorth fires missile\n\nThe North fired a missile on Sunday.\n", date(2025, 3, 17)),
    ("Drills end\n\nMarch 14, 2025 - 16:40 By Park Ji-won\n\nThe allies ended their drills.\n", date(2025, 3, 14)),
    ("Drills end\n\nBy Jane Doe March 14, 2025\n\nThe allies ended their drills Friday.\n", date(2025, 3, 14)),
    ("Drills end\nBy JOHN SMITH | 14 March 2025, 9:05 a.m. KST\nThe allies ended their drills.\n", date(2025, 3, 14)),
    # a clock after "at" or before the date, a lower-case byline, a print edition's page
    ("Drills end\n\nNovember 14, 2024 at 16:09 JST\n\nThe allies ended their drills.\n", date(2024, 11, 14)),
    ("Drills end\n  • 01:28 PM, May 31, 2016\nThe allies ended their drills.\n", date(2016, 5, 31)),
    ("Drills end\nApril 9, 2025 by admin\nThe allies ended their drills.\n", date(2025, 4, 9)),
    ("Rocket fired\nSat, Jan 24, 2009 - Page 5 News List\nThe North fired a rocket.\n", date(2009, 1, 24)),
    # figures: the written weekday tells day from month (March 4, 2025 was a Tuesday, April 3 a Thursday);
    # without one, only a day no month can be
    ("Rocket fired\nTue, 03/04/2025 - 10:00\nThe North fired a rocket.\n", date(2025, 3, 4)),
    ("Rocket fired\nThu. 03/04/2025 - 10:00\nThe North fired a rocket.\n", date(2025, 4, 3)),
    ("Rocket fired\n23/11/2010 11:10\nThe North fired a rocket.\n", date(2010, 11, 23)),
    # a wire dateline opening the story, and a stamp glued to the story's first words
    ("Test condemned\nSEOUL, South Korea - May 25, 2009 - North Korea said it had tested a device.\n",
     date(2009, 5, 25)),
    ("Visit\nBeijing, 20 June 2019 (Wire) – The president arrived in Pyongyang.\n", date(2019, 6, 20)),
    ("Jamming\nNovember 9, 2024North Korea jammed signals on Friday, the military said.\n", date(2024, 11, 9)),
    # a bare date line, or an author's name glued to it, that the text's weekdays agree with (a Monday)
    ("March 3, 2025\nThe North said on Monday its jets had flown drills in October.\n", date(2025, 3, 3)),
    ("Drills\nTom Smith3 March 2025\nThe North said Monday its jets had flown drills.\n", date(2025, 3, 3)),
    ("Drills\nJane DoeMar 3, 2025\nThe North said Monday its jets had flown drills.\n", date(2025, 3, 3)),
    # a check of the page is no other day beside the stamp
    ("Test\nThis is the stable version, checked on 21 March 2022.\nThursday, August 25, 2016\nThe North fired a "
     "missile.\n", date(2016, 8, 25)),
    # a byline's label, a clock, then the date; an author's line with a clock to the second
    ("Test\nPublished on 02:20 PM, December 07, 2016\nThe North fired a missile.\n", date(2016, 12, 7)),
    ("Test\nPublished: 8:36PM Tuesday February 12, 2013 Source: Wire\nThe North tested a device.\n",
     date(2013, 2, 12)),
    ("Test\nBy MarEx 2016-04-07 19:36:47\nThe North fired a missile.\n", date(2016, 4, 7)),
    ("Test\nPUBLISHED : Saturday, 13 October, 2012, 12:00am\nThe North fired a missile.\n", date(2012, 10, 13)),
    # a field of a line parted by bars
    ("Test\nSHARE   |   Monday, 18 September 2017   |   By Jane Doe\nThe North fired a missile.\n",
     date(2017, 9, 18)),
    # a bare line the weekdays do not back (January 15, 2021 was a Friday) gives way to the stamp under it
    ("Parade\n15 January 2021\n2021-01-15 12:21\nThe North held a parade on Thursday.\n", date(2021, 1, 15)),
    # a bare line backed by a weekday of the day before (told the next morning), or by none at all
    ("Test\n28 Sep, 2021\nThe North fired a missile Monday, the military said.\n", date(2021, 9, 28)),
    ("Test\n30 June 2008\nThe North blew up the cooling tower of its reactor on 26 June.\n", date(2008, 6, 30)),
    # "Posted at" a clock; a dateline whose agency stands before the dash, or after a date opening the story;
    # figures with the year first
    ("Test\nPosted at 7:48 PM, Sep 14, 2017\nThe North fired a missile.\n", date(2017, 9, 14)),
    ("Test\nPANAMA CITY (AP) - July 16, 2013\nA ship carrying arms was seized.\n", date(2013, 7, 16)),
    ("Test\nApril 25, 2019 (EIRNS)—Kim Jong Un arrived in Vladivostok.\n", date(2019, 4, 25)),
    ("Test\n2008/07/03 10:47 KST\nThe North fired a missile.\n", date(2008, 7, 3)),
    # a day the story plans weeks after the stamp is no later entry of a chronology
    ("Death\nSunday, December 18, 2011\nState TV announced the death.\nThe funeral will be held on 28 December.\n",
     date(2011, 12, 18)),
    # nor is a date inside a long caption line a rival stamp
    ("Tuesday 24 May 2016\nWorkers defect\nThe flags of both countries hang in front of a North Korean restaurant "
     "October 9, 2006 at the border city of Dandong.\n", date(2016, 5, 24)),
    # a date told in a caption near the top is no rival stamp
    ("2017-10-13 14:30\nTrade slumps\nKim watches a launch in this photo released by KCNA on September 16, 2017.\n",
     date(2017, 10, 13)),
])
def test_stamp_date(rules, text, day):
    doc = dated(text, rules)
    assert (doc.published, doc.published_method) == (day, "byline")


@pytest.mark.parametrize("text", [
    # a weekday the calendar denies (March 17, 2025 was a Monday)
    "Friday, March 17, 2025\nThe North fired a missile.\n",
    # a chronology's first heading: later days follow
    "Timeline\nJuly 4, 2006\nThe North fired missiles.\nOctober 9, 2006\nThe North tested a nuclear device.\n",
    "Timeline\nJuly 4, 2006\nThe North fired missiles.\nIn 2009 it tested a nuclear device.\n",
    # a site's day beside the story's own date near the top
    "Site news\nMonday, March 17, 2025\nBy Staff Updated: Feb 24, 2025 6:29 pm\nThe North fired a missile.\n",
    # a bare date over a story whose weekdays deny it (March 3, 2025 was a Monday): as often the day a page was
    # saved as the day it was written
    "March 3, 2025\nThe North said on Thursday its jets had flown drills in October.\n",
    "Tom Smith3 March 2025\nThe North said on Thursday its jets had flown drills in October.\n",
    # a site's day over a dateline that opens a long line: two stamps
    "Site\n• Friday, 22 November 2024\nSeoul, 19 June 2024 (dpa) - Russia's president signed a long and detailed "
    "treaty with North Korea's leader in Pyongyang on the day.\n",
    # a bare line over a story that names a day long before it without its year: the story is older
    "February 25, 2024\nThe North said on Saturday its warplanes flew drills; the Oct. 8 flights were unreported.\n",
    # a date in a sentence, not a line of its own
    "By March 3, 2024, the North had fired ten missiles.\n",
    "Drills end\nOn March 14, 2025 the allies ended their drills.\n",
    # figures a weekday cannot settle (November 26, 2009 was a Thursday), or whose order nothing settles
    "Rocket fired\nWed, 11/26/2009 - 14:45\nThe North fired a rocket.\n",
    "Rocket fired\n03/04/2025 10:00\nThe North fired a rocket.\n",
    # a place and a date in a sentence, not a dateline (no dash after the date; a lower-case word in the place)
    "Talks\nSeoul, May 25, 2009 was the day the North tested a device.\n",
    "Talks\nIn Seoul on May 25, 2009 - the day of the test - officials met.\n",
])
def test_no_stamp(rules, text):
    assert dated(text, rules).published_method != "byline"


def test_bare_weekdays_after_a_word_are_relative():
    # AP style: the weekday right after the verb or its object, without "on"
    text = ("The North fired a missile Thursday; officials said Friday; it launched rockets Sunday morning; "
            "Good Friday; every Tuesday; last Wednesday; Monday, March 3; broadcasts resume from Saturday.")
    assert relative_weekdays(text, Span(0, len(text))) == {3, 4, 6}


def test_a_bare_weekday_supports_the_latest_full_date(rules):
    # March 14, 2025 was a Friday
    doc = dated("Photo released on March 14, 2025.\nThe North fired a missile Friday, the military said.\n", rules)
    assert (doc.published, doc.published_method) == (date(2025, 3, 14), "inferred")
