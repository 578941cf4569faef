"""The demo's "一件事" matters come with real application forms that the platform accepts."""

from tongban.demo.data import matters_business, matters_people
from tongban.demo.data.application_forms import FORMS
from tongban.forms.spec import validate_form_spec
from tongban.forms.validation import clean_answers

MATTERS = {m["basic_code"]: m for m in [*matters_people.MATTERS, *matters_business.MATTERS]}


def test_every_form_belongs_to_a_demo_matter_and_is_valid():
    for code, form in FORMS.items():
        assert code in MATTERS, code
        assert MATTERS[code]["form_spec"] == form
        assert validate_form_spec(form) == [], MATTERS[code]["name"]
        kinds = {c for f in form for c in f.get("applies_to") or ()}
        assert kinds <= set(MATTERS[code]["service_objects"]), MATTERS[code]["name"]


def test_the_theme_matters_have_forms():
    names = {MATTERS[code]["name"] for code in FORMS}
    assert {"出生医学证明办理", "出生登记（出生户口登记）", "城乡居民基本医疗保险参保登记", "社会保障卡申领",
            "食品经营许可（新办）", "个体工商户设立登记", "国有建设用地使用权及房屋所有权转移登记（买卖）",
            "职工基本养老保险待遇申领", "义务教育阶段新生入学登记"} <= names


def test_a_parent_fills_in_the_birth_certificate_form():
    form = MATTERS["000120015000"]["form_spec"]
    answers, errors = clean_answers(form, {
        "applicant_name": "刘芳", "applicant_id_number": "11010519491231002X", "applicant_phone": "13800001234",
        "applicant_address": "云川市芙蓉区人民路8号", "relation": "母亲", "baby_name": "刘小满", "baby_sex": "2",
        "baby_birth_date": "2000-01-01", "baby_birth_time": "8:30", "baby_weight": "3350",
        "birth_hospital": "云川市妇幼保健院", "mother_name": "刘芳", "mother_id_number": "11010519491231002X",
        "promise": True})

    assert set(errors) == {"baby_birth_date", "baby_birth_time", "birth_place"}
    assert errors["baby_birth_date"].startswith("“出生日期”不能早于")
    assert errors["baby_birth_time"] == "“出生时间”应为24小时制时间，如 08:30"
    assert errors["birth_place"] == "请填写“出生地（省、市、县）”"
    assert answers["baby_weight"] == 3350
