"""政务服务回访: the monthly sample of a department with 100 closed cases has at least 20 cases, the
seed is recorded, and drawing again with the same seed gives the same cases; callers get the calls
and their outcomes feed statistics (a reached call with no rating yet becomes a 电话 rating)."""

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from tongban.cases.models import Case
from tongban.ratings.models import Rating, ReturnVisitSample, VisitStatus
from tongban.ratings.services import visits
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def closed_in_october(w, n: int) -> list[int]:
    """One case completed through the services, then n-1 rows like it (other numbers and days):
    the sample reads only department, phase and completion time."""
    model = completed_case(w)
    ids = [model.pk]
    for i in range(1, n):
        c = Case.objects.get(pk=model.pk)
        c.pk, c.uid, c.number = None, uuid.uuid4(), f"{model.number[:-5]}{i:05d}X"
        c.completed_at = datetime(2026, 10, 1 + i % 31, 15, tzinfo=SHANGHAI)
        c.save()
        ids.append(c.pk)
    Case.objects.filter(pk=model.pk).update(completed_at=datetime(2026, 10, 9, 11, tzinfo=SHANGHAI))
    return ids


@freeze_time(datetime(2026, 11, 20, 9, tzinfo=SHANGHAI))
def test_sample_of_100_closed_cases_is_at_least_20_and_reproducible():
    w = world()
    ids = closed_in_october(w, 100)
    assert len(visits.population(w.market, date(2026, 10, 1))) == 100

    sample = visits.draw(w.supervisor, w.market, date(2026, 10, 1))
    drawn = sorted(sample.visits.values_list("case_id", flat=True))
    assert sample.size == len(drawn) >= 20 and sample.population == 100 and set(drawn) <= set(ids)
    assert visits.pick(ids, sample.seed, sample.rate) == drawn  # same seed, same cases
    assert visits.redraw_matches(sample)
    assert visits.pick(ids, sample.seed + 1, sample.rate) != drawn  # the seed does decide
    # Drawing the month again does not draw anew: the recorded sample stands.
    assert visits.draw(w.supervisor, w.market, date(2026, 10, 15)).pk == sample.pk
    # Every call is given to a caller covering the department (the 12345 agent, the supervisor), in turn.
    callers = {v.caller_id for v in sample.visits.all()}
    assert callers == {w.caller.pk, w.supervisor.pk}


@freeze_time(datetime(2026, 11, 20, 9, tzinfo=SHANGHAI))
def test_rate_is_rounded_up_and_never_below_twenty_percent():
    assert visits.sample_size(21, "0.2") == 5 and visits.sample_size(3, "0.2") == 1
    assert visits.sample_size(0, "0.2") == 0
    w = world()
    with pytest.raises(ValidationError) as exc:
        visits.draw(w.supervisor, w.market, date(2026, 10, 1), rate="0.1")
    assert "不少于办件量的20%" in exc.value.message_dict["rate"][0]
    with pytest.raises(ValidationError, match="已结束月份"):
        visits.draw(w.supervisor, w.market, date(2026, 11, 1))
    with pytest.raises(PermissionDenied):
        visits.draw(w.approver, w.market, date(2026, 10, 1))


def test_the_sweep_draws_last_month_on_the_draw_day():
    from tongban.ratings.tasks import sweep

    w = world()
    with freeze_time(datetime(2026, 10, 12, 9, tzinfo=SHANGHAI)):
        closed_in_october(w, 10)
    with freeze_time(datetime(2026, 11, 19, 9, tzinfo=SHANGHAI)):
        assert sweep()["samples"] == 0  # the 20th is the draw day
    with freeze_time(datetime(2026, 11, 20, 9, tzinfo=SHANGHAI)):
        assert sweep()["samples"] == 1 and sweep()["samples"] == 0
    sample = ReturnVisitSample.objects.get()
    assert (sample.month, sample.population, sample.size, sample.drawn_by) == (date(2026, 10, 1), 10, 2, None)


@freeze_time(datetime(2026, 11, 20, 9, tzinfo=SHANGHAI))
def test_caller_records_outcomes():
    w = world()
    closed_in_october(w, 5)
    sample = visits.draw(w.supervisor, w.market, date(2026, 10, 1))
    visit = sample.visits.get()
    visit.caller = w.caller
    visit.save()
    with pytest.raises(PermissionDenied):
        visits.record(w.approver, visit, reached=True, level=5)
    with pytest.raises(ValidationError) as exc:
        visits.record(w.caller, visit, reached=False, note="")
    assert "拨打情况" in exc.value.message_dict["note"][0]
    visits.record(w.caller, visit, reached=False, note="无人接听")
    visit = visits.record(w.caller, visit, reached=True, level=2, note="等了两周才拿到证")
    assert (visit.status, visit.attempts, visit.level) == (VisitStatus.DONE, 2, 2)
    rating = Rating.objects.get(case=visit.case)
    assert (rating.channel, rating.entered_by, rating.level) == ("phone", w.caller, 2)
    assert rating.review.state.code == "verify"  # a bad phone rating starts the loop like any other
    assert visit.called_at.date() == date(2026, 11, 20)
