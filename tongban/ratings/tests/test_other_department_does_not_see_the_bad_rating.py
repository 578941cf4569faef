"""Scope: a bad rating belongs to the rated department and to 督办; staff of another department
do not see it anywhere (list, page, action, API) — it reads as missing, not as forbidden."""

import pytest

from tongban.ratings.models import RatingChannel
from tongban.ratings.services.rating import rate
from tongban.ratings.tests.support import completed_case, world

pytestmark = pytest.mark.django_db


def test_staff_of_another_department_do_not_see_the_bad_rating(client):
    w = world()
    case = completed_case(w)
    review = rate(None, case, level=2, channel=RatingChannel.QR, comment="太慢").review
    detail = f"/ratings/bad/{review.pk}/"

    client.force_login(w.police_approver)
    listing = client.get("/ratings/bad/?queue=verify").content.decode()
    assert case.number not in listing and "没有待核实回访的差评" in listing
    assert client.get(detail).status_code == 404
    r = client.post(detail + "verify/", {"verification": "x", "callback_reached": "1", "callback_note": "y"})
    assert r.status_code == 404
    assert client.get(f"/api/v1/ratings/bad/{review.pk}").status_code == 404
    assert client.get("/api/v1/ratings/bad?queue=verify").json() == []
    review.refresh_from_db()
    assert review.state.code == "verify" and review.verification == ""

    client.force_login(w.approver)
    assert case.number in client.get("/ratings/bad/").content.decode()
    client.force_login(w.supervisor)
    assert client.get(detail).status_code == 200


def test_applicants_and_clerks_have_no_worklist(client):
    w = world()
    client.force_login(w.applicant)
    r = client.get("/ratings/bad/")
    assert r.status_code == 403 and "审批人员、督办人员" in r.content.decode()
    client.force_login(w.clerk)
    assert client.get("/ratings/bad/").status_code == 403
    client.logout()
    assert client.get("/ratings/bad/").status_code == 302
