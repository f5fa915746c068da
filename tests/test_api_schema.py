"""The OpenAPI schema and its docs page; and schemathesis, which sends requests generated from the
schema to the app (in this process) and checks every answer against the schema."""

import json

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from aspm.wsgi import application

from .api_helpers import plan_for, token_for
from .api_work import a_version, council_action, police_action, police_return, the_figure
from .url_walk import api_routes

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def test_the_schema_is_openapi_3_and_describes_every_route(client):
    schema = client.get("/api/v1/schema/").json()
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    for route in api_routes():
        path = "/" + route.route.replace("<slug:slug>", "{slug}").replace("<int:pk>", "{id}")
        assert path in paths, path
    assert "/api/v1/partnerships/" in paths
    assert schema["components"]["securitySchemes"]["tokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "A personal API token, made on the “API tokens” page of your account.",
    }
    create = schema["paths"]["/api/v1/p/{slug}/organisations/"]["post"]
    assert {"201", "400", "401", "403", "404", "409", "429"} <= set(create["responses"])


def test_the_docs_page_loads_swagger_ui_from_our_static_files_without_inline_script(client):
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<script>" not in html and "cdn" not in html.lower()
    script = client.get("/api/v1/docs/", {"script": ""})
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()


def _generated_schema() -> dict:
    """The schema as /api/v1/schema/ serves it (built without a request, so at import time)."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


# schemathesis.pytest.from_fixture would load it from the app, but it breaks on pytest 9.
schema = schemathesis.openapi.from_dict(_generated_schema())


@pytest.fixture
def in_process_app(world):
    """Partnership A's plan, a figure, actions, the police return and a report version in place, and
    the WSGI app sharing the test's database connection."""
    plan_for(world.a, extra=2)
    the_figure(world.a), council_action(world.a), police_action(world.a), police_return(world.a), a_version(world.a)
    # Like Django's test client: keep the test's connection (and transaction) across "requests".
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    cache.clear()
    yield application, {"Authorization": f"Bearer {token_for(world.a.coordinator, 'schemathesis')}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_generated_request_gets_an_answer_that_keeps_to_the_schema(case, world, in_process_app):
    side = world.a
    app, headers = in_process_app  # our token header replaces any generated one
    if case.path_parameters is not None and "slug" in case.path_parameters:
        case.path_parameters["slug"] = side.slug  # B's and made-up slugs are covered by the walk
    response = case.call(headers=headers, app=app)
    case.validate_response(response, checks=CHECKS, headers=headers, transport_kwargs={"app": app})
