"""Sign-in and password-reset forms with wording for email sign-in."""

from functools import partial

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import transaction

from . import password_reset
from .tasks import enqueue_password_reset_email


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "The email address or password is not right. Check both and try again.",
        "inactive": "This account is switched off. Ask your partnership's coordinator.",
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class PasswordResetRequestForm(PasswordResetForm):
    """Asks for a reset link. Limited per email and per client address (partnerships.password_reset);
    the email itself is sent by the worker once the request has committed."""

    email = forms.EmailField(
        label="Email address", max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def __init__(self, *args, address: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.address = address

    def clean_email(self):
        email = self.cleaned_data["email"]
        if not password_reset.allowed(email=email, address=self.address):
            raise forms.ValidationError(
                "You have asked for too many password reset emails. Wait an hour, then try again."
            )
        return email

    def save(self, **_kwargs) -> None:
        for user in self.get_users(self.cleaned_data["email"]):
            transaction.on_commit(partial(enqueue_password_reset_email, user.pk))
