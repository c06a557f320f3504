"""Event dates on invented news texts (nkwatch.nlp.dating and the extractor's report dates): a date
belongs to the event it modifies, the day a source spoke is not the event's day, a past report is
never dated after publication, a wire dateline below a title is still a dateline."""
from datetime import date, timedelta

import pytest

from nkwatch.nlp.dating import DocTimex, _not_after

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def mentions(extractor, text: str, published=D, etype: str | None = None):
    res = extractor.extract(make_doc(text, published))
    return [m for m in res.mentions if etype is None or m.type == etype]


def test_dateline_below_a_title_is_a_report_date_not_an_event_date(extractor):
    text = ("Foreign minister in Pyongyang\n"
            "By a staff writer\n"
            "BEIJING, March 13 (Newswire) -- The Chinese foreign minister arrived in Pyongyang on Wednesday "
            "for talks with North Korean officials.\n")
    (m,) = mentions(extractor, text, etype="diplomatic_engagement")
    assert m.date.value == "2025-03-12"
    assert "South Korea" not in m.conducted_by and "China" in m.conducted_by


def test_dateline_of_an_unknown_agency_still_bounds_the_lead_event(extractor):
    text = ("Drills by the North\n"
            "TOKYO, March 13 (Newswire) -- North Korea's artillery units held a firing drill near the coast.\n")
    (m,) = mentions(extractor, text, etype="military_exercise")
    assert (m.date.value, m.date.bound) == ("2025-03-13", "on_or_before")


@pytest.mark.parametrize("dateline", [
    "SEOUL, March 13 -- ",                      # an agency the page dropped
    "SEOUL, South Korea - March 13, 2025 - ",  # a region, dashes on both sides of the day
    "SEOUL, South Korea, March 13, 2025 — ",
])
def test_dated_dateline_without_its_agency_is_cut_and_dates_the_report(extractor, dateline):
    text = "Envoy in Pyongyang\n" + dateline + "The Chinese envoy met North Korean officials on Wednesday.\n"
    (m,) = mentions(extractor, text, etype="diplomatic_engagement")
    assert m.date.value == "2025-03-12"   # the weekday's day, not the dateline's
    assert m.evidence.start == text.index("The Chinese")


def test_a_date_owned_by_a_noun_dates_no_other_event(extractor):
    # "Wednesday's meeting" is the meeting's day; the test recalled in the same sentence is not on it
    text = ("Envoy meets Kim\n\nThe Chinese envoy met Kim Jong Un on Wednesday, state media said. "
            "Wednesday's meeting may signal a thaw after a freeze caused by the North's nuclear test.\n")
    tests = mentions(extractor, text, etype="weapons_test")
    assert tests and all(m.date.value != "2025-03-12" for m in tests)


def test_place_only_dateline_is_not_an_actor(extractor):
    text = ("Artillery drill\n"
            "SEOUL — North Korean leader Kim Jong Un guided an artillery firing drill of his army on Thursday.\n")
    (m,) = mentions(extractor, text, etype="military_exercise")
    assert m.conducted_by == ["North Korea"]


def test_a_past_report_is_never_dated_after_publication(extractor):
    # the tagger gives a month and day without a year the document's year; told in the past
    # tense, a day after publication is last year's
    text = "North Korea's latest ICBM test took place on December 18, when it launched a Hwasong-18 missile."
    (m,) = mentions(extractor, text, etype="weapons_test")
    assert m.date.value == "2024-12-18"


def test_the_day_a_source_spoke_does_not_bound_a_lasting_supply(extractor):
    text = "A White House spokesman said on Wednesday that North Korea is supplying artillery shells to Russia."
    (m,) = mentions(extractor, text, etype="arms_transfer")
    assert m.date.value is None


def test_the_main_clause_date_does_not_date_the_after_clause(extractor):
    text = ("After South Korean troops fired warning shots across the Military Demarcation Line, the North Korean "
            "soldiers retreated on Thursday.")
    shots = [m for m in mentions(extractor, text, etype="border_incident") if "warning shots" in m.cues]
    assert shots and shots[0].date.value is None


def test_neither_end_of_a_range_is_the_day(extractor):
    text = "South Korean and U.S. forces held combined air drills between March 2 and March 9."
    (m,) = mentions(extractor, text, etype="military_exercise")
    assert m.date.value is None


def test_a_range_from_one_day_to_another_dates_the_event_by_its_first_day(extractor):
    text = "South Korean and U.S. forces held combined air drills from March 2 to March 9."
    (m,) = mentions(extractor, text, etype="military_exercise")
    assert m.date.value == "2025-03-02"


@pytest.mark.parametrize("text, etype", [
    # a hyphenated range: the tagger reads its first day alone
    ("From March 3-5 the North Korean leader inspected several munitions factories.", "military_inspection"),
    ("South Korean and U.S. forces held combined air drills from March 3-5 near the border.", "military_exercise"),
    ("The two foreign ministers held talks in Moscow from March 3 – 5.", "diplomatic_engagement"),
])
def test_a_hyphenated_range_dates_the_event_by_its_first_day(extractor, text, etype):
    (m,) = mentions(extractor, text, etype=etype)
    assert m.date.value == "2025-03-03"


@pytest.mark.parametrize("text, etype", [
    # a coarse time, then a day inside it: the day
    ("Last year, on March 3, 2024, North Korea fired a ballistic missile into the sea.", "weapons_test"),
    ("Last year, on June 12, 2024, the North Korean leader inspected a munitions factory.", "military_inspection"),
])
def test_a_day_inside_a_coarser_time_of_the_same_event_dates_it(extractor, text, etype):
    (m,) = mentions(extractor, text, etype=etype)
    assert m.date.value.startswith("2024-") and len(m.date.value) == 10


@pytest.mark.parametrize("published", [date(2025, 3, 10), date(2025, 3, 11)])
def test_a_day_inside_the_reported_clause_dates_the_event_not_the_report(extractor, published):
    # the parser may hang "on Monday" from a misread noun of the reported clause ("test-fired ... missiles");
    # inside the clause that "said" reports, it is still the event's day, not the day the source spoke
    text = ("North Korea test-fired several cruise missiles over the Yellow Sea on Monday, the Joint Chiefs "
            "of Staff said.")
    (m,) = mentions(extractor, text, published=published, etype="weapons_test")
    assert (m.date.value, m.date.bound) == ("2025-03-10", "on")


@pytest.mark.parametrize("text, day", [
    # a "when" clause is dated by the date it describes, even after "since"
    ("North Korea fired a cruise missile into the sea on Thursday, the South's military said.\n"
     "Pyongyang had stayed quiet since March 3, when it fired two ballistic missiles into the sea.", "2025-03-03"),
    ("North Korea fired a cruise missile into the sea on Thursday, the South's military said.\n"
     "Tensions have run high since February 20, when the North test-launched a new ballistic missile.",
     "2025-02-20"),
])
def test_a_when_clause_takes_the_date_it_describes(extractor, text, day):
    found = mentions(extractor, text, etype="weapons_test")
    assert day in {m.date.value for m in found} and len(found) == 2


@pytest.mark.parametrize("text, expected", [
    ("Several North Korean drones crossed the border and were detected over Gimpo on Wednesday, the JCS said.",
     "2025-03-12"),
    ("North Korean soldiers crossed the demarcation line and were spotted by guards on Tuesday, officials said.",
     "2025-03-11"),
])
def test_a_passive_perception_verb_conjoined_to_the_event_dates_it(extractor, text, expected):
    (m,) = mentions(extractor, text, etype="border_incident")
    assert (m.date.value, m.date.bound) == (expected, "on")


@pytest.mark.parametrize("text, etype", [
    ("The allies' joint drills follow a party congress in Pyongyang last month.", "military_exercise"),
    ("The combined exercise followed a summit between the two leaders on Saturday.", "military_exercise"),
])
def test_a_sequence_verb_gives_its_date_to_what_it_relates_the_subject_to(extractor, text, etype):
    (m,) = mentions(extractor, text, etype=etype)
    assert m.date.value is None


def test_a_sequence_verb_dates_an_event_it_relates_the_subject_to(extractor):
    (m,) = mentions(extractor, "The joint drill followed a missile launch by the North on Wednesday.",
                    etype="weapons_test")
    assert m.date.value == "2025-03-12"


def test_a_date_in_the_subject_of_a_sequence_verb_stays_the_subjects(extractor):
    (m,) = mentions(extractor, "The foreign minister's talks with Kim Jong Un on Wednesday followed a banquet in "
                               "Pyongyang.", etype="diplomatic_engagement")
    assert m.date.value == "2025-03-12"


@pytest.mark.parametrize("text, value, expected", [
    # published on a Friday: a past "Saturday" the tagger put after it is the Korean day of an event a report
    # dated in a time zone behind Korea's tells (unknown), never the Saturday a week earlier
    ("Saturday", "2025-03-15", None),
    ("early Saturday", "2025-03-15", None),
    # ... as when the tagger already read it as six days before publication
    ("Saturday", "2025-03-08", None),
    # two days or more after publication: the week before
    ("Sunday", "2025-03-16", "2025-03-09"),
    ("Thursday", "2025-03-20", "2025-03-13"),
])
def test_a_past_weekday_after_publication(text, value, expected):
    from nkwatch.nlp.dating import DocTimex, _not_after
    got = _not_after(DocTimex(0, len(text), text, value, "day", True), D)
    assert (got.value if got else None) == expected


@pytest.mark.parametrize("text", [
    "Only last week the U.N. Security Council condemned North Korea's latest missile launch.",
    "Japan on Thursday protested the ballistic missile launch by North Korea.",
    "Foreign ministers discussed the North Korean nuclear test on Wednesday in Brussels.",
])
def test_a_date_on_a_verb_of_reacting_is_not_the_day_of_the_event_reacted_to(extractor, text):
    (m,) = mentions(extractor, text, etype=None)
    assert m.date.value is None


@pytest.mark.parametrize("text", [
    "North Korea conducted a ballistic missile launch on Thursday, Japan said.",
    "The missile launch was carried out on Thursday, the military said.",
])
def test_a_date_on_a_verb_of_doing_still_dates_the_event(extractor, text):
    (m,) = mentions(extractor, text, etype="weapons_test")
    assert m.date.value == "2025-03-13"


@pytest.mark.parametrize("text, etype", [
    # a relative clause with a year of its own, or a participle of firing, that describes a noun: the date
    # is what that clause tells, not the event above it
    ("North Korea tested a ballistic missile and tore up the accord that ended the war on July 27, 1953.",
     "weapons_test"),
    ("Kyiv said three of the six missiles fired at Odesa on Wednesday morning were provided by North Korea.",
     "arms_transfer"),
    ("Kim Jong Un met the Russian defence minister at a hotel which opened on March 3, 2019.",
     "diplomatic_engagement"),
])
def test_a_date_in_a_clause_describing_a_noun_is_not_the_events(extractor, text, etype):
    (m,) = mentions(extractor, text, etype=etype)
    assert m.date.value is None


@pytest.mark.parametrize("text, etype", [
    # the clause describes the event noun itself: its date is the event's
    ("The missile test, which was conducted on Wednesday, involved a new solid-fuel engine.", "weapons_test"),
    ("The drills, which began on Wednesday, involve 20 warships.", "military_exercise"),
])
def test_a_date_in_a_clause_describing_the_event_noun_dates_it(extractor, text, etype):
    (m,) = mentions(extractor, text, etype=etype)
    assert m.date.value == "2025-03-12"


@pytest.mark.parametrize("text, etype", [
    # a participle of starting is a time, whatever noun the parser hangs it from
    ("The spy agency says North Korea began sending troops in support of Russia's war effort starting March 3.",
     "troop_deployment"),
    ("North Korea has been shipping artillery shells for Moscow's campaign beginning March 3, officials said.",
     "arms_transfer"),
])
def test_a_participle_of_starting_dates_the_event_it_follows(extractor, text, etype):
    (m,) = mentions(extractor, text, etype=etype)
    assert m.date.value == "2025-03-03"


@pytest.mark.parametrize("text, published, value", [
    # "last" and a weekday: the most recent one, unless it is the day before publication (then it may as
    # well be the one a week earlier, and the date would be a guess)
    ("last Sunday", date(2025, 3, 17), None),      # a Monday
    ("last Thursday", date(2025, 3, 14), None),    # a Friday
    ("last Tuesday", date(2025, 3, 14), "2025-03-11"),
    ("Thursday", date(2025, 3, 14), "2025-03-13"),
])
def test_last_and_the_weekday_before_publication_is_no_day(text, published, value):
    back = (published.weekday() - ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                   "sunday"].index(text.split()[-1].lower())) % 7 or 7
    tx = DocTimex(0, len(text), text, (published - timedelta(days=back)).isoformat(), "day", True)
    kept = _not_after(tx, published)
    assert (kept.value if kept else None) == value
