"""Every read route (HTML page and JSON twin) on generated path and query values: no input makes
the app raise; it answers 2xx, 4xx (a bad filter 422, an unknown id 404, a bad search 400), never 5xx."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from nkwatch.models import EVENT_TYPES, WEAPON_CLASSES

from .conftest import client_of

pytestmark = [pytest.mark.e2e, pytest.mark.model]

WORDS = [*EVENT_TYPES, *WEAPON_CLASSES, "dprk-troops-russia", "troops", "range_km", "KCNA", "2024", "2024-03",
         "2024-W11", "2024-02-30", "2024-13", "9999-12-31", "0000", "-date", "date", "json", "csv", "parquet",
         "geojson", "cns", "events", "claims", "mentions", "\"cruise missile\"", "cruise*", "title:x", "NEAR(a b)",
         "AND", "OR NOT", "(", ")", "%", "_", "\\", "'", "\x00", "\ud7ff", "\U0001f680", "-1", "0", "1",
         "99999999999999999999", "1e9", " "]
VALUES = st.one_of(st.sampled_from(WORDS), st.text(max_size=20), st.integers().map(str),
                   st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join))


@pytest.fixture(scope="module")
def routes(seeded):
    """(path template, path parameters, query parameters) of every GET route in the schema."""
    out = []
    for path, ops in client_of(seeded).app.openapi()["paths"].items():
        if "get" in ops:
            params = ops["get"].get("parameters", [])
            out.append((path, [p["name"] for p in params if p["in"] == "path"],
                        [p["name"] for p in params if p["in"] == "query"]))
    return out


@given(data=st.data(), html=st.booleans())
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(data=None, html=False)
def test_no_query_makes_a_read_route_raise(client, routes, data, html):
    if data is None:  # the explicit example: every route with no value at all
        for path, _, _ in routes:
            if "{" not in path:
                assert client.get(path).status_code < 500, path
        return
    path, path_params, query_params = data.draw(st.sampled_from(routes))
    for name in path_params:
        path = path.replace("{" + name + "}", quote(data.draw(VALUES, label=name), safe=""))
    if html and path.endswith(".json"):
        path = path[:-len(".json")]
    names = data.draw(st.lists(st.sampled_from([*query_params, "format", "x"]), max_size=4, unique=True))
    query = {name: data.draw(VALUES, label=name) for name in names}
    response = client.get(path, params=query)
    assert response.status_code < 500, (path, query, response.text[:300])
    if response.status_code == 200 and path.endswith(".json"):
        response.json()


@pytest.mark.parametrize("path, status", [  # what the fuzzing found raising (OverflowError, ValueError)
    ("/documents/9223372036854775808.json", 404), ("/documents/\u00b2", 400),
    ("/documents/2147483648.json", 404),  # past PostgreSQL's INTEGER (documents.id)
    ("/events.json?offset=9223372036854775808", 422), ("/claims.json?offset=9223372036854775808", 422),
    ("/documents.json?offset=9223372036854775808", 422),
    ("/events/%00", 400), ("/events/ev-%00.json", 400), ("/events.json?text=a%00b", 400)])  # PostgreSQL refuses NUL
def test_numbers_beyond_what_the_store_holds_are_answered(client, path, status):
    assert client.get(path).status_code == status
