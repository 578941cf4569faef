"""Builders for case tests, page tests and benchmarks: a small city where a citizen applies for a
food business licence and staff of the right (and the wrong) department act on it. Real rows."""

from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile

from tongban.accounts.models import Role, StaffRole, User
from tongban.cases import materials
from tongban.cases.models import Case, Channel
from tongban.cases.services import intake
from tongban.catalog.tests.builders import credit_code, make_department, make_division, make_matter

# A minimal but real PDF (magic bytes, one empty page).
PDF_BYTES = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
             b"endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

MATERIALS = [
    {"name": "食品经营许可申请书", "form": "original", "copies": 1, "required": True},
    {"name": "营业执照", "form": "copy", "source": "government", "source_note": "由市场监管部门核发"},
    {"name": "食品安全管理制度", "form": "original", "required": True, "rongque_allowed": True},
    {"name": "经营场所平面图", "form": "original", "required": True},
]


def valid_id(first17: str) -> str:
    from tongban.core.validators import id_number_check_char

    return first17 + id_number_check_char(first17)


def pdf(name="申请书.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def make_user(username, *, role=None, division=None, department=None, **fields) -> User:
    user = User(username=username, display_name=fields.pop("display_name", username), **fields)
    user.is_staff = role is not None
    user.set_unusable_password()
    user.save()
    if role:
        StaffRole.objects.create(user=user, role=role, division=division, department=department)
    return user


def make_world(*, promised_days=5, legal_days=20, fees=None, case_kind=2, express=True) -> SimpleNamespace:
    city = make_division()
    market = make_department(city, name="云川市市场监督管理局", sector="market")
    police = make_department(city, name="云川市公安局", sector="police")
    version, impl = make_matter(
        market, promised_limit_days=promised_days, legal_limit_days=legal_days, case_kind=case_kind,
        materials=MATERIALS, fees=fees or [], supports_express=express)
    w = SimpleNamespace(city=city, market=market, police=police, version=version, impl=impl)
    w.applicant = make_user("zhangsan", display_name="张三", id_number=valid_id("43010219900307123"),
                            phone="13800001234")
    w.other_applicant = make_user("lisi", display_name="李四", id_number=valid_id("43010219851111456"),
                                  phone="13900005678")
    w.clerk = make_user("clerk", role=Role.CLERK, division=city, display_name="窗口王芳")
    w.approver = make_user("approver", role=Role.APPROVER, division=city, department=market, display_name="审批刘强")
    w.approver2 = make_user("approver2", role=Role.APPROVER, division=city, department=market,
                            display_name="审批陈静")
    w.police_approver = make_user("police", role=Role.APPROVER, division=city, department=police,
                                  display_name="公安赵磊")
    w.supervisor = make_user("supervisor", role=Role.SUPERVISOR, division=city, display_name="督办周敏")
    w.materials = {m.name: m for m in version.materials.all()}
    return w


def fill_and_upload(w, case: Case, *, skip=(), actor=None) -> Case:
    from tongban.forms.defaults import effective_form

    answers = {}
    for field in effective_form(case.matter_version):
        if field.get("type") == "section" or case.answers.get(field["key"]):
            continue
        answers[field["key"]] = _sample_value(field)
    actor = actor or w.applicant
    case, errors = intake.save_draft(actor, case, answers)
    assert not errors, errors
    for m in materials.required_uploads(case):
        if m.name not in skip:
            intake.attach_file(actor, case, m, pdf(f"{m.name}.pdf"))
    return case


def _sample_value(field):
    t = field.get("type")
    if field.get("options"):
        first = field["options"][0]["value"]
        return [first] if t == "checkbox" else first
    return {
        "id_number": valid_id("43010219900307123"), "credit_code": credit_code("91431400MA4L00001"),
        "phone": "13800001234", "email": "a@example.cn", "date": "2026-11-20", "number": "1",
        "money": "100.00", "boolean": True,
    }.get(t, "云川市芙蓉区人民路8号" if t == "address" else "测试内容")


def submitted_case(w, *, skip=(), channel=Channel.WEB) -> Case:
    case = intake.start_application(w.applicant, w.impl, channel=channel)
    case = fill_and_upload(w, case, skip=skip)
    return intake.submit(w.applicant, case)


def walk_in_case(w, *, skip=()) -> Case:
    """Registered by the clerk at a window (paper checked at the desk, scans optional)."""
    case = intake.register_walk_in(w.clerk, w.impl, id_number=w.applicant.id_number, name="张三",
                                   phone="13800001234")
    case = fill_and_upload(w, case, skip=skip, actor=w.clerk)
    return intake.submit(w.clerk, case)
