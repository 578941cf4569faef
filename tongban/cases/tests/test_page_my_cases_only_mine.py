"""我的办件 shows one's own cases; anyone else's case, file or notice is a plain 404."""

import pytest

from tongban.cases.models import ActionKind
from tongban.cases.services import intake
from tongban.cases.services.processing import act
from tongban.cases.tests.builders import make_world, submitted_case

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_log_in(client):
    w = make_world()
    case = submitted_case(w)
    draft = intake.start_application(w.applicant, w.impl)
    f = case.files.first()
    for url in (f"/apply/{w.impl.code}/", "/my/cases/", f"/my/cases/{case.number}/",
                f"/my/drafts/{draft.uid}/", f"/cases/{case.number}/files/{f.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next="), url


def test_another_applicant_gets_the_same_404_as_for_a_missing_case(client):
    w = make_world()
    case = submitted_case(w)
    case = act(w.clerk, case, ActionKind.ACCEPT, expected_revision=case.revision)
    draft = intake.start_application(w.applicant, w.impl)
    f = case.files.first()
    client.force_login(w.other_applicant)

    for url in (f"/my/cases/{case.number}/", f"/cases/{case.number}/files/{f.pk}/",
                f"/cases/{case.number}/notices/accept.pdf", f"/my/drafts/{draft.uid}/",
                f"/my/drafts/{draft.uid}/files/{f.pk}/"):
        assert client.get(url).status_code == 404, url
    missing = client.get("/my/cases/NO-SUCH-NUMBER/")
    mine_but_not = client.get(f"/my/cases/{case.number}/")
    assert missing.status_code == mine_but_not.status_code == 404
    assert client.post(f"/my/cases/{case.number}/withdraw/").status_code == 404
    assert case.number not in client.get("/my/cases/").content.decode()


def test_my_cases_lists_drafts_open_and_finished_with_clock_and_next_step(client):
    w = make_world()
    accepted = submitted_case(w)
    accepted = act(w.clerk, accepted, ActionKind.ACCEPT, expected_revision=accepted.revision)
    waiting = submitted_case(w)
    draft = intake.start_application(w.applicant, w.impl)
    withdrawn = intake.withdraw(w.applicant, submitted_case(w))
    client.force_login(w.applicant)

    page = client.get("/my/cases/").content.decode()

    current = page[page.index("办理中"):page.index('id="h-drafts"')]
    assert accepted.number in current and waiting.number in current
    assert "正常" in current and f"{accepted.promised_due:%Y-%m-%d}" in current
    assert "等待部门受理" in current and "受理后开始计时" in current
    drafts = page[page.index('id="h-drafts"'):page.index('id="h-done"')]
    assert f"/my/drafts/{draft.uid}/" in drafts and "继续填写" in drafts
    assert withdrawn.number in page[page.index('id="h-done"'):]


def test_a_window_registration_in_progress_is_shown_but_not_editable(client):
    w = make_world()
    draft = intake.register_walk_in(w.clerk, w.impl, id_number=w.applicant.id_number, name="张三")
    client.force_login(w.applicant)

    page = client.get("/my/cases/").content.decode()
    assert "窗口工作人员正在为您登记" in page and f"/my/drafts/{draft.uid}/" not in page
    response = client.get(f"/my/drafts/{draft.uid}/", follow=True)
    assert response.redirect_chain[-1][0] == "/my/cases/"
    assert "正由窗口工作人员为您登记" in response.content.decode()
