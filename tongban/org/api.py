"""Public read API of the administrative structure: divisions (四级), departments, service sites.

Everything here is public information (政务公开); nothing is scoped by user. Reads: org.selectors.
"""

import re
from typing import Annotated

from ninja import Path, Query, Router
from pydantic import WithJsonSchema

from tongban.core.api_errors import errors, invalid, not_found, register_field_labels
from tongban.org import selectors
from tongban.org.models import Department, Division, Level, ServiceSite
from tongban.org.schemas import DepartmentOut, DivisionDetailOut, DivisionOut, SiteDetailOut, SiteOut

router = Router()

register_field_labels({"parent": "上级区划代码", "level": "层级", "division": "区划代码", "sector": "条线",
                       "code": "区划代码", "credit_code": "统一社会信用代码", "site_id": "服务场所编号"})

_DIVISION_CODE = re.compile(r"\d{6}|\d{9}|\d{12}")
# A division code parameter (empty: no filter): its format is documented in the OpenAPI and checked by
# division_by_code, which names the parameter in Chinese (a pydantic pattern would only say 格式不正确).
DivisionCode = Annotated[str, WithJsonSchema({"type": "string", "pattern": r"^(\d{6}|\d{9}|\d{12})?$"})]


def division_by_code(code: str, field: str, label: str) -> Division:
    """The division a filter names; a bad or unknown code is the client's mistake (422)."""
    if not _DIVISION_CODE.fullmatch(code):
        raise invalid({field: f"{label}应为6位（市、县）或12位（乡镇、村）数字"})
    division = selectors.division_by_code(code)
    if division is None:
        raise invalid({field: f"{label}“{code}”不存在"})
    return division


def _below(code: str) -> list[int]:
    return selectors.division_ids_below(division_by_code(code, "division", "区划代码"))


def _ref(division: Division | None) -> dict | None:
    return {"code": division.code, "name": division.name} if division else None


def _division_out(d: Division) -> dict:
    return {"code": d.code, "name": d.name, "full_name": d.full_name, "level": d.level,
            "level_label": Level(d.level).label, "kind": d.kind, "parent": _ref(d.parent)}


def _department_out(d: Department) -> dict:
    return {"id": d.pk, "name": d.name, "short_name": d.short_name, "credit_code": d.credit_code,
            "sector": d.sector, "division": _ref(d.division), "level": d.division.level,
            "level_label": Level(d.division.level).label, "address": d.address, "phone": d.phone,
            "supervise_phone": d.supervise_phone}


def _site_out(s: ServiceSite) -> dict:
    return {"id": s.pk, "name": s.name, "kind": s.kind, "kind_label": s.get_kind_display(),
            "division": _ref(s.division), "address": s.address, "hours": s.hours, "phone": s.phone,
            "longitude": s.longitude, "latitude": s.latitude, "traffic": s.traffic}


@router.get("/divisions", response={200: list[DivisionOut], **errors(422)}, tags=["行政区划与部门"], operation_id="listDivisions",
            summary="行政区划列表",
            description="按上级区划和层级筛选行政区划（市、县、乡镇/街道、村/社区）。不带参数时返回全部。"
                        "上级区划代码格式有误或不存在时返回 422。")
def list_divisions(
    request,
    parent: DivisionCode | None = Query(None, description="上级区划代码：只返回其直接下级，如 439901"),
    level: Level | None = Query(None, description="层级：3 市级，4 县级，5 镇（乡、街道）级，6 村（社区）级"),
):
    qs = selectors.divisions(parent=division_by_code(parent, "parent", "上级区划代码") if parent else None,
                             level=level.value if level else None)
    return [_division_out(d) for d in qs]


@router.get("/divisions/{code}", response={200: DivisionDetailOut, **errors(404)}, tags=["行政区划与部门"], operation_id="getDivision",
            summary="行政区划详情", description="一个区划及其直接下级、部门数和服务场所数。未知代码返回 404。")
def get_division(request, code: str = Path(..., description="行政区划代码")):
    division = selectors.division_detail(code)
    if division is None:
        raise not_found(f"未找到区划代码为“{code}”的行政区划")
    return {**_division_out(division), "children": [_ref(c) for c in selectors.children_of(division)],
            "department_count": division.n_departments, "site_count": division.n_sites}


@router.get("/departments", response={200: list[DepartmentOut], **errors(422)}, tags=["行政区划与部门"], operation_id="listDepartments",
            summary="部门列表",
            description="按区划（含下级区划）和条线筛选部门。条线把各层级的同类部门（如各级市场监管局）联系起来。"
                        "区划代码格式有误或不存在、条线代码过长时返回 422。")
def list_departments(
    request,
    division: DivisionCode | None = Query(None, description="区划代码：返回该区划及其下级区划的部门"),
    sector: str | None = Query(None, max_length=40, description="条线代码，如 market"),
):
    qs = selectors.departments(division_ids=_below(division) if division else None, sector=sector)
    return [_department_out(d) for d in qs]


@router.get("/departments/{credit_code}", response={200: DepartmentOut, **errors(404)}, tags=["行政区划与部门"],
            operation_id="getDepartment", summary="部门详情", description="按统一社会信用代码查询部门。未找到返回 404。")
def get_department(request, credit_code: str = Path(..., description="部门的统一社会信用代码（18位）")):
    department = selectors.department_by_credit_code(credit_code.upper())
    if department is None:
        raise not_found(f"未找到统一社会信用代码为“{credit_code}”的部门")
    return _department_out(department)


@router.get("/sites", response={200: list[SiteOut], **errors(422)}, tags=["服务场所"], operation_id="listSites",
            summary="服务场所列表",
            description="政务服务中心、便民服务中心和便民服务站；按区划（含下级区划）筛选。区划代码格式有误或不存在时返回 422。")
def list_sites(request, division: DivisionCode | None = Query(None, description="区划代码：返回该区划及其下级区划的场所")):
    qs = selectors.sites(division_ids=_below(division) if division else None)
    return [_site_out(s) for s in qs]


@router.get("/sites/{site_id}", response={200: SiteDetailOut, **errors(404, 422)}, tags=["服务场所"],
            operation_id="getSite", summary="服务场所详情",
            description="一个服务场所及其窗口和进驻部门。编号不是整数时返回 422，未找到返回 404。")
def get_site(request, site_id: int = Path(..., description="服务场所编号")):
    site = selectors.site_detail(site_id)
    if site is None:
        raise not_found(f"未找到编号为 {site_id} 的服务场所")
    return {**_site_out(site), "windows": [
        {"number": w.number, "name": w.name, "kind": w.kind, "kind_label": w.get_kind_display(),
         "departments": [{"id": d.pk, "name": d.name, "credit_code": d.credit_code} for d in w.departments.all()]}
        for w in site.windows.all()]}
