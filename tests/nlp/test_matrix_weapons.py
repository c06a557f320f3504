"""Phrasing matrix of WEAPONS TESTS (stop 24): the ordinary ways wire services, newspapers, broadcasters
and think-tank briefs report a missile launch, a nuclear test, a satellite launch, an engine test, a
rocket-artillery or underwater-weapon test -- active, passive, nominal, hedged, attributed, headline,
recap, negated/planned/threatened, other states' tests, counts. Each row says what nkwatch must give:
the weapons tests told as done, each as (weapon_class, conducted_by, date or None when the row does not
fix it, count or None). All sentences are invented for this file."""
from datetime import date

import pytest

from .helpers import make_doc
from .test_enumerations import ListTagger

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday; "Tuesday" is 2025-03-11
TUE = "2025-03-11"
NK = "North Korea"
ANY = object()  # a field the row does not fix


@pytest.fixture(scope="module")
def lister(settings):
    from nkwatch.nlp.extract import Extractor
    return Extractor(settings, tagger=ListTagger())


def _told(extractor, text, published=D):
    found = [m for m in extractor.extract(make_doc(text, published)).mentions
             if m.type == "weapons_test" and m.modality == "happened"]
    return sorted(found, key=lambda m: m.evidence.start)


def _matches(m, row) -> bool:
    cls, by, when, count = row
    states = by if isinstance(by, list) else [by]
    return (cls is ANY or m.weapon_class == cls) and (by is ANY or sorted(m.conducted_by) == sorted(states)) \
        and (when is ANY or m.date.value == when) and (count is ANY or m.count == count)


ROWS = [
    # --- active, each class --------------------------------------------------------------------
    ("North Korea fired a short-range ballistic missile into the sea off its east coast on Tuesday, South "
     "Korea's military said.", [("srbm", NK, TUE, ANY)]),
    ("North Korea launched an intercontinental ballistic missile on Tuesday that landed inside Japan's "
     "exclusive economic zone.", [("icbm", NK, TUE, ANY)]),
    ("Pyongyang test-fired two cruise missiles over the Yellow Sea on Tuesday.", [("cruise", NK, TUE, 2)]),
    ("The North conducted its sixth nuclear test on Tuesday.", [("nuclear_test", NK, TUE, ANY)]),
    ("North Korea detonated a nuclear device underground on Tuesday, triggering a magnitude 5.1 tremor.",
     [("nuclear_test", NK, TUE, ANY)]),
    ("North Korea fired a submarine-launched ballistic missile off its east coast on Tuesday.",
     [("slbm", NK, TUE, ANY)]),
    ("North Korea launched what it called a hypersonic missile on Tuesday.", [("hypersonic", NK, TUE, ANY)]),
    ("North Korea fired an intermediate-range ballistic missile over Japan on Tuesday.", [("irbm", NK, TUE, ANY)]),
    ("North Korea launched a military reconnaissance satellite on Tuesday, but the rocket crashed into the sea.",
     [("space_launch", NK, TUE, ANY)]),
    ("North Korea carried out a ground test of a high-thrust solid-fuel engine at its Sohae launch site on "
     "Tuesday.", [("engine_test", NK, TUE, ANY)]),
    ("North Korea test-fired a new 240mm multiple rocket launcher on Tuesday, state media reported.",
     [("mlrs", NK, TUE, ANY)]),
    ("North Korea tested an underwater nuclear attack drone off its east coast on Tuesday, KCNA said.",
     [("torpedo_underwater", NK, TUE, ANY)]),
    ("North Korea test-launched its new Hwasong-19 solid-fuel ICBM on Tuesday.", [("icbm", NK, TUE, ANY)]),
    ("The DPRK Missile Administration conducted a test-fire of a new-type tactical ballistic missile on Tuesday.",
     [("srbm", NK, TUE, ANY)]),
    # --- passive ---------------------------------------------------------------------------------
    ("Two short-range ballistic missiles were launched by North Korea on Tuesday morning.",
     [("srbm", NK, TUE, 2)]),
    ("A ballistic missile was fired from the Sunan area of Pyongyang on Tuesday, the Joint Chiefs of Staff said.",
     [("ballistic_unspecified", NK, TUE, ANY)]),
    ("Several cruise missiles were test-fired by the North over the Yellow Sea on Tuesday.",
     [("cruise", NK, TUE, ANY)]),
    # --- nominal -----------------------------------------------------------------------------------
    ("North Korea's launch of an ICBM on Tuesday drew condemnation from Washington and Tokyo.",
     [("icbm", NK, TUE, ANY)]),
    ("Pyongyang's firing of two ballistic missiles on Tuesday came hours after the talks ended.",
     [("ballistic_unspecified", NK, TUE, 2)]),
    ("The North's test of a new solid-fuel intermediate-range missile on Tuesday alarmed its neighbours.",
     [("irbm", NK, TUE, ANY)]),
    # --- hedged ------------------------------------------------------------------------------------
    ("North Korea fired what appeared to be a short-range ballistic missile on Tuesday, Japan's coast guard said.",
     [("srbm", NK, TUE, ANY)]),
    ("North Korea launched a suspected ballistic missile toward the sea on Tuesday.",
     [("ballistic_unspecified", NK, TUE, ANY)]),
    # --- attributed, and told again ----------------------------------------------------------------
    ("Seoul's Joint Chiefs of Staff said the North fired several cruise missiles into the Yellow Sea on Tuesday.",
     [("cruise", NK, TUE, ANY)]),
    ("North Korea fired a ballistic missile on Tuesday. According to Japan's defence ministry, the missile flew "
     "about 1,000 km before falling into the sea.", [("ballistic_unspecified", NK, TUE, ANY)]),
    # --- headline style ----------------------------------------------------------------------------
    ("North Korea fires ballistic missile toward East Sea", [("ballistic_unspecified", NK, ANY, ANY)]),
    ("N. Korea launches ICBM, military says", [("icbm", NK, ANY, ANY)]),
    ("North Korea test-fires new cruise missiles: KCNA", [("cruise", NK, ANY, ANY)]),
    # --- recaps ------------------------------------------------------------------------------------
    ("North Korea conducted its third nuclear test in February 2013.", [("nuclear_test", NK, "2013-02", ANY)]),
    ("North Korea launched long-range rockets in 2012 and 2016, putting satellites into orbit.",
     [("space_launch", NK, "2012", ANY), ("space_launch", NK, "2016", ANY)]),
    ("North Korea fired an ICBM on Tuesday, its first since it launched a Hwasong-15 in November 2017.",
     [("icbm", NK, TUE, ANY), ("icbm", NK, "2017-11", ANY)]),
    ("Pyongyang has carried out six nuclear tests, the last in September 2017.",
     [("nuclear_test", NK, "2017-09", ANY)]),
    # --- negated, planned, threatened, feared: nothing done ----------------------------------------
    ("North Korea could conduct a seventh nuclear test at any time, Seoul warned.", []),
    ("North Korea is preparing to launch a reconnaissance satellite next month, Japan said.", []),
    ("Pyongyang threatened to launch more missiles in response to the drills.", []),
    ("US officials said North Korea may test a new ICBM in the coming weeks.", []),
    ("North Korea denied that it had fired any missiles on Tuesday.", []),
    ("Analysts expect the North to stage another ICBM launch around the anniversary.", []),
    # --- other states ------------------------------------------------------------------------------
    ("The United States test-launched an unarmed Minuteman III intercontinental ballistic missile from "
     "California on Tuesday.", [("icbm", "United States", TUE, ANY)]),
    ("South Korea successfully test-fired its Hyunmoo-4 ballistic missile on Tuesday.",
     [(ANY, "South Korea", TUE, ANY)]),
    ("Russia test-fired a Sarmat intercontinental missile on Tuesday.", [("icbm", "Russia", TUE, ANY)]),
    ("South Korea launched its first military spy satellite on a SpaceX rocket on Tuesday.",
     [("space_launch", "South Korea", TUE, ANY)]),
    # --- counts ------------------------------------------------------------------------------------
    ("North Korea fired about 10 short-range ballistic missiles into the sea on Tuesday.", [("srbm", NK, TUE, 10)]),
    ("North Korea fired a salvo of four cruise missiles on Tuesday.", [("cruise", NK, TUE, 4)]),
    # --- batch 2: less common verbs, participles, told-again launches ------------------------------
    ("The missile, launched from near Pyongyang at 7:10 a.m. on Tuesday, flew about 950 kilometres.",
     [(ANY, NK, TUE, ANY)]),
    ("North Korea on Tuesday unleashed a barrage of short-range ballistic missiles toward the sea.",
     [("srbm", NK, TUE, ANY)]),
    ("North Korea fired an unidentified projectile into the East Sea on Tuesday.", [(ANY, NK, TUE, ANY)]),
    ("A North Korean Hwasong-18 flew for 73 minutes on Tuesday before splashing down west of Hokkaido.",
     [("icbm", NK, TUE, ANY)]),
    ("North Korea flight-tested a new hypersonic glide vehicle on Tuesday, state media said.",
     [("hypersonic", NK, TUE, ANY)]),
    ("Pyongyang staged a test of a new strategic cruise missile on Tuesday.", [("cruise", NK, TUE, ANY)]),
    ("North Korea's latest missile test came on Tuesday, a week after the talks collapsed.",
     [(ANY, NK, TUE, ANY)]),
    ("North Korea appears to have launched a ballistic missile on Tuesday, U.S. officials said.",
     [("ballistic_unspecified", NK, TUE, ANY)]),
    ("A missile launched by North Korea on Tuesday landed in Japan's exclusive economic zone.",
     [(ANY, NK, TUE, ANY)]),
    ("North Korea said on Wednesday it had tested a new solid-fuel ICBM on Tuesday.", [("icbm", NK, TUE, ANY)]),
    ("The North's rocket carrying a spy satellite exploded in mid-air on Tuesday, Pyongyang admitted.",
     [("space_launch", NK, TUE, ANY)]),
    ("North Korea's second attempt to put a spy satellite into orbit failed on Tuesday after the rocket's "
     "third stage malfunctioned.", [("space_launch", NK, TUE, ANY)]),
    ("North Korea conducted a static-fire test of a rocket engine on Tuesday.", [("engine_test", NK, TUE, ANY)]),
    ("N. Korea fires 2 ballistic missiles into East Sea", [("ballistic_unspecified", NK, ANY, 2)]),
    ("North Korea test-fires ICBM in defiance of UN sanctions", [("icbm", NK, ANY, ANY)]),
    ("Pyongyang launches spy satellite, Seoul says", [("space_launch", NK, ANY, ANY)]),
    # --- batch 2: recaps with their own dates -------------------------------------------------------
    ("The North last fired a ballistic missile on January 12.", [("ballistic_unspecified", NK, "2025-01-12", ANY)]),
    ("North Korea last tested an ICBM in December.", [("icbm", NK, ANY, ANY)]),
    ("The North's sixth and most powerful nuclear test, in September 2017, was its last.",
     [("nuclear_test", NK, "2017-09", ANY)]),
    ("North Korea fired such rockets in 2014, 2016 and 2019, the ministry said.",
     [(ANY, NK, "2014", ANY), (ANY, NK, "2016", ANY), (ANY, NK, "2019", ANY)]),
    ("It was North Korea's first ICBM launch since it fired a Hwasong-17 on November 18 last year.",
     [("icbm", NK, ANY, ANY), ("icbm", NK, ANY, ANY)]),
    ("North Korea has tested nuclear devices in 2006, 2009 and 2013.",
     [("nuclear_test", NK, "2006", ANY), ("nuclear_test", NK, "2009", ANY), ("nuclear_test", NK, "2013", ANY)]),
    # --- batch 2: nothing done ---------------------------------------------------------------------
    ("Seoul said it saw no sign of an imminent nuclear test.", []),
    ("If North Korea conducts another nuclear test, the council will respond.", []),
    ("The North postponed a planned satellite launch because of bad weather.", []),
    ("North Korea vowed to launch three more spy satellites this year.", []),
    ("Japan put its missile defences on alert ahead of a possible launch.", []),
    # --- batch 2: other states ---------------------------------------------------------------------
    # (the allies' missiles fired in answer are their drill: test_an_allied_firing_in_answer_is_their_drill)
    ("South Korea fired a Hyunmoo-2 missile into the sea on Tuesday in response to the North's launch.",
     [(ANY, NK, ANY, ANY)]),
    ("South Korea fired two missiles on Tuesday in response to North Korea's launch of an ICBM.",
     [("icbm", NK, ANY, ANY)]),
    ("The United States and South Korea fired missiles into the sea after the North's ICBM launch on Tuesday.",
     [("icbm", NK, TUE, ANY)]),
    ("The U.S. Air Force launched a Minuteman III missile from Vandenberg on Tuesday, a test planned long before.",
     [("icbm", "United States", TUE, ANY)]),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[f"row{i:02d}" for i in range(len(ROWS))])
def test_matrix(lister, text, expected):
    found = _told(lister, text)
    got = [(m.weapon_class, m.conducted_by, m.date.value, m.count) for m in found]
    assert len(found) == len(expected), got
    for row in expected:
        assert any(_matches(m, row) for m in found), (row, got)


@pytest.mark.parametrize("text", [
    "North Korea unleashed a barrage of threats against Seoul after the missile test.",
    "Pyongyang hurled insults at Washington in response to the allies' missile launches.",
    "Seoul lobbed a new proposal at the North after its ICBM launch.",
])
def test_a_firing_verb_takes_no_weapon_from_the_event_it_answers(lister, text):
    """The words of a phrase of response or of sequence ("in response to ...", "after ...") tell the event
    answered, not the verb's: a verb of throwing whose own words name no weapon reports no launch."""
    found = _told(lister, text)
    assert not [m for m in found if set(m.cues) & {"unleashed", "hurled", "lobbed"}]


@pytest.mark.parametrize("text", [
    "Russia unleashed a barrage of missiles on Kyiv on Tuesday, Ukraine's air force said.",
    "Russian forces unleashed dozens of missiles on Kharkiv on Tuesday, Ukraine said.",
])
def test_a_war_party_throwing_missiles_in_its_war_is_no_test(lister, text):
    assert _told(lister, text) == []


@pytest.mark.parametrize("text, report", [
    ("North Korea said on Wednesday it had tested a new solid-fuel ICBM.", "2025-03-12"),
    ("Seoul's military said Wednesday the North fired two cruise missiles.", "2025-03-12"),
])
def test_a_day_between_the_reporting_verb_and_its_clause_dates_the_report(lister, text, report):
    """"Said on Wednesday it had tested": the parser hangs the day on the reported verb; it only bounds the test."""
    (m,) = _told(lister, text)
    assert (m.date.value, m.date.bound) == (report, "on_or_before")


def test_a_since_clause_with_its_own_date_is_the_earlier_launch(lister):
    """"The biggest since it fired 23 missiles on November 2": two launches, each with its day and evidence."""
    found = _told(lister, "The launch on Tuesday was the North's biggest since it fired 23 missiles on November 2.")
    assert [m.date.value for m in found] == [TUE, "2024-11-02"]


def test_a_since_clause_without_a_date_is_no_other_launch(lister):
    found = _told(lister, "North Korea fired a cruise missile on Tuesday, the first since it resumed tests.")
    assert len(found) == 1


@pytest.mark.parametrize("text, sides", [
    ("South Korea fired a Hyunmoo-2 missile into the sea on Tuesday in response to the North's launch.", ["South Korea"]),
    ("South Korea and the United States fired eight missiles into the sea on Tuesday in response.",
     ["South Korea", "United States"]),
    ("The allies launched two ATACMS missiles into the sea after the North's ICBM launch on Tuesday.", ANY),
    ("Seoul said South Korea fired missiles into the sea as a show of force following the North's latest launch.",
     ["South Korea"]),
    ("South Korea fired two missiles into the sea hours after the North's ICBM launch on Tuesday.", ["South Korea"]),
    ("US forces fired two ATACMS missiles into the sea on Tuesday in response to the North's launch.", ANY),
])
def test_an_allied_firing_in_answer_is_their_drill(lister, text, sides):
    """Missiles fired (not test-fired) by South Korea, the United States or Japan in answer to a North Korean
    launch: a show-of-force drill of theirs, never a weapons test (of theirs, nor the North's it answers)."""
    res = lister.extract(make_doc(text, D))
    drills = [m for m in res.mentions if m.type == "military_exercise"]
    assert len(drills) == 1 and (sides is ANY or sorted(drills[0].conducted_by) == sorted(sides))
    assert all(m.conducted_by == [NK] for m in res.mentions if m.type == "weapons_test")


@pytest.mark.parametrize("text, by", [
    ("South Korea successfully test-fired its Hyunmoo-4 ballistic missile on Tuesday.", "South Korea"),
    ("North Korea fired two missiles on Tuesday in response to the allies' drills.", NK),
])
def test_a_test_fire_or_the_norths_answer_stays_a_test(lister, text, by):
    assert [m.conducted_by for m in _told(lister, text)] == [[by]]


@pytest.mark.parametrize("text", [
    "Pyongyang has carried out six nuclear tests, most recently in September 2017.",
    "Pyongyang has carried out six nuclear tests, the latest in September 2017.",
    "Pyongyang has carried out six nuclear tests, the last in September 2017.",
])
def test_the_latest_of_a_tally_with_its_date_is_told(lister, text):
    """A tally in the perfect reports no event, but the latest of them told with its own date is one."""
    assert [(m.weapon_class, m.date.value) for m in _told(lister, text)] == [("nuclear_test", "2017-09")]


def test_a_tally_alone_is_no_event(lister):
    assert _told(lister, "North Korea has conducted six nuclear tests since 2006.") == []
