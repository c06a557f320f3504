"""The temporal tagger on a table of expressions with their TimeML values (fixed document dates)."""
from __future__ import annotations

import datetime as dt

import pytest

from nkwatch.nlp.timex import Timex, TimexTagger
from nkwatch.settings import Settings

FRI = dt.date(2025, 2, 28)   # a Friday
WED = dt.date(2025, 2, 26)   # a Wednesday
MON = dt.date(2025, 3, 3)    # a Monday
WSJ = dt.date(1989, 11, 2)   # a date in the fourth quarter, for earnings reports


@pytest.fixture(scope="module")
def tagger() -> TimexTagger:
    return TimexTagger(Settings())


def find(timexes: list[Timex], text: str) -> Timex:
    hits = [t for t in timexes if t.text == text]
    assert hits, f"{text!r} not tagged; got {[(t.text, t.value) for t in timexes]}"
    return hits[0]


# (sentence, document date, expression, type, value, mod)
CASES = [
    # explicit dates
    ("The test took place on Feb. 26, 2025.", FRI, "Feb. 26, 2025", "DATE", "2025-02-26", None),
    ("It was fired on 26 February 2025 from Sunan.", FRI, "26 February 2025", "DATE", "2025-02-26", None),
    ("Talks resumed in February 2025.", FRI, "February 2025", "DATE", "2025-02", None),
    ("The report is dated 2025-02-26.", FRI, "2025-02-26", "DATE", "2025-02-26", None),
    ("In February Juche 91 (2002), he visited the factory.", FRI, "February Juche 91 (2002)", "DATE",
     "2002-02", None),
    ("He visited the farm on the night of February 15, Juche 63 (1974).", FRI,
     "the night of February 15, Juche 63 (1974)", "TIME", "1974-02-15TNI", None),
    ("The treaty was signed in 1961.", FRI, "1961", "DATE", "1961", None),
    # a day and month with a year named relatively: that year, even when the day has passed in this one
    ("Shells were fired on Jan. 5 last year.", FRI, "Jan. 5 last year", "DATE", "2024-01-05", None),
    ("The drill began on 5 January last year.", FRI, "5 January last year", "DATE", "2024-01-05", None),
    ("The summit is set for Jan. 5 next year.", FRI, "Jan. 5 next year", "DATE", "2026-01-05", None),
    ("Pyongyang held a parade on Wednesday, Feb. 26.", FRI, "Wednesday, Feb. 26", "DATE", "2025-02-26", None),
    ("Delegates will meet on March 5.", FRI, "March 5", "DATE", "2025-03-05", None),
    # relative days
    ("The agency said yesterday that the test failed.", FRI, "yesterday", "DATE", "2025-02-27", None),
    ("The launch happened today.", FRI, "today", "DATE", "2025-02-28", None),
    ("A second round is planned tomorrow.", FRI, "tomorrow", "DATE", "2025-03-01", None),
    # weekdays: past by default in news, future with a future tense
    ("North Korea fired a cruise missile on Wednesday.", FRI, "Wednesday", "DATE", "2025-02-26", None),
    ("Saturday's test involved two missiles.", FRI, "Saturday", "DATE", "2025-02-22", None),
    ("Kim will visit the plant on Friday.", WED, "Friday", "DATE", "2025-02-28", None),
    ("The drills ended last Friday.", FRI, "last Friday", "DATE", "2025-02-21", None),
    ("Envoys will meet next Tuesday.", FRI, "next Tuesday", "DATE", "2025-03-04", None),
    # weeks, months, years
    ("Similar launches were reported last week.", FRI, "last week", "DATE", "2025-W08", None),
    ("The talks resume next week.", FRI, "next week", "DATE", "2025-W10", None),
    ("Exercises are due next month.", FRI, "next month", "DATE", "2025-03", None),
    ("It was the fourth launch this year.", FRI, "this year", "DATE", "2025", None),
    ("Troops arrived last year.", FRI, "last year", "DATE", "2024", None),
    ("The missile was tested two weeks ago.", FRI, "two weeks ago", "DATE", "2025-W07", None),
    ("The base was built five years ago.", FRI, "five years ago", "DATE", "2020", None),
    # seasons, modifiers
    ("The site was expanded last fall.", FRI, "last fall", "DATE", "2024-FA", None),
    ("Construction may finish this spring.", FRI, "this spring", "DATE", "2025-SP", None),
    ("A launch is expected early next year.", FRI, "early next year", "DATE", "2026", "START"),
    ("It happened in the summer of 2023.", FRI, "the summer of 2023", "DATE", "2023-SU", None),
    ("Work stopped in late November.", FRI, "late November", "DATE", "2024-11", "END"),
    ("Officials met earlier this month.", FRI, "earlier this month", "DATE", "2025-02", "START"),
    # parts of day and times with zones
    ("The missile was launched this morning.", FRI, "this morning", "TIME", "2025-02-28TMO", None),
    ("Explosions were heard last night.", FRI, "last night", "TIME", "2025-02-27TNI", None),
    ("It flew on Tuesday night over the sea.", FRI, "Tuesday night", "TIME", "2025-02-25TNI", None),
    ("The missile was fired around 8am (2300 GMT Tuesday).", WED, "2300 GMT Tuesday", "TIME",
     "2025-02-25T23:00", None),
    ("The missile was fired around 8am (2300 GMT Tuesday).", WED, "8am", "TIME", "2025-02-26T08:00", None),
    ("It was fired at 8 a.m. KST (2300 GMT Tuesday).", WED, "8 a.m. KST", "TIME", "2025-02-26T08:00", None),
    ("The blast came at 10:35 a.m. (0735 GMT) Friday.", dt.date(2025, 3, 1), "10:35 a.m.", "TIME",
     "2025-02-28T10:35", None),
    ("The blast came at 10:35 a.m. (0735 GMT) Friday.", dt.date(2025, 3, 1), "0735 GMT", "TIME",
     "2025-02-28T07:35", None),
    ("The council meets at 3 p.m. today.", FRI, "3 p.m. today", "TIME", "2025-02-28T15:00", None),
    # durations
    ("The drills lasted three days.", FRI, "three days", "DURATION", "P3D", None),
    ("It landed 63 days after the launch.", FRI, "63 days", "DURATION", "P63D", None),
    ("The flight took 24 hours.", FRI, "24 hours", "DURATION", "PT24H", None),
    ("Sanctions have been in force for a decade.", FRI, "a decade", "DURATION", "P10Y", None),
    # fractions in the next smaller unit, as TimeBank writes them
    ("The exercise ran for two and a half years.", FRI, "two and a half years", "DURATION", "P2Y6M", None),
    ("The visit lasted 5 1/2 hours.", FRI, "5 1/2 hours", "DURATION", "PT5H30M", None),
    ("The engine burned for a minute and a half.", FRI, "a minute and a half", "DURATION", "PT1M30S", None),
    ("The talks took half an hour.", FRI, "half an hour", "DURATION", "PT30M", None),
    ("Work stopped for a couple of years.", FRI, "a couple of years", "DURATION", "P2Y", None),
    # counts written against their unit
    ("The briefing lasted 1hr.", FRI, "1hr", "DURATION", "PT1H", None),
    ("A 200-hr training course began.", FRI, "200-hr", "DURATION", "PT200H", None),
    ("Preparations took several weeks.", FRI, "several weeks", "DURATION", "PXW", None),
    ("The engine burned for more than two minutes.", FRI, "more than two minutes", "DURATION", "PT2M",
     "MORE_THAN"),
    ("A five-year plan was adopted.", FRI, "five-year", "DURATION", "P5Y", None),
    ("Output rose in the past two months.", FRI, "the past two months", "DURATION", "P2M", None),
    # sets
    ("Patrols are held every week.", FRI, "every week", "SET", "P1W", None),
    ("The newspaper is published daily.", FRI, "daily", "SET", "P1D", None),
    ("Markets open every Monday.", FRI, "every Monday", "SET", "XXXX-WXX-1", None),
    ("Flights leave twice a week.", FRI, "twice a week", "SET", "P1W", None),
    # fuzzy references
    ("The unit is now deployed near Kursk.", FRI, "now", "DATE", "PRESENT_REF", None),
    ("The site was recently enlarged.", FRI, "recently", "DATE", "PAST_REF", None),
    ("Such tests were rare in the past.", FRI, "the past", "DATE", "PAST_REF", None),
    ("More tests are likely in the future.", FRI, "the future", "DATE", "FUTURE_REF", None),
    # decades, centuries, quarters, halves, fiscal years, BC
    ("The programme began in the 1990s.", FRI, "the 1990s", "DATE", "199", None),
    ("It dates from the 20th century.", FRI, "the 20th century", "DATE", "19", None),
    ("Profits fell in the third quarter of 1998.", FRI, "the third quarter of 1998", "DATE", "1998-Q3", None),
    ("Profits fell in the third quarter.", dt.date(1998, 11, 2), "the third quarter", "DATE", "1998-Q3", None),
    ("Exports grew in the first half of 2024.", FRI, "the first half of 2024", "DATE", "2024-H1", None),
    ("Spending rose in fiscal 1998.", FRI, "fiscal 1998", "DATE", "1998", None),
    ("Athens fell in 404 BC.", FRI, "404 BC", "DATE", "BC0404", None),
    ("The film was made in the nineties.", FRI, "the nineties", "DATE", "199", None),
    # TimeML convention of the data for a week of a month
    ("Drills were held in the first week of February.", FRI, "the first week of February", "DATE", "P1W", None),
    # holidays
    ("Troops were moved before Christmas.", FRI, "Christmas", "DATE", "2024-12-25", None),
    ("The 2024 speech was given on New Year's Day.", FRI, "New Year's Day", "DATE", "2025-01-01", None),
    # years in words
    ("It was founded in nineteen ninety-six.", FRI, "nineteen ninety-six", "DATE", "1996", None),
    # anaphora need a date before them: with none, the place in time is unknown, not the report date
    ("The same day, the army fired again.", FRI, "The same day", "DATE", "XXXX-XX-XX", None),
    ("It fired on Tuesday. The same day, another unit moved.", FRI, "The same day", "DATE", "2025-02-25", None),
    ("Troops moved that week.", FRI, "that week", "DATE", "XXXX-WXX", None),
    ("In March of that year the plant opened.", FRI, "March of that year", "DATE", "XXXX-03", None),
    # a clock time without a day: the day written beside it, the report day only for what is to come
    ("North Korea fired two missiles at 8am, officials said.", FRI, "8am", "TIME", "XXXX-XX-XXT08:00", None),
    ("It was launched at 8am on Tuesday.", FRI, "8am", "TIME", "2025-02-25T08:00", None),
    ("The ceremony will start at 10am.", FRI, "10am", "TIME", "2025-02-28T10:00", None),
    ("The army sent a message at 09:45 of October 9.", dt.date(2024, 10, 10), "09:45", "TIME",
     "2024-10-09T09:45", None),
    # ranges of days: each end is a date; the month (and a closing year) is written once
    ("Drills ran from 19-20 October.", FRI, "19", "DATE", "2024-10-19", None),
    ("Drills ran from 19-20 October.", FRI, "20 October", "DATE", "2024-10-20", None),
    ("The summit is set for April 24 and 25.", FRI, "25", "DATE", "2025-04-25", None),
    ("Talks were held Oct. 19-20, 1998.", FRI, "Oct. 19", "DATE", "1998-10-19", None),
    ("Talks were held Oct. 19-20, 1998.", FRI, "20, 1998", "DATE", "1998-10-20", None),
    ("The 1950-53 war ended in an armistice.", FRI, "53", "DATE", "1953", None),
    # accounting periods
    ("Net income for the year ended March 31 rose.", FRI, "the year", "DURATION", "P1Y", None),
    ("Profit fell in the third quarter; the 1988 period had a loss.", WSJ, "the 1988 period", "DATE",
     "1988-Q3", None),
    ("Sales rose in the third quarter. The latest period included a gain.", WSJ, "The latest period", "DATE",
     "1989-Q3", None),
    ("The company lost money in 1987. The year-earlier results were restated.", WSJ, "The year-earlier",
     "DATE", "1988", None),
    # tense of the clause for weekdays: "is to", past perfect, passive future, "as early as"
    ("The team is to leave Nairobi on Thursday.", WED, "Thursday", "DATE", "2025-02-27", None),
    ("The offer had been due to expire on Friday.", MON, "Friday", "DATE", "2025-02-28", None),
    ("The bonds will be paid in full on Friday.", WED, "Friday", "DATE", "2025-02-28", None),
    ("His father could come as early as Tuesday.", MON, "Tuesday", "DATE", "2025-03-04", None),
    # a quotation beside the expression has a tense of its own
    ('The ministry issued a statement "We will respond with stronger counteraction" on Saturday.',
     dt.date(2024, 8, 4), "Saturday", "DATE", "2024-08-03", None),
    # abbreviations and informal forms
    ("The plant closed in Sept.", FRI, "Sept.", "DATE", "2024-09", None),
    ("Envoys meet next Fri in Geneva.", FRI, "next Fri", "DATE", "2025-03-07", None),
    ("Shelling was heard on Sat night.", FRI, "Sat night", "TIME", "2025-02-22TNI", None),
    ("Weekends are quiet at the border.", FRI, "Weekends", "SET", "XXXX-WE", None),
    ("'Currently the unit is deployed,' he said.", FRI, "Currently", "DATE", "PRESENT_REF", None),
    # a weekend with no article before it: the coming one on a Friday unless the clause is past
    ("Join a renowned coach for a relaxing weekend of drills.", FRI, "weekend", "DATE", "2025-W09-WE",
     None),
    ("Cadets rested after a quiet weekend at the camp.", WED, "weekend", "DATE", "2025-W08-WE", None),
    ("The drills ended over the weekend.", FRI, "the weekend", "DATE", "2025-W08-WE", None),
    ("Patrols will resume after the weekend.", FRI, "the weekend", "DATE", "2025-W09-WE", None),
    # "to this day" is up to now, whatever day was mentioned before
    ("The treaty, signed on 5 May 1953, binds both sides to this day.", FRI, "this day", "DATE",
     "PRESENT_REF", None),
    ("The camp lay in present-day Manchuria.", FRI, "present-day", "DATE", "PRESENT_REF", None),
    ("The Third War (149 B.C to 146 B.C) razed the city.", FRI, "149 B.C", "DATE", "BC0149", None),
    # a season before a campaign or farm work ("spring" alone is too often another word)
    ("The army will launch its spring offensive.", FRI, "spring", "DATE", "2025-SP", None),
    # a lunar year named by its zodiac animal
    ("Celebrate the Year of the Horse with the troops.", dt.date(2014, 1, 23), "the Year", "DATE", "2014",
     None),
    # a day of the month named alone, after "on": in the month of the document, the one before in a past clause
    ("The navy removed its speakers on the 5th, officials said.", MON, "the 5th", "DATE", "2025-02-05", None),
    ("The unit returned on the 2nd.", MON, "the 2nd", "DATE", "2025-03-02", None),
    # ... or after a part of the day "of"
    ("The launch came on the morning of the 2nd, the military said.", MON, "the 2nd", "DATE", "2025-03-02", None),
    ("Shells were fired from the afternoon to night of the 1st.", MON, "the 1st", "DATE", "2025-03-01", None),
    ("Guards spotted the boat in the evening of the 28th.", MON, "the 28th", "DATE", "2025-02-28", None),
    # a period named after "year-ago" is a period of that size
    ("Profit rose in the quarter ended Sept. 30 from $4 million in the year-ago quarter.", WSJ,
     "the year-ago quarter", "DATE", "1988-Q3", None),
]


@pytest.mark.parametrize("sentence,dct,expr,type_,value,mod", CASES,
                         ids=[f"{c[2]}|{c[4]}" for c in CASES])
def test_case_table(tagger, sentence, dct, expr, type_, value, mod):
    t = find(tagger.tag(sentence, dct), expr)
    assert (t.type, t.value) == (type_, value)
    if mod is not None:
        assert t.mod == mod
    assert sentence[t.start:t.end] == t.text


def test_2300_gmt_is_never_a_year(tagger):
    timexes = tagger.tag("North Korea fired the missile around 8am (2300 GMT Tuesday), officials said.", WED)
    assert all(t.value != "2300" and not (t.value or "").startswith("2300") for t in timexes)
    assert [t.type for t in timexes] == ["TIME", "TIME"]


def test_a_number_after_a_date_is_a_day_only_where_nothing_counts_it(tagger):
    timexes = tagger.tag("Exports rose on April 24 and 25 percent more were shipped on May 2.", FRI)
    assert [t.text for t in timexes] == ["April 24", "May 2"]


def test_over_before_the_is_a_preposition_not_a_quantity(tagger):
    t = find(tagger.tag("Over the next two years output will grow.", FRI), "the next two years")
    assert (t.value, t.mod) == ("P2Y", None)
    assert find(tagger.tag("It lasted over two years.", FRI), "two years").mod == "MORE_THAN"


def test_anaphoric_offset_counts_from_last_date_mentioned(tagger):
    text = "The first satellite was launched on March 1, 2024. Sixty-three days later, a second followed."
    assert find(tagger.tag(text, FRI), "Sixty-three days later").value == "2024-05-03"


def test_year_earlier_follows_the_quarter_under_discussion(tagger):
    text = "Profit rose to $5 million in the third quarter from $4 million a year earlier."
    assert find(tagger.tag(text, dt.date(1998, 11, 2)), "a year earlier").value == "1997-Q3"


def test_without_reference_date_relative_values_are_none(tagger):
    timexes = tagger.tag("On Wednesday, Feb. 26, 2025, it fired again; last week it had paused.", None)
    assert find(timexes, "Wednesday, Feb. 26, 2025").value == "2025-02-26"
    last_week = find(timexes, "last week")
    assert last_week.value is None and last_week.anchored


def test_relative_values_are_marked_anchored(tagger):
    timexes = tagger.tag("It fired on Feb. 26, 2025, and again on Wednesday.", FRI)
    assert not find(timexes, "Feb. 26, 2025").anchored
    assert find(timexes, "Wednesday").anchored


@pytest.mark.parametrize("sentence", [
    "The regime may hold talks.",
    "Protesters march on the capital.",
    "The unit fired 1,500 shells costing $2,300 each.",
    "Prices rose 2.50 a share.",
    "A 44-year-old soldier defected.",
    "Twenty-nine large balloons were discovered.",     # a number in words, not the year 2009
    "Twenty-nine soldiers died.",
    "Farms raised the per-1000-grain weight.",
    "The battalion defended Height 1211.",
    "It was a second attack on the base.",             # the ordinal, not a unit of time
    "Good evening from Pyongyang.",
    "He spoke on the morning talk show.",
    "Foreign Minister Jan Kavan arrived.",             # "Jan" alone is a name
    "Players of the April 25 Sports Team won.",        # names that begin with a date
    "Work was done at the February 8 Vinalon Complex.",
    "The delegation stayed at the April 25 Hostel.",
    "Members of the February 17 Shock Brigade built it.",
    "Both leaders praised the June 15 Joint Declaration.",   # accords named by a day, year unsaid
    "Seoul suspended the September 19 military agreement.",
    "The envoys recalled the Oct. 4 summit declaration.",
    "May you have a peaceful holiday.",                # a wish, not the month
    "He said: May God protect the soldiers.",
    "Water from a spring fed the camp.",
    "The council adopted Resolution 1874 after the test.",   # a resolution's number, not a year
    "Units 1017, 447 and 458 took part in the drill.",      # numbered units, not the year 1017
    "Unit 1945 of the air force flew.",
    "It was the first drill of the New Year.",         # the year under way, not New Year's Day
    "Families met during the Lunar New Year holiday.",  # the lunar calendar is not in the vocabularies
    "Troops stood on the 38th parallel.",              # an ordinal before a noun is no day
    "The blast had 1000 tons explosive power.",        # a number with a unit of measure is a quantity
    "Experts put the yield at 1200 tonnes of TNT.",
    "The missile flew 1100 km before it fell.",
    "It has a 1900-kilometre range and a 1500 kg warhead.",
])
def test_no_false_timex(tagger, sentence):
    assert tagger.tag(sentence, FRI) == []


@pytest.mark.parametrize("years,value", [(50, "2004-03-03"), (10, "2009-03-03")])
def test_a_text_full_of_recent_years_is_a_history(tagger, years, value):
    """Fifty explicit years make a history even when they are close to the document date: a date
    without a year takes the year the story is at; a news report with a few years does not."""
    text = " ".join(f"The brigade was reorganised in {2007 + i % 3}." for i in range(years))
    text += " In 2004 a new base opened. On March 3, the first battalion arrived."
    assert find(tagger.tag(text, dt.date(2009, 6, 19)), "March 3").value == value


@pytest.mark.parametrize("sentence,expr,value", [
    ("The first battalion left from May 15 to August 16, 1988, the rest later.", "May 15", "1988-05-15"),
    ("Drills were held in April and June 1955 near the coast.", "April", "1955-04"),
    ("The road was rebuilt (July-November 1954) by the engineers.", "July", "1954-07"),
    ("The siege lasted from December to March 1951.", "December", "1950-12"),
])
def test_a_year_after_a_range_dates_both_ends(tagger, sentence, expr, value):
    assert find(tagger.tag(sentence, FRI), expr).value == value


def test_tense_hints_off_uses_the_default_direction(tagger):
    sentence = "Kim will visit the plant on Monday."
    assert find(tagger.tag(sentence, WED), "Monday").value == "2025-03-03"
    assert find(tagger.tag(sentence, WED, tense_hints=False), "Monday").value == "2025-02-24"


def test_narrative_dates_follow_the_story(tagger):
    text = ("The war began on 25 June 1950. In 1951 the front stabilised. By 1952 talks were stalled, "
            "and in 1953 an armistice was signed. In July, the guns fell silent. "
            "The following year, troops withdrew.")
    timexes = tagger.tag(text, dt.date(2009, 12, 19))
    assert find(timexes, "July").value == "1953-07"
    assert find(timexes, "The following year").value == "1954"
