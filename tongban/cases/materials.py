"""免提交 (免证办): who else can stand for a case's materials — a hook the sources plug into.

A material the government already holds is taken from where it is held instead of asking the
applicant (docs/domain.md §3; 国务院《关于加快推进政务服务“跨省通办”的指导意见》: 能通过电子证照、数据共享
获取的材料不再要求申请人提交). Two sources exist: the base registries (tongban.registries, below this
app) and the e-licence library (tongban.licences, above it). cases may not import licences, so each
source registers a *provider* here — `register(key, provider)` — and intake asks them all through
`check(case)`; licences registers its own from LicencesConfig.ready(), the registries one is
registered below.

A provider is `provider(actor, case) -> iterable of Check`: one per material it looked at, whether it
could stand for it or not. It records what it did on the case and in the access log itself.

A case not filed yet — a member of a theme journey (一件事), whose sub-cases exist only once the one
application is submitted — is *probed*: `probe(actor, would_be, known)` asks the sources that can
(registered with `probe=` and `adopt=`) about an unsaved case whose uid is the reference the reads
are logged with. Nothing is recorded on a case; each Check carries its finding as `data` (JSON), which
the caller keeps, hands back as `known` (a finding for the same holder is not read again) and, once
the case exists, passes to `adopt(case, found)` so that checking the case reads nothing a second time.
"""

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, fields, replace

from tongban.cases.models import FileKind
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
    data: dict | None = None  # a probe's finding (JSON), for adopt() and the next probe
    provider: str = ""  # the key the source registered with (set by check/probe)

    def as_data(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "evidence"}

    @classmethod
    def from_data(cls, data: dict) -> "Check":
        names = {f.name for f in fields(cls)} - {"evidence"}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Outcome:
    """What the sources said about each material of one case."""

    checks: dict[int, list[Check]] = field(default_factory=dict)

    def add(self, check: Check) -> None:
        self.checks.setdefault(check.material_id, []).append(check)

    def as_data(self) -> list[dict]:
        """The findings of a probe, to keep (e.g. in a journey's draft) until the case exists."""
        return [c.as_data() for checks in self.checks.values() for c in checks]

    @classmethod
    def from_data(cls, found: Iterable[dict]) -> "Outcome":
        outcome = cls()
        for data in found or []:
            outcome.add(Check.from_data(data))
        return outcome

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
        """Every source that stood for the material (the 电子证照库 and the 法人库 may both).
        `material`: the Material, or its id (a theme's merged list knows only ids)."""
        return [c for c in self.checks.get(getattr(material, "pk", material), []) if c.satisfied]

    def satisfied_by(self, material) -> Check | None:
        return next(iter(self.satisfied(material)), None)

    def problems(self, material) -> list[Check]:
        """Why a source could not stand for the material, when the applicant must now provide it.
        `material`: the Material, or its id."""
        pk = getattr(material, "pk", material)
        if pk in self.supplied:
            return []
        return [c for c in self.checks.get(pk, []) if c.ask_applicant]


Provider = Callable[[object, object], Iterable[Check]]
Prober = Callable[[object, object, list[dict]], Iterable[Check]]  # (actor, would-be case, known findings)
Adopter = Callable[[object, list[dict]], None]  # (new case, findings of its probe)


@dataclass(frozen=True)
class Source:
    provider: Provider
    probe: Prober | None = None
    adopt: Adopter | None = None


_providers: dict[str, Source] = {}


def register(key: str, provider: Provider, *, probe: Prober | None = None, adopt: Adopter | None = None) -> None:
    """Add (or replace, by key) a source of materials. Sources are asked in registration order."""
    _providers[key] = Source(provider, probe, adopt)


def check(case, actor=None) -> Outcome:
    """Ask every source about the case's materials. The actor defaults to whoever fills the case in:
    the clerk of a window registration, else the applicant (reads are logged in their name)."""
    outcome = Outcome()
    if case.pk is None:
        return outcome  # a probe of a matter's materials, not a case: nothing to look up
    if actor is None:
        actor = case.registered_by if case.registered_by_id else case.applicant
    for key, source in list(_providers.items()):
        for c in source.provider(actor, case):
            outcome.add(replace(c, provider=key))
    return outcome


def probe(actor, would_be, known: Iterable[dict] = ()) -> Outcome:
    """Ask the sources about a case not filed yet (unsaved, its uid the reference its reads are logged
    with). `known`: findings of an earlier probe of the same would-be case (Outcome.as_data)."""
    known = list(known or [])
    outcome = Outcome()
    for key, source in list(_providers.items()):
        if source.probe is None:
            continue
        for c in source.probe(actor, would_be, [k for k in known if k.get("provider") == key]):
            outcome.add(replace(c, provider=key))
    return outcome


def adopt(case, found: Iterable[dict]) -> None:
    """Record on a case just created what the probe of its would-be self found (same holder, same
    reads): checking it afterwards reads nothing again. A source that finds the holder changed since
    simply looks again."""
    found = list(found or [])
    for key, source in list(_providers.items()):
        mine = [f for f in found if f.get("provider") == key and f.get("data")]
        if source.adopt is not None and mine:
            source.adopt(case, mine)


# -- the base registries (below us: imported directly) ----------------------------------------------

def _registries(actor, case) -> list[Check]:
    from tongban.registries.exemptions import materials_checked

    # A registry that cannot confirm a 免提交 material leaves it to the department, as before:
    # the registries never ask the applicant for more (ask_applicant stays False).
    return [Check(material.pk, evidence.satisfied, evidence.note, evidence.resource.name, evidence=evidence)
            for material, evidence in materials_checked(actor, case)]


def _registries_probe(actor, would_be, known: list[dict]) -> list[Check]:
    from tongban.registries.exemptions import materials_probed

    return [Check(material.pk, data["satisfied"], data["note"], data["resource_name"], data=data)
            for material, data in materials_probed(actor, would_be, [k["data"] for k in known if k.get("data")])]


def _registries_adopt(case, found: list[dict]) -> None:
    from tongban.registries.exemptions import adopt_findings

    adopt_findings(case, [f["data"] for f in found])


register("registries", _registries, probe=_registries_probe, adopt=_registries_adopt)

__all__ = ["Check", "Outcome", "adopt", "check", "probe", "register"]


# -- the case's materials, as the applicant, the window and the approver see them ----------------

def required_uploads(case, checks: Outcome | None = None) -> list:
    """Materials the applicant must upload: required, from the applicant (免提交 ones are fetched),
    plus those a source could not supply after all (e.g. a revoked licence). `checks`: the case's
    check() when the caller already has it (a page showing both asks the sources once)."""
    checks = check(case) if checks is None else checks
    return [m for m in case.matter_version.materials.all() if m.required and checks.from_applicant(m)]


def missing_materials(case, *, excused=(), checks: Outcome | None = None) -> list:
    """Required uploads not handed in (nor `excused`: supplied later by a joint case's prerequisite)."""
    have = set(case.files.filter(replaced_at__isnull=True, kind=FileKind.MATERIAL)
               .values_list("material_id", flat=True))
    return [m for m in required_uploads(case, checks) if m.pk not in have and m.pk not in excused]
