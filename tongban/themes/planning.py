"""The shared first half of evaluating and applying for a theme: check the situation, choose the
members, merge their forms. Pure (no writes), so the selectors, pages and services all use it."""

from tongban.themes.merge import merge
from tongban.themes.selection import choose, clean_situation


def plan(definition: dict, situation: dict | None, optional=None, *, partial=False):
    """(situation answers, selection, merged form or None, errors). Errors are keyed situation.<q>,
    optional, members."""
    answers, errors = clean_situation(definition, situation, partial=partial)
    errors = {f"situation.{k}": v for k, v in errors.items()}
    selection, choice_errors = choose(definition, answers, optional)
    errors.update(choice_errors)
    merged = merge(definition, selection) if selection.members else None
    return answers, selection, merged, errors
