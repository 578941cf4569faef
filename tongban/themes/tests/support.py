"""A small 云川市 for theme tests: the city and 芙蓉区, the departments the demo themes need, their real
demo matters (forms included) and the demo themes themselves, published. Real rows, no mocks."""

import json
from types import SimpleNamespace

from tongban.accounts.models import Role, StaffRole
from tongban.cases.models import ActionKind, Case
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_user, pdf, valid_id
from tongban.catalog.services import add_implementation, publish_spec
from tongban.catalog.tests.builders import make_division
from tongban.demo.data import matters_business, matters_people, structure, themes_demo
from tongban.org.models import Department, ServiceSite, Window

ALL_MATTERS = {m["basic_code"]: m for m in [*matters_people.MATTERS, *matters_business.MATTERS]}
LOADER_KEYS = ("basic_code", "sector", "implemented_at")


def _department(division, sector):
    found = Department.objects.filter(division=division, sector=sector).first()
    if found:
        return found
    row = next(r for r in structure.departments() if r["division"] == division.code and r["sector"] == sector)
    return Department.objects.create(division=division, name=row["name"], sector=sector,
                                     credit_code=row["credit_code"], phone=row["phone"])


def make_theme_world(*codes: str) -> SimpleNamespace:
    """The demo themes `codes` (all when none), published, with staff for each member department."""
    wanted = [t for t in themes_demo.THEMES if not codes or t["code"] in codes]
    city = make_division(code="431400", name="云川市", level=3)
    furong = make_division(code="431402", name="芙蓉区", level=4, parent=city)
    divisions = {"431400": city, "431402": furong}
    for division in (city, furong):
        site = ServiceSite.objects.create(division=division, name=f"{division.name}政务服务中心", kind="center",
                                          address=f"云川市{division.name}政务大道1号", hours="周一至周五", phone="0739-5612345")
        Window.objects.create(site=site, number="09", name="综合出件窗口", kind="pickup")
    w = SimpleNamespace(city=city, furong=furong, depts={}, impls={})
    for data in wanted:
        lead_division, lead_sector = data["lead"]
        _department(divisions[lead_division], lead_sector)
        for m in data["members"]:
            entry = ALL_MATTERS[m["matter"]]
            division = divisions[m["at"]]
            dept = _department(division, entry["sector"])
            w.depts[(m["at"], entry["sector"])] = dept
            spec = {k: v for k, v in entry.items() if k not in LOADER_KEYS}
            version, _ = publish_spec(None, basic_code=entry["basic_code"], owner_department=dept, spec=spec)
            impl = version.matter.implementations.filter(department=dept).first() or add_implementation(
                None, version.matter, dept, place=f"{division.name}政务服务中心", hours="周一至周五",
                consult_phone="0739-12345", supervise_phone="0739-12345")
            w.impls[(data["code"], m["code"])] = impl
    w.applicant = make_user("mother", display_name="张晓梅", id_number=valid_id("43140219900315182"),
                            phone="13907391234")
    w.other = make_user("neighbour", display_name="李四", id_number=valid_id("43010219851111456"),
                        phone="13900005678")
    w.clerk = make_user("window", role=Role.CLERK, division=city, display_name="综窗王芳")
    StaffRole.objects.create(user=w.clerk, role=Role.CLERK, division=furong)
    w.city_clerk_only = make_user("city_window", role=Role.CLERK, division=city, display_name="市综窗")
    w.editor = make_user("editor", role=Role.EDITOR, division=city, display_name="事项管理员")
    StaffRole.objects.create(user=w.editor, role=Role.EDITOR, division=furong)
    w.approvers = {}
    for (at, sector), dept in w.depts.items():
        w.approvers[(at, sector)] = make_user(f"approver_{at}_{sector}", role=Role.APPROVER,
                                              division=divisions[at], department=dept,
                                              display_name=f"{dept.short_name or dept.name}审批")
    summary = themes_demo.load_demo_themes("测试", say=lambda text: None, codes=[t["code"] for t in wanted])
    assert not summary["errors"], summary["errors"]
    from tongban.themes.models import Theme

    w.themes = {t.code: t for t in Theme.objects.all()}
    return w


def approver_for(w, case: Case):
    return next(u for (at, sector), u in w.approvers.items() if w.depts[(at, sector)].pk == case.department_id)


def decide(w, case: Case, *, approve=True, number="", comment="") -> Case:
    """The department works its sub-case through 审查 → 决定."""
    case = Case.objects.get(pk=case.pk)
    user = approver_for(w, case)
    if case.state.code == "review":
        case = act(user, case, ActionKind.ADVANCE, expected_revision=case.revision)
    if approve:
        results = [{"name": r.name, "number": number} for r in case.matter_version.results.all()]
        return act(user, case, ActionKind.APPROVE, expected_revision=case.revision, results=results)
    return act(user, case, ActionKind.DENY, expected_revision=case.revision, comment=comment or "不符合条件")


SAMPLE = {
    "id_number": valid_id("43140219900315182"), "phone": "13907391234", "date": "2026-01-15",
    "number": 3, "money": "50000.00", "boolean": True, "email": "a@example.cn",
    "credit_code": "91431402MA4T8K6X2".ljust(17, "0")[:17],
}


def sample_value(f: dict):
    from tongban.catalog.tests.builders import credit_code

    if f.get("default") not in (None, "", []):
        return f["default"]
    if f.get("options"):
        first = f["options"][0]["value"]
        return [first] if f["type"] == "checkbox" else first
    if f["type"] == "credit_code":
        return credit_code("91431402MA4T8K6X2")
    if f["type"] == "date":
        from datetime import date, timedelta

        from tongban.forms.spec import resolve_date_bound

        lo = resolve_date_bound(f.get("min")) or date(2000, 1, 1)
        hi = resolve_date_bound(f.get("max")) or date.today()
        return (lo + timedelta(days=(hi - lo).days // 2)).isoformat()
    if f["type"] == "number":
        return max(3, int(f.get("min") or 0))
    if f.get("pattern"):
        return {"[A-Za-z]\\d{9}": "Q430012345", "\\d{12,21}": "6222021234567890123",
                "[0-9A-Za-z]{18}": valid_id("43140219900315182"),
                "([01]\\d|2[0-3]):[0-5]\\d": "08:30"}.get(f["pattern"], "湘（2023）云川市不动产权第0012345号")
    return SAMPLE.get(f["type"], "云川市芙蓉区人民路8号" if f["type"] == "address" else "测试内容")


def fill(form: list[dict], **over) -> dict:
    answers = {f["key"]: sample_value(f) for f in form if f.get("type") != "section"}
    answers.update(over)
    return answers


def uploads_for(materials: list[dict]) -> dict:
    return {m["key"]: pdf(f"{m['name']}.pdf") for m in materials if m["upload"] and m["required"]}


def multipart(theme_code, *, situation, answers, files, optional=None):
    data = {"situation": json.dumps(situation), "answers": json.dumps(answers)}
    if optional is not None:
        data["optional"] = json.dumps(optional)
    return {**data, **{f"material_{k}": v for k, v in files.items()}}
