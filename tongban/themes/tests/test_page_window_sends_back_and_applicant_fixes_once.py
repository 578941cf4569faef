"""At the window's joint case page the clerk sends one 一次性告知 with an item per sub-case; the
applicant sees every item on her joint case page, fixes the one form once and resubmits once; the
clerk then accepts it as one. An approver cannot open the window's page."""

import pytest
from django.test import Client

from tongban.cases.models import BundlePhase
from tongban.themes.tests.newborn_support import apply_newborn
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("newborn")


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def test_send_back_fix_once_and_accept(w):
    bundle = apply_newborn(w)
    url = f"/desk/joint-cases/{bundle.number}/"
    clerk = _client(w.clerk)
    page = clerk.get(url).content.decode()
    assert "受理全部事项" in page and "一次性告知补正" in page
    response = clerk.post(url + "correction/", {
        "expected_revision": bundle.revision, "member": ["cert", "hukou", "medical"],
        "problem-cert": "母亲身份证号码与证件不一致", "problem-hukou": "结婚证照片不清晰", "problem-medical": ""})
    assert response.status_code == 302
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.CORRECTION and len(bundle.correction["items"]) == 2

    mine = _client(w.applicant)
    page = mine.get(f"/my/joint-cases/{bundle.number}/").content.decode()
    assert "母亲身份证号码与证件不一致" in page and "结婚证照片不清晰" in page
    assert page.count('name="baby_name"') == 1  # the one form, asked once
    response = mine.post(f"/my/joint-cases/{bundle.number}/correct/", {"baby_name": "王小明"})
    assert response.status_code == 302
    for m in bundle.members.select_related("case"):
        key = "baby_name" if m.code in ("cert", "hukou") else "insured_name"
        if key in m.case.answers:
            assert m.case.answers[key] == "王小明"
    bad = mine.post(f"/my/joint-cases/{bundle.number}/correct/", {"mother_id_number": "430102199003071230"})
    assert bad.status_code == 400 and "校验位不正确" in bad.content.decode()
    assert mine.post(f"/my/joint-cases/{bundle.number}/resubmit/").status_code == 302
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.SUBMITTED

    response = clerk.post(url + "accept/", {"expected_revision": bundle.revision})
    assert response.status_code == 302
    bundle.refresh_from_db()
    assert bundle.phase == BundlePhase.PROCESSING

    approver = next(iter(w.approvers.values()))
    assert _client(approver).get(url).status_code == 403
    assert _client(w.other).get(f"/my/joint-cases/{bundle.number}/").status_code == 404
