"""Why a registry is read: the case (办件) — its number, matter, handling department and parties.

The registries sit below the cases app (layers in pyproject.toml), so they never import a case.
A caller that holds a case builds the purpose with `Purpose.of_case(case)` (the case is read by its
attributes only). To turn a case number typed into the API into a purpose, the composition root
(tongban/api.py) installs a *case directory* with `use_case_directory()`; without one, no case
number resolves and every such read is refused.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tongban.core.validators import is_valid_credit_code, is_valid_id_number
from tongban.registries.models import AccessLog


@dataclass(frozen=True)
class Purpose:
    kind: str  # AccessLog.Purpose
    matter: object | None = None  # catalog Matter
    department: object | None = None  # org Department: the consumer
    case_number: str = ""
    case_ref: str = ""  # the case's uid: stable from the draft on
    applicant_id: int | None = None
    # Identifiers the case names (applicant, organisation, persons in the form): who may be looked up.
    parties: frozenset = field(default_factory=frozenset)

    @classmethod
    def of_case(cls, case, kind: str = AccessLog.Purpose.CASE) -> "Purpose":
        return cls(kind=kind, matter=case.implementation.matter, department=case.department,
                   case_number=case.number or "", case_ref=str(case.uid), applicant_id=case.applicant_id,
                   parties=frozenset(case_parties(case)))

    @property
    def matter_name(self) -> str:
        return getattr(self.matter, "name", "") or ""


def case_parties(case) -> set[str]:
    """Every 公民身份号码 and 统一社会信用代码 the case declares: on the case row, on the applicant's
    account, and in the answers of the form (e.g. the mother and father of a newborn)."""
    found = {case.applicant_id_number or ""}
    applicant = case.applicant if case.applicant_id else None
    if applicant is not None:
        found.add(applicant.id_number or "")
    for value in (case.answers or {}).values():
        if isinstance(value, str) and len(value) == 18:
            found.add(value.strip().upper())
    return {v.upper() for v in found if v and (is_valid_id_number(v) or is_valid_credit_code(v))}


# -- the case directory (installed by the composition root) ---------------------------------------------

_directory: dict[str, Callable] = {}


def use_case_directory(*, by_number: Callable[[str], object | None],
                       numbers: Callable[[Iterable[str]], dict[str, str]]) -> None:
    """`by_number(number)` → the case or None; `numbers(uids)` → {uid: case number} of submitted ones."""
    _directory["by_number"] = by_number
    _directory["numbers"] = numbers


def purpose_for_case_number(number: str) -> Purpose | None:
    lookup = _directory.get("by_number")
    case = lookup(number) if lookup and number else None
    return Purpose.of_case(case) if case is not None else None


def case_numbers(refs: Iterable[str]) -> dict[str, str]:
    """The numbers of cases that were drafts when the registry was read (shown on 谁用了我的数据)."""
    refs = [r for r in refs if r]
    lookup = _directory.get("numbers")
    return lookup(refs) if lookup and refs else {}
