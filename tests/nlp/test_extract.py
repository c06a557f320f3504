"""The extractor on invented news sentences: event types, weapon classes, modality, attribution,
claims, dates and evidence offsets. All texts are written for these tests."""
from datetime import date

import pytest

from nkwatch.models import EVENT_TYPES, Extraction, to_dict
from nkwatch.nlp.extract import blocks_of

from .helpers import FakeTagger, make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def run(extractor, text, published=D) -> tuple:
    doc = make_doc(text, published)
    return doc, extractor.extract(doc)


def types(res: Extraction) -> list[str]:
    return [m.type for m in res.mentions]


@pytest.mark.parametrize("text, etype, cls", [
    ("North Korea fired two short-range ballistic missiles into the East Sea on Thursday, South Korea's Joint Chiefs "
     "of Staff said.", "weapons_test", "srbm"),
    ("Pyongyang test-launched a Hwasong-18 intercontinental ballistic missile on Wednesday, Japan's defense ministry "
     "said.", "weapons_test", "icbm"),
    ("The North launched a submarine-launched ballistic missile off its east coast on Monday, officials said.",
     "weapons_test", "slbm"),
    ("North Korea conducted its seventh nuclear test at the Punggye-ri site on Tuesday, Seoul said.",
     "weapons_test", "nuclear_test"),
    ("The country carried out a ground jet test of a high-thrust solid-fuel engine on Thursday, KCNA said.",
     "weapons_test", "engine_test"),
    ("North Korea launched a reconnaissance satellite from the Sohae Satellite Launching Ground on Wednesday.",
     "weapons_test", "space_launch"),
    ("The military fired several cruise missiles over the West Sea on Tuesday, the JCS said.", "weapons_test", "cruise"),
    ("Kim Jong Un watched a test-fire of new-type anti-aircraft missiles on Thursday, state media reported.",
     "weapons_test", "anti_air"),
    ("The Academy of Defence Science test-fired a 240mm multiple rocket launcher on Monday.", "weapons_test", "mlrs"),
    ("Kim personally test-fired a new sniper rifle at a training ground on Tuesday, KCNA said.",
     "weapons_test", "small_arms"),
    ("The navy tested the Haeil underwater nuclear weapon system in the East Sea on Monday.",
     "weapons_test", "torpedo_underwater"),
    ("North Korea test-fired a new anti-tank missile on Wednesday, state media said.", "weapons_test", "anti_tank"),
    ("North Korea fired a hypersonic missile on Tuesday, Seoul's military said.", "weapons_test", "hypersonic"),
    ("The army fired dozens of artillery shells near the eastern port of Wonsan on Thursday, the JCS said.",
     "weapons_test", "artillery"),
    ("The North test-fired a medium-range ballistic missile into the sea on Friday, Tokyo said.", "weapons_test",
     "mrbm"),
    ("Officials said a Hwasong-12 was fired over Japan on Tuesday.", "weapons_test", "irbm"),
    ("North Korea launched a ballistic missile toward the East Sea on Sunday, the JCS said.", "weapons_test",
     "ballistic_unspecified"),
    ("Pyongyang conducted a test of a new strategic drone on Monday, state media reported.", "weapons_test", "other"),
    # no class is better than a guessed one
    ("North Korea fired an unidentified projectile off its east coast on Saturday, Seoul said.", "weapons_test",
     None),
])
def test_weapons_tests_and_classes(extractor, text, etype, cls):
    _, res = run(extractor, text)
    tests = [m for m in res.mentions if m.type == etype]
    assert len(tests) == 1 and tests[0].weapon_class == cls


@pytest.mark.parametrize("text, etype", [
    ("South Korea and the United States began their annual Freedom Shield joint military exercise on Monday.",
     "military_exercise"),
    ("North Korean special forces held a combat training exercise at a base near Pyongyang on Wednesday.",
     "military_exercise"),
    ("Seoul's spy agency said North Korea had sent about 3,000 more troops to Russia.", "troop_deployment"),
    ("Ukrainian officials said North Korea shipped millions of artillery shells to Russia last year.",
     "arms_transfer"),
    ("Russian Foreign Minister Sergei Lavrov held talks with North Korean Foreign Minister Choe Son Hui in Pyongyang "
     "on Thursday.", "diplomatic_engagement"),
    ("Kim Jong Un inspected a munitions factory producing artillery shells on Tuesday, KCNA reported.",
     "military_inspection"),
    ("Kim Jong Un attended a ceremony honoring soldiers who returned from the front on Wednesday.", "ceremony"),
    ("Ukrainian forces launched a counteroffensive in the Kursk region on Monday, the Kremlin said.",
     "combat_operation"),
    ("South Korean troops fired warning shots after North Korean soldiers crossed the Military Demarcation Line on "
     "Tuesday, the JCS said.", "border_incident"),
    ("North Korea flew hundreds of trash balloons across the border into South Korea on Wednesday.",
     "border_incident"),
])
def test_each_event_type(extractor, text, etype):
    _, res = run(extractor, text)
    assert etype in types(res)


@pytest.mark.parametrize("text", [
    "North Korea will launch a reconnaissance satellite next week, Japan's coast guard said.",
    "Pyongyang threatened to conduct a nuclear test if the drills continue.",
    "North Korea denied that it had sent troops to Russia.",
    "The North could fire an ICBM in the coming days, analysts said.",
    "President Lee is scheduled to travel to Washington for a summit with Donald Trump.",
    "North Korea has long been hostile to joint military drills between Seoul and Washington.",
    "Pyongyang conducted numerous ballistic missile tests throughout last year.",
    "Officials are preparing for a possible nuclear test at Punggye-ri.",
])
def test_what_did_not_happen_is_not_an_event(extractor, text):
    _, res = run(extractor, text)
    assert res.mentions == []


def test_attribution_and_anaphora(extractor):
    text = ("North Korea fired a ballistic missile on Thursday, South Korea's spy agency said.\n"
            "It said the missile flew about 800 km before landing in the sea.")
    doc, res = run(extractor, text)
    (m,) = res.mentions
    assert m.sources == ["NIS"]
    (c,) = [c for c in res.claims if c.property == "range_km"]
    assert (c.value, c.bound, c.source, c.mention_id) == (800, "approx", "NIS", m.id)
    assert doc.span_text(c.evidence) == "about 800 km"


@pytest.mark.parametrize("text, prop, value, value_max, bound", [
    ("The missile flew 1,000 km for 71 minutes, KCNA said.", "flight_time_s", 4260, None, "eq"),
    ("The missile reached an altitude of 6,000 km, Japan's defense ministry said.", "apogee_km", 6000, None, "eq"),
    ("The cruise missile took between 7,961 and 7,973 seconds to hit the target, the agency said.", "flight_time_s",
     7961, 7973, "eq"),
    ("Officials estimate that more than 12,000 troops have been deployed to Russia.", "troops", 12000, None, "ge"),
    ("Some 1,200 North Korean soldiers were killed in the fighting, Ukrainian officials said.", "killed", 1200, None,
     "approx"),
    ("North Korea sent over 20,000 containers of munitions to Russia, Seoul said.", "containers", 20000, None, "ge"),
    ("Pyongyang has shipped 1.5 million artillery shells to Russia, officials said.", "shells", 1_500_000, None, "eq"),
    ("The glide vehicle reached Mach 12, state media said.", "speed_mach", 12, None, "eq"),
    ("The quake had a magnitude 5.7 reading at the test site, experts said.", "magnitude", 5.7, None, "eq"),
])
def test_claims(extractor, text, prop, value, value_max, bound):
    _, res = run(extractor, text)
    found = [(c.value, c.value_max, c.bound) for c in res.claims if c.property == prop]
    assert (value, value_max, bound) in found


@pytest.mark.parametrize("text, expected", [
    # a hedge scopes over coordinated figures (conjuncts, or sibling objects joined by "as well as")
    ("Officials estimate that the North sent around 9,000 troops to Russia, as well as 2,000 reinforcements "
     "to replace losses.", {("troops", 9000, "approx"), ("reinforcements", 2000, "approx")}),
    ("Officials said the North shipped some 6,000 containers and 3 million shells to Russia.",
     {("containers", 6000, "approx"), ("shells", 3_000_000, "approx")}),
    # no hedge, or a hedge on another clause's figure, leaves a figure exact
    ("Officials said 9,000 troops were deployed; about 300 were killed.",
     {("troops", 9000, "eq"), ("killed", 300, "approx")}),
])
def test_hedge_over_coordinated_figures(extractor, text, expected):
    _, res = run(extractor, text)
    assert expected <= {(c.property, c.value, c.bound) for c in res.claims}


def test_claim_period_and_subject(extractor):
    text = "Intelligence agencies said over 10,000 North Korean troops were deployed to Russia last year."
    _, res = run(extractor, text)
    (c,) = [c for c in res.claims if c.property == "troops"]
    assert c.period == "2024" and c.subject == "dprk-troops-russia" and c.bound == "ge"


def test_dates(extractor):
    text = ("North Korea fired two cruise missiles on Wednesday, South Korea's military said.\n"
            "This picture taken on March 10, 2025 shows a test-fire of a new anti-aircraft missile.\n"
            "Kim Jong Un inspected an artillery unit, the KCNA reported on Thursday.\n"
            "On the same day, the NIS said North Korea had sent more troops to Russia.")
    doc, res = run(extractor, text)
    got = {m.type + ":" + str(m.weapon_class): (m.date.value, m.date.method, m.date.bound) for m in res.mentions}
    assert got["weapons_test:cruise"] == ("2025-03-12", "relative", "on")
    assert got["weapons_test:anti_air"] == ("2025-03-10", "explicit", "on")
    assert got["military_inspection:None"] == ("2025-03-13", "report_date", "on_or_before")
    assert got["troop_deployment:None"] == ("2025-03-13", "report_date", "on_or_before")


def test_the_same_day_takes_its_day_from_a_block_that_is_not_parsed(extractor):
    text = ("The harvest festival opened in the capital on Monday.\n"  # nothing to parse: tagged when asked
            "On the same day, North Korea fired two cruise missiles, South Korea's military said.")
    assert [bool(p) for p in extractor._to_parse(blocks_of(make_doc(text, D), extractor.lex.wrap_words), D)] == [False, True]
    _, res = run(extractor, text)
    (m,) = res.mentions
    assert (m.date.value, m.date.bound) == ("2025-03-10", "on")


def test_no_publication_date_means_no_relative_date(extractor):
    text = "Kim Jong Un oversaw the test-firing of two antiair missiles, state media reported Sunday."
    _, res = run(extractor, text, published=None)
    (m,) = res.mentions
    assert m.date.value is None and m.count == 2


def test_dateline_bounds_the_lead_event_only_when_no_other_day_is_named(extractor):
    lead = "Pyongyang, March 14 (KCNA) -- Kim Jong Un inspected a tank unit of the Korean People's Army.\n"
    _, res = run(extractor, lead)
    (m,) = res.mentions
    assert (m.date.value, m.date.bound, m.sources) == ("2025-03-14", "on_or_before", ["KCNA"])
    _, res = run(extractor, lead + "The unit was founded on Monday decades ago.")
    assert res.mentions[0].date.value is None


def test_recurring_events_are_not_one_event(extractor):
    _, res = run(extractor, "The joint military exercises between the two allies are held every year.")
    assert res.mentions == []


def test_repeated_reports_of_one_launch_merge(extractor):
    text = ("North Korea launched a Hwasong-19 ICBM on Thursday, Japan's defense ministry said.\n"
            "The missile flew for 86 minutes and landed outside Japan's exclusive economic zone.\n"
            "South Korea's military said it detected the launch from the Pyongyang area.\n"
            "Separately, the North fired several short-range ballistic missiles on Tuesday.")
    doc, res = run(extractor, text)
    tests = sorted((m.weapon_class, m.date.value) for m in res.mentions if m.type == "weapons_test")
    assert tests == [("icbm", "2025-03-13"), ("srbm", "2025-03-11")]
    icbm = next(m for m in res.mentions if m.weapon_class == "icbm")
    assert icbm.weapon == "Hwasong-19"
    assert {"Japan's defense ministry", "South Korea's military"} <= set(icbm.sources)
    flight = next(c for c in res.claims if c.property == "flight_time_s")
    assert flight.value == 86 * 60 and flight.mention_id == icbm.id


def test_evidence_points_into_the_original_text(extractor):
    text = "  Headline line\n\nSeoul said the North fired a ballistic missile on Friday.\n"
    doc, res = run(extractor, text)
    (m,) = res.mentions
    assert doc.span_text(m.evidence) == "the North fired a ballistic missile on Friday"
    assert m.type in EVENT_TYPES and 0 < m.confidence <= 1


def test_cascade_gives_identical_results(settings):
    from nkwatch.nlp.extract import Extractor
    docs = [make_doc(t, D, f"d{n}.txt") for n, t in enumerate([
        "The weather was fine.\nKim Jong Un inspected a naval base, KCNA said.\nIt added he was satisfied.",
        "Farmers harvested rice.\nIt said the missile flew 600 km on Thursday.",
        "North Korea sent troops to Russia, the NIS said.\nThe agency said 12,000 were deployed.",
    ])]
    on = [to_dict(r) for r in Extractor(settings, tagger=FakeTagger()).extract_many(docs)]
    off = [to_dict(r) for r in Extractor(settings, cascade=False, tagger=FakeTagger()).extract_many(docs)]
    assert on == off and any(r["mentions"] for r in on)


def test_version_tracks_data_and_code(extractor):
    assert extractor.version.startswith("extract-") and len(extractor.version) > 12


@pytest.mark.parametrize("text, expected", [
    # a place inside another event's phrase belongs to that event, not to the restated test
    ("North Korea test-fired two anti-air missiles on Saturday, KCNA said. The test coincided with the South "
     "Korean president's visit to Tokyo for talks with the Japanese prime minister.",
     {("weapons_test", None), ("diplomatic_engagement", "Tokyo")}),
    ("North Korea fired a ballistic missile on Monday. The launch came as allied troops staged drills near Seoul.",
     {("weapons_test", None), ("military_exercise", "Seoul")}),
    # the verb a test is the subject of still gives its place
    ("North Korea fired a cruise missile on Sunday. The test was conducted over the Yellow Sea, KCNA said.",
     {("weapons_test", "West Sea")}),
])
def test_places_stay_with_their_own_event(extractor, text, expected):
    _, res = run(extractor, text)
    assert {(m.type, m.place.name if m.place else None) for m in res.mentions} == expected


@pytest.mark.parametrize("text, place", [
    # the name in apposition to a common noun ("the town of X", "the border village of X")
    ("North Korea fired a cruise missile from the coastal town of Onchon on Tuesday, officials said.", "Onchon"),
    ("A U.S. aircraft carrier arrived in the South Korean port city of Busan on Monday.", "Busan"),
    # launch sites and airfields under their spellings in the press
    ("North Korea launched a long-range rocket from its Dongchang-ri launch site on Sunday.",
     "Sohae Satellite Launching Ground"),
    ("The missile took off from the Banghyon airfield on Friday, the military said.", "Panghyon Airbase"),
    # the sea border, not the land border, when the border is maritime
    ("North Korea fired dozens of artillery shells near the maritime border with South Korea on Friday.",
     "Northern Limit Line"),
    # the sea named by the countries it lies between
    ("North Korea fired a ballistic missile into the sea between the Korean Peninsula and Japan on Monday.",
     "East Sea"),
])
def test_place_names_in_apposition_possessive_and_variant_spellings(extractor, text, place):
    _, res = run(extractor, text)
    assert res.mentions and res.mentions[0].place is not None and res.mentions[0].place.name == place


@pytest.mark.parametrize("text", [
    "South Korean troops launched artillery firing drills near the border on Tuesday.",
    "The marines fired off a joint military exercise with U.S. forces on the island on Monday.",
])
def test_launching_a_drill_is_no_weapons_test(extractor, text):
    res = extractor.extract(make_doc(text, date(2025, 3, 14)))
    assert [m.type for m in res.mentions] == ["military_exercise"]


@pytest.mark.parametrize("text", [
    "The new submarine was designed to ensure the launch of heavy torpedoes and cruise missiles.",
    "The destroyer is equipped to fire ship-to-ship missiles, the navy said on Monday.",
    "It is a bomber capable of launching cruise missiles from long range.",
])
def test_what_a_thing_is_built_for_is_no_event(extractor, text):
    res = extractor.extract(make_doc(text, date(2025, 3, 14)))
    assert [m for m in res.mentions if m.type == "weapons_test"] == []


@pytest.mark.parametrize("text, source", [
    # a reporting subject headed by a reporter noun is kept as its words, not reduced to the state it names
    ("About 200 North Korean soldiers have been killed while fighting for Russia against Ukraine, South Korean "
     "lawmakers said on Monday.",
     "South Korean lawmakers"),
    ("Moscow has delivered anti-aircraft missiles to Pyongyang, a top South Korean defence official said.",
     "top South Korean defence official"),
    ("Russian news agencies reported that the two foreign ministers met in Pyongyang on Tuesday.",
     "Russian news agencies"),
    ("North Korea fired a cruise missile on Wednesday, military officials said.", "military officials"),
    # "quoting X", "as per X": X is a source
    ("North Korea fired two ballistic missiles on Thursday, the agency reported, quoting the Joint Chiefs of Staff.",
     "JCS"),
    ("As per the Joint Chiefs of Staff, the North fired two short-range ballistic missiles into the sea on Tuesday.",
     "JCS"),
])
def test_reporting_subject_kept_as_written(extractor, text, source):
    _, res = run(extractor, text)
    assert res.mentions and source in res.mentions[0].sources
    assert not any(s in ("South Korea", "Ukraine", "Russia") for s in res.mentions[0].sources)


def test_a_bare_or_anaphoric_reporter_names_no_new_source(extractor):
    _, res = run(extractor, "North Korea fired a cruise missile on Wednesday, officials said.")
    assert res.mentions and res.mentions[0].sources == []


@pytest.mark.parametrize("second, source", [
    # "the agency", "it", "the report" refer to the reporter, not to whom it cited
    ("The missile flew 600 km, the agency said.", "Yonhap"),
    ("The missile flew 600 km, the report said.", "Yonhap"),
    # an anaphor naming a kind of body refers to the last source of that kind
    ("The missile flew 600 km, the military said.", "South Korea's military"),
])
def test_an_anaphoric_reporter_refers_to_the_right_source(extractor, second, source):
    text = ("North Korea fired a ballistic missile on Thursday, Yonhap reported, citing South Korea's military.\n"
            + second)
    _, res = run(extractor, text)
    (c,) = [c for c in res.claims if c.property == "range_km"]
    assert c.source == source


@pytest.mark.parametrize("text", [
    "Troops fired warning shots as North Korean soldiers crossed the border into the South, South Korean news "
    "agency Yonhap reported on Friday.",
    "Guards fired warning shots after North Korean soldiers crossed into the South, news agency Yonhap reported.",
])
def test_a_source_right_before_a_subjectless_reporting_verb_is_its_subject(extractor, text):
    _, res = run(extractor, text)
    assert res.mentions and all("Yonhap" in m.sources for m in res.mentions)


@pytest.mark.parametrize("text, source", [
    ("In a statement broadcast by Yonhap, the military said North Korean soldiers crossed the border on Sunday.",
     "Yonhap"),
    ("In remarks aired by KCTV, Kim Jong Un said the army fired two cruise missiles on Sunday.", "KCNA"),
])
def test_the_outlet_that_carried_a_statement_is_a_source(extractor, text, source):
    _, res = run(extractor, text)
    assert res.mentions and source in res.mentions[0].sources


def test_a_paragraph_attributes_its_story_once(extractor):
    text = ("North Korea fired about 60 artillery shells toward a border island on Friday. All of them fell into "
            "the buffer zone, Yonhap reported, citing the Joint Chiefs of Staff.\n"
            "North Korea launched a cruise missile on Thursday.\n")
    _, res = run(extractor, text)
    shells = [m for m in res.mentions if m.type == "border_incident"]
    assert shells and {"Yonhap", "JCS"} <= set(shells[0].sources)
    assert all(m.sources == [] for m in res.mentions if m.type == "weapons_test")


def test_a_sentence_telling_another_event_lends_no_source(extractor):
    text = "North Korea fired a ballistic missile on Friday. Separately, the JCS said South Korea held a naval drill."
    _, res = run(extractor, text)
    (m,) = [m for m in res.mentions if m.type == "weapons_test"]
    assert m.sources == []


def test_a_story_told_one_sentence_a_line_takes_the_next_lines_source(extractor):
    text = ("North Korea fired about 60 artillery shells toward a border island on Friday.\n"
            "All the shells fell into the maritime buffer zone, Yonhap reported, citing the military.\n")
    _, res = run(extractor, text)
    (m,) = [m for m in res.mentions if m.type == "border_incident"]
    assert "Yonhap" in m.sources


def test_an_earlier_attribution_of_the_paragraph_lends_no_source(extractor):
    text = ("A senior official, Kim Min-su, said the allies would keep up their joint drills. North Korea fired "
            "about 60 artillery shells toward a border island on Friday.")
    _, res = run(extractor, text)
    (m,) = [m for m in res.mentions if m.type == "border_incident"]
    assert m.sources == []
