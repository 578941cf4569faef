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
