"""Signals for the layers above (cases): payments cannot import them, so it announces instead."""

from django.dispatch import Signal

# Sent once per order, after the transaction that marked it paid commits: kwargs order=PaymentOrder.
order_paid = Signal()
