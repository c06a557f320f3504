"""Phrasing matrix of diplomatic engagements, troop deployments and arms transfers: the ordinary ways
wire services, newspapers, broadcasters and think-tank briefs tell them (active, passive, nominal, hedged,
attributed, headline, recap), the ways that tell no event (planned, proposed, refused, denied, threatened,
a statement) and transfers between other states. All sentences are written for this test.
Each row: the text, the event type, and what nkwatch must give: NONE (no event of the type that happened)
or the states that conducted it (None: not checked) and the date (None: not checked; "unknown": no day)."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday
NONE = "none"
DE, TD, AT = "diplomatic_engagement", "troop_deployment", "arms_transfer"
NK, SK, US, RU, CN, JP = "North Korea", "South Korea", "United States", "Russia", "China", "Japan"

ROWS = [
    # --- diplomatic engagements --------------------------------------------------------------------
    ("North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok on Wednesday, "
     "state media said.", DE, {NK, RU}, "2025-03-12"),
    ("Kim Jong Un and Putin held talks at a space launch centre in Russia's Far East on September 13, 2023.",
     DE, {NK, RU}, "2023-09-13"),
    ("The summit between Kim and Chinese President Xi Jinping took place in Beijing on Tuesday.",
     DE, {NK, CN}, "2025-03-11"),
    ("Kim meets Putin in Pyongyang", DE, {NK, RU}, None),
    ("Russian Foreign Minister Sergei Lavrov held talks with his North Korean counterpart Choe Son Hui in "
     "Moscow on Monday, the ministry said.", DE, {RU, NK}, "2025-03-10"),
    ("Chinese Premier Li Qiang visited Pyongyang on Wednesday for the anniversary celebrations.",
     DE, {CN, NK}, "2025-03-12"),
    ("Kim Jong Un received Russian Security Council Secretary Sergei Shoigu in Pyongyang on Tuesday, "
     "KCNA reported.", DE, {NK, RU}, "2025-03-11"),
    ("South Korean President Yoon Suk Yeol spoke by phone with U.S. President Joe Biden on Monday about "
     "the North's missile launch.", DE, {SK, US}, "2025-03-10"),
    ("In a phone call on Thursday, Japanese Prime Minister Fumio Kishida and South Korean President Yoon "
     "Suk Yeol agreed to respond firmly to North Korea.", DE, {JP, SK}, "2025-03-13"),
    ("Kim and U.S. President Donald Trump held their first summit in Singapore on June 12, 2018.",
     DE, {NK, US}, "2018-06-12"),
    ("Kim and Putin signed a comprehensive strategic partnership treaty in Pyongyang on June 19, 2024.",
     DE, {NK, RU}, "2024-06-19"),
    ("North Korea sent a military delegation led by Defence Minister No Kwang Chol to Moscow on Tuesday.",
     DE, {NK, RU}, "2025-03-11"),
    ("A North Korean delegation led by Foreign Minister Choe Son Hui arrived in Beijing on Wednesday.",
     DE, {NK, CN}, "2025-03-12"),
    ("Kim reportedly met senior Chinese officials in Beijing on Tuesday.", DE, {NK, CN}, "2025-03-11"),
    ("The foreign ministers of South Korea, the United States and Japan met in Tokyo on Wednesday to "
     "discuss North Korea's missile programme.", DE, {SK, US, JP}, "2025-03-12"),
    ("U.S. Secretary of State Antony Blinken visited Seoul on Monday for talks with South Korean officials "
     "on the North Korean threat.", DE, {US, SK}, "2025-03-10"),
    # calling a person is a phone call with them; calling someone something, on or for someone, is not
    ("Obama called the leaders of South Korea and Japan on Friday to discuss the nuclear test.",
     DE, {US, SK, JP}, "2025-03-14"),
    ("Biden called Yoon Suk Yeol on Tuesday to discuss the launch.", DE, {US, SK}, "2025-03-11"),
    ("U.S. Secretary of State Antony Blinken met the foreign ministers of South Korea and Japan in Tokyo on "
     "Wednesday.", DE, {US, SK, JP}, "2025-03-12"),
    ("Trump called Kim Jong Un a madman on Tuesday.", DE, NONE, None),
    ("The United States called on North Korea to return to talks.", DE, NONE, None),
    ("Kim called off the summit with Trump.", DE, NONE, None),
    ("The North called its ambassador in Beijing home on Tuesday.", DE, NONE, None),
    ("North Korea called U.S. President Donald Trump's remarks a declaration of war.", DE, NONE, None),
    # where the trip went, whose purpose the meeting was, or where those sent went, is the host
    ("Choe Son Hui traveled to Moscow on Tuesday for talks.", DE, {NK, RU}, "2025-03-11"),
    ("Russian Foreign Minister Sergei Lavrov flew to Pyongyang on Wednesday for talks.", DE, {RU, NK}, "2025-03-12"),
    ("South Korea dispatched a delegation headed by its national security adviser to Washington on Monday.",
     DE, {SK, US}, "2025-03-10"),
    # what a meeting was about names no side
    ("Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken on Tuesday for talks about "
     "North Korea's nuclear programme.", DE, {CN, US}, "2025-03-11"),
    ("Japan's foreign minister held talks with her South Korean counterpart in Seoul on Wednesday over "
     "Pyongyang's missile launches.", DE, {JP, SK}, "2025-03-12"),
    ("Chinese Foreign Minister Wang Yi discussed North Korea's nuclear programme with U.S. Secretary of State "
     "Antony Blinken on Tuesday.", DE, {CN, US}, "2025-03-11"),
    ("North Korean Foreign Minister Choe Son Hui arrived in Moscow on Monday. Russian Deputy Foreign Minister "
     "Igor Morgulov discussed the situation in Ukraine with her on Tuesday.", DE, {RU, NK}, "2025-03-11"),
    ("Kim Jong Un received the Chinese ambassador on Monday. Later that week, Xi Jinping's special envoy "
     "discussed the war in Ukraine with him in Pyongyang.", DE, {CN, NK}, None),
    # a state's own security council is no United Nations body; its own meeting is no engagement
    ("Kim met Sergei Shoigu, the secretary of Russia's Security Council, in Pyongyang on Tuesday.",
     DE, {NK, RU}, "2025-03-11"),
    ("South Korea's National Security Council met on Tuesday after North Korea fired a ballistic missile.",
     DE, NONE, None),
    ("Japan's National Security Council convened on Thursday after the launch of a North Korean missile.",
     DE, NONE, None),
    ("Kim Jong Un will visit Russia next month, the Kremlin said.", DE, NONE, None),
    ("South Korea proposed talks with North Korea on Tuesday to ease tensions along the border.", DE, NONE, None),
    ("North Korea rejected Seoul's offer of talks on Wednesday.", DE, NONE, None),
    ("North Korea's foreign ministry condemned the joint drills in a statement on Tuesday.", DE, NONE, None),
    ("Trump said he would be willing to meet Kim again.", DE, NONE, None),
    ("The planned summit between Kim and Trump was cancelled on Thursday.", DE, NONE, None),
    # --- troop deployments -------------------------------------------------------------------------
    ("North Korea has sent about 11,000 troops to Russia, South Korea's spy agency said.", TD, {NK}, None),
    ("Some 12,000 North Korean soldiers have been deployed to Russia's Kursk region, according to Ukrainian "
     "intelligence.", TD, {NK}, None),
    ("The deployment of North Korean troops to Russia marks a major escalation of the war, NATO said on "
     "Monday.", TD, {NK}, None),
    ("Pyongyang is believed to have dispatched an additional 3,000 troops to Russia, the Joint Chiefs of "
     "Staff said.", TD, {NK}, None),
    ("North Korea deploys more troops to Russia", TD, {NK}, None),
    ("Thousands of North Korean troops are stationed in Russia's Kursk region, Kyiv said.", TD, {NK}, None),
    ("North Korean troops arrived in Russia's Far East on October 8, 2024, the spy agency said.",
     TD, {NK}, "2024-10-08"),
    ("Russia has received about 10,000 North Korean soldiers, the Pentagon said.", TD, {NK}, None),
    ("The United States deployed the aircraft carrier USS Carl Vinson to Busan on Sunday.", TD, {US}, "2025-03-09"),
    ("Russia has received about 10,000 soldiers from North Korea, the Pentagon said.", TD, {NK}, None),
    ("North Korea denied sending troops to Russia.", TD, NONE, None),
    ("North Korea could send more troops to Russia, Seoul warned.", TD, NONE, None),
    ("Pyongyang may deploy additional troops to Russia in the coming months, the spy agency said.", TD, NONE, None),
    # --- arms transfers ----------------------------------------------------------------------------
    ("North Korea has supplied Russia with millions of artillery shells, South Korea said.", AT, {NK}, None),
    ("More than 20,000 containers of munitions have been shipped from North Korea to Russia, the defence "
     "ministry said.", AT, {NK}, None),
    ("North Korea's transfer of ballistic missiles to Russia violates UN resolutions, the allies said.",
     AT, {NK}, None),
    ("North Korea has also sent multiple rocket launchers and self-propelled howitzers to Russia, according "
     "to Ukrainian intelligence.", AT, {NK}, None),
    ("Thai authorities seized a cargo plane carrying North Korean weapons at Bangkok airport on December 12, "
     "2009.", AT, {NK}, "2009-12-12"),
    ("Russia has received more than 100 ballistic missiles from North Korea, Kyiv said.", AT, {NK}, None),
    ("North Korea sold Scud missiles to Iran in the 1980s.", AT, {NK}, None),
    # the receiving side: the giver is its "from" phrase, else the weapon's maker or the default state
    ("Moscow has obtained millions of artillery shells from Pyongyang, according to Seoul.", AT, {NK}, None),
    ("Syria imported Scud missiles from North Korea, according to U.S. intelligence.", AT, {NK}, None),
    ("North Korea acquired MiG-29 fighter jets from Russia, the spy agency said.", AT, {RU}, None),
    ("Moscow has received large weapons shipments, Seoul said.", AT, {NK}, None),
    ("North Korea is benefiting from receiving Russian air defence systems and technology, the envoy said.",
     AT, NONE, None),
    ("Pyongyang gains battlefield experience while obtaining Russian weapons, analysts say.", AT, NONE, None),
    ("Pyongyang has provided Moscow with KN-23 ballistic missiles, U.S. officials said.", AT, {NK}, None),
    ("North Korea denied providing weapons to Russia.", AT, NONE, None),
    ("Russia is seeking to buy artillery shells from North Korea, U.S. officials said.", AT, NONE, None),
]


def _ids(rows):
    return [f"{r[1][:4]}-{i:02d}" for i, r in enumerate(rows)]


@pytest.mark.parametrize("text, etype, states, when", ROWS, ids=_ids(ROWS))
def test_matrix(extractor, text, etype, states, when):
    found = [m for m in extractor.extract(make_doc(text, D)).mentions
             if m.type == etype and m.modality == "happened"]
    if states == NONE:
        assert not found, [(m.cues, m.conducted_by) for m in found]
        return
    assert found, "no event"
    assert any(_fits(m, states, when) for m in found), [(m.conducted_by, m.date) for m in found]


def _fits(m, states, when) -> bool:
    """Is the mention conducted by ``states`` on ``when`` (None: either not checked)?"""
    if states is not None and set(m.conducted_by) != states:
        return False
    if when == "unknown":
        return m.date.value is None or m.date.bound != "on"
    return when is None or (m.date.value == when and m.date.bound == "on")
