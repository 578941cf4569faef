"""An approver decides a food-business case: the 食品经营许可证 is issued, sealed and in the
applicant's name at once, with the form's answers printed on it (行政许可法 §44)."""

import pytest

from tongban.cases.models import ActionKind, Case
from tongban.cases.services import processing
from tongban.cases.tests.builders import submitted_case
from tongban.core.models import AuditEvent
from tongban.licences.models import HolderKind, Licence, LicenceEvent, LicenceStatus
from tongban.licences.tests.builders import complete_case, licence_world
from tongban.licences.verification import Verdict, verify_record

pytestmark = pytest.mark.django_db


def test_approved_case_issues_a_sealed_licence_to_the_applicant():
    w = licence_world()
    case = complete_case(w)

    licence = Licence.objects.get(case=case)
    assert licence.licence_type == w.food and licence.issuer == w.market
    assert licence.holder_kind == HolderKind.PERSON
    assert licence.holder_id_number == w.applicant.id_number and licence.holder_name == case.applicant_name
    assert licence.number == "JY14314020000009"  # as the approver entered it
    assert licence.status == LicenceStatus.VALID
    # 5 years from the issue date, the day before the anniversary.
    assert licence.valid_until.year == licence.issued_on.year + 5
    # Printed fields come from the form: the first of each field's keys the applicant filled.
    assert licence.data == {"operator": "张三", "premises": "云川市芙蓉区人民路8号"}
    assert licence.identifier.startswith(f"1.2.156.3005.2.SPJYXK.{w.market.credit_code}.00000001.001.")
    assert len(licence.digest) == 64 and len(licence.signature) == 128
    assert verify_record(licence).verdict == Verdict.VALID
    assert LicenceEvent.objects.filter(licence=licence, action="issue").exists()
    assert AuditEvent.objects.filter(action="licences.issue", object_id=licence.identifier).exists()
    # The department got its seal on first issue, and that was audited.
    assert AuditEvent.objects.filter(action="licences.seal.create").count() == 1


def test_second_licence_of_the_type_gets_the_next_serial_and_the_same_seal():
    w = licence_world()
    first = Licence.objects.get(case=complete_case(w))
    second = Licence.objects.get(case=complete_case(w))
    assert (first.serial, second.serial) == (1, 2)
    assert first.seal_id == second.seal_id


def test_denied_case_issues_nothing():
    w = licence_world()
    case = submitted_case(w)
    for actor, action, params in ((w.clerk, ActionKind.ACCEPT, {}), (w.approver, ActionKind.ADVANCE, {}),
                                  (w.approver, ActionKind.DENY, {"comment": "经营场所与住宅混用，不符合条件。"})):
        case = Case.objects.get(pk=case.pk)
        case = processing.act(actor, case, action, expected_revision=case.revision, **params)
    assert not Licence.objects.exists()


def test_result_without_a_licence_type_completes_the_case_and_is_noted():
    w = licence_world()
    w.food.result_names = ["别的证照"]
    w.food.name = "别的证照"
    w.food.save()
    case = complete_case(w)
    assert case.outcome == "approved"
    assert not Licence.objects.exists()
    note = AuditEvent.objects.get(action="licences.not_issued")
    assert "没有对应的证照类型" in note.summary


def test_a_licence_that_cannot_be_made_does_not_undo_the_decision():
    w = licence_world()
    w.food.holder_kind = HolderKind.ORGANISATION  # the citizen applies as a person: refused by the type
    w.food.save()
    case = complete_case(w)
    case.refresh_from_db()
    assert case.phase == "completed" and case.results.count() == 1
    assert not Licence.objects.exists()
    assert "持证主体应为" in AuditEvent.objects.get(action="licences.not_issued").summary
