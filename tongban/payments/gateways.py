"""Payment gateway adapters. settings.PAYMENT_GATEWAY names the one in use.

A gateway takes the payer to its cashier (create_payment returns the URL to send the browser to)
and later tells us the result with a signed server-to-server notify, which verify_callback checks
and turns into a plain dict. Money is only ever recorded from a verified notify, never from the
browser coming back.

Signatures are HMAC with SM3 (GB/T 32905-2016, the national hash used by government payment
platforms) over a canonical form of the body, so whitespace or key order cannot change a result.
"""

import hashlib
import hmac
import json
import os
import secrets
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.module_loading import import_string

SIGNATURE_HEADER = "X-Tongban-Signature"


class InvalidCallback(ValidationError):
    """The notify is not from the gateway (bad or missing signature) or is malformed."""


def payment_key() -> bytes:
    """The shared HMAC key: TONGBAN_PAYMENT_KEY (setting or environment) in production; in
    development one derived from SECRET_KEY, so that no key is ever committed to the repository."""
    key = getattr(settings, "TONGBAN_PAYMENT_KEY", "") or os.environ.get("TONGBAN_PAYMENT_KEY", "")
    if key:
        return key.encode()
    return salted_hmac("tongban.payments.gateway-key", "development", algorithm="sha256").digest()


def _sm3():
    return hashlib.new("sm3")


def canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign(payload: dict, key: bytes | None = None) -> str:
    return hmac.new(key or payment_key(), canonical(payload), _sm3).hexdigest()


def _header(headers, name: str) -> str:
    if headers is None:
        return ""
    for k, v in dict(headers).items():
        if k.lower() == name.lower():
            return v or ""
    return ""


class Gateway:
    """The adapter interface. `name` appears in the notify URL (/pay/notify/<name>/)."""

    name = ""
    label = ""

    def create_payment(self, order, return_url: str, notify_url: str) -> str:
        """Register the payment with the gateway; return the URL of its cashier page."""
        raise NotImplementedError

    def verify_callback(self, body: bytes, headers) -> dict:
        """Check a notify and return {notify_id, order_no, trade_no, amount_cents, paid_at};
        raise InvalidCallback when it is not authentic."""
        raise NotImplementedError


class SimulatedGateway(Gateway):
    """A cashier on our own site (/pay/sim/<order_no>/) that behaves like a real one: the payer
    confirms, the 'gateway' sends a signed notify to us, then sends the browser back."""

    name = "sim"
    label = "模拟支付平台"
    TOKEN_SALT = "tongban.payments.sim-cashier"
    TOKEN_MAX_AGE = 30 * 60  # a cashier session lasts half an hour, like a real gateway's

    def create_payment(self, order, return_url: str, notify_url: str) -> str:
        # What a real gateway keeps on its side travels signed in the link, so it cannot be altered
        # (a changed return URL would make an open redirect; a changed amount a cheap payment).
        token = signing.dumps({"o": order.order_no, "a": order.amount_cents, "r": return_url, "n": notify_url},
                              salt=self.TOKEN_SALT)
        # The simulated cashier lives on our own site: the host the notify URL points at.
        parts = urlsplit(notify_url)
        base = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
        return f"{base}/pay/sim/{order.order_no}/?t={token}"

    def read_token(self, token: str, order_no: str) -> dict:
        try:
            data = signing.loads(token or "", salt=self.TOKEN_SALT, max_age=self.TOKEN_MAX_AGE)
        except signing.SignatureExpired as exc:
            raise ValidationError("支付页面已过期，请返回重新发起支付。") from exc
        except signing.BadSignature as exc:
            raise ValidationError("支付链接无效。") from exc
        if data.get("o") != order_no:
            raise ValidationError("支付链接无效。")
        return {"order_no": data["o"], "amount_cents": data["a"], "return_url": data["r"], "notify_url": data["n"]}

    def notify_for(self, order_no: str, amount_cents: int) -> tuple[bytes, dict]:
        """The signed notify the simulated gateway sends when the payer confirms."""
        now = timezone.now()
        payload = {
            "notify_id": "N" + now.strftime("%Y%m%d%H%M%S") + secrets.token_hex(6),
            "order_no": order_no,
            "trade_no": "SIM" + now.strftime("%Y%m%d%H%M%S") + f"{secrets.randbelow(10**8):08d}",
            "amount_cents": int(amount_cents),
            "paid_at": now.isoformat(),
            "trade_status": "SUCCESS",
        }
        body = canonical(payload)
        return body, {SIGNATURE_HEADER: sign(payload)}

    def verify_callback(self, body: bytes, headers) -> dict:
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: absurdly nested
            raise InvalidCallback("支付结果通知格式错误") from exc
        if not isinstance(payload, dict):
            raise InvalidCallback("支付结果通知格式错误")
        given = _header(headers, SIGNATURE_HEADER)
        if not given or not hmac.compare_digest(given.lower(), sign(payload)):
            raise InvalidCallback("支付结果通知签名无效")
        try:
            data = {
                "notify_id": str(payload["notify_id"]),
                "order_no": str(payload["order_no"]),
                "trade_no": str(payload["trade_no"]),
                "amount_cents": int(payload["amount_cents"]),
                "paid_at": datetime.fromisoformat(payload["paid_at"]),
            }
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidCallback("支付结果通知缺少必要字段") from exc
        if payload.get("trade_status") != "SUCCESS":
            raise InvalidCallback("支付未成功")
        if timezone.is_naive(data["paid_at"]):
            data["paid_at"] = timezone.make_aware(data["paid_at"])
        return data


def get_gateway() -> Gateway:
    path = getattr(settings, "PAYMENT_GATEWAY", "") or "tongban.payments.gateways.SimulatedGateway"
    return import_string(path)()


def gateway_named(name: str) -> Gateway | None:
    """The configured gateway if it is called `name`: a notify for any other one is refused (and
    the simulated cashier does not exist once a real gateway is configured)."""
    gateway = get_gateway()
    return gateway if gateway.name == name else None
