"""Attributed numbers (nlp/claims.py, the claim part of nlp/extract.py) on invented news sentences:
units written several ways, sizes that are no counts, casualty verbs, partitives, repeated figures.
All texts are written for these tests."""
import re
from datetime import date

import pytest

from nkwatch.models import to_dict

from .helpers import FakeTagger, FakeTimex, make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def claims(extractor, text: str) -> set[tuple]:
    doc = make_doc(text, D)
    return {(c.property, c.value, c.bound) for c in extractor.extract(doc).claims}


def claims_with_text(extractor, text: str) -> list[tuple]:
    doc = make_doc(text, D)
    return [(c.property, c.value, doc.span_text(c.evidence)) for c in extractor.extract(doc).claims]


@pytest.mark.parametrize("text, expected", [
    # the magnitude of a tremor, its unit before or after the number, glued or not
    ("Seismologists recorded a magnitude-4.8 tremor near the test site.", ("magnitude", 4.8, "eq")),
    ("The agency detected a 5.4 magnitude earthquake in the north-east.", ("magnitude", 5.4, "eq")),
    ("Monitors reported a 4.1-magnitude quake hours before the announcement.", ("magnitude", 4.1, "eq")),
    ("The tremor measured 5.9 in magnitude, the survey said.", ("magnitude", 5.9, "eq")),
    ("The institute put the event at a magnitude of 4.7.", ("magnitude", 4.7, "eq")),
    ("Sensors picked up a shock measuring 3.9 on the Richter scale.", ("magnitude", 3.9, "eq")),
    # a yield in tons of TNT is a fraction of a kiloton
    ("Experts said the blast was equivalent to 800 tons of TNT.", ("yield_kt", 0.8, "eq")),
    # "within" bounds a time from above; a launch that failed is a flight time
    ("Officials said the rocket broke apart within fifty seconds of its launch.", ("flight_time_s", 50, "le")),
    # aircraft, rounds fired by guns, artillery shells, drones
    ("The air force scrambled 40 fighter jets after spotting about 120 warplanes north of the line.",
     ("aircraft", 120, "approx")),
    ("Border guards fired some 15 warning shots at the intruders.", ("rounds", 15, "approx")),
    ("The two sides exchanged about 30 rounds from heavy machine guns.", ("rounds", 30, "approx")),
    ("The army fired more than 90 rounds of artillery into the sea.", ("shells", 90, "ge")),
    ("The convoy carried 2 million rounds of 152 mm artillery shells, officials said.", ("shells", 2_000_000, "eq")),
    ("Three North Korean drones crossed the border on Sunday.", ("drones", 3, "eq")),
    ("Activists launched 300,000 propaganda leaflets across the border.", ("leaflets", 300_000, "eq")),
    ("Seized cargo held 20 tons of weapons, customs officials said.", ("weapons_tons", 20, "eq")),
    # number words joined to their multiplier
    ("The navy moved some 12-hundred commandos to the front.", ("troops", 1200, "approx")),
    ("Kyiv said the North was preparing to send ten-thousand troops.", ("troops", 10_000, "eq")),
    # "a single"
    ("On Monday the North fired a single short-range ballistic missile into the sea.", ("count", 1, "eq")),
    # digits with a thousands comma and decimals, whatever the tagger calls them
    ("Radar tracked the rocket to a peak altitude of 4,312.5 km, the ministry said.", ("apogee_km", 4312.5, "eq")),
    ("Tokyo said the missile reached an altitude of 5,731.5 km before falling.", ("apogee_km", 5731.5, "eq")),
    # a hedge before a prefix unit bounds the number after it
    ("Seoul said the glider reached a speed of about Mach 9 on its way down.", ("speed_mach", 9, "approx")),
    ("Officials said the warhead flew at up to Mach 12.", ("speed_mach", 12, "le")),
    # durations written with an article: "an hour", "half an hour", "an hour and a half"
    ("The missile stayed in flight for about an hour and a half, Tokyo said.", ("flight_time_s", 5400, "approx")),
    ("Officials said the rocket flew for over an hour before falling into the sea.", ("flight_time_s", 3600, "ge")),
    ("The missile flew for half an hour before it splashed down, the JCS said.", ("flight_time_s", 1800, "eq")),
    # British spellings; a range whose first number leaves its unit to the second
    ("Analysts put the device's yield at roughly 12 kilotonnes.", ("yield_kt", 12, "approx")),
    # a unit's strength
    ("Pyongyang has sent a 9,000-strong contingent to the front, Kyiv said.", ("troops", 9000, "eq")),
    ("The 7,500-strong expeditionary force crossed the border, officials said.", ("troops", 7500, "eq")),
    # a duration in two units is one figure
    ("State media said the cruise missiles flew for about 2 hours and 10 minutes.", ("flight_time_s", 7800, "approx")),
    ("The rocket flew for one minute 40 seconds before it broke apart.", ("flight_time_s", 100, "eq")),
    # warships sent to a drill; balloons called inflatables
    ("The navy sent eight warships to the drill, the ministry said.", ("ships", 8, "eq")),
    ("The allies deployed two aircraft carriers for the exercise.", ("ships", 2, "eq")),
    ("Seoul counted some 300 inflatables carrying rubbish across the border.", ("balloons", 300, "approx")),
])
def test_claim_forms(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, expected, absent", [
    # people a casualty verb counts are a casualty figure, not a deployment
    ("The barrage hit the island, killing three marines and four civilians.",
     {("killed", 3, "eq"), ("killed", 4, "eq")}, {"troops"}),
    ("Officials said 17 people have been killed since the strikes began.", {("killed", 17, "eq")}, set()),
    ("The raid captured three wounded enemy soldiers near the river, the agency said.",
     {("captured", 3, "eq")}, {"wounded", "troops"}),
    ("A landmine maimed two of its soldiers on patrol.", {("wounded", 2, "eq")}, {"troops"}),
    ("More than 40 North Koreans are believed to have been killed or wounded in the clash.",
     {("casualties", 40, "ge")}, {"killed", "wounded"}),
    ("As many as 25 have been \u201ckilled or wounded,\u201d the intelligence agency said.",
     {("casualties", 25, "le")}, set()),
    ("At least four soldiers went missing near the village, the directorate said.",
     {("missing", 4, "ge")}, {"troops"}),
    ("The seven crew members were also detained by the coast guard.", {("detained", 7, "eq")}, set()),
    ("Police detained six officials over the accident.", {("detained", 6, "eq")}, set()),
    # a soldier who kills is no casualty
    ("Two soldiers killed a smuggler at the checkpoint.", set(), {"killed"}),
    # the subject of a later predicate the parser reads as a conjunct: "X sent there ... are believed killed"
    ("Roughly 900 North Korean troops sent to assist the offensive are thought to have been wounded, the agency said.",
     {("wounded", 900, "approx")}, {"troops"}),
    ("Some 1,500 soldiers fought near the river and were killed there, officials said.",
     {("killed", 1500, "approx")}, {"troops"}),
    ("About 400 marines landed on the beach and captured the port, officials said.",
     {("troops", 400, "approx")}, {"captured"}),
    # people a deployment verb moves are troops
    ("Officials say Moscow has deployed some 6,000 North Koreans near the front.", {("troops", 6000, "approx")}, set()),
    ("Pyongyang dispatched about 3,000 men to the border region, Seoul said.", {("troops", 3000, "approx")}, set()),
    ("Pyongyang sent about 30 officials to the talks, Seoul said.", set(), {"troops"}),
    ("The North has deployed 2,500 reinforcements to the front, Kyiv said.",
     {("reinforcements", 2500, "eq")}, {"troops"}),
    # a passive casualty verb has no object: a noun the parser hangs on it is no agent's victim
    ("Officials said some 800 soldiers have been killed or wounded fighting near the river.",
     {("casualties", 800, "approx")}, {"troops"}),
    ("About 90 marines were killed or injured defending the port, the agency said.",
     {("casualties", 90, "approx")}, {"troops"}),
    # the counted people are the patient of a relative clause's casualty verb
    ("Lee said three North Korean soldiers who were captured by the rebels described their training.",
     {("captured", 3, "eq")}, {"troops"}),
    ("Kyiv released a video of the two soldiers its forces have captured.", {("captured", 2, "eq")}, {"troops"}),
    ("The five guards whom the raiders wounded were flown to a hospital.", {("wounded", 5, "eq")}, set()),
    ("Officials said 30 sailors that were killed in the clash were buried on Monday.",
     {("killed", 30, "eq")}, {"troops"}),
    # ... not of one whose own object is another
    ("The two soldiers who captured a smuggler were decorated.", {("troops", 2, "eq")}, {"captured"}),
])
def test_casualty_verbs(extractor, text, expected, absent):
    got = claims(extractor, text)
    assert expected <= got
    assert not {p for p, _, _ in got} & absent


def test_partitive_gives_both_figures(extractor):
    got = claims(extractor, "A police official said three out of the eight missiles that hit the city were North "
                            "Korean.")
    assert {("missiles", 8, "eq"), ("missiles", 3, "eq")} <= got


def test_missiles_of_no_test_are_missiles(extractor):
    got = claims(extractor, "Russia has used at least 30 North Korean missiles against Ukraine, officials said.")
    assert ("missiles", 30, "ge") in got and not any(p == "count" for p, _, _ in got)


@pytest.mark.parametrize("text, absent", [
    # a calibre or a tonnage is a size, never a count
    ("Pyongyang supplied 40 upgraded 240mm multiple rocket launchers, the newspaper reported.", 240),
    ("The fleet includes two 4,800-ton destroyers.", 4800),
    ("Troops answered with 14.5-millimeter machine guns.", 14.5),
])
def test_sizes_are_not_counts(extractor, text, absent):
    assert not any(v == absent for _, v, _ in claims(extractor, text))


def test_sized_weapons_are_counted(extractor):
    got = claims(extractor, "Pyongyang supplied 40 upgraded 240mm multiple rocket launchers and nearly 30 M-1989 "
                            "self-propelled howitzers, the newspaper reported.")
    assert ("howitzers", 30, "approx") in got


def test_converted_unit_in_brackets_is_one_claim(extractor):
    got = claims_with_text(extractor, "The missile flew about 450 kilometres (280 miles) at an apogee of 50 km "
                                      "(31 miles), the military said.")
    assert sorted(got) == [("apogee_km", 50, "50 km (31 miles)"),
                           ("range_km", 450, "about 450 kilometres (280 miles)")]


def test_miles_are_converted_and_the_text_kept(extractor):
    (c,) = claims_with_text(extractor, "The missile flew about 300 miles, officials said.")
    assert c[0] == "range_km" and abs(c[1] - 482.8) < 0.1 and c[2] == "about 300 miles"


def test_a_place_offset_is_no_range(extractor):
    got = claims(extractor, "The missile splashed down some 250 kilometers west of the Oga Peninsula.")
    assert not any(p == "range_km" for p, _, _ in got)


@pytest.mark.parametrize("text", [
    "Guam, about 3,400 km from Pyongyang, would be within range of the missile, analysts said.",
    "The launchers sit at a base some 500 kilometers away from the border, the missile agency said.",
])
def test_a_place_distance_from_somewhere_is_no_range(extractor, text):
    assert not any(p == "range_km" for p, _, _ in claims(extractor, text))


def test_a_flight_from_a_place_is_a_range(extractor):
    assert ("range_km", 800, "eq") in claims(extractor, "The missile flew 800 km from Jagang province into the sea.")


def test_kms_is_kilometres(extractor):
    got = claims(extractor, "KCNA said the missile reached an altitude of 6,100 kms and flew 990 kms.")
    assert {("apogee_km", 6100, "eq"), ("range_km", 990, "eq")} <= got


def test_flight_data_needs_a_weapon(extractor):
    assert claims(extractor, "The president flew for 14 hours to reach the summit venue.") == set()
    assert ("flight_time_s", 14 * 60, "eq") in claims(extractor, "The missile flew for 14 minutes, Japan said.")


def test_a_repeated_sentence_gives_its_figures_once(extractor):
    line = "The North fired 50 rounds of artillery near the border island, the JCS said."
    got = claims_with_text(extractor, f"{line}\n{line}")
    assert [p for p, _, _ in got] == ["shells"]


def test_a_definite_repeat_is_no_new_figure(extractor):
    text = ("North Korea fired four missiles on Tuesday, the JCS said.\n"
            "The four missiles landed in the sea.")
    got = claims_with_text(extractor, text)
    assert [(p, v) for p, v, _ in got] == [("count", 4)]


def test_an_attributed_restatement_replaces_the_headline(extractor):
    text = ("Seoul scrambles jets as 90 warplanes fly near border\n"
            "South Korea's military said it detected about 90 North Korean warplanes on Friday.")
    got = claims_with_text(extractor, text)
    assert got == [("aircraft", 90, "about 90 North Korean warplanes")]


@pytest.mark.parametrize("text", [
    # a hedged unattributed figure is no headline of a later figure with another bound
    "North Korea has sent approximately 10,000 troops to Russia.\nSeoul said at least 10,000 North Korean troops "
    "were deployed in the Kursk region.",
    "Pyongyang fired about 200 artillery shells near the border.\nThe JCS said more than 200 artillery shells were "
    "fired on Friday.",
])
def test_a_hedged_figure_is_not_replaced_by_another_bound(extractor, text):
    assert len(claims(extractor, text)) == 2


def test_cascade_sees_new_claim_words(settings):
    from nkwatch.nlp.extract import Extractor
    docs = [make_doc(t, D, f"c{n}.txt") for n, t in enumerate([
        "Farmers harvested rice.\nThe shelling killed 12.",
        "Farmers harvested rice.\nThe tremor measured 5.1 in magnitude.",
        "Farmers harvested rice.\nIt was a magnitude-4.4 event.",
        "Farmers harvested rice.\nCustoms found a single missile.",
    ])]
    on = [to_dict(r) for r in Extractor(settings, tagger=FakeTagger()).extract_many(docs)]
    off = [to_dict(r) for r in Extractor(settings, cascade=False, tagger=FakeTagger()).extract_many(docs)]
    assert on == off and all(r["claims"] for r in on)


def test_partitive_of_a_launch(extractor):
    got = claims(extractor, "North Korea fired eight missiles on Monday; three of the eight missiles failed.")
    assert ("count", 3, "eq") in got and ("count", 8, "eq") in got


@pytest.mark.parametrize("text, prop", [
    # casualties of a natural disaster are no military figure
    ("Heavy rains and floods in the north-east left at least 40 people dead last month.", "killed"),
    ("The typhoon swept across the island on Sunday, killing at least nine.", "killed"),
    ("An earthquake injured 230 residents of the coastal city.", "wounded"),
    # the size of a standing force is no claim about an event
    ("Japan hosts about 54,000 U.S. troops under the security treaty.", "troops"),
    ("The country maintains a standing army of 1.1 million soldiers.", "troops"),
    ("North Korea has an estimated 1.2 million troops, one of the largest militaries in the world.", "troops"),
])
def test_figures_of_no_military_event(extractor, text, prop):
    assert not [c for c in claims(extractor, text) if c[0] == prop]


@pytest.mark.parametrize("text, expected", [
    ("Shelling in the Kursk region killed at least 40 people on Monday.", ("killed", 40.0, "ge")),
    ("North Korea has sent about 11,000 troops to Russia, officials said.", ("troops", 11000.0, "approx")),
])
def test_figures_of_a_military_event_remain(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text", [
    "A second missile followed minutes later, the military said.",
    "The envoys met for an hour on Tuesday.",
])
def test_an_article_is_no_figure_of_its_own(extractor, text):
    assert not {c for c in claims(extractor, text) if c[0] == "flight_time_s"}


@pytest.mark.parametrize("text, expected", [
    ("Kyiv put the death toll at about 300, officials said.", ("killed", 300, "approx")),
    ("Seoul put North Korean casualties at around 1,100 on Thursday.", ("casualties", 1100, "approx")),
    ("The number of North Korean troops in Russia is estimated at 12,000.", ("troops", 12_000, "eq")),
    ("The president placed the total number of killed or wounded enemy soldiers at 4,000.", ("casualties", 4000, "eq")),
])
def test_a_figure_an_estimate_verb_gives_its_object(extractor, text, expected):
    assert expected in claims(extractor, text)


def test_a_place_after_at_is_no_estimate(extractor):
    assert not claims(extractor, "The army placed its guns at 20 sites along the coast.")


class _YearTagger(FakeTagger):
    """Also reads any bare four-digit number as a year, as real temporal taggers sometimes do."""

    def tag(self, text, dct, *, tense_hints=True):
        years = [FakeTimex(m.start(), m.end(), m[0], "DATE", m[0]) for m in re.finditer(r"\b\d{4}\b", text)]
        return sorted(super().tag(text, dct, tense_hints=tense_hints) + years, key=lambda t: t.start)


def test_a_number_read_as_a_year_keeps_its_unit(settings):
    from nkwatch.nlp.extract import Extractor
    extractor = Extractor(settings, tagger=_YearTagger())
    got = claims(extractor, "Tokyo said the ICBM flew 1000 kilometers before falling into the sea in 2023.")
    assert ("range_km", 1000, "eq") in got
    assert not {c for c in got if c[1] == 2023}


def test_a_range_whose_unit_both_numbers_share(extractor):
    doc = make_doc("Seismologists said the tremor pointed to a 15- to 25-kilotonne device.", D)
    got = [(c.property, c.value, c.value_max) for c in extractor.extract(doc).claims]
    assert got == [("yield_kt", 15, 25)]


@pytest.mark.parametrize("text", [
    "A 30-strong delegation arrived in Moscow on Monday.",
    "The country's 1.2 million-strong army held a parade.",
])
def test_a_strength_of_no_deployed_unit_is_no_claim(extractor, text):
    assert not {c for c in claims(extractor, text) if c[0] == "troops"}



@pytest.mark.parametrize("text", [
    "A plutonium device should produce a yield of about 20 kilotons, experts said.",
    "According to Tokyo, such a missile is capable of flying more than 15,000 kilometers.",
    "Analysts said the new rocket could fly 13,000 km on a standard trajectory.",
    "Japan said the missile had the capacity to fly 14,000 km.",
])
def test_a_capability_or_norm_is_no_measure_of_the_event(extractor, text):
    assert not any(p in ("yield_kt", "range_km") for p, _, _ in claims(extractor, text))


def test_a_perfect_modal_estimates_the_flight(extractor):
    assert ("range_km", 1000, "approx") in claims(
        extractor, "Officials said the missile could have flown about 1,000 km before it fell into the sea.")


@pytest.mark.parametrize("text, value", [
    ("The survey first reported the tremor as a 5.6 magnitude, but later raised it to 6.3.", 6.3),
    ("Seismologists measured the quake at magnitude 4.9 before revising it to 5.1.", 5.1),
])
def test_a_revised_figure_restates_the_measure(extractor, text, value):
    assert ("magnitude", value, "eq") in claims(extractor, text)


def test_a_number_raised_before_any_measure_is_no_measure(extractor):
    got = claims(extractor, "The agency raised its alert level to 3 after a 5.1 magnitude tremor near the site.")
    assert ("magnitude", 3, "eq") not in got and ("magnitude", 5.1, "eq") in got


@pytest.mark.parametrize("text, expected", [
    ("After the nuclear test the survey put the magnitude of the tremor at 5.3.", ("magnitude", 5.3, "eq")),
    ("Seismologists estimated the magnitude of the blast at about 6.2, hours after the nuclear test.",
     ("magnitude", 6.2, "approx")),
    ("Magnitude readings of the nuclear test climbed from 4.7 in the first report to 5.0 a day later.",
     ("magnitude", 5.0, "eq")),
    ("The magnitude of the tremor at the nuclear test site was 4.8, the agency said.", ("magnitude", 4.8, "eq")),
])
def test_a_bare_number_of_a_named_magnitude(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text", [
    "The agency raised its alert level to 3 after the nuclear test.",
    "The nuclear test drew condemnation from 15 members of the council at the meeting.",
    "Monitors detected a 4.2 magnitude tremor near the nuclear test site at around 11 a.m.",
])
def test_a_bare_number_without_a_named_magnitude_is_none(extractor, text):
    assert not any(p == "magnitude" and v != 4.2 for p, v, _ in claims(extractor, text))


@pytest.mark.parametrize("text, expected", [
    ("The missile flew east; the maximum altitude of its flight was 60 km, the military said.",
     ("apogee_km", 60, "eq")),
    ("The ballistic missile was launched at dawn. Its apogee was about 900 kilometres during the flight.",
     ("apogee_km", 900, "approx")),
    ("The missile was fired at a lofted angle; the range of the flight was 700 km, officials said.",
     ("range_km", 700, "eq")),
])
def test_the_subject_of_be_names_the_measure(extractor, text, expected):
    got = claims(extractor, text)
    assert expected in got and len([c for c in got if c[1] == expected[1]]) == 1


@pytest.mark.parametrize("text", [
    "North Korea said its nuclear test used a new device. A kiloton is equivalent to 1,000 tons of TNT.",
    "North Korea conducted a nuclear test on Sunday. One kiloton equals the force of 1,000 tonnes of TNT.",
    "The missile flew over the sea. One nautical mile is equal to 1.852 kilometres.",
])
def test_a_unit_definition_is_no_claim(extractor, text):
    got = claims(extractor, text)
    assert not any(p in ("yield_kt", "range_km", "apogee_km") for p, _, _ in got)


def test_a_yield_told_of_the_test_remains(extractor):
    assert ("yield_kt", 10, "eq") in claims(
        extractor, "The agency said the nuclear test had a yield of 10 kilotons, equivalent to 10,000 tons of TNT.")


@pytest.mark.parametrize("text, expected", [
    ("The ministry estimated the nuclear test's yield at between 6 kilotons and 9 kilotons.", (6, 9)),
    ("Officials said the ballistic missile flew between 300 km to 500 km before it fell into the sea.", (300, 500)),
])
def test_a_range_with_its_unit_repeated(extractor, text, expected):
    doc = make_doc(text, D)
    assert any((c.value, c.value_max) == expected for c in extractor.extract(doc).claims)


@pytest.mark.parametrize("text, expected", [
    ("The number of North Korean soldiers deployed in the region has grown to 11,000, officials said.",
     ("troops", 11000, "eq")),
    ("The number of troops sent to the front rose by 1,500 last month, bringing the total to about 9,000.",
     ("troops", 9000, "approx")),
    ("The tally of troops deployed to the border stood at 3,000, the ministry said.", ("troops", 3000, "eq")),
    ("Officials said the total number of soldiers deployed could be closer to 7 to 8,000.", ("troops", 7000, "eq")),
])
def test_a_total_counts_its_nouns(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text", [
    "The number of launches this year has grown to 15, the military said.",
    "The troops were moved to 12 bases near the border, officials said.",
])
def test_a_total_of_no_counted_noun_is_none(extractor, text):
    assert not any(p == "troops" for p, _, _ in claims(extractor, text))


@pytest.mark.parametrize("text, expected", [
    ("The marines fired about 300 rounds from K9 howitzers into the sea during the drill.", ("shells", 300, "approx")),
    ("North Korea's artillery units fired 120 rounds near the border on Friday, the military said.",
     ("shells", 120, "eq")),
    ("The North fired about 10 rounds from anti-aircraft machine guns across the border, the military said.",
     ("rounds", 10, "approx")),
    ("The South fired 40 rounds toward the drones from its helicopters, the military said.", ("rounds", 40, "eq")),
])
def test_rounds_of_artillery_are_shells(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # a distance from the launch site is how far the weapon went, whatever verb tells its end
    ("The rocket crashed into the sea about 2 km from the launch site, officials said.", ("range_km", 2, "approx")),
    ("The missile fell into the sea some 250 kilometers away from its launch point, Tokyo said.",
     ("range_km", 250, "approx")),
    ("Both projectiles landed 300 km from the launching site, the military said.", ("range_km", 300, "eq")),
])
def test_a_distance_from_the_launch_site_is_a_range(extractor, text, expected):
    assert expected in claims(extractor, text)


def test_a_place_from_the_launch_site_stays_a_place(extractor):
    got = claims(extractor, "The new missile base is about 50 km from the launch site, analysts said.")
    assert not any(p == "range_km" for p, _, _ in got)


@pytest.mark.parametrize("text", [
    "The bomber flew over an air base located some 72 kilometers (45 miles) south of the capital, the military said.",
    "The missile splashed down about 200 km (124 miles) east of the peninsula, Japan said.",
])
def test_a_place_offset_after_its_conversion_is_no_range(extractor, text):
    assert not any(p == "range_km" for p, _, _ in claims(extractor, text))


@pytest.mark.parametrize("text, expected", [
    ("The missile broke up after travelling for 40 seconds, the military said.", ("flight_time_s", 40, "eq")),
    ("Officials said the rocket exploded after traveling about 90 seconds.", ("flight_time_s", 90, "approx")),
])
def test_travelling_times_a_flight(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("An official said the tremor can put the yield of the nuclear test at about 10 kilotons.",
     ("yield_kt", 10, "approx")),
    ("Experts said the seismic data could put the yield at around 6 kilotons.", ("yield_kt", 6, "approx")),
    ("The ministry said radar data may put the missile's flight at about 800 km.", ("range_km", 800, "approx")),
])
def test_a_hedged_estimate_is_no_capability(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text", [
    "2023-04 B-52 bombers deployed to Asia for joint air drills",
    "2024/05/27 three warships joined the exercise, the navy said.",
])
def test_a_numeric_date_is_no_count(extractor, text):
    got = claims(extractor, text)
    assert not any(v in (2023, 2024, 4, 5, 27) for _, v, _ in got)


def test_a_decimal_is_no_dotted_date(extractor):
    assert ("range_km", 2000.5, "eq") in claims(extractor, "The missile flew 2000.5 km, the ministry said.")


@pytest.mark.parametrize("text, expected", [
    ("Seoul put the death toll at 600, with another four-thousand-100 injured.", ("wounded", 4100, "eq")),
    ("Officials said two-thousand-500 soldiers were wounded in the fighting.", ("wounded", 2500, "eq")),
    ("Kyiv said ten-thousand-200 soldiers were deployed to Russia.", ("troops", 10200, "eq")),
])
def test_a_spelled_number_with_a_smaller_one_after_its_multiplier(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, value", [
    ("North Korea tested a nuclear bomb. The European centre upgraded the tremor's magnitude from an initial 5 to "
     "5.3 on Wednesday.", 5.3),
    ("The North carried out a nuclear test. The agency later raised the quake's magnitude from 4.8 to 5.1.", 5.1),
])
def test_a_figure_revised_from_one_value_to_another_is_the_new_one(extractor, text, value):
    got = [c for c in claims_with_text(extractor, text) if c[0] == "magnitude"]
    assert [v for _, v, _ in got] == [value]


def test_a_range_of_estimates_stays_a_range(extractor):
    doc = make_doc("The North carried out a nuclear test. Estimates of the tremor's magnitude ranged from 5.8 to 6.3.", D)
    (c,) = extractor.extract(doc).claims
    assert (c.property, c.value, c.value_max) == ("magnitude", 5.8, 6.3)


@pytest.mark.parametrize("text, expected", [
    ("One soldier was killed and three were wounded in the shelling.", ("killed", 1, "eq")),
    ("One marine died and two civilians were injured, the ministry said.", ("killed", 1, "eq")),
    ("One South Korean soldier is dead, officials said after the exchange of fire.", ("killed", 1, "eq")),
])
def test_one_person_a_casualty_verb_counts(extractor, text, expected):
    assert expected in claims(extractor, text)


def test_one_soldier_is_no_troop_figure(extractor):
    assert claims(extractor, "One North Korean soldier crossed the border on Tuesday and was taken in.") == set()


@pytest.mark.parametrize("text, expected", [
    # a measure written as a modifier: the noun it qualifies names it, before any verb nearby
    ("The second missile hit a 60-km altitude before splashing down after flying some 600 km.",
     ("apogee_km", 60, "eq")),
    ("North Korea fired a missile that reached a 2,000-kilometre altitude, Seoul said.", ("apogee_km", 2000, "eq")),
    ("The rocket made a 40-minute flight before landing in the sea, Tokyo said.", ("flight_time_s", 2400, "eq")),
])
def test_a_measure_modifying_its_noun_is_named_by_it(extractor, text, expected):
    got = claims(extractor, text)
    assert expected in got and not any(p == "range_km" and v == expected[1] for p, v, _ in got)


@pytest.mark.parametrize("text", [
    "Pyongyang had conducted three rounds of cruise missile firings last week, the military said.",
    "The two Koreas held four rounds of military talks before the artillery exchange.",
    "Seoul said the North had staged two rounds of missile launches this month.",
])
def test_rounds_of_occasions_are_no_figure(extractor, text):
    assert not any(p in ("rounds", "shells") for p, _, _ in claims(extractor, text))


def claims_with_source(extractor, text: str) -> set[tuple]:
    doc = make_doc(text, D)
    return {(c.property, c.value, c.source) for c in extractor.extract(doc).claims}


@pytest.mark.parametrize("text, first", [
    # a seismic monitor's figure keeps its source when another monitor gives the same figure later
    ("North Korea conducted a nuclear test on Monday. The European-Mediterranean Seismological Centre revised "
     "the magnitude from 4.9 to 5.2. The US Geological Survey also reported a magnitude 5.2 tremor.", "EMSC"),
    ("North Korea conducted a nuclear test on Monday. Germany's GFZ research centre estimated the magnitude at 5.2. "
     "The US Geological Survey also reported a magnitude 5.2 tremor.", "GFZ"),
    ("North Korea conducted a nuclear test on Monday. The Japan Meteorological Agency said the quake measured "
     "5.2 in magnitude. The US Geological Survey also reported a magnitude 5.2 tremor.", "Japan Meteorological Agency"),
])
def test_seismic_monitors_are_sources(extractor, text, first):
    got = claims_with_source(extractor, text)
    assert ("magnitude", 5.2, first) in got and ("magnitude", 5.2, "USGS") in got


@pytest.mark.parametrize("text", [
    "The survey reported a magnitude 4.9 tremor near the test site.",
    "Seoul detected a magnitude 5.7 quake in the north-east on Sunday.",
    "Monitors registered a magnitude 3.9 event after the test.",
])
def test_an_article_before_magnitude_is_no_figure(extractor, text):
    assert not any(p == "magnitude" and v == 1 for p, v, _ in claims(extractor, text))


@pytest.mark.parametrize("text, expected", [
    # "forces" counted by a number are troops
    ("Kyiv said Pyongyang had sent some 3,000 forces to the front line.", ("troops", 3000, "approx")),
    ("The number of North Korean forces in Kursk has grown to 11,000, officials said.", ("troops", 11000, "eq")),
    ("About 1,500 forces from both countries took part in the landing drill.", ("troops", 1500, "approx")),
])
def test_forces_counted_are_troops(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # rounds whose sentence names no weapon: the nearest sentence before that names one says what they are
    ("North Korea staged a live artillery drill near the western sea border on Tuesday. Seoul said the North "
     "fired 50 rounds, but none fell south of the line.", "shells"),
    ("The North fired from multiple rocket systems near the border on Friday. The army then ordered its units "
     "to fire about 130 shots in response.", "shells"),
    ("Coastal artillery batteries opened fire on Monday. Officials said roughly 90 rounds were fired.", "shells"),
    # small arms named before keep them rounds
    ("North Korean guards opened fire with machine guns at the border on Monday. Officials said about 20 rounds "
     "were fired.", "rounds"),
])
def test_rounds_take_the_weapon_of_the_sentences_before(extractor, text, expected):
    got = {p for p, _, _ in claims(extractor, text) if p in ("rounds", "shells")}
    assert got == {expected}


@pytest.mark.parametrize("text, expected", [
    # people counted as the "of" complement of a casualty noun
    ("Kyiv confirmed the capture of two North Korean soldiers in the Kursk region.", ("captured", 2, "eq")),
    ("The shelling of the island led to the deaths of four South Koreans.", ("killed", 4, "eq")),
    ("Seoul condemned the killing of three civilians near the border.", ("killed", 3, "eq")),
    ("Police announced the arrest of five crew members of the cargo ship.", ("detained", 5, "eq")),
])
def test_people_of_a_casualty_noun_are_its_figure(extractor, text, expected):
    got = claims(extractor, text)
    assert expected in got and not any(p == "troops" for p, _, _ in got)


def test_people_of_another_noun_are_no_casualty(extractor):
    assert not any(p in ("killed", "captured") for p, _, _ in claims(
        extractor, "Seoul confirmed the deployment of 3,000 North Korean soldiers to the front."))


@pytest.mark.parametrize("text", [
    # missiles a drill fires are its count, as a test's are
    "North Korea staged a missile drill on Thursday that saw four strategic cruise missiles hit a target at sea.",
    "The North held a firing exercise on Sunday in which six short-range missiles were launched, Seoul said.",
])
def test_missiles_a_drill_fires_are_its_count(extractor, text):
    got = claims(extractor, text)
    assert any(p == "count" for p, _, _ in got) and not any(p == "missiles" for p, _, _ in got)


@pytest.mark.parametrize("text, expected", [
    # people who suffered injuries are wounded
    ("Three soldiers suffered serious injuries in the blast near the border.", ("wounded", 3, "eq")),
    ("Two civilians sustained minor injuries in the shelling, officials said.", ("wounded", 2, "eq")),
    ("Four marines received wounds during the clash on the island.", ("wounded", 4, "eq")),
])
def test_people_who_suffered_injuries_are_wounded(extractor, text, expected):
    got = claims(extractor, text)
    assert expected in got and not any(p == "troops" for p, _, _ in got)


def test_people_who_suffered_something_else_are_no_casualty(extractor):
    assert not any(p == "wounded" for p, _, _ in claims(
        extractor, "Some 3,000 soldiers received new orders on Monday."))


@pytest.mark.parametrize("text, expected", [
    # people an event left in a casualty state
    ("The shelling left two soldiers and two civilians dead, the ministry said.", {("killed", 2, "eq")}),
    ("The blast near the border left three marines wounded on Tuesday.", {("wounded", 3, "eq")}),
    ("The sinking of the patrol boat left five sailors missing, the navy said.", {("missing", 5, "eq")}),
])
def test_people_left_in_a_casualty_state(extractor, text, expected):
    got = claims(extractor, text)
    assert expected <= got and not any(p == "troops" for p, _, _ in got)


def test_people_left_elsewhere_are_no_casualty(extractor):
    assert not any(p in ("killed", "wounded") for p, _, _ in claims(
        extractor, "The convoy left 3,000 soldiers at the border on Monday."))


@pytest.mark.parametrize("text, expected", [
    # a unit glued to its number ("140tf", "50kt") is one token for the tokenizer: still a measure
    ("State media said the new motor developed a thrust of 90tf in the ground test.", ("thrust_tf", 90, "eq")),
    ("Analysts put the yield of the underground test at about 60kt.", ("yield_kt", 60, "approx")),
    ("Engineers said the solid-fuel engine produced 1,400kN of thrust during the static test.",
     ("thrust_kn", 1400, "eq")),
])
def test_a_unit_glued_to_its_number(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # an engine's thrust in kilonewtons, with a multiplier or not
    ("The engine develops a maximum thrust of about 1.8 thousand kilonewtons, the agency said.",
     ("thrust_kn", 1800, "approx")),
    ("The static test showed the booster generating 2,100 kN of thrust.", ("thrust_kn", 2100, "eq")),
])
def test_thrust_in_kilonewtons(extractor, text, expected):
    assert expected in claims(extractor, text)


def _ranges(extractor, text):
    doc = make_doc(text, D)
    return {(c.property, c.value, c.value_max) for c in extractor.extract(doc).claims}


@pytest.mark.parametrize("text, expected", [
    # "N unit to M unit": one figure from N to M, as "between N unit and M unit" is
    ("The missiles flew 90 kilometers to 250 kilometers before landing in the sea, the JCS said.",
     ("range_km", 90, 250)),
    ("The projectiles reached an altitude of 40 km to 60 km, Tokyo said.", ("apogee_km", 40, 60)),
    ("Seoul said the rockets flew from 150 km to 300 km after the launch.", ("range_km", 150, 300)),
])
def test_a_range_with_its_unit_said_twice(extractor, text, expected):
    assert expected in _ranges(extractor, text)


@pytest.mark.parametrize("text", [
    # the distance of the target a missile reached is its range
    ("KCNA said the missile reached the designated target in waters 900 kilometers away."),
    ("State media said the new rocket precisely struck a target 600 km distant on Tuesday."),
])
def test_the_distance_of_a_target_reached_is_a_range(extractor, text):
    assert any(p == "range_km" for p, _, _ in claims(extractor, text))




@pytest.mark.parametrize("text, prop", [
    # a measure told with "would" or "must" (no perfect "have") is what a weapon would or must do, no measurement
    ("Fired on a normal trajectory, the missile would fly about 10,000 km, experts said.", "range_km"),
    ("An intercontinental missile must fly more than 5,500 km, by the usual definition.", "range_km"),
    ("All ballistic missiles must travel faster than Mach 5 on their way down, analysts noted.", "speed_mach"),
])
def test_a_measure_of_what_would_or_must_be_is_no_claim(extractor, text, prop):
    assert not [c for c in claims(extractor, text) if c[0] == prop]


def test_a_measure_of_what_would_have_been_stays(extractor):
    got = claims(extractor, "Tokyo said the missile would have flown for about 70 minutes before falling.")
    assert ("flight_time_s", 4200, "approx") in got
