"""The application form and the applicant: what an account fills in by itself, and who the case's
applicant is by what the form declares. Shared by every way a case is filed (a draft, the API's one
insert, a joint case's members)."""

from tongban.cases.models import ApplicantKind
from tongban.forms.defaults import effective_form

PREFILL = {
    "applicant.name": lambda u: u.display_name,
    "applicant.id_number": lambda u: u.id_number,
    "applicant.phone": lambda u: u.phone,
    "applicant.email": lambda u: u.email,
}


def prefill_from_account(spec, user) -> dict:
    """Answers the account itself holds (name, ID number, phone, mail) for fields that ask for them."""
    answers = {}
    if user is None:
        return answers
    for field in spec:
        source = field.get("prefill")
        if source in PREFILL and PREFILL[source](user):
            answers[field["key"]] = PREFILL[source](user)
    return answers


def applicant_snapshot(case, answers: dict, spec=None) -> None:
    """Name, ID and phone on the case row come from the form (what the applicant declared)."""
    declared = {}
    for field in effective_form(case.matter_version) if spec is None else spec:
        source, value = field.get("prefill"), answers.get(field.get("key"))
        if source and value and source not in declared:
            declared[source] = str(value)
    if declared.get("organisation.name"):
        case.applicant_kind = ApplicantKind.ORGANISATION
        case.applicant_name = declared["organisation.name"][:200]
        case.applicant_id_number = declared.get("organisation.credit_code", "")[:18]
        case.agent_name = declared.get("applicant.name", "")[:60]
    else:
        case.applicant_kind = ApplicantKind.PERSON
        case.applicant_name = declared.get("applicant.name", case.applicant_name)[:200]
        case.applicant_id_number = declared.get("applicant.id_number", case.applicant_id_number)[:18]
    case.applicant_phone = declared.get("applicant.phone", case.applicant_phone)[:20]
