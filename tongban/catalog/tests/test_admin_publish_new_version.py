"""The maintaining editor starts a new version, edits the draft, submits it and publishes it."""

import pytest

from tongban.catalog.models import Matter, MatterVersion
from tongban.catalog.tests.staff_builders import admin_form_data, make_editor, small_catalogue
from tongban.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat(city):
    return small_catalogue(city)


def messages_of(response):
    return [str(m) for m in response.wsgi_request._messages]


def test_new_draft_edit_submit_publish(client, cat):
    matter = cat["food"].matter
    editor = make_editor(cat["city_market"], "city-editor")
    client.force_login(editor)

    # 新建版本 on the matter page
    matter_page = client.get(f"/admin/catalog/matter/{matter.pk}/change/")
    assert "新建版本" in matter_page.content.decode()
    res = client.post(f"/admin/catalog/matter/{matter.pk}/new-version/", {"change_note": "压缩承诺时限"})
    draft = MatterVersion.objects.get(matter=matter, number=2)
    assert res.status_code == 302 and res["Location"] == f"/admin/catalog/matterversion/{draft.pk}/change/"
    assert draft.status == "draft" and draft.change_note == "压缩承诺时限" and draft.materials.count() == 2

    # Edit the draft: a shorter promise, a renamed material, one FAQ added, one step removed.
    url = f"/admin/catalog/matterversion/{draft.pk}/change/"
    page = client.get(url)
    assert "提交审核" in page.content.decode()
    data = admin_form_data(page)
    data["promised_limit_days"] = "3"
    data["materials-0-name"] = "食品经营许可申请书（新版）"
    data.update({"faqs-TOTAL_FORMS": "1", "faqs-0-order": "1", "faqs-0-question": "可以全程网办吗？",
                 "faqs-0-answer": "可以，通过市政务服务网提交。", "faqs-0-version": str(draft.pk)})
    data["steps-3-DELETE"] = "on"
    data["_continue"] = "保存并继续编辑"
    res = client.post(url, data)
    assert res.status_code == 302, res.context["adminform"].form.errors if res.context else res
    draft.refresh_from_db()
    assert draft.promised_limit_days == 3
    assert draft.materials.first().name == "食品经营许可申请书（新版）"
    assert [f.question for f in draft.faqs.all()] == ["可以全程网办吗？"]
    assert draft.steps.count() == 3
    edit = AuditEvent.objects.get(action="catalog.version.update", object_id=str(draft.pk))
    assert edit.actor == editor and "promised_limit_days" in edit.data["fields"]
    assert edit.data["parts"]["faq"] == {"added": ["可以全程网办吗？"]}
    assert edit.data["parts"]["processstep"] == {"deleted": ["办结"]}

    # 提交审核: the version becomes read-only
    res = client.post(f"/admin/catalog/matterversion/{draft.pk}/workflow/submit/")
    assert res.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "submitted"
    html = client.get(url).content.decode()
    assert 'name="_save"' not in html and "发布" in html
    assert client.post(url, {**data, "promised_limit_days": "1"}).status_code == 403

    # 发布: it becomes the current version that the public guide shows
    res = client.post(f"/admin/catalog/matterversion/{draft.pk}/workflow/publish/")
    assert any("已发布" in m for m in messages_of(res))
    draft.refresh_from_db()
    assert draft.status == "published"
    assert Matter.objects.get(pk=matter.pk).current_version == draft
    guide = client.get(f"/api/v1/matters/{cat['food_city'].code}").json()
    assert guide["version"] == 2 and guide["promised_limit_days"] == 3 and guide["faqs"][0]["answer"]
    assert client.post(url, {**data, "promised_limit_days": "1"}).status_code == 403
    assert 'name="_save"' not in client.get(url).content.decode()

    actions = list(AuditEvent.objects.filter(actor=editor).order_by("id").values_list("action", flat=True))
    assert actions == ["catalog.version.start", "catalog.version.update", "catalog.version.submit",
                       "catalog.version.publish"]


def test_the_services_refusals_are_shown_in_chinese(client, cat):
    matter = cat["food"].matter
    client.force_login(make_editor(cat["city_market"], "city-editor"))
    client.post(f"/admin/catalog/matter/{matter.pk}/new-version/")
    draft = MatterVersion.objects.get(matter=matter, number=2)

    # A second draft while one is open
    res = client.post(f"/admin/catalog/matter/{matter.pk}/new-version/")
    assert any("已有未发布的版本 v2" in m for m in messages_of(res))

    # Publishing a draft that was never submitted
    res = client.post(f"/admin/catalog/matterversion/{draft.pk}/workflow/publish/")
    assert "只有待审核的版本可以发布" in messages_of(res)

    # Cancelling needs a reason
    res = client.post(f"/admin/catalog/matterversion/{draft.pk}/workflow/cancel/", {"reason": " "})
    assert "请填写取消原因" in messages_of(res)
    res = client.post(f"/admin/catalog/matterversion/{draft.pk}/workflow/cancel/", {"reason": "改为下月统一修订"})
    draft.refresh_from_db()
    assert draft.status == "cancelled"
    assert AuditEvent.objects.filter(action="catalog.version.cancel", data__reason="改为下月统一修订").exists()


def test_a_promise_longer_than_the_law_is_refused_on_the_form(client, cat):
    matter = cat["food"].matter
    client.force_login(make_editor(cat["city_market"], "city-editor"))
    client.post(f"/admin/catalog/matter/{matter.pk}/new-version/")
    draft = MatterVersion.objects.get(matter=matter, number=2)
    url = f"/admin/catalog/matterversion/{draft.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update(promised_limit_days="30", _save="保存")
    res = client.post(url, data)
    assert res.status_code == 200
    assert "承诺办结时限不得超过法定办结时限" in res.content.decode()
    draft.refresh_from_db()
    assert draft.promised_limit_days == 5
    assert not AuditEvent.objects.filter(action="catalog.version.update").exists()
