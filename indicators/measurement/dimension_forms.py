"""Forms of the dimensions page: a dimension with its first categories, a category, a rename."""

from __future__ import annotations

from django import forms


class DimensionForm(forms.Form):
    name = forms.CharField(max_length=80, help_text="Such as Nationality, Ethnicity, Disability or Referral route.")
    description = forms.CharField(max_length=300, required=False, label="What it records (optional)")
    categories = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        label="Categories",
        help_text="One a line, such as British, Albanian, Vietnamese. Add an “Unknown” one for people whose "
        "answer is not recorded, so that splits can add up.",
    )

    def category_labels(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("categories", "").splitlines() if line.strip()]


class DimensionEditForm(forms.Form):
    name = forms.CharField(max_length=80)
    description = forms.CharField(max_length=300, required=False, label="What it records (optional)")
    is_active = forms.BooleanField(
        required=False,
        label="In use",
        help_text="Untick to stop offering it for new splits; figures already split by it keep their split.",
    )


class CategoryForm(forms.Form):
    label = forms.CharField(max_length=80, label="New category")


class CategoryEditForm(forms.Form):
    label = forms.CharField(max_length=80, label="Name")
    order = forms.IntegerField(min_value=0, max_value=999, label="Place in the list")
