"""The maintaining editor edits a draft's application form as JSON in the admin."""

import json

import pytest

from tongban.catalog.models import MatterVersion
from tongban.catalog.services import start_new_version
from tongban.catalog.tests.staff_builders import admin_form_data, make_editor, small_catalogue
from tongban.forms.defaults import person_fields

pytestmark = pytest.mark.django_db

FORM = [*person_fields(), {"key": "hospital", "type": "text", "label": "出生医院", "required": True}]


def test_editor_saves_a_form_and_a_broken_one_is_refused_with_the_field_named(client, city):
    cat = small_catalogue(city)
    editor = make_editor(cat["city_health"], "health-editor")
    client.force_login(editor)
    draft = start_new_version(editor, cat["birth"].matter, "增加申请表单")
    url = f"/admin/catalog/matterversion/{draft.pk}/change/"

    page = client.get(url)
    html = page.content.decode()
    assert 'name="form_spec"' in html and "未设置申请表单，使用按服务对象生成的标准申请人信息表" in html
    assert "申请人姓名" in html  # the preview shows the default block

    data = admin_form_data(page)
    broken = [*person_fields(), {"key": "hospital", "type": "radio", "label": "出生医院"}]
    res = client.post(url, {**data, "form_spec": json.dumps(broken, ensure_ascii=False)})
    assert res.status_code == 200
    assert "申请表单有误：第5项“出生医院”：请设置选项（options）" in res.content.decode()
    assert MatterVersion.objects.get(pk=draft.pk).form_spec == []

    res = client.post(url, {**data, "form_spec": json.dumps(FORM, ensure_ascii=False), "_continue": "1"})
    assert res.status_code == 302
    assert MatterVersion.objects.get(pk=draft.pk).form_spec == FORM
    html = client.get(url).content.decode()
    assert "本版本自带的申请表单" in html and "出生医院" in html


def test_published_form_is_shown_read_only_in_chinese(client, city):
    cat = small_catalogue(city)
    editor = make_editor(cat["city_health"], "health-editor")
    client.force_login(editor)
    version = cat["birth"]
    MatterVersion.objects.filter(pk=version.pk).update(form_spec=FORM)  # as published with it

    html = client.get(f"/admin/catalog/matterversion/{version.pk}/change/").content.decode()

    assert 'name="form_spec"' not in html
    assert "&quot;出生医院&quot;" in html or "\"出生医院\"" in html  # indented JSON, not \\u escapes
    assert "\\u51fa" not in html
