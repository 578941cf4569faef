"""实名认证: the identity pages ask match_person(id_number, name); the answer is yes/no, and the
lookup shows up on the person's 谁用了我的数据 as the platform's own."""

import pytest

from tongban.registries.models import AccessLog, Person
from tongban.registries.services import match_person
from tongban.registries.tests.builders import registry_world

pytestmark = pytest.mark.django_db


def test_a_matching_name_and_number_pass_and_are_logged_as_the_platform(client):
    w = registry_world()
    assert match_person(w.applicant.id_number.lower(), " 张三 ") is True
    log = AccessLog.objects.get()
    assert (log.purpose, log.consumer, log.consumer_label, log.fields, log.found) == (
        AccessLog.Purpose.IDENTITY, None, "平台（实名认证）", ["name"], True)
    client.force_login(w.applicant)
    assert "实名认证" in client.get("/my/data-use/").content.decode()


def test_a_wrong_name_an_unknown_number_or_a_cancelled_hukou_fail():
    w = registry_world()
    assert match_person(w.applicant.id_number, "张四") is False
    assert match_person("11010519491231002X", "张三") is False  # valid, not in this registry
    assert match_person("123", "张三") is False
    Person.objects.filter(id_number=w.other_applicant.id_number).update(hukou_status="cancelled")
    assert match_person(w.other_applicant.id_number, "李四") is False
    assert AccessLog.objects.count() == 3  # the malformed number reads nothing
    assert not AccessLog.objects.filter(refusal="").exists()


def test_names_with_a_separator_dot_match():
    w = registry_world()
    Person.objects.filter(id_number=w.other_applicant.id_number).update(name="阿依古丽·买买提")
    assert match_person(w.other_applicant.id_number, "阿依古丽•买买提") is True
