from __future__ import annotations

import pytest

from dropbox_lite.core.config import ConfigError, get_db_uri, load_config

P = "DROPBOX_LITE_"


def test_defaults_are_as_documented() -> None:
    settings = load_config({})
    assert settings.env == "development"
    assert settings.embedded
    assert (settings.host, settings.port, settings.workers) == ("127.0.0.1", 8000, 1)
    assert settings.public_url == "http://127.0.0.1:8000"
    assert settings.max_upload_bytes == 10 * 1024**3
    assert settings.default_quota_bytes is None
    assert settings.session_ttl_seconds == 30 * 24 * 3600
    assert settings.cors_origins == ()
    assert settings.graphiql and settings.introspection
    assert settings.secret_key_generated and len(settings.secret_keys[0]) >= 32


def test_public_url_follows_host_and_port() -> None:
    settings = load_config({P + "HOST": "0.0.0.0", P + "PORT": "9000"})
    assert settings.public_url == "http://0.0.0.0:9000"


def test_db_uri_escapes_user_and_password() -> None:
    settings = load_config(
        {P + "DB_HOST": "db.example", P + "DB_USER": "a@b", P + "DB_PASSWORD": "p/ss:w@rd"}
    )
    assert not settings.embedded
    assert get_db_uri(settings) == "mongodb://a%40b:p%2Fss%3Aw%40rd@db.example:27017/dropbox_lite"


def test_mongodb_uri_wins_over_parts() -> None:
    settings = load_config({P + "MONGODB_URI": "mongodb://x:1/y", P + "DB_HOST": "other"})
    assert get_db_uri(settings) == "mongodb://x:1/y"


def test_production_turns_off_graphiql_and_introspection() -> None:
    settings = load_config({P + "ENV": "production", P + "SECRET_KEY": "k" * 32})
    assert not settings.graphiql and not settings.introspection


def test_secret_key_list_rotates() -> None:
    settings = load_config({P + "SECRET_KEY": "new-key, old-key ,"})
    assert settings.secret_keys == ("new-key", "old-key")
    assert not settings.secret_key_generated


@pytest.mark.parametrize(
    ("environ", "variable"),
    [
        ({P + "PORT": "abc"}, "DROPBOX_LITE_PORT"),
        ({P + "PORT": "70000"}, "DROPBOX_LITE_PORT"),
        ({P + "DB_PORT": "-1"}, "DROPBOX_LITE_DB_PORT"),
        ({P + "MONGODB_URI": "http://nope"}, "DROPBOX_LITE_MONGODB_URI"),
        ({P + "MONGODB_URI": "mongodb://"}, "DROPBOX_LITE_MONGODB_URI"),
        ({P + "ENV": "production"}, "DROPBOX_LITE_SECRET_KEY"),
        ({P + "ENV": "staging"}, "DROPBOX_LITE_ENV"),
        ({P + "WORKERS": "0"}, "DROPBOX_LITE_WORKERS"),
        ({P + "MAX_UPLOAD_BYTES": "lots"}, "DROPBOX_LITE_MAX_UPLOAD_BYTES"),
        ({P + "GRAPHIQL": "maybe"}, "DROPBOX_LITE_GRAPHIQL"),
        ({P + "PUBLIC_URL": "ftp://x"}, "DROPBOX_LITE_PUBLIC_URL"),
    ],
)
def test_bad_values_name_the_variable(environ: dict[str, str], variable: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(environ)
    assert caught.value.variable == variable
    assert str(caught.value).startswith(variable)


def test_nothing_is_read_at_import_time() -> None:
    import os
    import subprocess
    import sys

    # In a process of its own: reloading the module here would give later tests a
    # second ConfigError class.
    code = (
        "import dropbox_lite.core.config as c\n"
        "try:\n    c.load_config()\nexcept c.ConfigError as e:\n    print(e.variable)"
    )
    env = {**os.environ, P + "PORT": "not-a-number"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr  # importing did not fail
    assert result.stdout.strip() == P + "PORT"


def test_the_drivers_uri_check_runs_before_connecting() -> None:
    from dropbox_lite.core.server import check_startup

    settings = load_config({P + "MONGODB_URI": "mongodb://a:b:c@@host"})
    with pytest.raises(ConfigError) as caught:
        check_startup(settings)
    assert caught.value.variable == "DROPBOX_LITE_MONGODB_URI"
    assert "not a valid MongoDB connection string" in str(caught.value)


def test_config_does_not_import_the_database_layer() -> None:
    import subprocess
    import sys

    code = (
        "import sys, dropbox_lite.core.config as c; c.load_config("
        "{'DROPBOX_LITE_MONGODB_URI': 'mongodb://h/x'}); "
        "print(sorted(m for m in sys.modules if m.startswith(('dropbox_lite.core.db', 'pymongo'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
