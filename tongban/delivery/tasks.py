"""Background tasks of delivery, run by the worker; `tongban run_scheduler` enqueues poll_shipments
every few minutes (settings.PERIODIC_TASKS)."""

import logging

from django_tasks import task

log = logging.getLogger(__name__)


@task()
def poll_shipments() -> dict:
    """Ask the carrier about every parcel not yet delivered (or failed)."""
    from tongban.delivery.models import FINAL, Shipment
    from tongban.delivery.services import poll_shipment

    polled = events = failed = 0
    for shipment in Shipment.objects.exclude(status__in=FINAL).order_by("pk").iterator():
        try:
            events += len(poll_shipment(shipment))
            polled += 1
        except Exception:  # one carrier error must not stop the sweep of the other parcels
            failed += 1
            log.exception("polling shipment %s failed", shipment.tracking_no)
    return {"polled": polled, "events": events, "failed": failed}
