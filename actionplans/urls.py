"""URLs of the action plan, under /p/<slug>/ (included in aspm/urls.py)."""

from django.urls import path

from .views import action, meeting_items, plan, spreadsheet

app_name = "actions"

urlpatterns = [
    path("actions/", plan.plan, name="plan"),
    path("actions/mine/", plan.mine, name="mine"),
    path("actions/as-of/", plan.as_of, name="as_of"),
    path("actions/new/", action.create, name="create"),
    path("actions/bulk-status/", action.bulk_status, name="bulk_status"),
    path("actions/export/", spreadsheet.export, name="export"),
    path("actions/import/", spreadsheet.import_view, name="import"),
    path("actions/<int:pk>/", action.detail, name="detail"),
    path("actions/<int:pk>/edit/", action.edit, name="edit"),
    path("actions/<int:pk>/delete/", action.delete, name="delete"),
    path("actions/<int:pk>/status/", action.status, name="status"),
    path("work-plans/", plan.subgroup_list, name="subgroups"),
    # the button on a meeting's page: an action arising goes into the plan (path kept under meetings/)
    path("meetings/actions/<int:pk>/to-plan/", meeting_items.to_plan, name="from_meeting_item"),
    path("work-plans/<int:pk>/", plan.subgroup_plan, name="subgroup_plan"),
]
