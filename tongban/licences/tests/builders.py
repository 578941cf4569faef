"""Builders for licence tests: real rows, real seals, real signatures."""

from types import SimpleNamespace

from tongban.accounts.models import Role
from tongban.cases.models import ActionKind, Case
from tongban.cases.services import processing
from tongban.cases.testing import make_user, make_world, submitted_case, valid_id
from tongban.licences.models import HolderKind, LicenceType
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


__all__ = ["licence_world", "issue_for", "complete_case", "food_type", "make_user", "valid_id"]
