"""A matter without a form of its own still asks for the standard applicant information."""

import pytest

from tongban.catalog.tests.builders import make_matter
from tongban.forms.defaults import default_form_for, effective_form
from tongban.forms.spec import validate_form_spec

pytestmark = pytest.mark.django_db


def labels(spec):
    return [f["label"] for f in spec if f["type"] != "section"]


def test_person_form():
    spec = default_form_for(["1"])
    assert labels(spec) == ["申请人姓名", "公民身份号码", "手机号码", "联系地址"]
    assert {f.get("prefill") for f in spec} >= {"applicant.name", "applicant.id_number", "applicant.phone"}


def test_organisation_form():
    spec = default_form_for(["2", "4"])
    assert labels(spec) == ["单位名称", "统一社会信用代码", "法定代表人", "经办人姓名", "经办人身份证号",
                            "经办人手机号码", "单位地址"]


def test_shared_form_lets_the_applicant_choose():
    spec = default_form_for(["1", "2"])
    chooser = spec[0]
    assert chooser["key"] == "applicant_type" and chooser["required"]
    assert [o["label"] for o in chooser["options"]] == ["个人", "企业法人"]
    assert validate_form_spec(spec) == []


def test_version_without_form_uses_default_and_with_form_its_own(market):
    version, _impl = make_matter(market, service_objects=["2"])
    assert labels(effective_form(version))[0] == "单位名称"

    own = [{"key": "applicant_name", "type": "text", "label": "申请人姓名", "prefill": "applicant.name"}]
    version2, _impl = make_matter(market, basic_code="000201099000", form_spec=own)
    assert effective_form(version2) == own
