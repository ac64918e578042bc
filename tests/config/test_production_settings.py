"""config.settings.production: passes Django's deployment checks, refuses to start without
its secrets. Each test starts `manage.py` in a fresh process with only the given environment."""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "example.org",
}


def random_secret_key():
    alphabet = string.ascii_letters + string.digits + "!#%&*+-=?@^_"
    return "".join(secrets.choice(alphabet) for _ in range(50))


def manage(*args, **env):
    """Run manage.py with a clean environment: PATH, HOME and `env` only."""
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=random_secret_key(),
        **PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize("secret_key", [None, ""], ids=["unset", "empty"])
def test_production_refuses_to_start_without_secret_key(secret_key):
    env = dict(PRODUCTION_ENV)
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key

    result = manage("check", **env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("missing", ["DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_database_or_redis(missing):
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != missing}

    result = manage("check", SECRET_KEY=random_secret_key(), **env)

    assert result.returncode != 0
    assert missing in result.stderr


def test_production_turns_debug_off_even_when_the_environment_asks_for_it():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        SECRET_KEY=random_secret_key(),
        DEBUG="true",
        **PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
