from django.conf import settings
from django.utils import translation


class PortalLanguageMiddleware:
    """Swedish unless the user picked another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many staff
    use English-language browsers; the portal's working language is Swedish.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
