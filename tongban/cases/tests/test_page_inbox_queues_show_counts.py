"""The approver's 办件箱: one tab per queue with its count, rows with masked ID numbers and the
deadline in words, a filter by number or name, and only the cases of the approver's scope."""

import pytest
from freezegun import freeze_time

from tongban.cases.models import ActionKind
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world, submitted_case
from tongban.cases.tests.staff_support import TODAY, accepted_case, at
from tongban.core.masking import mask_id_number

pytestmark = pytest.mark.django_db


def tab(page: str, label: str) -> str:
    """The text of one queue tab, e.g. '待受理 2'."""
    import re

    m = re.search(rf">\s*{label}\s*<span class=\"count\"[^>]*>(\d+)</span>", page)
    assert m, f"tab {label} not found"
    return m.group(1)


@freeze_time(TODAY)
def test_queues_count_and_list_cases_in_scope(client):
    w = make_world()
    submitted_case(w)
    submitted_case(w)
    reviewing = accepted_case(w)
    late = accepted_case(w, at=at(2026, 11, 2))  # 5 working days: due 11-09, overdue today
    deciding = accepted_case(w)
    deciding = act(w.approver, deciding, ActionKind.ADVANCE, expected_revision=deciding.revision)

    client.force_login(w.approver)
    page = client.get("/inbox/").content.decode()
    assert tab(page, "待受理") == "2"
    assert tab(page, "审查中") == "2"  # the late one is still in review too
    assert tab(page, "待决定") == "1"
    assert tab(page, "超期") == "1"

    page = client.get("/inbox/", {"queue": "review"}).content.decode()
    assert reviewing.number in page and late.number in page and deciding.number not in page
    assert mask_id_number(w.applicant.id_number) in page and w.applicant.id_number not in page
    assert "超期" in page and "正常" in page  # the clock in words, not colour alone

    page = client.get("/inbox/", {"queue": "overdue"}).content.decode()
    assert late.number in page and "超期" in page

    page = client.get("/inbox/", {"queue": "review", "q": late.number[-5:]}).content.decode()
    assert late.number in page and reviewing.number not in page

    # The live filter (HTMX) gets only the results block.
    part = client.get("/inbox/", {"queue": "review", "q": "张三"}, HTTP_HX_REQUEST="true").content.decode()
    assert part.lstrip().startswith('<div id="queue-results">') and reviewing.number in part


@freeze_time(TODAY)
def test_another_department_sees_empty_queues(client):
    w = make_world()
    accepted_case(w)
    client.force_login(w.police_approver)
    page = client.get("/inbox/", {"queue": "review"}).content.decode()
    assert tab(page, "审查中") == "0" and "该队列暂无办件" in page


@freeze_time(TODAY)
def test_applicants_do_not_get_an_inbox(client):
    w = make_world()
    client.force_login(w.applicant)
    assert client.get("/inbox/").status_code == 403
