"""Case files are served to the applicant and to staff in scope, and to nobody else."""

import pytest

from tongban.cases.models import ActionKind, FileKind
from tongban.cases.services import intake
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import PDF_BYTES, make_world, pdf, submitted_case

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content)


def test_applicant_and_staff_in_scope_download_others_get_404(client):
    w = make_world()
    case = submitted_case(w)
    f = case.files.first()
    url = f"/cases/{case.number}/files/{f.pk}/"

    for user in (w.applicant, w.clerk, w.approver):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, user
        assert body(response) == PDF_BYTES
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Type"] == "application/pdf"
    for user in (w.other_applicant, w.police_approver):
        client.force_login(user)
        assert client.get(url).status_code == 404, user
    client.force_login(w.applicant)
    assert client.get(f"/cases/{case.number}/files/999999/").status_code == 404
    other = submitted_case(w)
    # A file id of another case under my number: still 404.
    assert client.get(f"/cases/{case.number}/files/{other.files.first().pk}/").status_code == 404


def test_attachment_of_an_internal_step_stays_with_staff(client):
    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    note = intake.attach_file(w.approver, case, None, pdf("内部审查意见.pdf"), kind=FileKind.ATTACHMENT)
    event = case.events.create(action="note", label="内部审查意见", public=False)
    note.event = event
    note.save(update_fields=["event"])
    url = f"/cases/{case.number}/files/{note.pk}/"

    client.force_login(w.approver)
    assert client.get(url).status_code == 200
    client.force_login(w.applicant)
    assert client.get(url).status_code == 404
    assert "内部审查意见" not in client.get(f"/my/cases/{case.number}/").content.decode()
