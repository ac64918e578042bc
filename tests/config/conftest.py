"""Outages of the real services, without mocks: Django's own database connection pointed at
a database that is not there, django-redis pointed at a closed port."""

import sqlite3

import pytest
from django.db import connection

# Nothing listens on port 1 of the loopback interface: connections are refused at once.
CLOSED_PORT = 1
DEAD_REDIS_URL = f"redis://127.0.0.1:{CLOSED_PORT}/0"


class DatabaseOutage:
    """`start()` points the default connection at a database that cannot be reached (SQLite:
    a file in a missing folder; PostgreSQL: a closed port) and closes it, as when the server
    goes away; `end()` puts the settings back and nothing else: the site has to reconnect by
    itself."""

    def __init__(self, tmp_path):
        self.saved = dict(connection.settings_dict)
        if connection.vendor == "sqlite":
            self.unreachable = {"NAME": str(tmp_path / "missing-folder" / "db.sqlite3")}
        else:
            self.unreachable = {"HOST": "127.0.0.1", "PORT": str(CLOSED_PORT)}
        self.keeper = None
        self.down = False

    def start(self):
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            # The in-memory test database lives while one connection to it is open.
            self.keeper = sqlite3.connect(self.saved["NAME"], uri=True)
        connection.settings_dict.update(self.unreachable)
        connection.close()
        self.down = True

    def end(self):
        connection.settings_dict.clear()
        connection.settings_dict.update(self.saved)
        self.down = False


@pytest.fixture
def database_outage(django_db_serialized_rollback, transactional_db, tmp_path):
    """The test's data must be committed to outlive the closed connection, hence a
    transactional test (with the migrations' groups restored afterwards)."""
    outage = DatabaseOutage(tmp_path)
    yield outage
    if outage.down:
        outage.end()
    if outage.keeper is not None:
        connection.ensure_connection()  # holds the in-memory database from now on
        outage.keeper.close()
