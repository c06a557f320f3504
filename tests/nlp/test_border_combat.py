"""Border incidents, combat, deployments and arms transfers on invented sentences: the kinds of
border incident (artillery into the border zone, exchanges of fire, mines, loudspeakers,
fortification and demolition, scrambled jets), troops fighting abroad, seized arms cargoes, strategic
assets arriving, and who carried each out. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def mentions(extractor, text: str, etype: str):
    res = extractor.extract(make_doc(text, D))
    return [m for m in res.mentions if m.type == etype]


@pytest.mark.parametrize("text, etype, conducted", [
    # artillery fired into the border zone is a border incident, not a weapons test
    ("North Korea fired about 100 artillery shells into the maritime buffer zone near Baengnyeong Island on "
     "Tuesday, the JCS said.", "border_incident", ["North Korea"]),
    ("The North shelled a border island on Monday, killing two marines.", "border_incident", ["North Korea"]),
    ("The two Koreas traded artillery fire across the border on Wednesday.", "border_incident",
     ["North Korea", "South Korea"]),
    ("Several bullets from the North hit a guard post in the DMZ on Sunday, officials said.",
     "border_incident", ["North Korea"]),
    ("Two soldiers on patrol were maimed by a landmine blast near the DMZ on Tuesday.", "border_incident",
     ["North Korea"]),
    ("The South switched off its banks of loudspeakers on Thursday.", "border_incident", ["South Korea"]),
    ("North Korean soldiers were seen building anti-tank barriers along the Military Demarcation Line on Monday.",
     "border_incident", ["North Korea"]),
    ("North Korea blew up the inter-Korean liaison office on Tuesday.", "border_incident", ["North Korea"]),
    ("South Korea scrambled fighter jets on Friday after North Korean warplanes flew close to the border.",
     "border_incident", ["North Korea", "South Korea"]),
    ("North Korea disrupted GPS signals near the border for a third day on Thursday, Seoul said.",
     "border_incident", ["North Korea"]),
    ("A South Korean tourist was shot dead by a North Korean guard near the border on Monday.",
     "border_incident", ["North Korea"]),
    # artillery fire named as a noun at a place of the border, a border islet among them
    ("Seoul protested the North's artillery fire near the Northern Limit Line on Saturday.", "border_incident",
     ["North Korea"]),
    ("South Korea's military condemned North Korea's artillery fire from a border islet on Sunday.",
     "border_incident", ["North Korea"]),
    # warning shots answer the side that crossed; activists are no state
    ("South Korean troops fired warning shots on Tuesday, the JCS said.", "border_incident", ["North Korea"]),
    ("A group of South Korean activists floated balloons carrying leaflets across the border on Friday.",
     "border_incident", []),
    # troops fighting abroad, strikes with North Korean weapons
    ("North Korean troops have taken part in combat alongside Russian forces in the Kursk region, Ukraine said.",
     "combat_operation", ["North Korea", "Russia"]),
    # a participle describing the fighters: the troops it describes fight too, not only their allies
    ("Dozens of North Korean soldiers fighting alongside Russian troops in the Kursk region were killed last "
     "week, Kyiv said.", "combat_operation", ["North Korea", "Russia"]),
    ("Several North Korean servicemen fighting alongside Russian units near Kursk have been wounded, "
     "officials said.", "combat_operation", ["North Korea", "Russia"]),
    ("Russian forces used North Korean missiles to strike Kharkiv on Tuesday.", "combat_operation", ["Russia"]),
    ("Ukrainian forces have captured three North Korean soldiers in the Kursk region, Kyiv said.",
     "combat_operation", ["Ukraine"]),
    # arms: supplies, suppliers, a seized cargo (the sender's transfer, not the seizer's)
    ("Officials in Seoul say North Korea has supplied Russia with weaponry.", "arms_transfer", ["North Korea"]),
    ("North Korea has become Moscow's main supplier of artillery shells.", "arms_transfer", ["North Korea"]),
    ("Thai authorities seized a cargo plane carrying weapons from North Korea on Saturday.", "arms_transfer",
     ["North Korea"]),
    # deployments: the receiving side, a strategic asset arriving
    ("Moscow has received thousands of North Korean troops, the Pentagon said.", "troop_deployment",
     ["North Korea"]),
    ("A U.S. aircraft carrier arrived in Busan on Tuesday in a show of force.", "troop_deployment",
     ["United States"]),
])
def test_event_and_who_carried_it_out(extractor, text, etype, conducted):
    found = mentions(extractor, text, etype)
    assert found, f"no {etype} in {text!r}"
    assert sorted(found[0].conducted_by) == sorted(conducted)


@pytest.mark.parametrize("text, etype", [
    ("The army fired dozens of artillery shells near the border island of Yeonpyeong on Thursday.", "weapons_test"),
    ("North Korean troops were deployed to fight against Ukraine in the Kursk region.", "combat_operation"),
    ("Police detained four officials of the munitions industry department in Pyongyang on Monday.", "arms_transfer"),
    ("Ukrainian soldiers opened fire on Russian positions near Kursk on Monday.", "border_incident"),
])
def test_not_this_type(extractor, text, etype):
    assert not mentions(extractor, text, etype)


def test_fighting_is_not_dated_by_the_report_day(extractor):
    found = mentions(extractor, "Zelensky said on Thursday that North Korean soldiers suffered heavy losses in "
                                "combat with Ukrainian forces in the Kursk region.", "combat_operation")
    assert found and found[0].date.value is None


def test_loudspeakers_switched_on_by_each_side_are_two_incidents(extractor):
    text = ("North Korea resumed its loudspeaker broadcasts along the border on Monday, Seoul said.\n"
            "South Korea turned its loudspeakers back on last week in response to a mine blast in the DMZ.")
    found = mentions(extractor, text, "border_incident")
    assert len(found) >= 2


@pytest.mark.parametrize("text, etype, conducted", [
    # losses of North Korean troops in the war, told with a raising verb; they fight as Russia's ally
    ("About 1,000 North Korean soldiers are thought to have been killed in the Kursk region, Seoul's spy "
     "agency said.", "combat_operation", ["North Korea", "Russia"]),
    ("Ukraine reported the first clashes between North Korean and Ukrainian forces in the Kursk region.",
     "combat_operation", ["North Korea", "Russia"]),
    # the troops a relative clause stands for make "combat" military
    ("Pyongyang has sent about 12,000 soldiers to Russia, some of whom have started engaging in combat in Kursk.",
     "combat_operation", ["North Korea", "Russia"]),
    # a person of the other side shot or killed
    ("North Korean guards shot a South Korean fisherman to death near the sea border on Tuesday.",
     "border_incident", ["North Korea"]),
    ("A North Korean soldier killed a South Korean tourist at the Kumgang resort in 2008.",
     "border_incident", ["North Korea"]),
    # the victim of a passive, or of a participle without a subject, is not who shot
    ("A South Korean civilian was shot dead near the border on Monday.", "border_incident", ["North Korea"]),
    ("A South Korean official was questioned on a patrol boat near the border before being shot dead by troops.",
     "border_incident", ["North Korea"]),
    # a participle shares the subject of its clause
    ("A North Korean soldier was shot while defecting across the DMZ on Monday.", "border_incident",
     ["North Korea"]),
    # drones and spy planes sent to the other side
    ("South Korea sent reconnaissance drones into the North on Monday, officials said.", "border_incident",
     ["South Korea"]),
    # guard posts rebuilt, roads linking the two sides blown up, artillery fired into the sea
    ("North Korean troops have begun rebuilding guard posts in the DMZ, Seoul said on Monday.",
     "border_incident", ["North Korea"]),
    ("North Korea blew up sections of the roads connecting the two Koreas on Tuesday.", "border_incident",
     ["North Korea"]),
    ("North Korea fired about 90 artillery rounds into the sea off its west coast on Friday, South Korea's "
     "military said.", "border_incident", ["North Korea"]),
    # a fishing boat seized across the sea border
    ("North Korea seized a South Korean fishing boat near the sea border on Sunday.", "border_incident",
     ["North Korea"]),
    # the side a broadcast or a balloon is aimed at did not send it
    ("Our military stopped its broadcasts to the North along the border on Wednesday.", "border_incident",
     ["South Korea"]),
    ("Loudspeakers aimed at the South fell silent along the border on Thursday.", "border_incident",
     ["North Korea"]),
    ("Seoul resumed the broadcasts in response to the North's campaign of sending trash balloons across the "
     "border.", "border_incident", ["North Korea"]),
    # a naval battle is fought by both navies
    ("North Korean patrol boats opened fire on a South Korean warship near the NLL on Tuesday.",
     "combat_operation", ["North Korea", "South Korea"]),
    # a past clause of time or cause is told as a fact, whatever the main clause says
    ("Tensions are expected to rise as North Korea blew up the inter-Korean liaison office on Tuesday.",
     "border_incident", ["North Korea"]),
])
def test_more_phrasings_and_who_carried_them_out(extractor, text, etype, conducted):
    found = mentions(extractor, text, etype)
    assert found, f"no {etype} in {text!r}"
    assert sorted(found[0].conducted_by) == sorted(conducted)


@pytest.mark.parametrize("text", [
    "A small North Korean drone was found crashed near the border town of Paju on Friday.",
    "North Korea halted its noise broadcasts along the border on Thursday.",
    # quantifiers of things fired count the things, not many events
    "Multiple bullets fired from the North hit a guard post in the DMZ on Sunday.",
])
def test_border_incident_found(extractor, text):
    assert mentions(extractor, text, "border_incident")


def test_noun_cue_read_as_gerund_and_object(extractor):
    """"led to warning shots" parsed as warn + shots: still the noun cue, and no threat."""
    found = mentions(extractor, "A similar incursion across the MDL in April led to warning shots from South Korea.",
                     "border_incident")
    assert any("warning shots" in m.cues for m in found)


def test_who_reacts_to_an_incident_did_not_carry_it_out(extractor):
    found = mentions(extractor, "Seoul condemned the shelling of a border island on Tuesday.", "border_incident")
    assert found and "South Korea" not in found[0].conducted_by


@pytest.mark.parametrize("text, count", [
    ("North Korean soldiers crossed the border into China on Friday.", 0),
    # "killing two marines" is the shelling's toll, not a shooting of its own
    ("North Korea shelled Yeonpyeong Island on Tuesday, killing two marines.", 1),
])
def test_border_incident_count(extractor, text, count):
    assert len(mentions(extractor, text, "border_incident")) == count


def test_each_side_crossing_is_its_own_incident(extractor):
    text = ("North Korean drones crossed the border into South Korea on Monday.\n"
            "The South's military also sent surveillance drones into the North on Monday.")
    found = mentions(extractor, text, "border_incident")
    assert sorted(tuple(m.conducted_by) for m in found) == [("North Korea",), ("South Korea",)]


@pytest.mark.parametrize("text, etype, conducted", [
    # North Korean weapons fired by a state at war are strikes of that war, not tests
    ("Ukraine examined the debris of 20 North Korean ballistic missiles that Russia fired over two months.",
     "combat_operation", ["Russia"]),
    ("Russian forces fired North Korean KN-23 missiles at Kyiv on Tuesday.", "combat_operation", ["Russia"]),
    # who the clause blames, and the "by" phrase of a participle, did it
    ("South Korea blamed North Korea for the mine blast in the DMZ on Tuesday.", "border_incident",
     ["North Korea"]),
    ("A mine attack blamed on the North maimed two soldiers near the DMZ on Tuesday.", "border_incident",
     ["North Korea"]),
    ("The South began the broadcasts last year in response to a barrage of trash balloons flown across the "
     "border by Pyongyang.", "border_incident", ["North Korea"]),
])
def test_strikes_and_named_doers(extractor, text, etype, conducted):
    found = mentions(extractor, text, etype)
    assert found, f"no {etype} in {text!r}"
    assert sorted(found[0].conducted_by) == sorted(conducted)


def test_north_korean_missile_fired_by_russia_is_no_test(extractor):
    assert not mentions(extractor, "Russian forces fired North Korean KN-23 missiles at Kyiv on Tuesday.",
                        "weapons_test")


def test_an_event_named_in_a_phrase_of_response_is_reported_apart(extractor):
    """"turned the loudspeakers on in retaliation for a mine blast": two incidents, two evidences."""
    text = ("South Korea turned its loudspeakers back on last week in retaliation for a landmine blast, blamed "
            "on North Korea, that wounded two soldiers near the DMZ.")
    found = mentions(extractor, text, "border_incident")
    spans = sorted((m.evidence.start, m.evidence.end) for m in found)
    assert len(found) == 2 and spans[0] != spans[1]
    blast = next(m for m in found if "landmine blast" in m.cues)
    assert text[blast.evidence.start:blast.evidence.end].startswith("a landmine blast")


def test_warning_shots_told_by_a_pronoun_answer_the_other_side(extractor):
    text = "South Korea's military said on Tuesday it fired warning shots at soldiers who crossed the MDL."
    shots = [m for m in mentions(extractor, text, "border_incident") if "warning shots" in m.cues]
    assert shots and shots[0].conducted_by == ["North Korea"]


def test_warning_shots_never_answer_the_documents_last_agent(extractor):
    text = ("North Korean soldiers crossed the MDL on Tuesday, Seoul said.\n"
            "It said it fired warning shots at the soldiers near the DMZ.")
    shots = [m for m in mentions(extractor, text, "border_incident") if "warning shots" in m.cues]
    assert shots and "South Korea" not in shots[0].conducted_by


def test_a_capture_told_twice_is_one_capture(extractor):
    text = ("Ukrainian forces have captured two wounded North Korean soldiers in the Kursk region, Seoul said.\n"
            "Zelensky said Ukraine captured the two North Korean soldiers in Kursk on Thursday.")
    assert len(mentions(extractor, text, "combat_operation")) == 1


def test_a_dated_strike_does_not_join_the_undated_salvos_told_before(extractor):
    text = ("Russia has fired dozens of North Korean missiles at Ukraine over two months, Kyiv said.\n"
            "Russia struck Kyiv with North Korean ballistic missiles on March 10, 2025, Kyiv said.")
    found = mentions(extractor, text, "combat_operation")
    assert len(found) == 2
    assert sorted(str(m.date.value) for m in found) == ["2025-03-10", "None"]


def test_loudspeakers_switched_off_and_on_are_two_incidents(extractor):
    text = ("South Korea's military resumed loudspeaker broadcasts along the border in 2024, officials said.\n"
            "The South's military turned off the loudspeakers along the border on Monday.")
    assert len(mentions(extractor, text, "border_incident")) == 2


def test_each_sides_broadcasts_in_one_sentence_are_two_incidents(extractor):
    text = ("After our military ceased broadcasts to the North on Monday, North Korea stopped its broadcasts to "
            "the South within hours.")
    found = mentions(extractor, text, "border_incident")
    assert sorted(tuple(m.conducted_by) for m in found) == [("North Korea",), ("South Korea",)]


def test_a_demand_after_which_fire_was_traded_is_no_halt(extractor):
    text = "The two Koreas traded artillery fire in August after Pyongyang demanded a halt to the loudspeaker broadcasts."
    assert [m.cues for m in mentions(extractor, text, "border_incident")] == [["traded artillery fire"]]


@pytest.mark.parametrize("text, etype, conducted", [
    ("North Korea launched hundreds of balloons carrying trash toward South Korea on Sunday.", "border_incident",
     ["North Korea"]),
    ("North Korea detonated sections of the inter-Korean roads on Tuesday.", "border_incident", ["North Korea"]),
    ("North Korea's destruction of the inter-Korean liaison office in 2020 angered Seoul.", "border_incident",
     ["North Korea"]),
    ("A North Korean torpedo sank the South Korean warship Cheonan in 2010, killing 46 sailors.",
     "border_incident", ["North Korea"]),
    ("North Korea has suffered about 4,700 casualties in Kursk, the NIS said.", "combat_operation",
     ["North Korea", "Russia"]),
    # a pronoun standing for the other side of the war is that side
    ("Ukraine said it had killed dozens of North Korean soldiers in Kursk on Monday.", "combat_operation",
     ["Ukraine"]),
])
def test_further_phrasings(extractor, text, etype, conducted):
    found = mentions(extractor, text, etype)
    assert found, f"no {etype} in {text!r}"
    assert sorted(found[0].conducted_by) == sorted(conducted)


@pytest.mark.parametrize("text, etype", [
    ("The 2010 artillery attack on Yeonpyeong Island killed four people.", "border_incident"),
    ("North Korean troops took part in the recapture of Kursk, Moscow said.", "combat_operation"),
])
def test_further_nouns(extractor, text, etype):
    assert mentions(extractor, text, etype)


@pytest.mark.parametrize("text, etype, count", [
    # a participle describing a noun, or telling the toll of another event, is no event of its own
    ("North Korean guards opened fire on a defecting soldier in the Joint Security Area on Monday.",
     "border_incident", 1),
    ("Two North Korean patrol boats opened fire on a South Korean patrol ship near the NLL, sinking it.",
     "combat_operation", 1),
])
def test_participles_tell_no_event_of_their_own(extractor, text, etype, count):
    assert len(mentions(extractor, text, etype)) == count


@pytest.mark.parametrize("text", [
    "North Korean troops are taking heavy losses in the Kursk region, Ukraine said.",
    "North Korean soldiers have joined the fighting against Ukraine in Kursk.",
    "North Korean troops saw combat for the first time in Kursk last month.",
])
def test_troops_fighting_told_otherwise(extractor, text):
    found = mentions(extractor, text, "combat_operation")
    assert found and sorted(found[0].conducted_by) == ["North Korea", "Russia"]


def test_a_missile_flying_through_airspace_is_no_leaflet_drop(extractor):
    text = "Two missiles flew through North Korean airspace before striking their targets."
    assert not mentions(extractor, text, "border_incident")


@pytest.mark.parametrize("text, etype, conducted", [
    ("Two North Korean soldiers captured by Ukrainian forces in Kursk told reporters they had been ordered to "
     "fight.", "combat_operation", ["Ukraine"]),
    ("A guard post shelled by the North near the DMZ on Tuesday was badly damaged.", "border_incident",
     ["North Korea"]),
])
def test_a_participle_naming_its_doer_reports_the_act(extractor, text, etype, conducted):
    found = mentions(extractor, text, etype)
    assert found and found[0].conducted_by == conducted


def test_a_participle_of_another_type_still_only_describes(extractor):
    assert not mentions(extractor, "US troops stationed in South Korea by the Pentagon held drills.",
                        "troop_deployment")


def test_a_participle_sharing_its_subject_is_the_cue_only(extractor):
    """"shot while defecting" shares the subject; "citing the drills" names no one who held them."""
    found = mentions(extractor, "Kim Jong Un has ordered a rapid buildup of nuclear weapons, citing the US-South "
                                "Korea exercises.", "military_exercise")
    assert found and sorted(found[0].conducted_by) == ["South Korea", "United States"]


@pytest.mark.parametrize("text", [
    # a defection across a border line in a Korean-border context, not only at a named zone
    "A North Korean corporal defected to South Korea across the heavily guarded border on Tuesday, officials said.",
    "A young North Korean soldier defected across the frontier to the South early on Wednesday, the JCS said.",
    "A North Korean border guard defected over the boundary line into South Korea on Monday.",
])
def test_a_defection_across_the_border_line(extractor, text):
    found = mentions(extractor, text, "border_incident")
    assert found and found[0].conducted_by == ["North Korea"]


@pytest.mark.parametrize("text", [
    "A North Korean diplomat posted in Rome defected to South Korea with his wife last year.",
    "A North Korean soldier defected across the border into China on Monday.",
])
def test_a_defection_elsewhere_is_no_border_incident(extractor, text):
    assert not mentions(extractor, text, "border_incident")


@pytest.mark.parametrize("text", [
    "North and South Korean naval patrol boats briefly exchanged fire on Tuesday near the disputed sea border.",
    "The two navies traded fire near the Northern Limit Line on Thursday, the defence ministry said.",
    "South Korean and North Korean warships exchanged gunfire near the NLL on Friday.",
])
def test_fire_exchanged_between_warships_is_a_naval_battle(extractor, text):
    assert not mentions(extractor, text, "border_incident")
    found = mentions(extractor, text, "combat_operation")
    assert found and sorted(found[0].conducted_by) == ["North Korea", "South Korea"]


def test_fire_exchanged_by_soldiers_at_the_border_stays_a_border_incident(extractor):
    text = "North Korean and South Korean guards exchanged gunfire across the DMZ on Monday."
    assert mentions(extractor, text, "border_incident")
    assert not mentions(extractor, text, "combat_operation")


def test_an_undated_text_keeps_a_defection_and_an_earlier_dated_one_apart(extractor):
    from .helpers import make_doc
    text = ("A North Korean soldier defected to South Korea across the heavily armed border yesterday, "
            "the JCS said. The last defection by a North Korean soldier across the border occurred on "
            "March 3, 2010.")
    res = extractor.extract(make_doc(text, None))
    found = [m for m in res.mentions if m.type == "border_incident"]
    assert sorted(str(m.date.value) for m in found) == ["2010-03-03", "None"]


def test_a_report_and_an_earlier_dated_crossing_are_two_incidents(extractor):
    text = ("North Korean soldiers crossed the Military Demarcation Line on Tuesday, the JCS said. "
            "A similar breach of the MDL happened on January 8, 2025.")
    found = mentions(extractor, text, "border_incident")
    assert sorted(m.date.value for m in found) == ["2025-01-08", "2025-03-11"]


@pytest.mark.parametrize("text", [
    "North Korea has been blocking GPS signals around the border islands since Friday, Seoul's military said.",
    "North Korea blocked GPS signals in the border area for a second day on Thursday, the JCS said.",
])
def test_gps_signals_blocked_are_jamming(extractor, text):
    found = mentions(extractor, text, "border_incident")
    assert found and found[0].conducted_by == ["North Korea"]


def test_a_road_blocked_is_no_jamming(extractor):
    assert not mentions(extractor, "North Korea blocked the road near the border on Friday.", "border_incident")


@pytest.mark.parametrize("text", [
    "Kyiv offered to swap captured North Korean soldiers for Ukrainians held in Russia's Kursk region.",
    "The wounded North Korean fighters were seen in a video of captured troops released by Kyiv in Kursk.",
])
def test_a_captured_soldier_named_by_a_participle_is_no_capture_reported(extractor, text):
    assert not mentions(extractor, text, "combat_operation")


@pytest.mark.parametrize("text", [
    "Russia has hit Ukraine with missiles supplied by North Korea, a senior Kyiv official said on Friday.",
    "Investigators found artillery shells shipped by Pyongyang at a depot near the front in Ukraine.",
])
def test_arms_named_by_a_participle_with_their_supplier(extractor, text):
    found = mentions(extractor, text, "arms_transfer")
    assert found and found[0].conducted_by == ["North Korea"]


@pytest.mark.parametrize("text, kinds", [
    # an incident named after a word of feeling or quarrel is reported apart from the clause's own event
    ("Seoul said North Korean soldiers briefly crossed the border this week, with tensions high over "
     "Pyongyang's trash balloons.", ["crossed", "trash balloons"]),
    ("South Korean troops fired warning shots on Monday amid anger at the North's noise broadcasts along the border.",
     ["warning shots", "noise broadcasts"]),
])
def test_an_incident_named_after_a_word_of_tension_is_its_own(extractor, text, kinds):
    found = mentions(extractor, text, "border_incident")
    assert sorted(c for m in found for c in m.cues) == sorted(kinds)


@pytest.mark.parametrize("text", [
    "Tensions are high over Seoul's loudspeaker propaganda campaigns along the border.",
    "The South resumed its loudspeaker propaganda along the border on Sunday.",
])
def test_loudspeaker_propaganda(extractor, text):
    found = mentions(extractor, text, "border_incident")
    assert found and found[0].conducted_by == ["South Korea"]


@pytest.mark.parametrize("text", [
    "A North Korean submarine fired a torpedo that sank the corvette near Baengnyeong Island on Friday.",
    "Seoul accused North Korea on Friday of firing a torpedo that sank a South Korean warship near the NLL.",
    # the noun: an attack at the border as the shelling of an island is
    "Tensions rose after North Korea's sinking of a South Korean corvette near Baengnyeong Island in 2010.",
    "The sinking of a South Korean warship by the North near the sea border in March 2010 killed 46 sailors.",
])
def test_a_torpedo_that_sank_a_ship_is_an_attack_by_whoever_fired_it(extractor, text):
    assert not mentions(extractor, text, "weapons_test") and not mentions(extractor, text, "combat_operation")
    found = mentions(extractor, text, "border_incident")
    assert found and found[0].conducted_by == ["North Korea"]


def test_a_missile_that_flew_is_still_a_test(extractor):
    assert mentions(extractor, "North Korea fired a missile that flew over Japan on Tuesday.", "weapons_test")


def test_a_north_korean_missile_russia_fired_that_struck_kyiv_is_russia_s_strike(extractor):
    found = mentions(extractor, "Russia launched a North Korean missile which struck an apartment block in Kyiv "
                                "on Thursday.", "combat_operation")
    assert found and all(m.conducted_by == ["Russia"] for m in found)


@pytest.mark.parametrize("text", [
    "One prisoner claimed his posting to Russia was for tactical exercises, not combat.",
    "He argued his assignment to Russia was for military exercises, not combat.",
    "The soldier claimed his dispatch to Kursk was for training drills, not combat.",
    "A North Korean prisoner said he had expected training in Russia rather than combat.",
])
def test_combat_set_against_what_happened_is_not_combat(extractor, text):
    # "X, not combat", "rather than combat": the noun names what did not happen
    assert not mentions(extractor, text, "combat_operation")


@pytest.mark.parametrize("text", [
    # roads, railways, bridges blown up near the border line: a border incident of the state that did it
    "North Korea blew up roads near the border on Tuesday.",
    "North Korean troops demolished railway tracks close to the demarcation line on Monday.",
    "The North destroyed a bridge near the DMZ on Friday, the JCS said.",
    "Roads near the border were blown up by North Korean soldiers on Tuesday.",
    # explosions near the border line
    "North Korea carried out explosions near the military demarcation line on Tuesday, the JCS said.",
])
def test_links_blown_up_near_the_border(extractor, text):
    found = mentions(extractor, text, "border_incident")
    assert [m.conducted_by for m in found] == [["North Korea"]]


@pytest.mark.parametrize("text", [
    "Floods destroyed roads and bridges near the border in North Korea last week.",   # no one did it
    "Russian forces blew up a bridge near the border with Ukraine on Tuesday.",       # another war's border
    "North Korea blew up roads in Pyongyang to build new apartments on Tuesday.",     # no border line
])
def test_links_destroyed_elsewhere_or_by_nature(extractor, text):
    assert mentions(extractor, text, "border_incident") == []


@pytest.mark.parametrize("text", [
    # the border islands by their Korean names ("-do": island)
    "North Korea fired artillery to Yeonpyeongdo island on Tuesday.",
    "North Korea fired dozens of shells toward Baengnyeongdo on Tuesday.",
    # artillery fired across or toward the border line
    "North Korea fired artillery shells across the border on Tuesday, the JCS said.",
    "North Korean artillery units fired rounds toward the frontier on Monday, Seoul said.",
])
def test_artillery_fired_at_the_border_is_an_incident(extractor, text):
    assert mentions(extractor, text, "border_incident") and not mentions(extractor, text, "weapons_test")


def test_artillery_fired_near_another_border_is_no_incident(extractor):
    text = "North Korea fired artillery shells near its border with China during drills on Monday."
    assert not mentions(extractor, text, "border_incident")


@pytest.mark.parametrize("text", [
    # a soldier coming to a guard post of the border crosses it (a defection), no deployment
    "A North Korean soldier arrived at a front-line South Korean guard post on Thursday.",
    "A North Korean soldier headed to a South Korean guard post in the central DMZ on Tuesday to defect.",
    "Two North Korean soldiers entered a border post of the South on Monday, officials said.",
])
def test_soldier_at_a_guard_post_crosses_the_border(extractor, text):
    found = mentions(extractor, text, "border_incident")
    assert [m.conducted_by for m in found] == [["North Korea"]]
    assert not mentions(extractor, text, "troop_deployment")


@pytest.mark.parametrize("text", [
    "US troops arrived in South Korea on Monday for joint drills.",
    "North Korean troops arrived at a border post in Russia's Kursk region on Monday.",
])
def test_troops_arriving_elsewhere_are_deployed(extractor, text):
    assert mentions(extractor, text, "troop_deployment") and not mentions(extractor, text, "border_incident")


@pytest.mark.parametrize("text", [
    # an incident told in a clause "N days after ..." is an earlier incident of its own
    "Thursday's defection came nearly 40 days after another North Korean soldier crossed the border.",
    "South Korean troops fired warning shots on Tuesday, two days after North Korean soldiers crossed the "
    "military demarcation line.",
    "North Korea flew trash balloons across the border on Friday, a week after it jammed GPS signals near the border.",
])
def test_an_incident_days_before_is_its_own(extractor, text):
    assert len(mentions(extractor, text, "border_incident")) == 2


def test_an_incident_days_before_is_counted_back(extractor):
    text = ("South Korean troops fired warning shots on Tuesday, two days after North Korean soldiers crossed the "
            "military demarcation line.")
    days = sorted(m.date.value for m in mentions(extractor, text, "border_incident"))
    assert days == ["2025-03-09", "2025-03-11"]


@pytest.mark.parametrize("text, ends", [
    # the clause that reports the capture stops before the participle about the captives (its own event),
    # however far the comma after it hangs
    ("Ukrainian forces captured three North Korean soldiers fighting beside Russian units in the Kursk region, "
     "Ukrainian Defence Minister Rustem Umerov said on Monday.", "soldiers"),
    ("Ukrainian troops have captured a North Korean soldier wounded in battles near Kursk, the Ukrainian military "
     "intelligence agency said.", "soldier"),
])
def test_evidence_stops_before_the_participle_of_its_object(extractor, text, ends):
    doc = make_doc(text, D)
    found = [m for m in extractor.extract(doc).mentions if m.type == "combat_operation" and "Ukraine" in m.conducted_by]
    assert found and doc.span_text(found[0].evidence).endswith(ends)


@pytest.mark.parametrize("text", [
    # a ship or plane with North Korean arms stopped on its way: the sender's transfer
    "Panama stopped a North Korean freighter carrying missile parts on Monday.",
    "A cargo plane loaded with North Korean weapons was stopped in Bangkok on Saturday.",
    "A North Korean ship carrying missiles hidden under sugar was stopped on Monday.",
])
def test_arms_cargo_stopped_is_a_transfer(extractor, text):
    found = mentions(extractor, text, "arms_transfer")
    assert [m.conducted_by for m in found] == [["North Korea"]]


def test_a_stop_without_a_cargo_is_no_transfer(extractor):
    assert not mentions(extractor, "North Korea stopped its weapons tests for a year, officials said.", "arms_transfer")


@pytest.mark.parametrize("text, side", [
    # surveillance assets and planes sent over the other side cross it, as drones do
    ("South Korea sent surveillance assets into North Korean airspace on Monday.", ["South Korea"]),
    ("North Korea flew reconnaissance planes over the South on Monday, Seoul said.", ["North Korea"]),
])
def test_surveillance_craft_sent_across(extractor, text, side):
    found = mentions(extractor, text, "border_incident")
    assert [m.conducted_by for m in found] == [side]


@pytest.mark.parametrize("text", [
    # the same state's artillery fire told again without its place: the border incident, no test
    "North Korea fired artillery shells toward Yeonpyeong Island on Friday. Reporters said North Korea fired "
    "about 200 artillery rounds.",
    "North Korea fired about 200 artillery shells into the buffer zone on Friday, the JCS said. The artillery "
    "firing followed a series of missile launches.",
])
def test_artillery_fire_told_again_is_the_incident(extractor, text):
    assert len(mentions(extractor, text, "border_incident")) == 1
    assert not mentions(extractor, text, "weapons_test")


def test_an_artillery_test_fire_stays_a_test(extractor):
    text = ("North Korea test-fired a new artillery system on Friday. It fired artillery shells into the buffer "
            "zone near Yeonpyeong on Saturday.")
    assert len(mentions(extractor, text, "weapons_test")) == 1


def test_artillery_fire_at_another_time_is_not_the_incident(extractor):
    text = ("Last month, North Korea fired artillery shells into the buffer zone near Yeonpyeong.\n"
            "North Korea fired about ten artillery rockets earlier this week, officials said.")
    doc = make_doc(text)
    found = [m.type for m in extractor.extract(doc).mentions]
    assert sorted(found) == ["border_incident", "weapons_test"]


def test_dated_artillery_fire_is_not_an_undated_incident_told_before(extractor):
    text = ("North Korean artillery once shelled Yeonpyeong Island, killing four people. North Korea fired about "
            "200 artillery shells on Friday, officials said.")
    found = {m.type: m.date.value for m in extractor.extract(make_doc(text, D)).mentions}
    assert found == {"border_incident": None, "weapons_test": "2025-03-14"}


@pytest.mark.parametrize("text", [
    # troops sent or dispatched with no number: a deployment
    "Pyongyang has sent troops to Russia, officials said.",
    "North Korea sent troops to Russia last year to help in its war with Ukraine.",
    "North Korea dispatched troops to the Kursk region in October, Seoul said.",
])
def test_troops_sent_without_a_number(extractor, text):
    assert [m.conducted_by for m in mentions(extractor, text, "troop_deployment")] == [["North Korea"]]


@pytest.mark.parametrize("text", [
    # warships named elsewhere in the sentence (the response) do not make the shelling a naval battle
    ("The U.S. Navy sent a carrier and four warships to the Yellow Sea a day after a North Korean artillery "
     "barrage on Yeonpyeong Island killed two marines."),
    "Washington sent warships to the region in response to North Korea's shelling of a South Korean island.",
    ("Navy ships will join the drills as part of the response to the North's deadly artillery attack on a South "
     "Korean island."),
])
def test_shelling_an_island_is_a_border_incident_whatever_ships_the_sentence_names(extractor, text):
    found = mentions(extractor, text, "border_incident")
    assert found and found[0].conducted_by == ["North Korea"]


@pytest.mark.parametrize("text", [
    # a subject that "no" quantifies did none of it
    "Gunshots were heard from the North, although no bullets were found to have crossed the border.",
    "No North Korean soldiers crossed the Military Demarcation Line on Tuesday, the JCS said.",
    "No drones from the North entered South Korean airspace on Sunday, the military said.",
])
def test_no_one_crossed(extractor, text):
    assert not [m for m in mentions(extractor, text, "border_incident") if m.modality == "happened"], text


def test_a_crossing_beside_shots_not_fired_is_still_one(extractor):
    text = "A North Korean soldier crossed the Military Demarcation Line on Tuesday, and no shots were fired."
    assert [m for m in mentions(extractor, text, "border_incident") if m.modality == "happened"]
