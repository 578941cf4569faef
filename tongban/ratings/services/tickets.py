"""“办不成事”反映: anyone — logged in or not — reports a thing they could not get done; the
政务服务管理局's window (督办人员) assigns it to a department, which answers within the time limit;
督办 closes it or sends it back. Handled like a 12345 work order (docs/domain.md §8), one history line
per step, the reporter told by SMS and able to follow it through a signed link.
"""

import re

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tongban.accounts.models import Role
from tongban.accounts.selectors import can_act_for_department, departments_in_scope, holders
from tongban.catalog.models import Matter
from tongban.core.actors import as_user
from tongban.core.serials import next_daily
from tongban.core.validators import is_valid_mobile
from tongban.notify.services import notify
from tongban.org.models import Department, Division, ServiceSite
from tongban.ratings.models import CannotDoTicket, TicketEvent, TicketStatus
from tongban.ratings.process import TICKETS
from tongban.ratings.services.common import history
from tongban.workflow import clock, engine, selectors, services

_SALT = "tongban.ratings.ticket"
LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")


def status_token(number: str) -> str:
    return signing.Signer(salt=_SALT).sign(number).split(":", 1)[1]


def check_token(number: str, token: str) -> bool:
    try:
        signing.Signer(salt=_SALT).unsign(f"{number}:{token}")
    except signing.BadSignature:
        return False
    return True


def status_path(ticket: CannotDoTicket) -> str:
    return f"/cannot-do/{ticket.number}/{status_token(ticket.number)}/"


def _next_number() -> str:
    day, last = next_daily("ticket")
    return f"BCS{day:%Y%m%d}{last:04d}"


def _record(ticket, actor, action: str, label: str, *, comment: str = "", public: bool = True) -> TicketEvent:
    return history(TicketEvent, "ticket", ticket, actor, action, label, comment=comment, public=public,
                   audit_action=f"ratings.ticket.{action}", object_id=ticket.number)


def _root_division() -> Division | None:
    return Division.objects.filter(parent__isnull=True).order_by("level", "code").first()


@transaction.atomic
def report(actor, *, matter_text: str, description: str, contact_name: str, contact_phone: str,
           matter: Matter | None = None, site: ServiceSite | None = None, place_text: str = "") -> CannotDoTicket:
    errors = {}
    matter_text = (matter_text or "").strip() or (matter.name if matter else "")
    description, place_text = (description or "").strip(), (place_text or "").strip()
    contact_name, contact_phone = (contact_name or "").strip(), (contact_phone or "").strip().replace(" ", "")
    if not matter_text:
        errors["matter_text"] = "请填写您想办的事"
    elif len(matter_text) > 200:
        errors["matter_text"] = "想办的事不能超过200字"
    if not description:
        errors["description"] = "请写一写遇到了什么问题"
    elif len(description) > 2000:
        errors["description"] = f"遇到的问题不能超过2000字（现有{len(description)}字）"
    if len(place_text) > 200:
        errors["place_text"] = "地点说明不能超过200字"
    if not contact_name:
        errors["contact_name"] = "请填写联系人姓名"
    elif len(contact_name) > 60:
        errors["contact_name"] = "联系人姓名不能超过60字"
    if not contact_phone:
        errors["contact_phone"] = "请填写联系电话，以便我们联系您"
    elif not (is_valid_mobile(contact_phone) or LANDLINE.fullmatch(contact_phone)):
        errors["contact_phone"] = "联系电话格式不正确（手机号11位，或区号-座机号）"
    division = site.division if site else _root_division()
    if division is None:
        errors["__all__"] = "平台尚未设置行政区划，暂不能受理反映"
    if errors:
        raise ValidationError(errors)
    version = current_version()
    now = timezone.now()
    due, provisional = clock.due_and_provisional(version.sla_unit, version.sla_value, start=now)
    ticket = CannotDoTicket.objects.create(
        workflow=version, state=selectors.graph(version.pk).start, number=_next_number(), matter=matter, matter_text=matter_text, site=site, place_text=place_text,
        description=description, contact_name=contact_name, contact_phone=contact_phone,
        reporter=as_user(actor), division=division, created_at=now,
        due_on=due or timezone.localdate(now), due_provisional=provisional)
    _record(ticket, actor if as_user(actor) else contact_name, "report", "提交反映", comment=description)
    guess = "（暂估，以次年节假日安排公布后为准）" if provisional else ""
    notify(user=as_user(actor), phone=contact_phone, subject="“办不成事”反映已收到",
           body=f"编号 {ticket.number}，我们将在 {ticket.due_on:%m月%d日}{guess} 前答复您。", channels=("sms",),
           reference=ticket.number, link=status_path(ticket))
    return ticket


def refresh_provisional(ticket: CannotDoTicket) -> bool:
    """Count a provisional answer limit again from the report's time (the sweep, once the calendar
    knows the year, docs/domain.md §4.2); True when it is no longer provisional."""
    with transaction.atomic():
        ticket = _lock(ticket)
        if not (ticket.is_open and ticket.due_provisional):
            return False
        due, provisional = clock.due_and_provisional(ticket.workflow.sla_unit, ticket.workflow.sla_value,
                                                     start=ticket.created_at)
        if provisional or due is None:
            return False
        ticket.due_on, ticket.due_provisional = due, False
        ticket.save(update_fields=["due_on", "due_provisional"])
        return True


def current_version():
    """The process new reports start on (installed on first use: tests flush tables)."""
    process = selectors.default_process("cannot_do")
    version = selectors.current_version(process.code) if process else None
    return version or selectors.current_version(TICKETS.code) or services.install(TICKETS)


def _advance(ticket: CannotDoTicket, action: str, role: str) -> None:
    """Move the report along its process (the caller has checked the actor's scope for `role`)."""
    engine.advance(ticket, action, roles=[role], status_field="status",
                   refusal=f"该反映当前为“{ticket.get_status_display()}”，不能执行该操作。")


def _lock(ticket) -> CannotDoTicket:
    return CannotDoTicket.objects.select_for_update().get(pk=ticket.pk)


def _require_supervisor(actor, ticket: CannotDoTicket) -> None:
    supervised = departments_in_scope(actor, Role.SUPERVISOR)
    covers = supervised.filter(pk=ticket.department_id).exists() if ticket.department_id \
        else supervised.filter(division=ticket.division).exists()
    if not covers:
        raise PermissionDenied("只有督办人员（“办不成事”反映窗口）可以分派和办结反映。")


@transaction.atomic
def assign(actor, ticket: CannotDoTicket, *, department: Department | None, assignee=None,
           comment: str = "") -> CannotDoTicket:
    ticket = _lock(ticket)
    _require_supervisor(actor, ticket)
    if ticket.status == TicketStatus.CLOSED:
        raise ValidationError("该反映已办结。")
    if department is None:
        raise ValidationError({"department": "请选择承办部门"})
    if not departments_in_scope(actor, Role.SUPERVISOR).filter(pk=department.pk).exists():
        raise ValidationError({"department": "承办部门不在您的督办范围内"})
    if assignee is not None and not can_act_for_department(assignee, Role.APPROVER, department):
        raise ValidationError({"assignee": f"承办人应为{department.name}的工作人员"})
    _advance(ticket, "assign", Role.SUPERVISOR)
    ticket.department, ticket.assignee = department, assignee
    ticket.save(update_fields=["department", "assignee", "status", "state"])
    _record(ticket, actor, "assign", f"分派至{department.name}" + (f"（{assignee}）" if assignee else ""),
            comment=(comment or "").strip(), public=False)
    _record(ticket, actor, "assign_public", "已转承办部门办理")
    for user in ([assignee] if assignee else holders(Role.APPROVER, department=department)):
        notify(user=user, subject=f"“办不成事”反映待办理：{ticket.number}", channels=("site", "sms"),
               body=f"「{ticket.matter_text}」，请于 {ticket.due_on:%m月%d日} 前答复。",
               reference=ticket.number, link=f"/ratings/tickets/{ticket.number}/")
    return ticket


@transaction.atomic
def answer(actor, ticket: CannotDoTicket, *, text: str) -> CannotDoTicket:
    ticket = _lock(ticket)
    if ticket.status != TicketStatus.ASSIGNED or ticket.department is None:
        raise ValidationError(f"该反映当前为“{ticket.get_status_display()}”，不能答复。")
    if not can_act_for_department(actor, Role.APPROVER, ticket.department):
        raise PermissionDenied(f"只有{ticket.department.name}的工作人员可以答复该反映。")
    text = (text or "").strip()
    if not text:
        raise ValidationError({"answer": "请填写答复内容"})
    if len(text) > 2000:
        raise ValidationError({"answer": "答复内容不能超过2000字"})
    now = timezone.now()
    if timezone.localdate(now) > ticket.due_on:
        ticket.late = True
    _advance(ticket, "answer", Role.APPROVER)
    ticket.answer, ticket.answered_at = text, now
    ticket.assignee = ticket.assignee or actor
    ticket.save(update_fields=["answer", "answered_at", "status", "state", "late", "assignee"])
    _record(ticket, actor, "answer", "部门答复", comment=text)
    notify(user=ticket.reporter, phone=ticket.contact_phone, subject="“办不成事”反映已答复",
           body=f"编号 {ticket.number}：{text[:120]}", channels=("site", "sms"), reference=ticket.number,
           link=status_path(ticket))
    return ticket


@transaction.atomic
def close(actor, ticket: CannotDoTicket, *, accept: bool, comment: str = "") -> CannotDoTicket:
    """督办 closes an answered ticket, or sends it back to the department (reason required)."""
    ticket = _lock(ticket)
    _require_supervisor(actor, ticket)
    if ticket.status != TicketStatus.ANSWERED:
        raise ValidationError(f"该反映当前为“{ticket.get_status_display()}”，答复后才能办结。")
    comment = (comment or "").strip()
    if accept:
        _advance(ticket, "close", Role.SUPERVISOR)
        ticket.closed_at = timezone.now()
        ticket.save(update_fields=["status", "state", "closed_at"])
        _record(ticket, actor, "close", "已办结", comment=comment)
    else:
        if not comment:
            raise ValidationError({"comment": "退回时请写明理由"})
        _advance(ticket, "send_back", Role.SUPERVISOR)
        ticket.save(update_fields=["status", "state"])
        _record(ticket, actor, "send_back", "答复不到位，退回部门重办", comment=comment, public=False)
    return ticket


@transaction.atomic
def escalate(ticket: CannotDoTicket) -> bool:
    ticket = _lock(ticket)
    if not ticket.overdue or ticket.escalated_at:
        return False
    ticket.late, ticket.escalated_at = True, timezone.now()
    ticket.save(update_fields=["late", "escalated_at"])
    _record(ticket, "系统", "escalate", "超过办理期限，已提醒督办", public=False)
    if ticket.department_id:
        people = holders(Role.SUPERVISOR, department=ticket.department_id)
    else:
        people = holders(Role.SUPERVISOR, division=ticket.division_id)
    for user in people:
        notify(user=user, subject=f"“办不成事”反映超期：{ticket.number}", channels=("site", "sms"),
               body=f"「{ticket.matter_text}」已超过办理期限 {ticket.due_on:%Y-%m-%d}。",
               reference=ticket.number, link=f"/ratings/tickets/{ticket.number}/")
    return True
