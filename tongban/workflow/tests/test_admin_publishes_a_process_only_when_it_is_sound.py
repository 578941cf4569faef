"""An administrator's process definition is checked before any case can run on it: an unreachable
state, a state that can never end, an unknown role or an action without an effect is refused, with
a Chinese message naming the state or action at fault."""

import pytest
from django.core.exceptions import ValidationError

from tongban.workflow.models import State, Transition, VersionStatus
from tongban.workflow.services import draft_from, install, publish
from tongban.workflow.tests.support import site_check
from tongban.workflow.validation import ProcessInvalid

pytestmark = pytest.mark.django_db


def test_a_sound_definition_is_installed_and_published():
    version = install(site_check())
    assert version.status == VersionStatus.PUBLISHED and version.number == 1
    assert [s.code for s in version.states.order_by("order")] == ["accept", "site", "decide", "done"]


def test_an_unreachable_state_is_refused():
    d = site_check(states=[*site_check().states, {"code": "hearing", "name": "听证", "kind": "work"}],
                   transitions=[*site_check().transitions, ("hearing", "approve", "准予", "done", ["approver"])])
    with pytest.raises(ProcessInvalid) as exc:
        install(d)
    assert "环节“听证”从开始环节无法到达" in exc.value.messages


def test_a_state_that_can_never_end_is_refused():
    d = site_check(transitions=[t for t in site_check().transitions if t[1] not in ("approve", "deny")])
    with pytest.raises(ProcessInvalid) as exc:
        install(d)
    assert "环节“决定”无法走到任何结束环节" in exc.value.messages


def test_an_unknown_role_and_an_action_without_effect_are_refused():
    d = site_check(transitions=[("accept", "accept", "受理", "site", ["mayor"]),
                                ("site", "teleport", "瞬移", "decide", ["approver"]),
                                *site_check().transitions[2:]])
    with pytest.raises(ProcessInvalid) as exc:
        install(d)
    text = "；".join(exc.value.messages)
    assert "动作“受理”（受理 → 现场核查）含未知角色：mayor" in text
    assert "动作“瞬移”（现场核查 → 决定）的动作代码“teleport”没有对应的办理效果" in text


def test_the_admin_form_refuses_an_unknown_role_at_once():
    version = draft_from(None, install(site_check()))
    t = Transition(version=version, from_state=version.states.get(code="site"), to_state=version.states.get(code="done"),
                   action="deny", label="不予", roles=["approver", "mayor"])
    with pytest.raises(ValidationError) as exc:
        t.full_clean()
    assert "未知角色：mayor" in str(exc.value)


def test_a_broken_draft_is_not_published_and_the_current_version_stays():
    current = install(site_check())
    draft = draft_from(None, current)
    State.objects.create(version=draft, code="hearing", name="听证", kind="work", order=9)
    with pytest.raises(ProcessInvalid) as exc:
        publish(None, draft)
    assert "环节“听证”从开始环节无法到达" in exc.value.messages
    draft.refresh_from_db()
    current.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT and current.status == VersionStatus.PUBLISHED


def test_a_published_version_cannot_be_edited():
    version = install(site_check())
    state = version.states.get(code="site")
    state.name = "现场勘验"
    with pytest.raises(ValidationError) as exc:
        state.save()
    assert "已发布的流程版本不能修改" in exc.value.messages[0]
