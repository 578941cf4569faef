import pytest

from tongban.cases.tests.builders import make_world

pytestmark = pytest.mark.django_db


def test_guide_offers_online_application_and_header_leads_to_my_cases(client):
    w = make_world()
    page = client.get(f"/guide/{w.impl.code}/").content.decode()
    assert f'href="/apply/{w.impl.code}/"' in page and "在线办理" in page
    assert "我的办件" not in page

    client.force_login(w.applicant)
    page = client.get("/").content.decode()
    assert 'href="/my/cases/"' in page and "办件箱" not in page

    client.force_login(w.approver)
    assert "办件箱" in client.get("/").content.decode()


def test_after_login_staff_land_on_their_queue_and_applicants_on_my_cases(client):
    w = make_world()
    for user, target in [(w.applicant, "/my/cases/"), (w.clerk, "/desk/"), (w.approver, "/inbox/"),
                         (w.supervisor, "/inbox/")]:
        client.force_login(user)
        assert client.get("/my/")["Location"] == target
