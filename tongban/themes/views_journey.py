"""The 一件事 application journey (GOV.UK "one thing per page"): each situational question on its own
page, then the optional services, then the one merged form (one page per section), then the one set
of uploads, then "check your answers" and submit → confirmation with the joint case number.

Answers are kept between pages in the applicant's session (the backend offers no stored draft for
themes yet); uploads go to private storage at once and only their names are kept, so a validation
error on any page never loses what was given before. Server-side checks are the backend's:
clean_situation / choose (via plan) per page and apply_for_theme on submit, whose ValidationError
keys (situation.<q>, answers.<field>, materials.<key>) are turned into links back to the right page.
"""

import os
import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from tongban.core.request_context import channel_of
from tongban.forms.rendering import answers_for_display
from tongban.forms.spec import APPLICANT_TYPE_KEY
from tongban.forms.storage import private_storage, touch
from tongban.forms.uploads import ACCEPT_ATTR, check_upload
from tongban.forms.validation import clean_answers
from tongban.themes import exemptions, page_selectors
from tongban.themes.definition import definition_of
from tongban.themes.merge import prefill
from tongban.themes.planning import plan
from tongban.themes.prefill import read_registries, registry_answers, shown_sources
from tongban.themes.selection import clean_situation
from tongban.themes.selectors import published_theme
from tongban.themes.services import apply_for_theme
from tongban.themes.tasks import journey_upload_dir

SESSION_PREFIX = "theme_journey:"
CONFIRMED_KEY = "theme_journey_confirmed"  # the joint case number the confirmation page may show once
FIELD_PREFIX = "f-"


# -- the draft kept in the session --------------------------------------------------------------

class Draft:
    """What the applicant has given so far for one theme."""

    def __init__(self, request, code: str):
        self.request, self.key = request, SESSION_PREFIX + code
        data = request.session.get(self.key) or {}
        self.situation: dict = data.get("situation", {})
        self.optional: list | None = data.get("optional")
        self.answers: dict = data.get("answers", {})
        # A file the purge removed (tasks.py: untouched for longer than a session lives) is asked again.
        self.files: dict = {k: f for k, f in data.get("files", {}).items() if private_storage.exists(f["path"])}
        self.idempotency_key: str = data.get("idempotency_key") or uuid.uuid4().hex
        # The joint case's uid, drawn now: registry reads for the form are logged with it (prefill.py).
        self.ref: str = data.get("ref") or str(uuid.uuid4())
        self.registry: dict = data.get("registry", {})  # member code → what its department read
        self.found: dict = data.get("found", {})  # member code → 免提交 findings (exemptions.py)

    @property
    def started(self) -> bool:
        return bool(self.situation or self.optional is not None or self.answers or self.files)

    def save(self) -> None:
        self.request.session[self.key] = {
            "situation": self.situation, "optional": self.optional, "answers": self.answers,
            "files": self.files, "idempotency_key": self.idempotency_key, "ref": self.ref,
            "registry": self.registry, "found": self.found}
        for f in self.files.values():
            # Saving the draft extends the session; the files' age follows, so the purge (tasks.py)
            # never takes the file of a journey still under way.
            touch(f["path"])

    def clear(self, *, delete_files: bool = True) -> None:
        if delete_files:
            for f in self.files.values():
                private_storage.delete(f["path"])
        self.request.session.pop(self.key, None)
        self.situation, self.optional, self.answers, self.files, self.registry = {}, None, {}, {}, {}
        self.found = {}
        self.ref = str(uuid.uuid4())

    def keep_upload(self, material_key: str, uploaded) -> None:
        check_upload(uploaded)  # ValidationError in Chinese naming the file
        ext = os.path.splitext(uploaded.name or "")[1].lower()[:8]
        path = private_storage.save(f"{journey_upload_dir(self.request.user.pk)}/{uuid.uuid4().hex}{ext}", uploaded)
        old = self.files.get(material_key)
        if old:
            private_storage.delete(old["path"])
        self.files[material_key] = {"path": path, "name": os.path.basename(uploaded.name or "文件")[:100]}

    def open_uploads(self) -> dict:
        return {key: File(private_storage.open(f["path"], "rb"), name=f["name"]) for key, f in self.files.items()
                if private_storage.exists(f["path"])}


# -- the theme's steps ---------------------------------------------------------------------------

def _theme(code: str):
    theme = published_theme(code)
    if theme is None:
        raise Http404("该主题未发布或不存在")
    return theme


class Journey:
    """The theme's definition and the pages it makes for this draft."""

    def __init__(self, theme, draft: Draft):
        self.theme, self.draft = theme, draft
        self.definition = definition_of(theme)
        self.questions = self.definition["questions"]
        self.optional_members = [m for m in self.definition["members"] if m["mode"] == "optional"]
        _, self.selection, self.merged, self.plan_errors = plan(
            self.definition, draft.situation, draft.optional, partial=True)

    # pages of the merged form: one per section
    @property
    def form_pages(self) -> list[dict]:
        pages: list[dict] = []
        for f in (self.merged.spec if self.merged else []):
            if f.get("type") == "section":
                pages.append({"title": f.get("label", ""), "help": f.get("help", ""), "section": f, "fields": []})
                continue
            if not pages:
                pages.append({"title": "申请表", "help": "", "section": None, "fields": []})
            pages[-1]["fields"].append(f)
        return [p for p in pages if p["fields"]]

    def material_rows(self, actor=None, *, read=True, uploads_only=False) -> list:
        """The one set of materials as this applicant meets it: what the sources supply (免提交) is not
        asked. read=True asks them (logged with the joint case's ref; a known finding is not read
        again), else only what was found before is used."""
        if self.merged is None:
            return []
        draft = self.draft
        if read:
            outcomes = exemptions.probe_members(actor, self.merged, self.selection, draft.answers, ref=draft.ref,
                                                known=draft.found)
            found = exemptions.kept(outcomes)
            if found != draft.found:
                draft.found = found
                draft.save()
        else:
            outcomes = exemptions.restored(draft.found)
        rows = exemptions.material_rows(self.merged, outcomes)
        return [r for r in rows if r.upload] if uploads_only else rows

    def url(self, step: str, arg=None) -> str:
        code = self.theme.code
        if step == "question":
            return reverse("theme-question", args=[code, arg])
        if step == "form":
            return reverse("theme-form", args=[code, arg])
        return reverse(f"theme-{step}", args=[code])

    def steps(self) -> list[str]:
        urls = [self.url("question", q["key"]) for q in self.questions]
        if self.optional_members:
            urls.append(self.url("services"))
        urls += [self.url("form", i) for i in range(1, len(self.form_pages) + 1)]
        if self.merged and (self.merged.uploads() or self.material_rows(read=False, uploads_only=True)):
            urls.append(self.url("materials"))
        urls.append(self.url("check"))
        return urls

    def around(self, current: str) -> tuple[str, str]:
        """(back, next) links for the page at `current`."""
        steps = self.steps()
        if current not in steps:
            return reverse("theme-guide", args=[self.theme.code]), steps[0]
        i = steps.index(current)
        back = steps[i - 1] if i > 0 else reverse("theme-guide", args=[self.theme.code])
        return back, steps[min(i + 1, len(steps) - 1)]


def _next(request, journey: Journey, current: str) -> str:
    if request.POST.get("return") == "check":
        return journey.url("check")
    return journey.around(current)[1]


def _context(journey: Journey, current: str, **extra) -> dict:
    back, _ = journey.around(current)
    if extra.get("returning"):
        back = journey.url("check")
    steps = journey.steps()
    position = steps.index(current) + 1 if current in steps else 0
    return {"theme": journey.theme, "definition": journey.definition, "back": back,
            "position": position, "total": len(steps), **extra}


def _returning(request) -> bool:
    return (request.GET.get("return") or request.POST.get("return")) == "check"


# -- pages ---------------------------------------------------------------------------------------

@login_required
def start(request, code):
    """开始办理: straight to the first question, or offer to continue a journey under way."""
    theme = _theme(code)
    draft = Draft(request, code)
    if request.method == "POST" and request.POST.get("action") == "restart":
        draft.clear()
    journey = Journey(theme, draft)
    if request.method == "GET" and draft.started:
        return render(request, "themes/journey/resume.html", {"theme": theme, "first": journey.steps()[0],
                                                               "check": journey.url("check")})
    return redirect(journey.steps()[0])


@login_required
def question(request, code, key):
    theme = _theme(code)
    draft = Draft(request, code)
    journey = Journey(theme, draft)
    q = next((q for q in journey.questions if q["key"] == key), None)
    if q is None:
        raise Http404("问题不存在")
    current = journey.url("question", key)
    error, typed = "", draft.situation.get(key)
    if request.method == "POST":
        typed = request.POST.get("answer", "").strip()
        answers, errors = clean_situation(journey.definition, {**draft.situation, key: typed})
        error = errors.get(key, "")
        if not error:
            if key in answers:
                draft.situation[key] = answers[key]
            else:
                draft.situation.pop(key, None)
            draft.save()
            return redirect(_next(request, Journey(theme, draft), current))
    if isinstance(typed, bool):
        typed = "true" if typed else "false"
    return render(request, "themes/journey/question.html", _context(
        journey, current, q=q, typed="" if typed is None else str(typed), error=error,
        returning=_returning(request)), status=400 if error else 200)


@login_required
def services(request, code):
    """Which optional services to include (可选事项); the rules' own choices are shown for reference."""
    theme = _theme(code)
    draft = Draft(request, code)
    journey = Journey(theme, draft)
    if not journey.optional_members:
        return redirect(journey.around(journey.url("services"))[1])
    current = journey.url("services")
    error = ""
    ticked = draft.optional if draft.optional is not None else \
        [m["code"] for m in journey.optional_members if m.get("preselected")]
    if request.method == "POST":
        ticked = request.POST.getlist("optional")
        _, selection, _, errors = plan(journey.definition, draft.situation, ticked, partial=True)
        error = errors.get("optional") or errors.get("members", "")
        if not error:
            draft.optional = ticked
            draft.save()
            return redirect(_next(request, Journey(theme, draft), current))
    fixed = [{**m, "reason": journey.selection.reasons[m["code"]]} for m in journey.selection.members
             if m["mode"] != "optional"]
    return render(request, "themes/journey/services.html", _context(
        journey, current, options=journey.optional_members, ticked=set(ticked), fixed=fixed, error=error,
        returning=_returning(request)), status=400 if error else 200)


def _typed(spec, data) -> dict:
    typed = {}
    for f in spec:
        key = f.get("key")
        if f.get("type") == "checkbox":
            typed[key] = data.getlist(key)
        elif f.get("type") == "boolean":
            typed[key] = data.get(key) in ("on", "true", "1", "yes")
        elif key in data:
            typed[key] = data.get(key)
    return typed


@login_required
def form_page(request, code, page):
    theme = _theme(code)
    draft = Draft(request, code)
    journey = Journey(theme, draft)
    pages = journey.form_pages
    if journey.merged is None:
        return redirect(journey.steps()[0])
    if not 1 <= page <= len(pages):
        raise Http404("页面不存在")
    current = journey.url("form", page)
    this = pages[page - 1]
    spec = ([this["section"]] if this["section"] else []) + this["fields"]
    keys = {f["key"] for f in this["fields"]}
    if read_registries(request.user, journey.merged, journey.selection, ref=draft.ref, read=draft.registry):
        draft.save()
    registry, sources = registry_answers(journey.merged, draft.registry)
    # As for a single matter's draft: the account's own answers first, then the registries'.
    errors, shown = {}, {**registry, **prefill(journey.merged.spec, request.user), **draft.answers}
    if request.method == "POST":
        check_spec, data = list(this["fields"]), request.POST.copy()
        chooser = next((f for f in journey.merged.spec if f.get("key") == APPLICANT_TYPE_KEY), None)
        if chooser is not None and APPLICANT_TYPE_KEY not in keys:
            # Which fields apply depends on 申请人类型, answered on another page.
            check_spec.insert(0, chooser)
            data[APPLICANT_TYPE_KEY] = draft.answers.get(APPLICANT_TYPE_KEY, "")
        cleaned, errors = clean_answers(check_spec, data)
        errors = {k: v for k, v in errors.items() if k in keys}
        draft.answers.update({k: v for k, v in cleaned.items() if k in keys and k not in errors})
        draft.save()  # what is right is kept even when something else on the page is wrong
        if not errors:
            return redirect(_next(request, Journey(theme, draft), current))
        shown = {**shown, **_typed(this["fields"], request.POST)}
    return render(request, "themes/journey/form.html", _context(
        journey, current, spec=spec, answers=shown, errors=errors, page=page, pages=len(pages),
        page_title=this["title"], returning=_returning(request),
        registry_sources=shown_sources(this["fields"], registry, sources, shown)), status=400 if errors else 200)


@login_required
def materials(request, code):
    theme = _theme(code)
    draft = Draft(request, code)
    journey = Journey(theme, draft)
    if journey.merged is None:
        return redirect(journey.steps()[0])
    current = journey.url("materials")
    every = journey.material_rows(request.user)
    uploads = [r for r in every if r.upload]
    errors = {}
    if request.method == "POST":
        known = {m.key for m in uploads}
        for name in request.FILES:
            key = name.removeprefix("material_")
            if key not in known:
                continue
            try:
                draft.keep_upload(key, request.FILES[name])
            except ValidationError as exc:
                errors[key] = "；".join(exc.messages)
        draft.save()
        if not errors and request.POST.get("action") != "upload":
            for m in uploads:
                if m.required and m.key not in draft.files:
                    errors[m.key] = f"请上传“{m.name}”"
            if not errors:
                return redirect(_next(request, journey, current))
    rows = [{"m": m, "file": draft.files.get(m.key), "error": errors.get(m.key, "")} for m in uploads]
    others = [r for r in every if not r.upload]
    summary = [(f"#material-{r['m'].key}", r["error"]) for r in rows if r["error"]]
    return render(request, "themes/journey/materials.html", _context(
        journey, current, rows=rows, others=others, summary=summary, accept=ACCEPT_ATTR,
        returning=_returning(request)), status=400 if errors else 200)


def _check_rows(journey: Journey, rows: list) -> dict:
    """The check page's summary; `rows`: journey.material_rows(), asked once per request."""
    draft = journey.draft
    questions = [{"text": q["text"], "answer": page_selectors.answer_label(q, draft.situation.get(q["key"])),
                  "change": journey.url("question", q["key"]) + "?return=check"} for q in journey.questions]
    chosen = [{"name": m["name"], "department": m["department"], "reason": journey.selection.reasons[m["code"]]}
              for m in journey.selection.members]
    form = []
    for i, p in enumerate(journey.form_pages, start=1):
        form.append({"title": p["title"], "change": journey.url("form", i) + "?return=check",
                     "rows": answers_for_display(p["fields"], draft.answers)})
    files = [{"name": r.name, "file": draft.files.get(r.key), "required": r.required} for r in rows if r.upload]
    exempt = [r for r in rows if r.exempt]
    return {"questions": questions, "chosen": chosen, "form": form, "files": files, "exempt": exempt,
            "services_change": journey.url("services") + "?return=check" if journey.optional_members else "",
            "materials_change": journey.url("materials") + "?return=check" if files else ""}


def _error_links(journey: Journey, errors: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Each error of apply_for_theme as (link to the page where it is fixed, message)."""
    page_of = {f["key"]: i for i, p in enumerate(journey.form_pages, start=1) for f in p["fields"]}
    out = []
    for key, messages in errors.items():
        text = "；".join(messages)
        area, _, name = key.partition(".")
        if area == "situation" and any(q["key"] == name for q in journey.questions):
            href = journey.url("question", name) + "?return=check"
        elif area == "answers" and name in page_of:
            href = journey.url("form", page_of[name]) + f"?return=check#{FIELD_PREFIX}{name}"
        elif area == "materials":
            href = journey.url("materials") + f"?return=check#material-{name}"
        elif area in ("optional", "members") and journey.optional_members:
            href = journey.url("services") + "?return=check"
        else:
            href = ""
        out.append((href, text))
    return out


@login_required
def check(request, code):
    """核对信息 (check your answers) with a change link to each step, and 提交申请."""
    theme = _theme(code)
    draft = Draft(request, code)
    journey = Journey(theme, draft)
    summary = []
    rows = journey.material_rows(request.user)
    if request.method == "POST":
        wanted = {r.key for r in rows if r.upload}
        uploads = draft.open_uploads()
        for key in [k for k in uploads if k not in wanted]:
            uploads.pop(key).close()  # given for a material since found 免提交: not sent
        try:
            bundle, _ = apply_for_theme(request.user, theme, situation=draft.situation, optional=draft.optional,
                                        answers=draft.answers, uploads=uploads, channel=channel_of(request),
                                        idempotency_key=draft.idempotency_key, ref=draft.ref, found=draft.found)
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            summary = _error_links(journey, errors)
        except PermissionDenied as exc:
            summary = [("", str(exc))]
        else:
            draft.clear()  # the files now belong to the sub-cases
            request.session[CONFIRMED_KEY] = bundle.number
            return redirect("joint-case-confirmation", number=bundle.number)
        finally:
            for f in uploads.values():
                f.close()
    return render(request, "themes/journey/check.html", _context(
        journey, journey.url("check"), summary=summary, **_check_rows(journey, rows)),
        status=400 if summary else 200)
