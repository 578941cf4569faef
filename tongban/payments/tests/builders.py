"""Real rows for payment tests: an applicant and an order for a food licence's fees."""

from tongban.accounts.models import User
from tongban.payments.services import create_order

REFERENCE = "11439901MB0000012X0002010350002026112300001"


def make_applicant(username="zhangsan", name="张三"):
    return User.objects.create_user(username=username, password="Yunchuan-2026!", display_name=name,
                                    phone="13812341234")


def make_order(payer, reference=REFERENCE, items=None):
    items = items or [
        {"name": "食品经营许可证工本费", "amount_cents": 1000, "standard": "每证10元"},
        {"name": "现场核查费", "amount_cents": 2550, "standard": "每次25.50元"},
    ]
    return create_order(payer, reference=reference, items=items, payer=payer, payer_name=str(payer),
                        description="食品经营许可（新办）", payee_name="云川市市场监督管理局")
