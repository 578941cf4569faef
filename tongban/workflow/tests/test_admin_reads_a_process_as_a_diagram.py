"""A platform administrator opens a process version in the admin and reads it as a diagram drawn
from its rows; a draft is published with one button, and a broken one is refused with the reason."""

import pytest
from django.contrib.auth import get_user_model

from tongban.workflow.models import ProcessVersion, State, VersionStatus
from tongban.workflow.services import install
from tongban.workflow.tests.support import site_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root", password="x-Long-Pass-2026")
    client.force_login(user)
    return client


def test_the_version_page_shows_the_process_as_a_diagram(admin_client):
    version = install(site_check())
    page = admin_client.get(f"/admin/workflow/processversion/{version.pk}/change/").content.decode()
    assert "<svg" in page and 'aria-label="流程图"' in page
    for text in ("受理", "现场核查", "决定", "办结", "核查通过", "审批人员", "时限 3个工作日"):
        assert text in page
    assert "新建修订版本" in page


def test_draft_then_publish_from_the_admin(admin_client):
    version = install(site_check())
    res = admin_client.post(f"/admin/workflow/processversion/{version.pk}/draft/")
    draft = ProcessVersion.objects.get(process=version.process, number=2)
    assert res.status_code == 302 and res["Location"].endswith(f"/{draft.pk}/change/")
    State.objects.create(version=draft, code="hearing", name="听证", kind="work", order=9)

    res = admin_client.post(f"/admin/workflow/processversion/{draft.pk}/publish/", follow=True)
    assert "不能发布：环节“听证”从开始环节无法到达" in res.content.decode()
    draft.states.get(code="hearing").delete()
    res = admin_client.post(f"/admin/workflow/processversion/{draft.pk}/publish/", follow=True)
    assert "已发布第2版" in res.content.decode()
    draft.refresh_from_db()
    assert draft.status == VersionStatus.PUBLISHED


def test_citizens_do_not_reach_the_process_admin(client):
    version = install(site_check())
    user = get_user_model().objects.create_user("someone", password="x-Long-Pass-2026")
    client.force_login(user)
    res = client.post(f"/admin/workflow/processversion/{version.pk}/publish/")
    assert res.status_code in (302, 403)
