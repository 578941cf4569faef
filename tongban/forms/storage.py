"""Where application files live: outside the web root, handed out only by views that checked access.

`private_storage` is rooted at settings.PRIVATE_FILES_DIR (not MEDIA_ROOT, not static) and has no
URL: there is no address at which the web server would serve these files. `serve_private()` streams
one file to a user the caller has already authorised.
"""

import os
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible

from tongban.forms.uploads import CONTENT_TYPES, EXTENSIONS, detect_kind

INLINE_KINDS = frozenset({"pdf", "jpeg", "png"})  # browsers show these; an OFD needs a reader app


@deconstructible
class PrivateStorage(FileSystemStorage):
    """FileSystemStorage at settings.PRIVATE_FILES_DIR, read on every use (tests override the setting)
    and without arguments, so migrations referring to it do not depend on the machine's paths."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_FILES_DIR

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        # No public address by design; link to the permission-checking view of the app instead.
        return ""


private_storage = PrivateStorage()


def download_filename(download_name: str, kind: str | None) -> str:
    """The name the browser saves, with the extension of what the file really is."""
    stem = PurePath(os.path.basename(download_name or "") or "文件").stem or "文件"
    return f"{stem}{EXTENSIONS.get(kind, '')}" if kind else os.path.basename(download_name or "文件")


def serve_private(request, fieldfile, download_name: str, *, inline: bool = False) -> FileResponse:
    """Stream a private file. The caller has checked that request.user may see it.

    The content type comes from the file's own bytes (not its name); only PDF and images may be
    shown inline, anything else is a download. nosniff stops the browser from guessing otherwise."""
    if not fieldfile:
        raise Http404("文件不存在")
    try:
        handle = fieldfile.storage.open(fieldfile.name, "rb")
    except FileNotFoundError as exc:
        raise Http404("文件不存在或已被删除") from exc
    kind = detect_kind(handle)
    show_inline = inline and kind in INLINE_KINDS
    response = FileResponse(handle, as_attachment=not show_inline, filename=download_filename(download_name, kind),
                            content_type=CONTENT_TYPES.get(kind, "application/octet-stream"))
    response["X-Content-Type-Options"] = "nosniff"
    # Personal data: no shared caches, no copies kept by the browser after the session.
    response["Cache-Control"] = "private, no-store"
    return response
