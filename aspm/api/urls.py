"""The API's addresses: ``/api/v1/`` (and the token page of a person's account).

Everything of a partnership is under ``/api/v1/p/<slug>/``. To add a resource, register its viewset
on ``partnership_router`` below (one line) and list its routes in ``tests/access_registry/``.
"""

from __future__ import annotations

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import tokens_page
from .views import actions, figures, learning, measurement, partnerships, reports, returns, rules, strategy
from .views.not_found import not_found

partnership_router = SimpleRouter(use_regex_path=False)
partnership_router.register("organisations", partnerships.OrganisationViewSet, basename="organisation")
partnership_router.register("strands", strategy.StrandViewSet, basename="strand")
partnership_router.register("objectives", strategy.ObjectiveViewSet, basename="objective")
partnership_router.register("results-chain", strategy.ResultsChainEntryViewSet, basename="chain-entry")
partnership_router.register("indicators", measurement.IndicatorViewSet, basename="indicator")
partnership_router.register("periods", measurement.ReportingPeriodViewSet, basename="period")
partnership_router.register("figures", figures.FigureViewSet, basename="figure")
partnership_router.register("validation-rules", rules.ValidationRuleViewSet, basename="validation-rule")
partnership_router.register("actions", actions.ActionViewSet, basename="action")
partnership_router.register("returns", returns.ReturnViewSet, basename="return")
partnership_router.register("report-versions", reports.ReportVersionViewSet, basename="report-version")
partnership_router.register("report-jobs", reports.ReportJobViewSet, basename="report-job")
partnership_router.register("recommendations", learning.RecommendationViewSet, basename="recommendation")

api_v1 = [
    path("schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("partnerships/", partnerships.MyPartnershipsView.as_view(), name="my-partnerships"),
    path("p/<slug:slug>/", partnerships.PartnershipDetailView.as_view(), name="partnership"),
    path("p/<slug:slug>/", include(partnership_router.urls)),
    re_path(r"^.*$", not_found, name="not-found"),  # any other address under /api/v1/: a JSON 404
]

urlpatterns = [
    path("api/v1/", include((api_v1, "api"))),
    path("accounts/tokens/", tokens_page.token_list, name="api_tokens"),
    path("accounts/tokens/<int:pk>/revoke/", tokens_page.token_revoke, name="api_token_revoke"),
]
