"""Public read API of the catalogue: matters (实施清单 entries), guides (办事指南), code tables.

Only what a citizen may see: published, active, 依申请/公共服务 entries (catalog.selectors).
"""

import hashlib
import json
import math

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils.http import http_date, quote_etag
from ninja import Path, Query, Router

from tongban.catalog import selectors
from tongban.catalog.codes import (
    BY_AUTHORITY_TYPES,
    CaseKind,
    MaterialForm,
    MaterialSource,
    MatterType,
    OnlineDepth,
    ResultKind,
    TongbanScope,
    VersionStatus,
    implementation_code_problem,
)
from tongban.catalog.models import Category, Implementation, MatterVersion
from tongban.catalog.schemas import CategoryOut, CodeTablesOut, GuideOut, MatterPage
from tongban.catalog.selectors import (
    filter_implementations,
    get_public_implementation,
    guide_data,
    public_implementations,
)
from tongban.core.api_errors import MAX_PAGE, errors, invalid, not_found, register_field_labels
from tongban.org import selectors as org_selectors
from tongban.org.api import DivisionCode, division_by_code
from tongban.org.models import Department, Level

router = Router()

register_field_labels({
    "division": "区划代码", "department": "实施部门", "type": "事项类型", "object": "服务对象",
    "theme": "主题分类", "q": "关键词", "level": "层级", "implementation_code": "实施编码",
    "number": "版本号", "kind": "类别", "audience": "对象",
})


def guide_url(code: str) -> str:
    return f"/guide/{code}/"


def _department(value: str) -> Department:
    # Clients hold either our id (from /departments) or the 统一社会信用代码 (from exchange data).
    value = value.strip().upper()
    if value.isdigit() and len(value) < 18:
        department = org_selectors.department_by_id(int(value))
    elif len(value) == 18:
        department = org_selectors.department_by_credit_code(value)
    else:
        raise invalid({"department": "实施部门应为部门编号或18位统一社会信用代码"})
    if department is None:
        raise invalid({"department": f"实施部门“{value}”不存在"})
    return department


def _item(impl: Implementation) -> dict:
    version = impl.matter.current_version
    dept = impl.department
    return {
        "implementation_code": impl.code,
        "basic_code": impl.matter.basic_code,
        "name": version.name,
        "matter_type": {"code": version.matter_type, "label": MatterType(version.matter_type).label},
        "department": {"id": dept.pk, "name": dept.name, "credit_code": dept.credit_code},
        "division": {"code": dept.division.code, "name": dept.division.name},
        "level": {"code": impl.level, "label": Level(impl.level).label},
        "case_kind": {"code": version.case_kind, "label": CaseKind(version.case_kind).label},
        "legal_limit_days": version.legal_limit_days,
        "promised_limit_days": version.promised_limit_days,
        "visits_required": version.visits_required,
        "online_depth": {"code": version.online_depth, "label": OnlineDepth(version.online_depth).label},
        "fully_online": version.fully_online,
        "version": version.number,
        "guide_url": guide_url(impl.code),
        "api_url": f"/api/v1/matters/{impl.code}",
    }


@router.get("/matters", response={200: MatterPage, **errors(422)}, tags=["事项目录"], operation_id="listMatters",
            summary="事项（实施清单）列表",
            description="已发布、在用的实施清单条目，分页返回。筛选条件可组合；区划包含其下级区划。"
                        "参数不合法（如事项类型不存在、区划代码未知）时返回 422，fields 中用中文指出哪个参数有误。")
def list_matters(
    request,
    division: DivisionCode | None = Query(None, description="区划代码：该区划及下级区划的部门实施的事项，如 439901"),
    department: str | None = Query(None, description="实施部门：部门编号或18位统一社会信用代码"),
    matter_type: MatterType | None = Query(None, alias="type", description="事项类型代码，如 01 行政许可、20 公共服务"),
    service_object: str | None = Query(None, alias="object", max_length=2,
                                       description="服务对象代码：1 自然人、2 企业法人、3 事业法人、4 社会组织法人、5 行政机关、6 其他组织"),
    theme: str | None = Query(None, max_length=20, description="主题分类代码（见 /categories），如 P-T01 生育收养"),
    q: str | None = Query(None, max_length=100, description="关键词：事项名称包含该词，或等于基本编码/实施编码"),
    level: Level | None = Query(None, description="行使层级：3 市级、4 县级、5 镇（街道）级、6 村（社区）级"),
    page: int = Query(1, ge=1, le=MAX_PAGE, description="页码，从1开始"),
    page_size: int = Query(20, ge=1, le=100, description="每页条数，1–100"),
):
    errors = {}
    if service_object and not selectors.service_object_exists(service_object):
        errors["object"] = f"服务对象“{service_object}”不存在，可选代码见 /api/v1/code-tables"
    if theme and not selectors.category_exists(theme):
        errors["theme"] = f"主题分类“{theme}”不存在，可选代码见 /api/v1/categories"
    if errors:
        raise invalid(errors)
    dept = _department(department) if department else None
    if division:
        division_by_code(division, "division", "区划代码")
    qs = filter_implementations(
        public_implementations(), division=division, department=dept.pk if dept else None,
        matter_type=matter_type.value if matter_type else None, service_object=service_object, category=theme,
        level=level.value if level else None, text=(q or "").strip() or None,
    )
    count = qs.count()
    start = (page - 1) * page_size
    return {"count": count, "page": page, "page_size": page_size, "pages": math.ceil(count / page_size),
            "items": [_item(impl) for impl in qs[start:start + page_size]]}


def _public_entry(code: str) -> Implementation:
    # A mistyped code (wrong length, bad check character) is the client's error, not an unknown entry.
    problem = implementation_code_problem(code)
    if problem:
        raise invalid({"implementation_code": problem})
    try:
        return get_public_implementation(code)
    except Http404:
        raise not_found(f"未找到实施编码为“{code}”的事项（不存在或已取消）") from None


def _guide_response(request, response: HttpResponse, impl: Implementation, version: MatterVersion):
    data = guide_data(impl, version)
    data.update(current_version=impl.matter.current_version.number, superseded_at=version.superseded_at,
                guide_url=guide_url(impl.code))
    # A guide changes only with a new version or an edit of the local fields; the hash of the body
    # is a validator that needs no bookkeeping (RFC 9110 §8.8.3).
    etag = quote_etag(hashlib.sha256(json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True).encode()).hexdigest()[:32])
    modified = max(t for t in (version.published_at, impl.updated_at) if t is not None)
    headers = {"ETag": etag, "Last-Modified": http_date(modified.timestamp()),
               "Cache-Control": "public, max-age=60"}
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        not_modified = HttpResponse(status=304)
        for k, v in headers.items():
            not_modified[k] = v
        return not_modified
    for k, v in headers.items():
        response[k] = v
    return data


@router.get("/matters/{implementation_code}", response={200: GuideOut, 304: None, **errors(404, 422)},
            tags=["事项目录"], operation_id="getGuide", summary="办事指南（当前版本）",
            description="一个实施清单条目的办事指南，结构化返回标准要素（受理条件、申请材料、流程、时限、收费、结果）"
                        "和本地要素（地点、时间、电话）。响应带 ETag 和 Last-Modified，可用 If-None-Match 条件请求（304）。"
                        "实施编码结构不对（不是31位、信用代码校验位错误等）时返回 422 并说明原因。")
def get_guide(request, response: HttpResponse,
              implementation_code: str = Path(..., description="实施编码（31位）")):
    impl = _public_entry(implementation_code)
    return _guide_response(request, response, impl, impl.matter.current_version)


@router.get("/matters/{implementation_code}/versions/{number}",
            response={200: GuideOut, 304: None, **errors(404, 422)}, tags=["事项目录"],
            operation_id="getGuideVersion", summary="办事指南（指定的已发布版本）",
            description="按版本号读取曾经发布过的办事指南（例如办件受理时所依据的版本）。草稿、待审核和已取消的版本不公开。")
def get_guide_version(request, response: HttpResponse,
                      implementation_code: str = Path(..., description="实施编码（31位）"),
                      number: int = Path(..., ge=1, description="版本号，从1开始")):
    impl = _public_entry(implementation_code)
    version = selectors.published_version(impl, number)
    if version is None:
        raise not_found(f"未找到该事项已发布的第{number}版")
    return _guide_response(request, response, impl, version)


@router.get("/categories", response={200: list[CategoryOut], **errors(422)}, tags=["代码表"],
            operation_id="listCategories", summary="主题分类",
            description="个人和法人的主题分类、人生阶段/经营周期。分类代码可用作 /matters 的 theme 参数。")
def list_categories(
    request,
    kind: Category.Kind | None = Query(None, description="类别：topic 主题分类、life_event 人生阶段/经营周期"),
    audience: Category.Audience | None = Query(None, description="对象：person 个人、organisation 法人"),
):
    qs = selectors.categories(kind=kind.value if kind else None, audience=audience.value if audience else None)
    return [{"code": c.code, "name": c.name, "kind": c.kind, "kind_label": c.get_kind_display(),
             "audience": c.audience, "audience_label": c.get_audience_display()} for c in qs]


def _choices(choices) -> list[dict]:
    return [{"code": value, "label": label} for value, label in choices.choices]


@router.get("/code-tables", response={200: CodeTablesOut, **errors()}, tags=["代码表"], operation_id="getCodeTables",
            summary="代码表", description="事项类型、行使层级、服务对象、办件类型、网上办理深度、通办范围、材料形式与来源、"
                                        "结果类型、版本状态的代码和名称（GB/T 39046-2020）。")
def code_tables(request):
    return {
        "matter_types": [{"code": t.value, "label": t.label, "on_application": t not in BY_AUTHORITY_TYPES}
                         for t in MatterType],
        "levels": _choices(Level),
        "service_objects": [{"code": o.code, "label": o.name} for o in selectors.service_objects()],
        "case_kinds": _choices(CaseKind),
        "online_depths": _choices(OnlineDepth),
        "tongban_scopes": _choices(TongbanScope),
        "material_forms": _choices(MaterialForm),
        "material_sources": _choices(MaterialSource),
        "result_kinds": _choices(ResultKind),
        "version_statuses": _choices(VersionStatus),
    }
