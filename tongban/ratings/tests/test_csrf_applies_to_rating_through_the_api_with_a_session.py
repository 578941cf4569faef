"""Rating through the API with the link's token: without a login no CSRF token is needed; a logged-in
browser's rating is the person's own, so it needs the CSRF token like every session POST."""

import json

import pytest
from django.test import Client

from tongban.ratings.models import Rating
from tongban.ratings.tests.support import completed_case, rate_link, world

pytestmark = pytest.mark.django_db


def _url(case) -> str:
    return f"/api/v1/ratings/rate/{rate_link(case).split('/')[2]}"


def _rate(client, case, **headers):
    return client.post(_url(case), json.dumps({"level": 5, "comment": "办事很快"}), content_type="application/json",
                       **headers)


def test_a_logged_in_rating_without_the_token_is_refused():
    w = world()
    case = completed_case(w)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(w.applicant)
    r = _rate(browser, case)
    assert r.status_code == 403 and r.json()["code"] == "csrf_failed"
    assert not Rating.objects.exists()
    assert browser.get(_url(case)).json()["can_rate"] is True

    browser.get("/api/v1/cases")  # sets the csrftoken cookie
    r = _rate(browser, case, HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)
    assert r.status_code == 201 and r.json()["level_name"] == "非常满意"


def test_a_rating_through_the_link_alone_needs_no_token():
    w = world()
    case = completed_case(w)
    r = _rate(Client(enforce_csrf_checks=True), case)
    assert r.status_code == 201
    assert Rating.objects.get().comment == "办事很快"
