"""Notice PDFs for the applicant and staff in scope, and the public verification page behind the QR."""

import hmac

from django.http import Http404, HttpResponse
from django.shortcuts import render

from tongban.cases import notices
from tongban.cases.models import Case
from tongban.cases.selectors import case_for_applicant, case_for_notice_check, case_for_staff
from tongban.core.masking import mask_id_number


def _visible_case(request, number) -> Case:
    case = case_for_applicant(request.user, number) or case_for_staff(request.user, number)
    if case is None:
        raise Http404("办件不存在")  # the same answer for "not yours" and "no such case"
    return case


def notice_pdf(request, number, kind):
    case = _visible_case(request, number)
    try:
        data = notices.render(case, kind)
    except LookupError:
        raise Http404("该办件没有这份文书") from None
    response = HttpResponse(data, content_type="application/pdf")
    name = f"{notices.title_of(case, kind)}-{case.number}.pdf"
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{_quote(name)}"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


def notice_verify(request, number, kind, token):
    """Public: shows that the notice exists and what it says at a glance, with personal data masked."""
    case = case_for_notice_check(number)
    ok = case is not None and kind in notices.KINDS and hmac.compare_digest(token, notices.token(number, kind)) \
        and kind in notices.available(case)
    context = {"ok": ok}
    if ok:
        context.update(case=case, title=notices.title_of(case, kind),
                       applicant=_mask_name(case.applicant_name), id_masked=mask_id_number(case.applicant_id_number))
    return render(request, "cases/notice_verify.html", context, status=200 if ok else 404)


def _mask_name(name: str) -> str:
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1) if len(name) <= 4 else name[:2] + "*" * 3 + name[-2:]
