"""Pages: the public verify page and published seals; the holder's wallet (我的证照) with the PDF and
an expiring share link; the page a shared link opens."""

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from tongban.core import qr
from tongban.core.masking import mask_id_number
from tongban.licences import pdf, selectors, verification
from tongban.licences.identifiers import is_valid_identifier
from tongban.licences.services.sharing import DAYS_CHOICES, ShareExpired, make_share_token, read_share_token

MAX_INPUT = 4000


def _fields(licence) -> list[tuple[str, str]]:
    labels = {f["key"]: f["label"] for f in licence.licence_type.fields or []}
    return [(labels.get(k, k), v) for k, v in (licence.data or {}).items() if v not in ("", None)]


def verify(request):
    """/licences/verify/?p=<QR payload> or ?id=<identifier>: the online check behind the QR code."""
    payload = request.GET.get("p", "").strip()[:MAX_INPUT]
    identifier = request.GET.get("id", "").strip()[:120]
    context = {"payload": payload, "identifier": identifier, "result": None, "error": ""}
    status = 200
    if payload:
        context["result"] = verification.verify_payload(payload)
    elif identifier:
        if not is_valid_identifier(identifier):
            context["error"] = "“证照标识”格式或校验位不正确，请核对（形如 1.2.156.3005.2.类型代码.发证机关代码.流水号.版本.校验位）"
            status = 422
        else:
            context["result"] = verification.verify_identifier(identifier)
            if context["result"] is None:
                context["error"] = "没有找到该标识的证照。请核对证照标识，或向发证机关核实。"
                status = 404
    return render(request, "licences/verify.html", _with_details(context), status=status)


def _with_details(context: dict) -> dict:
    result = context.get("result")
    if result is not None and result.licence is not None:
        context["fields"] = _fields(result.licence)
        context["holder_id_masked"] = mask_id_number(result.licence.holder_id_number)
    return context


def seals(request):
    """The published public keys (公钥公布): everything an offline verifier needs."""
    return render(request, "licences/seals.html", {"seals": selectors.public_seals()})


@login_required
def wallet(request):
    licences = selectors.wallet(request.user)
    today = timezone.localdate()
    rows = [{"licence": lic, "verdict": verification.verify_record(lic)} for lic in licences]
    return render(request, "licences/wallet.html", {"rows": rows, "today": today,
                                                    "organisations": selectors.organisation_codes_for(request.user)})


def _mine(request, identifier):
    licence = selectors.licence_for_holder(request.user, identifier)
    if licence is None:
        raise Http404("证照不存在")  # the same answer for "not yours" and "no such licence"
    return licence


@login_required
@require_http_methods(["GET", "POST"])
def licence_detail(request, identifier):
    licence = _mine(request, identifier)
    context = {"licence": licence, "fields": _fields(licence), "result": verification.verify_record(licence),
               "history": selectors.history(licence), "events": selectors.events_of(licence),
               "days_choices": DAYS_CHOICES, "qr_svg": qr.svg(selectors.verify_url(licence), scale=3, border=4),
               "share": None, "errors": {}}
    status = 200
    if request.method == "POST":
        try:
            token, expires = make_share_token(request.user, licence, days=request.POST.get("days"))
            context["share"] = {"url": request.build_absolute_uri(reverse("licence-shared", args=[token])),
                                "expires": expires}
        except ValidationError as exc:
            context["errors"] = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            status = 422
        except PermissionDenied as exc:
            context["errors"] = {"__all__": [str(exc)]}
            status = 403
    return render(request, "licences/licence.html", context, status=status)


@login_required
def licence_pdf(request, identifier):
    licence = _mine(request, identifier)
    response = HttpResponse(pdf.render(licence), content_type="application/pdf")
    name = f"{licence.licence_type.name}-{licence.number}.pdf"
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(name)}"
    return response


def shared(request, token):
    """A link the holder shared: the licence's check, while the link lasts."""
    try:
        identifier = read_share_token(token)
    except ShareExpired:
        return render(request, "licences/shared.html", {"expired": True}, status=410)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return render(request, "licences/shared.html", {"invalid": True}, status=404)
    result = verification.verify_identifier(identifier)
    if result is None:
        return render(request, "licences/shared.html", {"invalid": True}, status=404)
    context = _with_details({"result": result})
    return render(request, "licences/shared.html", context)
