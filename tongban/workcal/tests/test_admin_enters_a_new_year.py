"""2027 is not built in: deadlines reaching into it are refused until an administrator enters the
year's schedule (holiday ranges and 调休 days) and confirms it; then they count it."""

from datetime import date

import pytest
from django.urls import reverse

from tongban.accounts.models import User
from tongban.core.models import AuditEvent
from tongban.workcal.models import CalendarDay, CalendarYear
from tongban.workcal.selectors import CalendarUnknown, add_working_days, day_info, is_working_day
from tongban.workcal.services import set_day, set_year_confirmed

pytestmark = pytest.mark.django_db

# An illustrative 2027 schedule (the real one is published by the State Council late in 2026).
HOLIDAYS = """元旦 2027-01-01
春节 2月6日（星期六）至2月13日
国庆节、中秋节 2027/10/1~10/7
"""
WORKDAYS = """1月31日、2月20日 春节
2027-10-09 国庆节
"""


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create(username="root", is_staff=True, is_superuser=True))
    return client


def test_rows_alone_do_not_make_the_year_known_until_it_is_confirmed():
    set_day(None, day=date(2027, 1, 1), is_working_day=False, name="元旦")
    with pytest.raises(CalendarUnknown, match="2027年工作日历尚未维护"):
        is_working_day(date(2027, 1, 4))
    set_year_confirmed(None, year=2027)
    assert not is_working_day(date(2027, 1, 1))
    assert is_working_day(date(2027, 1, 4))
    assert not is_working_day(date(2027, 1, 9))  # a Saturday nobody declared worked


def test_admin_enters_2027_on_one_page_and_deadlines_run_through_it(admin_client):
    with pytest.raises(CalendarUnknown):
        add_working_days(date(2026, 12, 31), 1)

    page = admin_client.get(reverse("admin:workcal_enter_year") + "?year=2027")
    assert page.status_code == 200 and "录入全年节假日安排" in page.content.decode()
    response = admin_client.post(reverse("admin:workcal_enter_year"), {
        "year": 2027, "holidays": HOLIDAYS, "workdays": WORKDAYS,
        "note": "国务院办公厅关于2027年部分节假日安排的通知", "replace": "on", "confirm": "on"})
    assert response.status_code == 302, response.content.decode()
    assert "放假16天，调休上班3天" in admin_client.get(response["Location"]).content.decode()

    assert CalendarYear.objects.get(year=2027).confirmed
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert add_working_days(date(2027, 2, 5), 1) == date(2027, 2, 15)
    assert add_working_days(date(2027, 1, 29), 1) == date(2027, 1, 31)  # Sunday worked
    assert add_working_days(date(2027, 9, 30), 1) == date(2027, 10, 8)
    assert add_working_days(date(2027, 10, 8), 1) == date(2027, 10, 9)
    assert day_info(date(2027, 2, 20))["name"] == "春节调休上班"
    assert day_info(date(2027, 10, 3)) | {"date": None} == {
        "date": None, "weekday": "周日", "name": "国庆节中秋节", "is_working_day": False,
        "source": "override", "source_label": "管理员维护"}
    assert AuditEvent.objects.filter(action="workcal.enter_year", object_id="2027").exists()


def test_mistakes_in_the_schedule_are_named_and_nothing_is_saved(admin_client):
    response = admin_client.post(reverse("admin:workcal_enter_year"), {
        "year": 2027, "holidays": "春节 2月6日至2月13日\n劳动节 5月1日至4月30日\n清明 2026-04-05",
        "workdays": "2月8日 春节\n2月20日 春节\n二月二十七 春节", "replace": "on", "confirm": "on"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "第3行：没有找到日期" in text
    response = admin_client.post(reverse("admin:workcal_enter_year"), {
        "year": 2027, "holidays": "春节 2月6日至2月13日\n劳动节 5月1日至4月30日\n清明 2026-04-05",
        "workdays": "2月8日 春节\n2月13日 春节", "replace": "on", "confirm": "on"})
    text = response.content.decode()
    assert "劳动节 05-01至04-30”的结束日期早于开始日期" in text
    assert "不在2027年内" in text
    assert "调休上班日 2027-02-08 是工作日（周一至周五）" in text
    assert "2027-02-13 既是放假日又是调休上班日" in text
    assert not CalendarDay.objects.exists() and not CalendarYear.objects.exists()


def test_only_platform_admins_may_edit_the_calendar(client):
    clerk = User.objects.create(username="clerk", is_staff=True)
    client.force_login(clerk)
    assert client.get(reverse("admin:workcal_enter_year")).status_code == 403
    with pytest.raises(Exception, match="只有平台管理员可以维护工作日历"):
        set_day(clerk, day=date(2027, 1, 1), is_working_day=False)


def test_the_form_starts_from_the_known_schedule_and_saving_it_unchanged_changes_nothing(admin_client):
    from tongban.workcal.schedule import schedule_text
    from tongban.workcal.selectors import year_days

    holidays, workdays = schedule_text(2025)
    assert holidays.splitlines()[:2] == ["元旦 2025-01-01", "春节 2025-01-28 至 2025-02-04"]
    assert "中秋 2025-10-06" in holidays and "国庆节 2025-10-07 至 2025-10-08" in holidays
    assert workdays.splitlines()[0] == "2025-01-26 春节调休上班"
    page = admin_client.get(reverse("admin:workcal_enter_year") + "?year=2025").content.decode()
    assert "春节 2025-01-28 至 2025-02-04" in page

    before = [(d["date"], d["is_working_day"]) for d in year_days(2025)]
    r = admin_client.post(reverse("admin:workcal_enter_year"), {
        "year": 2025, "holidays": holidays, "workdays": workdays, "replace": "on", "confirm": "on"})
    assert r.status_code == 302
    assert [(d["date"], d["is_working_day"]) for d in year_days(2025)] == before
    assert day_info(date(2025, 1, 26))["source"] == "override"
