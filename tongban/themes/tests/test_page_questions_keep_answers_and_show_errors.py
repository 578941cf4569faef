"""One question per page: an unanswered or wrong answer is an error in Chinese linked to the field,
and what was answered before is kept between pages and after errors."""

import pytest
from django.test import Client

from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db

Q = "/themes/newborn/apply/questions/"


@pytest.fixture
def w():
    return make_theme_world("newborn")


@pytest.fixture
def client(w):
    c = Client()
    c.force_login(w.applicant)
    return c


def test_login_is_required(w):
    response = Client().get("/themes/newborn/apply/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_start_goes_to_the_first_question(client):
    response = client.get("/themes/newborn/apply/")
    assert response["Location"] == Q + "settle_here/"


def test_no_answer_shows_an_error_summary_linked_to_the_field(client):
    response = client.post(Q + "settle_here/", {})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in page
    assert '<a href="#answer-0">请回答“新生儿是否在芙蓉区落户？”</a>' in page
    assert 'id="answer-0"' in page and "<title>错误：" in page


def test_answers_are_kept_between_pages(client):
    response = client.post(Q + "settle_here/", {"answer": "true"})
    assert response["Location"] == Q + "parents_married/"
    page = client.get(Q + "parents_married/").content.decode()
    assert 'href="/themes/newborn/apply/questions/settle_here/"' in page  # back link
    # An error on the second question does not lose the first answer.
    client.post(Q + "parents_married/", {"answer": "也许"})
    page = client.get(Q + "settle_here/").content.decode()
    assert 'value="true" checked' in page
    response = client.post(Q + "parents_married/", {"answer": "false"})
    assert response["Location"] == "/themes/newborn/apply/services/"
    page = client.get(Q + "parents_married/").content.decode()
    assert 'value="false" checked' in page


def test_services_and_form_pages_keep_answers_after_an_error(client, w):
    client.post(Q + "settle_here/", {"answer": "true"})
    client.post(Q + "parents_married/", {"answer": "true"})
    response = client.post("/themes/newborn/apply/services/", {"optional": ["medical"]})
    assert response["Location"] == "/themes/newborn/apply/form/1/"
    page = client.get("/themes/newborn/apply/services/").content.decode()
    assert 'value="medical" checked' in page and 'value="vaccine" checked' not in page
    # The first form page (shared fields) asks the parent's ID number once; a wrong one is named.
    page = client.get("/themes/newborn/apply/form/1/").content.decode()
    assert page.count('name="applicant_id_number"') == 1
    response = client.post("/themes/newborn/apply/form/1/", {"applicant_id_number": "430102199003071230",
                                                              "applicant_name": "张晓梅"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "校验位不正确" in page and 'href="#f-applicant_id_number"' in page
    assert 'value="430102199003071230"' in page  # what was typed is shown again
    page = client.get("/themes/newborn/apply/form/1/").content.decode()
    assert 'value="张晓梅"' in page  # the right answer was kept
