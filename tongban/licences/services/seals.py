"""Department seals (电子印章): create, rotate, and sign with the active one.

Rotation (e.g. yearly, or when a key may be exposed) makes a new key pair active at once and retires
the old seal: it signs nothing more but stays published, so the licences it sealed keep verifying.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department
from tongban.core import sm
from tongban.core.services import audit
from tongban.licences.keystore import decrypt_private_key, encrypt_private_key
from tongban.licences.models import Seal, SealStatus
from tongban.org.models import Department


def _key_id(public_hex: str) -> str:
    # A fingerprint of the public key: short enough for a QR code, the same wherever it is published.
    return sm.sm3_hex(bytes.fromhex(public_hex))[:16]


def require_seal_manager(actor, department: Department) -> None:
    """Seals are managed by platform administrators (平台管理员); the platform itself may create one."""
    if actor is None or isinstance(actor, str):
        return  # the system (first issue of a department, demo loader)
    if getattr(actor, "is_superuser", False) or can_act_for_department(actor, Role.ADMIN, department):
        return
    raise PermissionDenied("只有平台管理员可以管理电子印章。")


def _new_seal(actor, department: Department, now) -> Seal:
    keys = sm.generate_keypair()
    key_id = _key_id(keys.public_hex)
    return Seal.objects.create(
        department=department, key_id=key_id, name=f"{department.name}电子证照专用章",
        public_key=keys.public_hex, private_key_encrypted=encrypt_private_key(keys.private_hex, key_id),
        status=SealStatus.ACTIVE, valid_from=now,
        created_by=actor if getattr(actor, "is_authenticated", False) else None)


@transaction.atomic
def create_seal(actor, department: Department) -> Seal:
    require_seal_manager(actor, department)
    Department.objects.select_for_update().get(pk=department.pk)  # one creator at a time per department
    if Seal.objects.filter(department=department, status=SealStatus.ACTIVE).exists():
        raise ValidationError(f"{department.name}已有在用的电子印章，请使用“轮换”更换密钥。")
    seal = _new_seal(actor, department, timezone.now())
    audit(actor, "licences.seal.create", seal, f"{department.name} 启用电子印章 {seal.key_id}",
          {"key_id": seal.key_id, "public_key": seal.public_key})
    return seal


@transaction.atomic
def rotate_seal(actor, department: Department, *, reason: str = "") -> Seal:
    require_seal_manager(actor, department)
    if not reason.strip():
        raise ValidationError({"reason": "请写明轮换原因（如年度轮换、密钥可能泄露）"})
    Department.objects.select_for_update().get(pk=department.pk)
    now = timezone.now()
    old = Seal.objects.filter(department=department, status=SealStatus.ACTIVE).first()
    if old is not None:
        old.status, old.valid_until = SealStatus.RETIRED, now
        old.save(update_fields=["status", "valid_until"])
    seal = _new_seal(actor, department, now)
    audit(actor, "licences.seal.rotate", seal, f"{department.name} 轮换电子印章 {old.key_id if old else '—'} → {seal.key_id}",
          {"old_key_id": old.key_id if old else "", "key_id": seal.key_id, "reason": reason.strip()})
    return seal


def active_seal(department: Department, *, create: bool = True, actor=None) -> Seal:
    """The department's seal in service. A department that issues its first licence gets one made,
    audited as such (the platform administrator can rotate it afterwards)."""
    seal = Seal.objects.filter(department=department, status=SealStatus.ACTIVE).first()
    if seal is None and create:
        with transaction.atomic():
            Department.objects.select_for_update().get(pk=department.pk)
            seal = Seal.objects.filter(department=department, status=SealStatus.ACTIVE).first()
            if seal is None:
                seal = _new_seal(None, department, timezone.now())
                audit(actor or "电子证照系统", "licences.seal.create", seal,
                      f"{department.name} 首次签发证照，自动启用电子印章 {seal.key_id}",
                      {"key_id": seal.key_id, "public_key": seal.public_key})
    if seal is None:
        raise ValidationError(f"{department.name}尚未启用电子印章。")
    return seal


def sign_with(seal: Seal, message: bytes) -> bytes:
    if seal.status != SealStatus.ACTIVE:
        raise ValidationError(f"电子印章 {seal.key_id} 已停用，不能再签章。")
    private_hex = decrypt_private_key(seal.private_key_encrypted, seal.key_id)
    return sm.sign(private_hex, seal.public_key, message)
