"""A catalogue editor writes a matter's form as data: every mistake is listed in Chinese, by field."""

from tongban.forms.defaults import organisation_fields, person_fields
from tongban.forms.spec import validate_form_spec


def test_a_good_form_has_no_problems():
    spec = [
        {"key": "applicant", "type": "section", "label": "申请人", "help": "请如实填写"},
        *person_fields(),
        {"key": "baby_name", "type": "text", "label": "新生儿姓名", "required": True, "max": 20},
        {"key": "baby_sex", "type": "radio", "label": "性别", "required": True,
         "options": [{"value": "1", "label": "男"}, {"value": "2", "label": "女"}], "default": "1"},
        {"key": "born_on", "type": "date", "label": "出生日期", "min": "today-365", "max": "today"},
        {"key": "capital", "type": "money", "label": "资金数额", "min": 0, "max": 100000000},
        {"key": "plate", "type": "text", "label": "车牌号", "pattern": r"湘[A-Z]\w{5}", "pattern_message": "应为湘字车牌"},
    ]
    assert validate_form_spec(spec) == []
    assert validate_form_spec([]) == [] and validate_form_spec(None) == []
    assert validate_form_spec(organisation_fields()) == []


def test_each_mistake_is_named():
    spec = [
        *person_fields(),
        {"key": "applicant_name", "type": "text", "label": "重复的姓名"},
        {"key": "2bad", "type": "text", "label": "坏标识"},
        {"key": "sex", "type": "select", "label": "性别"},
        {"key": "kind", "type": "idcard", "label": "证件"},
        {"key": "items", "type": "checkbox", "label": "经营项目",
         "options": [{"value": "a", "label": "甲"}, {"value": "a", "label": "乙"}]},
        {"key": "born", "type": "date", "label": "出生日期", "max": "昨天"},
        {"key": "plate", "type": "text", "label": "车牌号", "pattern": "湘[A-Z"},
        {"key": "note", "type": "text", "label": "备注", "colour": "red"},
        {"key": "who", "type": "text", "label": "经办人", "prefill": "user.nickname"},
        {"key": "age", "type": "number", "label": "年龄", "min": 10, "max": 1},
        {"key": "pick", "type": "radio", "label": "选择", "options": [{"value": "1", "label": "是"}], "default": "9"},
        {"key": "nolabel", "type": "text"},
    ]
    problems = validate_form_spec(spec)
    text = "\n".join(problems)

    assert "第5项“重复的姓名”：字段标识“applicant_name”重复" in problems
    assert any(p.startswith("第6项“坏标识”：字段标识（key）应为英文字母开头") for p in problems)
    assert any(p.startswith("第7项“性别”：请设置选项（options）") for p in problems)
    assert any(p.startswith("第8项“证件”：字段类型“idcard”不存在") for p in problems)
    assert "第9项“经营项目”：选项值“a”重复" in problems
    assert any(p.startswith("第10项“出生日期”：max 应为日期") for p in problems)
    assert any(p.startswith("第11项“车牌号”：格式（pattern）不是有效的正则表达式") for p in problems)
    assert "第12项“备注”：不认识的属性 colour" in problems
    assert any(p.startswith("第13项“经办人”：预填来源“user.nickname”不存在") for p in problems)
    assert "第14项“年龄”：min 大于 max" in problems
    assert "第16项：缺少字段名称（label）" in problems
    assert "默认值" not in text  # defaults are checked once the fields themselves are right


def test_a_bad_default_is_reported_once_the_fields_are_right():
    spec = [*person_fields(),
            {"key": "pick", "type": "radio", "label": "选择", "options": [{"value": "1", "label": "是"}], "default": "9"}]
    assert validate_form_spec(spec) == ["第5项“选择”：默认值无效（“选择”的选择无效，请从列出的选项中选择）"]


def test_a_form_without_applicant_is_refused():
    problems = validate_form_spec([{"key": "baby_name", "type": "text", "label": "新生儿姓名"}])
    assert problems == ["申请表单缺少申请人信息：请包含预填来源为 applicant.name（申请人姓名）"
                        "或 organisation.name（单位名称）的字段"]


def test_applies_to_needs_an_applicant_type_choice():
    spec = [*person_fields(["1"]), *organisation_fields(["2"])]
    assert validate_form_spec(spec) == ["使用 applies_to 的表单需要一个标识为“applicant_type”的单选字段，让申请人选择申请人类型"]


def test_not_a_list():
    assert validate_form_spec({"key": "x"}) == ["申请表单应为字段列表（JSON 数组）"]
