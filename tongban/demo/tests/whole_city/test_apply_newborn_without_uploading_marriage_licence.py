"""免证办 in a theme: the demo citizen, whose 结婚证 is in the e-licence library, applies for 新生儿出生
and is not asked to upload it. The journey's check is read once, logged with the joint case's number,
and stands for the 出生登记 sub-case: filing it reads the library no second time."""

import pytest
from django.test import Client

from tongban.accounts.models import User
from tongban.cases.models import CaseBundle
from tongban.cases.tests.builders import pdf
from tongban.licences.models import Licence, LicenceStatus, MaterialLicenceCheck
from tongban.registries.models import AccessLog
from tongban.themes.models import Theme
from tongban.themes.tests.support import fill
from tongban.themes.views_journey import Draft, Journey

pytestmark = pytest.mark.django_db
BASE = "/themes/newborn/apply/"
EXEMPT = "已通过电子证照核验，免提交（证照编号"


def _through_the_form(client) -> Journey:
    client.post(BASE + "questions/settle_here/", {"answer": "true"})
    client.post(BASE + "questions/parents_married/", {"answer": "true"})
    client.post(BASE + "services/", {"optional": ["medical"]})
    request = client.get(BASE + "check/").wsgi_request
    journey = Journey(Theme.objects.get(code="newborn"), Draft(request, "newborn"))
    for i, p in enumerate(journey.form_pages, start=1):
        response = client.post(BASE + f"form/{i}/", fill(p["fields"], baby_name="王小宝"))
        assert response.status_code == 302, response.content.decode()[:2000]
    return journey


def test_married_parents_apply_without_uploading_the_marriage_certificate(whole_city):
    citizen = User.objects.get(username="citizen")
    client = Client()
    client.force_login(citizen)
    journey = _through_the_form(client)

    marriage = next(m for m in journey.merged.materials if "结婚证" in m.name)
    page = client.get(BASE + "materials/").content.decode()
    assert EXEMPT in page and f'name="material_{marriage.key}"' not in page
    reads = AccessLog.objects.filter(resource__code="e_licence", subject_key=citizen.id_number)
    first = reads.count()
    assert first >= 1

    asked = [m for m in journey.merged.uploads() if m.required and m.key != marriage.key]
    files = {f"material_{m.key}": pdf(f"{m.name}.pdf") for m in asked}
    assert client.post(BASE + "materials/", {**files, "action": "continue"})["Location"] == BASE + "check/"
    page = client.get(BASE + "check/").content.decode()
    assert "免提交的材料" in page and EXEMPT in page

    response = client.post(BASE + "check/")
    assert response.status_code == 302, response.content.decode()[:3000]
    bundle = CaseBundle.objects.get(applicant=citizen, number=response["Location"].split("/")[3])
    hukou = bundle.members.get(code="hukou").case
    check = MaterialLicenceCheck.objects.get(case=hukou, material__name__contains="结婚证")
    assert check.satisfied and not hukou.files.filter(material=check.material).exists()
    # One read for the journey, logged with the joint case; none again when the sub-case was filed.
    assert reads.count() == first and check.access.case_ref == str(bundle.uid)
    assert not AccessLog.objects.filter(resource__code="e_licence", case_ref=str(hukou.uid)).exists()


def test_a_revoked_marriage_certificate_is_asked_for_with_the_reason(whole_city):
    citizen = User.objects.get(username="citizen")
    licence = Licence.objects.get(holder_id_number=citizen.id_number, licence_type__code="JHZ",
                                  status=LicenceStatus.VALID)
    Licence.objects.filter(pk=licence.pk).update(status=LicenceStatus.REVOKED, revoke_reason="登记机关撤销婚姻登记")
    client = Client()
    client.force_login(citizen)
    journey = _through_the_form(client)

    marriage = next(m for m in journey.merged.materials if "结婚证" in m.name)
    page = client.get(BASE + "materials/").content.decode()
    assert f'name="material_{marriage.key}"' in page
    assert "已注销（登记机关撤销婚姻登记），不能免提交" in page
    response = client.post(BASE + "materials/", {"action": "continue"})
    assert response.status_code == 400 and f"请上传“{marriage.name}”" in response.content.decode()
