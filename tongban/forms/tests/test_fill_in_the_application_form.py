"""An applicant submits the form: every wrong answer comes back in Chinese, naming its field."""

from datetime import date, timedelta

from django.http import QueryDict

from tongban.core.validators import credit_code_check_char, id_number_check_char
from tongban.forms.validation import clean_answers

GOOD_ID = "11010519491231002X"  # the GB 11643 example
GOOD_CREDIT = "91430100MA4L00001" + credit_code_check_char("91430100MA4L00001")

SPEC = [
    {"key": "s1", "type": "section", "label": "申请人信息"},
    {"key": "name", "type": "text", "label": "申请人姓名", "required": True, "max": 20, "prefill": "applicant.name"},
    {"key": "id_no", "type": "id_number", "label": "公民身份号码", "required": True},
    {"key": "mobile", "type": "phone", "label": "手机号码", "required": True, "mobile_only": True},
    {"key": "office_phone", "type": "phone", "label": "办公电话"},
    {"key": "mail", "type": "email", "label": "电子邮箱"},
    {"key": "company_code", "type": "credit_code", "label": "统一社会信用代码"},
    {"key": "born", "type": "date", "label": "出生日期", "required": True, "max": "today"},
    {"key": "capital", "type": "money", "label": "资金数额", "min": 0},
    {"key": "staff", "type": "number", "label": "从业人数", "integer": True, "min": 1, "max": 500},
    {"key": "form", "type": "select", "label": "组成形式", "required": True,
     "options": [{"value": "personal", "label": "个人经营"}, {"value": "family", "label": "家庭经营"}]},
    {"key": "items", "type": "checkbox", "label": "经营项目", "required": True,
     "options": [{"value": "prepacked", "label": "预包装食品销售"}, {"value": "hot", "label": "热食类食品制售"},
                 {"value": "cold", "label": "冷食类食品制售"}]},
    {"key": "plate", "type": "text", "label": "车牌号", "pattern": r"湘[A-Z][A-Z0-9]{5}",
     "pattern_message": "应为湘字开头的车牌号，如 湘A12345"},
    {"key": "promise", "type": "boolean", "label": "本人承诺所填信息真实有效", "required": True},
]

GOOD = {"name": "张三", "id_no": GOOD_ID, "mobile": "13800001234", "born": "1990-03-07", "form": "personal",
        "items": ["hot"], "promise": True}


def test_complete_answers_are_accepted_and_normalised():
    answers, errors = clean_answers(SPEC, {
        **GOOD, "id_no": "11010519491231002x", "mobile": "+86 138 0000 1234", "office_phone": "(0739)5201234",
        "mail": "Zhang@Example.CN", "company_code": GOOD_CREDIT.lower(), "capital": "¥50,000.5", "staff": "３",
        "born": "1990年3月7日", "items": ["cold", "hot"], "plate": "湘A12345", "promise": "on"})

    assert errors == {}
    assert answers["id_no"] == GOOD_ID
    assert answers["mobile"] == "13800001234"
    assert answers["office_phone"] == "0739-5201234"
    assert answers["mail"] == "Zhang@example.cn"
    assert answers["company_code"] == GOOD_CREDIT
    assert answers["capital"] == "50000.50"
    assert answers["staff"] == 3
    assert answers["born"] == "1990-03-07"
    assert answers["items"] == ["hot", "cold"]  # in the form's order
    assert answers["promise"] is True
    assert "s1" not in answers  # a section has no answer


def test_each_wrong_answer_is_named_in_chinese():
    bad_id = GOOD_ID[:17] + ("1" if GOOD_ID[17] != "1" else "2")
    _answers, errors = clean_answers(SPEC, {
        **GOOD, "id_no": bad_id, "mobile": "1380000123", "office_phone": "5201234", "mail": "zhang@",
        "company_code": GOOD_CREDIT[:17] + ("0" if GOOD_CREDIT[17] != "0" else "1"), "capital": "12.345",
        "staff": "2.5", "born": (date.today() + timedelta(days=1)).isoformat(), "form": "company",
        "items": ["hot", "fried"], "plate": "京A12345"})

    assert errors["id_no"] == "“公民身份号码”校验位不正确，请核对是否输错"
    assert errors["mobile"] == "“手机号码”应为11位手机号码"
    assert "“办公电话”" in errors["office_phone"] and "区号" in errors["office_phone"]
    assert errors["mail"].startswith("“电子邮箱”格式不正确")
    assert errors["company_code"] == "“统一社会信用代码”校验位不正确，请核对是否输错"
    assert errors["capital"] == "“资金数额”最多保留两位小数（分）"
    assert errors["staff"] == "“从业人数”应为整数"
    assert errors["born"].startswith("“出生日期”不能晚于")
    assert errors["form"].startswith("“组成形式”的选择无效")
    assert errors["items"].startswith("“经营项目”中有无效的选项")
    assert errors["plate"] == "“车牌号”应为湘字开头的车牌号，如 湘A12345"
    assert set(errors) == {"id_no", "mobile", "office_phone", "mail", "company_code", "capital", "staff", "born",
                           "form", "items", "plate"}


def test_id_number_of_wrong_length_or_impossible_birthday():
    _a, errors = clean_answers(SPEC, {**GOOD, "id_no": "11010519491231"})
    assert errors["id_no"].startswith("“公民身份号码”应为18位") and "当前为14位" in errors["id_no"]
    first17 = "11010519491331002"  # month 13
    _a, errors = clean_answers(SPEC, {**GOOD, "id_no": first17 + id_number_check_char(first17)})
    assert errors["id_no"] == "“公民身份号码”中的出生日期（第7至14位）无效，请核对"


def test_missing_required_answers_are_listed():
    _answers, errors = clean_answers(SPEC, {"name": "  ", "items": []})

    assert errors == {
        "name": "请填写“申请人姓名”",
        "id_no": "请填写“公民身份号码”",
        "mobile": "请填写“手机号码”",
        "born": "请填写“出生日期”",
        "form": "请选择“组成形式”",
        "items": "请至少选择一项“经营项目”",
        "promise": "请勾选“本人承诺所填信息真实有效”",
    }


def test_numbers_and_lengths_outside_their_limits():
    _a, errors = clean_answers(SPEC, {**GOOD, "name": "张" * 21, "staff": "0", "capital": "-5"})
    assert errors["name"] == "“申请人姓名”不能超过20个字，当前21个字"
    assert errors["staff"] == "“从业人数”不能小于1"
    assert errors["capital"] == "“资金数额”不能为负数"


def test_browser_post_with_ticked_boxes_and_an_unticked_one():
    post = QueryDict(mutable=True)
    post.update({"name": "张三", "id_no": GOOD_ID, "mobile": "13800001234", "born": "1990-03-07",
                 "form": "family", "_form_fields": "items"})
    post.setlist("items", ["prepacked", "cold"])
    post.appendlist("_form_fields", "promise")  # shown but not ticked: the browser sends nothing

    answers, errors = clean_answers(SPEC, post)

    assert answers["items"] == ["prepacked", "cold"]
    assert answers["promise"] is False
    assert errors == {"promise": "请勾选“本人承诺所填信息真实有效”"}


def test_keys_that_are_not_in_the_form_are_dropped():
    answers, _errors = clean_answers(SPEC, {**GOOD, "is_admin": True, "s1": "x"})
    assert "is_admin" not in answers and "s1" not in answers


def test_text_is_stored_without_control_characters():
    answers, errors = clean_answers(SPEC, {**GOOD, "name": "张\x00三\x07"})
    assert errors == {} and answers["name"] == "张三"
