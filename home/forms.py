from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    """Wagtail's admin login, with a label for the password field (Wagtail's has none, so
    the admin showed the English field name »Password«)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
