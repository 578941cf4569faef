"""Keeps the current request's origin (IP, user agent) for the audit log."""

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

