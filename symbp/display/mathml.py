r"""Formulas as MathML for HTML output (the notes report, notebook displays), converted in Python.

Browsers render MathML natively, so a page with these formulas needs no
script and no network. A formula the converter (``latex2mathml``) cannot
typeset, or would typeset wrongly (an unknown command such as ``\foo`` comes
out as the letters of its name), is shown as its LaTeX source instead:
never garbled, never dropped.

>>> mathml(r"a^l = \sigma(z^l)").startswith('<math')
True
>>> mathml(r"\notacommand x")
'<code class="latex">\\notacommand x</code>'
"""

from __future__ import annotations

import html
import re


def mathml(latex: str, *, display: bool = True) -> str:
    """``latex`` as a ``<math>`` element, or its escaped source in ``<code class="latex">``."""
    from latex2mathml.converter import convert

    try:
        out = convert(latex, display="block" if display else "inline")
    except Exception:  # noqa: BLE001 - a third-party parser: any failure means "show the source"
        return source(latex)
    if re.search(r"<m[io][^>]*>\\", out) or "<merror" in out:
        return source(latex)
    return out


def source(latex: str) -> str:
    """The LaTeX source, escaped, in ``<code class="latex">``."""
    return f'<code class="latex">{html.escape(latex)}</code>'
