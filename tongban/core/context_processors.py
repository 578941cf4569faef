from django.conf import settings


def site(request):
    return {
        "PLATFORM_NAME": settings.TONGBAN["PLATFORM_NAME"],
        "CITY_NAME": settings.TONGBAN["CITY_NAME"],
        "LARGE_TEXT": request.COOKIES.get("large_text") == "1",
    }
