"""Where cngloss looks: the user's cache and data folders, and which library is used."""

import sys
from pathlib import Path

import pytest

from cngloss.library.location import library_path
from cngloss.sources.paths import user_folder

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the XDG rule is worked out by cngloss on Linux only")

XDG_CASES = [
    {},
    {"XDG_CACHE_HOME": "/x/cache", "XDG_DATA_HOME": "/x/data"},
    {"XDG_CACHE_HOME": "   ", "XDG_DATA_HOME": ""},  # blank: the defaults, as platformdirs
    {"XDG_CACHE_HOME": "relative/c", "XDG_DATA_HOME": "~/d", "HOME": "/home/someone"},
    {"HOME": "/home/someone"},
]


@linux_only
@pytest.mark.parametrize("environ", XDG_CASES)
@pytest.mark.parametrize("kind", ["cache", "data"])
def test_the_user_folders_are_where_platformdirs_puts_them(monkeypatch, environ, kind):
    import platformdirs

    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    find = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_data_dir
    expected = Path(find("cngloss", appauthor=False))
    assert user_folder(kind, dict(__import__("os").environ)) == expected


@linux_only
def test_the_folders_follow_the_environment_given_not_the_process_one(monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "/process/cache")
    assert user_folder("cache", {"XDG_CACHE_HOME": "/given"}) == Path("/given/cngloss")
    assert user_folder("data", {"XDG_DATA_HOME": "/given/d"}) == Path("/given/d/cngloss")


def test_on_android_and_other_systems_platformdirs_decides(monkeypatch):
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda app, appauthor: f"/pd/c/{app}")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda app, appauthor: f"/pd/d/{app}")
    assert user_folder("cache", {"ANDROID_DATA": "/data"}) == Path("/pd/c/cngloss")
    assert user_folder("data", {"ANDROID_DATA": "/data"}) == Path("/pd/d/cngloss")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert user_folder("cache", {"XDG_CACHE_HOME": "/x"}) == Path("/pd/c/cngloss")


def test_the_library_is_the_named_one_else_the_variable_else_the_default(tmp_path):
    named = tmp_path / "mine.sqlite"
    assert library_path(named, {"CNGLOSS_LIBRARY": "/env.sqlite"}) == (named, True)
    assert library_path(None, {"CNGLOSS_LIBRARY": "/env.sqlite"}) == (Path("/env.sqlite"),
                                                                       True)
    path, named_ = library_path(None, {"XDG_DATA_HOME": str(tmp_path), "CNGLOSS_LIBRARY": ""})
    if sys.platform.startswith("linux"):
        assert path == tmp_path / "cngloss" / "library.sqlite"
    assert path.name == "library.sqlite" and named_ is False


def test_asking_where_the_library_is_imports_neither_sqlite_nor_platformdirs():
    import subprocess

    code = ("import sys, cngloss.library.location as l; l.library_path(None, {}); "
            "print(sorted(m for m in ('sqlite3', 'platformdirs', 'cngloss.library.store') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    expected = "[]" if sys.platform.startswith("linux") else "['platformdirs']"
    assert out.strip() == expected
