"""allauth's views where the member area needs more than settings."""

from allauth.account import views as allauth_views
from allauth.account.utils import get_next_redirect_url
from django.shortcuts import render


class LoginView(allauth_views.LoginView):
    """allauth's login, with two answers of its own:

    - a logged-in account that Wagtail sent here from a page or file it may not see (with
      ?next=) gets the German »members only« page (403): allauth would send it straight
      back, in a circle;
    - HTTP 429 (with allauth's German message in the form) when too many wrong passwords
      were given for the account.
    """

    def dispatch(self, request, *args, **kwargs):
        if (
            request.method == "GET"
            and request.user.is_authenticated
            and get_next_redirect_url(request)
        ):
            return render(request, "community/members_only.html", status=403)
        return super().dispatch(request, *args, **kwargs)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if any(
            error.code == "too_many_login_attempts"
            for error in form.errors.as_data().get("__all__", [])
        ):
            response.status_code = 429
        return response
