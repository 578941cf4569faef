"""What an uploaded application material is, judged by its content, never by its name.

Accepted: PDF, JPEG, PNG and OFD (GB/T 33190-2016, the national fixed-layout format that Chinese
e-licences and e-invoices use). The file name and the browser's content type are ignored: an .exe
renamed 申请书.pdf is refused. Size is limited (settings.UPLOAD_MAX_BYTES) and empty files refused.
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError

CONTENT_TYPES = {"pdf": "application/pdf", "jpeg": "image/jpeg", "png": "image/png", "ofd": "application/ofd"}
EXTENSIONS = {"pdf": ".pdf", "jpeg": ".jpg", "png": ".png", "ofd": ".ofd"}
ACCEPT_ATTR = ".pdf,.jpg,.jpeg,.png,.ofd"  # <input accept>: by extension, as every upload page has always offered
KIND_LABELS = {"pdf": "PDF", "jpeg": "JPG", "png": "PNG", "ofd": "OFD"}

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# An OFD is a ZIP package; its entry file OFD.xml sits at the root (GB/T 33190 §7.1).
OFD_MAX_ENTRIES = 10_000
OFD_MAX_EXPANSION = 10  # declared unpacked size ≤ 10 × the upload limit: no zip bombs for viewers


def _name(uploaded) -> str:
    return os.path.basename(str(getattr(uploaded, "name", "") or "文件"))[:100]


def _refuse(uploaded) -> ValidationError:
    return ValidationError(f"只接受 PDF、JPG、PNG、OFD 格式的文件，“{_name(uploaded)}”不是这些格式之一",
                           code="upload_type")


def _read_head(fileobj, size: int = 8) -> bytes:
    fileobj.seek(0)
    head = fileobj.read(size)
    fileobj.seek(0)
    return head or b""


def _is_ofd(fileobj, max_bytes: int) -> bool:
    """A ZIP with OFD.xml at its root, sane entry names and no absurd unpacked size.

    Only the central directory is read (nothing is decompressed), so this is cheap and safe."""
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            entries = archive.infolist()
            if len(entries) > OFD_MAX_ENTRIES:
                return False
            names = set()
            for entry in entries:
                name = entry.filename
                if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/"):
                    return False
                names.add(name)
            if sum(e.file_size for e in entries) > OFD_MAX_EXPANSION * max_bytes:
                return False
            return "OFD.xml" in names
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return False
    finally:
        fileobj.seek(0)


def detect_kind(fileobj, *, max_bytes: int | None = None) -> str | None:
    """"pdf", "jpeg", "png", "ofd", or None, from the first bytes (and the ZIP directory for OFD)."""
    head = _read_head(fileobj)
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(JPEG_MAGIC):
        return "jpeg"
    if head.startswith(PNG_MAGIC):
        return "png"
    if head.startswith(ZIP_MAGIC) and _is_ofd(fileobj, max_bytes or settings.UPLOAD_MAX_BYTES):
        return "ofd"
    return None


def _megabytes(n: int) -> str:
    mb = n / (1024 * 1024)
    return f"{mb:.0f}" if mb == int(mb) else f"{mb:.1f}"


def check_upload(uploaded_file, *, max_bytes: int | None = None) -> str:
    """The detected kind of an uploaded file, or ValidationError with a Chinese message.

    The file is left at position 0 for whoever saves it next."""
    limit = max_bytes if max_bytes is not None else settings.UPLOAD_MAX_BYTES
    size = getattr(uploaded_file, "size", None)
    if size is None:
        uploaded_file.seek(0, os.SEEK_END)
        size = uploaded_file.tell()
        uploaded_file.seek(0)
    if not size:
        raise ValidationError(f"“{_name(uploaded_file)}”是空文件，请重新选择", code="upload_empty")
    if size > limit:
        raise ValidationError(f"文件超过 {_megabytes(limit)} MB 上限，“{_name(uploaded_file)}”大小为 "
                              f"{_megabytes(size)} MB，请压缩或分拆后再上传", code="upload_size")
    kind = detect_kind(uploaded_file, max_bytes=limit)
    if kind is None:
        raise _refuse(uploaded_file)
    return kind
