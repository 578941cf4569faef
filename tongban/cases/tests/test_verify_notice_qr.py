import pytest

from tongban.cases import notices
from tongban.cases.models import ActionKind
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


def test_notice_pdf_only_for_the_applicant_and_staff_in_scope(client):
    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    url = f"/cases/{case.number}/notices/accept.pdf"
    client.force_login(w.other_applicant)
    assert client.get(url).status_code == 404
    client.force_login(w.police_approver)
    assert client.get(url).status_code == 404
    client.force_login(w.applicant)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_qr_code_leads_to_a_verification_page(client):
    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    url = notices.verify_url(case, "accept")
    path = url.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path).content.decode()
    assert "真实有效" in page and case.number in page and "张*" in page
    assert w.applicant.id_number not in page
    forged = client.get("/" + path.replace(notices.token(case.number, "accept"), "0" * 20))
    assert forged.status_code == 404
