"""Small builders for tests: real rows in the real database, no mocks."""

from tongban.catalog.services import add_implementation, publish_spec
from tongban.core.validators import credit_code_check_char
from tongban.org.models import Department, Division, Level


def credit_code(body: str) -> str:
    """A valid 统一社会信用代码 from 17 characters (the check character is computed)."""
    return body + credit_code_check_char(body)


def make_division(code="439901", name="云川市", level=Level.CITY, parent=None):
    return Division.objects.get_or_create(code=code, defaults={"name": name, "level": level, "parent": parent})[0]


def make_department(division, name="云川市市场监督管理局", sector="market", body=None):
    body = body or f"11{division.code[:6]}MB{Department.objects.count():07d}"[:17]
    return Department.objects.create(division=division, name=name, sector=sector, credit_code=credit_code(body))


def matter_spec(**over):
    spec = {
        "name": "食品经营许可（新办）",
        "matter_type": "01",
        "legal_basis": "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
        "conditions": "有与经营的食品品种、数量相适应的经营场所；有食品安全管理人员和管理制度。",
        "levels": "3,4",
        "case_kind": 2,
        "legal_limit_days": 10,
        "promised_limit_days": 5,
        "visits_required": 0,
        "online_depth": 5,
        "service_objects": ["1", "2"],
        "categories": ["O-T02"],
        "materials": [
            {"name": "食品经营许可申请书", "form": "original", "copies": 1, "required": True},
            {"name": "营业执照", "form": "copy", "source": "government", "source_note": "由市场监管部门核发"},
        ],
        "steps": [{"name": "受理"}, {"name": "审查"}, {"name": "决定"}, {"name": "办结"}],
        "results": [{"name": "食品经营许可证", "kind": "licence", "validity": "5年"}],
    }
    spec.update(over)
    return spec


def make_matter(department, basic_code="000201035000", **spec_over):
    version, _ = publish_spec(None, basic_code=basic_code, owner_department=department,
                              spec=matter_spec(**spec_over))
    impl = add_implementation(None, version.matter, department, place="云川市政务服务中心二楼B区",
                              hours="周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）",
                              consult_phone="0739-12345", supervise_phone="0739-12345")
    return version, impl
