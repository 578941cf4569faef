"""An editor adds a situational question and a rule to a published theme: after 撤回修订 → edit → 发布 the
new question is asked and picks materials, with no code change; a joint case filed before keeps the
definition it was filed under; a rule naming an unknown question is refused at publication."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongban.accounts.models import Role
from tongban.cases.tests.builders import make_user
from tongban.themes.models import ImmutableThemeError, ThemeQuestion, ThemeRule, ThemeStatus
from tongban.themes.selectors import evaluate_theme
from tongban.themes.services import publish_theme, revise_theme
from tongban.themes.tests.support import make_theme_world
from tongban.themes.tests.test_dependent_member_waits_for_licence import SITUATION, _apply

pytestmark = pytest.mark.django_db

WEBSITE = "从事网络经营的网站或平台说明"


@pytest.fixture
def w():
    return make_theme_world("restaurant")


def _required_uploads(plan):
    return {m["name"] for m in plan["materials"] if m["upload"] and m["required"]}


def test_a_new_question_takes_effect_once_published(w):
    theme = w.themes["restaurant"]
    before = _apply(w)
    assert WEBSITE not in _required_uploads(evaluate_theme(theme, SITUATION, None))
    with pytest.raises(ImmutableThemeError):
        ThemeQuestion.objects.create(theme=theme, key="online", kind="yes_no", text="是否通过网络平台经营？")

    theme = revise_theme(w.editor, theme)
    assert theme.status == ThemeStatus.DRAFT
    food = theme.members.get(code="food")
    ThemeQuestion.objects.create(theme=theme, order=9, key="online", kind="yes_no", text="是否通过网络平台经营？",
                                 help="入驻外卖平台或自建网站销售的选“是”", default=False)
    bad = ThemeRule.objects.create(theme=theme, order=9, condition={"q": "delivery", "op": "is", "value": True},
                                   effect="require", member=food, materials=[WEBSITE])
    with pytest.raises(ValidationError) as exc:
        publish_theme(w.editor, theme)
    assert "第6条规则的条件：问题“delivery”不存在，请先在情形引导中添加该问题" in exc.value.messages
    bad.condition = {"q": "online", "op": "is", "value": True}
    bad.save()
    theme = publish_theme(w.editor, theme)
    assert theme.version == 2

    assert WEBSITE in _required_uploads(evaluate_theme(theme, {**SITUATION, "online": True}, None))
    assert WEBSITE not in _required_uploads(evaluate_theme(theme, {**SITUATION, "online": False}, None))
    plan = evaluate_theme(theme, {key: value for key, value in SITUATION.items()}, None)
    assert plan["errors"] == {}  # partial: still to be answered, not an error yet
    before.refresh_from_db()
    assert before.definition["version"] == 1
    assert "online" not in {q["key"] for q in before.definition["questions"]}


def test_only_editors_of_the_lead_department_maintain_a_theme(w):
    fire = w.depts[("431402", "fire")]  # an editor of a member department, not of the lead (市场监管)
    outsider = make_user("fire_editor", role=Role.EDITOR, division=fire.division, department=fire)
    with pytest.raises(PermissionDenied):
        revise_theme(outsider, w.themes["restaurant"])
