"""免证办: the 居民户口簿 of a matter is checked against the population registry when the department
is granted it — recorded on the case, logged with the case, and the applicant is not asked for it."""

import pytest

from tongban.cases import materials
from tongban.cases.services import intake
from tongban.cases.tests.builders import MATERIALS, fill_and_upload
from tongban.catalog.tests.builders import make_matter
from tongban.registries import services
from tongban.registries.exemptions import materials_satisfied
from tongban.registries.models import AccessLog, MaterialEvidence, Party, Scope
from tongban.registries.tests.builders import grant, registry_world

pytestmark = pytest.mark.django_db

HUKOU_FIELDS = ["name", "household_address", "household_number", "hukou_status"]


def _world(hukou_source):
    w = registry_world()
    hukou = {"name": "申请人居民户口簿", "form": "original", "required": True, "source": hukou_source,
             "source_note": "通过人口基础信息库共享核验，免提交"}
    w.version, w.impl = make_matter(w.market, basic_code="000201037000", name="个体工商户登记",
                                    materials=[*MATERIALS, hukou], service_objects=["1"])
    w.hukou = w.version.materials.get(name="申请人居民户口簿")
    services.save_material_rule(w.steward, name_contains="居民户口簿", resource=w.population, party=Party.APPLICANT,
                                fields=HUKOU_FIELDS, scope=Scope.ANY if hukou_source == "applicant" else Scope.EXEMPT)
    return w


def test_an_exempt_hukou_is_checked_recorded_and_logged_with_the_case():
    w = _world("exempt")
    grant(w, w.population, HUKOU_FIELDS)
    case = intake.start_application(w.applicant, w.impl)
    case = fill_and_upload(w, case)
    case = intake.submit(w.applicant, case)
    evidence = MaterialEvidence.objects.get(case_ref=str(case.uid))
    assert (evidence.material, evidence.satisfied, evidence.subject_key) == (w.hukou, True, w.applicant.id_number)
    assert "免提交" in evidence.note
    log = evidence.access
    assert (log.purpose, log.case_ref, log.consumer, log.allowed, log.found, log.fields) == (
        AccessLog.Purpose.MATERIAL, str(case.uid), w.market, True, True, HUKOU_FIELDS)
    assert [m for m, _e in materials_satisfied(w.applicant, case)] == [w.hukou]
    assert AccessLog.objects.count() == 1  # asked again: the recorded evidence answers, no second read


def test_a_hukou_the_guide_still_asks_for_is_not_asked_once_the_registry_supplies_it():
    w = _world("applicant")
    case = intake.start_application(w.applicant, w.impl)
    assert w.hukou in materials.required_uploads(case)  # no grant yet: the applicant must bring it
    assert "没有" in MaterialEvidence.objects.get().note and not AccessLog.objects.exists()

    grant(w, w.population, HUKOU_FIELDS)
    w2_case = intake.start_application(w.applicant, w.impl)
    assert w.hukou not in materials.required_uploads(w2_case)
    assert w.hukou not in materials.missing_materials(w2_case)
    assert MaterialEvidence.objects.get(case_ref=str(w2_case.uid)).satisfied


def test_the_draft_page_says_the_hukou_was_checked(client):
    w = _world("exempt")
    grant(w, w.population, HUKOU_FIELDS)
    case = intake.start_application(w.applicant, w.impl)
    client.force_login(w.applicant)
    page = client.get(f"/my/drafts/{case.uid}/").content.decode()
    assert "申请人居民户口簿" in page and "已通过数据共享核验，无需提交" in page


def test_a_name_that_does_not_match_the_registry_is_not_satisfied():
    w = _world("applicant")
    grant(w, w.population, HUKOU_FIELDS)
    case = intake.start_application(w.applicant, w.impl)
    case.applicant_name = "张三丰"
    case.save(update_fields=["applicant_name"])
    assert w.hukou in materials.required_uploads(case)
    evidence = MaterialEvidence.objects.get()
    assert not evidence.satisfied and "姓名" in evidence.note and evidence.access.allowed


def test_a_rule_stands_only_for_exempt_materials_unless_told_otherwise():
    w = _world("applicant")
    from tongban.registries.models import MaterialRule

    MaterialRule.objects.update(scope=Scope.EXEMPT)  # e.g. "营业执照正、副本" that a 注销 must hand in
    grant(w, w.population, HUKOU_FIELDS)
    case = intake.start_application(w.applicant, w.impl)
    assert w.hukou in materials.required_uploads(case)
    assert not MaterialEvidence.objects.exists() and not AccessLog.objects.exists()


def test_a_probe_of_the_matter_reads_nothing():
    from tongban.cases.models import Case

    w = _world("exempt")
    grant(w, w.population, HUKOU_FIELDS)
    probe = Case(implementation=w.impl, matter_version=w.version, department=w.market)
    assert materials_satisfied(None, probe) == [] and not AccessLog.objects.exists()
