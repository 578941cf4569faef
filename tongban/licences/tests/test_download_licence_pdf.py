"""The holder downloads the licence as a PDF: its fields, the issuing department's seal and a QR code."""

import shutil
import subprocess

import pytest
from django.test import Client

from tongban.licences.tests.builders import issue_for, licence_world

pytestmark = pytest.mark.django_db


def test_holder_downloads_the_licence_pdf(tmp_path):
    w = licence_world()
    licence = issue_for(w)
    client = Client()
    client.force_login(w.applicant)
    res = client.get(f"/my/licences/{licence.identifier}/licence.pdf")
    assert res.status_code == 200 and res["Content-Type"] == "application/pdf"
    assert res.content.startswith(b"%PDF") and len(res.content) > 5000  # the QR image and the font are in
    if shutil.which("pdftotext"):  # poppler-utils, installed by scripts/test
        path = tmp_path / "licence.pdf"
        path.write_bytes(res.content)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        for expected in ("食品经营许可证", licence.number, "云川市芙蓉区五一大道218号", w.market.name,
                         licence.seal.key_id):
            assert expected in text, expected
