"""The site in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium, never a
downloaded one) against uvicorn on 127.0.0.1 over the seeds and the hostile article (ingested
through the API). Every page is loaded with no console error, no uncaught exception, no
Content-Security-Policy violation and no dialog; a screenshot of each is saved under
artifacts/screenshots/ in the repository root."""
from __future__ import annotations

import csv
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from nkwatch.web import create_app
from nkwatch.web.resources import WebResources

from . import hostile
from .conftest import TOKEN, seeded_resources

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.model]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
LAPTOP, PHONE = {"width": 1280, "height": 800}, {"width": 390, "height": 844}
# Records Content-Security-Policy violations; injected by the browser, so the policy allows it.
CSP_WATCH = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
             "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


@dataclass(frozen=True)
class Site:
    url: str
    hostile_doc: int
    hostile_event: str


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: the browser tests need Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(shared, pipeline, resolver, tmp_path_factory) -> Iterator[Site]:
    """uvicorn on a free port of 127.0.0.1, in a thread, over the seeds; the hostile article is
    uploaded through the write API."""
    url = str(tmp_path_factory.mktemp("browser") / "browser.db")
    with seeded_resources(url, shared, pipeline, resolver) as web:
        settings = web.settings.with_(token=TOKEN)
        app = create_app(settings, WebResources(settings, web.store, web.pipeline, web.resolver))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        try:
            upload = httpx.post(f"{base}/api/ingest", headers={"authorization": f"Bearer {TOKEN}"},
                                files={"file": ("hostile.json", hostile.json_bytes())}, timeout=120)
            assert upload.status_code == 200, upload.text
            doc_id = upload.json()["documents"][0]["id"]
            doc = httpx.get(f"{base}/documents/{doc_id}.json").json()
            yield Site(base, doc_id, doc["mentions"][0]["event_id"])
        finally:
            server.should_exit = True
            thread.join(timeout=10)


class Tab:
    """A page whose console errors, uncaught exceptions, dialogs and CSP violations are kept."""

    def __init__(self, browser, site: Site, viewport: dict) -> None:
        self.site = site
        self.context = browser.new_context(viewport=viewport)
        self.context.add_init_script(CSP_WATCH)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"exception: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.set_default_timeout(15_000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str) -> None:
        response = self.page.goto(self.site.url + path, wait_until="networkidle")
        assert response.status == 200, path
        self.check()

    def check(self) -> None:
        """Nothing went wrong on the page so far, and nothing hostile ran."""
        assert self.problems == [] and self.dialogs == []
        assert self.page.evaluate("window.__csp") == []
        assert self.page.evaluate("typeof window.pwned") == "undefined" and self.page.title() != "pwned"

    def shot(self, name: str, full_page: bool = True) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def _opened(browser, site, viewport) -> Iterator[Tab]:
    """A tab of that size, checked for console errors and CSP violations when the test is done."""
    opened = Tab(browser, site, viewport)
    yield opened
    opened.check()
    opened.context.close()


@pytest.fixture
def tab(browser, site) -> Iterator[Tab]:
    yield from _opened(browser, site, LAPTOP)


@pytest.fixture
def phone(browser, site) -> Iterator[Tab]:
    yield from _opened(browser, site, PHONE)


def api(site: Site, path: str, **query) -> dict:
    return httpx.get(f"{site.url}{path}", params=query).json()


def test_timeline_filtered_by_type(tab, site):
    tab.open("/events")
    rows = tab.page.locator("table.events tbody tr")
    assert rows.count() == len(api(site, "/events.json")["events"])
    assert tab.page.locator("td .date.p-month").count() >= 1  # a month shown as a month
    tab.shot("timeline")
    tab.page.select_option("select[name=type]", "weapons_test")  # the form submits itself
    tab.page.wait_for_url("**type=weapons_test**")
    tab.page.wait_for_load_state("networkidle")
    launches = api(site, "/events.json", type="weapons_test")["events"]
    types = rows.evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types == ["weapons_test"] * len(launches)
    tab.shot("timeline-weapons-test")


def test_event_page_highlights_the_evidence_and_greys_the_boilerplate(tab, site):
    tab.open("/events?type=weapons_test&weapon_class=cruise")
    tab.page.locator("a.event-link").first.click()
    tab.page.wait_for_url("**/events/ev-*")
    tab.page.wait_for_load_state("networkidle")
    event = api(site, tab.page.url.replace(site.url, "") + ".json")
    evidence = {m["evidence_text"] for m in event["members"]}
    marks = tab.page.locator("details[open] .article mark.ev-mention")
    assert marks.first.is_visible()
    assert " ".join(marks.all_inner_texts()) in evidence or set(marks.all_inner_texts()) & evidence
    highlight = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert highlight not in ("rgba(0, 0, 0, 0)", "transparent")
    greyed = tab.page.locator(".article .bp").first
    assert greyed.evaluate("b => getComputedStyle(b).color") != tab.page.locator(".article").first.evaluate(
        "a => getComputedStyle(a).color")
    assert tab.page.locator("table.facts th", has_text="weapon_class").count() == 1
    tab.shot("event")
    member = event["members"][-1]  # the evidence link of a report opens its article at the span
    tab.page.locator(f'table.members a[href="#at-{member["id"]}"]').click()
    assert tab.page.locator(f"#at-{member['id']}").is_visible()


def test_timeline_chart_renders_and_a_click_filters(tab, site):
    tab.open("/events")
    chart = api(site, "/events.json")["chart"]
    segments = [(bar, seg) for bar in chart["bars"] for seg in bar["segments"]]
    assert tab.page.locator("figure.activity rect.seg").count() == len(segments) > 0
    box = tab.page.locator("figure.activity svg").bounding_box()
    assert box["width"] > 600 and box["height"] > 100
    assert tab.page.locator(".chart-legend .key .swatch").count() == len(api(site, "/events.json")["facets"]["types"])
    bar, segment = max(segments, key=lambda pair: pair[1]["events"])
    tab.page.locator(f'figure.activity g[data-period="{bar["period"]}"] rect.seg[data-type="{segment["type"]}"]').first.click()
    tab.page.wait_for_url(f"**period={bar['period']}**")
    tab.page.wait_for_load_state("networkidle")
    rows = tab.page.locator("table.events tbody tr")
    expected = sum(s["events"] for s in bar["segments"] if s["type"] == segment["type"])
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.type)") == [segment["type"]] * expected
    assert tab.page.locator("h1 .count").inner_text().startswith(f"{expected} event")
    assert tab.page.locator(".chips strong").inner_text() == bar["period"]


def test_export_this_view_returns_only_the_filtered_rows(tab, site, tmp_path):
    tab.open("/events?type=weapons_test")
    shown = api(site, "/events.json", type="weapons_test", sort="date", limit=1000)["events"]
    for fmt in ("csv", "acled"):
        with tab.page.expect_download() as info:
            tab.page.locator(f"p.exports a.export-{fmt}").click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if fmt == "csv":
            assert [r["id"] for r in rows] == [e["id"] for e in shown] and {r["type"] for r in rows} == {"weapons_test"}
        else:
            assert rows and {r["event_id_cnty"] for r in rows} <= {e["id"] for e in shown}


def test_map_opens_on_korea_with_coloured_clusters_and_labelled_sites(tab, site):
    tab.open("/map")
    tab.page.wait_for_selector("#map[data-basemap-loaded='1'][data-markers][data-center]")
    located = api(site, "/map.json")["located"]
    assert tab.page.locator("#map").get_attribute("data-markers") == str(len(located))
    lat, lon = map(float, tab.page.locator("#map").get_attribute("data-center").split(","))
    assert 33 < lat < 43 and 124 < lon < 131  # the Korean peninsula
    assert tab.page.locator(".leaflet-basemap-pane path").count() > 100  # Natural Earth countries
    labels = tab.page.locator(".leaflet-tooltip.landmark-label").all_inner_texts()
    assert {"Punggye-ri nuclear test site", "Sohae Satellite Launching Ground", "MDL", "NLL"} <= set(labels)
    colours = tab.page.locator("path.event-marker").evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)")
    assert colours and len(set(colours)) >= 2  # coloured by type
    tab.shot("map", full_page=False)
    frame = tab.page.locator("#map").bounding_box()
    marker = next(m for m in tab.page.locator("path.event-marker").all() if _within(m.bounding_box(), frame))
    marker.click(force=True)  # a marker's popup links to its event
    assert tab.page.locator(".leaflet-popup a").first.get_attribute("href").startswith("/events/")
    for _ in range(2):  # zoomed out, nearby events gather into clusters
        zoom = int(tab.page.locator("#map").get_attribute("data-zoom"))
        tab.page.locator(".leaflet-control-zoom-out").click()
        tab.page.wait_for_selector(f"#map[data-zoom='{zoom - 1}']")
        tab.page.wait_for_function("() => !document.querySelector('.leaflet-cluster-anim, .leaflet-zoom-anim')")
        tab.page.wait_for_timeout(300)  # the clusters of the last zoom fade out
    rings = tab.page.locator(".event-cluster .cluster-ring")
    assert rings.count() >= 1
    assert "conic-gradient" in rings.first.evaluate("r => getComputedStyle(r).backgroundImage")
    clustered = sum(int(t) for t in rings.all_inner_texts())  # (markers out of view are not drawn)
    assert clustered >= 2 and clustered + tab.page.locator("path.event-marker").count() <= len(located)
    undisclosed = api(site, "/map.json")["undisclosed"]
    assert tab.page.locator("h2", has_text="Place undisclosed").inner_text().endswith(f"({len(undisclosed)})")


def _within(box: dict | None, frame: dict) -> bool:
    return bool(box) and frame["x"] < box["x"] and box["x"] + box["width"] < frame["x"] + frame["width"] and (
        frame["y"] < box["y"] and box["y"] + box["height"] < frame["y"] + frame["height"])


def test_a_filtered_map_fits_its_events(tab, site):
    tab.open("/map?place=kursk")
    tab.page.wait_for_selector("#map[data-markers][data-center]")
    lat, lon = map(float, tab.page.locator("#map").get_attribute("data-center").split(","))
    assert 45 < lat < 58 and 30 < lon < 42  # Kursk, not Korea


def test_search(tab):
    tab.open("/search")
    tab.page.fill("input[name=q]", "missile")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/search?q=missile")
    tab.page.wait_for_load_state("networkidle")
    assert tab.page.locator("ol.hits li").count() >= 1
    assert tab.page.locator(".snippet mark").first.inner_text().lower().startswith("missile")
    tab.shot("search")


def test_claim_series_chart(tab, site):
    tab.open("/claims/series/dprk-troops-russia")
    data = api(site, "/claims/series/dprk-troops-russia.json")
    charted = sum(len(s["points"]) for s in data["chart"]["series"])
    assert tab.page.locator("figure.chart circle.point").count() == charted >= 2
    assert tab.page.locator(".chart-legend .key").count() == len(data["chart"]["series"])
    box = tab.page.locator("figure.chart > svg").bounding_box()
    assert box["width"] > 400 and box["height"] > 150
    tab.shot("series")


def test_document_page_can_hide_its_boilerplate(tab):
    tab.open("/documents/1")
    boilerplate = tab.page.locator(".article .bp").first
    assert boilerplate.is_visible()
    tab.page.check("input.hide-bp")
    assert not boilerplate.is_visible()
    tab.page.uncheck("input.hide-bp")
    tab.shot("document")


def test_the_hostile_article_runs_nothing(tab, site):
    for name, path in [("document", f"/documents/{site.hostile_doc}"), ("event", f"/events/{site.hostile_event}"),
                       ("search", f"/search?q={hostile.WORD}"), ("timeline", "/events?sort=-date"),
                       ("documents", "/documents")]:
        tab.open(path)
        for element in tab.page.locator("main a, main mark, main .bp").all()[:30]:
            if element.is_visible():  # mouse handlers, had any got through (forced: a chart bar's link
                element.hover(force=True)  # lies under its segments' links)
        tab.check()
        tab.shot(f"xss-{name}")
    tab.open(f"/documents/{site.hostile_doc}")
    shown = tab.page.locator(".article").inner_text()
    assert hostile.PAYLOADS[0] in shown and hostile.PAYLOADS[1] in shown  # shown as text, whole
    assert tab.page.locator("h1").inner_text() == hostile.TITLE


def test_pages_fit_a_phone(phone, site):
    for name, path in [("timeline", "/events"), ("event", "/events/dprk-troops-russia"), ("map", "/map"),
                       ("series", "/claims/series/dprk-troops-russia"), ("claims", "/claims"),
                       ("hostile-event", f"/events/{site.hostile_event}")]:
        phone.open(path)
        assert phone.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
        phone.shot(f"phone-{name}", full_page=False)


def test_event_page_says_what_happened_and_scrolls_to_its_evidence(tab, site):
    located = api(site, "/map.json", type="weapons_test")["located"]
    event = located[0]
    tab.open(f"/events/{event['id']}")
    assert tab.page.locator("h1").inner_text() == event["headline"]
    tab.page.wait_for_selector(".small-map[data-markers='1'][data-basemap-loaded='1']")
    article = tab.page.locator("details[open] .article.framed").first
    mark = article.locator("mark.ev-mention").first
    inside = article.evaluate("""a => { const m = a.querySelector('mark.ev-mention'); const b = a.getBoundingClientRect();
                                        const r = m.getBoundingClientRect(); return r.top >= b.top && r.top < b.bottom; }""")
    assert inside and mark.is_visible()
    scrolled = int(article.get_attribute("data-scrolled"))
    offset = mark.evaluate("m => m.offsetTop - m.closest('.article').offsetTop")
    assert scrolled == 0 or offset - scrolled > 40  # lines of context above the evidence
    tab.shot("event-located")
