"""Vocabulary matching: normalization, word boundaries, offsets, inflection."""
from nkwatch.nlp.phrases import Hit, PhraseIndex, PhraseScan, normalize, noun_forms, verb_forms


def test_normalize_maps_back_to_original_offsets():
    text = "North Korea  test\u2011fired a Hwasong\u201017"
    nt = normalize(text)
    assert nt.text == "north korea test fired a hwasong 17"
    i = nt.text.index("test fired")
    s, e = nt.original(i, i + len("test fired"))
    assert text[s:e] == "test\u2011fired"


def test_index_respects_word_boundaries_and_prefers_longest():
    index = PhraseIndex([("cruise missile", "c"), ("strategic cruise missile", "s"), ("test", "t")])
    text = "The latest strategic cruise missile contest and the test."
    hits = index.find(normalize(text))
    assert [text[h.start:h.end] for h in hits] == ["strategic cruise missile", "test"]
    assert hits[0].values == ("s",)


def test_curly_apostrophes_match_straight_ones():
    index = PhraseIndex([("South Korea's military", 1)])
    text = "South Korea’s military said"
    (hit,) = index.find(normalize(text))
    assert text[hit.start:hit.end] == "South Korea’s military"


def test_inflections():
    assert set(verb_forms("fire")) >= {"fire", "fires", "fired", "firing"}
    assert "sent troops" in verb_forms("send troops:sent troops")
    assert "supplied" in verb_forms("supply")
    assert noun_forms("ballistic missile") == ["ballistic missile", "ballistic missiles"]


def test_verbs_that_double_their_last_consonant_match_both_spellings():
    assert {"jammed", "jamming"} <= set(verb_forms("jam"))
    assert {"transferred", "transferring", "transfers"} <= set(verb_forms("transfer"))
    assert {"visited", "visiting"} <= set(verb_forms("visit"))
    assert "shelld" not in verb_forms("shell") and "shelled" in verb_forms("shell")


# --- one scan for several indexes ----------------------------------------------------------------------
_TABLES = {
    "weapons": [("cruise missile", "c"), ("strategic cruise missile", "s"), ("missile", "m"), ("Hwasong-17", "h")],
    "cues": [("test", "t"), ("test-fired", "tf"), ("fired", "f"), ("missile", "cue")],   # "missile": in both
    "places": [("East Sea", "e"), ("the East Sea", "te"), ("sea", "sea"), ("Σ", "sigma"), ("ΟΔΟΣ", "odos")],
    "contexts": [("sea test", "st"), ("a", "a"), ("'s", "poss"), ("k-9", "k9")],
    "empty": [],
}
_TEXTS = [
    "The North test-fired a strategic cruise missile  into the East Sea.",
    "The latest strategic cruise missile contest: missiles, missile-test, test  fired, sea test.",
    "Korea\u2019s Hwasong\u201017, Hwasong 17 and HWASONG_17 flew; atest, tests, a test.",
    "  ΟΔΟΣ and οδος, Σ alone, ΑΣ, σ; the   East\tSea sea-test K-9s K-9 k 9",
    "",
    "nothing here at all",
]


def _indexes() -> dict[str, PhraseIndex]:
    return {name: PhraseIndex(entries) for name, entries in _TABLES.items()}


def test_a_scan_gives_each_index_what_it_finds_alone():
    """Overlapping phrases of several tables, a phrase in two tables with payloads of its own, word
    boundaries, collapsed spaces, hyphens, Greek capital sigma, shifted offsets, an empty table."""
    indexes = _indexes()
    scan = PhraseScan(indexes.values())
    for text in _TEXTS:
        nt = normalize(text)
        for shift in (0, 17):
            scanned = scan.scan(nt, shift)
            for name, index in indexes.items():
                shifted = [Hit(h.start + shift, h.end + shift, h.phrase, h.values) for h in index.find_all(nt)]
                assert scanned.find_all(index) == shifted, (text, name)
                chosen = [Hit(h.start + shift, h.end + shift, h.phrase, h.values) for h in index.find(nt)]
                assert scanned.find(index) == chosen, (text, name)
                assert scanned.contains_any(index) is index.contains_any(nt), (text, name)


def test_a_scan_reports_a_phrase_to_every_index_holding_it():
    indexes = _indexes()
    text = "The North test-fired a strategic cruise missile  into the East Sea."
    scanned = PhraseScan(indexes.values()).scan(normalize(text))
    weapons = scanned.find_all(indexes["weapons"])
    assert [(text[h.start:h.end], h.values) for h in weapons] == [
        ("strategic cruise missile", ("s",)), ("cruise missile", ("c",)), ("missile", ("m",))]
    assert [(text[h.start:h.end], h.values) for h in scanned.find(indexes["cues"])] == [
        ("test-fired", ("tf",)), ("missile", ("cue",))]
    assert [text[h.start:h.end] for h in scanned.find(indexes["places"])] == ["the East Sea"]
    assert scanned.find_all(indexes["empty"]) == [] and not scanned.contains_any(indexes["empty"])


def test_a_scan_asks_an_index_it_does_not_hold_directly():
    indexes = _indexes()
    scan = PhraseScan([indexes["weapons"]])
    other = indexes["places"]
    nt = normalize("missiles into the East Sea")
    assert scan.scan(nt).find(other) == other.find(nt) and scan.scan(nt).contains_any(other)
    assert [h.start for h in scan.scan(nt, 5).find(other)] == [h.start + 5 for h in other.find(nt)]


def test_a_scan_of_no_phrases_finds_nothing():
    index = PhraseIndex([])
    scanned = PhraseScan([index]).scan(normalize("a test"))
    assert scanned.find_all(index) == [] and scanned.find(index) == [] and not scanned.contains_any(index)


_NEWS = [
    "North Korea test-fired a Hwasong-18 ICBM into the East Sea on Monday, South Korea's Joint Chiefs of Staff said.",
    "KCNA reported that Kim Jong Un oversaw artillery drills near the border, according to  state media.",
    "About 12,000 North Korean troops were sent to Russia, where hundreds were killed or captured in Kursk.",
    "The two sides held talks in Pyongyang; they agreed to another round of military exercises next month.",
]


def test_the_lexicon_scans_give_every_index_what_it_finds_alone():
    """The sentence scan and the cascade's block scan of the packaged lexicon: many tables share phrases."""
    from nkwatch.nlp.cascade import Cascade
    from nkwatch.nlp.lexicon import load_lexicon
    from nkwatch.settings import Settings

    lex = load_lexicon(Settings())
    for scan in (lex.sentence_scan, Cascade(lex).scan):
        indexes = scan._indexes
        assert len(indexes) > 10
        for text in _NEWS:
            nt = normalize(text)
            scanned = scan.scan(nt, 3)
            for index in indexes:
                assert scanned.find_all(index) == [Hit(h.start + 3, h.end + 3, h.phrase, h.values)
                                                   for h in index.find_all(nt)]
                assert scanned.contains_any(index) is index.contains_any(nt)


def test_a_scan_pickled_with_its_indexes_finds_what_they_find():
    import pickle

    indexes = _indexes()
    copied, scan = pickle.loads(pickle.dumps((indexes, PhraseScan(indexes.values()))))
    nt = normalize(_TEXTS[0])
    assert all(scan.scan(nt).find_all(index) == index.find_all(nt) for index in copied.values())
    assert all(scan.slot(index) is not None for index in copied.values())
