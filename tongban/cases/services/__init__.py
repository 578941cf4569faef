"""Every write to a case: one module per stage, each function one transaction, each audited."""
