"""JSON errors for the API: {"code": ..., "message": <Chinese>, "fields": {...}}.

`fields` maps a parameter (as the client spelled it) to Chinese messages that name the field,
so a client can show them next to its own inputs and a person can read them as they are.
Routers register the Chinese labels of their parameters with `register_field_labels()`, and list the
error statuses an operation answers with `errors()`, so the OpenAPI documents each of them.
JSON bodies are read with `load_json()` (the API's parser and the operations that read the body
themselves): a NUL, a lone surrogate or absurd nesting is a 400, not a 500 further on.

Also the two shapes every router shares, so each has one name in the OpenAPI: CodeLabel (a code with
its Chinese name) and IsoDate (a date parameter that takes only YYYY-MM-DD, refused in Chinese).
"""

import json
import math
import re
from datetime import date
from typing import Annotated

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation, ValidationError
from django.http import Http404, JsonResponse
from django.http.multipartparser import MultiPartParserError
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from tongban.core import unavailable


class ErrorOut(Schema):
    """The body of every error response; routers document it with `errors()`."""

    code: str = Field(description="错误代码：invalid 参数有误、bad_request 请求无法处理（如含空字符）、not_found 未找到、"
                                  "forbidden 无权访问、unauthenticated 未登录、csrf_failed CSRF 校验失败、"
                                  "conflict 修订号不一致、duplicate 重复提交、http_error 其他请求错误、"
                                  "unavailable 系统繁忙（503，数据库暂时不可用，按 Retry-After 秒数后重试）")
    message: str = Field(description="中文错误说明，可直接展示给用户")
    fields: dict[str, list[str]] | None = Field(None, description="按参数名列出的中文错误说明（仅参数有误时）")


def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """The error answers of an operation, for its `response=`: {200: X, **errors(404, 422)}.

    401 未登录, 403 无权访问 or CSRF, 404 未找到, 409 冲突, 422 参数有误, as the operation says. Every
    operation also lists 400 (any request can carry a NUL byte or broken Unicode, refused before the
    view: core.middleware, load_json) and 503 (the database is unavailable: core.unavailable)."""
    return {status: ErrorOut for status in sorted({*statuses, 400, 503})}


class CodeLabel(Schema):
    """A coded value with its Chinese name (状态、类型、渠道…): one shape, one name in the OpenAPI."""

    code: str = Field(description="代码")
    label: str = Field(description="中文名称")


def _iso_date(value):
    # OpenAPI's `format: date` is RFC 3339 full-date; pydantic would also take 0 or "0" (1970-01-01, a
    # Unix time) and a datetime at midnight, which a client sending them surely did not mean.
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if isinstance(value, date):
        return value
    raise PydanticCustomError("date_parsing", "Input should be a date in the format YYYY-MM-DD")


# A date parameter or body field: only YYYY-MM-DD.
IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


# The highest page a list answers: beyond it the database's OFFSET (a 64-bit integer) would overflow.
MAX_PAGE = 100_000

# parameter name → Chinese label, e.g. "level" → "行使层级"; filled by each router at import.
FIELD_LABELS: dict[str, str] = {"page": "页码", "page_size": "每页条数", "body": "请求内容"}


# Labels that hold only under one URL prefix: "number" is 版本号 in the catalogue, 证照编号 for licences.
_SCOPED_LABELS: dict[str, dict[str, str]] = {}


def register_field_labels(labels: dict[str, str], *, path_prefix: str = "") -> None:
    if path_prefix:
        _SCOPED_LABELS.setdefault(path_prefix, {}).update(labels)
    else:
        FIELD_LABELS.update(labels)


def label_of(field: str, path: str = "") -> str:
    for prefix in sorted(_SCOPED_LABELS, key=len, reverse=True):
        if path.startswith(prefix) and field in _SCOPED_LABELS[prefix]:
            return _SCOPED_LABELS[prefix][field]
    return FIELD_LABELS.get(field, field)


def invalid(errors: dict[str, str]) -> ApiError:
    """A 422 for bad parameters: `errors` maps a parameter to a Chinese message naming the field."""
    fields = {k: [v] for k, v in errors.items()}
    return ApiError(422, "invalid", "参数有误：" + "；".join(errors.values()), fields)


def not_found(message: str) -> ApiError:
    return ApiError(404, "not_found", message)


def refused(message: str) -> ApiError:
    """A 400 for a request that cannot be handled at all (a NUL byte, broken Unicode, absurd nesting)."""
    return ApiError(400, "bad_request", message)


def refusal_response(message: str) -> JsonResponse:
    """The same 400 body, for the middleware that refuses a request before the API sees it."""
    return JsonResponse(_body("bad_request", message), status=400)


def _body(code, message, fields=None):
    body = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return body


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def install_error_handlers(api):
    @api.exception_handler(ApiError)
    def api_error(request, exc: ApiError):
        return api.create_response(request, _body(exc.code, exc.message, exc.fields), status=exc.status)

    @api.exception_handler(Http404)
    def not_found_handler(request, exc):
        # Selectors raise Http404 with a Chinese message ("事项不存在或已取消"); keep it when present.
        message = str(exc) if _has_chinese(str(exc)) else "未找到请求的资源"
        return api.create_response(request, _body("not_found", message), status=404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        message = str(exc) if _has_chinese(str(exc)) else "无权访问该资源"
        return api.create_response(request, _body("forbidden", message), status=403)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return api.create_response(request, _body("unauthenticated", "请先登录"), status=401)

    @api.exception_handler(ValidationError)
    def django_validation(request, exc: ValidationError):
        fields = exc.message_dict if hasattr(exc, "error_dict") else {}
        message = "；".join(m for ms in fields.values() for m in ms) if fields else "；".join(exc.messages)
        return api.create_response(request, _body("invalid", message, fields), status=422)

    @api.exception_handler(NinjaValidationError)
    def ninja_validation(request, exc: NinjaValidationError):
        fields = {}
        for err in exc.errors:
            loc = [str(p) for p in err.get("loc", [])[1:]]
            if len(loc) > 1 and loc[0] == "body" and err["loc"][0] == "body":
                # A schema body parameter (`body: RateIn`) nests its fields under its own name, but the
                # client sent them at the top of the JSON: name them as sent ("level", not "body.level").
                loc = loc[1:]
            # Query and path parameters come flattened: the first part is the parameter name.
            key = ".".join(loc) or "body"
            name = loc[0] if loc else "body"
            fields.setdefault(key, []).append(f"{label_of(name, request.path)}{_zh(err)}")
        message = "；".join(m for ms in fields.values() for m in ms)
        return api.create_response(request, _body("invalid", "参数有误：" + message, fields), status=422)

    def database_unavailable(request, exc):
        # The database is down or restarting (tongban/core/unavailable.py): 503 and when to try again.
        # Nothing was written, so a client may resend the same request (a submission with its Idempotency-Key).
        response = api.create_response(request, unavailable.body(), status=503)
        return unavailable.add_retry_after(response)

    for error in unavailable.DATABASE_ERRORS:
        api.add_exception_handler(error, database_unavailable)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        # ninja turns whatever the JSON parser raised into "Cannot parse request body"; say which.
        cause = exc.__cause__
        if isinstance(cause, ApiError):
            return api_error(request, cause)
        if isinstance(cause, ValueError) and exc.status_code == 400:
            return api.create_response(request, _body("invalid", "请求内容不是有效的 JSON"), status=400)
        message = str(exc) if _has_chinese(str(exc)) else _HTTP_ZH.get(exc.status_code, "请求有误")
        return api.create_response(request, _body("http_error", message), status=exc.status_code)

    @api.exception_handler(BadRequest)
    @api.exception_handler(SuspiciousOperation)
    @api.exception_handler(MultiPartParserError)
    def bad_request(request, exc):
        # A form field with a NUL byte (core.middleware), too many fields, a broken multipart body.
        message = str(exc) if _has_chinese(str(exc)) else "请求内容无法处理，请检查后重试"
        return api.create_response(request, _body("bad_request", message), status=400)


_HTTP_ZH = {400: "请求有误", 401: "请先登录", 403: "无权访问该资源", 404: "未找到请求的资源",
            405: "不支持该请求方法", 429: "请求过于频繁，请稍后再试"}

_ZH = {
    "missing": "为必填项",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "string_too_long": "过长",
    "string_too_short": "过短",
    "string_pattern_mismatch": "格式不正确",
    "greater_than_equal": "取值过小",
    "greater_than": "取值过小",
    "less_than_equal": "取值过大",
    "less_than": "取值过大",
    "enum": "取值不在允许范围内",
    "literal_error": "取值不在允许范围内",
    "bool_parsing": "应为是/否（true/false）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "datetime_parsing": "应为日期时间",
    "json_invalid": "不是有效的JSON",
}


def _zh(err: dict) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    text = _ZH.get(kind, "格式不正确")
    if kind in ("enum", "literal_error") and ctx.get("expected"):
        text += f"（可选：{ctx['expected'].replace(' or ', ', ')}）"
    elif kind == "greater_than_equal" and "ge" in ctx:
        text += f"（不小于{ctx['ge']}）"
    elif kind == "less_than_equal" and "le" in ctx:
        text += f"（不大于{ctx['le']}）"
    elif kind == "string_too_long" and "max_length" in ctx:
        text += f"（最多{ctx['max_length']}个字符）"
    return text


# -- JSON the database cannot store ----------------------------------------------------------------

MAX_JSON_DEPTH = 64  # deeper than any form or answer we take; Python's own limit is about 1,000
NUL_MESSAGE = "请求内容含有空字符（\\u0000），无法保存，请删除后重试"
SURROGATE_MESSAGE = "请求内容含有无效的 Unicode 字符（单独的代理项，如 \\ud800），请检查文字编码后重试"
DEPTH_MESSAGE = f"请求内容嵌套过深（最多 {MAX_JSON_DEPTH} 层）"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def load_json(raw):
    """json.loads that refuses, with a 400, what would otherwise fail later as a 500.

    PostgreSQL text and jsonb cannot hold U+0000; a lone surrogate ("\\ud800") decodes but cannot be
    encoded to UTF-8 for the database or a page; nesting deeper than Python's recursion limit raises
    RecursionError in the parser. Malformed JSON (and NaN, Infinity, 1e999, which Python would take)
    still raises ValueError, so callers keep their own message for it.
    """
    try:
        data = json.loads(raw, parse_constant=_not_json, parse_float=_finite)
    except RecursionError:
        raise refused(DEPTH_MESSAGE) from None
    problem = unstorable_in(data)
    if problem:
        raise refused(problem)
    return data


def _not_json(constant: str):
    raise ValueError(f"{constant} is not JSON")  # Python's json takes NaN and Infinity; the standard does not


def _finite(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise ValueError(f"{text} is out of range")  # 1e999 would be read as infinity
    return number


def unstorable_in(data) -> str | None:
    """Why `data` (parsed JSON) cannot be stored, or None. Iterative: it is as deep as a client made it."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            found = _UNSTORABLE.search(value)
            if found:
                return NUL_MESSAGE if found.group() == "\x00" else SURROGATE_MESSAGE
        elif isinstance(value, dict | list):
            if depth >= MAX_JSON_DEPTH:
                return DEPTH_MESSAGE
            items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return None


class RefusingParser(Parser):
    """The API's JSON parser (tongban/api.py): bodies go through load_json."""

    def parse_body(self, request):
        return load_json(request.body)
