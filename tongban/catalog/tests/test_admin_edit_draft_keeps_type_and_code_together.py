"""The maintaining editor edits a draft in the admin: the matter type may not move away from the type
its 基本编码 names (5th–6th digits, docs/domain.md §2.1); other edits save as before."""

import pytest

from tongban.catalog.models import Matter, MatterVersion
from tongban.catalog.services import start_new_version
from tongban.catalog.tests.staff_builders import admin_form_data, make_editor, small_catalogue

pytestmark = pytest.mark.django_db


def test_changing_the_type_is_refused_with_the_code_explained(client, city):
    cat = small_catalogue(city)
    editor = make_editor(cat["city_market"], "market-editor")
    client.force_login(editor)
    draft = start_new_version(editor, cat["food"].matter, "修订")
    url = f"/admin/catalog/matterversion/{draft.pk}/change/"
    data = admin_form_data(client.get(url))

    res = client.post(url, {**data, "matter_type": "07"})

    assert res.status_code == 200
    assert res.context["adminform"].form.errors["matter_type"] == [
        "基本编码第5–6位为事项类型代码：“000201035000”表示行政许可（01），与事项类型行政确认（07）不一致。"
        "事项类型不同的事项应另行编码，作为新事项登记"]
    assert MatterVersion.objects.get(pk=draft.pk).matter_type == "01"

    res = client.post(url, {**data, "limit_note": "不含现场核查时间", "_continue": "1"})
    assert res.status_code == 302
    assert MatterVersion.objects.get(pk=draft.pk).limit_note == "不含现场核查时间"


def test_a_matter_registered_with_an_older_code_keeps_being_editable(client, city):
    cat = small_catalogue(city)
    editor = make_editor(cat["county_market"], "county-editor")
    client.force_login(editor)
    Matter.objects.filter(pk=cat["shop"].matter.pk).update(basic_code="000299099000")  # no type in digits 5–6
    draft = start_new_version(editor, cat["shop"].matter, "修订")
    url = f"/admin/catalog/matterversion/{draft.pk}/change/"

    res = client.post(url, {**admin_form_data(client.get(url)), "matter_type": "10", "_continue": "1"})

    assert res.status_code == 302
    assert MatterVersion.objects.get(pk=draft.pk).matter_type == "10"
