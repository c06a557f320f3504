"""Hard-wrapped text (``nlp.wraps``): the lines of one paragraph that a fixed width broke are one block,
headings, captions, bylines and list items stay apart. All texts are written for these tests."""
from datetime import date

import pytest

from nkwatch.nlp.extract import blocks_of
from nkwatch.nlp.lexicon import load_lexicon
from nkwatch.nlp.wraps import paragraphs, wrap_width

from .helpers import make_doc

D = date(2025, 3, 14)  # a Friday

# a page wrapped at about 60 characters, no blank lines between its paragraphs
WRAPPED = ("Pyongyang, March 13 The North Korean army launched about 300\n"
           "rockets toward the sea off its western coast on Thursday\n"
           "morning, the South Korean military said in a statement.\n"
           "Officials in Seoul called the barrage a grave provocation and\n"
           "urged residents of the border islands to stay indoors until\n"
           "further notice.\n"
           "The last such firing, in the autumn of 2023, lasted about two\n"
           "hours and drew return fire from marine artillery units on\n"
           "Baengnyeong Island.")

# a page whose lines are its headings, captions and paragraphs: nothing to join
HEADED = ("Seoul Puts Troops On Alert After Rocket Barrage\n"
          "\n"
          "Soldiers stand guard at a checkpoint near the border\n"
          "By Jane Park and Tom Lee\n"
          "Updated 10:42 AM\n"
          "share on social media\n"
          "North Korea fired rockets into the sea on Thursday, officials said.\n"
          "What we know so far\n"
          "- the rockets landed north of the maritime border\n"
          "- no damage was reported\n"
          "Allies weigh in\n"
          "Washington condemned the launches in a brief statement.")


@pytest.fixture(scope="module")
def function_words(settings):
    return load_lexicon(settings).wrap_words


def texts(text: str, function_words) -> list[str]:
    return [b.text for b in blocks_of(make_doc(text, D), function_words)]


def test_a_wrapped_page_is_read_by_paragraph(function_words):
    got = texts(WRAPPED, function_words)
    assert got == [
        "Pyongyang, March 13 The North Korean army launched about 300 rockets toward the sea off its western "
        "coast on Thursday morning, the South Korean military said in a statement.",
        "Officials in Seoul called the barrage a grave provocation and urged residents of the border islands to "
        "stay indoors until further notice.",
        "The last such firing, in the autumn of 2023, lasted about two hours and drew return fire from marine "
        "artillery units on Baengnyeong Island."]


def test_a_joined_block_keeps_the_offsets_of_the_text(function_words):
    doc = make_doc(WRAPPED, D)
    for b in blocks_of(doc, function_words):
        assert b.text == doc.text[b.start:b.end].replace("\n", " ")


def test_headings_captions_bylines_and_list_items_stay_apart(function_words):
    lines = [line for line in HEADED.split("\n") if line]
    assert texts(HEADED, function_words) == lines


def test_a_line_that_runs_on_in_lower_case_continues_in_any_page(function_words):
    text = ("Ukraine's intelligence agency said on Monday that North Korea had shipped more than 20\n"
            "self-propelled howitzers to Russia since the autumn.\n"
            "Moscow denied the report.")
    assert texts(text, function_words) == [
        "Ukraine's intelligence agency said on Monday that North Korea had shipped more than 20 self-propelled "
        "howitzers to Russia since the autumn.", "Moscow denied the report."]


def test_a_long_line_ending_with_a_function_word_or_a_title_continues(function_words):
    text = ("Troops of the Korean People's Army held a firing drill along the western front to mark the\n"
            "anniversary, and the live-fire drill of the artillery units was guided on the spot by the respected "
            "General Secretary\n"
            "Kim Jong Un, who expressed great satisfaction.")
    assert len(texts(text, function_words)) == 1


def test_a_short_heading_ending_with_a_function_word_stays_apart(function_words):
    text = "The allies weigh in\nTokyo lodged a protest through diplomatic channels in Beijing."
    assert len(texts(text, function_words)) == 2


def test_lines_of_different_paragraphs_are_not_joined(function_words):
    text = ("North Korea test-fired two cruise missiles off its east coast on Sunday, officials in\n"
            "\n"
            "seoul said.")  # a blank line: another paragraph, whatever its case
    assert len(texts(text, function_words)) == 2


def test_the_width_of_a_wrapped_page():
    assert 55 <= wrap_width([len(line) for line in WRAPPED.split("\n")]) <= 62
    assert wrap_width([len(line) for line in HEADED.split("\n") if line]) is None
    assert wrap_width([300, 250, 180, 420, 90, 310]) is None   # one paragraph a line


def test_lines_with_something_cleaned_away_between_them_are_not_joined():
    text = "North Korea fired about 200\nSUBSCRIBE\nartillery shells on Friday."
    lines = [(0, 27), (38, 66)]   # "SUBSCRIBE" is not kept
    assert paragraphs(text, lines, ()) == lines


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "North Korea fired about 200\nartillery shells toward the sea near the western border island of Yeonpyeong on\n"
    "Friday, South Korea's Joint Chiefs of Staff said.",
    "North Korea fired two short-range ballistic\nmissiles into the sea off its east coast on Friday morning, "
    "South Korea's military said.",
])
def test_a_wrapped_sentence_yields_what_it_yields_on_one_line(extractor, text):
    def read(t):
        res = extractor.extract(make_doc(t, D))
        return [(m.type, m.weapon_class, m.modality, m.date.value, m.count) for m in res.mentions]
    assert read(text) == read(text.replace("\n", " ")) != []


@pytest.mark.model
@pytest.mark.parametrize("text, published, day", [
    ("SEOUL, Sept 9 A tremor in North Korea on Friday morning with a magnitude of 5.1 appeared to\n"
     "be a nuclear test, officials said.", date(2016, 9, 9), "2016-09-09"),
    ("TOKYO, March 3 North Korea fired two ballistic missiles into the sea, Japan's defence ministry\n"
     "said.", date(2023, 3, 5), "2023-03-03"),
])
def test_a_dateline_that_lost_its_agency_and_dash_is_cut_off_the_lead(extractor, text, published, day):
    # the wrap glues the dateline to the lead: a city in capitals and a day, then the lead's first word
    res = extractor.extract(make_doc(text, published))
    assert [(m.type, m.date.value) for m in res.mentions if m.modality == "happened"] == [("weapons_test", day)]
