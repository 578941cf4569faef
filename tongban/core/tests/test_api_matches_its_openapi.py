"""A developer generates a client from /api/v1/openapi.json, and every answer the API gives fits it.

Schemathesis (property-based, in-process through the WSGI app: no server) sends each operation a
bounded number of generated requests, valid and invalid, and checks every answer: never a server
error; the status code, the content type, the body and the headers as documented. Twice: anonymously
(every operation; a session-only one must answer its documented 401), and as a logged-in applicant
with the session cookie and the CSRF token a real client holds (the operations that read the session).
A generated request that names an object in its path is sent a second time aimed at a real one (the
applicant's case, draft, joint case and licence, a published matter and theme, a division, a site, a
rating link), so the documented 200 bodies are checked too, not only the 404s.

Reproducible (derandomized) and bounded: 10 generated requests per operation, plus the boundary cases
of the public operations' parameters: about 60 s of CPU for the 78 + 54 operation tests (2–3 minutes
of wall time on the shared, busy 2-core machine).
"""

import json
from types import SimpleNamespace

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, settings
from ninja.responses import NinjaJSONEncoder

from tongban.api import api
from tongban.wsgi import application

EXAMPLES = settings(max_examples=10, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))
CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_schema_conformance", "response_headers_conformance")

# The document /api/v1/openapi.json serves, built without a request (collection has no database).
DOCUMENT = json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))
OPERATIONS = [op for path in DOCUMENT["paths"].values() for op in path.values()]
SESSION_ONLY = sorted(op["operationId"] for op in OPERATIONS if op.get("security"))
# Public, but what they do depends on who is logged in (registry reads, the rater, the reporter).
SESSION_AWARE = ["evaluateTheme", "rateCase", "reportCannotDo"]


def _schema(*, anonymous: bool):
    config = {
        "generation": {"with-security-parameters": anonymous},
        "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
        # Boundary cases (the coverage phase) only where they reach the view: a session-only operation
        # answers every anonymous request with 401, and the applicant run sees the same validation.
        # One method the path does not take is enough to see the 405 (each is answered the same way).
        "phases": {"coverage": {"enabled": anonymous, "unexpected-methods": ["patch"]}},
        "operations": [{"include-operation-id": SESSION_ONLY, "phases": {"coverage": {"enabled": False}}}],
    }
    schema = schemathesis.openapi.from_dict(DOCUMENT, config=schemathesis.Config.from_dict(config))
    schema.app = application
    if anonymous:
        return schema
    # (An `include` here would be or-ed with the config's own filter, which takes every operation.)
    return schema.exclude(operation_id=[op["operationId"] for op in OPERATIONS
                                        if op["operationId"] not in SESSION_ONLY + SESSION_AWARE])


anonymous_schema = _schema(anonymous=True)
applicant_schema = _schema(anonymous=False)


@pytest.fixture(scope="module")
def city(django_db_setup, django_db_blocker):
    """A small city with a published matter and two themes, and an applicant with a completed case, a
    case under way, a draft, a joint case and a licence; built once for the module, in a transaction
    rolled back at the end."""
    from tongban.cases.rating_links import rating_token
    from tongban.cases.services import intake
    from tongban.cases.tests.builders import submitted_case
    from tongban.licences.tests.builders import food_type, issue_for
    from tongban.ratings.tests.support import completed_case, world
    from tongban.themes.tests.newborn_support import apply_newborn
    from tongban.themes.tests.support import make_theme_world

    with django_db_blocker.unblock(), transaction.atomic():
        themes = make_theme_world("convenience-store", "newborn")
        w = world()
        w.applicant = themes.applicant
        done = completed_case(w)
        under_way = submitted_case(w)
        draft = intake.start_application(w.applicant, w.impl)
        joint = apply_newborn(themes)
        w.food = food_type()
        licence = issue_for(w)
        w.aims = {
            ("divisions", "code"): themes.furong.code, ("departments", "credit_code"): w.market.credit_code,
            ("sites", "site_id"): str(themes.city.sites.first().pk), ("matters", "implementation_code"): w.impl.code,
            ("versions", "number"): "1", ("themes", "code"): "convenience-store",
            ("rate", "token"): rating_token(done.number), ("cases", "number"): under_way.number,
            ("drafts", "uid"): str(draft.uid), ("joint-cases", "number"): joint.number,
            ("mine", "identifier"): licence.identifier, ("licences", "identifier"): licence.identifier,
        }
        yield w
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def applicant(city, django_db_blocker):
    """The applicant's session cookie and CSRF token, as a client obtains them (any GET /api/v1/cases)."""
    client = Client()
    with django_db_blocker.unblock():
        client.force_login(city.applicant)
        client.get("/api/v1/cases")
    token = client.cookies["csrftoken"].value
    return SimpleNamespace(cookies={"sessionid": client.cookies["sessionid"].value, "csrftoken": token},
                           headers={"X-CSRFToken": token})


@pytest.fixture
def wsgi(db):
    """Requests go through the WSGI handler, which closes the database connection when a request ends;
    the test client keeps it open (the test's transaction lives on it), and so do these requests."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _aimed(case, aims: dict) -> dict | None:
    """The path parameters of `case` with the real objects we know put in, or None if it names none.
    A parameter is known by the path segment before it: /cases/{number}, /drafts/{uid}, …"""
    segments = case.operation.path.strip("/").split("/")
    known = {}
    for before, segment in zip(segments, segments[1:], strict=False):
        value = aims.get((before, segment.strip("{}")))
        if segment.startswith("{") and value is not None:
            known[segment.strip("{}")] = value
    return {**(case.path_parameters or {}), **known} if known else None


def _send(case, aims, **kwargs):
    case.call_and_validate(**kwargs)
    aimed = _aimed(case, aims)
    if aimed is not None:
        case.path_parameters = aimed
        case.call_and_validate(**kwargs)


# The `caller` parameter also gives each operation's test an id of its own: schemathesis 4.32 names its
# items in a way pytest 9.2 no longer reads unless they are parametrized, and under `pytest -n` items
# that share an id would run once for all.
@anonymous_schema.parametrize()
@pytest.mark.parametrize("caller", ["anonymous"])
@EXAMPLES
def test_anonymous_caller_gets_documented_answers(case, caller, city, wsgi):
    # A session-only operation answers 401 before it looks for anything: no second, aimed request.
    _send(case, {} if case.operation.definition.raw.get("security") else city.aims)


@applicant_schema.parametrize()
@pytest.mark.parametrize("caller", ["applicant"])
@EXAMPLES
def test_logged_in_applicant_gets_documented_answers(case, caller, city, applicant, wsgi):
    _send(case, city.aims, cookies=applicant.cookies, headers=applicant.headers)
