"""Listens to the cases app (below us in the layers): a completed case with licence results issues them."""

from django.dispatch import receiver

from tongban.cases.signals import results_registered


@receiver(results_registered)
def _issue_licences(sender, case, results, actor=None, **kwargs):
    from tongban.licences.services.issuance import issue_for_results

    issue_for_results(case, results, actor)
