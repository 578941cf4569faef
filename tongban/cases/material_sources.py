"""免提交 (免证办): who else can stand for a case's materials — a hook the sources plug into.

A material the government already holds is taken from where it is held instead of asking the
applicant (domain.md §3; 国务院《关于加快推进政务服务“跨省通办”的指导意见》: 能通过电子证照、数据共享
获取的材料不再要求申请人提交). Two sources exist: the base registries (tongban.registries, below this
app) and the e-licence library (tongban.licences, above it). cases may not import licences, so each
source registers a *provider* here — `register(key, provider)` — and intake asks them all through
`check(case)`; licences registers its own from LicencesConfig.ready(), the registries one is
registered below.

A provider is `provider(actor, case) -> iterable of Check`: one per material it looked at, whether it
could stand for it or not. It records what it did on the case and in the access log itself.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tongban.catalog.codes import MaterialSource


@dataclass(frozen=True)
class Check:
    material_id: int
    satisfied: bool
    note: str  # Chinese, shown to the applicant and the clerk, e.g. "已通过电子证照核验，免提交（证照编号 …）"
    source: str = ""  # where it was checked: "电子证照库", "人口基础信息库" …
    # Not satisfied, and the applicant must hand the material in instead (a revoked or expired
    # licence): asked for even when the guide marks it 免提交 or 政府部门核发.
    ask_applicant: bool = False
    evidence: object = None  # the provider's own record on the case


@dataclass
class Outcome:
    """What the sources said about each material of one case."""

    checks: dict[int, list[Check]] = field(default_factory=dict)

    @property
    def supplied(self) -> set[int]:
        return {pk for pk, checks in self.checks.items() if any(c.satisfied for c in checks)}

    @property
    def asked(self) -> set[int]:
        supplied = self.supplied
        return {pk for pk, checks in self.checks.items()
                if pk not in supplied and any(c.ask_applicant for c in checks)}

    def from_applicant(self, material) -> bool:
        """Does the applicant hand this material in (upload a scan, bring the paper)?"""
        if material.pk in self.supplied:
            return False
        return material.source == MaterialSource.APPLICANT or material.pk in self.asked

    def satisfied(self, material) -> list[Check]:
        """Every source that stood for the material (the 电子证照库 and the 法人库 may both)."""
        return [c for c in self.checks.get(material.pk, []) if c.satisfied]

    def satisfied_by(self, material) -> Check | None:
        return next(iter(self.satisfied(material)), None)

    def problems(self, material) -> list[Check]:
        """Why a source could not stand for the material, when the applicant must now provide it."""
        if material.pk in self.supplied:
            return []
        return [c for c in self.checks.get(material.pk, []) if c.ask_applicant]


Provider = Callable[[object, object], Iterable[Check]]
_providers: dict[str, Provider] = {}


def register(key: str, provider: Provider) -> None:
    """Add (or replace, by key) a source of materials. Providers are asked in registration order."""
    _providers[key] = provider


def check(case, actor=None) -> Outcome:
    """Ask every source about the case's materials. The actor defaults to whoever fills the case in:
    the clerk of a window registration, else the applicant (reads are logged in their name)."""
    outcome = Outcome()
    if case.pk is None:
        return outcome  # a probe of a matter's materials, not a case: nothing to look up
    if actor is None:
        actor = case.registered_by if case.registered_by_id else case.applicant
    for provider in list(_providers.values()):
        for c in provider(actor, case):
            outcome.checks.setdefault(c.material_id, []).append(c)
    return outcome


# -- the base registries (below us: imported directly) ----------------------------------------------

def _registries(actor, case) -> list[Check]:
    from tongban.registries.exemptions import materials_checked

    # A registry that cannot confirm a 免提交 material leaves it to the department, as before:
    # the registries never ask the applicant for more (ask_applicant stays False).
    return [Check(material.pk, evidence.satisfied, evidence.note, evidence.resource.name, evidence=evidence)
            for material, evidence in materials_checked(actor, case)]


register("registries", _registries)

__all__ = ["Check", "Outcome", "check", "register"]
