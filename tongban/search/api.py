"""GET /api/v1/search and /api/v1/search/suggest: plain-word search over matters and themes."""

from typing import Annotated

from ninja import Query, Router, Schema
from pydantic import Field, WithJsonSchema

from tongban.core.api_errors import ApiError, errors, register_field_labels
from tongban.search import selectors

router = Router(tags=["搜索"])

register_field_labels({"q": "搜索词（q）", "division": "区划代码", "object": "服务对象", "limit": "返回条数"},
                      path_prefix="/api/v1/search")

# Documented as required words; checked by selectors.clean_query, whose messages name 搜索词（q）.
SearchWords = Annotated[str, WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 50, "pattern": r"\S"})]


class SearchResultOut(Schema):
    kind: str = Field(description="文档类型：matter 事项，theme 主题（一件事）")
    title: str = Field(description="标题（事项名称）")
    subtitle: str = Field(description="副标题（事项类型等）")
    url: str = Field(description="办事指南链接")
    implementation_code: str = Field(description="实施编码（事项）或主题编码")
    department: str = Field(description="实施主体")
    score: float = Field(description="相关度，越大越相关")


class SearchOut(Schema):
    query: str = Field(description="规范化后的搜索词")
    total: int = Field(description="结果总数（最多100）")
    results: list[SearchResultOut]


class SuggestionOut(Schema):
    title: str = Field(description="标题（事项或主题名称）")
    url: str = Field(description="办事指南链接")
    kind: str = Field(description="文档类型：matter 事项，theme 主题（一件事）")
    department: str = Field(description="实施主体")


def _out(r: selectors.Result) -> dict:
    return {
        "kind": r.kind,
        "title": r.title,
        "subtitle": r.subtitle,
        "url": r.url,
        "implementation_code": r.code or r.key,
        "department": r.department,
        "score": r.score,
    }


def _error(exc: selectors.QueryError) -> ApiError:
    return ApiError(422, "invalid", exc.message, {exc.field: [exc.message]})


@router.get(
    "",
    response={200: SearchOut, **errors(422)},
    operation_id="search",
    summary="按口语、拼音或拼音首字母搜索事项",
    description="支持口语同义词（生孩子→出生医学证明）、拼音（chusheng）、首字母（csyxzm）和错别字。"
    "不指定区划时每个事项只返回一条（优先市级实施清单）；指定区划时返回该区划及下级的实施清单。"
    "搜索词为空或过长、区划或服务对象不存在、条数超出范围时返回 422，fields 指出哪个参数有误。",
)
def search(
    request,
    q: SearchWords = Query(..., description="搜索词，1至50个字"),
    division: str | None = Query(None, description="区划代码，含下级区划"),
    service_object: str | None = Query(None, alias="object", description="服务对象：1 自然人，2 企业法人…"),
    limit: int = Query(20, ge=1, le=50, description="返回条数，1至50"),
):
    try:
        found = selectors.search(q, division=division, service_object=service_object, limit=limit)
    except selectors.QueryError as exc:
        raise _error(exc) from exc
    return {"query": found.query, "total": found.total, "results": [_out(r) for r in found.results]}


@router.get("/suggest", response={200: list[SuggestionOut], **errors(422)}, operation_id="suggest",
            summary="搜索框自动补全（最多8条）", description="搜索词为空或超过50个字时返回 422。")
def suggest(request, q: SearchWords = Query(..., description="已输入的搜索词，1至50个字")):
    try:
        selectors.clean_query(q)
    except selectors.QueryError as exc:
        raise _error(exc) from exc
    return [
        {"title": r.title, "url": r.url, "kind": r.kind, "department": r.department}
        for r in selectors.suggest(q)
    ]
