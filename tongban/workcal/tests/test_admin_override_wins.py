"""An administrator's entry for a day wins over the built-in schedule, at once, and is audited."""

from datetime import date

import pytest
from django.db import transaction
from django.urls import reverse

from tongban.accounts.models import User
from tongban.core.models import AuditEvent
from tongban.workcal import selectors
from tongban.workcal.models import CalendarDay
from tongban.workcal.selectors import add_working_days, day_info, is_working_day
from tongban.workcal.services import remove_day, set_day

pytestmark = pytest.mark.django_db


def test_admin_declares_an_extra_day_off_and_deadlines_move(client):
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    client.force_login(User.objects.create(username="root", is_staff=True, is_superuser=True))
    response = client.post(reverse("admin:workcal_calendarday_add"), {
        "date": "2025-10-09", "is_working_day": "", "name": "防汛停工", "note": "市政府通知"})
    assert response.status_code == 302

    assert not is_working_day(date(2025, 10, 9))
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 10)
    assert day_info(date(2025, 10, 9))["name"] == "防汛停工"
    assert day_info(date(2025, 10, 9))["source"] == "override"
    event = AuditEvent.objects.get(action="workcal.set_day")
    assert event.actor.username == "root" and "2025-10-09 设为放假" in event.summary

    listing = client.get(reverse("admin:workcal_calendarday_changelist") + "?date__year=2025").content.decode()
    assert "防汛停工" in listing and "周四" in listing
    years = client.get(reverse("admin:workcal_calendaryear_changelist")).content.decode()
    assert "录入全年节假日安排" in years

    remove_day(None, CalendarDay.objects.get(date=date(2025, 10, 9)))
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)


def test_admin_can_turn_a_built_in_holiday_into_a_working_day():
    assert not is_working_day(date(2025, 10, 8))
    set_day(None, day=date(2025, 10, 8), is_working_day=True, name="本市调整上班")
    assert is_working_day(date(2025, 10, 8))
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 8)


def test_an_edit_that_rolls_back_leaves_the_calendar_as_it_was():
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    with pytest.raises(RuntimeError), transaction.atomic():
        set_day(None, day=date(2025, 10, 9), is_working_day=False, name="草稿")
        assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 10)
        raise RuntimeError("the admin's request failed later on")
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)


def test_an_edit_made_by_another_process_is_seen_within_the_recheck_interval(monkeypatch):
    assert is_working_day(date(2025, 10, 9))
    # Written without this process's signals, as the web process's edit looks to the worker.
    CalendarDay.objects.bulk_create([CalendarDay(date=date(2025, 10, 9), is_working_day=False)])
    assert is_working_day(date(2025, 10, 9))  # still the cached answer
    later = selectors.time.monotonic() + selectors.RECHECK_SECONDS + 1
    monkeypatch.setattr(selectors.time, "monotonic", lambda: later)
    assert not is_working_day(date(2025, 10, 9))
