"""Weapons tests as ordinary news reports them: counts, nuclear tests, space launches and their
failures, participles, compound modifiers, prohibitions, sentences that speak of a test told before,
and who the reports are attributed to. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def launches_in(extractor, text, published=D):
    """The document and its weapons-test mentions."""
    doc = make_doc(text, published)
    return doc, [m for m in extractor.extract(doc).mentions if m.type == "weapons_test"]


@pytest.mark.parametrize("text, count", [
    ("The North fired a ballistic missile into the sea on Thursday, Seoul said.", 1),
    ("The North fired a single short-range missile toward the sea on Thursday.", 1),
    ("The army fired three cruise missiles over the sea on Thursday.", 3),
    # "a" counts the launch, not the missiles; two weapons coordinated are not one
    ("The North carried out a missile launch on Thursday, Seoul said.", None),
    ("The North fired a ballistic missile and a cruise missile on Thursday, Seoul said.", None),
    # a nuclear test fires nothing
    ("The North conducted a nuclear test on Thursday, Seoul said.", None),
])
def test_count_from_the_article(extractor, text, count):
    _, (m,) = launches_in(extractor, text)
    assert m.count == count


def test_a_numeral_beats_an_article(extractor):
    text = ("The North held a flight test of a new cruise missile on Thursday, state media said.\n"
            "In the test on Thursday the North fired two cruise missiles, state media said.")
    _, (m,) = launches_in(extractor, text)
    assert m.count == 2


@pytest.mark.parametrize("text, cls", [
    ("The country said it had tested a hydrogen bomb on Wednesday.", "nuclear_test"),
    ("The regime said it had performed its first nuclear weapons test on Monday.", "nuclear_test"),
    ("The North launched a long-range rocket from its west coast on Sunday, Seoul said.", "space_launch"),
    ("The rocket carrying the satellite exploded shortly after liftoff on Monday, state media said.",
     "space_launch"),
    ("The country put a reconnaissance satellite into orbit on Tuesday, state media said.", "space_launch"),
    # the bomb or weapon a test set off, named without "test" or "device"
    ("Sanctions have been in place since the North first tested a nuclear bomb in 2006.", "nuclear_test"),
    ("The regime tested a nuclear weapon under a mountain on Wednesday, monitors said.", "nuclear_test"),
    ("Pyongyang detonated an atomic weapon at its northeastern site on Monday, Seoul said.", "nuclear_test"),
])
def test_nuclear_tests_and_space_launches(extractor, text, cls):
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls


def test_a_missile_able_to_carry_a_bomb_stays_a_missile(extractor):
    _, (m,) = launches_in(extractor, "The North fired an intercontinental ballistic missile capable of carrying a "
                                     "hydrogen bomb on Friday, Seoul said.")
    assert m.weapon_class == "icbm"
    _, (m,) = launches_in(extractor, "The North fired a medium-range ballistic missile able to deliver a "
                                     "nuclear weapon on Friday, Seoul said.")
    assert m.weapon_class == "mrbm"


def test_a_participle_on_a_weapon_with_a_date_reports_the_launch(extractor):
    doc, (m,) = launches_in(extractor, "The missile launched on Friday by the North landed in the sea east of the "
                                       "peninsula, officials said.")
    assert doc.span_text(m.evidence).startswith("The missile launched on Friday")


@pytest.mark.parametrize("text", [
    # a hyphenated participle names a kind of weapon
    "The cargo plane carried shoulder-launched rockets and rifles, the police said.",
    # what a ban forbids did not happen
    "The resolution bars the country from launching ballistic missiles.",
    "The treaty prohibits nuclear tests of any kind.",
    # a weapon that explodes in a war zone is a strike, not a test
    "A missile exploded over Kyiv on Monday, Ukrainian officials said.",
    # a weapon fired at what it was aimed at is a shot or an attack, not a test
    "South Korean troops fired shots at the drones on Monday, the military said.",
    "Soldiers fired rifles at a balloon drifting across the border on Monday.",
    "Three of the missiles fired at Kharkiv on Monday were made in North Korea, police said.",
    "The North fired rockets at the town on Monday, killing three, officials said.",
    # ... an attack drone of the war among the targets (invented for the fresh5-b class of error)
    "They ran between the areas where the drones were bombing, shooting at the FPVs and advancing.",
    "They moved between the areas where the drones were bombing, shooting at the UAVs and advancing.",
    "The soldiers ran across the field where drones were bombing, shooting at the quadcopters.",
])
def test_not_weapons_tests(extractor, text):
    _, found = launches_in(extractor, text)
    assert found == []


@pytest.mark.parametrize("text", [
    # ... but a test fired at its target, from a place, at an hour is one
    "The North fired two ballistic missiles at a target island off its east coast on Monday, Seoul said.",
    "The rocket was launched at the Sohae station on Monday, state media said.",
    "The North fired a cruise missile at dawn on Monday, Seoul said.",
])
def test_a_test_fired_at_its_target_stays_a_test(extractor, text):
    _, found = launches_in(extractor, text)
    assert len(found) == 1


def test_a_pretext_is_not_a_second_test(extractor):
    _, (m,) = launches_in(extractor, "The North launched a long-range rocket on Sunday, a move which experts say is a "
                                     "cover for testing ballistic missile technology.")
    assert m.weapon_class == "space_launch"


def test_a_sentence_about_the_missile_lends_its_source_and_class(extractor):
    text = ("The North fired a ballistic missile over the sea on Friday morning.\n"
            "The projectile is believed to be a Hwasong-12, Japan's defense ministry said.")
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == "irbm"
    assert "Japan's defense ministry" in m.sources


def test_a_seismic_trace_lends_its_source_to_the_nuclear_test_only(extractor):
    text = ("The North conducted a nuclear test on Sunday and fired a cruise missile on Monday.\n"
            "The US Geological Survey said the tremor measured 5.1.")
    _, found = launches_in(extractor, text)
    by_class = {m.weapon_class: m for m in found}
    assert "USGS" in by_class["nuclear_test"].sources
    assert "USGS" not in by_class["cruise"].sources


def test_a_restatement_is_not_the_evidence(extractor):
    text = ("The North fired a short-range ballistic missile on Friday, the JCS said.\n"
            "The launch and the drills are a warning to Seoul, analysts at the Asan Institute said.")
    doc, (m,) = launches_in(extractor, text)
    assert doc.span_text(m.evidence).startswith("The North fired")


def test_an_office_and_the_person_who_holds_it(extractor):
    _, (m,) = launches_in(extractor, "Japan's Defense Minister Taro Sato said the North fired a ballistic missile "
                                     "on Friday.")
    assert "Japan's defense ministry" in m.sources and "Taro Sato" in m.sources


# --- the news and the earlier launches an article recalls ------------------------------------------------
@pytest.mark.parametrize("text", [
    # an undated lead, then a launch dated weeks before publication (D = 2025-03-14)
    "North Korea launched a ballistic missile over Japan, the military said.\n"
    "On February 20, North Korea fired a ballistic missile from the west coast.",
    # the other way round: an earlier launch first (a file photo), the news after it
    "A picture taken on February 2 shows a missile being launched by the North.\n"
    "The North fired a ballistic missile toward the East Sea, the military said.",
])
def test_the_news_and_an_earlier_dated_launch_are_two_events(extractor, text):
    _, found = launches_in(extractor, text)
    assert len(found) == 2


def test_an_undated_lead_and_its_recent_day_are_one_event(extractor):
    text = ("North Korea launched a ballistic missile over Japan, the military said.\n"
            "North Korea fired the ballistic missile on Thursday from its capital.")
    _, (m,) = launches_in(extractor, text)
    assert m.date.value == "2025-03-13"


# --- what a subordinate clause, an attempt or a hedge tells -----------------------------------------------
@pytest.mark.parametrize("text, evidence", [
    # the clause hangs under a purpose infinitive, or under a negated main clause
    ("North Korea carried out a nuclear test to show its might, two months after it fired a long-range "
     "ballistic missile.", "after it fired"),
    ("It has not launched another satellite since a rocket carrying one exploded shortly after liftoff.",
     "a rocket carrying one exploded"),
    ("The North did not attend the talks because it had launched a ballistic missile the day before.",
     "it had launched a ballistic missile"),
    ("Seoul has not held talks with Pyongyang since it fired a ballistic missile over Japan.",
     "it fired a ballistic missile"),
])
def test_a_past_clause_after_since_or_because_reports_its_launch(extractor, text, evidence):
    doc, found = launches_in(extractor, text)
    assert any(evidence in doc.span_text(m.evidence) for m in found)


@pytest.mark.parametrize("text, evidence", [
    # a concession is told as a fact, whatever the main clause promises
    ("Pyongyang has vowed to put more satellites into orbit, though its last rocket exploded after liftoff "
     "in May.", "exploded"),
    ("The regime plans to hold talks, although it tested a nuclear bomb two weeks ago.", "tested a nuclear bomb"),
    ("Kim pledged to expand the arsenal even though the last cruise missile launch failed on Monday.",
     "launch failed"),
])
def test_a_past_clause_of_concession_reports_its_launch(extractor, text, evidence):
    doc, found = launches_in(extractor, text)
    assert [m.modality for m in found if evidence in doc.span_text(m.evidence)] == ["happened"]


@pytest.mark.parametrize("text", [
    # a conceded view, which the main clause corrects, reports no launch of its own
    ("Though the first reading was that the North fired a short-range missile, the ministry's statement offered "
     "the first proof that it was an ICBM."),
    ("Though the initial assessment was that the North fired a medium-range missile, the minister's statement "
     "offered the first confirmation that it was an ICBM."),
])
def test_a_conceded_view_is_no_launch_of_its_own(extractor, text):
    _, found = launches_in(extractor, text)
    assert [m for m in found if m.modality == "happened"] == []


@pytest.mark.parametrize("text", [
    # an attempt told as failing, with no word of what was tried but a weapon in the sentence
    "The North wants more spy satellites in orbit; its first bid failed in May when the rocket broke apart.",
    "Seoul said the previous attempt ended in failure on Monday, the rocket carrying the satellite lost.",
    "Its latest attempt failed on Tuesday, the second-stage engine of the space rocket shutting down early.",
])
def test_an_attempt_told_as_failing_is_a_launch(extractor, text):
    _, found = launches_in(extractor, text)
    assert len(found) == 1


@pytest.mark.parametrize("text, cls", [
    # an attempt names no weapon of its own: it is an attempt of the weapon its sentence names
    ("Pyongyang vowed to put more spy satellites into orbit, though its last attempt failed on Monday.",
     "space_launch"),
    ("The North fired a cruise missile on Thursday after a failed attempt on Monday.", "cruise"),
    ("Seoul said the ICBM reached its apogee on Thursday, after the previous attempt ended in failure on Monday.",
     "icbm"),
])
def test_an_attempt_is_of_the_sentences_weapon(extractor, text, cls):
    doc, found = launches_in(extractor, text)
    (m,) = [m for m in found if m.date.value == "2025-03-10"]   # Monday
    assert m.weapon_class == cls


@pytest.mark.parametrize("text", [
    "Diplomatic attempts to curb the missile program have failed, officials said.",
    "His bid to cross the border failed in May, as missiles were being moved to the front.",
])
def test_an_attempt_at_something_else_is_no_launch(extractor, text):
    _, found = launches_in(extractor, text)
    assert found == []


@pytest.mark.parametrize("text", [
    "The North's attempt to launch a spy satellite failed on Monday, state media said.",
    "North Korea tried to put a reconnaissance satellite into orbit on Tuesday, the military said.",
    "A failed attempt to launch a spy satellite on Monday drew condemnation from Seoul.",
    "The North possibly fired a cruise missile on Thursday, officials said.",
    "The military said the North appeared to have launched three projectiles, possibly from a multiple "
    "rocket launcher, on Thursday.",
])
def test_attempts_made_and_hedged_reports_are_launches(extractor, text):
    _, found = launches_in(extractor, text)
    assert len(found) == 1


@pytest.mark.parametrize("text", [
    "North Korea is trying to launch a spy satellite, officials said.",
    "North Korea will attempt to launch a satellite in June, state media said.",
    "North Korea could possibly fire a missile this week, officials said.",
    "Officials warned of a possible missile launch.",
])
def test_attempts_to_come_and_possibilities_are_not(extractor, text):
    _, found = launches_in(extractor, text)
    assert found == []


# --- parses that hide the launch -------------------------------------------------------------------------
@pytest.mark.parametrize("text, cls", [
    # the parser reads "Pyongyang test-fired ... missiles" as one noun phrase headed by the weapon
    ('Pyongyang test-fired "upgraded, medium-range" ballistic missiles on Sunday, officials said.',
     "ballistic_unspecified"),
    ('The North test-launched "new-type, large-caliber" guided rockets on Sunday, state media said.', None),
])
def test_a_verb_read_as_an_adjective_of_the_missile(extractor, text, cls):
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls
    assert m.date.value == "2025-03-09"


@pytest.mark.parametrize("text, cls", [
    # a headline's verb read as a plural noun modifying the weapon
    ("NK fires short-range missile toward East Sea", "srbm"),
    ("North Korea test-fires new ICBM, state media says", "icbm"),
])
def test_a_headline_verb_read_as_a_noun(extractor, text, cls):
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls


@pytest.mark.parametrize("text, cls", [
    ("The new missile resembled the KN-23, which North Korea last tested in 2019.", "srbm"),
    ("The rocket was similar to the Hwasong-15 that the North launched in 2017.", "icbm"),
])
def test_a_relative_clause_on_the_weapon_reports_its_earlier_test(extractor, text, cls):
    doc, (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls
    assert doc.span_text(m.evidence).split()[-1] in ("2019", "2017")


# --- dates in the clauses around a launch -----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "North Korea fired a ballistic missile on Wednesday, its first launch since the new president took office "
    "on February 3, Seoul said.",
    "North Korea launched a cruise missile, the first such launch since the talks collapsed on February 3.",
])
def test_a_date_in_a_since_clause_belongs_to_that_clause(extractor, text):
    _, found = launches_in(extractor, text)
    assert found and all(m.date.value != "2025-02-03" for m in found)


def test_for_the_first_time_on_a_day_dates_the_launch(extractor):
    _, (m,) = launches_in(extractor, "North Korea launched a solid-fuel intercontinental ballistic missile for "
                                     "the first time on March 12, state media said.")
    assert m.date.value == "2025-03-12"


# --- launches told by what the missile did, by a free relative, by a hedge ------------------------------
@pytest.mark.parametrize("text, cls", [
    ("A North Korean missile flew over Japan on Tuesday, prompting evacuation alerts.", None),
    ("Two ballistic missiles landed in the sea off the east coast on Thursday, Seoul said.", "ballistic_unspecified"),
    ("Pyongyang launched what appeared to be a ballistic missile toward the sea on Tuesday, the military said.",
     "ballistic_unspecified"),
    ("North Korea fired what Seoul called a short-range ballistic missile on Monday.", "srbm"),
    ("North Korea may have fired a ballistic missile, the coast guard said.", "ballistic_unspecified"),
    ("North Korea's attempt to put a spy satellite into orbit ended in failure on Wednesday.", "space_launch"),
])
def test_more_ways_of_reporting_a_launch(extractor, text, cls):
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls


@pytest.mark.parametrize("text", [
    # "the missile": a launch told before, none here
    "The missile flew about 600 kilometers before landing in the sea, the military said.",
    # a drone is no projectile; a possibility is no report
    "A North Korean drone flew into the South's airspace on Monday, the military said.",
    # what missiles do, what they have done over the years
    "Cruise missiles travel at low altitude to evade radar, experts said.",
    "North Korean missiles have landed in Japan's economic zone several times in recent years.",
    "North Korea may fire a missile this week, officials said.",
    "The North could have fired a ballistic missile, officials said.",
])
def test_what_a_missile_did_without_a_launch(extractor, text):
    _, found = launches_in(extractor, text)
    assert found == []


def test_the_missile_that_flew_joins_the_launch(extractor):
    text = ("North Korea fired a short-range ballistic missile on Thursday, Seoul said.\n"
            "The missile flew about 600 kilometers before falling into the sea, Japan's defense ministry said.")
    _, (m,) = launches_in(extractor, text)
    assert "Japan's defense ministry" in m.sources


@pytest.mark.parametrize("text, cls", [
    ("The North failed to put a satellite into orbit on Monday, state media said.", "space_launch"),
    ("A Hwasong-12 intermediate-range missile passed over Japan on Tuesday.", "irbm"),
])
def test_a_failure_and_an_overflight_are_launches(extractor, text, cls):
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls


def test_a_weapon_said_of_it_lends_its_class(extractor):
    text = ("North Korea fired a projectile into the sea on Tuesday, Seoul said.\n"
            "Japan's defense ministry said it appeared to be a short-range ballistic missile.")
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == "srbm"
    assert "Japan's defense ministry" in m.sources


def test_a_launch_never_joins_a_nuclear_test(extractor):
    text = "North Korea said it had conducted a nuclear test, weeks after it fired a rocket, Seoul said."
    _, found = launches_in(extractor, text)
    assert len(found) == 2


def test_a_sentence_is_better_evidence_than_a_headline(extractor):
    text = ("North Korea conducts nuclear test\n"
            "North Korea conducted a nuclear test, angering China.")
    doc, (m,) = launches_in(extractor, text)
    assert doc.span_text(m.evidence).startswith("North Korea conducted")


def test_today_in_an_undated_text_is_not_a_day_named_elsewhere(extractor):
    text = ("This photo taken on September 15, 2021, shows a missile being launched by the North.\n"
            "A North Korean ballistic missile fired earlier today landed in the sea, the government says.")
    _, found = launches_in(extractor, text, published=None)
    assert len(found) == 2


def events_in(extractor, text, published=D):
    doc = make_doc(text, published)
    return [m for m in extractor.extract(doc).mentions]


@pytest.mark.parametrize("text", [
    "North Korea fired more than 80 rounds of artillery into the sea overnight, the military said.",
    "The North fired about 10 rounds from anti-aircraft machine guns on Friday, the JCS said.",
    "North Korean soldiers shot rifles across the river on Friday, Seoul said.",
])
def test_guns_fired_and_artillery_fired_into_the_sea_are_no_weapons_test(extractor, text):
    found = events_in(extractor, text)
    assert [m.type for m in found] == ["border_incident"]


@pytest.mark.parametrize("text, cls", [
    ("Kim Jong Un oversaw the test-fire of a new sniper rifle on Friday, state media said.", "small_arms"),
    ("The North test-fired a new large-caliber artillery system on Friday, state media said.", "artillery"),
])
def test_a_new_gun_test_fired_stays_a_weapons_test(extractor, text, cls):
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls


@pytest.mark.parametrize("text", [
    # a launch told in a clause a measured "after"/"since" opens is an earlier one
    "North Korea fired a short-range missile on Monday. The launch came three days after the North fired "
    "an intercontinental ballistic missile into the sea.",
    "North Korea fired a ballistic missile on Thursday, two weeks after it fired another ballistic missile "
    "toward Japan.",
    "The North test-fired a cruise missile on Thursday, a month since it last launched a cruise missile.",
])
def test_launch_days_after_another_is_another(extractor, text):
    assert len(launches_in(extractor, text)[1]) == 2, text


@pytest.mark.parametrize("text", [
    # a phrase of the launch's own course, or another kind of event before it: one launch
    "The North's rocket exploded minutes after liftoff on Thursday, state media said.",
    "Japan lodged a protest hours after North Korea fired a ballistic missile on Thursday.",
])
def test_one_launch_with_an_after(extractor, text):
    assert len(launches_in(extractor, text)[1]) == 1, text


@pytest.mark.parametrize("text", [
    # what a drill is aimed at is its purpose, not a test of its own
    "Kim guided the drills on Thursday that were aimed at testing the capabilities of the new rocket launchers.",
    "The navy held drills on Thursday aimed at testing its new ship-to-ship missiles.",
    "The army held a drill on Thursday that aims to test the accuracy of its cruise missiles.",
])
def test_purpose_of_a_drill_is_no_test(extractor, text):
    assert not launches_in(extractor, text)[1], text


@pytest.mark.parametrize("text", [
    # Japan's exclusive economic zone stretches over more than one sea: no sea apart from "the East Sea"
    "North Korea fired a ballistic missile off its east coast on Thursday, Seoul said. The projectile, the "
    "North's tenth launch this year, fell outside Japan's exclusive economic zone.",
    "The North fired a ballistic missile toward the Sea of Japan on Thursday. The North's launch, its sixth "
    "this year, ended outside Japan's EEZ, Japan's defense ministry said.",
])
def test_east_sea_and_japans_eez_are_one_launch(extractor, text):
    assert len(launches_in(extractor, text)[1]) == 1, text


@pytest.mark.parametrize("text", [
    # a free relative as the object of a verb of doing: the test is told as that verb tells it
    "North Korea conducted what it claimed to be a successful test of an H-bomb on Thursday.",
    "North Korea carried out what it called a successful test of a hydrogen bomb on Thursday.",
])
def test_conducted_what_it_called_a_test(extractor, text):
    assert launches_in(extractor, text)[1], text


def test_will_conduct_what_it_calls_a_test_is_planned(extractor):
    assert not launches_in(extractor, "North Korea said it will conduct what it calls a nuclear test next week.")[1]


@pytest.mark.parametrize("text, day", [
    # a clause that counts days back from its sentence's dated event of the type is dated by them
    ("North Korea fired a ballistic missile on Thursday, three days after it fired another ballistic missile "
     "toward Japan.", "2025-03-10"),
    ("North Korea fired a ballistic missile on March 13, 2025, a day after it launched another ballistic "
     "missile into the sea.", "2025-03-12"),
])
def test_days_after_counts_back(extractor, text, day):
    found = launches_in(extractor, text)[1]
    assert day in {m.date.value for m in found}, text


def test_weeks_after_gives_no_day(extractor):
    found = launches_in(extractor, "North Korea fired a ballistic missile on Thursday, two weeks after it fired "
                                   "another ballistic missile toward Japan.")[1]
    assert len(found) == 2 and sorted(str(m.date.value) for m in found) == ["2025-03-13", "None"]


@pytest.mark.parametrize("text, launches", [
    # a text whose publication day is unknown: each report names a time of its own, none in common
    ("North Korea fired a ballistic missile toward the East Sea on Tuesday, the South's military said.\n"
     "Pyongyang fired another ballistic missile on March 3, according to Japan's defence ministry.", 2),
    ("The North launched two cruise missiles into the Yellow Sea on Sunday, Yonhap reported.\n"
     "According to Yonhap, the North last test-fired cruise missiles in January.", 2),
    # "test-fired" parsed as a participle on the weapon noun: the noun's phrase holds the time
    ("The North launched two ballistic missiles into the East Sea on Sunday, officials said.\n"
     "According to officials, Pyongyang last test-fired ballistic missiles in March.", 2),
    # the same day named again, or no time at all in the second report: one launch
    ("North Korea fired a ballistic missile toward the East Sea on Tuesday, the South's military said.\n"
     "The ballistic missile fired on Tuesday flew about 300 kilometres.", 1),
    ("North Korea fired a ballistic missile toward the East Sea on Tuesday, the South's military said.\n"
     "Japan's defence ministry said the North had fired a ballistic missile.", 1),
])
def test_undated_reports_with_times_of_their_own_are_two_launches(extractor, text, launches):
    _, found = launches_in(extractor, text, published=None)
    assert len(found) == launches


@pytest.mark.parametrize("text", [
    # "testing" is a test as much as "test" is
    "State media reported the successful testing of a new cruise missile on Thursday.",
    "The testing of the solid-fuel ICBM took place on Thursday, KCNA said.",
])
def test_testing_reports_a_test(extractor, text):
    _, found = launches_in(extractor, text)
    assert len(found) == 1


@pytest.mark.parametrize("text", [
    # a rocket motor on a test stand is an engine test
    "North Korea has tested a high-thrust solid-fuel motor, state media said on Friday.",
    "The North conducted a ground test of a solid rocket motor on Thursday, KCNA said.",
])
def test_a_motor_test_is_an_engine_test(extractor, text):
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == "engine_test"


@pytest.mark.parametrize("text", [
    # an engine that blows up in flight is the launch failing, not an engine test
    "The satellite launch failed on Thursday after the rocket's engine exploded in flight, state media said.",
    "The carrier rocket's first-stage engine blew up minutes after liftoff on Thursday, officials said.",
])
def test_an_engine_exploding_in_flight_is_no_engine_test(extractor, text):
    _, found = launches_in(extractor, text)
    assert "engine_test" not in {m.weapon_class for m in found}


@pytest.mark.parametrize("text, days", [
    # failed attempts told beside a launch are launches of their own, one per date
    ("North Korea put a spy satellite into orbit on Thursday after failed attempts on January 9 and February 20, "
     "state media said.", {"2025-01-09", "2025-02-20"}),
    ("Pyongyang vowed to launch a reconnaissance satellite next month after two failed attempts on January 9 "
     "and February 20.", {"2025-01-09", "2025-02-20"}),
])
def test_failed_attempts_are_launches(extractor, text, days):
    _, found = launches_in(extractor, text)
    assert days <= {m.date.value for m in found}


def test_an_attempt_to_do_something_else_is_no_launch(extractor):
    text = "North Korea made a failed attempt to cross the border with a drone on Thursday, the military said."
    _, found = launches_in(extractor, text)
    assert found == []


@pytest.mark.parametrize("text", [
    # undated text: a report told with a day it cannot resolve is not the earlier test dated later on
    "North Korea conducted a nuclear test on May 25, state media said.\n"
    "The country had conducted a nuclear test on October 9, 2006, according to officials.",
    "The North fired a ballistic missile on Tuesday, the military said.\n"
    "It had fired a ballistic missile on August 24, 2017, officials said.",
])
def test_an_undated_report_with_a_day_of_its_own_takes_no_earlier_date(extractor, text):
    _, found = launches_in(extractor, text, published=None)
    assert len(found) == 2


@pytest.mark.parametrize("text", [
    # a hedged weapon in the "of" phrase of a quantity the cue fires
    "North Korea fired a pair of what are believed to be short-range ballistic missiles on Thursday, Tokyo said.",
    "The North launched two of what appeared to be cruise missiles toward the sea on Thursday, Seoul said.",
])
def test_a_quantity_of_what_appeared_to_be_missiles_is_a_launch(extractor, text):
    _, found = launches_in(extractor, text)
    assert len(found) == 1


@pytest.mark.parametrize("text, launches", [
    # a text without a publication day: a list of dates it cannot resolve still names one launch per date
    ("North Korea put a spy satellite into orbit after two failed attempts in May and August, state media said.", 3),
    ("Pyongyang fired cruise missiles into the sea on Friday, the military said.\n"
     "The North had conducted three rounds of cruise missile firings on Monday, Wednesday and Thursday last week.", 4),
])
def test_an_unresolved_list_of_dates_names_one_launch_per_date(extractor, text, launches):
    _, found = launches_in(extractor, text, published=None)
    assert len(found) == launches


def test_an_unresolved_list_of_days_of_a_drill_stays_one_drill(extractor):
    doc = make_doc("South Korea and the United States held joint drills on Monday and Tuesday, officials said.")
    assert len([m for m in extractor.extract(doc).mentions if m.type == "military_exercise"]) == 1
