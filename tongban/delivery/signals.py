"""Signals for the layers above (cases): delivery cannot import them, so it announces instead."""

from django.dispatch import Signal

# Sent once per shipment, after the transaction that recorded the delivery commits:
# kwargs shipment=Shipment.
shipment_delivered = Signal()
