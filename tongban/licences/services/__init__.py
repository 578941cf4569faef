"""Writes of the licences context: seals (seals.py), issuing, changing and revoking licences
(issuance.py), sharing links (sharing.py), and 免证办 — licences standing for application materials
(exemptions.py). Each write runs in a transaction and is audited."""
