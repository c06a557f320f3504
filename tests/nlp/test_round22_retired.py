"""Constructions behind the misses of the check sets of stop 31, once they became dev sets (stop 32, round 22),
through the real pipeline. All texts are invented for these tests."""
from __future__ import annotations

import pytest

from .helpers import titled_mentions as found

pytestmark = pytest.mark.model

DE, WT, BI, CO = "diplomatic_engagement", "weapons_test", "border_incident", "combat_operation"


def test_a_noun_dated_in_the_clause_of_another_test_is_reported_by_its_own_phrase(pipeline):
    text = ("The sanctions follow North Korea's fifth nuclear test in September and long-range rocket launch in "
            "October, which drew wide condemnation.")
    got = found(pipeline, text, WT, None)
    assert len(got) == 2
    assert got[1].evidence.start > got[0].evidence.start


def test_an_object_whose_date_closes_its_modifier_is_a_launch_of_its_own(pipeline):
    text = "The North also fired two cruise missiles on Monday and a long-range missile capable of reaching Guam on Thursday."
    assert [m.date.value for m in found(pipeline, text, WT)] == ["2019-01-14", "2019-01-17"]


@pytest.mark.parametrize("victim", ["South Korean government official", "South Korean fisheries officer"])
def test_a_south_korean_official_shot_near_the_sea_border_is_an_incident(pipeline, victim):
    text = f"North Korean troops shot a {victim} in waters near the disputed sea border on Tuesday."
    assert [(m.date.value, m.conducted_by) for m in found(pipeline, text, BI)] == [("2019-01-15", ["North Korea"])]


def test_a_gerund_of_what_is_hard_to_do_is_no_report(pipeline):
    text = ("Zelensky spoke of the challenges in capturing North Korean soldiers in the Kursk region, who are "
            "ordered to avoid capture.")
    assert found(pipeline, text, CO) == []


def test_a_meeting_after_the_parade_is_another_event_than_the_parade(pipeline):
    text = ("Kim Jong Un attended a military parade in Beijing on Wednesday alongside Vladimir Putin and Xi "
            "Jinping.\n\nHe met Putin after the parade.")
    assert len(found(pipeline, text, DE)) == 2


def test_minutes_after_launch_is_a_stage_of_the_launch(pipeline):
    text = ("North Korea launched a long-range rocket on Thursday.\n\n"
            "The rocket crashed into the sea a few minutes after launch.")
    assert len(found(pipeline, text, WT)) == 1


@pytest.mark.parametrize("text", [
    "A group of Russian tourists visited North Korea for a skiing holiday at the Masikryong resort in January.",
    "Chinese holidaymakers visited North Korea's Rason zone on Thursday.",
])
def test_a_trip_of_tourists_is_no_engagement(pipeline, text):
    assert found(pipeline, text, DE) == []


def test_a_delegation_visiting_still_is_one(pipeline):
    text = "A Russian government delegation visited North Korea on Thursday."
    assert [m.date.value for m in found(pipeline, text, DE)] == ["2019-01-17"]


def test_the_day_of_a_response_does_not_date_what_it_answers(pipeline):
    text = ("New U.N. sanctions were approved unanimously on January 12, in response to North Korea's earlier "
            "nuclear test.")
    assert [m.date.value for m in found(pipeline, text, WT)] == [None]


def test_the_day_footage_is_aired_does_not_date_what_it_shows(pipeline):
    text = ("State TV aired footage on Friday that it said was of North Korean soldiers fighting for Russia in the "
            "Kursk region.")
    assert [m.date.value for m in found(pipeline, text, CO)] == [None]


def test_a_first_launch_since_a_day_told_with_a_copula_recalls_that_launch(pipeline):
    text = "North Korea fired a ballistic missile on Thursday. It was the North's first missile launch since Nov. 5."
    assert sorted(str(m.date.value) for m in found(pipeline, text, WT)) == ["2018-11-05", "2019-01-17"]


def test_in_a_dated_text_an_event_told_a_measured_time_before_the_news_is_another_one(pipeline):
    text = ("A North Korean soldier defected across the heavily armed border, the JCS said.\n\n"
            "It comes almost 40 days after another North Korean soldier crossed the demilitarized zone amid a "
            "barrage of bullets.\n\n"
            "South Korean troops fired 20 warning shots on Thursday at North Korean guards searching for him.")
    assert len(found(pipeline, text, BI)) == 2


@pytest.mark.parametrize("recap", ["The type was last test-launched on Nov. 29, 2017.",
                                   "It had previously fired one on Nov. 29, 2017."])
def test_a_verb_told_as_the_last_or_previous_time_with_a_date_of_its_own_is_an_earlier_event(pipeline, recap):
    text = f"North Korea fired a Hwasong-15 intercontinental ballistic missile on Thursday, the JCS said.\n\n{recap}"
    assert [(m.date.value, m.weapon_class) for m in found(pipeline, text, WT)] == [
        ("2019-01-17", "icbm"), ("2017-11-29", "icbm")]


def test_the_soldiers_a_relative_clause_says_were_sent_are_a_deployment(pipeline):
    text = "Putin praised the bravery of the North Korean soldiers that Kim has sent to help Russia in its war."
    assert [m.conducted_by for m in found(pipeline, text, "troop_deployment")] == [["North Korea"]]


def test_soldiers_a_relative_clause_sends_nothing_of_are_no_deployment(pipeline):
    text = "Putin praised the North Korean soldiers whom Kim has thanked for their help."
    assert found(pipeline, text, "troop_deployment") == []


def test_a_gerund_after_a_presupposing_preposition_took_place_under_an_infinitive(pipeline):
    text = ("Moon warned North Korea not to use the drills as an excuse to launch a fresh provocation after "
            "test-launching two intercontinental ballistic missiles last month.")
    assert [(m.date.value, m.weapon_class) for m in found(pipeline, text, WT)] == [("2018-12", "icbm")]


def test_an_indefinite_weaponless_test_with_a_date_of_its_own_is_one_more_of_the_kind(pipeline):
    text = ("North Korea conducted a nuclear test on Thursday, the JCS said.\n\n"
            "The magnitude was larger than the 4.5 measured when the North carried out a test in 2009.")
    assert [(m.date.value, m.weapon_class) for m in found(pipeline, text, WT)] == [
        ("2019-01-17", "nuclear_test"), ("2009", "nuclear_test")]


def test_an_indefinite_weaponless_test_with_no_date_is_no_event(pipeline):
    text = "North Korea conducted a nuclear test on Thursday.\n\nExperts said a test could follow."
    assert len(found(pipeline, text, WT)) == 1
