"""An applicant uploads a scan: only real PDF/JPEG/PNG/OFD content gets in, whatever the file is called."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings
from fpdf import FPDF
from PIL import Image

from tongban.forms.storage import private_storage, serve_private
from tongban.forms.uploads import check_upload


def real_pdf() -> bytes:
    doc = FPDF()
    doc.add_page()
    doc.set_font("helvetica", size=12)
    doc.cell(text="Application")
    return bytes(doc.output())


def real_image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def real_ofd(root_entry="OFD.xml") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(root_entry, '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" '
                                     'Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                                     '</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        archive.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    return out.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("申请书.pdf", real_pdf(), "pdf"),
    ("身份证正面.jpg", real_image("JPEG"), "jpeg"),
    ("平面图.png", real_image("PNG"), "png"),
    ("营业执照.ofd", real_ofd(), "ofd"),
    ("scan", real_pdf(), "pdf"),  # no extension, wrong type: the content decides
])
def test_real_files_are_accepted_by_their_content(name, content, kind):
    f = upload(name, content, "text/plain")
    assert check_upload(f) == kind
    assert f.tell() == 0  # ready to be saved


def test_an_executable_renamed_pdf_is_refused():
    exe = upload("申请书.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "application/pdf")
    with pytest.raises(ValidationError) as err:
        check_upload(exe)
    assert err.value.messages == ["只接受 PDF、JPG、PNG、OFD 格式的文件，“申请书.pdf”不是这些格式之一"]


def test_a_zip_that_is_not_an_ofd_is_refused():
    for bad in (real_ofd(root_entry="Doc_0/OFD.xml"), b"PK\x03\x04" + b"\x00" * 50):
        with pytest.raises(ValidationError) as err:
            check_upload(upload("电子证照.ofd", bad))
        assert "不是这些格式之一" in err.value.messages[0]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as err:
        check_upload(upload("空白.pdf", b""))
    assert err.value.messages == ["“空白.pdf”是空文件，请重新选择"]


def test_a_file_over_the_limit_is_refused():
    big = upload("扫描件.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    with pytest.raises(ValidationError) as err:
        check_upload(big, max_bytes=1024 * 1024)
    assert err.value.messages[0].startswith("文件超过 1 MB 上限")
    with override_settings(UPLOAD_MAX_BYTES=20 * 1024 * 1024), pytest.raises(ValidationError) as err:
        check_upload(upload("扫描件.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024)))
    assert err.value.messages[0].startswith("文件超过 20 MB 上限")


def test_private_files_have_no_public_address_and_are_served_as_what_they_are(tmp_path):
    with override_settings(PRIVATE_FILES_DIR=tmp_path / "private"):
        name = private_storage.save("cases/1/申请书.pdf", upload("申请书.pdf", real_pdf()))
        assert (tmp_path / "private" / name).exists()
        assert private_storage.url(name) == ""

        class Stored:  # what a FileField gives a view
            def __init__(self, name):
                self.name, self.storage = name, private_storage

            def __bool__(self):
                return True

        request = RequestFactory().get("/")
        response = serve_private(request, Stored(name), "申请书.exe")
        body = b"".join(response.streaming_content)
        response.file_to_stream.close()
        assert body.startswith(b"%PDF-")
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment;")
        assert ".pdf" in response["Content-Disposition"] and ".exe" not in response["Content-Disposition"]

        response = serve_private(request, Stored(name), "申请书.pdf", inline=True)
        assert response["Content-Disposition"].startswith("inline;")
        response.file_to_stream.close()

        ofd = private_storage.save("cases/1/证照.ofd", upload("证照.ofd", real_ofd()))
        response = serve_private(request, Stored(ofd), "证照.ofd", inline=True)
        assert response["Content-Type"] == "application/ofd"
        assert response["Content-Disposition"].startswith("attachment;")  # browsers cannot show OFD
        response.file_to_stream.close()
