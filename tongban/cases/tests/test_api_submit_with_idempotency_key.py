"""An app submits over a flaky network: retrying with the same Idempotency-Key never files twice."""

import pytest

from tongban.cases.models import Case, Phase
from tongban.cases.tests.api_support import call, sample_answers, submit_multipart
from tongban.cases.tests.builders import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_world()


def test_same_key_twice_gives_one_case_with_the_same_number(client, w):
    client.force_login(w.applicant)

    first = submit_multipart(client, w, key="7f1c2d0e-retry-1")
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["number"].startswith(w.impl.code)
    assert body["phase"] == {"code": "submitted", "label": "待受理"}
    assert first["Location"] == f"/api/v1/cases/{body['number']}"

    again = submit_multipart(client, w, key="7f1c2d0e-retry-1")
    assert again.status_code == 200, again.content
    assert again.json()["number"] == body["number"]
    assert Case.objects.filter(applicant=w.applicant).count() == 1
    case = Case.objects.get(number=body["number"])
    assert case.events.filter(action="submit").count() == 1
    assert case.files.count() == 3  # the retry's files were not stored a second time


def test_a_different_key_is_a_new_application(client, w):
    client.force_login(w.applicant)
    one = submit_multipart(client, w, key="key-one").json()["number"]
    two = submit_multipart(client, w, key="key-two")
    assert two.status_code == 201
    assert two.json()["number"] != one
    assert Case.objects.filter(applicant=w.applicant, phase=Phase.SUBMITTED).count() == 2


def test_keys_belong_to_one_applicant(client, w):
    client.force_login(w.applicant)
    mine = submit_multipart(client, w, key="shared-key").json()["number"]
    client.force_login(w.other_applicant)
    theirs = submit_multipart(client, w, key="shared-key", answers=sample_answers(w.version))
    assert theirs.status_code == 201
    assert theirs.json()["number"] != mine


def test_without_a_key_each_call_files_a_case(client, w):
    client.force_login(w.applicant)
    assert submit_multipart(client, w).status_code == 201
    assert submit_multipart(client, w).status_code == 201
    assert Case.objects.filter(applicant=w.applicant).count() == 2


def test_retry_is_answered_even_after_the_case_moved_on(client, w):
    from tongban.cases.tests.api_support import accepted

    client.force_login(w.applicant)
    number = submit_multipart(client, w, key="late-retry").json()["number"]
    accepted(w, Case.objects.get(number=number))
    again = submit_multipart(client, w, key="late-retry")
    assert again.status_code == 200
    assert again.json()["number"] == number and again.json()["phase"]["code"] == "processing"


def test_json_submission_without_files_is_refused_naming_each_missing_material(client, w):
    client.force_login(w.applicant)
    res = call(client, "POST", "/api/v1/cases",
               {"implementation_code": w.impl.code, "answers": sample_answers(w.version)},
               **{"Idempotency-Key": "json-1"})
    assert res.status_code == 422
    fields = res.json()["fields"]
    plan = w.materials["经营场所平面图"]
    assert fields[f"material_{plan.pk}"] == ["请上传“经营场所平面图”"]
    assert not Case.objects.exists()  # nothing half-made is left behind, so a retry can succeed
