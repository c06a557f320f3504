"""Sent.closed: a sentence closed by a full stop (quotes and brackets after it aside) against a headline or a
caption line, the one test the merge's choice of evidence and the claims' headline rule both read."""
import pytest

from nkwatch.nlp.records import Sent


@pytest.mark.parametrize("text, closed", [
    ("The army fired two rockets on Monday.", True),
    ("\u201cWe fired two rockets,\u201d the army said.", True),
    ("The army said it \u201cfired two rockets.\u201d", True),
    ("Did the army fire two rockets?  ", True),
    ("The army fired two rockets (KCNA).", True),
    ("The army fired two rockets and then\u2026", True),
    ("North fires two rockets into the sea", False),
    ("Army fires \u2018two rockets\u2019", False),
    ("Photo: rockets on a launcher (Yonhap)", False),
])
def test_closed(text, closed):
    assert Sent(0, len(text), text, []).closed is closed
