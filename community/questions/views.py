"""The members' exchange (Fachaustausch): the questions, filtered by topic, state and the
member's own from plain GET parameters (?topic=wohnen&state=open&mine=1&page=2), newest
activity first; asking a question; a question's page with its answers (the comments'
`discussion` tag); and accepting an answer, which solves the question."""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from community.access import member_required
from community.comments.limits import POST_LIMIT_REACHED, PostLimitReached, post
from community.models import Question
from community.questions import rules
from community.questions.forms import QuestionFilterForm, QuestionForm
from home.pagination import page_of
from library.models import MaterialPage

PER_PAGE = 20


@never_cache
@member_required
def question_list(request):
    form = QuestionFilterForm(request.GET)
    listed = form.filter(rules.for_listing(Question.objects.visible()), request.user)
    page = page_of(listed, request.GET.get("page", 1), PER_PAGE)

    def url_without(name):
        """This list without filter `name` (and the empty ones), from its first page."""
        params = {key: value for key, value in form.chosen().items() if key != name}
        if params.get("mine"):
            params["mine"] = "1"
        return f"?{urlencode(params)}" if params else request.path

    return render(
        request,
        "community/questions/list.html",
        {
            "form": form,
            "page_obj": page,
            "active_filters": form.active_filters(url_without),
            "is_filtered": bool(form.chosen()),
        },
    )


@never_cache
@member_required
def ask(request):
    if request.method == "POST":
        form = QuestionForm(request.POST, author=request.user)
        if form.is_valid():
            try:
                # The form told early if the hour's allowance is used up; this decides.
                question = post(request.user, form.save)
            except PostLimitReached:
                form.add_error(None, POST_LIMIT_REACHED)
            else:
                messages.success(request, _("Thank you! Your question is now open to the network."))
                return redirect(question)
    else:
        form = QuestionForm(author=request.user, initial=preselected(request.GET))
    return render(request, "community/questions/form.html", {"form": form})


def preselected(params):
    """?material=<id> (the link on a material's page) chooses that material, if everybody
    may see it, and its topics."""
    material_id = params.get("material", "")
    material = material_id.isdigit() and (
        MaterialPage.objects.visible().filter(pk=material_id).first()
    )
    if not material:
        return {}
    return {"materials": [material], "topics": list(material.topics.all())}


@never_cache
@member_required
def question_detail(request, pk):
    question = get_object_or_404(
        rules.readable_by(request.user).select_related("author__member_profile"), pk=pk
    )
    return render(
        request,
        "community/questions/detail.html",
        {
            "question": question,
            "topics": question.topics.all(),
            "materials": question.materials.visible().order_by("title"),
        },
    )


@require_POST
@member_required
def accept_answer(request, pk, comment_pk):
    """The asker or a moderator accepts one of the question's answers (a top-level public
    comment on it); accepting another one replaces it."""
    question = get_object_or_404(rules.readable_by(request.user), pk=pk)
    comment = get_object_or_404(rules.answers(question), pk=comment_pk)
    if not rules.may_accept(request.user, question):
        return render(
            request, "community/questions/forbidden.html", {"question": question}, status=403
        )
    rules.accept(question, comment)
    messages.success(request, _("The answer is accepted: the question is marked as solved."))
    return redirect(question)
