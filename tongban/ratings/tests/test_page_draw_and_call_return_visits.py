"""回访 on the pages: 督办 draws last month's sample for a department; the 12345 agent finds the
calls on their list and records the outcome; another department's approver has no access."""

import re
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tongban.cases.models import Case
from tongban.ratings.models import ReturnVisitSample, VisitStatus
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@freeze_time(datetime(2026, 11, 5, 9, tzinfo=SHANGHAI))
def test_supervisor_draws_and_the_caller_records(client):
    w = world()
    model = completed_case(w)
    for i in range(9):
        c = Case.objects.get(pk=model.pk)
        c.pk, c.uid, c.number = None, uuid.uuid4(), f"{model.number}-{i}"
        c.save()
    Case.objects.filter(department=w.market).update(completed_at=datetime(2026, 10, 15, 10, tzinfo=SHANGHAI))

    client.force_login(w.supervisor)
    r = client.post("/ratings/visits/draw/", {"department": w.market.pk, "month": "2026-10-01"})
    assert r.status_code == 302
    sample = ReturnVisitSample.objects.get()
    assert (sample.population, sample.size) == (10, 2)
    page = client.get("/ratings/visits/").content.decode()
    assert str(sample.seed) in page and "2026年10月" in page
    r = client.post("/ratings/visits/draw/", {"department": "", "month": "2026-10-01"})
    assert r.status_code == 422 and "请选择部门" in r.content.decode()

    client.force_login(w.caller)
    mine = client.get("/ratings/visits/").content.decode()
    ids = re.findall(r'href="/ratings/visits/(\d+)/"', mine)
    assert ids  # the round-robin gave the agent at least one call
    url = f"/ratings/visits/{ids[0]}/"
    r = client.post(url, {"note": "说得很清楚"})
    assert r.status_code == 422 and "请选择电话是否接通" in r.content.decode()
    assert client.post(url, {"reached": "1", "level": "5", "note": "很满意"}).status_code == 302
    assert sample.visits.get(pk=ids[0]).status == VisitStatus.DONE

    client.force_login(w.police_approver)
    assert client.get(url).status_code == 403
