"""一件事一次办, rated once: when the 开办餐饮店 joint case is 办结 the applicant gets one SMS and sees one
rate link on her joint case page (her sub-case pages and their notices send her there); her one
rating counts for each department that handled a part, and a bad one goes to each of them."""

import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from tongban.cases import notices
from tongban.cases.models import BundlePhase
from tongban.cases.rating_links import joint_rating_path, rating_path
from tongban.cases.services.bundles import accept_bundle
from tongban.notify.models import Notification
from tongban.ratings import statistics
from tongban.ratings.models import BadRatingReview, Level, Rating, RatingChannel, RatingInvitation
from tongban.ratings.services.rating import rate
from tongban.ratings.tasks import invite_completed
from tongban.themes.selectors import evaluate_theme
from tongban.themes.services import apply_for_theme
from tongban.themes.tests.newborn_support import members
from tongban.themes.tests.support import decide, fill, make_theme_world, uploads_for

pytestmark = pytest.mark.django_db
SITUATION = {"entity": "company", "has_licence": True, "area": 400}  # food licence and fire check


@pytest.fixture
def w():
    return make_theme_world("restaurant")


def _joint_case(w, *, decided=True):
    theme = w.themes["restaurant"]
    plan = evaluate_theme(theme, SITUATION, None, user=w.applicant)
    bundle, _ = apply_for_theme(w.applicant, theme, situation=SITUATION, answers=fill(plan["form"]),
                                uploads=uploads_for(plan["materials"]))
    bundle = accept_bundle(w.clerk, bundle, expected_revision=bundle.revision)
    m = members(bundle)
    w.food, w.fire = m["food"].case, m["fire"].case
    decide(w, w.food, number="JY14314020000001")
    if decided:
        decide(w, w.fire, number="")
    bundle.refresh_from_db()
    w.food.refresh_from_db()
    w.fire.refresh_from_db()
    return bundle


def _client(user=None):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def test_one_invitation_and_one_link_for_the_whole_thing(w, tmp_path):
    bundle = _joint_case(w)
    assert bundle.phase == BundlePhase.COMPLETED
    link = joint_rating_path(bundle.number)

    assert invite_completed() == 1 and invite_completed() == 0  # one SMS, not one per department
    sms = Notification.objects.get(subject="邀您评价")
    assert link in sms.body and bundle.number in sms.body and sms.link == link + "?via=sms"
    assert set(RatingInvitation.objects.values_list("case_id", flat=True)) == {w.food.pk, w.fire.pk}

    mine = _client(w.applicant)
    page = mine.get(f"/my/joint-cases/{bundle.number}/").content.decode()
    assert page.count(link) == 1 and "评价这件事的办理" in page
    for case in (w.food, w.fire):
        page = mine.get(f"/my/cases/{case.number}/").content.decode()
        assert rating_path(case.number) not in page and "到联办件页面评价" in page

    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(notices.render(w.food, "decision"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "扫码评价本次“一件事”联办服务（好差评）" in text

    # A sub-case's own link (an older notice) leads to the joint case's one rating.
    response = _client().get(rating_path(w.food.number) + "?via=sms")
    assert response.status_code == 302 and response["Location"] == link + "?via=sms"


def test_one_rating_counts_for_each_department_and_each_answers_a_bad_one(w):
    bundle = _joint_case(w)
    link = joint_rating_path(bundle.number) + "?via=web"
    mine = _client(w.applicant)
    page = mine.get(link).content.decode()
    assert "食品经营许可（新办）" in page and "公众聚集场所投入使用、营业前消防安全检查" in page  # what it covers
    assert "您对这件事的办理满意吗？" in page and page.count('name="level"') == 5

    bad = mine.post(link, {"level": "9", "comment": "跑了两趟"})
    assert bad.status_code == 422 and "请选择评价等级" in bad.content.decode() and not Rating.objects.exists()
    response = mine.post(link, {"level": str(Level.DISSATISFIED), "comment": "消防检查等了很久才来"})
    assert response.status_code == 302

    rows = list(Rating.objects.order_by("pk"))
    assert [r.case_id for r in rows] == [w.food.pk, w.fire.pk]
    assert {r.department_id for r in rows} == {w.food.department_id, w.fire.department_id}
    assert all(r.bundle_number == bundle.number and r.level == Level.DISSATISFIED and r.channel == RatingChannel.PC
               and r.rater_id == w.applicant.pk for r in rows)
    reviews = BadRatingReview.objects.order_by("pk")
    assert [r.department_id for r in reviews] == [w.food.department_id, w.fire.department_id]

    page = mine.get(link).content.decode()
    assert "不满意" in page and "消防检查等了很久才来" in page and page.count("各办理部门分别核实处理") == 1
    again = mine.post(link, {"level": str(Level.VERY_SATISFIED)})
    assert again.status_code == 422 and "不能重复评价" in again.content.decode()
    with pytest.raises(ValidationError, match="不能重复评价"):  # nor one department's part through the phone
        rate(w.clerk, w.fire, level=Level.SATISFIED, channel=RatingChannel.PHONE)
    assert Rating.objects.count() == 2

    by_department = {r["key"]: r for r in statistics.rows("department", statistics.this_year())}
    assert by_department[w.food.department_id]["total"] == by_department[w.fire.department_id]["total"] == 1
    assert by_department[w.fire.department_id]["bad"] == 1
    listed = mine.get("/my/ratings/").content.decode()
    assert listed.count(f'href="{link}"') == 1 and "开办餐饮店一件事" in listed  # one rating, listed once


def test_not_before_every_part_is_decided(w):
    bundle = _joint_case(w, decided=False)  # the fire check is still running
    link = joint_rating_path(bundle.number)
    mine = _client(w.applicant)
    assert f"{link}?via=web" not in mine.get(f"/my/joint-cases/{bundle.number}/").content.decode()
    page = mine.get(link).content.decode()
    assert "该联办件尚未全部办结" in page
    response = mine.post(link, {"level": str(Level.SATISFIED)})
    assert response.status_code == 422 and not Rating.objects.exists()
    with pytest.raises(ValidationError, match="联办件全部事项办结后才能评价"):
        rate(w.applicant, w.food, level=Level.SATISFIED, channel=RatingChannel.PC)  # its part is done, the whole is not
    assert invite_completed() == 0
