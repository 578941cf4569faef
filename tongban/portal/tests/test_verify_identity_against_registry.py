"""实名认证 in 我的账户: a person types their name and ID number; the population registry answers;
a match raises the account to level 2 (shown), a mismatch says so and binds nothing."""

import pytest

from tongban.accounts.identity import MAX_FAILED_MATCHES_PER_DAY
from tongban.accounts.models import AssuranceLevel, IdentityVerification, VerificationMethod
from tongban.core.models import AuditEvent
from tongban.registries.models import AccessLog
from tongban.registries.tests.builders import registry_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return registry_world()


def test_a_matching_name_and_number_make_the_account_level_two(client, w):
    client.force_login(w.applicant)
    before = client.get("/my/account/").content.decode()
    assert "未实名认证" in before and "去实名认证" in before

    response = client.post("/my/account/verify/", {"name": "张三", "id_number": w.applicant.id_number.lower()})
    assert response.status_code == 302 and response["Location"] == "/my/account/"
    page = client.get("/my/account/").content.decode()
    assert "实名认证通过" in page and "二级（人口库比对一致）" in page

    w.applicant.refresh_from_db()
    assert w.applicant.identity_level == AssuranceLevel.REGISTRY_MATCHED
    check = IdentityVerification.objects.get(user=w.applicant)
    assert (check.method, check.passed, check.level) == (VerificationMethod.POPULATION_REGISTRY, True, 2)
    # The registry lookup is on the person's 谁用了我的数据; the audit log keeps the number masked.
    assert AccessLog.objects.filter(subject_key=w.applicant.id_number, purpose=AccessLog.Purpose.IDENTITY).exists()
    event = AuditEvent.objects.get(action="accounts.identity.verify")
    assert w.applicant.id_number not in event.summary and w.applicant.id_number[-4:] in event.summary


def test_a_wrong_name_is_refused_and_nothing_is_bound(client, w):
    client.force_login(w.applicant)
    response = client.post("/my/account/verify/", {"name": "张四", "id_number": w.applicant.id_number})
    assert response.status_code == 400
    text = response.content.decode()
    assert "姓名与公民身份号码不一致" in text and 'value="张四"' in text  # what was typed stays
    w.applicant.refresh_from_db()
    assert w.applicant.identity_level == AssuranceLevel.NONE and w.applicant.display_name == "张三"
    assert IdentityVerification.objects.get(user=w.applicant).passed is False


def test_a_malformed_number_is_named_before_anyone_asks_the_registry(client, w):
    client.force_login(w.applicant)
    bad = w.applicant.id_number[:17] + ("0" if w.applicant.id_number[17] != "0" else "1")
    response = client.post("/my/account/verify/", {"name": "张三", "id_number": bad})
    assert response.status_code == 400
    assert "公民身份号码：公民身份号码校验位错误" in response.content.decode()
    assert not AccessLog.objects.exists() and not IdentityVerification.objects.exists()


def test_after_five_failures_a_day_the_registry_is_not_asked_again(client, w):
    client.force_login(w.applicant)
    for _ in range(MAX_FAILED_MATCHES_PER_DAY):
        client.post("/my/account/verify/", {"name": "王五", "id_number": w.applicant.id_number})
    asked = AccessLog.objects.count()
    response = client.post("/my/account/verify/", {"name": "张三", "id_number": w.applicant.id_number})
    assert response.status_code == 400 and "今日核验未通过次数过多" in response.content.decode()
    assert AccessLog.objects.count() == asked


def test_a_number_verified_by_someone_else_cannot_be_claimed(client, w):
    client.force_login(w.applicant)
    client.post("/my/account/verify/", {"name": "张三", "id_number": w.applicant.id_number})
    client.force_login(w.other_applicant)
    response = client.post("/my/account/verify/", {"name": "张三", "id_number": w.applicant.id_number})
    assert response.status_code == 400 and "已绑定其他账户" in response.content.decode()
    w.other_applicant.refresh_from_db()
    assert w.other_applicant.identity_level == AssuranceLevel.NONE


def test_the_account_page_needs_a_login(client):
    response = client.get("/my/account/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
