"""A citizen opens a demo matter's guide and downloads the blank form and the filled-in sample of
each form they must fill (空白表格、示例样表); other materials offer none."""

import re
import subprocess

import pytest
from django.db import transaction
from django.test import override_settings

from tongban.catalog.codes import VersionStatus
from tongban.catalog.models import Implementation, Material, MatterVersion
from tongban.core.validators import is_valid_id_number
from tongban.demo.blank_forms import attach_blank_forms
from tongban.demo.loader import ACTOR, load_demo

pytestmark = pytest.mark.django_db

ELDERLY = "000905001000"   # 高龄津贴申领: 高龄津贴申请表 + papers the applicant only shows
MARRIAGE = "000907001000"  # 内地居民结婚登记: a signed 声明
FOOD = "000901001000"      # 食品经营许可（新办）: 申请书, and a 授权委托书 bundled with an ID


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="module")
def demo_city(media, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo(modules=["matters_sample"])
        transaction.set_rollback(True)


@pytest.fixture
def summary(demo_city, db):
    return demo_city


def _impl(code):
    return Implementation.objects.filter(matter__basic_code=code).order_by("level", "code").first()


def _material(code, name):
    return Material.objects.get(version__matter__basic_code=code, name__contains=name)


def _pdf_text(response, tmp_path) -> str:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    path = tmp_path / "download.pdf"
    path.write_bytes(body)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_guide_links_the_application_forms_blank_form_and_sample(summary, client, tmp_path):
    impl = _impl(ELDERLY)
    form = _material(ELDERLY, "高龄津贴申请表")
    shown_only = _material(ELDERLY, "户口簿")
    page = client.get(f"/guide/{impl.code}/").content.decode()
    assert f"/guide/{impl.code}/materials/{form.pk}/blank-form" in page
    assert f"/guide/{impl.code}/materials/{form.pk}/sample" in page
    assert f"/materials/{shown_only.pk}/" not in page  # 户口簿 is a document, not a form to fill

    blank = client.get(f"/guide/{impl.code}/materials/{form.pk}/blank-form")
    assert blank.status_code == 200 and blank["Content-Type"] == "application/pdf"
    text = _pdf_text(blank, tmp_path)
    assert "高龄津贴申请表" in text and "高龄津贴申领" in text
    assert "申请人姓名" in text and "公民身份号码" in text  # the fields of the online form
    assert "申请人（签字或盖章）" in text and "年" in text
    assert "张三" not in text

    sample = client.get(f"/guide/{impl.code}/materials/{form.pk}/sample")
    assert sample.status_code == 200
    text = _pdf_text(sample, tmp_path)
    assert "高龄津贴申请表" in text and "样表" in text and "张三" in text and "云川市" in text
    id_numbers = re.findall(r"\b\d{17}[\dX]\b", text)
    assert id_numbers and all(is_valid_id_number(n) for n in id_numbers)
    assert re.search(r"\b138\d{8}\b", text)


def test_declarations_and_authorisations_get_their_own_layout(summary, client, tmp_path):
    impl = _impl(MARRIAGE)
    declaration = _material(MARRIAGE, "签字声明")
    text = _pdf_text(client.get(f"/guide/{impl.code}/materials/{declaration.pk}/sample"), tmp_path)
    assert "本人郑重声明" in text and "声明人（签字）" in text

    impl = _impl(FOOD)
    authorisation = _material(FOOD, "授权委托书")
    text = _pdf_text(client.get(f"/guide/{impl.code}/materials/{authorisation.pk}/blank-form"), tmp_path)
    assert "受托人" in text and "委托权限" in text and "食品经营许可（新办）" in text
    assert "代理人身份证明请另行提交" in text


def test_only_forms_the_applicant_fills_get_files_and_versions_stay_as_published(summary):
    with_files = set(Material.objects.exclude(blank_form="").values_list("name", flat=True))
    assert with_files == {"食品经营许可申请书", "委托代理人办理的，提交授权委托书及代理人身份证明",
                          "本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明", "高龄津贴申请表"}
    assert not Material.objects.exclude(blank_form="").filter(sample="").exists()
    assert summary["blank_forms"]["missing_glyphs"] == []
    # Attaching the files published nothing new: one published version per matter, as loaded.
    assert MatterVersion.objects.count() == MatterVersion.objects.filter(status=VersionStatus.PUBLISHED).count() == 3


def test_loading_again_draws_nothing_new(summary):
    assert attach_blank_forms(ACTOR)["materials"] == 0  # every form has its files already
    # A fresh database over the same media directory (`tongban demo` again) reuses the files.
    before = dict(Material.objects.exclude(blank_form="").values_list("pk", "blank_form"))
    Material.objects.filter(pk__in=before).update(blank_form="", sample="")
    again = attach_blank_forms(ACTOR)
    assert again["drawn"] == 0 and again["reused"] == again["forms"] == 4
    assert dict(Material.objects.exclude(blank_form="").values_list("pk", "blank_form")) == before
