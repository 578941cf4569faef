"""An applicant saves a draft: nothing is required yet, but what is filled in must be well-formed."""

from django.http import QueryDict

from tongban.forms.defaults import default_form_for
from tongban.forms.validation import clean_answers

SPEC = default_form_for(["1"])


def test_a_half_filled_draft_has_no_required_errors():
    answers, errors = clean_answers(SPEC, {"applicant_name": "李四"}, partial=True)
    assert errors == {}
    assert answers == {"applicant_name": "李四"}  # only what was sent: the rest of the draft is kept


def test_a_draft_still_refuses_a_wrong_id_number():
    answers, errors = clean_answers(SPEC, {"applicant_name": "李四", "applicant_id_number": "430102199003071230"},
                                    partial=True)
    assert errors == {"applicant_id_number": "“公民身份号码”校验位不正确，请核对是否输错"}
    assert answers["applicant_name"] == "李四"
    assert answers["applicant_id_number"] == "430102199003071230"  # kept to show back what was typed


def test_clearing_a_field_in_a_draft_stores_it_empty():
    post = QueryDict("applicant_name=&applicant_phone=")
    answers, errors = clean_answers(SPEC, post, partial=True)
    assert errors == {} and answers == {"applicant_name": "", "applicant_phone": ""}


def test_the_same_answers_fail_on_submit():
    _answers, errors = clean_answers(SPEC, {"applicant_name": "李四"})
    assert set(errors) == {"applicant_id_number", "applicant_phone", "applicant_address"}


def test_shared_form_asks_only_the_chosen_kind_of_applicant():
    spec = default_form_for(["1", "2"])
    person = {"applicant_type": "1", "applicant_name": "李四", "applicant_id_number": "11010519491231002X",
              "applicant_phone": "13900005678", "applicant_address": "云川市芙蓉区人民路8号",
              "org_name": "写错了的单位名", "org_credit_code": "123"}

    answers, errors = clean_answers(spec, person)

    assert errors == {}  # the 单位 block does not apply: its wrong code is not an error
    assert answers["org_name"] == "" and answers["org_credit_code"] == ""  # stale answers are cleared

    answers, errors = clean_answers(spec, {"applicant_type": "2"})
    assert "applicant_name" not in errors and errors["org_name"] == "请填写“单位名称”"
    assert errors["agent_id_number"] == "请填写“经办人身份证号”"
