"""我的评价: a rater sees their own ratings and how each bad one is being handled; nobody else's."""

import pytest

from tongban.ratings.models import RatingChannel
from tongban.ratings.services.rating import rate
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db


def test_rater_sees_only_their_own_ratings(client):
    w = world()
    case = completed_case(w)
    rate(w.applicant, case, level=2, channel=RatingChannel.PC, comment="太慢")
    client.force_login(w.applicant)
    page = client.get("/my/ratings/").content.decode()
    assert case.number in page and "不满意" in page and "核实中" in page
    client.force_login(w.other_applicant)
    page = client.get("/my/ratings/").content.decode()
    assert case.number not in page and "您还没有评价过办件" in page
