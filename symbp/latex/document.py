r"""Proof documents: complete LaTeX ``article`` files built from certificates.

A document states each identity, defines the quantities in the reader's
notation, and typesets the certificate's checked steps as the lines of an
``align*``, each with its justification in words. Nothing in a proof is typed
here: every line is a ``Step`` a prover checked. A certificate that is
``refuted`` or ``undecided`` is never typeset as a proof: the document states
the verdict and shows the counterexample or the reason.

The words of the document are data (``PHRASES``, ``JUSTIFICATIONS``), keyed
by language, so a translation is a new dictionary, not new code.

>>> from symbp.certificate import Certificate
>>> c = Certificate(identity="BP3", network={"sizes": [1, 1]}, method="exact",
...                 verdict="undecided", reason="the time budget of 1 s ran out")
>>> "never a proof" in certificate_body(c, "nielsen") or "undecided" in certificate_body(c, "nielsen")
True
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..errors import NotationError
from ..notation import Notation, profile
from . import render

#: The document's own words, per language. A key missing from a language
#: falls back to English.
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "title_catalogue": "Backpropagation, derived and machine-checked",
        "title_identity": "{name}: a machine-checked derivation",
        "notation": "Notation",
        "notation_intro": "Notation profile \\texttt{{{name}}} ({source}).",
        "weight_meaning": "{w} is the weight from neuron {k} of layer {lm1} to neuron {j} of layer {l}.",
        "bias_column": "The bias is column 0 of the weight matrix, with the constant input {x0}.",
        "layer_shift": "Layers are numbered from {first} (the input); symbolic layer names such as $l$ and $L$ keep their letters.",
        "definitions": "Definitions",
        "hadamard": "{u} is the elementwise (Hadamard) product and {S} the diagonal matrix of the {sp}.",
        "statement": "Statement",
        "source": "Source",
        "network": "Checked on",
        "network_line": "sizes {sizes}, activation {act}, cost {cost}; method {method}, {instances} instances, {seconds}.",
        "proof": "Proof",
        "qed": "This completes the proof.",
        "checked_note": "Each line above is a step the prover checked ({checked}).",
        "no_steps": "The certificate records the verdict {verdict} but no steps, so no derivation is typeset.",
        "evidence": "Evidence, not a proof",
        "probably_true": (
            "Verdict: probably true. A polynomial identity test at {points} random exact points found no"
            " difference (error bound {bound}); this is strong evidence, not a proof."
        ),
        "refuted": "Verdict: refuted. The identity fails; it is not typeset as a proof.",
        "counterexample": "Counterexample",
        "cx_instance": "Instance {instance}, indices {indices}{activation}, at the exact point",
        "cx_values": "where the two sides take different values:",
        "undecided": "Verdict: undecided. The identity was neither proved nor refuted; it is not typeset as a proof.",
        "reason": "Reason",
        "remaining": "What remained of the difference of the two sides:",
        "contents": "This document collects {n} certificates, one section each.",
        "activation_note": " (the activation stood in by {act})",
    }
}

#: A prover's justification (in English, as the certificate stores it) in
#: another language. English is the identity map; add a language here.
JUSTIFICATIONS: dict[str, dict[str, str]] = {"en": {}}

#: Cost definitions, as templates over the profile's names.
COST_DEFINITIONS = {
    "quadratic": r"{C} = \tfrac{{1}}{{2}} \sum_{{j}} ({aL}_{{j}} - {y}_{{j}})^2",
    "mean-quadratic": r"{C} = \frac{{1}}{{2m}} \sum_{{x}} \sum_{{j}} ({aL}_{{j}} - {y}_{{j}})^2",
    "cross-entropy": r"{C} = -\sum_{{j}} \left[{y}_{{j}} \ln {aL}_{{j}} + (1 - {y}_{{j}}) \ln (1 - {aL}_{{j}})\right]",
    "softmax-cross-entropy": (
        r"{aL}_{{j}} = \frac{{e^{{{zL}_{{j}}}}}}{{\sum_{{k}} e^{{{zL}_{{k}}}}}}, \qquad"
        r" {C} = -\sum_{{j}} {y}_{{j}} \ln {aL}_{{j}}"
    ),
}


def phrase(key: str, lang: str = "en", **values) -> str:
    table = PHRASES.get(lang)
    if table is None:
        raise NotationError(f"no document language {lang!r}; known: {', '.join(PHRASES)}")
    template = table.get(key, PHRASES["en"][key])
    return template.format(**values)


def justification(why: str, lang: str = "en") -> str:
    return JUSTIFICATIONS.get(lang, {}).get(why, why)


# -- text and math hygiene -------------------------------------------------------

_MATH_UNICODE = {
    "σ": r"\sigma", "δ": r"\delta", "Σ": r"\Sigma", "∑": r"\sum", "∂": r"\partial", "≠": r"\neq",
    "≤": r"\leq", "≥": r"\geq", "−": "-", "×": r"\times", "⊙": r"\odot", "·": r"\cdot", "∇": r"\nabla",
    "≡": r"\equiv", "→": r"\to", "′": "'", "½": r"\tfrac{1}{2}", "‖": r"\|", "φ": r"\varphi", "∈": r"\in",
    "…": r"\dots", "²": "^{2}", "ᵀ": "^{T}", "λ": r"\lambda", "η": r"\eta", "ε": r"\varepsilon",
    "∞": r"\infty", "≈": r"\approx", "⋯": r"\cdots", "ℓ": r"\ell", "∀": r"\forall", "⇒": r"\Rightarrow",
}
_TEXT_UNICODE = {"–": "--", "—": "---", "’": "'", "‘": "`", "“": "``", "”": "''", "…": r"\dots{}", "−": "-"}
_TEXT_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "^": r"\^{}", "&": r"\&", "%": r"\%",
    "#": r"\#", "~": r"\~{}", "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
}


def math(latex_text: str, notation="nielsen") -> str:
    """A prover's Nielsen LaTeX, re-indexed into ``notation``, safe for pdflatex."""
    return _unicode_math(render.retarget(latex_text, notation))


def _unicode_math(s: str) -> str:
    out = []
    for ch in s:
        if ord(ch) < 128:
            out.append(ch)
        elif ch in _MATH_UNICODE:
            out.append(_MATH_UNICODE[ch] + " ")
        else:
            out.append(rf"\text{{[U+{ord(ch):04X}]}}")
    return "".join(out)


def text(s: str, notation=None) -> str:
    r"""Plain words as LaTeX text: specials escaped, Greek and math signs as math.

    Segments between ``$...$`` are math (re-indexed into ``notation`` if given).

    >>> text("σ' of z_1 & 50% ≠ $w^{3}_{12}$", "sokolinsky")
    "$\\sigma $' of z\\_1 \\& 50\\% $\\neq $ $w^{(3)}_{21}$"
    """
    parts = str(s).split("$")
    out = []
    for n, part in enumerate(parts):
        if n % 2 == 1 and n < len(parts) - 1:  # a math segment
            out.append("$" + (math(part, notation) if notation is not None else _unicode_math(part)) + "$")
            continue
        if n % 2 == 1:  # an unmatched '$': escape it
            out.append(r"\$")
        for ch in part:
            if ch in _TEXT_SPECIAL:
                out.append(_TEXT_SPECIAL[ch])
            elif ord(ch) < 128:
                out.append(ch)
            elif ch in _TEXT_UNICODE:
                out.append(_TEXT_UNICODE[ch])
            elif ch in _MATH_UNICODE:
                out.append(f"${_MATH_UNICODE[ch]} $")
            else:
                out.append(rf"\texttt{{[U+{ord(ch):04X}]}}")
    return "".join(out)


# -- sections ------------------------------------------------------------------


def notation_section(notation, lang: str = "en") -> str:
    p = profile(notation)
    lines = [
        phrase("notation_intro", lang, name=text(p.name), source=text(p.source or p.description)),
        phrase(
            "weight_meaning", lang,
            w=f"${render.weight('l', 'j', 'k', p)}$", k="$k$", j="$j$",
            lm1=f"${p.layer('l-1')}$", l=f"${p.layer('l')}$",
        ),
    ]
    if p.bias_column:
        lines.append(phrase("bias_column", lang, x0=f"${p.names['input']}_{{0}} = 1$"))
    if p.layer_shift:
        lines.append(phrase("layer_shift", lang, first=f"${1 + p.layer_shift}$"))
    return f"\\section*{{{phrase('notation', lang)}}}\n" + "\n".join(lines) + "\n"


def definitions_section(notation, costs: Iterable[str] = ("quadratic",), lang: str = "en") -> str:
    r"""The forward pass, δ and the costs, written from the profile's data."""
    p = profile(notation)
    z_lj, a_lj = render.neuron("z", "l", "j", p), render.neuron("a", "l", "j", p)
    if p.bias_column:
        x_prev = lambda k: f"{p.names['input']}^{{{p.layer('l-1')}}}_{{{k}}}"  # noqa: E731
        forward = (
            rf"{z_lj} &= \sum_{{k=0}}^{{n_{{{p.layer('l-1')}}}}} {render.weight('l', 'j', 'k', p)} {x_prev('k')},"
            rf" \qquad {x_prev(0)} = 1,\ {x_prev('k')} = {render.neuron('a', 'l-1', 'k', p)} \ (k \geq 1)"
        )
    else:
        forward = (
            rf"{z_lj} &= \sum_{{k}} {render.weight('l', 'j', 'k', p)} {render.neuron('a', 'l-1', 'k', p)}"
            rf" + {render.bias('l', 'j', p)}"
        )
    rows = [
        forward,
        rf"{a_lj} &= {p.sigma}({z_lj}), \qquad {p.names['a']}^{{{p.layer(1)}}} = {p.names['input']}",
        rf"{render.neuron('delta', 'l', 'j', p)} &\equiv {render.partial(p.cost, z_lj)}",
    ]
    fill = dict(C=p.cost, aL=f"{p.names['a']}^{{{p.layer('L')}}}", zL=f"{p.names['z']}^{{{p.layer('L')}}}",
                y=p.names["target"])
    for name in dict.fromkeys(costs):
        if name in COST_DEFINITIONS:
            body = COST_DEFINITIONS[name].format(**fill)
            rows.append(body.replace(" = ", " &= ", 1) if "&" not in body else body)
    hadamard = phrase(
        "hadamard", lang, u="$u \\odot v$",
        S=f"${render.sigma_prime_matrix('l', p)}$", sp=f"${p.sigma}'({render.neuron('z', 'l', 'j', p)})$",
    )
    return (
        f"\\section*{{{phrase('definitions', lang)}}}\n\\begin{{align*}}\n"
        + " \\\\\n".join(rows)
        + f"\n\\end{{align*}}\n{hadamard}\n"
    )


def certificate_body(cert, notation="nielsen", *, lang: str = "en", standalone: bool = False) -> str:
    """One certificate as LaTeX: statement, where checked, then the proof or the verdict."""
    p = profile(notation)
    parts = []
    if cert.statement:
        parts.append(f"\\paragraph{{{phrase('statement', lang)}.}}\n\\[ {math(cert.statement, p)} \\]")
    if cert.source and not standalone:
        parts.append(f"\\paragraph{{{phrase('source', lang)}.}} {text(cert.source, p)}")
    if not standalone:
        parts.append(f"\\paragraph{{{phrase('network', lang)}.}} {_network_line(cert, lang)}")
    parts.append(_verdict_body(cert, p, lang))
    return "\n\n".join(parts) + "\n"


def _network_line(cert, lang: str) -> str:
    net = cert.network or {}
    sizes = net.get("sizes", "?")
    acts = net.get("activations") or net.get("activation") or "?"
    if isinstance(acts, (list, tuple)):
        acts = ", ".join(dict.fromkeys(str(a) for a in acts))
    return text(phrase(
        "network_line", lang, sizes=str(sizes), act=str(acts), cost=str(net.get("cost", "?")),
        method=cert.method, instances=cert.instances, seconds=f"{cert.seconds:.2f} s",
    ))


def _verdict_body(cert, p: Notation, lang: str) -> str:
    steps = list(cert.steps)
    why = lambda w: justification(w, lang)  # noqa: E731
    if cert.verdict in ("proved", "proved-for-all-sizes"):
        if not steps:
            return text(phrase("no_steps", lang, verdict=cert.verdict))
        checked = ", ".join(dict.fromkeys(s.checked for s in steps if s.checked)) or cert.method
        return (
            f"\\paragraph{{{phrase('proof', lang)}.}}\n{_align(steps, p, why)}\n"
            f"{text(phrase('checked_note', lang, checked=checked))} {phrase('qed', lang)}"
            "\\hfill\\rule{0.6em}{0.6em}"
        )
    if cert.verdict == "probably-true":
        body = text(phrase("probably_true", lang, points=cert.points, bound=cert.error_bound or "?"))
        if steps:
            body = f"\\paragraph{{{phrase('evidence', lang)}.}}\n{_align(steps, p, why)}\n{body}"
        return body
    if cert.verdict == "refuted":
        out = [text(phrase("refuted", lang))]
        if cert.counterexample is not None:
            out.append(_counterexample(cert.counterexample, p, lang))
        if cert.reason:
            out.append(f"\\paragraph{{{phrase('reason', lang)}.}} {text(cert.reason, p)}")
        return "\n\n".join(out)
    out = [text(phrase("undecided", lang))]
    if cert.reason:
        out.append(f"\\paragraph{{{phrase('reason', lang)}.}} {text(cert.reason, p)}")
    remaining = (cert.details or {}).get("remaining")
    if remaining:
        out.append(f"{text(phrase('remaining', lang))}\n\\[ {math(str(remaining), p)} \\]")
    return "\n\n".join(out)


def _align(steps: Sequence, p: Notation, why) -> str:
    lines, previous = [], None
    for step in steps:
        lhs = "" if previous is not None and step.lhs.strip() == previous else math(step.lhs, p)
        lines.append(rf"{lhs} &= {math(step.rhs, p)} && \text{{{text(why(step.why), p)}}}")
        previous = step.rhs.strip()
    return "\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}"


_RATIONAL = re.compile(r"-?\d+(?:/\d+)?")


def _value(v) -> str:
    s = str(v).strip()
    if _RATIONAL.fullmatch(s):
        if "/" in s:
            num, den = s.split("/")
            sign = "-" if num.startswith("-") else ""
            return rf"{sign}\tfrac{{{num.lstrip('-')}}}{{{den}}}"
        return s
    return rf"\texttt{{{text(s)}}}"


def _counterexample(cx, p: Notation, lang: str) -> str:
    act = phrase("activation_note", lang, act=text(cx.activation)) if cx.activation else ""
    head = phrase("cx_instance", lang, instance=text(str(cx.instance)), indices=text(str(tuple(cx.indices))),
                  activation=act)
    rows = []
    for name, value in cx.point.items():
        shown = render.symbol_latex(str(name), p)
        if shown is None:
            shown = r"\text{" + text(str(name)) + "}"
        rows.append(f"{shown} = {_value(value)}")
    point = ",\\quad ".join(rows)
    values = (
        rf"\text{{LHS}} = {math(cx.lhs, p) if cx.lhs else '?'} \approx {cx.lhs_value:.6g},"
        rf" \qquad \text{{RHS}} = {math(cx.rhs, p) if cx.rhs else '?'} \approx {cx.rhs_value:.6g}"
    )
    out = f"\\paragraph{{{phrase('counterexample', lang)}.}} {head}\n\\[ {point} \\]\n{phrase('cx_values', lang)}\n\\[ {values} \\]"
    if cx.reason:
        out += f"\n{text(cx.reason, p)}"
    return out


# -- whole documents -------------------------------------------------------------

_PREAMBLE = r"""\documentclass[11pt,a4paper]{article}
\usepackage{amsmath}
\allowdisplaybreaks
\setlength{\textwidth}{16cm}
\setlength{\oddsidemargin}{0cm}
\setlength{\evensidemargin}{0cm}
\setlength{\textheight}{24cm}
\setlength{\topmargin}{-1.5cm}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5em}
"""


def _wrap(title: str, body: str) -> str:
    return (
        _PREAMBLE
        + f"\\title{{{title}}}\n\\author{{symbp}}\n\\date{{}}\n\\begin{{document}}\n\\maketitle\n\n"
        + body
        + "\n\\end{document}\n"
    )


def _costs(certs) -> list[str]:
    return [str((c.network or {}).get("cost", "quadratic")) for c in certs]


def identity_document(cert, notation="nielsen", *, lang: str = "en") -> str:
    """A complete ``article`` for one certificate, in ``notation``."""
    p = profile(notation)
    body = (
        notation_section(p, lang)
        + definitions_section(p, _costs([cert]), lang)
        + f"\\section*{{{text(cert.identity)}}}\n"
        + certificate_body(cert, p, lang=lang)
    )
    return _wrap(text(phrase("title_identity", lang, name=cert.identity)), body)


def catalogue_document(certs: Sequence, notation="nielsen", *, lang: str = "en") -> str:
    """One ``article`` with a section per certificate (the whole catalogue)."""
    p = profile(notation)
    sections = [f"\\section{{{text(c.identity)}}}\n" + certificate_body(c, p, lang=lang) for c in certs]
    body = (
        text(phrase("contents", lang, n=len(certs))) + "\n"
        + notation_section(p, lang)
        + definitions_section(p, _costs(certs), lang)
        + "\n".join(sections)
    )
    return _wrap(text(phrase("title_catalogue", lang)), body)
