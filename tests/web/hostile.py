"""An invented article full of hostile markup (written for these tests): every place that shows
stored text must escape it, and nothing in it may run in a browser. Each payload would set
``window.pwned`` (and the page title) or open a dialog if it ran."""
from __future__ import annotations

import json

PAYLOADS = (
    "<script>window.pwned = 1; document.title = 'pwned'; alert('xss')</script>",
    "<img src=x onerror=\"window.pwned = 2; alert(2)\">",
    "<a href=\"javascript:window.pwned = 3\">javascript:alert(3)</a>",
    "\"><script>window.pwned = 4</script>",
    "'><svg onload=window.pwned=5>",
    "</textarea></title><iframe src=\"javascript:window.pwned=6\"></iframe>",
)
TITLE = "Missile launch <script>window.pwned = 7; document.title = 'pwned'</script><img src=x onerror=alert(7)>"
URL = "javascript:window.pwned = 8"
TEXT = (
    "Seoul, May 2 -- North Korea fired two short-range ballistic missiles into the East Sea on Friday "
    f"morning, the Joint Chiefs of Staff said. {PAYLOADS[0]} The missiles flew about 300 km before "
    f"falling into the sea, officials said. {PAYLOADS[1]}\n\n"
    f"Analysts said the launch was the third this year. {PAYLOADS[2]} {PAYLOADS[3]}\n\n"
    f"Pyongyang did not comment on the report. {PAYLOADS[4]} {PAYLOADS[5]}\n"
)
WORD = "Analysts"  # searchable, and in no seed


def record() -> dict:
    """The article as a JSON record (title, url and text all hostile)."""
    return {"title": TITLE, "url": URL, "date": "2025-05-02", "author": "<b onmouseover=alert(9)>staff</b>",
            "text": TEXT}


def json_bytes() -> bytes:
    return json.dumps(record()).encode()
