"""Downloads: every kind in every format parses and holds what ``nkwatch.export`` writes."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from nkwatch.export import CNS_COLUMNS, SCHEMAS, export

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def download(client, name: str):
    response = client.get(f"/export/{name}")
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"].startswith("attachment; filename=\"nkwatch-")
    return response


def counts(seeded) -> dict[str, int]:
    return {"events": len(seeded.store.events(limit=None)), "claims": len(seeded.store.claim_records()),
            "mentions": len(seeded.store.mention_records())}


@pytest.mark.parametrize("kind", ["events", "claims", "mentions"])
def test_csv_json_and_parquet_hold_every_row(client, seeded, kind):
    expected = counts(seeded)[kind]
    rows = list(csv.DictReader(io.StringIO(download(client, f"{kind}.csv").text)))
    assert len(rows) == expected and list(rows[0]) == SCHEMAS[kind].names
    as_json = download(client, f"{kind}.json").json()
    assert len(as_json) == expected and [r["id"] for r in as_json] == [r["id"] for r in rows]
    table = pq.read_table(io.BytesIO(download(client, f"{kind}.parquet").content))
    assert table.num_rows == expected and table.schema.names == SCHEMAS[kind].names
    assert table.column("id").to_pylist() == [r["id"] for r in rows]


@pytest.mark.parametrize("kind, fmt", [("events", "csv"), ("claims", "json"), ("mentions", "csv"),
                                       ("events", "geojson"), ("events", "cns")])
def test_downloads_are_what_the_export_module_writes(client, seeded, kind, fmt):
    out = io.StringIO()
    export(seeded.store, fmt, kind, out, seeded.settings, seeded.resolver.rules.reference_classes)
    assert download(client, f"{kind}.{fmt}").text == out.getvalue()


def test_geojson_holds_the_located_events_with_their_evidence(client):
    collection = download(client, "events.geojson").json()
    located = client.get("/map.json").json()["located"]
    assert collection["type"] == "FeatureCollection"
    assert {f["id"] for f in collection["features"]} == {e["id"] for e in located}
    for feature in collection["features"]:
        assert feature["geometry"]["type"] == "Point" and len(feature["geometry"]["coordinates"]) == 2
        assert feature["properties"]["evidence"]


def test_cns_layout(client):
    response = download(client, "events.cns")
    assert response.headers["content-disposition"].endswith('nkwatch-events.cns.csv"')
    assert next(csv.reader(io.StringIO(response.text))) == list(CNS_COLUMNS)


def test_export_page_lists_every_download(client):
    downloads = client.get("/export.json").json()["downloads"]
    assert len(downloads) == 3 * 3 + 4  # csv, json, parquet of each kind; geojson, cns, plover, acled of events
    for d in downloads:
        assert client.get(d["url"]).status_code == 200


@pytest.mark.parametrize("name, status", [("claims.geojson", 400), ("mentions.cns", 400), ("events.xlsx", 422),
                                          ("people.csv", 422)])
def test_unknown_downloads(client, name, status):
    response = client.get(f"/export/{name}")
    assert response.status_code == status
    json.loads(client.get(f"/export/{name}", headers={"accept": "application/json"}).text)


@pytest.mark.parametrize("query", [{"type": "weapons_test"}, {"since": "2025-03", "sort": "-date"},
                                   {"period": "2025-04"}, {"q": "cruise"}])
def test_event_downloads_keep_what_the_timeline_keeps(client, query):
    shown = [e["id"] for e in client.get("/events.json", params={**query, "limit": 1000}).json()["events"]]
    if "sort" not in query:
        shown = [e["id"] for e in client.get("/events.json", params={**query, "sort": "date", "limit": 1000}).json()["events"]]
    assert shown
    rows = list(csv.DictReader(io.StringIO(client.get("/export/events.csv", params=query).text)))
    assert [r["id"] for r in rows] == shown  # oldest first, unless the query says otherwise
    table = pq.read_table(io.BytesIO(client.get("/export/events.parquet", params=query).content))
    assert table.column("id").to_pylist() == shown
    located = client.get("/map.json", params=query).json()["located"]
    geo = client.get("/export/events.geojson", params=query).json()
    assert {f["id"] for f in geo["features"]} == {e["id"] for e in located}


def test_claim_downloads_keep_what_the_claims_page_keeps(client):
    shown = client.get("/claims.json", params={"property": "troops", "limit": 2000}).json()["claims"]
    rows = download(client, "claims.json?property=troops").json()
    assert [r["id"] for r in rows] == [c["id"] for c in shown] and {r["property"] for r in rows} == {"troops"}
    assert client.get("/export/mentions.csv", params={"type": "weapons_test"}).status_code == 200


@pytest.mark.parametrize("name", ["claims.csv?weapon_class=icbm", "mentions.json?property=troops",
                                  "events.csv?property=troops"])
def test_a_filter_the_kind_does_not_have_is_refused(client, name):
    response = client.get(f"/export/{name}")
    assert response.status_code == 400 and "no filter of" in response.text


def test_list_pages_offer_their_view_as_downloads(client):
    page = client.get("/events.json", params={"type": "weapons_test", "limit": 5, "offset": 5, "per": "week"}).json()
    urls = {x["format"]: x["url"] for x in page["exports"]}
    assert set(urls) == {"csv", "json", "parquet", "geojson", "plover", "acled"}
    assert urls["csv"] == "/export/events.csv?type=weapons_test"  # no paging, no chart setting
    claims = client.get("/claims.json", params={"property": "troops"}).json()["exports"]
    assert [x["url"] for x in claims] == [f"/export/claims.{f}?property=troops" for f in ("csv", "json", "parquet")]
    assert "Export this view" in client.get("/map").text
