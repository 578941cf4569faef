"""Payer pages (order, receipt), the simulated gateway's cashier, and the gateway notify endpoint.

Thin: reads from payments.selectors, writes through payments.services.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from tongban.payments import services
from tongban.payments.gateways import SimulatedGateway, gateway_named
from tongban.payments.models import OrderStatus
from tongban.payments.selectors import order_by_no, order_for_user


@login_required
def order_page(request, order_no):
    order = order_for_user(request.user, order_no)
    return render(request, "payments/order.html", {
        "order": order,
        "items": order.items.all(),
        "cancelled_at_cashier": request.GET.get("cancelled") == "1" and order.is_pending,
    })


@login_required
@require_POST
def start_payment(request, order_no):
    order = order_for_user(request.user, order_no)
    try:
        url = services.start_online_payment(request.user, order, base_url=request.build_absolute_uri("/"))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("payment-order", order_no=order.order_no)
    return HttpResponseRedirect(url)


@login_required
def receipt_page(request, order_no):
    order = order_for_user(request.user, order_no)
    if order.status != OrderStatus.PAID:
        # A receipt exists only once the money is in; the order page says what is missing.
        return redirect("payment-order", order_no=order.order_no)
    return render(request, "payments/receipt.html", {"order": order, "items": order.items.all()})


def _sim_gateway() -> SimulatedGateway:
    gateway = gateway_named(SimulatedGateway.name)
    if not isinstance(gateway, SimulatedGateway):
        # With a real gateway configured, the simulated cashier must not exist: it could pay for free.
        raise Http404("页面不存在")
    return gateway


def sim_cashier(request, order_no):
    """The simulated gateway's cashier: what a real gateway shows on its own site."""
    gateway = _sim_gateway()
    order = order_by_no(order_no)
    if order is None:
        raise Http404("订单不存在")
    token = request.POST.get("t") if request.method == "POST" else request.GET.get("t")
    try:
        session = gateway.read_token(token, order.order_no)
    except ValidationError as exc:
        return render(request, "payments/sim_cashier.html", {"error": exc.messages[0], "order": order}, status=400)
    context = {"order": order, "items": order.items.all(), "token": token, "gateway": gateway,
               "return_url": session["return_url"],
               "cancel_url": session["return_url"] + "?" + urlencode({"cancelled": "1"})}
    if session["amount_cents"] != order.amount_cents:
        context["error"] = "订单金额已变更，请返回重新发起支付。"
        return render(request, "payments/sim_cashier.html", context, status=400)
    if request.method == "POST" and order.is_pending:
        if request.POST.get("action") != "confirm":
            return HttpResponseRedirect(context["cancel_url"])
        # The gateway's server tells ours (as a real one POSTs to the notify URL), then sends the
        # browser back; the order is paid by the notify, not by the browser's return.
        body, headers = gateway.notify_for(order.order_no, order.amount_cents)
        try:
            services.handle_callback(gateway.name, body, headers)
        except ValidationError as exc:
            context["error"] = exc.messages[0]
            return render(request, "payments/sim_cashier.html", context, status=400)
        return HttpResponseRedirect(session["return_url"])
    return render(request, "payments/sim_cashier.html", context)


@csrf_exempt
@require_POST
def notify(request, gateway):
    """Server-to-server result notify. Gateways resend until they read "success"."""
    if gateway_named(gateway) is None:
        raise Http404("未知的支付渠道")
    try:
        services.handle_callback(gateway, request.body, request.headers)
    except ValidationError:
        return HttpResponse("fail", content_type="text/plain; charset=utf-8", status=400)
    return HttpResponse("success", content_type="text/plain; charset=utf-8")

