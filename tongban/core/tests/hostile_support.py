"""Walks every page and API operation with hostile values and collects what answered with a 5xx, or
with a 400 that says nothing in Chinese.

The world is the 新生儿出生一件事 city (tongban/themes/tests/support.py) with a joint case, a case and a
draft, so that a hostile value in one place of a request reaches the code behind real values in the
others. Hostile values: a NUL byte; text far longer than any column, ending in bytes that are not
UTF-8 (a lone surrogate); numbers beyond 64 bits; impossible dates; JSON with "\\u0000", a lone
surrogate, NaN or 1e999, nested 100,000 deep, or with every field too long or of the wrong type.

Shortcuts that keep it to seconds: a NUL is tried by the visitor only (it is refused before any view
runs); a request that meets the login page or a refusal is not varied; a route for which an earlier
user got the same answer with the same forms is not walked again; a sample of the Django admin.
Each request is rolled back, so that every one meets the same world.
"""

import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import quote, urlencode, urlsplit

from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tongban.accounts.models import Role, StaffRole
from tongban.cases import materials
from tongban.cases.services import intake
from tongban.cases.tests.builders import make_user, pdf
from tongban.forms.defaults import effective_form
from tongban.themes.tests.newborn_support import apply_newborn
from tongban.themes.tests.support import fill, make_theme_world

LONG = "长" * 3000  # longer than any column
HUGE = "99999999999999999999999"  # beyond a 64-bit integer
NUL = "%00"
# For addresses and queries, percent-encoded: far too long, ending in bytes that are not UTF-8 (a lone
# surrogate, which Django decodes to U+FFFD or keeps percent-encoded in the path).
LONG_ENCODED = quote(LONG) + "%ED%A0%80"
QUERY_VALUES = [LONG_ENCODED, HUGE, "2026-02-30"]
# Form fields: all NUL, all far too long, then numbers and dates in turn (every form checks every field).
FORM_VALUES = [["\x00"], [LONG], [HUGE, "-1", "2026-02-30"]]
CHINESE = re.compile("[\u4e00-\u9fff]")
# Answers only a machine reads, in its own protocol: the payment gateway's notify reads "fail".
MACHINE_READERS = ("/pay/notify/",)


def hostile_world() -> SimpleNamespace:
    w = make_theme_world("newborn")
    w.bundle = apply_newborn(w)
    w.member = w.bundle.members.select_related("case").first().case
    w.impl = w.member.implementation
    w.draft = intake.start_application(w.applicant, w.impl)
    w.case = _submitted_case(w)
    # One member of staff holding every role, so that one walk reaches every staff page.
    w.staff = make_user("all-roles", role=Role.ADMIN, division=w.city, display_name="全岗位")
    for role in (Role.CLERK, Role.SUPERVISOR, Role.EDITOR, Role.HOTLINE, Role.STEWARD):
        StaffRole.objects.create(user=w.staff, role=role, division=w.city, include_subdivisions=True)
    StaffRole.objects.create(user=w.staff, role=Role.CLERK, division=w.furong)
    StaffRole.objects.create(user=w.staff, role=Role.APPROVER, division=w.case.department.division,
                             department=w.case.department)
    return w


def _submitted_case(w):
    case = intake.start_application(w.applicant, w.impl)
    case, errors = intake.save_draft(w.applicant, case, fill(effective_form(case.matter_version)))
    assert not errors, errors
    for material in materials.required_uploads(case):
        intake.attach_file(w.applicant, case, material, pdf(f"{material.name}.pdf"))
    return intake.submit(w.applicant, case)


def real_values(w) -> dict:
    """A value that finds something, by parameter name (and, where names are shared, by address)."""
    return {
        "number": w.case.number, "joint:number": w.bundle.number, "code": w.impl.code,
        "themes:code": "newborn", "divisions:code": w.city.code, "implementation_code": w.impl.code,
        "versions:number": str(w.member.matter_version.number), "uid": str(w.draft.uid),
        "credit_code": w.case.department.credit_code, "key": "settle_here", "kind": "acceptance",
        "lists:kind": "government-services", "op": "accept", "action": "close", "gateway": "sim",
        "departments:pk": str(w.case.department.pk), "file_id": str(w.case.files.first().pk),
        "page": "1", "site_id": "1", "pk": "1", "urge_id": "1", "material_id": "1",
        "order_no": "P1", "tracking_no": "T1", "token": "t", "identifier": "L1",
    }


def _real(values: dict, route: str, name: str) -> str:
    scoped = {"joint-cases": "joint", "themes": "themes", "divisions": "divisions", "versions": "versions",
              "lists": "lists", "departments": "departments"}
    for part, scope in scoped.items():
        if part in route and f"{scope}:{name}" in values:
            return values[f"{scope}:{name}"]
    return values.get(name, "1")


# -- what happened ---------------------------------------------------------------------------------

@dataclass
class Walk:
    client: Client
    who: str
    anonymous: bool = False
    # What earlier users' walks got from the plain request, by route: the same answer (and the same
    # forms) means the hostile variants would run the same code again.
    seen: dict = field(default_factory=dict)
    failures: list = field(default_factory=list)
    requests: int = 0

    def walked_before(self, key, response) -> bool:
        content_type = response.get("Content-Type", "").split(";")[0]
        signature = (response.status_code, content_type, _forms_signature(response))
        if self.seen.get(key) == signature:
            return True
        self.seen[key] = signature
        return False

    def send(self, method: str, url: str, **kwargs):
        self.requests += 1
        # Each request is undone afterwards, so that every one meets the same world (nothing withdrawn,
        # deleted or submitted by an earlier one), and one that failed in the database (which aborts
        # the test's transaction) does not stop the walk.
        savepoint = transaction.savepoint()
        try:
            response = getattr(self.client, method)(url, **kwargs)
        finally:
            transaction.savepoint_rollback(savepoint)
        shown = url.replace(quote(LONG), "长×3000")[:160]
        if response.status_code >= 500:
            exc = getattr(response, "exc_info", None)
            reason = repr(exc[1])[:300] if exc else response.content[:200]
            self.failures.append(f"{self.who} {method.upper()} {shown} {_sent(kwargs)} → {response.status_code} "
                                 f"{reason}")
        elif response.status_code == 400 and not url.startswith(MACHINE_READERS) and not CHINESE.search(
                _text(response)):
            self.failures.append(f"{self.who} {method.upper()} {shown} {_sent(kwargs)} → 400 without Chinese")
        return response


def _text(response) -> str:
    text = response.content.decode("utf-8", "replace")
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)  # the API escapes Chinese as \\uXXXX
    return text


def _sent(kwargs) -> str:
    data = kwargs.get("data")
    if data is None:
        return ""
    text = data if isinstance(data, str) else repr(data)
    return re.sub("长{20,}", "长×3000", text).replace("[" * 100, "[×100000")[:160]


# -- pages -----------------------------------------------------------------------------------------

CONVERTER = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


def page_routes() -> list[str]:
    """Every route outside the API and the Django admin, as written in urls.py (`<int:pk>` kept)."""
    routes = []

    def walk(resolver, prefix):
        for p in resolver.url_patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                walk(p, route)
            elif isinstance(p, URLPattern) and not route.startswith(("api/", "admin/")):
                routes.append(route.lstrip("^").rstrip("$"))

    walk(get_resolver(), "")
    return routes


def admin_routes(every=12) -> list[str]:
    """The admin's own pages and a sample of its model pages (list, add, change, history)."""
    routes, seen_models = [], set()
    for p in get_resolver().url_patterns:
        if str(p.pattern) != "admin/":
            continue
        for q in p.url_patterns:
            for r in getattr(q, "url_patterns", [q]):
                route = "admin/" + str(q.pattern) + ("" if r is q else str(r.pattern))
                if "(?P" in route:
                    continue
                model = route.split("/")[1:3]
                seen_models.add(tuple(model))
                routes.append(route)
    models = sorted(seen_models)[::every]
    return [r for r in routes if tuple(r.split("/")[1:3]) in models or r.count("/") <= 2]


def address(route: str, values: dict, hostile: tuple[str, str] | None = None) -> str:
    def sub(match):
        name, conv = match["name"], match["conv"] or "str"
        if hostile and name == hostile[0]:
            return hostile[1]
        return quote(_real(values, route, name), safe="") if conv != "path" else _real(values, route, name)

    return "/" + CONVERTER.sub(sub, route)


def hostile_paths(walk: "Walk", route: str, values: dict):
    """The address with one parameter hostile at a time; once per parameter and the part of the address
    before it (my/cases/<number>/upload/ and /withdraw/ look the case up the same way)."""
    for match in CONVERTER.finditer(route):
        conv = match["conv"] or "str"
        family = (walk.who, route[:match.end()])
        if conv == "uuid" or family in walk.seen:
            continue  # the converter takes nothing but a UUID; or tried already
        walk.seen[family] = True
        value = {"int": HUGE, "integer": HUGE, "slug": "x" * 300}.get(conv, LONG_ENCODED)
        yield address(route, values, (match["name"], value))


class Forms(HTMLParser):
    """The forms of a page: action, method and the names of their fields."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "method": (a.get("method") or "get").lower(),
                               "fields": {}})
        elif tag in ("input", "select", "textarea", "button") and self.forms and a.get("name"):
            self.forms[-1]["fields"].setdefault(a["name"], a.get("value") or "")


def walk_page(walk: Walk, route: str, values: dict) -> None:
    before = walk.seen.get(route)
    if before and before[0] == 200 and before[1] != "text/html":
        return  # a PDF or a workbook answered an earlier user: the same file again, slowly
    url = address(route, values)
    with names_read() as read:
        first = walk.send("get", url)
    if walk.anonymous:  # refused before any view runs: once is enough
        walk.send("get", url + "?" + query(sorted(read) or ["q"], NUL))
        for match in CONVERTER.finditer(route):
            walk.send("get", address(route, values, (match["name"], NUL)))
    if _shut(first):
        return  # the hostile variants would meet the same login page or refusal
    if walk.walked_before(route, first):
        return
    for hostile in hostile_paths(walk, route, values):
        walk.send("post" if first.status_code == 405 else "get", hostile)
    if read:
        for value in QUERY_VALUES:
            walk.send("get", url + "?" + query(sorted(read), value))
    if first.status_code == 405 or first.status_code >= 300:
        walk.send("post", url, data={})
    if getattr(resolve(urlsplit(url).path).func, "csrf_exempt", False):
        # Posted to by other servers (a payment gateway's notify): raw bodies as the API gets them.
        for raw in [*RAW_BODIES, "\x00"]:
            walk.send("post", url, data=raw, content_type="application/json")
    for form in _forms(first):
        action = urlsplit(form["action"]).path or url
        if not action.startswith("/") or action.startswith(("/i18n/", "/accounts/logout", "/large-text")):
            continue
        for values_in_turn in FORM_VALUES:
            data = {name: values_in_turn[i % len(values_in_turn)] for i, name in enumerate(form["fields"])}
            if form["method"] == "post":
                walk.send("post", action, data=data)
            else:
                walk.send("get", action + "?" + urlencode(data))


def _forms(response) -> list[dict]:
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return []
    parser = Forms()
    parser.feed(response.content.decode())
    return parser.forms


def _forms_signature(response) -> tuple:
    return tuple((f["action"], f["method"], tuple(sorted(f["fields"]))) for f in _forms(response))


@contextmanager
def names_read():
    """The names a view looks up in request.GET (or POST) while the block runs."""
    read = set()
    patched = {}

    def recording(method):
        def wrapper(self, key, *args, **kwargs):
            read.add(key)
            return method(self, key, *args, **kwargs)
        return wrapper

    for name in ("get", "getlist", "__getitem__", "__contains__"):
        patched[name] = QueryDict.__dict__.get(name)
        setattr(QueryDict, name, recording(getattr(QueryDict, name)))
    try:
        yield read
    finally:
        for name, original in patched.items():
            if original is None:
                delattr(QueryDict, name)
            else:
                setattr(QueryDict, name, original)
    read.discard("csrfmiddlewaretoken")


def _shut(response) -> bool:
    """The login page, the second factor or a refusal: what every variant of the request would get."""
    return response.status_code in (401, 403) or response.status_code == 302 and response["Location"].startswith(
        ("/accounts/login/", "/accounts/second-factor/"))


def query(names: list[str], encoded: str) -> str:
    return "&".join(f"{quote(name)}={encoded}" for name in names)


# -- the API ---------------------------------------------------------------------------------------

def operations(client: Client) -> tuple[list[tuple[str, str, dict]], dict]:
    """Every operation of the OpenAPI document, and its component schemas."""
    schema = client.get("/api/v1/openapi.json").json()
    ops = []
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            ops.append((path, method, op))
    return ops, schema["components"].get("schemas", {})


def _resolve(schema: dict, components: dict) -> dict:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            if options:
                return _resolve(options[0], components)
    return schema


def sample(schema: dict, components: dict, leaf, depth=0):
    """A body shaped like `schema` whose every leaf is leaf(type)."""
    if "$defs" in schema:  # a pydantic schema embedded whole (openapi_extra)
        components = {**components, **schema["$defs"]}
    schema = _resolve(schema, components)
    kind = schema.get("type")
    if depth > 6:
        return leaf("string")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties") or {}
        body = {name: sample(s, components, leaf, depth + 1) for name, s in props.items()}
        if not props or schema.get("additionalProperties"):
            body[LONG[:300]] = leaf("string")
            body["key"] = leaf("string")
        return body
    if kind == "array":
        return [sample(schema.get("items") or {}, components, leaf, depth + 1)]
    return leaf(kind or "string")


BODY_LEAVES = {
    "long": lambda kind: LONG if kind == "string" else (10 ** 30 if kind in ("integer", "number") else LONG),
    "wrong type": lambda kind: {"x": [LONG]} if kind == "string" else "x",
    "edge": lambda kind: {"string": "2026-02-30", "integer": -1, "number": -1e308, "boolean": "maybe"}.get(kind),
}
# Everything Python's json takes but the database or the standard does not, at once; nesting past the
# recursion limit; a body that is not an object.
RAW_BODIES = ['{"a": "\\u0000", "b": "\\ud800", "c": NaN, "d": 1e999}', "[" * 100_000 + "]" * 100_000, "[]"]


def api_url(path: str, values: dict, hostile: tuple[str, str] | None = None) -> str:
    route = path.removeprefix("/")
    return address(re.sub(r"\{(\w+)\}", r"<\1>", route), values, hostile)


def query_values(schema: dict, components: dict) -> list[str]:
    schema = _resolve(schema, components)
    if "enum" in schema:
        return ["-1"]
    return {"integer": [HUGE, "-1"], "number": [HUGE, "nan"], "boolean": ["maybe"]}.get(
        schema.get("type"), ["2026-02-30", HUGE] if schema.get("format") == "date" else
        [LONG_ENCODED] if schema.get("maxLength") else [LONG_ENCODED, "%7B%5B", "-1"])


def walk_operation(walk: Walk, path: str, method: str, op: dict, components: dict, values: dict) -> None:
    params = op.get("parameters", [])
    url = api_url(path, values)
    send = {"get": "get", "post": "post", "put": "put", "patch": "patch", "delete": "delete"}[method]
    first = walk.send(send, url)
    if walk.anonymous:
        for p in params:
            if p["in"] in ("path", "query"):
                hostile = api_url(path, values, (p["name"], NUL)) if p["in"] == "path" else (
                    url + "?" + query([p["name"]], NUL))
                walk.send(send, hostile)
    if first.status_code in (401, 403):
        return  # checked before the parameters are read: every variant gets the same answer
    if walk.walked_before((method, path), first):
        return
    kinds = {p["name"]: _resolve(p.get("schema", {}), components).get("type", "string")
             for p in params if p["in"] == "path"}
    route = re.sub(r"\{(\w+)\}", lambda m: f"<{kinds.get(m[1], 'string')}:{m[1]}>", path.removeprefix("/"))
    for hostile in hostile_paths(walk, route, values):
        walk.send(send, hostile)
    for p in params:
        if p["in"] == "query":
            for value in query_values(p.get("schema", {}), components):
                walk.send(send, url + "?" + query([p["name"]], value))
    content = (op.get("requestBody") or {}).get("content", {})
    if "application/json" in content:
        body_schema = content["application/json"].get("schema", {})
        for raw in RAW_BODIES:
            walk.send(send, url, data=raw, content_type="application/json")
        for leaf in BODY_LEAVES.values():
            walk.send(send, url, data=json.dumps(sample(body_schema, components, leaf)),
                      content_type="application/json")
    if "multipart/form-data" in content:
        form_schema = _resolve(content["multipart/form-data"].get("schema", {}), components)
        for values_in_turn in FORM_VALUES:
            names = form_schema.get("properties") or {"file": {}}
            data = {name: values_in_turn[i % len(values_in_turn)] for i, name in enumerate(names)}
            for name, prop in (form_schema.get("properties") or {}).items():
                if _resolve(prop, components).get("format") == "binary":
                    data[name] = pdf(LONG[:200] + ".pdf")
            walk.send(send, url, data=data)
