"""An editor gives a matter its application form: a broken form is never published, a good one is
kept by every later version, and the guide JSON lists its fields."""

import pytest
from django.core.exceptions import ValidationError

from tongban.catalog.codes import VersionStatus
from tongban.catalog.excel import import_matters_file
from tongban.catalog.models import ImmutableVersionError, MatterVersion
from tongban.catalog.services import (
    publish_spec,
    publish_version,
    start_new_version,
    submit_version,
    update_draft,
)
from tongban.catalog.tests.builders import make_matter, matter_spec
from tongban.catalog.tests.excel_builders import FOOD, sample_sheets, small_city, write_book
from tongban.forms.defaults import person_fields

pytestmark = pytest.mark.django_db

FORM = [
    {"key": "applicant", "type": "section", "label": "申请人信息"},
    *person_fields(),
    {"key": "business_form", "type": "select", "label": "主体业态", "required": True,
     "options": [{"value": "shop", "label": "食品销售经营者"}, {"value": "restaurant", "label": "餐饮服务经营者"}]},
]
BROKEN = [*person_fields(), {"key": "business_form", "type": "select", "label": "主体业态"}]


def test_publishing_a_broken_form_is_refused_with_the_reason(market):
    with pytest.raises(ValidationError) as err:
        publish_spec(None, basic_code=FOOD, owner_department=market, spec=matter_spec(form_spec=BROKEN))
    assert err.value.message_dict["form_spec"] == [
        "申请表单有误：第5项“主体业态”：请设置选项（options），如 [{\"value\": \"1\", \"label\": \"是\"}]"]
    assert not MatterVersion.objects.exists()


def test_a_draft_cannot_be_saved_or_submitted_with_a_broken_form(market):
    version, _impl = make_matter(market, form_spec=FORM)
    draft = start_new_version(None, version.matter, "调整表单")

    with pytest.raises(ValidationError) as err:
        update_draft(None, draft, {"form_spec": BROKEN})
    assert "第5项“主体业态”：请设置选项" in err.value.message_dict["form_spec"][0]

    # Written around the service (e.g. a script): submit and publish still check it.
    MatterVersion.objects.filter(pk=draft.pk).update(form_spec=BROKEN)
    draft.refresh_from_db()
    with pytest.raises(ValidationError) as err:
        submit_version(None, draft)
    assert err.value.message_dict["form_spec"][0].startswith("申请表单有误：第5项“主体业态”")
    MatterVersion.objects.filter(pk=draft.pk).update(status=VersionStatus.SUBMITTED)
    with pytest.raises(ValidationError):
        publish_version(None, draft)
    assert MatterVersion.objects.get(pk=draft.pk).status == VersionStatus.SUBMITTED


def test_a_new_version_keeps_the_form_and_published_forms_do_not_change(market):
    version, _impl = make_matter(market, form_spec=FORM)
    assert version.form_spec == FORM

    draft = start_new_version(None, version.matter, "压缩时限")
    assert draft.form_spec == FORM

    changed = [*FORM, {"key": "staff", "type": "number", "label": "从业人数", "integer": True, "min": 1}]
    update_draft(None, draft, {"form_spec": changed})
    submit_version(None, draft)
    publish_version(None, draft)

    version.refresh_from_db()
    assert version.form_spec == FORM  # the old version, which older cases point at, is untouched
    assert MatterVersion.objects.get(pk=draft.pk).form_spec == changed
    version.form_spec = []
    with pytest.raises(ImmutableVersionError):
        version.save()


def test_republishing_without_a_form_keeps_it_and_a_changed_form_makes_a_new_version(market):
    version, _impl = make_matter(market, form_spec=FORM)

    same, changed = publish_spec(None, basic_code=FOOD, owner_department=market, spec=matter_spec())
    assert (same.pk, changed) == (version.pk, False)  # no form in the spec (a workbook): nothing to do

    newer, changed = publish_spec(None, basic_code=FOOD, owner_department=market,
                                  spec=matter_spec(form_spec=FORM[1:]))
    assert changed and newer.number == 2 and newer.form_spec == FORM[1:]

    again, changed = publish_spec(None, basic_code=FOOD, owner_department=market, spec=matter_spec(promised_limit_days=3))
    assert changed and again.number == 3 and again.form_spec == FORM[1:]


def test_reimporting_the_workbook_does_not_drop_the_form(tmp_path):
    depts = small_city()
    path = write_book(tmp_path / "list.xlsx", sample_sheets(depts))
    assert import_matters_file(path).ok
    food = MatterVersion.objects.get(matter__basic_code=FOOD)
    draft = start_new_version(None, food.matter)
    update_draft(None, draft, {"form_spec": FORM})
    submit_version(None, draft)
    publish_version(None, draft)

    report = import_matters_file(path)

    assert report.ok and report.matters_updated == 0, str(report)
    current = MatterVersion.objects.get(matter__basic_code=FOOD, status=VersionStatus.PUBLISHED, superseded_at=None)
    assert current.pk == draft.pk and current.form_spec == FORM


def test_guide_json_lists_the_form_fields(client, market):
    _version, impl = make_matter(market, form_spec=FORM)
    guide = client.get(f"/api/v1/matters/{impl.code}").json()
    fields = guide["form_fields"]
    assert [f["label"] for f in fields] == ["申请人信息", "申请人姓名", "公民身份号码", "手机号码", "联系地址", "主体业态"]
    business = fields[-1]
    assert business["type"] == "select" and business["required"] is True
    assert business["options"] == [{"value": "shop", "label": "食品销售经营者"},
                                   {"value": "restaurant", "label": "餐饮服务经营者"}]
    assert fields[1]["prefill"] == "applicant.name"


def test_guide_json_of_a_matter_without_form_lists_the_default_applicant_block(client, market):
    _version, impl = make_matter(market, service_objects=["2"])
    fields = client.get(f"/api/v1/matters/{impl.code}").json()["form_fields"]
    assert [f["label"] for f in fields if f["type"] != "section"][:2] == ["单位名称", "统一社会信用代码"]
