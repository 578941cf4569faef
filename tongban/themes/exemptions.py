"""免提交 in a theme: which of the one set of materials the government already holds.

A member's material that the base registries or the e-licence library stand for (免证办, issue 5:
tongban/cases/materials.py) is not asked of the applicant — in a theme as in a single matter.
The sub-cases do not exist until the one application is submitted, so each chosen member is *probed*
as the draft it would become (intake.would_be_case with the journey's answers): its department reads
under its own grant for its own matter, logged with the joint case's reference (as the form's
prefill is, prefill.py). The findings are kept with the journey (`known`), reused while the holder is
the same, and recorded on each sub-case when it is created, so filing reads nothing again.

The merged list follows: an applicant's material is uploaded unless every member that needs it has
it supplied; a material the guide marks 免提交 or 政府部门核发 must be uploaded after all when a source
says the applicant has to provide it (a revoked or expired licence), with the reason.
"""

from dataclasses import dataclass, field

from tongban.cases import materials
from tongban.cases.materials import Outcome
from tongban.cases.services import intake
from tongban.catalog.models import Implementation
from tongban.themes.merge import MergedForm, MergedMaterial
from tongban.themes.selection import Selection


@dataclass
class MaterialRow:
    """One line of the one set of materials, as this applicant meets it."""

    material: MergedMaterial
    upload: bool                                            # the applicant uploads it
    supplied: list[str] = field(default_factory=list)       # how the sources stood for it (notes)
    problems: list[str] = field(default_factory=list)       # why a source could not, when asked to upload

    @property
    def key(self) -> str:
        return self.material.key

    @property
    def name(self) -> str:
        return self.material.name

    @property
    def required(self) -> bool:
        return self.material.required

    @property
    def exempt(self) -> bool:
        return not self.upload and bool(self.supplied)


def probe_members(actor, merged: MergedForm, selection: Selection, answers: dict, *, ref: str,
                  known: dict | None = None) -> dict[str, Outcome]:
    """{member code: what the sources say of its materials}, for an applicant who is logged in."""
    if merged is None or not getattr(actor, "is_authenticated", False):
        return {}
    known = known or {}
    per_member = merged.member_answers(answers)
    out = {}
    for m in selection.members:
        implementation = Implementation.objects.select_related("department__division", "matter").get(
            pk=m["implementation_id"])
        would_be = intake.would_be_case(actor, implementation, per_member.get(m["code"], {}), uid=ref)
        out[m["code"]] = materials.probe(actor, would_be, known.get(m["code"], []))
    return out


def kept(outcomes: dict[str, Outcome]) -> dict[str, list[dict]]:
    """The findings to keep with the journey (JSON)."""
    return {code: outcome.as_data() for code, outcome in outcomes.items()}


def restored(found: dict | None) -> dict[str, Outcome]:
    return {code: Outcome.from_data(data) for code, data in (found or {}).items()}


def material_rows(merged: MergedForm, outcomes: dict[str, Outcome]) -> list[MaterialRow]:
    rows = []
    for mm in merged.materials:
        if mm.provided_by:  # comes with a prerequisite's result
            rows.append(MaterialRow(mm, upload=False))
            continue
        supplied, problems, every_part_supplied = [], [], True
        for code, material_id in mm.parts:
            outcome = outcomes.get(code) or Outcome()
            stood = outcome.satisfied(material_id)
            supplied += [c.note for c in stood]
            problems += [c.note for c in outcome.problems(material_id)]
            every_part_supplied = every_part_supplied and bool(stood)
        # A source that asks the applicant (a revoked licence) makes even a 免提交 material an upload.
        upload = (mm.upload and not every_part_supplied) or bool(problems)
        rows.append(MaterialRow(mm, upload=upload, supplied=list(dict.fromkeys(supplied)),
                                problems=list(dict.fromkeys(problems))))
    return rows
