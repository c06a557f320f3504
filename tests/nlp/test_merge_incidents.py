"""Within-document merging: an incident at the border and the response to it (warning shots, scrambled
jets, soldiers shot) are one incident when one sentence tells them together, whatever the prior marker
between them ("fired warning shots after soldiers crossed"); a later report of the response joins that
incident; a crossing the other side makes, or an incident of another kind, stays apart (issue 11)."""
from __future__ import annotations

from functools import partial

import pytest

from .helpers import mentions_of


incidents = partial(mentions_of, etype="border_incident")


@pytest.mark.parametrize("text", [
    # the response told first, what it answers in an after-clause
    "South Korean troops fired warning shots after a group of North Korean soldiers crossed the Military "
    "Demarcation Line on Tuesday, the Joint Chiefs of Staff said.",
    # the incident first, the response ending it
    "A North Korean patrol boat crossed the Northern Limit Line on Saturday and retreated after the South "
    "Korean navy fired warning shots, the military said.",
    # jets scrambled against drones
    "South Korea scrambled fighter jets on Monday after five North Korean drones violated South Korean "
    "airspace, officials said.",
    # the response before what it answers, "when"
    "Soldiers of the North briefly crossed the border on Thursday and withdrew when South Korean troops fired "
    "warning shots and broadcast warnings, Seoul said.",
])
def test_an_incident_and_the_response_one_sentence_tells_are_one(extractor, text):
    assert len(incidents(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    "North Korean soldiers crossed the Military Demarcation Line on Tuesday, and South Korean troops fired "
    "warning shots, the Joint Chiefs of Staff said.\n"
    "The warning shots were fired from a guard post near the border, an official said.",
    "South Korea scrambled fighter jets on Monday after North Korean drones crossed the border, officials said.\n"
    "One of the fighter jets scrambled against the drones crashed near the border during the operation, "
    "the air force said.",
])
def test_a_later_report_of_the_response_joins_the_incident(extractor, text):
    assert len(incidents(extractor, text)) == 1


@pytest.mark.parametrize("text, count", [
    # warning shots at soldiers who neared the line after another's crossing: the crossing is told two
    # adverbial clauses down, another incident
    ("Seoul said its troops fired warning shots when North Korean guards approached the demarcation line after "
     "a soldier fled across the border.", 2),
    ("South Korean troops fired warning shots as North Korean soldiers neared the demarcation line after a "
     "comrade crossed the border, officials said.", 2),
    # the other side's crossing in its own sentence: another incident
    ("South Korea scrambled fighter jets on Monday after North Korean drones crossed the border, officials said.\n"
     "South Korea also sent surveillance aircraft across the border into the North, the military said.", 2),
    # balloons and loudspeakers are no crossing and its response
    ("North Korea sent trash balloons across the border on Sunday, and South Korea fired warning shots at "
     "soldiers who crossed the border line on Monday, officials said.", 2),
])
def test_other_incidents_stay_apart(extractor, text, count):
    assert len(incidents(extractor, text)) == count


@pytest.mark.parametrize("text", [
    "South Korea fires warning shots at North Korean soldiers\n"
    "South Korean troops fired warning shots after North Korean soldiers crossed the Military Demarcation Line "
    "on Tuesday, the Joint Chiefs of Staff said.",
    "Seoul scrambles fighter jets\n"
    "South Korea scrambled fighter jets and attack helicopters after North Korean drones crossed the border "
    "on Monday, the military said.",
])
def test_a_headline_of_the_response_joins_the_incident(extractor, text):
    assert len(incidents(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    # the news, dated only by the day its source told it, and an incident told with its date a week and more
    # before publication: two incidents
    "A North Korean patrol boat crossed the Northern Limit Line, the Joint Chiefs of Staff said on Wednesday.\n"
    "On March 4, 2025, a North Korean patrol boat crossed the Northern Limit Line before the navy fired "
    "warning shots.",
    "North Korean drones crossed the border into South Korea, the military said on Wednesday.\n"
    "On March 5, 2025, North Korean drones crossed the border and South Korea scrambled fighter jets.",
])
def test_the_news_told_by_its_report_day_is_no_earlier_incident(extractor, text):
    assert len(incidents(extractor, text)) == 2
