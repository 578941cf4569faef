"""The demo city comes with 好差评 to look at: ratings through several channels, one 非常不满意 in the
loop, last month's return-visit samples, a "办不成事" report — and a completed case of the citizen
left unrated, to try the loop from its QR link."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from freezegun import freeze_time

from tongban.cases.models import Case, DeliveryStatus
from tongban.demo.loader import load_demo
from tongban.ratings.models import BadRatingReview, CannotDoTicket, Rating, ReturnVisitSample
from tongban.ratings.services import visits

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic(), freeze_time(NOW):
        # The sample matter (食品经营许可) is enough: the completed demo cases are food licences.
        yield load_demo(modules=["matters_sample"])["ratings"]
        transaction.set_rollback(True)


def test_demo_ratings_loop_samples_and_ticket(demo):
    assert demo["ratings"] == Rating.objects.count() >= 3 and demo["tickets"] == 1
    assert {"qr", "tablet", "pc"} <= set(Rating.objects.values_list("channel", flat=True))
    review = BadRatingReview.objects.get()
    assert review.rating.level == 1 and review.state.code == "rectify" and review.callback_reached
    assert review.events.filter(action="verify", actor__username="approver_market").exists()
    samples = list(ReturnVisitSample.objects.all())
    assert samples and all(s.month == date(2026, 10, 1) and s.size >= 1 and s.seed == 20 for s in samples)
    assert all(visits.redraw_matches(s) for s in samples)
    assert CannotDoTicket.objects.get().status == "new"


def test_the_citizens_posted_case_is_left_to_rate(demo, client):
    from tongban.cases.rating_links import rating_path

    case = Case.objects.get(delivery_status=DeliveryStatus.SHIPPED, applicant__username="citizen")
    assert not Rating.objects.filter(case=case).exists()
    page = client.get(rating_path(case.number)).content.decode()
    assert "您对这次办事满意吗" in page
