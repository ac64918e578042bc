"""What only PostgreSQL needs from a migration (indexes and functions for the search):
SQLite, the embedded default, keeps its own full-text index and needs none of it."""


def run_on_postgresql(sql):
    """A RunPython function that executes `sql` on PostgreSQL and does nothing elsewhere."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run
