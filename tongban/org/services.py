"""Writes to the administrative structure: divisions, departments, service sites and windows.

Every write is validated with full_clean() (so the 统一社会信用代码 check of GB 32100 and the
division-code formats of GB/T 2260 give the Chinese messages a user sees) and audited.
Updates that change nothing write nothing and leave no audit event, so that re-running the demo
loader or a bulk registration is quiet.
"""

from django.db import transaction

from tongban.core.services import audit
from tongban.org.models import Department, Division, ServiceSite, Window

DIVISION_FIELDS = ("name", "level", "parent", "kind")
DEPARTMENT_FIELDS = ("division", "name", "short_name", "credit_code", "sector", "address", "phone",
                     "supervise_phone", "order")
SITE_FIELDS = ("division", "name", "kind", "address", "hours", "phone", "longitude", "latitude", "traffic")
WINDOW_FIELDS = ("number", "name", "kind")


def _normalise_credit_code(fields: dict) -> dict:
    # People paste codes with spaces or in lower case; GB 32100 codes are upper case.
    if "credit_code" in fields and fields["credit_code"] is not None:
        fields["credit_code"] = str(fields["credit_code"]).strip().upper()
    return fields


def _apply(obj, fields: dict, allowed: tuple[str, ...]) -> dict:
    """Set `fields` on `obj`; returns {field: [before, after]} for the ones that changed."""
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise TypeError(f"不可修改的字段：{', '.join(unknown)}")
    changes = {}
    for name, value in fields.items():
        before = getattr(obj, name)
        if before != value:
            changes[name] = [str(before) if before is not None else None, str(value) if value is not None else None]
            setattr(obj, name, value)
    return changes


# -- divisions ---------------------------------------------------------------------------------

@transaction.atomic
def create_division(actor, *, code: str, name: str, level: int, parent: Division | None = None,
                    kind: str = "") -> Division:
    division = Division(code=(code or "").strip(), name=name, level=level, parent=parent, kind=kind)
    division.full_clean()
    division.save()
    audit(actor, "org.division.create", division, f"登记行政区划 {division.name}（{division.code}）")
    return division


@transaction.atomic
def update_division(actor, division: Division, **fields) -> Division:
    changes = _apply(division, fields, DIVISION_FIELDS)
    if changes:
        division.full_clean()
        division.save()
        audit(actor, "org.division.update", division, f"修改行政区划 {division.name}", changes)
    return division


# -- departments -------------------------------------------------------------------------------

@transaction.atomic
def create_department(actor, *, division: Division, name: str, credit_code: str, sector: str,
                      **fields) -> Department:
    fields = _normalise_credit_code({"credit_code": credit_code, **fields})
    unknown = sorted(set(fields) - set(DEPARTMENT_FIELDS))
    if unknown:
        raise TypeError(f"未知的部门字段：{', '.join(unknown)}")
    department = Department(division=division, name=name, sector=sector, **fields)
    department.full_clean()
    department.save()
    audit(actor, "org.department.create", department, f"登记部门 {department.name}",
          {"credit_code": department.credit_code, "division": division.code, "sector": sector})
    return department


@transaction.atomic
def update_department(actor, department: Department, **fields) -> Department:
    changes = _apply(department, _normalise_credit_code(dict(fields)), DEPARTMENT_FIELDS)
    if changes:
        department.full_clean()
        department.save()
        audit(actor, "org.department.update", department, f"修改部门 {department.name}", changes)
    return department


# -- service sites and windows ------------------------------------------------------------------

@transaction.atomic
def create_site(actor, *, division: Division, name: str, kind: str, address: str, hours: str, phone: str,
                **fields) -> ServiceSite:
    site = ServiceSite(division=division, name=name, kind=kind, address=address, hours=hours, phone=phone,
                       **fields)
    site.full_clean()
    site.save()
    audit(actor, "org.site.create", site, f"登记服务场所 {site.name}", {"division": division.code})
    return site


@transaction.atomic
def update_site(actor, site: ServiceSite, **fields) -> ServiceSite:
    changes = _apply(site, fields, SITE_FIELDS)
    if changes:
        site.full_clean()
        site.save()
        audit(actor, "org.site.update", site, f"修改服务场所 {site.name}", changes)
    return site


@transaction.atomic
def save_window(actor, site: ServiceSite, *, number: str, name: str, kind: str = Window.Kind.COMPREHENSIVE,
                departments=()) -> tuple[Window, bool]:
    """Open window `number` at `site`, or bring an existing one up to date. Returns (window, created)."""
    window = Window.objects.filter(site=site, number=number).first()
    created = window is None
    if created:
        window = Window(site=site, number=number)
    changes = _apply(window, {"name": name, "kind": kind}, WINDOW_FIELDS)
    departments = list(departments)
    before_departments = set() if created else set(window.departments.values_list("pk", flat=True))
    if created or changes:
        window.full_clean()
        window.save()
    if {d.pk for d in departments} != before_departments:
        window.departments.set(departments)
        changes["departments"] = [sorted(before_departments), sorted(d.pk for d in departments)]
    if created:
        audit(actor, "org.window.create", window, f"{site.name} 开设 {number}号窗口 {name}",
              {"departments": [d.name for d in departments]})
    elif changes:
        audit(actor, "org.window.update", window, f"修改 {site.name} {number}号窗口", changes)
    return window, created
