"""Only on PYTHONPATH during `mutation/run`: lets a `python -m cngloss` started by a test from
another working directory import the mutated copy of cngloss.

mutmut's trampoline (imported by every mutated module) reads mutmut's configuration from the
*current* directory's pyproject.toml, and a child started with ``cwd=tmp_path`` has none: it
dies with "Could not figure out where the code to mutate is" (boxed/mutmut#526 and
neighbours). Load that configuration once, from the project root, before anything else.
"""

import os

_root = os.environ.get("CNGLOSS_MUTATION_ROOT")
if _root and "MUTANT_UNDER_TEST" in os.environ:
    _cwd = os.getcwd()
    try:
        os.chdir(_root)
        from mutmut.configuration import config as _config

        _config()
    except Exception:  # never break a child process for the sake of mutation testing
        pass
    finally:
        os.chdir(_cwd)
