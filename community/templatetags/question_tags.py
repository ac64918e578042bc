"""Questions of the members' exchange elsewhere on the site: `{% questions_about page %}` on
a material's page (the questions that link to it, for members; a hint for everybody else)
and `{% asker question %}` (who asked, linked to their profile)."""

from django import template

from community import questions
from community.access import member_state

register = template.Library()


@register.inclusion_tag("community/question_about_material.html", takes_context=True)
def questions_about(context, material):
    state = member_state(context["request"].user)
    about = None
    if state == "member":
        visible = questions.with_answer_counts(material.questions.visible())
        about = visible.order_by("-last_activity_at", "-pk")
    return {
        "material": material,
        "state": state,
        "questions": about,
        "path": context["request"].get_full_path(),
    }


@register.inclusion_tag("community/question_asker.html")
def asker(question):
    """Who asked, linked to their profile while it is approved."""
    name, profile = questions.asker(question)
    return {"name": name, "profile": profile}
