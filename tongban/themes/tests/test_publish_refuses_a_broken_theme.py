"""An editor publishes a theme with mistakes: every problem is listed in Chinese at once, naming the
question, member or material, and nothing is published."""

import pytest
from django.core.exceptions import ValidationError

from tongban.catalog.models import Implementation
from tongban.themes.models import ThemeStatus
from tongban.themes.services import publish_theme, save_theme_spec
from tongban.themes.tests.support import make_theme_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return make_theme_world("newborn")


def test_every_problem_is_named(w):
    impl = {code: w.impls[("newborn", code)] for code in ("cert", "hukou", "medical")}
    Implementation.objects.filter(pk=impl["medical"].pk).update(status=Implementation.Status.CANCELLED)
    theme = save_theme_spec(w.editor, {
        "code": "broken", "name": "有问题的主题", "division": w.furong, "service_object": "person",
        "lead_department": impl["cert"].department, "promised_days": 3,
        "members": [{"code": "cert", "implementation": impl["cert"], "fixed_answers": {"baby_sex": "3"}},
                    {"code": "hukou", "implementation": impl["hukou"], "mode": "rule"},
                    {"code": "medical", "implementation": impl["medical"]}],
        "questions": [{"key": "size", "kind": "choice", "text": "规模", "options": [{"value": "a", "label": "甲"}]}],
        "rules": [{"condition": {"q": "area", "op": "gt", "value": 100}, "effect": "include", "member": "hukou"},
                  {"condition": {"q": "size", "op": "eq", "value": "z"}, "effect": "waive", "member": "cert",
                   "materials": ["出生医学证明首次签发登记表"]}],
        "dependencies": [{"member": "cert", "requires": "hukou"}, {"member": "hukou", "requires": "cert"}],
        "field_aliases": [["baby_name", "hukou.baby_sex"]],
    })
    with pytest.raises(ValidationError) as exc:
        publish_theme(w.editor, theme)
    problems = exc.value.messages
    expected = [
        "情形引导第1题“规模”：单项选择题至少要有两个选项",
        "事项“medical”（城乡居民基本医疗保险参保登记）：事项未发布或实施清单已取消，不能纳入主题",
        "事项“cert”（出生医学证明办理）：预设答案“性别”无效",
        "第1条规则的条件：问题“area”不存在，请先在情形引导中添加该问题",
        "第2条规则的条件：“z”不是问题“规模”的选项",
        "第2条规则：“出生医学证明首次签发登记表”是“出生医学证明办理”的必要材料，主题不能免提交",
        "前后置关系存在循环：出生医学证明办理 → 出生登记（出生户口登记） → 出生医学证明办理",
        "字段对照表第1组：字段类型不一致，不能合并为一项",
    ]
    for text in expected:
        assert any(p.startswith(text) for p in problems), (text, problems)
    theme.refresh_from_db()
    assert theme.status == ThemeStatus.DRAFT and theme.version == 0
