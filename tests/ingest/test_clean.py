"""Cleaning: kept spans vs boilerplate, rule by rule on invented texts, invariants, and the seeds'
gold evidence (kept) and negatives (removed)."""
import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from nkwatch.ingest.clean import BatchCleaning, clean_document, load_rules, site_of
from nkwatch.ingest.sentences import line_spans, sentence_spans
from nkwatch.models import Document, Span
from nkwatch.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.jsonl"


@pytest.fixture(scope="module")
def rules():
    return load_rules(Settings())


def clean(text, rules, **kw):
    repeated = kw.pop("repeated", frozenset())
    return clean_document(Document(name="t.txt", text=text, **kw), rules, repeated)


def kept_texts(doc):
    return [doc.span_text(s) for s in doc.kept]


def removed(doc):
    return [(b.rule, doc.span_text(b.span)) for b in doc.boilerplate]


def check_invariants(doc):
    """Kept spans sorted, disjoint, non-empty, trimmed and in bounds; boilerplate likewise and
    disjoint from them; every other character is whitespace."""
    text = doc.text
    spans = sorted([(s, "kept") for s in doc.kept] + [(b.span, b.rule) for b in doc.boilerplate],
                   key=lambda x: x[0])
    assert doc.kept == sorted(doc.kept)
    pos = 0
    for span, _ in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= pos, f"overlap at {span}"
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        assert text[pos:span.start].strip() == ""
        pos = span.end
    assert text[pos:].strip() == ""


# --- rules, on invented texts ------------------------------------------------------------------

def test_header_and_glued_appeal_banner(rules):
    text = (" date 2024-05-10 Your support keeps our reporters in the field Read more Support Now "
            "Our newsroom covers the world. We never hide our journalism behind a paywall. "
            "Please consider a donation today. Read more\n\n"
            "The army of the invented republic held a drill on Friday, officials said.\n")
    doc = clean(text, rules)
    assert removed(doc)[0] == ("header", "date 2024-05-10")
    assert removed(doc)[1][0] == "appeal" and removed(doc)[1][1].endswith("Read more")
    assert kept_texts(doc) == ["The army of the invented republic held a drill on Friday, officials said."]
    check_invariants(doc)


def test_news_sentence_mentioning_a_donation_is_kept(rules):
    text = ("Officials said the shipment was a donation from an allied government.\n"
            "The ministry would not say whether readers could subscribe to its bulletin.\n")
    assert kept_texts(clean(text, rules)) == text.strip().split("\n")


def test_gallery_caption_and_credit_lines(rules):
    text = ("Soldiers marched across the square on Tuesday, state media said.\n\n"
            "open image in gallery Soldiers march during a parade in the capital ( AFP via Getty Images )\n\n"
            "-\n"
            "The parade lasted two hours.\n")
    doc = clean(text, rules)
    assert [r for r, _ in removed(doc)] == ["caption", "separator"]
    assert kept_texts(doc) == ["Soldiers marched across the square on Tuesday, state media said.",
                               "The parade lasted two hours."]


def test_descriptive_caption_kept_without_its_credit(rules):
    caption = ("This photo taken on June 13, 2024 and released by the state news agency on June 14, "
               "2024 shows a test-fire of a new rocket launcher at an undisclosed location")
    text = f"Invented launcher tested\n{caption} (KCNA VIA KNS/AFP)\nThe test succeeded, the agency said.\n"
    doc = clean(text, rules)
    assert removed(doc) == [("credit", "(KCNA VIA KNS/AFP)")]
    assert caption in kept_texts(doc)


def test_acronym_in_a_sentence_is_not_a_credit(rules):
    text = "The report came from the Korean Central News Agency (KCNA) on Monday.\n"
    assert kept_texts(clean(text, rules)) == [text.strip()]


def test_screenshot_credits_inside_a_caption_line(rules):
    text = ("Two soldiers stand by a truck. Footage released on May 2, 2024. (Screenshot from a video "
            "released by a state broadcaster) A column of trucks moves at night.\n")
    doc = clean(text, rules)
    assert [r for r, _ in removed(doc)] == ["credit"]
    assert kept_texts(doc) == ["Two soldiers stand by a truck. Footage released on May 2, 2024.",
                               "A column of trucks moves at night."]
    check_invariants(doc)


@pytest.mark.parametrize("line, rule", [
    ("Read more: Invented country unveils a new tank", "link"),
    ("READ MORE", "link"),
    ("Related: Ten things to know about the drills", "link"),
    ("This audio is created with AI assistance", "notice"),
    ("Listen to this article", "notice"),
    ("Advertisement", "notice"),
    ("Sign up for our morning briefing", "notice"),
    ("Follow us on social media", "notice"),
    ("Source: Wire services", "attribution"),
    ("Additional reporting by an invented correspondent", "attribution"),
    ("* * *", "separator"),
])
def test_line_rules(rules, line, rule):
    text = f"The navy fired two missiles into the sea on Monday.\n{line}\nThe launches followed a week of drills.\n"
    doc = clean(text, rules)
    assert removed(doc) == [(rule, line)]
    assert len(doc.kept) == 2


def test_attribution_rule_leaves_long_sentences(rules):
    line = ("Sources: officials in the invented capital told reporters that two battalions had "
            "crossed the river before dawn and were moving toward the coast")
    assert kept_texts(clean(line, rules)) == [line]


def test_other_storys_headline_removed_own_title_kept(rules):
    text = ("Invented republic fires cruise missiles off its west coast\n"
            "The invented republic fired several cruise missiles on Wednesday, its military said.\n"
            "Neighbour protests over fishing boats seized near disputed islands\n"
            "The missiles flew for about two hours before hitting a target island.\n")
    doc = clean(text, rules)
    assert removed(doc) == [("headline", "Neighbour protests over fishing boats seized near disputed islands")]
    assert doc.title == "Invented republic fires cruise missiles off its west coast"
    assert kept_texts(doc)[0] == doc.title


def test_title_not_overwritten_and_sentence_first_line_is_no_title(rules):
    text = "Invented republic fires missiles\nThe republic fired two missiles on Monday.\n"
    assert clean(text, rules, title="Metadata title").title == "Metadata title"
    assert clean("The republic fired two missiles on Monday.\nIt said so.\n", rules).title is None


@pytest.mark.parametrize("line", [
    "The officers said that the respected Marshal",         # sentence broken before a name
    "Attending the event were the following officials and",  # ends with a function word
])
def test_broken_lines_are_not_headlines(rules, line):
    text = f"The meeting opened on Monday.\n{line}\nKim Example spoke at length.\n"
    assert len(clean(text, rules).kept) == 3


def test_list_lines_after_a_colon_are_not_headlines(rules):
    text = ("The assembly appointed the following officials:\n"
            "An Invented Name, minister of national defence\n"
            "Another Invented Name, minister of foreign affairs\n"
            "The session closed on Friday.\n")
    assert len(clean(text, rules).kept) == 4


def test_appended_unrelated_story_removed(rules):
    text = ("The army test-fired a new artillery system on Saturday, state media said.\n\n"
            "Officials said the drill showed the readiness of frontline units.\n\n"
            "This comes as the capital hosted an international chess tournament for the first time in years.\n\n"
            "Players from a dozen countries took part, organisers said.\n\n"
            "The tournament ends next week with a gala dinner.\n")
    doc = clean(text, rules)
    assert [r for r, _ in removed(doc)] == ["off_topic"] * 3
    assert len(doc.kept) == 2


@pytest.mark.parametrize("tail", [
    # the transition introduces military content: same story
    "This comes as the army moved more troops to the border.\n\nPlayers from a dozen countries took part.\n",
    # no transition phrase: background, not an appended story
    "The capital hosted a chess tournament.\n\nPlayers from a dozen countries took part.\n",
    # a single trailing line is too short to be a story
    "This comes as the capital hosted a chess tournament.\n",
])
def test_off_topic_needs_transition_no_domain_terms_and_length(rules, tail):
    text = "The army test-fired a new artillery system on Saturday, state media said.\n\n" + tail
    assert not removed(clean(text, rules))


def test_kcna_end_marker_and_photo_note(rules):
    text = ("Pyongyang, May 3 (KCNA) -- A ceremony was held on Friday. (photos accompanied)\n"
            "The band played. -0-\n")
    doc = clean(text, rules)
    assert sorted(r for r, _ in removed(doc)) == ["credit", "end_marker"]
    assert kept_texts(doc) == ["Pyongyang, May 3 (KCNA) -- A ceremony was held on Friday.", "The band played."]


# --- repeated sentences --------------------------------------------------------------------------

FURNITURE = "Get the latest invented headlines delivered to your inbox every single morning."


def site_docs(n, site="news.example", furniture=FURNITURE):
    return [Document(name=f"{i}.txt", site=site,
                     text=f"The brigade number {i} held a drill on Monday. {furniture}\n"
                          f"Commanders praised unit {i} for its discipline during the exercise.\n")
            for i in range(n)]


def repeated(docs, rules):
    return BatchCleaning(docs, rules).repeated


def test_repeated_needs_enough_documents_of_one_site(rules):
    assert repeated(site_docs(3), rules) == frozenset({FURNITURE})
    assert repeated(site_docs(2), rules) == frozenset()
    mixed = site_docs(2) + site_docs(1, site="other.example")
    assert repeated(mixed, rules) == frozenset()
    assert repeated(site_docs(5, furniture="Read on."), rules) == frozenset()  # too short


def test_repeated_counts_distinct_documents_and_site_share(rules):
    same = site_docs(1) * 3  # one article read three times
    assert repeated(same, rules) == frozenset()
    strict = replace(rules, repeated=replace(rules.repeated, min_share=0.5))
    assert repeated(site_docs(3) + site_docs(10, furniture="")[3:], strict) == frozenset()


def test_the_batch_cleans_each_document_as_clean_document_does(rules):
    """Documents without a repeated sentence keep their first cleaning; the others are cleaned
    again; a text read twice under other names and titles gets its own title."""
    docs = site_docs(3) + site_docs(6, furniture="")[3:] + [
        Document(name="copy.txt", site="news.example", title="Own title", text=site_docs(6, furniture="")[4].text),
        Document(name="headed.txt", site="news.example",
                 text=f"Brigade drill held\n{FURNITURE}\nThe brigade held a drill on Monday.\n")]
    cleaning = BatchCleaning(docs, rules)
    assert cleaning.repeated == frozenset({FURNITURE})
    for doc in docs:
        assert cleaning.clean(doc) == clean_document(doc, rules, cleaning.repeated)
    assert ("repeated", FURNITURE) in removed(cleaning.clean(docs[-1]))
    assert cleaning.clean(docs[-1]).title == "Brigade drill held"
    assert cleaning.clean(docs[-2]).title == "Own title"


def test_repeated_sentence_removed_inside_a_line(rules):
    doc = clean_document(site_docs(1)[0], rules, frozenset({FURNITURE}))
    assert removed(doc) == [("repeated", FURNITURE)]
    assert kept_texts(doc)[0] == "The brigade number 0 held a drill on Monday."
    check_invariants(doc)


def test_site_of():
    assert site_of(Document(name="a", text="x", url="https://www.example.com/a/b")) == "example.com"
    assert site_of(Document(name="a", text="x", site="wire")) == "wire"
    assert site_of(Document(name="x.txt", text="x", source_path="crawl/site1/x.txt")) == "crawl/site1"


# --- splitting ---------------------------------------------------------------------------------

def test_sentences_respect_abbreviations_and_initials(rules):
    text = ("Mr. Lee met U.S. officials at 8 a.m. Tuesday. Gen. Park said “it worked.” "
            "The talks ended. no break here.")
    got = [text[s.start:s.end] for s in sentence_spans(text, Span(0, len(text)), rules.abbreviations)]
    assert got == ["Mr. Lee met U.S. officials at 8 a.m. Tuesday.", "Gen. Park said “it worked.”",
                   "The talks ended. no break here."]


def test_lines_are_trimmed_and_split_on_any_line_break():
    text = "  one \r\ntwo\u2028 three\n\n"
    assert [text[s.start:s.end] for s in line_spans(text)] == ["one", "two", "three"]


# --- invariants ----------------------------------------------------------------------------------

POOL = [
    "The army fired two short-range missiles on Monday, officials said.",
    "open image in gallery Troops on parade ( AP )",
    "Read more: Invented republic tests an engine",
    "-",
    "Neighbour protests over fishing boats near the islands",
    "Your support matters. Support now with a donation. Subscribe to our journalism.",
    "Footage shows trucks. (Screenshot from a video by a broadcaster) More trucks follow.",
    "This comes as the capital hosted a chess tournament.",
    "Players from many countries took part.",
    "Source: Agency",
    "The band played. -0-",
    "   ",
    "\tIndented line with the Korean Central News Agency (KCNA) named.",
]


def test_random_documents_keep_the_invariants(rules):
    rng = random.Random(7)
    for _ in range(300):
        lines = rng.choices(POOL, k=rng.randint(1, 9))
        seps = rng.choices(["\n", "\n\n", "\r\n", " \n"], k=len(lines))
        text = (" date 2024-01-02 " if rng.random() < 0.3 else "") + "".join(
            line + sep for line, sep in zip(lines, seps))
        doc = clean(text, rules, repeated=frozenset({"Players from many countries took part."}))
        check_invariants(doc)
        assert clean_document(doc, rules, frozenset({"Players from many countries took part."})) == doc


# --- seeds: gold evidence kept, negatives removed --------------------------------------------------

def gold_lines():
    if not GOLD.exists():
        return []
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def evidence_spans(item, text):
    """Spans of an event's/claim's evidence and evidence_alt (a substring = its first occurrence)."""
    values = ([item["evidence"]] if "evidence" in item else [item["span"]]) + item.get("evidence_alt", [])
    for value in values:
        if isinstance(value, dict):
            value = value["span"]
        if isinstance(value, str):
            start = text.find(value)
            assert start >= 0, f"gold evidence not in text: {value!r}"
            yield value, Span(start, start + len(value))
        else:
            yield value, Span(*value)


def occurrences(text, needle):
    start = text.find(needle)
    while start >= 0:
        yield Span(start, start + len(needle))
        start = text.find(needle, start + 1)


@pytest.mark.e2e
@pytest.mark.parametrize("gold", gold_lines(), ids=lambda g: g["doc"])
def test_seed_evidence_kept_and_negatives_removed(rules, gold):
    text = (SEEDS / gold["doc"]).read_text(encoding="utf-8")
    doc = clean(text, rules)
    check_invariants(doc)
    for negative in gold["negatives"]:
        for occ in occurrences(text, negative):
            assert not any(k.overlaps(occ) for k in doc.kept), f"negative kept: {negative!r}"
    for item in gold["events"] + gold["claims"]:
        for value, span in evidence_spans(item, text):
            assert any(k.contains(span) for k in doc.kept), f"evidence not kept: {value!r}"


@pytest.mark.e2e
def test_seed_titles(rules):
    if not SEEDS.is_dir():
        pytest.fail(f"shared seeds missing at {SEEDS}")
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    titles = {k: clean(text, rules).title for k, text in texts.items()}
    assert titles["001"] == texts["001"].splitlines()[0]  # its own headline opens the file
    assert [k for k, t in titles.items() if t] == ["001"]


@pytest.mark.e2e
def test_gold_file_present():
    assert len(gold_lines()) == 5, f"expected the five seed gold lines at {GOLD}"


@pytest.mark.parametrize("header", ["Also Read", "Related Articles", "You May Also Like", "More stories:",
                                    "Most Read News", "Most Popular Stories"])
def test_a_list_of_other_stories_under_a_bare_header(rules, header):
    """A bare header of other stories opens a run of their headlines and time stamps, which are links
    up to the first line that ends a sentence."""
    text = ("The navy fired two missiles into the sea on Monday.\n"
            f"{header}\n"
            "Invented Country Tests New Coastal Missile\n"
            "May 2, 2024 @ 10:12 AM\n"
            "Navy Chief Visits Island Garrison\n"
            "The launches followed a week of drills.\n")
    doc = clean(text, rules)
    assert kept_texts(doc) == ["The navy fired two missiles into the sea on Monday.",
                               "The launches followed a week of drills."]
    assert {r for r, _ in removed(doc)} == {"link"}
    check_invariants(doc)


@pytest.mark.parametrize("stamp", ["02:22", "1:04:37", "Video 3:15"])
def test_a_videos_running_time_opens_its_title(rules, stamp):
    """An embedded video's running time alone on a line opens its title, once or twice (the player's and
    its caption's): another story's headline, up to the first line that ends a sentence."""
    text = ("The navy fired two missiles into the sea on Monday.\n"
            f"{stamp}\n"
            "Invented Republic says its newest missile can reach the whole region\n"
            "Invented Republic says its newest missile can reach the whole region\n"
            "The launches followed a week of drills.\n")
    doc = clean(text, rules)
    assert kept_texts(doc) == ["The navy fired two missiles into the sea on Monday.",
                               "The launches followed a week of drills."]
    check_invariants(doc)


def test_a_clock_time_inside_a_line_opens_nothing(rules):
    text = ("14:22 JST, March 3, 2025\n"
            "The navy fired two missiles into the sea on Monday.\n")
    assert len(clean(text, rules).kept) == 2


@pytest.mark.parametrize("entry", [
    "Oct 2011 - The invented republic conducts an underground nuclear test",
    "25 May 2013 – Invented republic fires a long-range rocket",
    "July 4, 2019: The republic test-fires its first long-range missile",
    "2016 — Invented republic launches a satellite into orbit",
])
def test_a_dated_chronology_entry_is_no_headline(rules, entry):
    """A line opening with a date and a dash or colon is an entry of a chronology, whatever its tense and
    punctuation: it tells an event of the article's own subject, not another story."""
    text = f"The envoy arrived on Sunday for talks.\n{entry}\nThe talks ended on Monday.\n"
    assert len(clean(text, rules).kept) == 3
