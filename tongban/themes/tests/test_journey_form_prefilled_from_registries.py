"""A mother applies for 新生儿出生一件事: the one form arrives with her address from the 人口库 — read by
a member matter's department under its own grant, once, and said where it came from. After she
submits, "谁用了我的数据" names the joint case number for that read, and the joint case page shows
the source too. Without a grant nothing is read."""

import pytest
from django.test import Client

from tongban.cases.models import CaseBundle
from tongban.cases.tests.builders import pdf
from tongban.registries.models import AccessLog
from tongban.registries.selectors import my_data_use
from tongban.themes.tests.registry_support import ADDRESS, grant_population, newborn_with_population_registry
from tongban.themes.tests.support import fill
from tongban.themes.views_journey import Draft, Journey

pytestmark = pytest.mark.django_db
BASE = "/themes/newborn/apply/"
SOURCE = "来自人口基础信息库（户籍地址，云川市政务服务和大数据管理局提供）"


@pytest.fixture
def w():
    return newborn_with_population_registry()


def _grant(w, member: str):
    return grant_population(w, member)


def _start(w) -> Client:
    client = Client()
    client.force_login(w.applicant)
    client.post(BASE + "questions/settle_here/", {"answer": "true"})
    client.post(BASE + "questions/parents_married/", {"answer": "true"})
    client.post(BASE + "services/", {"optional": []})
    return client


def _journey(client, w) -> Journey:
    return Journey(w.themes["newborn"], Draft(client.get(BASE + "check/").wsgi_request, "newborn"))


def test_the_merged_form_is_prefilled_from_the_granted_registry(w):
    _grant(w, "cert")  # the health commission, for 出生医学证明
    client = _start(w)
    page = client.get(BASE + "form/1/").content.decode()
    assert f'value="{ADDRESS}"' in page and SOURCE in page and "由政务数据共享获取的信息" in page
    log = AccessLog.objects.get()  # one read for the field all three members share
    cert = w.impls[("newborn", "cert")]
    assert (log.purpose, log.consumer, log.matter, log.subject_key, log.allowed) == (
        AccessLog.Purpose.PREFILL, cert.department, cert.matter, w.applicant.id_number, True)
    client.get(BASE + "form/1/")
    assert AccessLog.objects.count() == 1  # not read again on every page view

    journey = _journey(client, w)
    for i, p in enumerate(journey.form_pages, start=1):
        answers = fill(p["fields"], baby_name="王小宝")
        if any(f["key"] == "applicant_address" for f in p["fields"]):
            answers["applicant_address"] = ADDRESS  # she keeps what was filled in
        assert client.post(BASE + f"form/{i}/", answers).status_code == 302
    files = {f"material_{m.key}": pdf(f"{m.name}.pdf") for m in journey.merged.uploads() if m.required}
    client.post(BASE + "materials/", {**files, "action": "continue"})
    assert client.post(BASE + "check/").status_code == 302
    bundle = CaseBundle.objects.get(applicant=w.applicant)

    # Filing the sub-cases reads nothing again: the journey's one read stands for them.
    assert AccessLog.objects.count() == 1
    assert str(log.case_ref) == str(bundle.uid)
    mine = {row.pk: row.shown_case_number for row in my_data_use(w.applicant)}
    assert mine[log.pk] == bundle.number
    assert bundle.number in client.get("/my/data-use/").content.decode()
    assert "来自人口基础信息库（户籍地址" in client.get(f"/my/joint-cases/{bundle.number}/").content.decode()


def test_another_member_reads_under_its_own_grant(w):
    _grant(w, "hukou")  # only the police, for 出生登记
    client = _start(w)
    page = client.get(BASE + "form/1/").content.decode()
    assert f'value="{ADDRESS}"' in page and SOURCE in page
    assert AccessLog.objects.get().consumer == w.impls[("newborn", "hukou")].department


def test_without_a_grant_nothing_is_read(w):
    client = _start(w)
    page = client.get(BASE + "form/1/").content.decode()
    assert ADDRESS not in page and "由政务数据共享获取的信息" not in page
    assert not AccessLog.objects.exists()
