"""A joint case's sub-case is not a draft of its own: its page leads to the joint case, and the API
will not submit it alone."""

import pytest
from django.test import Client

from tongban.themes.tests.newborn_support import apply_newborn
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("newborn")


def test_sub_case_draft_page_sends_me_to_the_joint_case(w):
    bundle = apply_newborn(w)
    sub = bundle.members.first().case
    me = Client()
    me.force_login(w.applicant)
    response = me.get(f"/my/drafts/{sub.uid}/")
    assert response.status_code == 302 and response["Location"] == f"/my/joint-cases/{bundle.number}/"
    response = me.post(f"/my/drafts/{sub.uid}/", {"action": "submit"})
    assert response["Location"] == f"/my/joint-cases/{bundle.number}/"
    api = me.post(f"/api/v1/cases/drafts/{sub.uid}/submit", content_type="application/json",
                  HTTP_X_CSRFTOKEN="x")
    assert api.status_code in (403, 404)
    sub.refresh_from_db()
    assert sub.number is None  # still waiting for the window to accept the joint case
