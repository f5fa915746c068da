"""The site's URLs plus one page that fails, to see the 500 page (tests/test_error_pages.py)."""

from django.urls import path

from aspm.urls import handler403, handler404, handler500, urlpatterns  # noqa: F401 - the handlers are read here


def _fails(request):
    raise RuntimeError("A page that fails, for the test of the 500 page.")


urlpatterns = [*urlpatterns, path("test-only/fails/", _fails)]
