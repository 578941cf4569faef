"""Public tracking page (/track/): mobile-first timeline of one parcel."""

from django.http import Http404
from django.shortcuts import render

from tongban.delivery.selectors import public_shipment, public_view


def track(request):
    number = request.GET.get("no", "").strip()[:40]
    phone4 = request.GET.get("phone4", "").strip()[:4]
    context = {"no": number, "phone4": phone4, "result": None, "error": ""}
    status = 200
    if number or phone4:
        try:
            context["result"] = public_view(public_shipment(number, phone4))
        except Http404 as exc:
            context["error"] = str(exc)
            status = 404
    return render(request, "delivery/track.html", context, status=status)
