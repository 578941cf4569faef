"""三级实名 at the window: the clerk finds the person's account by the number on their 居民身份证
(posted, never in a URL), confirms having checked the card in person, and records the check — the
account reaches level 3, the check names the clerk and their 区划, and it is audited. Mistakes are
explained per field; clerks see only their own divisions' checks; staff accounts are not verified here."""

import pytest

from tongban.accounts.identity import record_verification
from tongban.accounts.models import AssuranceLevel, IdentityVerification, Role, VerificationMethod
from tongban.cases.tests.builders import make_user, make_world, valid_id
from tongban.catalog.tests.builders import make_division
from tongban.core.masking import mask_id_number
from tongban.core.models import AuditEvent
from tongban.org.models import Level

pytestmark = pytest.mark.django_db

URL = "/desk/identity/"
CARD = valid_id("43010219900307123")  # 张三's number (make_world)


@pytest.fixture
def w():
    w = make_world()
    user = w.applicant
    record_verification(user, user, id_number=CARD, name="张三", method=VerificationMethod.SELF_DECLARED)
    user.display_name = "张三（自填）"
    user.save(update_fields=["display_name"])
    return w


def _verify(client, w, **over):
    data = {"action": "verify", "id_number": CARD, "login": "", "user": w.applicant.pk, "name": "张三",
            "division": w.city.pk, "card_checked": "on", **over}
    return client.post(URL, data)


def test_the_clerk_looks_the_account_up_and_records_the_check(client, w):
    client.force_login(w.clerk)
    page = client.get(URL).content.decode()
    assert 'method="post"' in page and "居民身份证号码" in page

    page = client.post(URL, {"action": "lookup", "id_number": CARD.lower()}).content.decode()
    assert "张三（自填）" in page and "一级（本人填报）" in page and "记录当面核验（三级）" in page

    r = _verify(client, w)
    assert r.status_code == 302 and r.url == URL
    w.applicant.refresh_from_db()
    assert (w.applicant.identity_level, w.applicant.display_name) == (AssuranceLevel.IN_PERSON, "张三")
    check = IdentityVerification.objects.get(method=VerificationMethod.WINDOW_IN_PERSON)
    assert (check.verified_by, check.division, check.level, check.passed) == (w.clerk, w.city, 3, True)
    event = AuditEvent.objects.get(action="accounts.identity.verify", object_id=str(w.applicant.pk),
                                   data__method=VerificationMethod.WINDOW_IN_PERSON)
    assert event.actor == w.clerk and event.data["division"] == w.city.code and CARD not in event.summary

    page = client.get(URL).content.decode()
    assert f"已为 张三（账号 zhangsan，证件 {mask_id_number(CARD)}）记录窗口当面核验" in page
    assert "三级（窗口当面核验）" in page and CARD not in page  # the list shows the number masked


def test_mistakes_are_named_per_field_and_nothing_is_recorded(client, w):
    client.force_login(w.clerk)
    r = _verify(client, w, name="", card_checked="")
    page = r.content.decode()
    assert r.status_code == 422
    assert "请填写姓名" in page and "请确认已当面查验居民身份证原件" in page
    assert not IdentityVerification.objects.filter(method=VerificationMethod.WINDOW_IN_PERSON).exists()

    r = client.post(URL, {"action": "lookup", "id_number": "43010219900307"})
    assert r.status_code == 422 and "公民身份号码应为18位" in r.content.decode()


def test_a_card_that_differs_from_a_verified_binding_is_refused(client, w):
    other = valid_id("43010219851111456")
    record_verification(w.applicant, w.applicant, id_number=CARD, name="张三",
                        method=VerificationMethod.POPULATION_REGISTRY)
    client.force_login(w.clerk)
    r = _verify(client, w, id_number=other, login="zhangsan")
    assert r.status_code == 422 and "不能改为其他公民身份号码" in r.content.decode()
    w.applicant.refresh_from_db()
    assert w.applicant.identity_level == AssuranceLevel.REGISTRY_MATCHED and w.applicant.id_number == CARD


def test_a_clerk_records_only_in_their_divisions_and_sees_only_their_checks(client, w):
    district = make_division(code="439902", name="云川市芙蓉区", level=Level.COUNTY, parent=w.city)
    other_clerk = make_user("clerk-furong", role=Role.CLERK, division=district, display_name="窗口李娜")
    client.force_login(other_clerk)
    r = _verify(client, w, division=w.city.pk)
    assert r.status_code == 403 and "不是您所在窗口的区划" in r.content.decode()

    client.force_login(w.clerk)
    assert _verify(client, w).status_code == 302
    assert "张三" in client.get(URL).content.decode()
    client.force_login(other_clerk)
    page = client.get(URL).content.decode()
    assert "本区划还没有窗口当面核验记录" in page and "张三" not in page


def test_staff_accounts_and_non_clerks_are_turned_away(client, w):
    client.force_login(w.clerk)
    page = client.post(URL, {"action": "lookup", "id_number": valid_id("43010219800101001"),
                             "login": w.approver.username}).content.decode()
    assert "没有找到" in page  # staff accounts are not verified at the window
    r = _verify(client, w, user=w.clerk.pk)
    assert r.status_code == 422 and "请先查找并选择要核验的账户" in r.content.decode()

    client.force_login(w.approver)
    assert client.get(URL).status_code == 403
