"""Document matrix of CROSS-TYPE DOCUMENT LOGIC (round 16): invented short articles, as wire services,
papers, broadcasters and think-tank briefs write them (a headline first, sometimes a caption or an
unrelated headline scraped in), each with the FULL list of events nkwatch must give. One event told
several times (headline, lead, "the launch", "Sunday's test", a quote) is ONE event; two events of a type
told on different days are TWO, each with its own date; a date given once is implied after; weekday
dates without "on"; a page with no publication day keeps weekdays unknown. Each expected event is
(type, date or None, the states that conducted it)."""
from __future__ import annotations

from datetime import date

import pytest

from nkwatch.settings import Settings

from .helpers import make_doc

pytestmark = pytest.mark.model

NK, SK, US, RU, JP = "North Korea", "South Korea", "United States", "Russia", "Japan"
WT, EX, DE, BI, CE, IN, DP = ("weapons_test", "military_exercise", "diplomatic_engagement", "border_incident",
                              "ceremony", "military_inspection", "troop_deployment")

ARTICLES = [
    # 1. wire story: the lead launch told again as "the launch", "the missile", "the firing" in a quote
    ("North Korea fires ballistic missile into sea\n"
     "SEOUL (AP) - North Korea fired a ballistic missile into the sea off its east coast on Thursday, South "
     "Korea's military said.\n"
     "Japan's defense ministry said the missile flew about 350 kilometers before falling outside Japan's "
     "exclusive economic zone.\n"
     "The launch was the North's third this month.\n"
     "\"The firing is a clear violation of Security Council resolutions,\" a Japanese official said.",
     date(2025, 3, 20), [(WT, "2025-03-20", {NK})]),
    # 2. two launches of a type on different days, told apart by their day and weapon
    ("N. Korea fires cruise missiles, days after ballistic missile launch\n"
     "North Korea fired several cruise missiles into the Yellow Sea on Sunday, the Joint Chiefs of Staff said.\n"
     "The JCS said the missiles were detected off the west coast around 7 a.m.\n"
     "On Thursday, the North fired a short-range ballistic missile from the Pyongyang area that flew about "
     "300 kilometers.",
     date(2025, 3, 24), [(WT, "2025-03-23", {NK}), (WT, "2025-03-20", {NK})]),
    # 3. weekday dates without "on"; the allies' response the next day is an event of its own
    ("North Korea launches ICBM, Japan says it fell near Hokkaido\n"
     "TOKYO (Reuters) - North Korea launched an intercontinental ballistic missile Saturday that fell into "
     "waters west of Hokkaido, Japan's government said.\n"
     "The missile flew for about 70 minutes, Japan's defense minister told reporters.\n"
     "South Korea and the United States staged joint air drills Sunday in response, Seoul's military said.",
     date(2025, 3, 16), [(WT, "2025-03-15", {NK}), (EX, "2025-03-16", {SK, US})]),
    # 4. no publication day: the weekday stays unknown; the recalled test has its own month
    ("Kim oversees test of new rocket launcher\n"
     "North Korean leader Kim Jong Un oversaw a test-firing of an upgraded multiple rocket launcher on "
     "Friday, state media said.\n"
     "Kim said the weapon would strengthen the country's artillery forces.\n"
     "North Korea last tested the rocket launcher in May 2023.",
     None, [(WT, None, {NK}), (WT, "2023-05", {NK})]),
    # 5. an exercise, the launch it answered counted back, and a similar drill in an earlier month
    ("South Korea, US stage air drills with B-1B bombers\n"
     "South Korea and the United States held combined air drills involving B-1B bombers on Tuesday, "
     "Seoul's defense ministry said.\n"
     "The drills came two days after North Korea launched a long-range ballistic missile.\n"
     "The allies conducted a similar drill in October.",
     date(2025, 3, 19), [(EX, "2025-03-18", {SK, US}), (WT, "2025-03-16", {NK}), (EX, "2024-10", {SK, US})]),
    # 6. a summit told as the meeting, the summit, the talks; an earlier summit recalled with its month
    ("Kim Jong Un meets Putin in Russia's Far East\n"
     "North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok on Wednesday, "
     "the Kremlin said.\n"
     "The summit lasted about four hours, Russian state media reported.\n"
     "\"The talks were frank and useful,\" Putin told reporters after the meeting.\n"
     "Kim and Putin first met in Vladivostok in April 2019.",
     date(2025, 3, 20), [(DE, "2025-03-19", {NK, RU}), (DE, "2019-04", {NK, RU})]),
    # 7. a crossing told with its warning shots and again as "the incursion": one incident
    ("North Korean soldiers briefly cross border, retreat after warning shots\n"
     "About 20 North Korean soldiers crossed the military demarcation line in the central section of the "
     "border on Tuesday, South Korea's Joint Chiefs of Staff said.\n"
     "The South Korean military fired warning shots, after which the soldiers retreated north.\n"
     "The JCS said the incursion did not appear to be intentional.",
     date(2025, 3, 19), [(BI, "2025-03-18", {NK})]),
    # 8. a parade told as the parade, the event; the report day after
    ("North Korea stages military parade for army anniversary\n"
     "North Korea held a military parade in Pyongyang on Saturday night to mark the anniversary of the "
     "founding of its army, state media said Sunday.\n"
     "Kim Jong Un watched the parade from a balcony with his daughter.\n"
     "The parade featured new intercontinental ballistic missiles, the KCNA news agency said.",
     date(2025, 4, 27), [(CE, "2025-04-26", {NK})]),
    # 9. a failed launch told as the launch, the failed test
    ("North Korean missile explodes shortly after launch\n"
     "A North Korean missile exploded seconds after it was launched from near the east coast city of Wonsan "
     "on Wednesday, South Korean officials said.\n"
     "The failed launch was the second in a month, the officials said.",
     date(2025, 3, 20), [(WT, "2025-03-19", {NK})]),
    # 10. a caption and an unrelated headline scraped in; a planned visit gives no event
    ("North Korea test-fires new cruise missiles, state media says\n"
     "People watch a TV screen showing a news broadcast at a railway station in Seoul.\n"
     "South Korea's president to visit Japan next week\n"
     "North Korea test-fired new strategic cruise missiles off its west coast on Sunday, the KCNA news "
     "agency reported Monday.\n"
     "The missiles flew for more than two hours, KCNA said.",
     date(2025, 3, 24), [(WT, "2025-03-23", {NK})]),
    # 11. a think-tank recap: a list of launches, each with its own date
    ("North Korea's record year of missile launches\n"
     "On March 24, 2022, North Korea fired a Hwasong-17 intercontinental ballistic missile.\n"
     "On October 4, it launched an intermediate-range ballistic missile over Japan.\n"
     "On November 18, it tested another Hwasong-17 that fell inside Japan's exclusive economic zone.",
     date(2023, 1, 10), [(WT, "2022-03-24", {NK}), (WT, "2022-10-04", {NK}), (WT, "2022-11-18", {NK})]),
    # 12. an inspection told as the inspection, the visit; dated by the report
    ("Kim Jong Un inspects munitions factory\n"
     "North Korean leader Kim Jong Un inspected a munitions factory producing artillery shells on "
     "Thursday, state media reported Friday.\n"
     "During the visit, Kim called for a sharp increase in production.",
     date(2024, 11, 8), [(IN, "2024-11-07", {NK})]),
    # 13. the date given once in the lead, implied for the same drill after
    ("North Korea conducts live-fire artillery drill\n"
     "North Korea conducted a live-fire artillery drill near its west coast on Wednesday, Seoul's military "
     "said.\n"
     "The drill involved multiple rocket launchers and self-propelled guns.\n"
     "Kim Jong Un, who oversaw the exercise, called for combat readiness, KCNA said.",
     date(2024, 6, 5), [(EX, "2024-06-05", {NK})]),
    # 14. an exercise and the one a month before that
    ("North Korea's navy holds drills off east coast\n"
     "North Korea's navy held naval drills off its east coast on Tuesday, state media said.\n"
     "In August, the North staged a similar naval exercise involving submarines.",
     date(2025, 9, 3), [(EX, "2025-09-02", {NK}), (EX, "2025-08", {NK})]),
    # 15. a meeting told again in the next paragraph by the weekday alone
    ("N. Korea's top diplomat meets Lavrov in Moscow\n"
     "North Korean Foreign Minister Choe Son Hui held talks with Russian Foreign Minister Sergei Lavrov in "
     "Moscow on Friday, Russia's foreign ministry said.\n"
     "Friday's talks focused on security cooperation, the ministry said.\n"
     "Choe arrived in Moscow on Thursday for a three-day visit.",
     date(2025, 2, 14), [(DE, "2025-02-14", {NK, RU})]),
    # 16. no publication day: a nuclear test recalled by its full date keeps it, the news stays undated
    ("North Korea fires ballistic missile, South Korea says\n"
     "North Korea fired a short-range ballistic missile toward the East Sea on Monday, South Korea's Joint "
     "Chiefs of Staff said.\n"
     "The North conducted its sixth nuclear test on September 3, 2017.",
     None, [(WT, None, {NK}), (WT, "2017-09-03", {NK})]),
]


@pytest.fixture(scope="module")
def real_extractor():
    from nkwatch.nlp.extract import Extractor
    return Extractor(Settings())   # the real temporal tagger: the dating of documents is what is tested


def events(extractor, text: str, published: date | None) -> list[tuple]:
    res = extractor.extract(make_doc(text, published))
    return sorted((m.type, m.date.value or "", tuple(sorted(m.conducted_by))) for m in res.mentions
                  if m.modality == "happened")


@pytest.mark.parametrize("text,published,expected", ARTICLES, ids=[f"article{i + 1}" for i in range(len(ARTICLES))])
def test_article(real_extractor, text, published, expected):
    want = sorted((t, d or "", tuple(sorted(by))) for t, d, by in expected)
    assert events(real_extractor, text, published) == want


def _dated(extractor, text: str, published: date, etype: str) -> list[str | None]:
    return sorted((m.date.value or "") for m in extractor.extract(make_doc(text, published)).mentions
                  if m.type == etype and m.modality == "happened")


@pytest.mark.parametrize("text,etype,want", [
    # a kin word on an ambiguous noun of the field ("a similar drill", "another exercise") after an event of
    # its type: one more of them, with its own time, held by whoever the sentence names
    ("South Korea and the United States held joint drills on Tuesday.\n"
     "The two countries staged another exercise in May.", EX, ["2024-05", "2025-03-18"]),
    ("Seoul and Washington held combined naval drills on Tuesday.\n"
     "In October, the allies conducted a similar drill off the east coast.", EX, ["2024-10", "2025-03-18"]),
    ("North Korea held artillery drills on Tuesday, state media said.\n"
     "The country carried out a similar manoeuvre last year.", EX, ["2024", "2025-03-18"]),
    # ... never when no event of its type was told, nor for a plan
    ("The two countries staged another exercise in May.", EX, []),
    ("North Korea held drills on Tuesday.\nIts leader called for another exercise in May.", EX, ["2025-03-18"]),
])
def test_a_kin_noun_of_the_field_is_one_more_event(real_extractor, text, etype, want):
    assert _dated(real_extractor, text, date(2025, 3, 19), etype) == want


@pytest.mark.parametrize("text,etype,want", [
    # days counted back from an event of another type, told in the sentence or named by its subject
    ("North Korea fired a ballistic missile on Sunday.\n"
     "The launch came a day after South Korea and the United States wrapped up their joint drills.", EX,
     ["2025-03-15"]),
    ("Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday.\n"
     "The summit came three days after North Korea tested a cruise missile.", WT, ["2025-03-16"]),
    ("South Korea and the United States held joint air drills on Tuesday.\n"
     "The drills were held two days after North Korea launched a long-range missile.", WT, ["2025-03-16"]),
    # weeks count no day; an undated host gives none
    ("South Korea and the United States held joint drills on Tuesday.\n"
     "The drills came two weeks after North Korea launched a missile.", WT, [""]),
    ("South Korea and the United States held joint drills.\n"
     "The drills came two days after North Korea launched a missile.", WT, [""]),
])
def test_days_counted_back_from_an_event_of_another_type(real_extractor, text, etype, want):
    assert _dated(real_extractor, text, date(2025, 3, 19), etype) == want


@pytest.mark.parametrize("text,want", [
    # what happened moments after the launch happened on its day
    ("North Korea's missile blew up shortly after it was fired on Wednesday, Seoul said.", ["2025-03-19"]),
    ("A North Korean rocket broke apart minutes after liftoff on Wednesday, officials said.", ["2025-03-19"]),
    ("The North Korean missile exploded seconds after it was launched from near Wonsan on Wednesday.", ["2025-03-19"]),
    # ... but days after another event, the day is that event's, not the launch's
    ("North Korea fired a missile into the sea days after the allies ended drills on Monday.", [""]),
])
def test_moments_after_a_launch_are_its_day(real_extractor, text, want):
    assert _dated(real_extractor, text, date(2025, 3, 20), WT) == want


@pytest.mark.parametrize("text,etype,want", [
    # two clauses of one sentence, each with a subject and a time of its own: two events of the type
    ("The North held artillery drills near the border on Tuesday; on Saturday, it staged a naval drill off "
     "the east coast.", EX, ["2025-03-15", "2025-03-18"]),
    ("Seoul and Washington staged naval drills in January; in November, the allies held an air exercise.", EX,
     ["2024-11", "2025-01"]),
    ("North Korean drones crossed the border on Tuesday; on Saturday, a North Korean soldier crossed the "
     "demarcation line.", BI, ["2025-03-15", "2025-03-18"]),
    # ... not a definite noun telling the event again, nor one clause with two times
    ("North Korea staged drills on Saturday; on Tuesday, Kim Jong Un said the drills had been a success.", EX,
     ["2025-03-15"]),
])
def test_two_clauses_with_times_of_their_own_are_two_events(real_extractor, text, etype, want):
    assert _dated(real_extractor, text, date(2025, 3, 19), etype) == want
