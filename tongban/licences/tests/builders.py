"""Builders for licence tests: real rows, real seals, real signatures."""

from types import SimpleNamespace

from django.utils import timezone

from tongban.accounts.models import Role
from tongban.cases.models import ActionKind, Case
from tongban.cases.services import intake, processing
from tongban.cases.tests.builders import make_user, make_world, submitted_case, valid_id
from tongban.core import sm
from tongban.licences.keystore import encrypt_private_key
from tongban.licences.models import HolderKind, LicenceType, RuleScope, Seal, SealStatus
from tongban.licences.services.exemptions import READ_FIELDS, register_library, save_material_rule
from tongban.licences.services.issuance import issue_licence

FOOD_FIELDS = [
    {"key": "operator", "label": "经营者名称", "from": ["operator_name", "org_name", "applicant_name"]},
    {"key": "premises", "label": "经营场所", "from": ["premises", "org_address", "applicant_address"]},
    {"key": "items", "label": "经营项目", "from": ["business_items"]},
]


def food_type(**over) -> LicenceType:
    fields = {"code": "SPJYXK", "name": "食品经营许可证", "result_names": ["食品经营许可证"],
              "fields": FOOD_FIELDS, "validity_years": 5}
    fields.update(over)
    return LicenceType.objects.create(**fields)


def licence_world() -> SimpleNamespace:
    """make_world (a city, 市场监管局 with the food matter, a citizen, staff) plus a licence type."""
    w = make_world()
    w.food = food_type()
    w.admin = make_user("platform-admin", role=Role.ADMIN, division=w.city, display_name="平台管理员")
    return w


# A fixed seal key for tests that cross-check with the pure-Python gmssl: a test key, generated once
# with sm.generate_keypair() and published here on purpose (not a secret). gmssl 3.2.2 strips a leading
# "04" of the bare X ‖ Y with str.lstrip("04"), so a random key whose X starts with byte 04 (1 in 256)
# fails there; a fixed key keeps the test deterministic.
FIXED_SEAL_PRIVATE = "044e3d13b77d0a60f3be7283bac50c42397db4c08a304958b1c619b562041d48"
FIXED_SEAL_PUBLIC = ("04" "9203935c0b08bb109184cb8426a47f59e2f5da75fd7b8b1e3eb4f22c135be6e7"
                     "f5c6b54d709c52284fbc91eccebbb1f7bc3b906da10ccf955950c8c2d19f9b41")


def fixed_seal(department) -> Seal:
    """The department's active seal, made with the fixed test key above (before its first licence)."""
    key_id = sm.sm3_hex(bytes.fromhex(FIXED_SEAL_PUBLIC))[:16]
    return Seal.objects.create(
        department=department, key_id=key_id, name=f"{department.name}电子证照专用章",
        public_key=FIXED_SEAL_PUBLIC, private_key_encrypted=encrypt_private_key(FIXED_SEAL_PRIVATE, key_id),
        status=SealStatus.ACTIVE, valid_from=timezone.now())


def issue_for(w, user=None, **over):
    user = user or w.applicant
    fields = dict(licence_type=w.food, issuer=w.market, holder_kind=HolderKind.PERSON, holder_name=user.display_name,
                  holder_id_number=user.id_number, number="JY14314020000001",
                  data={"operator": "云川市芙蓉区晓梅甜品店", "premises": "云川市芙蓉区五一大道218号",
                        "items": "热食类食品制售"})
    fields.update(over)
    return issue_licence(None, **fields)


def complete_case(w, *, results=None) -> Case:
    """A citizen's food case, accepted, reviewed and approved with the result number entered."""
    case = submitted_case(w)
    for actor, action, params in ((w.clerk, ActionKind.ACCEPT, {}), (w.approver, ActionKind.ADVANCE, {}),
                                  (w.approver, ActionKind.APPROVE,
                                   {"results": results if results is not None else
                                    [{"name": "食品经营许可证", "number": "JY14314020000009"}]})):
        case = Case.objects.get(pk=case.pk)
        case = processing.act(actor, case, action, expected_revision=case.revision, **params)
    return case


# -- 免证办: a food licence whose 营业执照 the applicant's e-licence stands for ----------------------------

BUSINESS_LICENCE = "营业执照"


def exemption_world(*, source="exempt", scope=RuleScope.ISSUED, granted=True) -> SimpleNamespace:
    """The registries' test city (大数据局 with its data steward, 法人库 with 湘味轩 whose legal
    representative is 张三) plus: a 营业执照 licence type, the 电子证照库 in the resource catalogue,
    a food-licence matter whose guide lists 营业执照 (`source`), the rule "营业执照 ← 营业执照 e-licence"
    for that matter, and (`granted`) the market bureau's grant to read the library for it."""
    from tongban.catalog.tests.builders import make_matter
    from tongban.registries.tests.builders import COMPANY_CODE, SYSTEM, grant, registry_world

    w = registry_world()
    w.company_code = COMPANY_CODE
    w.yyzz = LicenceType.objects.create(code="YYZZ", name="营业执照", result_names=["营业执照"], fields=[])
    w.version, w.impl = make_matter(w.market, basic_code="000201006000", name="食品经营许可（新办）", materials=[
        {"name": "食品经营许可申请书", "form": "original", "required": True},
        {"name": BUSINESS_LICENCE, "form": "copy", "required": True, "source": source,
         "source_note": "市场主体登记信息通过电子证照库共享获取，免提交" if source != "applicant" else ""},
        {"name": "经营场所平面图", "form": "original", "required": True},
    ])
    w.licence_material = w.version.materials.get(name=BUSINESS_LICENCE)
    w.library = register_library(w.steward, w.data_office)
    if granted:
        grant(w, w.library, READ_FIELDS)
    w.rule = save_material_rule(SYSTEM, name_contains=BUSINESS_LICENCE, licence_type=w.yyzz, matter=w.version.matter,
                                scope=scope)
    return w


def business_licence(w, *, holder_id, holder_name="张三", kind=HolderKind.PERSON, number="92439901MA4T0001X1",
                     **over):
    return issue_licence(None, licence_type=w.yyzz, issuer=w.market, holder_kind=kind, holder_name=holder_name,
                         holder_id_number=holder_id, number=number, **over)


def fill_as_person(case, actor, user):
    answers = {"applicant_type": "1", "applicant_name": user.display_name, "applicant_id_number": user.id_number,
               "applicant_phone": "13800001234", "applicant_address": "云川市芙蓉区五一大道218号"}
    case, errors = intake.save_draft(actor, case, answers)
    assert not errors, errors
    return case


def fill_as_company(case, agent, credit_code, name="云川市湘味轩餐饮有限公司"):
    answers = {"applicant_type": "2", "org_name": name, "org_credit_code": credit_code,
               "legal_representative": "张三", "agent_name": agent.display_name, "agent_id_number": agent.id_number,
               "agent_phone": "13800005678", "org_address": "云川市芙蓉区蔡锷中路98号"}
    case, errors = intake.save_draft(agent, case, answers)
    assert not errors, errors
    return case


__all__ = ["licence_world", "issue_for", "complete_case", "food_type", "make_user", "valid_id", "exemption_world",
           "business_licence", "fill_as_person", "fill_as_company", "BUSINESS_LICENCE"]
