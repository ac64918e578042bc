from allauth.account.adapter import get_adapter
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from home.groups import staff_ids


def lockout_key(login):
    """What allauth's lock-out counts wrong passwords under for the account that `login`
    (a user name or an e-mail address) names: its e-mail address, as members type it on the
    site; the typed text itself where no account has that name."""
    user = (
        get_user_model()
        .objects.filter(Q(username__iexact=login) | Q(email__iexact=login))
        .exclude(email="")
        .first()
    )
    return (user.email if user else login).lower()


class AdminLoginForm(LoginForm):
    """Wagtail's admin login, with a label for the password field (Wagtail's has none, so
    the admin showed the English field name »Password«), under the site's one lock-out:
    wrong passwords count for the account whichever form they are typed into (allauth's
    `login_failed` limits, per account and per IP address), so an account locked out at
    /konto/login/ is locked out here too, and the other way round."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")

    def clean(self):
        login, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not (login and password):
            return super().clean()
        adapter = get_adapter(self.request)
        # Counts this attempt; allauth's error (too_many_login_attempts) once the account or
        # the address is locked out.
        adapter.pre_authenticate(self.request, email=lockout_key(login))
        cleaned = super().clean()  # a wrong password raises: the attempt stays counted
        # As allauth's own authenticate(): a successful login does not count.
        adapter._rollback_login_failed_rl_usage()
        return cleaned


class AdminPasswordResetForm(PasswordResetForm):
    """The admin's »Forgot password?«: it sends a link only to staff accounts (see
    home.groups.STAFF). Members reset their password on the site (/konto/password/reset/),
    and the admin's form must not be a second way to send them mail."""

    def get_users(self, email):
        users = list(super().get_users(email))
        staff = staff_ids(user.pk for user in users)
        return (user for user in users if user.pk in staff)
