"""Check your answers: every step has a change link that comes back to the check page; submitting
creates the joint case and shows its number on the confirmation page."""

import pytest
from django.test import Client

from tongban.cases.models import CaseBundle
from tongban.cases.tests.builders import pdf
from tongban.themes.tests.support import fill, make_theme_world
from tongban.themes.views_journey import Journey

pytestmark = pytest.mark.django_db
BASE = "/themes/newborn/apply/"


@pytest.fixture
def w():
    return make_theme_world("newborn")


def _journey_through(client, w):
    client.post(BASE + "questions/settle_here/", {"answer": "true"})
    client.post(BASE + "questions/parents_married/", {"answer": "true"})
    client.post(BASE + "services/", {"optional": ["medical"]})
    request = client.get(BASE + "check/").wsgi_request
    from tongban.themes.views_journey import Draft

    journey = Journey(w.themes["newborn"], Draft(request, "newborn"))
    for i, p in enumerate(journey.form_pages, start=1):
        response = client.post(BASE + f"form/{i}/", fill(p["fields"], baby_name="王小宝"))
        assert response.status_code == 302, response.content.decode()[:2000]
    files = {f"material_{m.key}": pdf(f"{m.name}.pdf") for m in journey.merged.uploads() if m.required}
    response = client.post(BASE + "materials/", {**files, "action": "continue"})
    assert response["Location"] == BASE + "check/"
    return journey


def test_change_links_return_to_check(w):
    client = Client()
    client.force_login(w.applicant)
    _journey_through(client, w)
    page = client.get(BASE + "check/").content.decode()
    assert "王小宝" in page and "城乡居民基本医疗保险参保登记" in page or "医保" in page
    for href in (BASE + "questions/settle_here/?return=check", BASE + "services/?return=check",
                 BASE + "form/1/?return=check", BASE + "materials/?return=check"):
        assert f'href="{href}"' in page
    change = client.get(BASE + "questions/parents_married/?return=check").content.decode()
    assert 'name="return" value="check"' in change and f'href="{BASE}check/"' in change
    response = client.post(BASE + "questions/parents_married/", {"answer": "false", "return": "check"})
    assert response["Location"] == BASE + "check/"
    assert "否" in client.get(BASE + "check/").content.decode()


def test_submit_shows_the_joint_case_number(w):
    client = Client()
    client.force_login(w.applicant)
    _journey_through(client, w)
    response = client.post(BASE + "check/")
    bundle = CaseBundle.objects.get(applicant=w.applicant)
    assert response["Location"] == f"/my/joint-cases/{bundle.number}/submitted/"
    page = client.get(response["Location"]).content.decode()
    assert bundle.number in page and "接下来会怎样" in page
    assert set(bundle.members.values_list("code", flat=True)) == {"cert", "hukou", "medical"}
    # The draft is gone: starting again begins with the first question.
    assert client.get(BASE)["Location"] == BASE + "questions/settle_here/"


def test_errors_from_submit_link_back_to_the_step(w):
    client = Client()
    client.force_login(w.applicant)
    client.post(BASE + "questions/settle_here/", {"answer": "true"})
    response = client.post(BASE + "check/")  # nothing else given
    page = response.content.decode()
    assert response.status_code == 400 and not CaseBundle.objects.exists()
    assert f'href="{BASE}questions/parents_married/?return=check"' in page
    assert "请回答“新生儿父母是否已登记结婚？”" in page
