"""Downloading a case's files: only the applicant of the case and staff in scope; everyone else gets
the same 404 as for a file that does not exist (nobody learns which numbers or ids exist)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404

from tongban.cases.selectors import (
    case_by_uid_for_applicant,
    case_for_applicant,
    case_for_staff,
    file_for_download,
)
from tongban.forms.storage import serve_private


def _serve(request, case, file_id, *, as_applicant: bool):
    f = file_for_download(case, file_id) if case else None
    # Attachments of internal steps (staff notes) stay with staff, even for the applicant.
    if f is None or (as_applicant and f.event_id and not f.event.public):
        raise Http404("文件不存在")
    return serve_private(request, f.file, f.original_name)


@login_required
def case_file(request, number, file_id):
    case = case_for_staff(request.user, number)
    if case is not None:
        return _serve(request, case, file_id, as_applicant=False)
    return _serve(request, case_for_applicant(request.user, number), file_id, as_applicant=True)


@login_required
def draft_file(request, uid, file_id):
    """A file of one's own draft (a draft has no number yet)."""
    case = case_by_uid_for_applicant(request.user, uid, joint_members=True)
    return _serve(request, case, file_id, as_applicant=True)
