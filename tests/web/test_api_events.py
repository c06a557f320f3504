"""The events API over the seeds: the timeline with every filter, pagination and order, the map,
event details (facts, reports, claims, evidence in the original texts) and bad input."""
from __future__ import annotations

from datetime import date

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.model]

CRUISE_DAY = "2025-02-26"  # the strategic cruise missile test reported by two of the seeds


def timeline_day(event: dict) -> str | None:
    """Where an event stands on the timeline: its first day, else the day it was first reported."""
    return event["date_start"] or event["first_report"]


def events(client, **query) -> list[dict]:
    response = client.get("/events.json", params={"limit": 1000, **query})
    assert response.status_code == 200, response.text
    return response.json()["events"]


def test_timeline_lists_every_event_newest_first_with_dates_at_their_precision(client, seeded):
    rows = events(client)  # newest first unless asked otherwise
    assert [e["id"] for e in rows] == [r.id for r in seeded.store.events(limit=None, newest_first=True)]
    days = [timeline_day(e) for e in rows if timeline_day(e)]
    assert days == sorted(days, reverse=True)
    nowhere = [i for i, e in enumerate(rows) if not timeline_day(e)]
    assert nowhere == list(range(len(rows) - len(nowhere), len(rows)))  # neither dated nor reported: last
    reported = next(e for e in rows if not e["date_start"] and e["first_report"])  # at its report day
    assert rows.index(reported) < nowhere[0]
    cruise = next(e for e in rows if e["date_value"] == CRUISE_DAY)
    assert cruise["date_shown"] == {"value": CRUISE_DAY, "precision": "day", "bound": "on", "text": CRUISE_DAY}
    reported = next(e for e in rows if e["date_bound"] == "on_or_before")  # known only from its report
    assert reported["date_shown"]["text"].startswith("on or before ")
    month = next(e for e in rows if e["date_precision"] == "month")
    assert month["date_shown"]["text"] == f"{month['date_value']} (month)"  # never shown as a day
    deployment = next(e for e in rows if e["id"] == "dprk-troops-russia")
    assert deployment["date_shown"]["text"].endswith("(long-running)")
    assert all(e["date_shown"]["text"] == "undated" for e in rows if not e["date_value"] and not e["long_running"])


@pytest.mark.parametrize("query, matches", [
    ({"type": "weapons_test"}, lambda e: e["type"] == "weapons_test"),
    ({"weapon_class": "cruise"}, lambda e: e["weapon_class"] == "cruise"),
    ({"place": "SEA"}, lambda e: "sea" in (e["place"] or "").lower()),
    ({"since": "2025-03"}, lambda e: (e["date_end"] or "") >= "2025-03-01"),
    ({"until": "2024"}, lambda e: "" < (e["date_start"] or "") <= "2024-12-31"),
    ({"since": CRUISE_DAY, "until": CRUISE_DAY}, lambda e: (e["date_start"] or "9") <= CRUISE_DAY <= (e["date_end"] or "")),
    ({"type": "weapons_test", "weapon_class": "cruise"}, lambda e: e["weapon_class"] == "cruise"),
])
def test_each_filter_keeps_exactly_the_matching_events(client, query, matches):
    everything = events(client)
    kept = events(client, **query)
    assert kept and len(kept) < len(everything)
    assert [e["id"] for e in kept] == [e["id"] for e in everything if matches(e)]


@pytest.mark.parametrize("query, matches", [
    ({"source": "kcna"}, lambda e: "KCNA" in e["sources"]),
    ({"q": "CRUISE"}, lambda e: "cruise" in " ".join(filter(None, (e["weapon"], e["weapon_class"]))).lower()),
])
def test_source_and_text_filters(client, query, matches):
    kept = events(client, **query)
    assert kept and len(kept) < len(events(client))
    assert any(matches(e) for e in kept)


def test_text_filter_reads_the_evidence_of_the_reports(client, seeded):
    cruise = next(e for e in events(client) if e["date_value"] == CRUISE_DAY)
    evidence = seeded.store.get_event(cruise["id"]).texts
    word = "Wednesday"  # in the evidence sentence, in no field of the event
    assert any(word in text for text in evidence.values())
    assert cruise["id"] in {e["id"] for e in events(client, q=word.lower())}
    assert events(client, q="100%") == [] and events(client, q="_") == []  # LIKE wildcards are literal


def test_newest_first_reverses_the_timeline_and_keeps_events_of_no_day_last(client):
    oldest, newest = events(client, sort="date"), events(client, sort="-date")
    placed = [e["id"] for e in oldest if timeline_day(e)]
    assert [e["id"] for e in newest][:len(placed)] != placed
    days = [timeline_day(e) for e in newest if timeline_day(e)]
    assert days == sorted(days, reverse=True)
    assert {e["id"] for e in newest[len(placed):]} == {e["id"] for e in oldest[len(placed):]}


def test_pagination_walks_the_whole_timeline(client):
    everything = [e["id"] for e in events(client)]
    walked, offset, pages = [], 0, 0
    while offset is not None:
        page = client.get("/events.json", params={"limit": 4, "offset": offset}).json()
        assert page["prev_offset"] == (max(0, offset - 4) if offset else None)
        walked += [e["id"] for e in page["events"]]
        offset, pages = page["next_offset"], pages + 1
    assert walked == everything and pages == -(-len(everything) // 4)
    assert client.get("/events.json", params={"offset": 10_000}).json()["events"] == []


@pytest.mark.parametrize("query", [{"type": "parade"}, {"weapon_class": "laser"}, {"since": "2024-13"},
                                   {"until": "yesterday"}, {"since": "2025-02-30"}, {"sort": "size"},
                                   {"limit": 0}, {"limit": 5000}, {"offset": -1}])
def test_bad_filters_answer_422_naming_the_parameter(client, query):
    response = client.get("/events.json", params=query)
    assert response.status_code == 422
    (name,) = query
    assert any(error["loc"][-1] == name for error in response.json()["detail"])
    page = client.get("/events", params=query)
    assert page.status_code == 422 and "text/html" in page.headers["content-type"]
    assert name in page.text


def test_blank_form_fields_are_no_filter(client):
    blank = {"type": "", "weapon_class": "", "since": " ", "until": "", "source": "", "place": "", "q": ""}
    assert events(client, **blank) == events(client)


def test_map_places_located_events_and_lists_the_others_apart(client):
    data = client.get("/map.json").json()
    located, undisclosed, unlocated = data["located"], data["undisclosed"], data["unlocated"]
    assert located and undisclosed and unlocated
    assert len(located) + len(undisclosed) + len(unlocated) == len(events(client))
    assert all(e["lat"] is not None and e["lon"] is not None for e in located)
    assert all(e["place_precision"] == "undisclosed" for e in undisclosed)
    radius = {e["place_precision"]: e["radius"] for e in located}
    assert radius["area"] < radius["sea"] < radius["country"]  # the vaguer the place, the larger
    weapons = client.get("/map.json", params={"type": "weapons_test"}).json()
    assert all(e["type"] == "weapons_test" for part in ("located", "undisclosed", "unlocated") for e in weapons[part])


def test_event_detail_has_facts_reports_claims_and_evidence(client, seeded):
    cruise = next(e for e in events(client) if e["date_value"] == CRUISE_DAY)
    data = client.get(f"/events/{cruise['id']}.json").json()
    assert data["event"] == cruise
    fields = {f["name"]: f for f in data["fields"]}
    date_field = fields["date"]
    assert date_field["shown"] == CRUISE_DAY and not date_field["disputed"]
    # Every value given, with its sources; the chosen one marked, the others (a month) not.
    assert {v["value"]: v["chosen"] for v in date_field["values"]} == {"2025-02": False, CRUISE_DAY: True}
    assert all(v["sources"] for f in data["fields"] for v in f["values"])
    assert fields["claim:range_km"]["shown"] == "1,587 km"  # the chosen claim shown with its unit
    assert len(data["members"]) == 2 and len({m["document_id"] for m in data["members"]}) == 2
    assert {m["explanation"]["rule"] for m in data["members"]} == {"founded", "matched"}
    assert {c["property"] for c in data["claims"]} >= {"range_km", "flight_time_s"}
    texts = {d["id"]: "".join(s["text"] for s in d["segments"]) for d in data["documents"]}
    for fact in data["members"] + data["claims"]:
        start, end = fact["evidence"]
        assert texts[fact["document_id"]][start:end] == fact["evidence_text"]
        stored = seeded.store.get_document(fact["document_id"]).document
        assert stored.text[start:end] == fact["evidence_text"]  # offsets into the original text
    for d in data["documents"]:
        assert texts[d["id"]] == seeded.store.get_document(d["id"]).document.text
        marked = {i for s in d["segments"] for i in s["ids"]}
        assert marked == {f["id"] for f in data["members"] + data["claims"] if f["document_id"] == d["id"]}
        assert any(s["boilerplate"] is not None for s in d["segments"]) or not stored.boilerplate


def test_long_running_event_detail_and_its_claims(client):
    data = client.get("/events/dprk-troops-russia.json").json()
    assert data["event"]["long_running"] and len({m["document_id"] for m in data["members"]}) >= 4
    assert {"troops", "killed"} <= set(data["series"])
    assert all(c["evidence_text"] for c in data["claims"])


def test_event_by_unique_id_prefix(client):
    full = client.get("/events/dprk-troops-russia.json").json()
    assert client.get("/events/dprk-troops-r.json").json()["event"]["id"] == full["event"]["id"]


def test_unknown_event_answers_404_in_json_and_html(client):
    response = client.get("/events/ev-000000000000.json")
    assert response.status_code == 404 and "ev-000000000000" in response.json()["detail"]
    page = client.get("/events/ev-000000000000")
    assert page.status_code == 404 and "Not found" in page.text


def test_ambiguous_event_prefix_answers_400(client):
    response = client.get("/events/ev-.json")
    assert response.status_code == 400 and "several" in response.json()["detail"]


def test_series_of_the_deployment_by_source_and_report_date(client):
    data = client.get("/claims/series/dprk-troops-russia.json").json()
    assert data["property"] == "troops" and set(data["properties"]) >= {"troops", "killed", "reinforcements"}
    assert [(p["value"], p["source"], p["report_date"]) for p in data["points"]] == [
        (10000, "intelligence agencies", "2025-03-21"), (11000, "Ukrainian officials", "2025-04-28"),
        (15000, "South Korean assessments", None)]
    assert [p["shown"] for p in data["points"]] == [">10,000", "~11,000", "~15,000"]
    chart = data["chart"]
    assert [s["source"] for s in chart["series"]] == ["intelligence agencies", "Ukrainian officials"]
    assert len(chart["undated"]) == 1  # listed, not charted
    x = [s["points"][0]["x"] for s in chart["series"]]
    assert chart["plot"]["left"] < x[0] < x[1] < chart["plot"]["right"]
    killed = client.get("/claims/series/dprk-troops-russia.json", params={"property": "killed"}).json()
    assert [p["value"] for p in killed["points"]] == [600]
    assert client.get("/claims/series/no-such-event.json").status_code == 404


def test_openapi_documents_every_json_route(client):
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "nkwatch"
    assert set(schema["paths"]) >= {
        "/events.json", "/events/{event_id}.json", "/map.json", "/claims.json", "/claims/series/{event_id}.json",
        "/documents.json", "/documents/{key}.json", "/search.json", "/export.json", "/export/{kind}.{fmt}",
        "/api/ingest", "/api/events/merge", "/api/events/{event_id}/split"}
    params = {p["name"] for p in schema["paths"]["/events.json"]["get"]["parameters"]}
    assert params == {"type", "since", "until", "weapon_class", "source", "place", "conducted_by", "q", "sort", "period",
                      "per", "limit", "offset"}


def test_home_leads_to_the_timeline(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/events"


def test_dates_in_events_are_iso(client):
    for e in events(client):
        for key in ("date_start", "date_end", "first_report", "last_report"):
            assert e[key] is None or date.fromisoformat(e[key])


def test_timeline_counts_its_events_per_type_and_month(client):
    everything = events(client)
    data = client.get("/events.json", params={"limit": 5}).json()
    assert data["total"] == len(everything) and len(data["events"]) == 5
    facets = data["facets"]
    assert facets["types"] == {t: sum(e["type"] == t for e in everything) for t in facets["types"]}
    assert sum(facets["types"].values()) == len(everything)
    months = {}
    for e in everything:
        if timeline_day(e):
            months[timeline_day(e)[:7]] = months.get(timeline_day(e)[:7], 0) + 1
    assert facets["months"] == months and facets["nowhere"] == sum(not timeline_day(e) for e in everything)
    assert facets["by_report"] == sum(bool(not e["date_start"] and e["first_report"]) for e in everything)
    pages = [p["number"] for p in data["pages"] if p]
    assert pages[0] == 1 and pages[-1] == -(-len(everything) // 5) and data["pages"][0]["current"]


def test_each_bar_of_the_chart_links_to_exactly_its_events(client):
    chart = client.get("/events.json", params={"per": "month"}).json()["chart"]
    assert chart["per"] == "month" and chart["bars"]
    for bar in chart["bars"]:
        assert bar["events"] == sum(s["events"] for s in bar["segments"])
        assert len(events(client, **_query(bar["url"]))) == bar["events"]
        for segment in bar["segments"]:
            kept = events(client, **_query(segment["url"]))
            assert {e["type"] for e in kept} == {segment["type"]}
            assert sum(bool(e["date_start"]) == segment["dated"] for e in kept) == segment["events"]
    weekly = client.get("/events.json", params={"per": "week", "type": "weapons_test"}).json()["chart"]
    assert all("-W" in b["period"] and "type=weapons_test" in b["url"] for b in weekly["bars"])


def _query(url: str) -> dict[str, str]:
    from urllib.parse import parse_qsl, urlsplit
    return dict(parse_qsl(urlsplit(url).query))


def test_timeline_page_draws_the_chart_and_names_types(client):
    page = client.get("/events").text
    assert '<rect class="seg t-' in page and "Weapons test" in page and "weapons_test</" not in page
    assert 'placeholder="e.g. KCNA"' in page
    assert client.get("/events.json", params={"period": "2024-13"}).status_code == 422


def test_a_text_in_too_many_reports_gives_the_page_without_counts(client, monkeypatch):
    import nkwatch.store.events as ev
    counted = client.get("/events.json", params={"q": "missile"}).json()
    monkeypatch.setattr(ev, "TEXT_SET_MAX", 0)
    data = client.get("/events.json", params={"q": "missile"}).json()
    assert data["events"] == counted["events"] and counted["total"] == len(counted["events"])
    assert (data["total"], data["facets"], data["chart"], data.get("pages")) == (None, None, None, None)
    assert "too many reports to count" in client.get("/events", params={"q": "missile"}).text
