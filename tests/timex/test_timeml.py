"""TimeML tooling on tiny invented documents: reading, writing back, and TempEval-3 scoring."""
from __future__ import annotations

import datetime as dt

import pytest

from nkwatch.nlp.timex import TimexTagger
from nkwatch.settings import Settings
from nkwatch.timeml import evaluate, parse_tml, render, score_document, summary, system_timexes
from nkwatch.timeml.annotate import annotate_dir
from nkwatch.timeml.reader import TimexTag

GOLD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>invented_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-02-28" functionInDocument="CREATION_TIME">2025-02-28</TIMEX3></DCT>
<TEXT>
The army <EVENT eid="e1" class="OCCURRENCE">fired</EVENT> two missiles on <TIMEX3 tid="t1" type="DATE" value="2025-02-26">Wednesday</TIMEX3>, the ministry <EVENT eid="e2" class="REPORTING">said</EVENT> &amp; added that drills lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> <SIGNAL sid="s1">in</SIGNAL> <TIMEX3 tid="t3" type="DATE" value="2025-W08">the week before</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
</TimeML>
"""


def test_reader_strips_tags_and_keeps_offsets():
    doc = parse_tml(GOLD)
    assert doc.dct == dt.date(2025, 2, 28)
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["Wednesday", "three days", "the week before"]
    assert [t.value for t in doc.timexes] == ["2025-02-26", "P3D", "2025-W08"]
    assert "<" not in doc.text and "&amp;" in doc.text


def test_render_with_gold_tags_reproduces_the_document():
    doc = parse_tml(GOLD)
    assert render(doc, doc.timexes) == GOLD


def test_render_replaces_gold_tags_and_keeps_the_rest():
    doc = parse_tml(GOLD)
    out = render(doc, [TimexTag(doc.timexes[0].start, doc.timexes[0].end,
                                {"tid": "t1", "type": "DATE", "value": "X"})])
    assert '<TIMEX3 tid="t1" type="DATE" value="X">Wednesday</TIMEX3>' in out
    assert "P3D" not in out and '<SIGNAL sid="s1">in</SIGNAL>' in out
    assert '<EVENT eid="e2" class="REPORTING">said</EVENT>' in out
    assert out.count("<TIMEX3") == 2  # ours + the DCT


def test_render_widens_a_tag_that_would_cross_an_element():
    doc = parse_tml(GOLD)
    said = doc.text.index("said")
    out = render(doc, [TimexTag(said - 5, said + 2, {"tid": "t1", "type": "DATE"})])
    assert '<TIMEX3 tid="t1" type="DATE">stry <EVENT eid="e2" class="REPORTING">said</EVENT></TIMEX3>' in out


def tag(start, end, type_="DATE", value=None):
    return TimexTag(start, end, {"type": type_, **({"value": value} if value else {})})


def test_scorer_strict_relaxed_and_value_accuracy():
    gold = [tag(0, 10, value="2025-02-26"), tag(20, 30, "DURATION", "P3D"), tag(40, 50, value="2025")]
    system = [
        tag(0, 10, value="2025-02-26"),             # strict match, right value
        tag(22, 30, "DURATION", "P2D"),             # relaxed only, wrong value
        tag(60, 70, value="2024"),                  # spurious
    ]
    s = summary(score_document(gold, system))
    assert s["strict_precision"] == pytest.approx(100 / 3, abs=0.01)
    assert s["strict_recall"] == pytest.approx(100 / 3, abs=0.01)
    assert s["relaxed_precision"] == pytest.approx(200 / 3, abs=0.01)
    assert s["relaxed_recall"] == pytest.approx(200 / 3, abs=0.01)
    assert s["relaxed_f1"] == pytest.approx(200 / 3, abs=0.01)
    assert s["type_accuracy"] == 100.0
    assert s["value_accuracy"] == 50.0
    assert s["value_f1"] == pytest.approx(100 / 3, abs=0.01)
    assert s["by_type"]["DATE"] == {"gold": 2, "system": 2, "matched": 1}
    assert s["by_type"]["DURATION"] == {"gold": 1, "system": 1, "matched": 1}


def test_scorer_pairs_each_gold_with_its_most_overlapping_system_tag():
    gold = [tag(0, 20, value="A")]
    system = [tag(0, 4, value="B"), tag(5, 20, value="A")]
    s = summary(score_document(gold, system))
    assert (s["relaxed_precision"], s["relaxed_recall"], s["value_accuracy"]) == (100.0, 100.0, 100.0)
    assert s["strict_f1"] == 0.0


@pytest.fixture(scope="module")
def tagger() -> TimexTagger:
    return TimexTagger(Settings())


def test_annotate_and_evaluate_a_folder(tmp_path, tagger):
    gold_dir = tmp_path / "gold" / "news"
    gold_dir.mkdir(parents=True)
    (gold_dir / "a.tml").write_text(GOLD, encoding="utf-8")
    written = annotate_dir(tmp_path / "gold", tmp_path / "out", tagger)
    assert written == [tmp_path / "out" / "news" / "a.tml"]
    ours = parse_tml(written[0].read_text(encoding="utf-8"))
    assert ours.text == parse_tml(GOLD).text
    assert [(t.attrs["tid"], t.value) for t in ours.timexes][:2] == [("t1", "2025-02-26"), ("t2", "P3D")]
    result = evaluate(tmp_path / "gold", tagger)
    assert set(result["folders"]) == {"news"}
    assert result["total"]["gold"] == 3
    assert result["total"]["relaxed_recall"] == 100.0


def test_system_timexes_are_numbered_in_order(tagger):
    doc = parse_tml(GOLD)
    assert [t.attrs["tid"] for t in system_timexes(doc, tagger)] == ["t1", "t2", "t3"]


@pytest.mark.parametrize("value,canonical", [
    ("2014-XX-XX", "2014"), ("1998-10-XX", "1998-10"), ("2013-10-W41", "2013-W41"),
    ("2015-03-13-WXX-5", "2015-03-13"), ("2013-11-3", "2013-11-03"), ("2000-W7", "2000-W07"),
    ("2011-10-04T7:30", "2011-10-04T07:30"), ("1989-11-06T17", "1989-11-06T17:00"),
    ("P1Y", "P1Y"), ("PRESENT_REF", "PRESENT_REF"), ("XXXX-WXX-1", "XXXX-WXX-1"),
])
def test_canonical_values_only_rewrite_notation(value, canonical):
    from nkwatch.timeml.score import canonical_value
    assert canonical_value(value) == canonical


def test_canonical_value_f1_is_reported_beside_the_strict_string_one():
    gold = [tag(0, 4, value="2014-XX-XX"), tag(10, 14, value="2015")]
    s = summary(score_document(gold, [tag(0, 4, value="2014"), tag(10, 14, value="2016")]))
    assert (s["value_accuracy"], s["value_accuracy_canonical"]) == (0.0, 50.0)


def _timex(text: str, type_: str, value: str):
    from nkwatch.nlp.timex import Timex
    return Timex(0, len(text), text, type_, value)


@pytest.mark.parametrize("text,type_,value,written", [
    ("Friday", "DATE", "2015-03-13", "2015-03-13-WXX-5"),
    ("next Fri", "DATE", "2012-03-16", "2012-03-16-WXX-5"),
    ("Sunday afternoon", "TIME", "2015-03-15TAF", "2015-03-15-WXX-7TAF"),
    ("Friday", "DATE", "2015-03-14", "2015-03-14"),        # not the named weekday: left as it is
    ("today", "DATE", "2015-03-13", "2015-03-13"),
    ("2014", "DATE", "2014", "2014-XX-XX"),
    ("this year", "DATE", "2014", "2014"),                # a year not written as a number
    ("last week", "DATE", "2013-W41", "2013-10-W41"),     # qualified by the document date's month
    ("three days", "DURATION", "P3D", "P3D"),
    ("Fridays", "SET", "XXXX-WXX-5", "XXXX-WXX-5"),
])
def test_tweets_notation_rewrites_only_the_form(tagger, text, type_, value, written):
    from nkwatch.timeml.notation import rewrite
    t = _timex(text, type_, value)
    dct = dt.date(2013, 10, 17)
    assert [x.value for x in rewrite([t], dct, tagger.resources, "tweets")] == [written]
    assert rewrite([t], dct, tagger.resources, "timeml") == [t]


def test_unknown_notation_is_refused(tagger):
    from nkwatch.timeml.notation import rewrite
    with pytest.raises(ValueError, match="unknown TIMEX3 notation"):
        rewrite([], None, tagger.resources, "heideltime")


def test_evaluate_in_another_notation_changes_values_not_extents(tmp_path, tagger):
    doc = (GOLD.replace('value="2025-02-26">Wednesday', 'value="2025-02-26-WXX-3">Wednesday')
           .replace('value="2025-W08"', 'value="2025-02-W08"'))
    (tmp_path / "a.tml").write_text(doc, encoding="utf-8")
    plain = evaluate(tmp_path, tagger)["total"]
    tweets = evaluate(tmp_path, tagger, notation="tweets")["total"]
    assert plain["relaxed_f1"] == tweets["relaxed_f1"] and plain["strict_f1"] == tweets["strict_f1"]
    assert (plain["value_accuracy"], tweets["value_accuracy"]) == (pytest.approx(100 / 3, abs=0.01), 100.0)


def test_cli_annotate_and_eval_in_either_notation(tmp_path):
    import json

    from click.testing import CliRunner

    from nkwatch.cli import cli
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.tml").write_text(GOLD.replace('value="2025-02-26">', 'value="2025-02-26-WXX-3">')
                                .replace('value="2025-W08"', 'value="2025-02-W08"'), encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["timeml", "annotate", str(gold), str(tmp_path / "out"), "--notation", "tweets"],
                        catch_exceptions=False)
    assert out.exit_code == 0 and "1 documents written" in out.output
    assert 'value="2025-02-26-WXX-3">Wednesday' in (tmp_path / "out" / "a.tml").read_text(encoding="utf-8")
    scores = {}
    for notation in ("timeml", "tweets"):
        out = runner.invoke(cli, ["timeml", "eval", "--gold", str(gold), "--json", "--notation", notation],
                            catch_exceptions=False)
        result = json.loads(out.output)
        assert result["notation"] == notation
        scores[notation] = result["total"]
    assert scores["timeml"]["relaxed_f1"] == scores["tweets"]["relaxed_f1"] == 100.0
    assert scores["tweets"]["value_accuracy"] > scores["timeml"]["value_accuracy"]
    bad = runner.invoke(cli, ["timeml", "eval", "--gold", str(gold), "--notation", "heideltime"])
    assert bad.exit_code == 2 and "heideltime" in bad.output
