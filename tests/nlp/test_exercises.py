"""Military exercises on invented sentences (issue 11): named exercises, the kind of a drill, who
held it (not who condemned it), drills called off or still awaited."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def exercises(extractor, text: str) -> list:
    res = extractor.extract(make_doc(text, D))
    return [m for m in res.mentions if m.type == "military_exercise"]


@pytest.mark.parametrize("text", [
    # a named exercise reports the exercise by its name alone (data/exercises.toml)
    "South Korea and the United States began Ulchi Freedom Shield on Monday.",
    "The allies kicked off Foal Eagle on Monday despite warnings from Pyongyang.",
    "Thousands of troops took part in Team Spirit on Monday.",
    # the name of an exercise makes an ambiguous word near it military
    "South Korea held its annual Hoguk exercise on Tuesday.",
    # a word telling the kind of drill makes it military
    "Seoul and Washington are conducting large-scale joint air drills, officials said on Tuesday.",
    "The two countries held trilateral drills with Japan on Tuesday.",
    "The allies' exercise began on Monday.",
    # a state that holds it makes it military
    "Unlike when the North conducted a similar drill on Thursday, Seoul did not disclose the flights.",
    # its length tells a drill ("the five-day exercise"); a span of days is no kind of drill
    "About 240 warplanes, including F-35s, took part in the five-day exercise on Monday.",
    "The navies of South Korea and the United States began four days of naval maneuvers on Sunday.",
    # troops practising an attack
    "North Korean troops practised an assault on a mock-up of a government building on Tuesday.",
    # a training mission of bombers, a fire demonstration, drills two militaries hold
    "The U.S. military said B-2 stealth bombers conducted a training mission over South Korea on Thursday.",
    "The KPA conducted a large-scale combined fire demonstration on Friday, KCNA said.",
    "The two militaries conducted the drills from March 4 to 14.",
    # a noun the tagger read as a verb or a gerund
    "The two militaries wrapped up their 11-day springtime drills on Thursday.",
    "The South Korean military held firing drills on Yeonpyeong Island on Tuesday.",
])
def test_found(extractor, text):
    assert exercises(extractor, text), text


@pytest.mark.parametrize("text", [
    "South Korea and the US suspended their large-scale drills last year.",
    "The exercises were cancelled in 2018 after the Singapore summit.",
    "Seoul announced the postponement of the joint drills on Monday.",
    "North Korea fired two missiles ahead of Ulchi Freedom Shield on Tuesday.",
    "The U.S. and South Korea refrain from large-scale military exercises while talks go on.",
    # the name in a participle of naming shares the modality of the noun it names
    "The allies have announced their annual military exercises, dubbed Freedom Shield, scheduled for next month.",
])
def test_not_held(extractor, text):
    assert not exercises(extractor, text), text


@pytest.mark.parametrize("text, expected", [
    # who condemned, criticised or described the drills did not hold them
    ("North Korea condemned the joint military drills by South Korea and the United States on Tuesday.",
     ["South Korea", "United States"]),
    ("Pyongyang slammed the large-scale joint military exercises on Tuesday.", []),
    ("Kim Yo Jong criticised the combined drills on Tuesday, calling them a provocation.", []),
    # who held, oversaw or took part did
    ("South Korea's navy staged a maritime drill near the Northern Limit Line on Tuesday.", ["South Korea"]),
    ("Kim Jong Un oversaw a drill of a multiple rocket launcher unit on Tuesday.", ["North Korea"]),
    ("US strategic bombers took part in joint drills with South Korean fighter jets on Tuesday.",
     ["United States", "South Korea"]),
    # a state in a prepositional adjunct is no side of the drill
    ("Seoul and Washington kicked off their largest joint drills on Monday after threats from Pyongyang.",
     ["South Korea", "United States"]),
    ("The US flew B-52 bombers over the peninsula on Tuesday in response to North Korea's nuclear test.",
     ["United States"]),
    # the object of a verb of participation names sides
    ("The drills involved 20 warships from South Korea, the United States and Japan on Tuesday.",
     ["South Korea", "United States", "Japan"]),
    ("South Korea held its annual Hoguk exercise, which included US forces, on Tuesday.",
     ["South Korea", "United States"]),
    # ... but not where it took place
    ("The drills involved 20 warships in waters off South Korea on Tuesday.", []),
    # a named exercise keeps its sides beside those the clause names
    ("Last year's UFS involved 19,000 South Korean troops.", ["South Korea", "United States"]),
    # a strategic bomber only the United States flies
    ("Two B-2 stealth bombers flew from Missouri and dropped dummy munitions on a range in South Korea on Thursday.",
     ["United States"]),
    # a plural noun tagged as a verb still has the subject of its verb as its agent
    ("South Korea held anti-submarine drills off its west coast on Thursday.", ["South Korea"]),
    # a name given by a participle names the exercise of the clause, even where the parser makes
    # the participle the main verb
    ("The massive naval drills, codenamed Invincible Spirit, involve 20 ships and 8,000 personnel.",
     ["United States", "South Korea"]),
    ('Titled "Freedom Edge," the three-day exercise began on Thursday south of Jeju.',
     ["United States", "South Korea", "Japan"]),
    # a drill named inside a free relative was held by the subject of the verb that takes it
    ("Pyongyang staged what state media called a retaliatory artillery drill near the border on Tuesday.",
     ["North Korea"]),
    ("South Korea held what its navy termed a maritime counter-infiltration drill off the east coast on Monday.",
     ["South Korea"]),
])
def test_sides(extractor, text, expected):
    found = exercises(extractor, text)
    assert found, text
    assert sorted(found[0].conducted_by) == sorted(expected)


@pytest.mark.parametrize("text", [
    # a word of frequency is no summary in a clause told as one occurrence
    "South Korea and the United States began annual joint military drills this week.",
    "The allies are conducting their regular joint exercises near the border, officials said on Tuesday.",
])
def test_one_occurrence_of_a_recurring_drill(extractor, text):
    assert exercises(extractor, text), text


@pytest.mark.parametrize("text", [
    "South Korea and the US hold annual joint military drills.",
    "North Korea views all such exercises as rehearsals for invasion.",
    # a headline's infinitive is still to come
    "US, South Korea to begin joint drills next week",
    # a participle of scheduling puts the noun in the future
    "The joint drills, planned for next month, involve 20,000 troops.",
    "Their combined exercise, scheduled for March, draws criticism from Pyongyang.",
])
def test_habits_and_plans(extractor, text):
    assert not exercises(extractor, text), text


@pytest.mark.parametrize("text", [
    # training done every day is a habit the skills come from, not one drill
    "The gunners showed the firing skills they had honed in their day-to-day training, KCNA said.",
    "Kim praised the soldiers of the unit for the discipline built up in everyday training on Monday.",
    "The marines owed their accuracy to their daily training, the commander told state media.",
])
def test_everyday_training_is_no_drill(extractor, text):
    assert not exercises(extractor, text), text


def test_a_drill_of_one_day_is_still_a_drill(extractor):
    assert exercises(extractor, "North Korean troops held a training exercise near the border on Monday.")


def test_a_headline_infinitive_plans_a_ceremony_too(extractor):
    res = extractor.extract(make_doc("North Korea to hold military parade on Saturday", D))
    assert not [m for m in res.mentions if m.type == "ceremony"]


def test_restating_a_planned_drill_reports_nothing(extractor):
    text = ("South Korea and the United States will hold joint military drills next month. "
            "These exercises are seen as vital for deterrence, officials said.")
    assert not exercises(extractor, text)


def test_the_fullest_list_of_sides_wins(extractor):
    text = ("US, South Korea, Japan begin trilateral military exercise 'Freedom Edge'\n"
            "South Korea, the United States, and Japan on Monday kicked off a five-day trilateral military drill "
            "named Freedom Edge.\n"
            "The exercise, running from March 10 to 14, is taking place south of Jeju Island.")
    found = exercises(extractor, text)
    assert len(found) == 1
    assert sorted(found[0].conducted_by) == ["Japan", "South Korea", "United States"]


def test_earlier_rounds_were_held_by_the_same_sides(extractor):
    text = ("South Korea, the United States and Japan kicked off the trilateral exercise on Monday. "
            "This marks the third edition of the trilateral exercise, with earlier rounds held on June 27, 2024 "
            "and on November 13, 2024.")
    found = exercises(extractor, text)
    rounds = [m for m in found if m.date.value and m.date.value.startswith("2024")]
    assert rounds
    assert all(sorted(m.conducted_by) == ["Japan", "South Korea", "United States"] for m in rounds)


def test_a_drill_going_on_is_dated_the_publication_day(extractor):
    found = exercises(extractor, "Seoul and Washington are conducting large-scale joint air drills, officials said.")
    assert [m.date.value for m in found] == [D.isoformat()]
    assert found[0].date.bound == "on"


def test_a_drill_going_on_keeps_the_day_it_began(extractor):
    text = ("South Korea and the United States began joint military drills on Monday. "
            "The allies are conducting the drills near the border, officials said.")
    assert [m.date.value for m in exercises(extractor, text)] == ["2025-03-10"]


def ceremonies(extractor, text: str) -> list:
    res = extractor.extract(make_doc(text, D))
    return [m for m in res.mentions if m.type == "ceremony"]


@pytest.mark.parametrize("text", [
    "North Korea launched its first tactical nuclear attack submarine on Wednesday.",
    "Kim Jong Un attended the launch of the destroyer Choe Hyon on Friday.",
    "The new destroyer was floated at the Rajin shipyard on Thursday.",
    "Speaking at the vessel's launching event on Wednesday, Kim said the navy would get nuclear arms.",
])
def test_a_warship_launched_is_a_ceremony(extractor, text):
    assert ceremonies(extractor, text), text


@pytest.mark.parametrize("text", [
    "North Korea fired a cruise missile from a destroyer on Wednesday.",
    "North Korea launched a submarine-launched ballistic missile on Wednesday.",
])
def test_a_missile_fired_from_a_warship_is_no_launch_of_it(extractor, text):
    assert not ceremonies(extractor, text), text


def deployments(extractor, text: str) -> list:
    res = extractor.extract(make_doc(text, D))
    return [m for m in res.mentions if m.type == "troop_deployment"]


@pytest.mark.parametrize("text, expected", [
    # the units a prepositional phrase names as where troops went are not whose troops they are
    ("The deployed North Korean troops have been stationed at Russian units in Vladivostok.", ["North Korea"]),
    ("Some 10,000 North Korean soldiers have been deployed to the Kursk region as part of Russian airborne units.",
     ["North Korea"]),
    ("Russia has deployed North Korean troops to the Kursk region, Ukrainian officials said.", ["North Korea"]),
    # a strategic asset's apposition tells whose it is
    ("The USS Carl Vinson, a Nimitz-class U.S. aircraft carrier, arrived at a naval base in Busan on Sunday.",
     ["United States"]),
])
def test_whose_deployment(extractor, text, expected):
    found = deployments(extractor, text)
    assert found, text
    assert found[0].conducted_by == expected


@pytest.mark.parametrize("text, found", [
    ("Kim Jong Un visited the Far East on Friday to tour a plant that manufactures fighter jets.", True),
    ("The North Korean leader visited a number of military factories in the country on Tuesday.", True),
    ("Kim inspected an enterprise that produces artillery shells on Monday.", True),
    ("Kim Jong Un visited a fertilizer factory on Tuesday.", False),
    # a detachment or garrison is a unit; what is examined must be the unit, not a map or a document
    ("Kim made an unannounced inspection of a defence detachment on the western front, KCNA said on Monday.", True),
    ("The leader visited the garrison on a border islet on Sunday, state media said.", True),
    ("Kim Jong Un examined the naval base on Tuesday, KCNA said.", True),
    ("Images showed Kim surrounded by soldiers and examining a strategic map on Sunday.", False),
    ("Kim examined the documents with the commanders of the unit on Tuesday.", False),
])
def test_a_works_making_military_things_is_inspected(extractor, text, found):
    res = extractor.extract(make_doc(text, D))
    assert bool([m for m in res.mentions if m.type == "military_inspection"]) == found


@pytest.mark.parametrize("text, found", [
    ("A couple of thousand North Korean troops are moving toward Russia's Kursk region, the Pentagon said.", True),
    ("North Korean troops have arrived in Russia, Ukraine's intelligence said on Friday.", True),
    # troops moving at home are no deployment abroad
    ("The troops moved to the front line on Friday.", False),
])
def test_troops_moving_abroad_are_deployed(extractor, text, found):
    assert bool(deployments(extractor, text)) == found


def test_drills_with_no_side_in_common_are_two_events(extractor):
    text = ("About 240 South Korean aircraft taking part in the Vigilant Storm air exercises with the United States "
            "continued the drills on Friday. "
            "A flight of 10 North Korean warplanes made similar maneuvers last month.")
    found = exercises(extractor, text)
    assert sorted(sorted(m.conducted_by) for m in found) == [["North Korea"], ["South Korea", "United States"]]


def test_a_name_given_to_the_drill_brings_its_participants(extractor):
    text = "An annual nationwide military drill, called the Hoguk exercise, which include U.S. forces, began on Monday."
    found = exercises(extractor, text)
    assert found and sorted(found[0].conducted_by) == ["South Korea", "United States"]


def test_kcna_spelling_of_the_summer_exercise(extractor):
    found = exercises(extractor, "The U.S. and the puppet ROK kicked off Ulji Freedom Shield on Monday.")
    assert found and sorted(found[0].conducted_by) == ["South Korea", "United States"]


def test_every_side_of_a_drill_is_an_actor(extractor):
    found = exercises(extractor, "The allies began Foal Eagle on Monday.")
    assert found and {"United States", "South Korea"} <= set(found[0].actors)


def test_an_instance_of_the_drills_gives_its_sides(extractor):
    found = exercises(extractor, "The U.S. staged nuclear war drills on Monday, including Iron Mace.")
    assert found and sorted(found[0].conducted_by) == ["South Korea", "United States"]


@pytest.mark.parametrize("text", [
    "North Korea launched a missile tipped with a simulated nuclear warhead on Tuesday.",
    "Technicians attended a two-week training on Tuesday.",
    "The submarine's launch of a ballistic missile on Tuesday surprised analysts.",
])
def test_no_drill_nor_ship_launch(extractor, text):
    res = extractor.extract(make_doc(text, D))
    assert not [m for m in res.mentions if m.type in ("military_exercise", "ceremony")], text


@pytest.mark.parametrize("text", [
    # a cause that made a side act: the act is told as done
    "The North's missile launch prompted South Korea to hold its own missile drills on Friday.",
    "The shelling forced the South Korean military to stage live-fire drills on Thursday.",
    "Pyongyang's provocation compelled the allies to conduct a joint air exercise on Tuesday.",
])
def test_drill_a_cause_made_happen(extractor, text):
    assert exercises(extractor, text), text


@pytest.mark.parametrize("text", [
    # dated after the publication day: still to come, whatever the tense
    "The annual naval drill, from March 20 to March 25, involves a US aircraft carrier.",
    "The combined exercise on March 24 brings together troops from both countries.",
])
def test_dated_after_publication_is_still_to_come(extractor, text):
    assert not exercises(extractor, text), text


def test_dated_before_publication_happened(extractor):
    assert exercises(extractor, "The allies held naval drills on March 13, 2025.")


@pytest.mark.parametrize("text", [
    "South Korea held live-fire drills on Friday, a day after North Korea conducted artillery exercises near the border.",
    "The South staged its own firing drills on Friday, two days after the North's artillery drills alarmed island residents.",
])
def test_drill_days_after_another_is_another(extractor, text):
    assert len(exercises(extractor, text)) == 2, text


@pytest.mark.parametrize("text", [
    # the drill noun's own "by" phrase names its doers, not the subject of the clause it hangs from
    "North Korea fired a missile on Thursday after joint naval drills by South Korea and the United States.",
    "North Korea fired two short-range missiles on Sunday during joint air drills by South Korea and the "
    "United States.",
    "Pyongyang launched a rocket on Friday, following combined air drills by the United States and South Korea.",
])
def test_drills_by_name_their_doers(extractor, text):
    found = exercises(extractor, text)
    assert found and sorted(found[0].conducted_by) == ["South Korea", "United States"], text


@pytest.mark.parametrize("text, sides", [
    # a drill noun modifying an occasion noun names the event, with the occasion's modifiers and verb
    ("The US and South Korean forces are holding joint training sessions at an air base.",
     ["South Korea", "United States"]),
    ("South Korean marines conducted a live-fire drill session on Yeonpyeong Island on Tuesday.", ["South Korea"]),
])
def test_drill_sessions(extractor, text, sides):
    found = exercises(extractor, text)
    assert found and sorted(found[0].conducted_by) == sides, text


def test_a_briefing_session_is_no_drill(extractor):
    assert not exercises(extractor, "Officials held a briefing session on Tuesday.")


@pytest.mark.parametrize("text", [
    # a drill named further down the measured clause is the one the sentence reports, not an earlier one
    "The U.S. and South Korea kicked off joint military exercises on Monday, a day after Pyongyang "
    "demonstrated its opposition to the drills by testing cruise missiles.",
    "South Korea and the United States started large-scale drills on Monday, two days after North Korea issued "
    "a warning against the drills.",
])
def test_drill_named_in_a_days_after_clause_is_the_same(extractor, text):
    assert len(exercises(extractor, text)) == 1, text


@pytest.mark.parametrize("text", [
    # a definite drill noun with nothing of its own after a launch re-describes the launch
    "North Korea fired two ballistic missiles into the sea on Thursday, the South's military said.\n"
    "The provocative military exercise by the reclusive state came a week after talks stalled.",
    "The North fired two cruise missiles on Thursday in what it said was a drill simulating a counterattack.",
    "North Korea fired four ballistic missiles into the sea on Thursday, state media said.\n"
    "Taking part in the drill were the army's rocket units.",
])
def test_a_drill_that_re_describes_the_launch_told_before_is_no_exercise(extractor, text):
    assert exercises(extractor, text) == []


@pytest.mark.parametrize("text", [
    # a named drill, or one the other side holds, is an exercise of its own
    "North Korea fired two ballistic missiles into the sea on Thursday, the South's military said.\n"
    "The launch came as the allies held the Freedom Shield exercise.",
    "North Korea fired two ballistic missiles into the sea on Thursday, the South's military said.\n"
    "The joint exercise by South Korea and the United States ended on Friday.",
])
def test_a_drill_of_its_own_after_a_launch_is_kept(extractor, text):
    assert len(exercises(extractor, text)) == 1


@pytest.mark.parametrize("text", [
    # a drill told as going on is no re-description of a launch told in the past
    "North Korea test-fired two cruise missiles on Sunday, while the allies are holding their springtime "
    "drills near the border.",
    "North Korea fired two short-range missiles on Monday.\n"
    "The firing came as the two allies are carrying out their annual joint drills.",
])
def test_a_drill_going_on_when_a_launch_came_is_kept(extractor, text):
    assert len(exercises(extractor, text)) == 1, text


@pytest.mark.parametrize("text", [
    "South Korea and the United States wrapped up their annual summer exercise on Thursday. Civil defense "
    "training during the exercises included a scenario involving a North Korean nuclear strike.",
    "The allies ended Freedom Shield on Friday. Live-fire training throughout the drills involved K9 "
    "howitzers and Chinook helicopters.",
    "Seoul and Washington concluded their joint drills on Thursday. Air defense training during the drills "
    "focused on intercepting North Korean drones.",
])
def test_training_during_the_drills_told_before_is_part_of_them(extractor, text):
    # a "during"/"throughout" phrase naming the drills already told: a part of them, not a new drill
    # (nor North Korea's, for the North Korean words of the scenario)
    found = exercises(extractor, text)
    assert len(found) == 1
    assert "North Korea" not in found[0].conducted_by


@pytest.mark.parametrize("text", [
    # a superlative ranks the drill: the period after it is the range of the comparison, not a habit
    "South Korea and the United States began their largest military exercises in recent years on Monday.",
    "The allies staged their biggest joint drills in recent years on Monday.",
    "The two navies held the most extensive naval exercise in past decades on Tuesday.",
])
def test_a_superlative_with_a_recent_period_is_one_drill(extractor, text):
    found = exercises(extractor, text)
    assert [m.modality for m in found] == ["happened"], text


@pytest.mark.parametrize("text", [
    "In recent years the allies have held drills near the border.",
    "The allies have held large drills in recent years.",
])
def test_a_recent_period_without_a_superlative_stays_a_habit(extractor, text):
    assert exercises(extractor, text) == [], text


@pytest.mark.parametrize("text, evidence", [
    # of the sentences that tell one drill, the one naming the sides that held it is its evidence, not
    # one that only names it ("X reflects the resolve ...") or a paper's report of it
    ("Warships and aircraft from South Korea, the United States and Japan took part in the Freedom Edge "
     "exercise.\nFreedom Edge reflects the resolve of the three allies, the Pentagon said.", "Warships and aircraft"),
    ("Maeil Business reported a late-night firing exercise, calling it an unusual move.\n"
     "North Korea had engaged in an artillery firing drill, firing more than 100 shells into the sea.",
     "North Korea had engaged"),
    ("The Freedom Edge exercise signals the will of the three countries to deter threats.\n"
     "Ships and aircraft from Japan, South Korea and the United States participated in the exercise.",
     "Ships and aircraft"),
])
def test_the_drill_s_evidence_names_who_held_it(extractor, text, evidence):
    found = exercises(extractor, text)
    assert len(found) == 1
    assert text[found[0].evidence.start:].startswith(evidence)


@pytest.mark.parametrize("text", [
    # an undated drill told in the past and one dated weeks before publication: the news and an earlier drill
    "The launch came a day after South Korea and the United States began a joint air drill.\n"
    "On January 10, the allies began their largest naval exercises in years.",
    "Seoul and Washington held a combined command post exercise, the military said.\n"
    "The allies staged joint river-crossing drills on November 20, 2024.",
    "South Korean and U.S. troops conducted a joint landing drill in Pohang.\n"
    "On October 8, 2024, the two militaries held a landing drill on the east coast.",
])
def test_the_news_drill_and_an_earlier_dated_one_are_two(extractor, text):
    assert len(exercises(extractor, text)) == 2, text


@pytest.mark.parametrize("text", [
    # a drill told going on or in the present may be the one that began weeks ago
    "The allies began their annual springtime drills on February 20.\n"
    "The drills involve about 20,000 South Korean and U.S. troops.",
    "South Korea and the United States started their joint drills on February 20.\n"
    "Some 18,000 South Korean troops are taking part in the drills, the military said.",
])
def test_a_drill_going_on_joins_the_one_that_began_weeks_ago(extractor, text):
    assert len(exercises(extractor, text)) == 1, text


@pytest.mark.parametrize("text", [
    # without a publication day, a time the text cannot resolve is no day of the dated drill
    "The Marine Corps on Wednesday resumed a live-fire exercise on the border islands.\n"
    "The Marine Corps last held a full-scale live-fire exercise on the islands on May 3, 2017.",
    "U.S. B-52 bombers flew over South Korea on Sunday.\n"
    "The United States flew B-52 bombers over the peninsula on March 19, 2013.",
])
def test_undated_text_a_drill_on_a_weekday_is_not_the_one_of_years_ago(extractor, text):
    res = extractor.extract(make_doc(text, None))
    assert len([m for m in res.mentions if m.type == "military_exercise"]) == 2, text


@pytest.mark.parametrize("text", [
    # who takes part in the drill is military: its "in" phrase hangs on the verb whose subject they are
    "Warships from the three countries took part in the drill on Tuesday.",
    "About 30 fighter jets participated in the exercise on Monday.",
    "Marines from both countries joined in the drills on Tuesday.",
])
def test_military_participants_make_the_drill_military(extractor, text):
    assert exercises(extractor, text), text


@pytest.mark.parametrize("text", [
    "Students from the school took part in the drill on Tuesday.",
    "Officials from the three countries took part in the exercise on Tuesday.",
])
def test_civilian_participants_make_no_drill(extractor, text):
    assert exercises(extractor, text) == [], text


@pytest.mark.parametrize("text", [
    # "training" that a word of where or how the fighting is done modifies is a drill
    "South Korea and the U.S. held a combined river-crossing training on Monday.",
    "The two navies conducted joint maritime training near Busan on Tuesday.",
    "Seoul and Washington carried out amphibious landing training on Tuesday.",
    # an attack rehearsed against a stand-in
    "South Korean fighter jets staged a mock attack on a target on Tuesday.",
    "The South Korean military conducted a simulated strike on North Korean missile launchers on Tuesday.",
    "The North's army staged a mock assault on a replica of the presidential office on Friday.",
    "North Korea carried out a tactical nuclear attack simulation on Sunday.",
])
def test_kinds_of_training_and_rehearsed_attacks_are_drills(extractor, text):
    assert [m.modality for m in exercises(extractor, text)] == ["happened"], text


@pytest.mark.parametrize("text", [
    "The engineers completed a two-week training on Friday.",
    "Nurses received joint training on Tuesday.",
    "North Korea could launch a nuclear attack, a simulation by researchers showed.",
])
def test_other_training_and_simulations_are_no_drills(extractor, text):
    assert exercises(extractor, text) == [], text


@pytest.mark.parametrize("text, side", [
    # "training drill(s)" is one cue headed by the drill noun: the verb that holds it names its side
    ("South Korean troops held training drills near the border on Friday.", "South Korea"),
    ("North Korea fired artillery shells in a training drill on Friday.", "North Korea"),
    ("Japan's navy staged a training drill with U.S. destroyers on Friday.", "Japan"),
])
def test_a_training_drill_is_held_by_the_verb_s_subject(extractor, text, side):
    found = exercises(extractor, text)
    assert len(found) == 1 and side in found[0].conducted_by, text


@pytest.mark.parametrize("text", [
    # a verb of beginning or ending tells one occurrence even in the present of a headline or a lead
    "Seoul and Washington kick off annual springtime exercises amid tensions with Pyongyang.",
    "The launch came as Japan and the United States start their regular naval drills in the region.",
    "The allies wrap up annual computer-simulated command post exercises.",
    "It comes as South Korea and the United States begin annual joint exercises.",
])
def test_a_recurring_drill_begun_or_ended_in_the_present_is_one_occurrence(extractor, text):
    assert [m.modality for m in exercises(extractor, text)] == ["happened"], text


@pytest.mark.parametrize("text", [
    # ... not a verb of holding, nor one told as a habit
    "The allies usually begin their annual drills in March.",
    "South Korea and the US conduct annual joint exercises.",
])
def test_recurring_drills_told_as_a_habit_stay_background(extractor, text):
    assert exercises(extractor, text) == [], text


@pytest.mark.parametrize("text", [
    # "training" as the purpose of a journey or a stay tells why, not a drill held
    "The captured soldiers said they were in Russia for training, not for combat.",
    "One North Korean soldier believed he was being sent to Russia for training rather than combat.",
    "The prisoners told interrogators that they were brought to Russia for military training.",
    # ... and so does training as what was talked of
    "The captured soldier said his commanders only spoke about training.",
    "The recruits were told about training in Russia, not about the war, the prisoner said.",
])
def test_training_as_a_purpose_is_no_drill(extractor, text):
    assert exercises(extractor, text) == [], text


@pytest.mark.parametrize("text", [
    # ... but a stay for a drill with named sides, or training that was received, is one
    "The carrier arrived in Busan on Tuesday for joint training with the South Korean navy.",
    "North Korean troops underwent military training in Russia's Far East last month, the spy agency said.",
])
def test_training_held_stays_a_drill(extractor, text):
    assert exercises(extractor, text), text


@pytest.mark.parametrize("text, day", [
    # a drill held during an exercise is part of it: the date of the exercise dates the drill
    ("The navies held anti-submarine drills during the Freedom Edge exercise held on November 13, 2024.",
     "2024-11-13"),
    ("Marines practised beach landings throughout the second round of the Ssangyong exercise conducted on "
     "March 20, 2023.", "2023-03-20"),
])
def test_a_drill_during_an_exercise_takes_the_exercise_s_date(extractor, text, day):
    assert [m.date.value for m in exercises(extractor, text)] == [day], text


@pytest.mark.parametrize("text", [
    # "Kim" before a given name of its own is another person than the North's leader
    "South Korea and the United States began joint naval exercises on Monday. Yonhap quoted Admiral Kim In-ho, "
    "who leads the South Korean side during the exercises, as saying the drills would deter North Korea.",
    "South Korea and the United States began joint naval exercises on Monday. Defense Minister Kim Yong-hyun "
    "observed the exercises, his ministry said.",
])
def test_a_south_korean_named_kim_takes_no_drill_to_the_north(extractor, text):
    found = exercises(extractor, text)
    assert len(found) == 1 and "North Korea" not in found[0].conducted_by, text


@pytest.mark.parametrize("text", [
    # ... while "Kim" alone, or before a word of a title-cased headline, is still the North's leader
    "Kim Oversees Artillery Firing Drill Near Border",
    "Kim guided a tactical drill of the artillery units on Tuesday, KCNA said.",
])
def test_kim_alone_still_holds_the_north_s_drill(extractor, text):
    found = exercises(extractor, text)
    assert found and "North Korea" in found[0].conducted_by, text


@pytest.mark.parametrize("text, sides", [
    # a drill held during a named exercise is held by that exercise's sides
    ("The navies held anti-submarine drills during the Freedom Edge exercise held on November 13, 2024.",
     ["Japan", "South Korea", "United States"]),
    ("Fighter jets flew combined air drills during the second round of the Max Thunder exercise on Tuesday.",
     ["South Korea", "United States"]),
])
def test_a_drill_during_a_named_exercise_is_held_by_its_sides(extractor, text, sides):
    found = exercises(extractor, text)
    assert len(found) == 1 and sorted(found[0].conducted_by) == sides, text


def _states_named(extractor, text: str) -> set[str]:
    from nkwatch.nlp.records import sentences_from_spacy
    from nkwatch.nlp.sentinfo import SentInfo
    return set().union(*(SentInfo(s, extractor.lex).countries() for s in sentences_from_spacy(extractor.nlp(text), 0)))


@pytest.mark.parametrize("text, states", [
    # "north" and "south" in lower case tell a direction, not the two Koreas; "the North" still is one,
    # and so is "Kim" alone
    ("The allies completed their first joint drill from Pocheon, north of the capital of Seoul.", {"South Korea"}),
    ("The shells landed in waters south of the island, the navy said.", set()),
    ("Troops were moved to a base north of the border.", set()),
    ("The reclusive North fired shells during a drill.", {"North Korea"}),
    ("Admiral Kim In-ho led the drill.", set()),
    ("Kim led the drill.", {"North Korea"}),
    # an office holder surnamed Kim whom the actors table knows keeps his state
    ("Premier Kim Tok-hun greeted the visitors.", {"North Korea"}),
    ("Defence Minister Kim Kwan-jin watched the drill.", {"South Korea"}),
])
def test_directions_and_other_kims_name_no_state(extractor, text, states):
    assert _states_named(extractor, text) == states, text
