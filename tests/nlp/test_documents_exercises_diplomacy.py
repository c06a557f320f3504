"""Document matrix of exercises, diplomatic engagements, troop deployments and arms transfers (stop 25):
short invented ARTICLES as scraped pages have them (a headline first, sometimes a caption or another
story's headline), in the styles of wire services, papers, broadcasters and briefs. Each lists EVERY event
nkwatch must give for the whole document, and nothing else: a lead told again in other words is one event,
an allied show of force answering a launch is its own event, recaps of earlier drills and meetings are
events of their own days, plans, threats, refusals and denials are none. Every sentence is invented.

Each expected event: (type, conducted_by, date) -- date "YYYY-MM-DD"/"YYYY" (bound "on"), None (no day
known: no value, or only bounded by the report), ANY (not checked)."""
from datetime import date

import pytest

from .helpers import make_doc, unmatched

pytestmark = pytest.mark.model

ANY = object()
NK, SK, US, JP, RU, CN = "North Korea", "South Korea", "United States", "Japan", "Russia", "China"
WT, EX, DE, TD, AT = "weapons_test", "military_exercise", "diplomatic_engagement", "troop_deployment", "arms_transfer"
FRI = date(2025, 3, 14)  # a Friday

ARTICLES = [
    ("show-of-force-answers-launch", FRI,
     "S. Korea, US stage air drills after North's missile launch\n"
     "SEOUL, March 14 (Yonhap) -- South Korea and the United States staged combined air drills involving U.S. "
     "B-1B bombers on Friday, a day after North Korea fired a short-range ballistic missile into the East Sea, "
     "the Joint Chiefs of Staff said.\n"
     "The drills, which took place over the Yellow Sea, also involved South Korean F-35A stealth fighters, the "
     "JCS said.\n"
     "U.S. bombers last flew over the peninsula on February 20 for a trilateral drill with South Korea and "
     "Japan.\n"
     "North Korea has condemned such flights as rehearsals for nuclear war.",
     [(EX, {SK, US}, "2025-03-14"), (WT, {NK}, ANY), (EX, {JP, SK, US}, "2025-02-20")]),
    ("named-exercise-this-year-and-last", FRI,
     "Allies begin Freedom Shield drills amid North Korean threats\n"
     "South Korea and the United States kicked off their annual Freedom Shield exercise on March 10, 2025, "
     "military officials said.\n"
     "The 11-day exercise, which runs through March 20, combines computer-simulated command post training with "
     "field drills.\n"
     "North Korea's foreign ministry denounced the exercise as a rehearsal for invasion and vowed to take "
     "countermeasures.\n"
     "Last year's Freedom Shield drills mobilised about 19,000 troops.",
     [(EX, {SK, US}, "2025-03-10"), (EX, {SK, US}, "2024")]),
    ("summit-and-earlier-summits", FRI,
     "Kim, Putin hold talks in Moscow\n"
     "North Korean leader Kim Jong Un held talks with Russian President Vladimir Putin at the Kremlin on "
     "Wednesday, state media KCNA reported.\n"
     "The two leaders discussed military cooperation and the war in Ukraine, KCNA said.\n"
     "It was their third meeting since September 13, 2023, when they met at the Vostochny Cosmodrome in "
     "Russia's Far East.",
     [(DE, {NK, RU}, "2025-03-12"), (DE, {NK, RU}, "2023-09-13")]),
    ("phone-calls-after-launch", FRI,
     "Yoon, Biden discuss North Korean launch by phone\n"
     "South Korean President Yoon Suk Yeol and U.S. President Joe Biden spoke by phone on Tuesday after North "
     "Korea launched an intercontinental ballistic missile, Yoon's office said.\n"
     "During the 20-minute call, the two leaders agreed to strengthen extended deterrence, the office said.\n"
     "The three leaders are expected to meet on the sidelines of the G7 summit next month.",
     [(DE, {SK, US}, "2025-03-11"), (WT, {NK}, ANY)]),
    ("more-troops-sent", FRI,
     "North Korea sends more troops to Russia, Seoul says\n"
     "North Korea has sent an additional 3,000 troops to Russia, South Korea's National Intelligence Service "
     "said on Thursday.\n"
     "The reinforcements join some 11,000 North Korean soldiers who were deployed to Russia's Kursk region last "
     "year.\n"
     "Neither Pyongyang nor Moscow has confirmed the deployment.",
     [(TD, {NK}, ANY)]),
    ("shipments-tracked", FRI,
     "N. Korea has shipped millions of shells to Russia: report\n"
     "North Korea has shipped more than 20,000 containers of munitions to Russia, according to a report "
     "released on Tuesday by a U.S. think tank.\n"
     "The shipments, tracked by satellite imagery of the port of Rajin, are believed to include millions of "
     "artillery rounds.\n"
     "Washington has warned that the transfers violate UN Security Council resolutions.",
     [(AT, {NK}, None)]),
    ("carrier-arrives-drill-planned", FRI,
     "U.S. aircraft carrier arrives in Busan ahead of trilateral drills\n"
     "The U.S. aircraft carrier USS Carl Vinson arrived at a naval base in Busan on Sunday, the South Korean "
     "navy said.\n"
     "The carrier will take part in a trilateral maritime exercise with South Korea and Japan later this week, "
     "the navy said.\n"
     "Its arrival in Busan is meant to deter North Korea, officials said.",
     [(TD, {US}, "2025-03-09")]),
    ("minister-arrives-and-meets", FRI,
     "Russian defence minister arrives in Pyongyang\n"
     "Russian Defence Minister Andrei Belousov arrived in Pyongyang on Friday for a two-day visit, the Russian "
     "defence ministry said.\n"
     "Belousov was greeted at the airport by his North Korean counterpart No Kwang Chol.\n"
     "He is expected to meet Kim Jong Un on Saturday.",
     [(DE, {NK, RU}, "2025-03-14")]),
    ("talks-and-a-planned-joint-drill", FRI,
     "Also read: Stock markets rally on strong tech earnings\n"
     "North Korea, Russia to hold joint drills, Shoigu says\n"
     "Russian Security Council Secretary Sergei Shoigu said on Wednesday that Russia and North Korea would hold "
     "joint military exercises this year.\n"
     "Shoigu met Kim Jong Un in Pyongyang on Tuesday, KCNA reported.\n"
     "The two countries have never held a joint exercise.",
     [(DE, {NK, RU}, "2025-03-11")]),
    ("brief-deployment-recap", date(2025, 10, 20),
     "Brief: North Korea's troops in Russia, one year on\n"
     "North Korea began sending troops to Russia last year, according to South Korean intelligence.\n"
     "About 11,000 soldiers were stationed in Russia's Kursk region by the end of the year.\n"
     "Pyongyang acknowledged the deployment for the first time on April 28.",
     [(TD, {NK}, "2024")]),
    ("leader-guides-drill", FRI,
     "Kim Jong Un guides artillery firing drill\n"
     "Pyongyang, March 14 (KCNA) -- Kim Jong Un guided a firing drill of long-range artillery units on the "
     "western front on Thursday.\n"
     "The drill was organized to examine the counterattack readiness of the units.\n"
     "Kim expressed great satisfaction over the results of the drill, KCNA said.",
     [(EX, {NK}, "2025-03-13")]),
    ("trilateral-ministers-and-earlier", FRI,
     "Photo: Ministers pose for photographers before their meeting in Tokyo.\n"
     "Top diplomats of S. Korea, US, Japan vow united response to North\n"
     "The foreign ministers of South Korea, the United States and Japan met in Tokyo on Tuesday and pledged a "
     "united response to North Korea's growing nuclear threat.\n"
     "The ministers discussed the North's military cooperation with Russia, a senior official said.\n"
     "They will meet again in Washington in June.",
     [(DE, {JP, SK, US}, "2025-03-11")]),
    ("drill-done-twice-on-two-days", FRI,
     "South Korean marines hold live-fire drills on border islands\n"
     "South Korean marines conducted live-fire drills on Yeonpyeong Island on Tuesday, the Marine Corps said.\n"
     "A similar drill was held on Baengnyeong Island on Thursday.\n"
     "North Korea has denounced such drills near the sea border as provocations.",
     [(EX, {SK}, "2025-03-11"), (EX, {SK}, "2025-03-13")]),
    ("drills-condemned-and-last-years", FRI,
     "North Korea slams allied drills as invasion rehearsal\n"
     "SEOUL, March 14 (AFP) - North Korea on Friday denounced joint military drills by South Korea and the United "
     "States as a rehearsal for invasion, a day after the allies began their annual exercise.\n"
     "The Freedom Shield exercise kicked off on Thursday and will run for 11 days, Seoul's Joint Chiefs of Staff "
     "said.\n"
     "Last year, the allies held Ulchi Freedom Shield on August 19, 2024, with about 19,000 troops.\n"
     "Pyongyang has responded to past drills with missile launches.",
     [(EX, {SK, US}, "2025-03-13"), (EX, {SK, US}, "2024-08-19")]),
    ("timeline-brief", FRI,
     "Timeline: How North Korea and Russia grew closer\n"
     "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on September 13, 2023.\n"
     "Putin paid a state visit to Pyongyang on June 19, 2024, where the two leaders signed a mutual defence "
     "treaty.\n"
     "North Korea has supplied Russia with millions of artillery shells since August 2023, Seoul says.\n"
     "It began deploying troops to Russia in October 2024, according to South Korean intelligence.",
     [(DE, {NK, RU}, "2023-09-13"), (DE, {NK, RU}, "2024-06-19"), (AT, {NK}, ANY), (TD, {NK}, ANY)]),
    ("visit-and-talks-on-two-days", FRI,
     "Blinken in Seoul for talks on North Korea\n"
     "U.S. Secretary of State Antony Blinken arrived in Seoul on Thursday for a two-day visit.\n"
     "He met South Korean Foreign Minister Cho Tae-yul on Friday and discussed North Korea's deepening military "
     "ties with Russia.\n"
     "Blinken will travel to Tokyo on Saturday.",
     [(DE, {US, SK}, "2025-03-13"), (DE, {US, SK}, "2025-03-14")]),
    ("carrier-back-in-port", FRI,
     "US carrier returns to Busan\n"
     "The USS Ronald Reagan aircraft carrier arrived in the South Korean port city of Busan on Thursday, the navy "
     "said.\n"
     "The carrier is expected to take part in a trilateral exercise with South Korea and Japan next week.\n"
     "North Korea has warned that the deployment of US strategic assets could trigger a response.",
     [(TD, {US}, "2025-03-13")]),
    ("arrival-talks-and-a-count", FRI,
     "Xi, Kim hold talks in Beijing\n"
     "Chinese President Xi Jinping and North Korean leader Kim Jong Un held talks in Beijing on Tuesday, Xinhua "
     "said.\n"
     "Kim arrived in the Chinese capital by armoured train on Monday.\n"
     "The two leaders have met five times since 2018.\n"
     "Kim is also expected to visit Shanghai before returning home.",
     [(DE, {CN, NK}, "2025-03-11"), (DE, {CN, NK}, "2025-03-10")]),
    ("deployment-and-arms-one-report", FRI,
     "Ukraine says North Korean troops back in Kursk\n"
     "North Korea has deployed thousands of soldiers to Russia's Kursk region, Ukraine's military intelligence "
     "said on Monday.\n"
     "Pyongyang has also supplied Moscow with artillery shells and short-range ballistic missiles, the agency "
     "said.\n"
     "The North Korean troops were first spotted in Russia last year.",
     [(TD, {NK}, ANY), (AT, {NK}, None)]),
]


def _fits(m, etype: str, states: set, when) -> bool:
    if m.type != etype or set(m.conducted_by) != states:
        return False
    if when is ANY:
        return True
    if when is None:
        return m.date.value is None or m.date.bound != "on"
    return m.date.value == when and m.date.bound == "on"


@pytest.mark.parametrize("published, text, expected", [a[1:] for a in ARTICLES], ids=[a[0] for a in ARTICLES])
def test_article(extractor, published, text, expected):
    found = [m for m in extractor.extract(make_doc(text, published)).mentions if m.modality == "happened"]
    missing, left = unmatched(found, expected, lambda m, want: _fits(m, *want))
    missing = [(etype, sorted(states), when if when is not ANY else "any") for etype, states, when in missing]
    got = [(m.type, m.conducted_by, m.date.value, m.date.bound, text[m.evidence.start:m.evidence.end][:60])
           for m in found]
    assert not missing and not left, {"missing": missing, "extra": [g for g in got if g[4] in
                                                                      {text[m.evidence.start:m.evidence.end][:60]
                                                                       for m in left}], "got": got}


# --- the causes of the articles' failures, each in other phrasings --------------------------------------------

def _events(extractor, text: str, etype: str, published: date = FRI) -> list:
    return [(m.conducted_by, m.date.value) for m in extractor.extract(make_doc(text, published)).mentions
            if m.type == etype and m.modality == "happened"]


@pytest.mark.parametrize("text, expected", [
    # a kinship word makes a bare drill noun one more of the kind the document told, on its own day
    ("South Korean marines conducted live-fire drills on Yeonpyeong Island on Tuesday.\n"
     "A similar drill was held on Baengnyeong Island on Thursday.",
     [(["South Korea"], "2025-03-11"), (["South Korea"], "2025-03-13")]),
    ("The South Korean army staged a river-crossing exercise on Tuesday.\n"
     "Another exercise took place near the border on Thursday.",
     [(["South Korea"], "2025-03-11"), (["South Korea"], "2025-03-13")]),
    ("North Korean artillery units held firing drills near the sea border on Thursday.\n"
     "An earlier drill was held there on March 3, officials said.",
     [(["North Korea"], "2025-03-13"), (["North Korea"], "2025-03-03")]),
    # ... never when no drill was told, nor for one still to come
    ("A similar drill was held on Baengnyeong Island on Thursday.", []),
    ("South Korean marines conducted live-fire drills on Yeonpyeong Island on Tuesday.\n"
     "Another drill is planned for next week.", [(["South Korea"], "2025-03-11")]),
])
def test_kin_drill(extractor, text, expected):
    assert _events(extractor, text, EX) == expected


@pytest.mark.parametrize("text, sea", [
    # a sea named in the clause of the launch a drill followed is the launch's, not the drill's (which, told
    # again over another sea, would be told apart from itself)
    ("South Korea and the United States staged combined air drills on Friday, a day after North Korea fired a "
     "ballistic missile into the East Sea.", "East Sea"),
    ("Japan and the US held a joint naval drill on Friday after North Korea fired two missiles into the Sea of "
     "Japan.", "East Sea"),
    ("The allies conducted joint air drills on Friday, two days after the North launched an ICBM into the "
     "Yellow Sea.", "West Sea"),
])
def test_sea_of_the_launch_is_not_the_drills(extractor, text, sea):
    found = [m for m in extractor.extract(make_doc(text, FRI)).mentions if m.modality == "happened"]
    assert [m.place.name for m in found if m.type == WT] == [sea]
    assert [m.place for m in found if m.type == EX] == [None]


def test_a_drill_told_again_over_its_own_sea_is_one(extractor):
    text = ("South Korea and the United States staged combined air drills on Friday, a day after North Korea fired "
            "a short-range ballistic missile into the East Sea.\nThe drills, which took place over the Yellow Sea, "
            "also involved South Korean F-35A stealth fighters, the JCS said.")
    assert _events(extractor, text, EX) == [(["South Korea", "United States"], "2025-03-14")]


@pytest.mark.parametrize("text", [
    "S. Korea, US stage air drills after North's missile launch",
    "S. Korea, US stage air drills after the North's missile launch",
    "S. Korea, US stage air drills following North's ICBM test",
    "S. Korea, US stage air drills after Russia-N. Korea summit",
])
def test_headline_list_stops_at_the_cue(extractor, text):
    assert _events(extractor, text, EX) == [(["South Korea", "United States"], None)]


@pytest.mark.parametrize("text, recalled", [
    # "they", "the two leaders" of a recalled meeting: every side of the meeting told before
    ("Kim Jong Un held talks with Vladimir Putin at the Kremlin on Wednesday.\n"
     "It was their third meeting since September 13, 2023, when they met at a cosmodrome in Russia's Far East.",
     "2023-09-13"),
    ("Kim Jong Un held talks with Vladimir Putin at the Kremlin on Wednesday.\n"
     "The two leaders last met on September 13, 2023.", "2023-09-13"),
    ("Xi Jinping received Kim Jong Un in Beijing on Wednesday.\n"
     "Both leaders previously met on June 20, 2019, in Pyongyang.", "2019-06-20"),
    # a block naming no state, only the pronoun, is read too (the cascade parses it)
    ("Kim Jong Un held talks with Vladimir Putin at the Kremlin on Wednesday.\n"
     "They met in Vladivostok on April 25, 2019.", "2019-04-25"),
    ("Xi Jinping received Kim Jong Un in Beijing on Wednesday.\n"
     "They first met in Beijing on March 26, 2018.", "2018-03-26"),
])
def test_plural_sides_of_a_recalled_meeting(extractor, text, recalled):
    found = _events(extractor, text, DE)
    assert len(found) == 2 and found[1][1] == recalled
    assert sorted(found[1][0]) == sorted(found[0][0]), found


def test_he_after_a_meeting_is_one_side(extractor):
    text = "Kim Jong Un met Vladimir Putin on Wednesday.\nHe also watched a missile launch on Thursday."
    assert _events(extractor, text, WT) == [(["North Korea"], "2025-03-13")]


@pytest.mark.parametrize("both", ["the two sides", "both sides"])
def test_the_two_sides_of_another_meeting_are_not_the_last_pair(extractor, both):
    text = ("Kim Jong Un met Donald Trump at the border on June 30, 2019.\n"
            f"At a meeting with Sergei Shoigu on Wednesday, {both} agreed to expand cooperation.")
    assert "United States" not in _events(extractor, text, DE)[1][0]


@pytest.mark.parametrize("text, sides", [
    # the states counted stand for the group told before, a meeting's sides too
    ("South Korea, Japan and the United States held a missile defence drill on Wednesday.\n"
     "The three countries held a similar drill on October 3, 2024.", {SK, JP, US}),
    ("Yoon Suk Yeol met Joe Biden on Monday.\nThe two countries held a joint air drill on Tuesday.", {SK, US}),
    ("South Korea and Japan held a joint naval exercise on Monday.\n"
     "The two nations staged another joint drill on March 3.", {SK, JP}),
])
def test_the_states_counted_are_the_group_told(extractor, text, sides):
    found = _events(extractor, text, EX)
    assert len(found) == text.count("drill") + text.count("exercise") and set(found[-1][0]) == sides, found


@pytest.mark.parametrize("text", [
    # "the Koreas" names both, as "the two Koreas" does
    "In the first summit between the Koreas in 2000, then-President Kim Dae-jung flew to Pyongyang.",
    "The Koreas held their first summit in Pyongyang in 2000.",
    "Talks between the Koreas took place at the border village of Panmunjom on Tuesday.",
])
def test_the_koreas_are_both(extractor, text):
    assert [set(s) for s, _ in _events(extractor, text, DE)] == [{NK, SK}]


def test_the_koreas_never_meeting_is_no_meeting(extractor):
    assert _events(extractor, "The Koreas have never held a summit in Seoul.", DE) == []
