"""The dimensions page: the built-in splits and the partnership's own (nationality, ethnicity…),
with their categories. Everyone can read it; the coordinator adds and changes them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aspm.deleting import delete_then_redirect
from aspm.forms import call_service
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view

from ...models import Dimension, DimensionCategory
from .. import services
from ..dimension_forms import CategoryEditForm, CategoryForm, DimensionEditForm, DimensionForm
from ..dimensions import dimension_rows


@partnership_view(need=Perm.VIEW)
def dimension_list(request: HttpRequest) -> HttpResponse:
    return render(request, "indicators/dimensions/list.html", {"rows": dimension_rows(request.partnership)})


@partnership_view(need=Perm.EDIT_PLAN)
def dimension_create(request: HttpRequest) -> HttpResponse:
    form = DimensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, dimension = call_service(
            form,
            services.dimension_create,
            actor=request.user,
            partnership=request.partnership,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            categories=form.category_labels(),
        )
        if ok:
            messages.success(request, f"{dimension} is added: indicators can now be split by it.")
            return redirect("indicators:dimension_edit", slug=request.partnership.slug, pk=dimension.pk)
    return render(request, "indicators/dimensions/create.html", {"form": form}, status=422 if form.errors else 200)


@partnership_view(need=Perm.VIEW)
def dimension_edit(request: HttpRequest, pk: int) -> HttpResponse:
    dimension = get_object_for(request.membership, Dimension, pk=pk, need=Perm.EDIT_PLAN)
    initial = {"name": dimension.name, "description": dimension.description, "is_active": dimension.is_active}
    form = DimensionEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.dimension_update, actor=request.user, dimension=dimension, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"{dimension} is saved.")
            return redirect("indicators:dimensions", slug=request.partnership.slug)
    return _edit_page(request, dimension, form, CategoryForm(), status=422 if form.errors else 200)


def _edit_page(request, dimension, form, category_form, status=200) -> HttpResponse:
    categories = list(dimension.categories.order_by("order", "label"))
    context = {"dimension": dimension, "form": form, "category_form": category_form, "categories": categories}
    return render(request, "indicators/dimensions/edit.html", context, status=status)


@partnership_view(need=Perm.VIEW)
@require_POST
def category_add(request: HttpRequest, pk: int) -> HttpResponse:
    dimension = get_object_for(request.membership, Dimension, pk=pk, need=Perm.EDIT_PLAN)
    form = CategoryForm(request.POST)
    if form.is_valid():
        ok, category = call_service(
            form, services.category_add, actor=request.user, dimension=dimension, label=form.cleaned_data["label"]
        )
        if ok:
            messages.success(request, f"{category} is added to {dimension}.")
            return redirect("indicators:dimension_edit", slug=request.partnership.slug, pk=dimension.pk)
    initial = {"name": dimension.name, "description": dimension.description, "is_active": dimension.is_active}
    return _edit_page(request, dimension, DimensionEditForm(initial=initial), form, status=422)


@partnership_view(need=Perm.VIEW)
def category_edit(request: HttpRequest, pk: int) -> HttpResponse:
    category = get_object_for(
        request.membership, DimensionCategory.objects.select_related("dimension"), pk=pk, need=Perm.EDIT_PLAN
    )
    form = CategoryEditForm(request.POST or None, initial={"label": category.label, "order": category.order})
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(form, services.category_update, actor=request.user, category=category, **form.cleaned_data)
        if ok:
            messages.success(request, f"{category.label} is saved.")
            return redirect("indicators:dimension_edit", slug=request.partnership.slug, pk=category.dimension_id)
    context = {"category": category, "form": form}
    return render(request, "indicators/dimensions/category.html", context, status=422 if form.errors else 200)


@partnership_view(need=Perm.VIEW)
@require_POST
def category_delete(request: HttpRequest, pk: int) -> HttpResponse:
    category = get_object_for(
        request.membership, DimensionCategory.objects.select_related("dimension"), pk=pk, need=Perm.EDIT_PLAN
    )
    slug, back = (
        request.partnership.slug,
        reverse("indicators:dimension_edit", kwargs={"slug": request.partnership.slug, "pk": category.dimension_id}),
    )
    return delete_then_redirect(
        request,
        lambda: services.category_delete(actor=request.user, category=category),
        done=f"{category.label} is removed from {category.dimension}.",
        back=back,
        then=reverse("indicators:dimension_edit", kwargs={"slug": slug, "pk": category.dimension_id}),
    )
