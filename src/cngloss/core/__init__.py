"""The core: one object (``Workspace``) opened from the glossary in use, the library (or none)
and the environment, with one method per command. Every front end (the CLI, a web page)
calls these methods; none decides which source answers (docs/architecture.md)."""

from .workspace import Workspace, open_workspace

__all__ = ["Workspace", "open_workspace"]
