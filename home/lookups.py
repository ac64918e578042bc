"""`field__among=ids`: the field is one of many ids (thousands: the hits of a search), sent
as one parameter. In `__in` each id would be pasted into the SQL of every query that filters
by them (the library's facets), slow to build and to send; and PostgreSQL plans
`= ANY(array)` better than a subquery, because it knows how many ids there are.

Pass the ids as `Ids(ids)`: Django walks a list given to a filter twice, resolving and
checking each item, which costs milliseconds for thousands of ids."""

import json

from django.db.models import Field, ForeignObject, Lookup


class Ids:
    """Ids for `__among`, which Django passes on without looking at each of them."""

    __slots__ = ("ids",)

    def __init__(self, ids):
        self.ids = ids


@Field.register_lookup
@ForeignObject.register_lookup  # relations keep their own lookups
class Among(Lookup):
    lookup_name = "among"
    prepare_rhs = False

    def get_prep_lookup(self):
        ids = self.rhs.ids if isinstance(self.rhs, Ids) else self.rhs
        return [int(value) for value in ids]  # once, however often the query is run

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            # As the text of an array: psycopg's adaptation of a long list costs more.
            array = "{" + ",".join(map(str, self.rhs)) + "}"
            return f"{lhs} = ANY(%s::integer[])", [*params, array]
        # SQLite: the ids as one JSON array. `lhs` is a compiled column, never user input.
        ids = json.dumps(self.rhs)
        return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, ids]  # noqa: S608
