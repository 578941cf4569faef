"""The whole journey in a real browser, around 国庆 2026 (10/1–10/7 off, Saturday 10/10 worked):

the applicant applies online and uploads materials (9/28); the clerk sends a 一次性告知补正; the
applicant fixes it and resubmits; the clerk accepts on 9/29 — five working days run 9/30, 10/8,
10/9, 10/10 (调休) and 10/12; the approver reviews and approves on 10/9; the applicant collects at
the window with the pickup code. The timeline and deadlines shown on the pages must say so.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from freezegun import freeze_time

from tongban.cases import materials
from tongban.cases.models import Case, DeliveryStatus, Phase
from tongban.cases.tests.builders import PDF_BYTES, _sample_value, make_world
from tongban.forms.defaults import effective_form

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
CN = ZoneInfo("Asia/Shanghai")
# The browser driver keeps real time; only the platform's clock is moved.
KEEP_REAL_TIME = ["playwright", "asyncio", "greenlet", "pyee"]


def on(y, m, d, hour=10):
    return freeze_time(datetime(y, m, d, hour, 0, tzinfo=CN), tick=True, ignore=KEEP_REAL_TIME)


def log_in(page, live_server, user):
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def pdf_file(name):
    return [{"name": name, "mimeType": "application/pdf", "buffer": PDF_BYTES}]


def fill_form(page, case):
    for field in effective_form(case.matter_version):
        if field.get("type") == "section" or case.answers.get(field["key"]):
            continue
        box = page.locator(f'[name="{field["key"]}"]')
        if not box.first.is_visible():
            continue
        if field.get("type") == "select":
            box.select_option(field["options"][0]["value"])
        elif field.get("type") in ("radio", "checkbox", "boolean"):
            box.first.check()
        else:
            box.fill(str(_sample_value(field)))


def test_apply_correct_accept_decide_and_collect_across_national_day(page, live_server):
    w = make_world(promised_days=5, legal_days=20)
    plan = w.materials["经营场所平面图"]

    with on(2026, 9, 28):
        log_in(page, live_server, w.applicant)
        page.goto(f"/guide/{w.impl.code}/")
        page.get_by_role("link", name="在线办理").click()
        page.get_by_role("button", name="开始填写申请表").click()
        page.wait_for_url("**/my/drafts/**")
        case = Case.objects.get(applicant=w.applicant)
        fill_form(page, case)
        for m in materials.required_uploads(case):
            page.set_input_files(f"#material-{m.pk}", files=pdf_file(f"{m.name}.pdf"))
        page.get_by_role("button", name="提交申请").click()
        page.wait_for_url("**/my/cases/**")
        case.refresh_from_db()
        assert case.phase == Phase.SUBMITTED and case.number in page.locator(".confirmation-panel").inner_text()

        # The clerk finds the plan lacks the kitchen's area and says so, once, item by item.
        log_in(page, live_server, w.clerk)
        page.goto(f"/inbox/cases/{case.number}/")
        page.locator("summary", has_text="一次性告知补正").click()
        form = page.locator("#act-request-correction")
        form.locator("select").first.select_option(str(plan.pk))
        form.get_by_label("第1项：问题及补正要求").fill("未标注加工操作间面积，请补充标注后重新上传")
        form.get_by_role("button", name="确认一次性告知补正").click()
        page.wait_for_load_state()
        case.refresh_from_db()
        assert case.phase == Phase.CORRECTION

        # The applicant sees exactly that item, uploads a new plan and resubmits the same case.
        log_in(page, live_server, w.applicant)
        page.goto(f"/my/cases/{case.number}/")
        panel = page.locator(".correction")
        assert "未标注加工操作间面积" in panel.inner_text()
        panel.locator(f"#material-{plan.pk}").set_input_files(pdf_file("平面图（已标注面积）.pdf"))
        panel.get_by_role("button", name=f"上传 “{plan.name}”").click()
        page.wait_for_load_state()
        page.get_by_role("button", name="提交补正").click()
        page.wait_for_load_state()
        case.refresh_from_db()
        assert case.phase == Phase.SUBMITTED and case.number == Case.objects.get().number

    with on(2026, 9, 29):
        log_in(page, live_server, w.clerk)
        page.goto(f"/inbox/cases/{case.number}/")
        page.locator("summary", has_text="受理").first.click()
        page.locator("#act-accept").get_by_role("button", name="确认受理").click()
        page.wait_for_load_state()
        case.refresh_from_db()
        assert case.phase == Phase.PROCESSING
        assert case.promised_due.isoformat() == "2026-10-12"  # 9/30, 10/8, 10/9, 10/10 (调休), 10/12

    with on(2026, 10, 9):
        log_in(page, live_server, w.approver)
        page.goto("/inbox/?queue=review")
        row = page.get_by_role("row").filter(has_text=case.number)
        assert "正常" in row.inner_text() and "2026-10-12" in row.inner_text()
        row.get_by_role("link", name=case.number).click()
        page.locator("summary", has_text="审查通过").click()
        page.locator("#act-advance").get_by_role("button", name="确认审查通过，提交决定").click()
        page.wait_for_load_state()
        page.locator("summary", has_text="准予").first.click()
        page.get_by_label("食品经营许可证编号").fill("JY14314000000099")
        page.get_by_role("button", name="确认准予").click()
        page.wait_for_load_state()
        case.refresh_from_db()
        assert case.outcome == "approved" and case.delivery_status == DeliveryStatus.READY

        log_in(page, live_server, w.applicant)
        page.goto(f"/my/cases/{case.number}/")
        body = page.locator("main").inner_text()
        assert case.pickup_code in body and "按时办结" in body and "2026-10-12" in body
        timeline = page.locator("section", has=page.locator("#h-timeline")).inner_text()
        for step in ("提交申请", "一次性告知补正", "提交补正材料", "受理", "准予"):
            assert step in timeline
        assert "2026-09-29" in timeline and "2026-10-09" in timeline

        log_in(page, live_server, w.clerk)
        page.goto("/desk/")
        page.get_by_label("办件编号").fill(case.number)
        page.get_by_label("取件码").fill(case.pickup_code)
        page.get_by_role("button", name="核对并出件").click()
        page.wait_for_load_state()
        case.refresh_from_db()
        assert case.delivery_status == DeliveryStatus.DELIVERED
    assert page.js_errors == []
