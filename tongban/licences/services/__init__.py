"""Writes of the licences context: seals (seals.py), issuing, changing and revoking licences
(issuance.py), and sharing links (sharing.py). Each write runs in a transaction and is audited."""
