"""``cngloss serve``: the library as a local web page (docs/serve.md).

``api`` answers the JSON API with exactly what the CLI's ``--json`` prints; ``pages`` draws
the HTML; ``security`` is the ASGI layer every request passes (methods, Host, headers);
``app`` wires them into a Starlette application. Only ``cngloss serve`` imports this package,
and Starlette only inside ``app``: ``import cngloss`` never loads it.
"""
