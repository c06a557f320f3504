"""Phrasing matrix of military exercises (stop 24): the ordinary ways wire services, newspapers,
broadcasters and briefs report a drill -- named and unnamed, joint and North Korean, active, passive,
nominal, headline, attributed, recap -- and what is no drill (plans, suspensions, condemnations, training
as a purpose). Every sentence is invented. Publication day: Friday, March 14, 2025."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)
US, SK, JP, NK = "United States", "South Korea", "Japan", "North Korea"
ANY = object()   # the row does not fix the date


def drills(extractor, text: str) -> list:
    res = extractor.extract(make_doc(text, D))
    return [m for m in res.mentions if m.type == "military_exercise" and m.modality == "happened"]


# (text, [(sides, date)]): date "YYYY-MM-DD" / "YYYY", None = unknown, ANY = not checked
HELD = [
    # named exercises, the verbs of the field
    ("South Korea and the United States kicked off their annual Freedom Shield exercise on Monday.",
     [((SK, US), "2025-03-10")]),
    ("The allies wrapped up the 11-day Ulchi Freedom Shield drills on Thursday.", [((SK, US), ANY)]),
    ("U.S. and South Korean troops staged Foal Eagle war games on Tuesday.", [((SK, US), "2025-03-11")]),
    ("Key Resolve, a computer-simulated command post exercise, began on Monday.", [((SK, US), "2025-03-10")]),
    ("South Korea, the US and Japan held their first Freedom Edge exercise on Wednesday.",
     [((JP, SK, US), "2025-03-12")]),
    # joint naval and air drills
    ("South Korea, the United States and Japan staged a trilateral naval drill in international waters on Tuesday.",
     [((JP, SK, US), "2025-03-11")]),
    ("The U.S. flew B-1B bombers over the Korean Peninsula on Wednesday in a combined air drill with South "
     "Korean fighter jets.", [((SK, US), "2025-03-12")]),
    ("Japan and the United States conducted joint air drills over the Sea of Japan on Thursday, Tokyo's defence "
     "ministry said.", [((JP, US), "2025-03-13")]),
    ("South Korean and U.S. fighter jets held a combined air exercise involving B-1B bombers on Monday.",
     [((SK, US), "2025-03-10")]),
    ("The navies of the two countries launched a three-day joint maritime exercise off the east coast on Sunday.",
     [((), "2025-03-09")]),
    # headlines: no article, present tense
    ("S. Korea, US stage joint air drills as North fires missiles", [((SK, US), ANY)]),
    ("US, Japan, South Korea hold trilateral naval drills", [((JP, SK, US), ANY)]),
    ("North Korea stages artillery drills near sea border", [((NK,), ANY)]),
    # North Korean drills
    ("North Korea conducted a large-scale artillery firing drill near the western border on Friday, state media "
     "said.", [((NK,), "2025-03-14")]),
    ("Kim Jong Un oversaw a nuclear counterattack drill simulating a strike on enemy air bases on Sunday.",
     [((NK,), "2025-03-09")]),
    ("North Korea's air force staged a massive drill involving 150 warplanes on Thursday, Seoul's JCS said.",
     [((NK,), "2025-03-13")]),
    ("The North Korean navy held a tactical drill near the east coast on Tuesday, KCNA reported.",
     [((NK,), "2025-03-11")]),
    ("North Korean troops carried out a simulated attack on an enemy airfield on Wednesday.",
     [((NK,), "2025-03-12")]),
    ("Pyongyang held live-fire manoeuvres near the sea border on Monday, according to South Korea's Joint Chiefs "
     "of Staff.", [((NK,), "2025-03-10")]),
    ("North Korean special forces practised infiltration tactics in a drill on Tuesday, state media said.",
     [((NK,), "2025-03-11")]),
    # passive
    ("A joint naval exercise was conducted by South Korea and the United States in the Yellow Sea on Tuesday.",
     [((SK, US), "2025-03-11")]),
    ("Large-scale live-fire drills were held by South Korean marines on Yeonpyeong Island on Thursday.",
     [((SK,), "2025-03-13")]),
    # nominal
    ("Tuesday's trilateral air drill by South Korea, the US and Japan involved B-52 bombers.",
     [((JP, SK, US), "2025-03-11")]),
    ("North Korea fired the missiles a day after the end of the Freedom Shield exercise.", [((SK, US), ANY)]),
    # attributed
    ("According to Japan's defence ministry, Russian and Chinese warships held joint naval exercises in the Sea of "
     "Japan on Wednesday.", [(("China", "Russia"), "2025-03-12")]),
    ("Seoul's Joint Chiefs of Staff said the South Korean and U.S. air forces conducted a combined drill on "
     "Thursday.", [((SK, US), "2025-03-13")]),
    # other states
    ("Russia and North Korea held their first joint military exercise on Tuesday, the Kremlin said.",
     [((NK, "Russia"), "2025-03-11")]),
    ("China held naval drills in the Yellow Sea on Monday, days after North Korea's missile launch.",
     [(("China",), "2025-03-10")]),
    ("Japan's Self-Defense Forces and the US military held a joint missile defence drill on Friday.",
     [((JP, US), "2025-03-14")]),
    # recaps
    ("South Korea and the United States held Ulchi Freedom Shield on August 19, 2024.", [((SK, US), "2024-08-19")]),
    ("The allies staged Freedom Shield last year with 19,000 troops.", [((SK, US), "2024")]),
    # numbers
    ("About 19,000 South Korean troops took part in the drills on Monday.", [((SK,), "2025-03-10")]),
    ("The drills mobilised some 240 warplanes from South Korea and the United States on Monday.",
     [((SK, US), "2025-03-10")]),
    # ended, concluded
    ("The annual joint exercise between South Korea and the United States ended on Thursday.",
     [((SK, US), ANY)]),
    ("The two countries concluded their combined naval drill off Busan on Wednesday.", [((), ANY)]),
]


NOT_HELD = [
    "South Korea and the United States will hold joint military drills next month.",
    "The allies postponed their springtime drills to make room for diplomacy.",
    "Washington and Seoul suspended the Ulchi Freedom Guardian exercise in 2018.",
    "North Korea denounced the planned joint drills as a rehearsal for invasion.",
    "The allies cancelled the Freedom Edge exercise because of a typhoon.",
    "North Korea called on the United States to halt its joint exercises with South Korea.",
    "South Korea said it would scale down the Ulchi Freedom Shield exercise this year.",
    "The soldiers train to defend the coast against landings.",
    "The US and South Korea have not held large-scale field exercises since 2018.",
    "Seoul is considering resuming joint drills near the border.",
    "North Korea vowed to hold more nuclear counterattack drills.",
    "Pyongyang warned that it would stage powerful military drills if the allies went ahead.",
    "The troops were sent to Russia for training, officials said.",
    "The allies agreed to expand their joint exercises, the defence ministers said on Tuesday.",
]

HELD2 = [
    ("The allies' springtime exercise got under way on Monday with 48 field training events.", [((), "2025-03-10")]),
    ("Freedom Shield, which runs through March 20, commenced on Monday.", [((SK, US), "2025-03-10")]),
    ("South Korean and American forces have been conducting combined drills since Monday.", [((SK, US), "2025-03-10")]),
    ("The joint drills, which began on Monday, involve about 19,000 troops.", [((), "2025-03-10")]),
    ("North Korea's military staged a river-crossing drill on Wednesday, KCNA said.", [((NK,), "2025-03-12")]),
    ("North Korean artillery units held firing practice near Yeonpyeong Island on Tuesday.", [((NK,), "2025-03-11")]),
    ("The North carried out military maneuvers near the border on Thursday.", [((NK,), "2025-03-13")]),
    ("Seoul mobilised fighter jets and tanks for a live-fire exercise near the border on Wednesday.", [((SK,), "2025-03-12")]),
    ("South Korea conducted a mock air raid drill on Tuesday.", [((SK,), ANY)]),
    ("U.S. and South Korean marines practised amphibious landings in Pohang on Tuesday.", [((SK, US), "2025-03-11")]),
    ("Two US B-52 bombers joined South Korean and Japanese fighter jets in a trilateral air exercise on Sunday.", [((JP, SK, US), "2025-03-09")]),
    ("The U.S. aircraft carrier took part in a combined naval drill with the South Korean navy on Thursday.", [((SK, US), "2025-03-13")]),
    ("North Korea's Kim guides tactical drills of artillery units", [((NK,), ANY)]),
    ("Kim Jong Un watched a firing contest of multiple rocket launcher units on Tuesday, KCNA said.", [((NK,), ANY)]),
    ("The drills simulated a retaliatory nuclear strike on the enemy, state media said on Tuesday.", [((), ANY)]),
    ("Russian and North Korean sailors held a joint naval exercise off Vladivostok on Monday.", [((NK, "Russia"), "2025-03-10")]),
    ("South Korea's army performed a counter-infiltration exercise along the coast on Wednesday.", [((SK,), "2025-03-12")]),
    ("The annual Ssangyong amphibious exercise kicked off on Monday.", [((SK, US), "2025-03-10")]),
    # a part of a drill: whoever does it takes part ("as part of", "in the final phase of")
    ("US bombers flew over the peninsula as part of joint drills with South Korean jets on Tuesday.",
     [((SK, US), "2025-03-11")]),
    ("A US destroyer sailed near the islands in the final phase of joint naval drills with Japan on Tuesday.",
     [((JP, US), "2025-03-11")]),
    # the side a verb of joining takes as its object took part too
    ("South Korean jets escorted the US bombers in a combined drill on Tuesday.", [((SK, US), "2025-03-11")]),
    ("American destroyers accompanied Japanese warships in the exercise on Tuesday.", [((JP, US), "2025-03-11")]),
    # headlines whose verb the parser read as a noun, or whose list it cut
    ("Japan, US stage joint air drills near Korean Peninsula", [((JP, US), ANY)]),
    ("Russia, China stage naval drills in Sea of Japan", [(("China", "Russia"), ANY)]),
    ("Seoul, Tokyo hold first joint naval drills", [((JP, SK), ANY)]),
    ("On Monday, North Korea held artillery drills.", [((NK,), "2025-03-10")]),
    # weapons fired for practice, combat between aircraft played out
    ("U.S. and South Korean jets staged a mock dogfight over the Yellow Sea on Tuesday.", [((SK, US), "2025-03-11")]),
    ("The crews carried out gunnery practice at sea on Tuesday, the navy said.", [((), "2025-03-11")]),
    ("South Korean F-15K jets engaged in mock air combat with US F-16s on Tuesday.", [((SK, US), "2025-03-11")]),
    # who a drill involved: "from"/"of" phrases name members, phrases of place do not
    ("North Korea held an artillery drill on Thursday. The exercise involved units near the border within range "
     "of the South Korean capital.", [((NK,), "2025-03-13")]),
    ("The drill on Tuesday involved troops of the US Army and South Korean marines.", [((SK, US), "2025-03-11")]),
    # a drill whose participle names its doers is theirs, not the clause's subject's
    ("North Korea's military activities are taking place amid joint drills conducted by South Korean and US forces.",
     [((SK, US), ANY)]),
    ("North Korea fired two missiles on Tuesday during drills staged by the US and Japan.", [((JP, US), None)]),
    ("Pyongyang launched a rocket on Friday amid exercises conducted by South Korea and the United States.",
     [((SK, US), None)]),
    # a drill watched, or one during which a weapon was fired: the day of the verb
    ("Kim Jong Un inspected a drill of the KPA's special operation units on Tuesday.", [((NK,), "2025-03-11")]),
    ("Seoul's marines fired K9 howitzers during a routine drill on Yeonpyeong on Tuesday.", [((SK,), "2025-03-11")]),
    # a possessive pronoun owning forces: the state the report's subject names
    ("North Korea said its air force conducted a mass flight drill on Tuesday.", [((NK,), "2025-03-11")]),
    ("Seoul said its marines held live-fire drills on Tuesday.", [((SK,), "2025-03-11")]),
    # contests of fire, bombing rehearsed, a leader presiding
    ("North Korea's Kim supervises artillery fire contest", [((NK,), ANY)]),
    ("Kim Jong Un watched an artillery firing contest on Tuesday.", [((NK,), "2025-03-11")]),
    ("South Korean warplanes conducted a mock bombing run near the border on Tuesday.", [((SK,), "2025-03-11")]),
    ("US B-1B bombers held a bombing drill with South Korean jets on Tuesday.", [((SK, US), "2025-03-11")]),
    ("Kim Jong Un presided over a tactical drill of ground forces on Tuesday, KCNA said.", [((NK,), "2025-03-11")]),
    # an act of war played out, whatever words stand between the mock word and the noun
    ("North Korea performed a simulated nuclear attack on South Korea's airfields on Tuesday.",
     [((NK,), "2025-03-11")]),
    ("South Korean marines staged a mock amphibious assault on a beach in Pohang on Tuesday.",
     [((SK,), "2025-03-11")]),
    ("The jets carried out simulated precision strikes on enemy command posts on Tuesday.", [((), "2025-03-11")]),
    # begun, whatever the future of its end says
    ("The war games, which started on Monday, will last until March 20.", [((), "2025-03-10")]),
    ("The joint drills, which kicked off Monday, will run through Friday, the ministry said.", [((), "2025-03-10")]),
    ("The naval exercise, launched on Monday, will continue for 11 days.", [((), "2025-03-10")]),
    # going on since a day: begun that day
    ("The joint exercise has been under way since Monday.", [((), "2025-03-10")]),
    ("Seoul and Washington have been holding their summertime exercise since Monday.", [((SK, US), "2025-03-10")]),
]
NOT2 = [
    "The joint exercises are held every year in March and August.",
    "North Korea has long denounced the drills as rehearsals for invasion.",
    "The exercise is scheduled to start on March 20.",
    "The allies plan to stage a trilateral exercise later this year.",
    "The drills were scaled back in 2018 to support diplomacy with Pyongyang.",
    "Trump said he would stop the war games, which he called provocative.",
    "North Korea demanded an end to the joint drills on Tuesday.",
    "If the allies hold the drills, Pyongyang will respond, KCNA said.",
    "The soldiers were trained in night combat, defectors said.",
    "The exercise was called off because of the pandemic.",
    "Seoul and Washington decided not to hold the exercise this year.",
    "Officials said the drills would involve fewer troops than last year.",
    # a real attack, a simulated warhead: no drill
    "Russian forces launched a massive attack on Kharkiv on Tuesday.",
    "North Korea launched a missile tipped with a simulated nuclear warhead on Tuesday.",
    # still to begin
    "The joint drills, which will begin on Monday, will last until March 20.",
    "The joint drills, scheduled to begin on Monday, will last 11 days.",
    # refused
    "The US declined to join the drills on Tuesday.",
    "Japan refused to take part in the trilateral exercise on Tuesday.",
    # a part of drills told as a judgement, not as done
    "The ship's violation of the sea border is seen as part of military drills by the North.",
    "The flights are viewed as part of the North's winter training, analysts said.",
]


@pytest.mark.parametrize("text, expected", HELD + HELD2)
def test_held(extractor, text, expected):
    found = drills(extractor, text)
    assert len(found) == len(expected), (text, [(m.conducted_by, m.date.value) for m in found])
    for m, (sides, when) in zip(found, expected):
        if sides:
            assert sorted(m.conducted_by) == sorted(sides), (text, m.conducted_by)
        if when is not ANY:
            assert m.date.value == when, (text, m.date.value)


@pytest.mark.parametrize("text", NOT_HELD + NOT2)
def test_not_held(extractor, text):
    assert drills(extractor, text) == [], text
