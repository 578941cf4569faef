"""A citizen downloads a material's blank form and sample; files of unpublished versions stay private."""

from urllib.parse import unquote

import pytest

from tongban.catalog.models import Material
from tongban.catalog.services import start_new_version
from tongban.portal.tests.builders import make_full_guide

pytestmark = pytest.mark.django_db


def test_blank_form_and_sample_download(client):
    impl, sibling = make_full_guide()
    material = impl.matter.current_version.materials.order_by("order").first()
    response = client.get(f"/guide/{impl.code}/materials/{material.pk}/blank-form")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"blank form bytes"
    disposition = response["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="material-{material.pk}-blank-form.docx"')
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "食品经营许可申请书-空白表格.docx"

    sample = client.get(f"/guide/{sibling.code}/materials/{material.pk}/sample")  # same standard, other level
    assert sample.status_code == 200 and b"".join(sample.streaming_content) == b"%PDF-1.4 sample"


def test_missing_or_private_files_are_not_served(client):
    impl, _ = make_full_guide()
    material = impl.matter.current_version.materials.order_by("order").first()
    without_file = impl.matter.current_version.materials.order_by("order")[1]
    assert client.get(f"/guide/{impl.code}/materials/{without_file.pk}/blank-form").status_code == 404
    assert client.get(f"/guide/{impl.code}/materials/{material.pk}/other").status_code == 404
    assert client.get(f"/guide/NOPE/materials/{material.pk}/blank-form").status_code == 404

    # A draft's files are not public, even through a published entry of the same matter.
    draft = start_new_version(None, impl.matter, "修订申请书")
    draft_material = draft.materials.order_by("order").first()
    Material.objects.filter(pk=draft_material.pk).update(blank_form=material.blank_form.name)
    assert client.get(f"/guide/{impl.code}/materials/{draft_material.pk}/blank-form").status_code == 404
    # The guide page links to the published file only.
    page = client.get(f"/guide/{impl.code}/").content.decode()
    assert f"/materials/{material.pk}/blank-form" in page
    assert f"/materials/{draft_material.pk}/" not in page
