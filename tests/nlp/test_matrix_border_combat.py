"""Phrasing matrix of border incidents and combat operations: the ordinary ways wire services, papers,
broadcasters and briefs report balloons, loudspeakers, drones, crossings of the demarcation line and
warning shots, jamming, demolitions, exchanges of fire, artillery near the border, naval clashes, and
North Korean troops fighting abroad; each row says what nkwatch must give. Rows of plans, threats,
denials, deployments, training and figures of speech must give no event. All texts are invented for
these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday: Tuesday is March 11, Sunday March 9 (a Saturday, the weekday after it, stays undated)
ANY = object()          # the row does not check this argument
UNKNOWN = None          # no date the text can tell

BORDER, COMBAT = "border_incident", "combat_operation"
NK, SK, RU, UA = "North Korea", "South Korea", "Russia", "Ukraine"


def happened(extractor, text: str, etype: str, published: date | None = D):
    res = extractor.extract(make_doc(text, published))
    return [m for m in res.mentions if m.type == etype and m.modality == "happened"]


EVENTS = [
    # --- balloons: active, passive, nominal, headline, hedged, attributed
    ("North Korea launched hundreds of balloons carrying trash and manure toward South Korea on Tuesday, "
     "Seoul's Joint Chiefs of Staff said.", BORDER, [NK], "2025-03-11"),
    ("N. Korea sends more trash balloons across border", BORDER, [NK], ANY),
    ("About 200 balloons filled with rubbish were flown into the South overnight on Sunday, the military "
     "said.", BORDER, [NK], "2025-03-09"),
    ("The North's launch of trash-laden balloons on Thursday drew a sharp protest from Seoul.", BORDER, [NK],
     "2025-03-13"),
    ("What appeared to be North Korean balloons carrying waste paper landed in Seoul on Sunday.", BORDER, [NK],
     "2025-03-09"),
    ("According to the Joint Chiefs of Staff, Pyongyang floated some 500 garbage balloons across the border "
     "on Tuesday.", BORDER, [NK], "2025-03-11"),
    ("Pyongyang's release of hundreds of balloons on Thursday angered Seoul.", BORDER, [NK], "2025-03-13"),
    ("The North's sending of trash balloons on Thursday angered Seoul.", BORDER, [NK], "2025-03-13"),
    ("The scattering of anti-Seoul leaflets by North Korea on Monday drew a protest.", BORDER, [NK],
     "2025-03-10"),
    ("Activists' launch of anti-Pyongyang leaflets across the border on Monday angered the North.", BORDER, [],
     "2025-03-10"),
    ("A defector group said it flew 20 balloons with leaflets and USB sticks into the North on Tuesday.",
     BORDER, [], "2025-03-11"),
    # --- loudspeakers
    ("South Korea resumed anti-North Korean loudspeaker broadcasts along the border on Sunday.", BORDER, [SK],
     "2025-03-09"),
    ("The resumption of loudspeaker broadcasts on Sunday angered Pyongyang.", BORDER, ANY, "2025-03-09"),
    ("Seoul turned on its propaganda loudspeakers on the frontier on Monday in retaliation.", BORDER, [SK],
     "2025-03-10"),
    ("North Korea installed new loudspeakers along the DMZ on Tuesday, the JCS said.", BORDER, [NK],
     "2025-03-11"),
    # --- drones
    ("Five North Korean drones crossed into South Korean airspace on Monday, prompting the military to "
     "scramble jets.", BORDER, [NK], "2025-03-10"),
    ("A suspected North Korean drone violated the no-fly zone near the presidential office on Tuesday, the "
     "military said.", BORDER, [NK], "2025-03-11"),
    ("South Korean troops fired warning shots at a North Korean drone that flew over the border on Tuesday.",
     BORDER, [NK], "2025-03-11"),
    # a drone shot down near the border: the fire that answered its flight
    ("A North Korean drone that crossed the border was shot down on Tuesday, officials said.", BORDER, [NK],
     "2025-03-11"),
    ("South Korean troops shot down a North Korean drone near the border on Tuesday.", BORDER, ANY, "2025-03-11"),
    # --- crossings of the demarcation line, warning shots, defections
    ("About 20 North Korean soldiers briefly crossed the military demarcation line on Tuesday, the JCS said.",
     BORDER, [NK], "2025-03-11"),
    ("Warning shots were fired after a group of North Korean troops crossed the demarcation line on "
     "Wednesday.", BORDER, [NK], "2025-03-12"),
    ("North Korean troops cross border, retreat after warning shots", BORDER, [NK], ANY),
    ("South Korea's military fired warning shots on Thursday after North Korean soldiers strayed across the "
     "MDL.", BORDER, [NK], "2025-03-13"),
    ("A North Korean soldier defected across the central section of the DMZ on Thursday, the JCS said.",
     BORDER, ANY, "2025-03-13"),
    # --- GPS jamming
    ("North Korea jammed GPS signals near the western border islands on Wednesday, Seoul said.", BORDER,
     [NK], "2025-03-12"),
    ("Pyongyang has been conducting GPS jamming attacks along the border since Friday, the JCS said.", BORDER,
     [NK], ANY),
    ("The North's jamming of satellite navigation signals on Sunday disrupted dozens of fishing boats.", BORDER,
     [NK], "2025-03-09"),
    # --- demolitions and fortification
    ("North Korea blew up sections of inter-Korean roads on its side of the border on Tuesday, the South's "
     "military said.", BORDER, [NK], "2025-03-11"),
    ("North Korean troops were seen laying mines and building walls near the border on Monday.", BORDER, [NK],
     "2025-03-10"),
    # --- exchanges of fire, artillery near the border
    ("North and South Korean troops exchanged gunfire across the DMZ on Wednesday.", BORDER, [NK, SK],
     "2025-03-12"),
    ("Troops from the two Koreas traded fire along the heavily fortified border on Monday.", BORDER, [NK, SK],
     "2025-03-10"),
    ("North Korea fired around 200 artillery rounds near the western sea border on Friday.", BORDER, [NK],
     "2025-03-14"),
    ("The North fired dozens of artillery shells into the buffer zone off its west coast on Wednesday.",
     BORDER, [NK], "2025-03-12"),
    ("North Korea shelled Yeonpyeong Island on November 23, 2010, killing four South Koreans.", BORDER, [NK],
     "2010-11-23"),
    ("A North Korean patrol boat crossed the Northern Limit Line on Wednesday, prompting warning shots from a "
     "South Korean navy vessel.", BORDER, [NK], "2025-03-12"),
    # --- naval clashes: the two navies fighting each other
    ("North and South Korean warships exchanged fire near the disputed maritime border on Tuesday.", COMBAT,
     [NK, SK], "2025-03-11"),
    # --- combat abroad
    ("North Korean troops have suffered heavy casualties fighting Ukrainian forces in Russia's Kursk region, "
     "Seoul's spy agency said.", COMBAT, ANY, ANY),
    # losses inflicted by a side the clause names: that side's strike, not the fighting of the victims' side
    ("Several North Korean soldiers were killed by Ukrainian drones in the Kursk region on Tuesday, Ukraine's "
     "special forces said.", COMBAT, [UA], "2025-03-11"),
    ("Six North Korean officers were killed in a Ukrainian robot attack in Russian-occupied territory on Tuesday.",
     COMBAT, [UA], "2025-03-11"),
    ("About 30 North Korean troops were killed or wounded in fighting in Kursk on Tuesday.", COMBAT, [NK, RU],
     "2025-03-11"),
    ("Ukraine said it had captured two wounded North Korean soldiers in Kursk on Wednesday.", COMBAT, ANY,
     "2025-03-12"),
    ("North Korean units launched assaults on Ukrainian positions in the Kursk region on Monday.", COMBAT,
     ANY, "2025-03-10"),
    ("North Korean troops killed in Ukrainian drone strike, Kyiv says", COMBAT, ANY, ANY),
    ("Kim Jong Un acknowledged for the first time that his troops had fought in Russia's Kursk region.",
     COMBAT, ANY, UNKNOWN),
    ("North Korean soldiers are taking part in assaults alongside Russian marines near Kursk, Kyiv said.",
     COMBAT, [NK, RU], ANY),
]


@pytest.mark.parametrize("text, etype, conducted, when", EVENTS)
def test_matrix_event(extractor, text, etype, conducted, when):
    found = happened(extractor, text, etype)
    assert found, "no event"
    if conducted is not ANY:
        found = [m for m in found if sorted(m.conducted_by) == sorted(conducted)]
        assert found, "no event of these sides"
    if when is not ANY:
        assert any(m.date.value == when or (when is None and m.date.bound == "on_or_before") for m in found)


NO_EVENT = [
    ("North Korea threatened to send more balloons across the border if the leaflet launches continued.",
     BORDER),
    ("Seoul said it would resume loudspeaker broadcasts if the North launched more balloons.", BORDER),
    ("North Korea has not sent any trash balloons since last month, the military said.", BORDER),
    ("Pyongyang denied that its drones had crossed into the South.", BORDER),
    ("The South plans to dismantle its loudspeakers along the border next week.", BORDER),
    ("North Korea has sent about 11,000 troops to Russia, where they are training at bases in the Far East.",
     COMBAT),
    ("North Korean soldiers are undergoing drone warfare training in eastern Russia, officials said.", COMBAT),
    ("Kim Jong Un urged officials to wage a fierce battle against anti-socialist behaviour.", COMBAT),
    ("North Korean troops could join the fighting in Ukraine within weeks, officials warned.", COMBAT),
    ("Pyongyang has denied that its soldiers are fighting in Ukraine.", COMBAT),
    # what is shot down is no craft that crossed, or it is shot down in a war
    ("South Korea shot down a North Korean missile over the sea on Tuesday.", BORDER),
    ("Russian air defences shot down Ukrainian drones near the border of the Kursk region on Tuesday.", BORDER),
]


def test_a_drone_that_crossed_and_was_shot_down_is_one_incident(extractor):
    found = happened(extractor, "A North Korean drone that crossed the border was shot down on Tuesday, officials "
                                "said.", BORDER)
    assert [(m.conducted_by, m.date.value) for m in found] == [([NK], "2025-03-11")]


@pytest.mark.parametrize("text, etype", NO_EVENT)
def test_matrix_no_event(extractor, text, etype):
    assert not happened(extractor, text, etype)


# --- the rows' causes, each with other phrasings -----------------------------------------------------------
@pytest.mark.parametrize("text, conducted, when", [
    # the act done to the balloons or broadcasts named by a noun: dated and done by whom the act noun names
    ("North Korea's launch of trash-laden balloons on Thursday angered Seoul.", [NK], ANY),
    ("The North's sending of balloons on Thursday angered Seoul.", [NK], "2025-03-13"),
    ("The release of leaflets by activists on Monday angered Pyongyang.", [], "2025-03-10"),
    # a cue modifying an event noun: the event noun's doer
    ("North Korea's latest balloon launch angered Seoul.", [NK], ANY),
    ("North Korea staged GPS jamming attacks near the western border islands on Tuesday.", [NK], "2025-03-11"),
    ("The North launched fresh trash balloon attacks across the border on Tuesday.", [NK], "2025-03-11"),
    # "anti-X" names the target, however the parser hangs it
    ("South Korea resumed anti-North Korean loudspeaker broadcasts on Sunday.", [SK], "2025-03-09"),
    ("North Korea floated anti-South Korean leaflets over the border on Tuesday.", [NK], "2025-03-11"),
    # a pronoun for a non-state group
    ("Activists said they had launched balloons carrying leaflets across the border on Tuesday.", [], "2025-03-11"),
    ("The campaigners said they sent 50 balloons toward the North on Monday.", [], "2025-03-10"),
    ("North Korean defectors launched balloons carrying leaflets across the border on Tuesday.", [], "2025-03-11"),
    # a part of a link demolished
    ("The North blew up parts of the roads near the border on Tuesday.", [NK], "2025-03-11"),
    ("North Korea destroyed a stretch of the cross-border highway on Tuesday, the JCS said.", [NK], "2025-03-11"),
    ("North Korea demolished sections of the railway near the demarcation line on Tuesday.", [NK], "2025-03-11"),
    # the object of "prompted", "led", "forced" does what their infinitive says
    ("The balloons prompted the South Korean military to resume loudspeaker broadcasts targeting the North.", [SK],
     ANY),
    ("The incursion led Seoul to restart its propaganda broadcasts on Tuesday.", [SK], "2025-03-11"),
    # a no-fly zone is a line a craft crosses
    ("A North Korean drone entered the no-fly zone over central Seoul on Tuesday.", [NK], "2025-03-11"),
    ("North Korean drones breached the no-fly zone around the presidential compound on Tuesday.", [NK],
     "2025-03-11"),
])
def test_matrix_border_causes(extractor, text, conducted, when):
    test_matrix_event(extractor, text, BORDER, conducted, when)


@pytest.mark.parametrize("text", [
    # "fought": the past of fighting
    "North Korean troops fought alongside Russian forces in the Kursk region, Seoul said.",
    "Pyongyang admitted that its troops had fought in the Kursk region.",
    "Russia said North Korean soldiers fought off a Ukrainian assault near Kursk on Tuesday.",
])
def test_matrix_fought(extractor, text):
    assert happened(extractor, text, COMBAT)


@pytest.mark.parametrize("text, etype", [
    # who the troops are, not fighting the sentence reports
    ("The agency published a video that purports to show North Korean troops who fought alongside Russian forces "
     "in the Kursk region training in Russia.", COMBAT),
    ("Veterans who fought in the Kursk region were decorated by Kim Jong Un on Tuesday.", COMBAT),
    # a habit, not one event
    ("Defector groups in the South regularly send leaflets across the border.", BORDER),
    ("North Korea regularly jams GPS signals near the border islands.", BORDER),
    # no border and no Korean context: another country's no-fly zone
    ("The United States imposed a no-fly zone over Libya in 2011.", BORDER),
])
def test_matrix_descriptions(extractor, text, etype):
    assert not happened(extractor, text, etype)


@pytest.mark.parametrize("text, conducted", [
    # a one-sided attack told with no doer: the side its target or toll names was struck by the other
    ("Relations soured after the sinking of a South Korean warship in March 2010.", [NK]),
    ("The landmine blast in August 2015 maimed two South Korean soldiers.", [NK]),
    ("The attack on a South Korean guard post on Tuesday caused no casualties.", [NK]),
    ("It fired dozens of shells at a South Korean island near the border on Tuesday.", [NK]),
    # a doer named decides
    ("Seoul blamed Pyongyang for the March 2010 sinking of a South Korean warship.", [NK]),
])
def test_matrix_struck_side(extractor, text, conducted):
    found = happened(extractor, text, BORDER)
    assert [m.conducted_by for m in found] == [conducted]


@pytest.mark.parametrize("text, evidence", [
    # of fire and what it prompted, the fire is the event's evidence, however much more the answer tells (its day,
    # its source)
    ("North Korea shelled Yeonpyeong Island near the border, setting houses alight and prompting the South to "
     "scramble fighter jets on Tuesday, the JCS said.", "North Korea shelled"),
    ("North Korea fired artillery shells onto a South Korean border island, forcing the South's marines to return "
     "fire on Tuesday, the military said.", "North Korea fired"),
    ("The North fired artillery shells across the demarcation line near Paju, leading the South to scramble "
     "fighter jets on Tuesday, the JCS said.", "The North fired"),
])
def test_matrix_fire_prompted_is_not_the_evidence(extractor, text, evidence):
    doc = make_doc(text, D)
    found = [m for m in extractor.extract(doc).mentions if m.type == BORDER and m.modality == "happened"]
    assert len(found) == 1
    assert text[found[0].evidence.start:found[0].evidence.end].startswith(evidence)


@pytest.mark.parametrize("text", [
    # who helps others fight takes part in the fighting
    "North Korean troops helped Russia recapture the Kursk region last month.",
    "North Korean soldiers helped Russian forces to retake Sudzha on Tuesday.",
    "Pyongyang's troops assisted Russian units in retaking villages near Kursk on Tuesday.",
])
def test_matrix_helpers_fight_too(extractor, text):
    assert [sorted(m.conducted_by) for m in happened(extractor, text, COMBAT)] == [[NK, RU]]
