"""Questions of the members' exchange elsewhere on the site: `{% questions_about page %}` on
a material's page (the questions that link to it, for members; a hint for everybody else)
and `{% asker question %}` (who asked, linked to their profile)."""

from django import template

from community.access import member_state
from community.questions import rules

register = template.Library()


@register.inclusion_tag("community/questions/about_material.html", takes_context=True)
def questions_about(context, material):
    state = member_state(context["request"].user)
    about = None
    if state == "member":
        visible = rules.with_answer_counts(material.questions.visible())
        about = visible.order_by("-last_activity_at", "-pk")
    return {
        "material": material,
        "state": state,
        "questions": about,
        "path": context["request"].get_full_path(),
    }


@register.inclusion_tag("community/questions/asker.html")
def asker(question):
    """Who asked, linked to their profile while it is approved."""
    name, profile = rules.asker(question)
    return {"name": name, "profile": profile}
