"""Signals for the layers above cases (licences): cases cannot import them, so it announces instead."""

from django.dispatch import Signal

# Sent inside the deciding transaction when an approved case's results (出件) are registered:
# kwargs case=Case, results=list[CaseResult], actor=the approver (or None). Receivers that write must
# not break the decision on their own failures.
results_registered = Signal()
