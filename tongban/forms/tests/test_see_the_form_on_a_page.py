"""The applicant sees the form: every input labelled, help and errors tied to it for screen readers."""

from html.parser import HTMLParser

from django.template.loader import render_to_string

from tongban.forms.defaults import default_form_for, person_fields
from tongban.forms.rendering import answers_for_display
from tongban.forms.validation import clean_answers

SPEC = [
    {"key": "s1", "type": "section", "label": "新生儿信息"},
    *person_fields(),
    {"key": "baby_sex", "type": "radio", "label": "性别", "required": True,
     "options": [{"value": "1", "label": "男"}, {"value": "2", "label": "女"}]},
    {"key": "items", "type": "checkbox", "label": "经营项目",
     "options": [{"value": "hot", "label": "热食类食品制售"}, {"value": "cold", "label": "冷食类食品制售"}]},
    {"key": "form", "type": "select", "label": "组成形式",
     "options": [{"value": "personal", "label": "个人经营"}, {"value": "family", "label": "家庭经营"}]},
    {"key": "capital", "type": "money", "label": "资金数额"},
    {"key": "born", "type": "date", "label": "出生日期", "max": "today"},
    {"key": "email", "type": "email", "label": "电子邮箱"},
    {"key": "note", "type": "textarea", "label": "备注"},
    {"key": "promise", "type": "boolean", "label": "本人承诺所填信息真实有效", "required": True},
]


class Page(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.elements, self.label_for, self._label = [], {}, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "label":
            self._label = attrs.get("for")
            self.label_for[self._label] = ""

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None

    def handle_data(self, data):
        if self._label:
            self.label_for[self._label] += data

    def by_id(self, dom_id):
        return next(attrs for _tag, attrs in self.elements if attrs.get("id") == dom_id)

    def inputs(self):
        return [(tag, attrs) for tag, attrs in self.elements
                if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden"]


def render(answers=None, errors=None):
    return render_to_string("forms/_form.html", {"spec": SPEC, "answers": answers or {}, "errors": errors or {}})


def test_every_input_has_a_label():
    page = Page(render())
    for _tag, attrs in page.inputs():
        assert attrs.get("id") in page.label_for, attrs
        assert page.label_for[attrs["id"]].strip()
    assert page.label_for["f-applicant_name"].startswith("申请人姓名")
    assert "（必填）" in page.label_for["f-applicant_name"]
    assert page.label_for["f-baby_sex"] == "男" and page.label_for["f-baby_sex-1"] == "女"
    assert "<legend" in render() and "新生儿信息" in render()


def test_keyboards_and_autofill_hints():
    page = Page(render())
    phone = page.by_id("f-applicant_phone")
    assert phone["type"] == "tel" and phone["inputmode"] == "tel" and phone["autocomplete"] == "tel"
    id_no = page.by_id("f-applicant_id_number")
    assert id_no["maxlength"] == "18" and id_no["autocapitalize"] == "characters"
    assert page.by_id("f-email")["type"] == "email" and page.by_id("f-email")["autocomplete"] == "email"
    assert page.by_id("f-capital")["inputmode"] == "decimal"
    assert page.by_id("f-born")["type"] == "date" and page.by_id("f-born")["max"]
    assert page.by_id("f-applicant_name")["autocomplete"] == "name"
    assert "required" not in page.by_id("f-applicant_name")  # drafts may be saved half-filled
    assert page.by_id("f-applicant_name")["aria-required"] == "true"


def test_errors_are_announced_and_tied_to_their_inputs():
    typed = {"applicant_name": "王五", "applicant_id_number": "430102199003071230", "capital": "12.345"}
    answers, errors = clean_answers(SPEC, typed)
    page = Page(render(answers, errors))
    html = render(answers, errors)

    id_input = page.by_id("f-applicant_id_number")
    assert id_input["aria-invalid"] == "true"
    assert id_input["value"] == "430102199003071230"  # what was typed is shown back
    described = id_input["aria-describedby"].split()
    assert "f-applicant_id_number-help" in described and "f-applicant_id_number-error" in described
    error = page.by_id("f-applicant_id_number-error")
    assert error["role"] == "alert"
    assert "“公民身份号码”校验位不正确" in html
    assert "aria-invalid" not in page.by_id("f-applicant_name")

    radio = page.by_id("f-baby_sex")
    assert radio["aria-invalid"] == "true"
    assert "请选择“性别”" in html and "请勾选“本人承诺所填信息真实有效”" in html
    # The summary at the top links to each wrong field, in form order.
    assert html.index('href="#f-applicant_id_number"') < html.index('href="#f-baby_sex"')
    assert "申请表有 6 处需要修改" in html


def test_answers_are_shown_back_checked_and_selected():
    page = Page(render({"baby_sex": "2", "items": ["cold"], "form": "family", "promise": True}))
    assert "checked" in page.by_id("f-baby_sex-1") and "checked" not in page.by_id("f-baby_sex")
    assert "checked" in page.by_id("f-items-1")
    assert "checked" in page.by_id("f-promise")
    selected = [attrs for tag, attrs in page.elements if tag == "option" and "selected" in attrs]
    assert [a["value"] for a in selected] == ["family"]


def test_shared_form_marks_the_blocks_for_each_kind_of_applicant():
    html = render_to_string("forms/_form.html", {"spec": default_form_for(["1", "2"]), "answers": {}, "errors": {}})
    assert 'data-applies-to="1"' in html and 'data-applies-to="2"' in html
    assert 'name="applicant_type"' in html


def test_answers_for_case_pages_and_pdfs():
    answers = {"applicant_name": "王五", "applicant_id_number": "11010519491231002X", "applicant_phone": "13800001234",
               "baby_sex": "2", "items": ["hot", "cold"], "capital": "50000.00", "born": "2025-03-01",
               "promise": True}
    shown = dict(answers_for_display(SPEC, answers))
    assert shown["性别"] == "女"
    assert shown["经营项目"] == "热食类食品制售、冷食类食品制售"
    assert shown["资金数额"] == "50,000.00元"
    assert shown["出生日期"] == "2025年3月1日"
    assert shown["本人承诺所填信息真实有效"] == "是"
    assert shown["备注"] == "未填写"
    assert "新生儿信息" not in shown  # sections are headings, not answers
    masked = dict(answers_for_display(SPEC, answers, mask=True))
    assert masked["公民身份号码"] == "1101**********002X" and masked["手机号码"] == "138****1234"


def test_answers_of_the_other_kind_of_applicant_are_not_shown():
    spec = default_form_for(["1", "2"])
    shown = dict(answers_for_display(spec, {"applicant_type": "2", "org_name": "云川市好味餐饮有限公司",
                                            "applicant_name": "旧的个人姓名"}))
    assert shown["申请人类型"] == "企业法人" and shown["单位名称"] == "云川市好味餐饮有限公司"
    assert "申请人姓名" not in shown
