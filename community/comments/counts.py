"""Counting comments per row of a list (questions with their answers, a working group's
discussions with their replies) in the list's own query."""

from django.db.models import CharField, Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce


def with_counts(queryset, comments, name):
    """`queryset` with the attribute `name`: how many of `comments` (a queryset of comments
    on the rows' model) each row has."""
    counted = (
        comments.filter(object_pk=Cast(OuterRef("pk"), CharField()))
        .order_by()
        .values("object_pk")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(**{name: Coalesce(Subquery(counted, output_field=IntegerField()), 0)})
