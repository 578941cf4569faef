"""Licence types are data: created and updated by administrators (admin) or loaders, validated, audited."""

from django.db import transaction

from tongban.core.services import audit
from tongban.licences.models import LicenceType

FIELDS = ("name", "issuing_department", "result_names", "holder_kind", "fields", "validity_years", "active")


@transaction.atomic
def save_licence_type(actor, *, code: str, **values) -> tuple[LicenceType, bool]:
    """Create the type `code` or update it with `values`; (type, changed). Unknown keys are refused."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown licence type fields: {', '.join(sorted(unknown))}")
    licence_type = LicenceType.objects.select_for_update().filter(code=code).first()
    created = licence_type is None
    licence_type = licence_type or LicenceType(code=code)
    before = {k: getattr(licence_type, k) for k in FIELDS} if not created else {}
    for key, value in values.items():
        setattr(licence_type, key, value)
    if not created and before == {k: getattr(licence_type, k) for k in FIELDS}:
        return licence_type, False
    licence_type.full_clean()
    licence_type.save()
    audit(actor, "licences.type.create" if created else "licences.type.update", licence_type,
          f"{'新增' if created else '修改'}证照类型 {code} {licence_type.name}", object_id=code)
    return licence_type, True
