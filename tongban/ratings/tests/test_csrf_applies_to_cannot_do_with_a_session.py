"""“办不成事” through the API: anyone may report without logging in; a logged-in browser's report is
recorded in that person's name, so it needs the CSRF token like every session POST (a page elsewhere
cannot make the browser report)."""

import json

import pytest
from django.test import Client

from tongban.ratings.models import CannotDoTicket
from tongban.ratings.tests.support import world

pytestmark = pytest.mark.django_db
URL = "/api/v1/ratings/cannot-do"
REPORT = {"matter_text": "个体户食品经营许可", "description": "跑了两次窗口，都说要去区里办。",
          "contact_name": "王大妈", "contact_phone": "13912345678"}


def _post(client, **headers):
    return client.post(URL, json.dumps(REPORT), content_type="application/json", **headers)


def test_a_logged_in_report_without_the_token_is_refused():
    w = world()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(w.applicant)
    r = _post(browser)
    assert r.status_code == 403 and r.json()["code"] == "csrf_failed" and "X-CSRFToken" in r.json()["message"]
    assert not CannotDoTicket.objects.exists()

    browser.get("/api/v1/cases")  # sets the csrftoken cookie, as the site's pages do
    r = _post(browser, HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)
    assert r.status_code == 201 and r.json()["number"].startswith("BCS")
    assert CannotDoTicket.objects.count() == 1


def test_a_report_without_a_login_needs_no_token():
    world()
    r = _post(Client(enforce_csrf_checks=True))
    assert r.status_code == 201
    assert CannotDoTicket.objects.get().contact_name == "王大妈"
