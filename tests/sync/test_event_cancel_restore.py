"""An event cancelled in the office leaves the tablets; restored, it comes back to them."""
from caravan.services.catalogue import events


def _event_changes(tablet, cursor, event_id):
    body = tablet.pull(cursor=cursor).json
    return [c for c in body["changes"] if c["type"] == "event" and c["id"] == event_id], body["cursor"]


def test_a_cancelled_and_restored_event_reaches_tablets_both_ways(client, login_as, make_tablet, build, db):
    user = login_as("office")
    event = build.event(area=user.area, place_zh="周日巴扎")
    tablet = make_tablet(area=user.area)
    first, cursor = _event_changes(tablet, 0, event.id)
    assert first[0]["data"]["place"]["zh"] == "周日巴扎"

    assert client.post(f"/office/events/{event.id}/cancel").status_code == 303
    gone, cursor = _event_changes(tablet, cursor, event.id)
    assert gone == [{"type": "event", "id": event.id, "data": None, "deleted": True}]

    form = {"kind": "bazaar", "area": event.area.code, "place_zh": "周日巴扎", "then": "restore",
            **{k: v for k, v in events.form_values(event).items() if k in ("starts_at", "ends_at")}}
    assert client.post(f"/office/events/{event.id}/edit", data=form).status_code == 303
    back, _ = _event_changes(tablet, cursor, event.id)
    assert len(back) == 1 and not back[0].get("deleted")
    assert back[0]["data"]["status"] == "planned" and back[0]["data"]["place"]["zh"] == "周日巴扎"
