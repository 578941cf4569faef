"""一事一评 / 一次一评: a handling is rated once; the second rating is refused with a clear message and
the first one stays as it was."""

import pytest
from django.core.exceptions import ValidationError

from tongban.ratings.models import DUPLICATE_MESSAGE, Level, Rating, RatingChannel
from tongban.ratings.services.rating import rate
from tongban.ratings.services.recording import visit_handling
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db


def test_a_second_rating_of_the_same_case_is_refused():
    w = world()
    case = completed_case(w)
    first = rate(None, case, level=Level.SATISFIED, channel=RatingChannel.QR, comment="很快")
    with pytest.raises(ValidationError) as exc:
        rate(w.applicant, case, level=Level.VERY_DISSATISFIED, channel=RatingChannel.PC)
    assert DUPLICATE_MESSAGE in exc.value.messages
    assert list(Rating.objects.values_list("pk", "level")) == [(first.pk, Level.SATISFIED)]


def test_the_database_itself_refuses_a_duplicate():
    w = world()
    case = completed_case(w)
    rating = rate(None, case, level=Level.SATISFIED, channel=RatingChannel.QR)
    dup = Rating(case=case, handling=rating.handling, mode=rating.mode, channel="pc", level=5,
                 department=case.department, division=case.division, matter=rating.matter, matter_name="x")
    with pytest.raises(ValidationError) as exc:
        dup.validate_constraints()
    assert DUPLICATE_MESSAGE in exc.value.messages


def test_each_window_visit_is_its_own_handling():
    w = world()
    case = completed_case(w, walk_in=True)
    key, label = visit_handling(case, w.clerk)
    visit = rate(None, case, level=Level.VERY_SATISFIED, channel=RatingChannel.TABLET, handling=key,
                 handling_label=label, staff=w.clerk)
    whole = rate(None, case, level=Level.SATISFIED, channel=RatingChannel.QR)
    assert visit.mode == whole.mode == "window"  # a walk-in case is rated with the window indicators
    assert visit.staff == w.clerk and whole.staff == w.clerk  # the clerk who took it in
    with pytest.raises(ValidationError, match=DUPLICATE_MESSAGE):
        rate(None, case, level=Level.SATISFIED, channel=RatingChannel.TABLET, handling=key, staff=w.clerk)


def test_the_rated_staff_department_and_matter_are_recorded():
    w = world()
    case = completed_case(w)
    r = rate(w.applicant, case, level=Level.BASICALLY_SATISFIED, channel=RatingChannel.MOBILE,
             scores={"efficiency": "4", "usability": 2})
    assert (r.department, r.matter, r.staff, r.rater) == (w.market, w.version.matter, w.approver, w.applicant)
    assert r.mode == "online" and r.scores == {"efficiency": 4, "usability": 2}
    assert r.rater_name == "张三" and not r.is_bad and not hasattr(r, "review") or r.review is None


def test_bad_input_names_the_field():
    w = world()
    case = completed_case(w)
    with pytest.raises(ValidationError) as exc:
        rate(None, case, level="7", channel=RatingChannel.QR, scores={"attitude": 3}, comment="长" * 501)
    errors = exc.value.message_dict
    assert "请选择评价等级" in errors["level"][0]
    assert "不是网上办理的评价指标" in errors["scores"][0]
    assert "不能超过500字" in errors["comment"][0]
    assert not Rating.objects.exists()


def test_an_open_case_cannot_be_rated_as_a_whole():
    from tongban.cases.tests.builders import submitted_case

    w = world()
    case = submitted_case(w)
    with pytest.raises(ValidationError) as exc:
        rate(None, case, level=5, channel=RatingChannel.QR)
    assert "办结后才能评价" in exc.value.message_dict["case"][0]
