"""The bare Django view the portal is compared with: one URL, no middleware, no database,
no templates, a short HttpResponse. Served by gunicorn beside the portal:

    gunicorn bench.bare:application --workers 2 --bind 127.0.0.1:8802
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-view-not-secret",  # noqa: S106 - nothing is signed here
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
)


def hello(request):
    return HttpResponse("Hej från en bar Django-vy.\n", content_type="text/plain; charset=utf-8")


urlpatterns = [path("", hello)]

application = get_wsgi_application()
