"""Validation rules: the list, adding, changing and deleting them, the library's suggestions and the
partnership-wide report of every breach."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aspm.deleting import delete_then_redirect
from aspm.forms import call_service
from partnerships.access import Perm, get_object_for, scoped
from partnerships.decorators import partnership_view

from ...models import ValidationRule
from .. import services
from ..rule_forms import ValidationRuleForm
from ..validation_rules import compile_rule, partnership_breaches


@partnership_view(need=Perm.VIEW)
def rule_list(request: HttpRequest) -> HttpResponse:
    rules = scoped(request.partnership, ValidationRule).prefetch_related("left", "right")
    rows = [(rule, compile_rule(rule)) for rule in rules]
    return render(request, "indicators/rules/list.html", {"rows": rows})


def _form_page(request: HttpRequest, rule: ValidationRule | None = None) -> HttpResponse:
    form = ValidationRuleForm(request.POST or None, partnership=request.partnership, rule=rule)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        values["left"], values["right"] = list(values["left"]), list(values["right"])
        if rule is None:
            ok, saved = call_service(
                form, services.rule_create, actor=request.user, partnership=request.partnership, **values
            )
        else:
            ok, saved = call_service(form, services.rule_update, actor=request.user, rule=rule, **values)
        if ok:
            messages.success(request, f"The rule “{saved}” is saved.")
            return redirect("indicators:rules", slug=request.partnership.slug)
    return render(
        request, "indicators/rules/form.html", {"form": form, "rule": rule}, status=422 if form.errors else 200
    )


@partnership_view(need=Perm.EDIT_PLAN)
def rule_create(request: HttpRequest) -> HttpResponse:
    return _form_page(request)


@partnership_view(need=Perm.VIEW)
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_page(request, get_object_for(request.membership, ValidationRule, pk=pk, need=Perm.EDIT_PLAN))


@partnership_view(need=Perm.VIEW)
@require_POST
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = get_object_for(request.membership, ValidationRule, pk=pk, need=Perm.EDIT_PLAN)
    slug = request.partnership.slug
    return delete_then_redirect(
        request,
        lambda: services.rule_delete(actor=request.user, rule=rule),
        done=f"The rule “{rule}” is deleted.",
        back=reverse("indicators:rule_edit", kwargs={"slug": slug, "pk": rule.pk}),
        then=reverse("indicators:rules", kwargs={"slug": slug}),
    )


@partnership_view(need=Perm.EDIT_PLAN)
@require_POST
def rules_suggested(request: HttpRequest) -> HttpResponse:
    made = services.library_rules_adopt(actor=request.user, partnership=request.partnership)
    if made:
        messages.success(request, f"{len(made)} suggested rule{'s' if len(made) != 1 else ''} added.")
    else:
        messages.info(
            request,
            "No suggested rule to add: each is already here, or names a library indicator "
            "the partnership has not adopted.",
        )
    return redirect("indicators:rules", slug=request.partnership.slug)


@partnership_view(need=Perm.VIEW)
def rule_report(request: HttpRequest) -> HttpResponse:
    rules, breaches = partnership_breaches(request.partnership)
    return render(
        request,
        "indicators/rules/report.html",
        {
            "rules": rules,
            "breaches": breaches,
            "must_hold": sum(1 for b in breaches if b.must_hold),
        },
    )
