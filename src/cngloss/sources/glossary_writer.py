"""A glossary as YAML text, in the layout of the bundled ``data/terms.yaml``: one blank line
between terms, block lists, short lists of plain strings in flow style, multi-line
definitions as literal blocks. What is written reads back to the same values
(``tests/test_corpus_importer.py`` checks it through the glossary reader)."""

from __future__ import annotations

from typing import Any


def glossary_yaml(data: dict[str, Any], header: str = "") -> str:
    """``data`` (title, report, terms as plain dicts and lists) as YAML, after ``header``
    (comment lines, each written with ``# ``)."""
    import yaml  # lazy: PyYAML, only when a glossary is written

    class Dumper(yaml.SafeDumper):
        def increase_indentation(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

        increase_indent = increase_indentation  # lists indented under their key

    def text(dumper: yaml.SafeDumper, value: str) -> Any:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def sequence(dumper: yaml.SafeDumper, value: list) -> Any:
        flow = bool(value) and all(isinstance(v, str) and "\n" not in v for v in value) \
            and sum(len(v) for v in value) <= 60
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)

    Dumper.add_representer(str, text)
    Dumper.add_representer(list, sequence)
    body = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)
    body = body.replace("\n  - id: ", "\n\n  - id: ")
    lines = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return lines + body
