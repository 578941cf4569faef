"""Where application files live: outside the web root, handed out only by views that checked access.

`private_storage` is what model fields name: it hands every call to the storage configured as
STORAGES["private"] (settings.py): a folder on this server's disk (PRIVATE_FILES_DIR) by default, or a
private S3-compatible bucket shared by every web node and worker (TONGBAN_STORAGE=s3,
docs/deployment.md). Either way it has no URL: there is no address at which a web server or the bucket
would hand these files out. `serve_private()` streams one file, through this process, to a user the
caller has already authorised.
"""

import os
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible

from tongban.forms.uploads import CONTENT_TYPES, EXTENSIONS, detect_kind

INLINE_KINDS = frozenset({"pdf", "jpeg", "png"})  # browsers show these; an OFD needs a reader app
PRIVATE = "private"  # the STORAGES alias


@deconstructible
class PrivateFileSystemStorage(FileSystemStorage):
    """The "private" storage on a local disk: settings.PRIVATE_FILES_DIR, read on every use (tests
    override the setting)."""

    def __init__(self, **options):
        super().__init__(**{**options, "base_url": None})

    @property
    def base_location(self):
        return settings.PRIVATE_FILES_DIR

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        return ""


@deconstructible
class PrivateStorage(Storage):
    """The storage private files' model fields name, without arguments: which backend holds the files is
    looked up on every call (STORAGES["private"]), so the migrations do not depend on the deployment and a
    test's override_settings(STORAGES=…) takes effect at once."""

    @property
    def backend(self) -> Storage:
        return storages[PRIVATE]

    def url(self, name):
        # No public address by design (not even a signed one); link to the app's permission-checking view.
        return ""


def _delegate(method: str):
    def call(self, *args, **kwargs):
        return getattr(self.backend, method)(*args, **kwargs)

    call.__name__ = method
    return call


for _method in ("open", "save", "delete", "exists", "listdir", "size", "path", "get_accessed_time",
                "get_created_time", "get_modified_time", "generate_filename", "get_available_name",
                "get_valid_name", "get_alternative_name"):
    setattr(PrivateStorage, _method, _delegate(_method))

private_storage = PrivateStorage()


def touch(name: str) -> None:
    """Make a private file count as just written (its modified time is now), so that a sweep that deletes
    files left untouched for a while keeps it. On a disk that is utime; an object store has no such call,
    so the object is copied onto itself, which gives it a new Last-Modified. A file gone meanwhile is
    left gone."""
    backend = private_storage.backend
    try:
        local = backend.path(name)
    except NotImplementedError:
        local = None
    if local is not None:
        try:
            os.utime(local)
        except FileNotFoundError:
            pass
        return
    from botocore.exceptions import ClientError
    from storages.utils import clean_name

    key = backend._normalize_name(clean_name(name))  # django-storages' key for a name (its location prefix)
    try:
        backend.connection.meta.client.copy_object(
            Bucket=backend.bucket_name, Key=key, CopySource={"Bucket": backend.bucket_name, "Key": key},
            MetadataDirective="REPLACE")
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") not in ("404", "NoSuchKey"):
            raise


def remove_empty_folder(name: str) -> None:
    """Remove a folder of the private storage if nothing is left in it. Object stores have no folders (a
    prefix ends with its last object), so there it is already gone."""
    try:
        local = private_storage.path(name)
    except NotImplementedError:
        return
    try:
        os.rmdir(local)
    except OSError:  # not empty (a new upload arrived in between) or already gone
        pass


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
