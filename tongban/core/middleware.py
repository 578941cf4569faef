"""Keeps the current request's origin (IP, user agent) for the audit log; picks the language;
refuses input the database cannot store."""

from django.core.exceptions import BadRequest
from django.http import UnreadablePostError
from django.shortcuts import render

from tongban.core.api_errors import refusal_response
from tongban.core.request_context import bind_request, clear_request


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = bind_request(request)
        try:
            return self.get_response(request)
        finally:
            clear_request(token)


class ChosenLanguageMiddleware:
    """zh-hans unless the visitor chose another language with the switch (cookie).

    Django's LocaleMiddleware would also follow the browser's Accept-Language, which turns the
    portal English for anyone whose phone is set to English; a government portal of a Chinese
    city stays Chinese until asked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class DatabaseUnavailableMiddleware:
    """503 with Retry-After, not the HTML 500, for a request that failed because the database is down.

    Django turns an exception raised in any middleware or view into the 500 response before an outer
    middleware sees it, so the exception is noted on the request when Django reports it
    (unavailable.note_database_outage, connected in tongban/core/apps.py) and the 500 is replaced here. It sits just
    inside SecurityMiddleware and WhiteNoise, so that the session, user and second-factor checks, which
    are the first to query the database, fail inside it. tongban/core/unavailable.py says what is answered.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "database_unavailable", False):
            from django.conf import settings

            from tongban.core.unavailable import response_for

            response = response_for(request)
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response


class RefuseUnstorableInputMiddleware:
    """A NUL byte in the address, the query, a header or a form field gets a Chinese 400.

    PostgreSQL text cannot hold U+0000: any lookup or save with one raises a DataError, which would
    be a 500 wherever a view passes the value on. Refused here once, before any view sees it, with
    the API's JSON error for /api/ and the site's 400 page elsewhere. (JSON bodies are checked by
    the API's parser, core.api_errors.load_json; upload file names lose non-printable characters in
    Django's multipart parser already.) A cookie with a NUL is dropped rather than refused, so that
    a broken cookie does not lock the visitor out of every page.

    Form fields are checked when something first reads them: reading request.POST early would use
    up a multipart body that an API operation may still want to read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = _nul_in_request_line(request)
        if problem:
            return refusal(request, problem)
        request.COOKIES = {k: v for k, v in request.COOKIES.items() if "\x00" not in k + v}
        _check_form_when_read(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # CsrfViewMiddleware is about to read the form of a page's POST anyway; read it first, so the
        # refusal names what was wrong (an exception in a later middleware gets Django's plain 400.html).
        if request.method == "POST" and not getattr(view_func, "csrf_exempt", False):
            try:
                request.POST  # noqa: B018 (read for its check)
            except UnstorableInput as exc:
                return refusal(request, str(exc))
            except UnreadablePostError:
                pass  # the client went away mid-upload: CsrfViewMiddleware answers that as it always has
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, UnstorableInput):
            return refusal(request, str(exception))
        return None


class UnstorableInput(BadRequest):
    pass


def _has_nul(*texts) -> bool:
    return any("\x00" in text for text in texts)


def _nul_in_request_line(request) -> str | None:
    if _has_nul(request.path, request.path_info):
        return "网址中含有空字符（%00），无法处理，请检查网址后重试"
    if any(_has_nul(key, *request.GET.getlist(key)) for key in request.GET):
        return "查询参数中含有空字符（%00），无法处理，请检查后重试"
    if any(_has_nul(key, value) for key, value in request.META.items()
           if key.startswith("HTTP_") and isinstance(value, str)):
        return "请求头中含有空字符，无法处理"
    return None


def _check_form_when_read(request) -> None:
    load = request._load_post_and_files

    def load_and_check():
        load()
        files = request._files
        if any(_has_nul(key, *request._post.getlist(key)) for key in request._post) or any(
                _has_nul(key, *(f.name or "" for f in files.getlist(key))) for key in files):
            request._mark_post_parse_error()  # an error page that reads the form finds it empty
            raise UnstorableInput("提交的内容中含有空字符（\\u0000），无法保存，请删除后重试")

    request._load_post_and_files = load_and_check


def refusal(request, message: str):
    """The 400 for a request we cannot handle: JSON under /api/, the site's page elsewhere."""
    if request.path_info.startswith("/api/"):
        return refusal_response(message)
    return render(request, "400.html", {"message": message}, status=400)
