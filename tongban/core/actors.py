"""Naming who acted. Services take an `actor` that is a logged-in user, or a string naming a system
process or an anonymous person ("支付平台", "匿名评价人"), or None. Records keep the user (a foreign
key, for queries) and a label (a snapshot: the record still names the person after the account changes)."""

LABEL_MAX = 150  # the actor_label columns


def as_user(actor):
    """The user behind `actor`, or None for a system process or an anonymous person."""
    return actor if getattr(actor, "is_authenticated", False) else None


def label(actor, default: str = "系统") -> str:
    """How a record names `actor`: a user's display name (else user name), or the string itself."""
    user = as_user(actor)
    if user is not None:
        return (getattr(user, "display_name", "") or user.get_username())[:LABEL_MAX]
    return str(actor or default)[:LABEL_MAX]
