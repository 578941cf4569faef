"""My joint case is mine: another applicant (and a stranger) gets 404; I see every sub-case."""

import pytest
from django.test import Client

from tongban.themes.tests.newborn_support import apply_newborn
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("newborn")


def test_only_the_applicant_sees_the_joint_case(w):
    bundle = apply_newborn(w)
    other = Client()
    other.force_login(w.other)
    for url in (f"/my/joint-cases/{bundle.number}/", f"/my/joint-cases/{bundle.number}/submitted/"):
        assert other.get(url).status_code == 404
    assert other.post(f"/my/joint-cases/{bundle.number}/resubmit/").status_code == 404
    assert Client().get(f"/my/joint-cases/{bundle.number}/").status_code == 302  # login first
    mine = Client()
    mine.force_login(w.applicant)
    page = mine.get(f"/my/joint-cases/{bundle.number}/").content.decode()
    assert bundle.number in page
    for m in bundle.members.all():
        assert m.name in page
    assert "等待综合窗口受理" in page
    # 我的办件 lists it at the top, and the other applicant's list does not.
    assert f'href="/my/joint-cases/{bundle.number}/"' in mine.get("/my/cases/").content.decode()
    assert bundle.number not in other.get("/my/cases/").content.decode()
