"""Rating pages: the link on the notice (QR) and in the SMS, the hall tablet a clerk opens for the
person at the window, and the form on which staff type in a rating given by phone.

The public page is made for a phone and for someone who rarely uses one: one question, five big
buttons with words, everything else optional, works without JavaScript, and after rating the same
link shows what became of the rating (the department's answer to a bad one).
"""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tongban.accounts.models import Role
from tongban.cases.models import BundlePhase
from tongban.cases.rating_links import joint_rating_path, rating_path
from tongban.cases.selectors import case_for_staff
from tongban.core.paging import CappedPaginator
from tongban.org.selectors import window_by_id
from tongban.ratings import selectors
from tongban.ratings.models import BAD_LEVELS, DUPLICATE_MESSAGE, RatingChannel
from tongban.ratings.services.joint import rate_joint
from tongban.ratings.services.rating import rate
from tongban.ratings.services.recording import RATEABLE_PHASES, indicators, mode_of, visit_handling
from tongban.ratings.views_common import errors_of, level_choices, render_staff, scores_from, staff_only

_PHONE_UA = re.compile(r"iPhone|iPod|Windows Phone|HarmonyOS|Android.+Mobile|Mobi", re.I)
KIOSK_WINDOW_KEY = "ratings_kiosk_window"


def _channel(request) -> str:
    via = request.GET.get("via") or request.POST.get("via") or ""
    if via == "sms":
        return RatingChannel.SMS
    if via == "web":  # from 我的办件 while logged in
        ua = request.META.get("HTTP_USER_AGENT", "")
        return RatingChannel.MOBILE if _PHONE_UA.search(ua) and "iPad" not in ua else RatingChannel.PC
    return RatingChannel.QR


def _form_context(case, handling_mode: str, post=None, errors=None) -> dict:
    post = post or {}
    return {
        "levels": level_choices(), "bad_levels": [int(v) for v in BAD_LEVELS],
        "indicators": [i for i in indicators(handling_mode) if not i.is_overall],
        "typed": {"level": str(post.get("level", "")), "comment": post.get("comment", ""),
                  "anonymous": bool(post.get("anonymous")), "scores": scores_from(post) if post else {}},
        "errors": errors or {},
    }


def _posted_rating(request, open_to_rate: bool, save) -> tuple:
    """(redirect, {}) once a posted rating is saved; (None, errors) otherwise — a second rating of the
    same handling is refused (one per handling, 国办发〔2019〕51号)."""
    if request.method != "POST":
        return None, {}
    if not open_to_rate:
        return None, {"__all__": _(DUPLICATE_MESSAGE)}
    try:
        save(level=request.POST.get("level"), channel=_channel(request), scores=scores_from(request.POST),
             comment=request.POST.get("comment", ""), anonymous=bool(request.POST.get("anonymous")))
    except ValidationError as exc:
        return None, errors_of(exc)
    messages.success(request, _("感谢您的评价！"))
    return redirect(request.get_full_path()), {}


def rate_page(request, token):
    bundle = selectors.bundle_from_token(token)
    if bundle is not None:
        return joint_rate_page(request, bundle)
    case = selectors.case_from_token(token)
    if case is None:
        raise Http404(_("评价链接无效，请扫描文书上的二维码或点击短信中的链接"))
    if case.bundle_id:  # a sub-case's own link (an older notice): its joint case is rated once, as a whole
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return redirect(joint_rating_path(case.bundle.number) + query)
    rating = selectors.case_rating(case)
    done, errors = _posted_rating(request, rating is None, lambda **answers: rate(request.user, case, **answers))
    if done:
        return done
    review = getattr(rating, "review", None) if rating and rating.is_bad else None
    context = {
        "case": case, "rating": rating, "review": review, "via": request.GET.get("via", ""),
        "can_rate": rating is None and case.phase in RATEABLE_PHASES,
        "history": selectors.public_history(review) if review else [],
        "general_error": errors.get("__all__", ""),
        **_form_context(case, mode_of(case), request.POST if errors else None, errors),
    }
    return render(request, "ratings/rate.html", context, status=422 if errors else 200)


def joint_rate_page(request, bundle):
    """一件事一次办: the joint case's one rating, covering every sub-case its departments handled."""
    cases = list(selectors.rateable_cases_of(bundle))
    rows = list(selectors.joint_ratings(bundle))
    done, errors = _posted_rating(request, not rows, lambda **answers: rate_joint(request.user, bundle, **answers))
    if done:
        return done
    answers = [{"rating": r, "review": r.review, "history": selectors.public_history(r.review)}
               for r in rows if r.is_bad and getattr(r, "review", None) is not None]
    context = {
        "bundle": bundle, "cases": cases, "rating": rows[0] if rows else None, "answers": answers,
        "via": request.GET.get("via", ""), "can_rate": not rows and bool(cases) and bundle.phase == BundlePhase.COMPLETED,
        "general_error": errors.get("__all__", ""),
        **_form_context(None, mode_of(cases[0]) if cases else "online", request.POST if errors else None, errors),
    }
    return render(request, "ratings/rate_joint.html", context, status=422 if errors else 200)


MY_RATINGS_PAGE = 20


@login_required
@require_GET
def my_ratings(request):
    page = CappedPaginator(selectors.my_ratings_list(request.user), MY_RATINGS_PAGE).get_page(request.GET.get("page"))
    ratings = list(page.object_list)
    for r in ratings:
        r.joint = bool(r.bundle_number)  # a joint case's one rating, however many departments it covers
        r.link = (joint_rating_path(r.bundle_number) if r.joint else rating_path(r.case.number)) + "?via=web"
    return render(request, "ratings/mine.html", {"ratings": ratings, "page": page})


# -- the hall tablet (政务大厅平板) -----------------------------------------------------------------

@staff_only(Role.CLERK)
def kiosk_start(request):
    """The clerk names the window and the case, then turns the tablet to the person."""
    windows = list(selectors.clerk_windows(request.user))
    errors, typed = {}, {"number": "", "window": request.session.get(KIOSK_WINDOW_KEY, "")}
    if request.method == "POST":
        typed = {"number": request.POST.get("number", "").strip(), "window": request.POST.get("window", "")}
        window = next((w for w in windows if str(w.pk) == typed["window"]), None)
        case = case_for_staff(request.user, typed["number"], roles=(Role.CLERK,)) if typed["number"] else None
        if windows and window is None:
            errors["window"] = "请选择您所在的窗口"
        if not typed["number"]:
            errors["number"] = "请输入办件编号"
        elif case is None:
            errors["number"] = "没有找到该办件，请核对办件编号"
        else:
            try:
                visit_handling(case, request.user)
            except ValidationError as exc:
                errors["number"] = "；".join(exc.messages)
        if not errors:
            request.session[KIOSK_WINDOW_KEY] = typed["window"]
            return redirect("ratings-kiosk-rate", number=case.number)
    return render_staff(request, "ratings/kiosk_start.html", {"windows": windows, "typed": typed, "errors": errors},
                        status=422 if errors else 200)


@staff_only(Role.CLERK)
def kiosk_rate(request, number):
    case = case_for_staff(request.user, number, roles=(Role.CLERK,))
    if case is None:
        raise Http404("办件不存在")
    window = window_by_id(request.session.get(KIOSK_WINDOW_KEY) or 0)
    errors, done = {}, False
    try:
        key, label = visit_handling(case, request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("ratings-kiosk")
    already = selectors.rating_of_handling(case, key)
    if request.method == "POST" and already is None:
        try:
            already = rate(None, case, level=request.POST.get("level"), channel=RatingChannel.TABLET, handling=key,
                           handling_label=label, scores=scores_from(request.POST),
                           comment=request.POST.get("comment", ""), anonymous=bool(request.POST.get("anonymous")),
                           window=window, staff=request.user)
            done = True
        except ValidationError as exc:
            errors = errors_of(exc)
    context = {"case": case, "window": window, "clerk": request.user, "label": label, "done": done or already,
               **_form_context(case, "window", request.POST if errors else None, errors)}
    return render(request, "ratings/kiosk.html", context, status=422 if errors else 200)


# -- 电话评价 (typed in by staff) ------------------------------------------------------------------

@staff_only(*selectors.PHONE_ROLES)
def phone_rating(request):
    post = request.POST if request.method == "POST" else {}
    number = (post.get("number") or request.GET.get("number") or "").strip()
    case = selectors.case_for_phone_staff(request.user, number) if number else None
    errors = {}
    if request.method == "POST":
        if case is None:
            errors["number"] = "请输入本人可查询的办件编号" if not number else "没有找到该办件，请核对办件编号"
        else:
            try:
                rating = rate(request.user, case, level=post.get("level"), channel=RatingChannel.PHONE,
                              scores=scores_from(post), comment=post.get("comment", ""),
                              anonymous=bool(post.get("anonymous")), rater_name=post.get("rater_name", "").strip(),
                              rater_phone=post.get("rater_phone", "").strip())
            except ValidationError as exc:
                errors = errors_of(exc)
            else:
                messages.success(request, f"已录入 {case.number} 的电话评价：{rating.get_level_display()}")
                return redirect(reverse("ratings-phone"))
    context = {"case": case, "number": number, "rater_name": post.get("rater_name", case.applicant_name if case else ""),
               "rater_phone": post.get("rater_phone", case.applicant_phone if case else ""),
               **_form_context(case, mode_of(case) if case else "online", post if errors else None, errors)}
    return render_staff(request, "ratings/phone.html", context, status=422 if errors else 200)
