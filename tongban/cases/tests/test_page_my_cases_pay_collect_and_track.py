"""After the decision: pay, then the pickup code; or choose express and follow the parcel."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tongban.cases.models import ActionKind
from tongban.cases.services import intake
from tongban.cases.services.delivery import ship
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import fill_and_upload, make_world, pdf, submitted_case
from tongban.payments.selectors import orders_for
from tongban.payments.services import record_window_payment

pytestmark = pytest.mark.django_db

FEES = [{"name": "工本费", "standard": "每证10元", "basis": "发改价格〔2017〕1186号", "amount_cents": 1000}]


def decide(w, case):
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    case = act(w.approver, case, ActionKind.ADVANCE, expected_revision=case.revision)
    return act(w.approver, case, ActionKind.APPROVE, expected_revision=case.revision,
               results=[{"name": "食品经营许可证", "number": "JY14314000000001"}])


def test_pay_then_collect_with_the_pickup_code(client, django_capture_on_commit_callbacks):
    w = make_world(fees=FEES)
    case = decide(w, submitted_case(w))
    order = orders_for(case.number).get()
    client.force_login(w.applicant)

    page = client.get(f"/my/cases/{case.number}/").content.decode()
    assert "请缴纳费用" in page and f"/pay/{order.order_no}/" in page and "¥10.00" in page
    assert "JY14314000000001" in page and "决定书（PDF）" in page

    with django_capture_on_commit_callbacks(execute=True):  # "paid" reaches the case on commit
        record_window_payment(w.clerk, order, "scan")
    case.refresh_from_db()
    page = client.get(f"/my/cases/{case.number}/").content.decode()
    assert case.pickup_code in page and w.impl.place in page
    assert f"/pay/{order.order_no}/receipt/" in page


def test_choose_express_with_a_bad_phone_then_track_the_parcel(client):
    w = make_world()
    case = submitted_case(w)
    client.force_login(w.applicant)

    response = client.post(f"/my/cases/{case.number}/delivery/",
                           {"method": "express", "recipient": "张三", "phone": "123", "address": "云川市芙蓉区人民路8号3栋201室"})
    page = response.content.decode()
    assert response.status_code == 200 and "“收件电话”应为11位手机号码" in page
    assert 'href="#delivery-phone"' in page and 'value="云川市芙蓉区人民路8号3栋201室"' in page

    response = client.post(f"/my/cases/{case.number}/delivery/",
                           {"method": "express", "recipient": "张三", "phone": "13800001234",
                            "address": "云川市芙蓉区人民路8号3栋201室"})
    assert response.status_code == 302
    case.refresh_from_db()
    case = decide(w, case)
    case = ship(w.clerk, case)
    tracking = case.events.get(action="ship").data["tracking_no"]
    page = client.get(f"/my/cases/{case.number}/").content.decode()
    assert f"/track/?no={tracking}&amp;phone4=1234" in page
    assert "保存送达方式" not in page  # shipped: the method can no longer change


def test_rongque_material_is_uploaded_from_the_case_page(client):
    w = make_world()
    # Registered at a window (paper checked at the desk), found by ID number: it is in 我的办件.
    case = intake.register_walk_in(w.clerk, w.impl, id_number=w.applicant.id_number, name="张三")
    case = intake.submit(w.clerk, fill_and_upload(w, case, skip=("食品安全管理制度",), actor=w.clerk))
    policy = w.materials["食品安全管理制度"]
    due = timezone.localdate() + timedelta(days=5)
    case = act(w.clerk, case, ActionKind.ACCEPT_RONGQUE, expected_revision=case.revision,
               materials=[policy.pk], due_on=due)
    client.force_login(w.applicant)

    page = client.get(f"/my/cases/{case.number}/").content.decode()
    assert "请在承诺日期前补交容缺材料" in page and f"{due:%Y年%-m月%-d日}" in page and "暂停计时" in page

    client.post(f"/my/cases/{case.number}/upload/", {f"material-{policy.pk}": pdf("制度.pdf"), "upload": policy.pk})
    case.refresh_from_db()
    assert not case.clock_paused
    assert "容缺材料已补齐" in client.get(f"/my/cases/{case.number}/").content.decode()


def test_withdraw_before_acceptance(client):
    w = make_world()
    case = submitted_case(w)
    client.force_login(w.applicant)
    assert "撤回申请" in client.get(f"/my/cases/{case.number}/").content.decode()
    response = client.post(f"/my/cases/{case.number}/withdraw/", {"reason": "信息填错，重新申请"}, follow=True)
    assert "申请已撤回" in response.content.decode()
    case.refresh_from_db()
    assert case.phase == "withdrawn"
    assert "确认撤回申请" not in client.get(f"/my/cases/{case.number}/").content.decode()
