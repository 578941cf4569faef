"""实名核验（三级）at the 综合窗口 (/desk/identity/): the clerk, with the person and their 居民身份证 in
front of them, finds the person's account and records the in-person check (accounts.identity).

Every request that carries an ID number is a POST, so full numbers never reach URLs or access logs.
A successful check redirects (the page can be reloaded safely) with a message naming the account.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from tongban.accounts.identity import (
    accounts_for_in_person_check,
    clerk_divisions,
    in_person_checks_for,
    verify_in_person,
)
from tongban.accounts.models import AssuranceLevel, Role
from tongban.accounts.user_selectors import user_by_id
from tongban.cases.views.staff import render_staff, split_errors, staff_page
from tongban.core.masking import mask_id_number, mask_phone
from tongban.core.validators import validate_id_number

TEMPLATE = "cases/staff/desk_identity.html"


def _candidates(id_number: str, login: str) -> list[dict]:
    return [{"user": u, "masked_id": mask_id_number(u.id_number or ""), "masked_phone": mask_phone(u.phone or ""),
             "id_differs": bool(u.id_number) and u.id_number != id_number,
             "is_level3": u.identity_level >= AssuranceLevel.IN_PERSON}
            for u in accounts_for_in_person_check(id_number=id_number, login=login)]


def _context(request, **extra) -> dict:
    divisions = clerk_divisions(request.user)
    context = {"divisions": divisions, "lookup": {}, "lookup_errors": {}, "candidates": None, "errors": {},
               "general": [], "verify": {}, "chosen_user": None,
               "recent": [{"v": v, "masked_id": mask_id_number(v.id_number)}
                          for v in in_person_checks_for(request.user)]}
    context.update(extra)
    return context


def _lookup(post) -> tuple[dict, dict, list | None]:
    lookup = {"id_number": post.get("id_number", "").strip().upper(), "login": post.get("login", "").strip()}
    errors = {}
    try:
        validate_id_number(lookup["id_number"])
    except ValidationError as exc:
        errors["id_number"] = exc.messages[0] if lookup["id_number"] else "请填写居民身份证上的“证件号码”"
    if errors:
        return lookup, errors, None
    return lookup, errors, _candidates(lookup["id_number"], lookup["login"])


@require_http_methods(["GET", "POST"])
@staff_page(role=Role.CLERK)
def identity(request):
    if request.method == "GET":
        return render_staff(request, TEMPLATE, _context(request))
    post = request.POST
    lookup, lookup_errors, candidates = _lookup(post)
    if post.get("action") != "verify" or lookup_errors:
        return render_staff(request, TEMPLATE, _context(request, lookup=lookup, lookup_errors=lookup_errors,
                                                        candidates=candidates),
                            status=422 if lookup_errors else 200)
    verify = {"user": post.get("user", ""), "name": post.get("name", "").strip(),
              "division": post.get("division", ""), "card_checked": post.get("card_checked") == "on"}
    # Only an account the lookup above finds may be verified: a tampered user id changes nothing.
    person = next((c["user"] for c in candidates if str(c["user"].pk) == verify["user"]), None)
    division = next((d for d in clerk_divisions(request.user) if str(d.pk) == verify["division"]), None)
    try:
        if person is None:
            raise ValidationError("请先查找并选择要核验的账户。")
        if division is None and verify["division"]:
            raise PermissionDenied("所选“核验区划”不是您所在窗口的区划。")
        verify_in_person(request.user, person, id_number=lookup["id_number"], name=verify["name"],
                         division=division, card_checked=verify["card_checked"])
    except ValidationError as exc:
        errors, general = split_errors(exc)
        return render_staff(request, TEMPLATE, _context(request, lookup=lookup, candidates=candidates, verify=verify,
                                                        errors=errors, general=general, chosen_user=person),
                            status=422)
    except PermissionDenied as exc:
        return render_staff(request, TEMPLATE, _context(request, lookup=lookup, candidates=candidates, verify=verify,
                                                        general=[str(exc)], chosen_user=person), status=403)
    person = user_by_id(person.pk)  # as verify_in_person left it
    messages.success(request, f"已为 {person.display_name}（账号 {person.username}，证件 {mask_id_number(person.id_number)}）"
                              f"记录窗口当面核验，实名等级：{person.get_identity_level_display()}。")
    return redirect("staff-desk-identity")


__all__ = ["identity"]
