"""The holder shares a verification link valid for 1 or 7 days; anyone can open it until then,
after that it says the link has expired. Links cannot be forged or made for others' licences."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from tongban.core.models import AuditEvent
from tongban.licences.services.sharing import make_share_token
from tongban.licences.tests.builders import issue_for, licence_world

pytestmark = pytest.mark.django_db


def _share(client, licence, days):
    res = client.post(f"/my/licences/{licence.identifier}/", {"days": days})
    return res


def test_link_opens_for_anyone_until_it_expires():
    w = licence_world()
    licence = issue_for(w)
    holder = Client()
    holder.force_login(w.applicant)
    res = _share(holder, licence, 1)
    assert res.status_code == 200
    url = res.context["share"]["url"]
    path = url.replace("http://testserver", "")
    assert path.startswith("/licences/shared/")
    assert AuditEvent.objects.filter(action="licences.share", object_id=licence.identifier).exists()

    stranger = Client()
    page = stranger.get(path)
    assert page.status_code == 200 and "核验结果：有效" in page.content.decode()
    assert licence.number in page.content.decode()
    assert w.applicant.id_number not in page.content.decode()  # masked for whoever opens it

    with freeze_time(timezone.now() + timedelta(hours=23)):
        assert stranger.get(path).status_code == 200
    with freeze_time(timezone.now() + timedelta(days=1, minutes=1)):
        late = stranger.get(path)
        assert late.status_code == 410 and "链接已过期" in late.content.decode()


def test_seven_day_link_lasts_a_week():
    w = licence_world()
    licence = issue_for(w)
    token, expires = make_share_token(w.applicant, licence, days=7)
    assert timedelta(days=6, hours=23) < expires - timezone.now() <= timedelta(days=7)
    with freeze_time(timezone.now() + timedelta(days=6)):
        assert Client().get(f"/licences/shared/{token}/").status_code == 200
    with freeze_time(timezone.now() + timedelta(days=7, minutes=1)):
        assert Client().get(f"/licences/shared/{token}/").status_code == 410


def test_other_durations_are_refused_with_a_chinese_message():
    w = licence_world()
    licence = issue_for(w)
    holder = Client()
    holder.force_login(w.applicant)
    res = _share(holder, licence, 30)
    assert res.status_code == 422 and "“链接有效期”请选择 1 天或 7 天" in res.content.decode()
    api = holder.post(f"/api/v1/licences/mine/{licence.identifier}/share", {"days": 3}, content_type="application/json")
    assert api.status_code == 422 and "链接有效期" in api.json()["message"]
    api = holder.post(f"/api/v1/licences/mine/{licence.identifier}/share", {"days": 7}, content_type="application/json")
    assert api.status_code == 200 and "/licences/shared/" in api.json()["url"]


def test_forged_or_altered_links_and_other_peoples_licences_are_refused():
    w = licence_world()
    licence = issue_for(w)
    token, _ = make_share_token(w.applicant, licence, days=1)
    altered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert Client().get(f"/licences/shared/{altered}/").status_code == 404
    with pytest.raises(PermissionDenied):
        make_share_token(w.other_applicant, licence, days=1)
    other = Client()
    other.force_login(w.other_applicant)
    assert _share(other, licence, 1).status_code == 404
