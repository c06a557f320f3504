"""Webhook alerts: versions of events found once each, routed by the timeline's filters, delivered
signed, retried with backoff, recorded (delivered / failing / given up), never twice."""
from __future__ import annotations

import time

import pytest

from nkwatch.alerts import Alerts, Subscription, SubscriptionError, load_subscriptions, signature, verify
from nkwatch.filters import EventFilters

from watch.articles import SRBM_UPDATE
from .conftest import SECRET, event_of


def subscription(hooks, name="all", **filters) -> Subscription:
    return Subscription(name, hooks.url(f"/{name}"), SECRET, EventFilters.parse(filters, selecting_only=True))


def wait_until_due(store) -> None:
    time.sleep(max(0.0, (store.next_delivery_at() - store.now()).total_seconds()) + 0.01)


def test_the_first_scan_is_the_baseline_then_each_change_is_news(store, settings, hooks, publish):
    publish("srbm")
    alerts = Alerts(store, [subscription(hooks)], settings)
    alerts.start()
    assert alerts.run().versions == []  # stored before watching began: not news
    publish("icbm")
    done = alerts.run()
    assert [(v.event_id, v.version, v.change) for v in done.versions] == [(event_of(store, "icbm"), 1, "new")]
    assert hooks.events() == [(event_of(store, "icbm"), 1)]


def test_each_event_version_is_delivered_once_signed(store, settings, hooks, publish):
    alerts = Alerts(store, [subscription(hooks)], settings)
    alerts.start()
    publish("srbm")
    alerts.run()
    alerts.run()
    publish("srbm", SRBM_UPDATE)  # the outlet updates its article: a revision, which replaces its report
    done = alerts.run()
    assert [(v.version, v.change) for v in done.versions] == [(2, "updated")]
    alerts.run()
    publish("srbm", SRBM_UPDATE)  # the same text again: nothing changes
    assert alerts.run().versions == []
    event = event_of(store, "srbm")
    assert hooks.events() == [(event, 1), (event, 2)]
    first, second = hooks.accepted
    assert first.signature_ok and second.signature_ok
    assert second.payload["change"] == "updated" and second.payload["event"]["documents"] == 1
    told = second.payload["event"]
    assert told["url"] == f"http://nkwatch.test/events/{event}" and told["type"] == "weapons_test"
    assert told["date"]["text"] == "2025-03-04" and "JCS" in told["sources"]
    assert told["evidence"]["sentence"].startswith("North Korea fired two short-range ballistic missiles")
    assert first.event == f"{event};version=1" and first.delivery != second.delivery
    assert [d.status for d in store.deliveries()] == ["delivered", "delivered"]


def test_subscriptions_get_the_events_their_filters_select(store, settings, hooks, publish):
    subs = [subscription(hooks, "drills", type="military_exercise"), subscription(hooks, "icbm", weapon_class="icbm"),
            subscription(hooks, "east", place="east sea", q="missile")]
    alerts = Alerts(store, subs, settings)
    alerts.start()
    for slug in ("srbm", "icbm", "drill", "cruise"):
        publish(slug)
    alerts.run()
    got = {}
    for d in store.deliveries(limit=None):
        got.setdefault(d.subscription, set()).add(d.event_id)
    assert got == {"drills": {event_of(store, "drill")}, "icbm": {event_of(store, "icbm")},
                   "east": {event_of(store, "srbm"), event_of(store, "icbm")}}


def test_failed_deliveries_are_retried_with_backoff_then_delivered(store, settings, hooks, publish):
    hooks.fail_first = 2
    said = []
    # a backoff long enough that a loaded machine cannot pass it between the two calls below
    alerts = Alerts(store, [subscription(hooks)], settings.with_(alert_backoff=0.4), log=said.append,
                    rng=lambda: 1.0)
    alerts.start()
    publish("drill")
    assert [s for _, s in alerts.run().attempts] == ["failing"]
    assert alerts.deliver() == []  # not due yet: the backoff holds it
    for expected in ("failing", "delivered"):
        wait_until_due(store)
        assert [s for _, s in alerts.deliver()] == [expected]
    delivery, = store.deliveries()
    assert (delivery.status, delivery.attempts, delivery.http_status) == ("delivered", 3, 204)
    assert delivery.last_error is None
    assert len(hooks.refused) == 2 and len(hooks.accepted) == 1
    assert said[0].endswith("HTTP 500; attempt 1/4, next in 0.40 s") and said[1].endswith("next in 0.80 s")


def test_a_receiver_that_never_answers_well_is_given_up(store, settings, hooks, publish):
    dead = Subscription("dead", "http://127.0.0.1:9/hook", SECRET, EventFilters())
    alerts = Alerts(store, [dead], settings.with_(alert_backoff=0.0))
    alerts.start()
    publish("drill")
    alerts.run()
    for _ in range(5):
        alerts.deliver()
    delivery, = store.deliveries()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("given_up", 4, None)
    assert "ConnectError" in delivery.last_error
    assert store.deliveries(status="given_up") == [delivery] and store.next_delivery_at() is None


def test_a_delivery_of_a_subscription_removed_from_the_file_is_given_up(store, settings, hooks, publish):
    hooks.fail_first = 1
    Alerts(store, [subscription(hooks)], settings).start()
    publish("drill")
    Alerts(store, [subscription(hooks)], settings).run()
    wait_until_due(store)
    Alerts(store, [], settings).deliver()
    delivery, = store.deliveries()
    assert delivery.status == "given_up" and "no longer in the subscriptions file" in delivery.last_error


def test_routing_a_version_twice_creates_its_deliveries_once(store, settings, hooks, publish):
    alerts = Alerts(store, [subscription(hooks)], settings)
    alerts.start()
    publish("drill")
    versions = store.scan_event_versions()
    row = {"subscription": "all", "event_id": versions[0].event_id, "version": 1, "change": "new",
           "url": hooks.url("/all"), "payload": {}}
    assert store.route_versions(versions, [row]) == 1
    assert store.route_versions(versions, [row]) == 0
    assert alerts.route() == (0, 0) and len(store.deliveries()) == 1


def test_signatures_cover_the_timestamp_and_the_body():
    sig = signature("s", "1700000000", b'{"a":1}')
    assert sig.startswith("sha256=") and verify("s", "1700000000", b'{"a":1}', sig)
    assert not verify("s", "1700000001", b'{"a":1}', sig) and not verify("t", "1700000000", b'{"a":1}', sig)
    assert not verify("s", "1700000000", b'{"a":2}', sig)


def test_subscriptions_file(tmp_path):
    path = tmp_path / "subs.toml"
    path.write_text('[[subscription]]\nname = "launches"\nurl = "https://hooks.example.org/a"\nsecret_env = "HOOK"\n'
                    '[subscription.filters]\ntype = "weapons_test"\nweapon_class = "icbm"\nq = "hwasong"\n\n'
                    '[[subscription]]\nname = "all"\nurl = "http://127.0.0.1:9000/"\nsecret = "x"\n')
    launches, everything = load_subscriptions(path, {"HOOK": "from-env"})
    assert launches.secret == "from-env" and "from-env" not in repr(launches)
    assert launches.filters == EventFilters(type="weapons_test", weapon_class="icbm", q="hwasong")
    assert everything.filters == EventFilters()


@pytest.mark.parametrize("text, error", [
    ('[[subscription]]\nname="a"\nurl="https://x"\nsecret="s"\n[subscription.filters]\ncolour="red"\n',
     "filter colour: unknown filter"),
    ('[[subscription]]\nname="a"\nurl="https://x"\nsecret="s"\n[subscription.filters]\ntype="launch"\n',
     "filter type: unknown value 'launch'"),
    ('[[subscription]]\nname="a"\nurl="https://x"\nsecret="s"\n[subscription.filters]\nsort="-date"\n',
     "filter sort: unknown filter"),
    ('[[subscription]]\nname="a"\nurl="https://x"\n', "a secret"),
    ('[[subscription]]\nname="a"\nurl="https://x"\nsecret_env="NOPE"\n', "NOPE is not set"),
    ('[[subscription]]\nname="a"\nurl="ftp://x"\nsecret="s"\n', "http(s) URL"),
    ('[[subscription]]\nname="a"\nurl="https://x"\nsecret="s"\n[[subscription]]\nname="a"\nurl="https://y"\n'
     'secret="s"\n', "used twice: a"),
    ('[[subscription]]\nurl="https://x"\nsecret="s"\n', "a name is needed"),
    ('[[subscriptions]]\nname="a"\n', "unknown table"),
    ("[[subscription]\n", "subs.toml"),
])
def test_subscription_errors_say_where_and_why(tmp_path, text, error):
    path = tmp_path / "subs.toml"
    path.write_text(text)
    with pytest.raises(SubscriptionError, match=error.replace("(", r"\(").replace(")", r"\)")):
        load_subscriptions(path, {})
