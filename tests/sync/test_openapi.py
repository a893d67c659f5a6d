"""The OpenAPI description covers every route of the sync API and says what the code does."""
import re

from caravan.services.sync import ingest, pull
from caravan.services.sync.validate import VALIDATORS
from tests.sync.conftest import API


def spec(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.json


def test_every_route_under_the_api_is_described(client, app):
    paths = spec(client)["paths"]
    routes = {(re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)[len(API):] or "/", method.lower())
              for rule in app.url_map.iter_rules() if rule.rule.startswith(API)
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    described = {(path, method) for path, item in paths.items() for method in item}
    assert routes == described


def test_every_reference_resolves_and_limits_match_the_code(client):
    document = spec(client)
    assert document["openapi"] == "3.1.0"
    refs = re.findall(r'"\$ref": "#/components/schemas/(\w+)"', str(document).replace("'", '"'))
    assert refs and set(refs) <= set(document["components"]["schemas"])
    schemas = document["components"]["schemas"]
    assert set(schemas["Record"]["properties"]["type"]["enum"]) == set(VALIDATORS)
    push = document["paths"]["/push"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert push["properties"]["records"]["maxItems"] == ingest.MAX_BATCH
    limit = next(p for p in document["paths"]["/pull"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == pull.MAX_LIMIT and limit["schema"]["default"] == pull.DEFAULT_LIMIT
    assert set(schemas["Receipt"]["required"]) == {"device_records", "digest"}
