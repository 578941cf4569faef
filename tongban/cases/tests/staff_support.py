"""Helpers for the staff page tests (test_page_desk_*, test_page_inbox_*, test_page_supervise_*)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from freezegun import freeze_time

from tongban.cases.models import ActionKind
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import _sample_value, submitted_case
from tongban.forms.defaults import effective_form

SHANGHAI = ZoneInfo("Asia/Shanghai")


def form_post_data(case) -> dict:
    """What a person fills into the rendered application form (HTML names, strings)."""
    data = {}
    for field in effective_form(case.matter_version):
        if field.get("type") == "section" or case.answers.get(field["key"]):
            continue
        value = _sample_value(field)
        data[field["key"]] = "1" if value is True else value
    return data


def accepted_case(w, *, at: datetime | None = None):
    """A case accepted by the clerk; `at` puts the acceptance in the past (for warning/overdue)."""
    if at is None:
        case = submitted_case(w)
        return act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    with freeze_time(at):
        case = submitted_case(w)
        return act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)


def at(y, m, d, hour=10) -> datetime:
    return datetime(y, m, d, hour, 0, tzinfo=SHANGHAI)


# The pages compute deadlines from "today": the tests fix it (a Monday) so they mean the same on any day.
TODAY = datetime(2026, 11, 23, 9, 30, tzinfo=SHANGHAI)
