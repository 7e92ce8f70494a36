r"""A formula about the output alone that is ill-shaped with several outputs and holds with one.

``C = \frac12 (y - a^L)^2`` squares a vector entry by entry: with several
output neurons the right side is a vector and the cost a number, so the
formula is refuted on every standard network (each has at least two outputs).
With one output neuron (n_L = 1) the vector has one entry, a number, and the
formula is the quadratic cost (its reading as an inner product: ``vector_square``);
likewise ``\delta^L = (a^L - y)^T \sigma'(z^L)``. When a formula that names only
the output layer (a^L, z^L, δ^L, y, C) is refuted by shapes alone, a number on
one side and a vector on the other (not a row for a column: a missing transpose
stays refuted), it is checked again on the same networks with a single output.
If it holds on every one:

* the user fixed a network with one output (``--sizes 3,1``): the verdict is
  ``conditional`` on n_L = 1, met by that network (exit 0);
* otherwise it stays refuted (a claim about every network, ill-shaped on those
  with several outputs: a slip such as a missing index is not hidden), and the
  reason says that it holds with one output and to give such a network with
  ``--sizes``.

>>> from symbp.verify import verify
>>> v = verify(r"\delta^L = (a^L - y)^T \sigma'(z^L)")
>>> v.status, "with a single output neuron (n_L = 1) it is a number and holds" in v.reason
('refuted', True)
>>> v = verify(r"\delta^L = (a^L - y)^T \sigma'(z^L)", sizes=(3, 1))
>>> v.status, v.condition, v.exit_code
('conditional', 'n_L = 1', 0)

A product of two output vectors (``(a^L)^2 = a^L a^L``, ``(a^L - y)\sigma'(z^L)``) is ill-shaped with several
outputs in the same way, and is a product of numbers with one: it is treated alike.

Notes may fix the number of outputs in their prose: "one output neuron", "a single output unit", "the last
layer $L$ has one neuron", "so $a^L$ is a number", "$n_L = 1$" (Czech "jeden výstupní neuron", "poslední
vrstva má jediný neuron", Polish "jeden neuron wyjściowy", Russian "один выходной нейрон"). ``prose_outputs``
finds these words; ``notes`` then checks every claim on networks with one output (``Setting.outputs``), as the
notes' own network, so such a claim holds (no condition: the notes fixed it), and the notes' cost
``C = \frac12 (y - a^L)^2`` is the quadratic cost.

>>> prose_outputs("The network has one output neuron, so $a^L$ is a number.")
(1, 'one output neuron')
>>> prose_outputs("Poslední vrstva $L$ má jediný neuron.")
(1, 'Poslední vrstva $L$ má jediný neuron')
>>> prose_outputs("With more than one output neuron the cost is a sum.") is None
True
"""

from __future__ import annotations

import re
import time

from .check import Outcome
from .family import family
from .instances import _quantities
from .network_check import Setting, check_network
from .nodes import Equation, walk

#: The shape refutation this is about: a number on one side, a vector on the other.
_SCALAR_VS_VECTOR = re.compile(r"the left side .* is a scalar but the right side .* is a (?:column|row) vector of \d+|"
                               r"the left side .* is a (?:column|row) vector of \d+ but the right side .* is a scalar")

#: Two output vectors multiplied as matrices: ill-shaped with several outputs, numbers with one.
_VECTOR_TIMES_VECTOR = re.compile(r"a column vector of \d+ times a column vector of \d+ does not multiply")

#: The condition a single-output verdict carries.
CONDITION = "n_L = 1"


def only_output(eq: Equation) -> bool:
    """Does ``eq`` name the output layer only (a^L, z^L, δ^L, y, C; no other layer, no input)?"""
    qs = [q for n in walk(eq) for q in _quantities(n)]
    return bool(qs) and all(q.role in ("y", "C") or (q.layer is not None and q.layer.var == "L" and q.layer.offset == 0)
                            for q in qs) and any(q.role != "C" for q in qs)


def single_output(eq: Equation, outcome: Outcome, setting: Setting, budget: float) -> "Outcome | None":
    """The conditional verdict (n_L = 1, met) of a formula ``outcome`` refuted by shapes alone, on a network the user
    fixed with one output; without one, ``outcome`` with the reason saying that it holds with one output; or None
    (see above)."""
    if outcome.status != "refuted" or not outcome.shape or len(eq.sides) != 2 or not only_output(eq):
        return None
    if not (_SCALAR_VS_VECTOR.search(outcome.reason) or _VECTOR_TIMES_VECTOR.search(outcome.reason)):
        # a row for a column (a missing transpose) stays refuted
        return None
    deadline = time.perf_counter() + budget
    nets = [sizes for _, sizes in family(eq, setting.notation)[0] if len(sizes) <= 4]
    ones = list(dict.fromkeys(tuple(s[:-1]) + (1,) for s in nets))
    if setting.fixed and setting.fixed[-1] == 1 and tuple(setting.fixed) not in ones:
        ones.append(tuple(setting.fixed))
    checked, total = [], 0
    for sizes in ones:
        nc = check_network(eq.sides[0], eq.sides[1], len(sizes), sizes, setting, deadline, eq.where)
        if nc.status != "holds" or nc.instances == 0:
            return None
        total += nc.instances
        checked.append({"sizes": list(sizes), "depth": len(sizes), "L": len(sizes) + setting.notation.layer_shift,
                        "status": "holds", "instances": nc.instances, "layers": [], "outside": []})
    where = ", ".join(str(list(s)) for s in ones)
    if not (setting.fixed and setting.fixed[-1] == 1):
        # a claim about every network, ill-shaped on most of them: refuted, and the reason says what one output does
        outcome.reason += (f"; with a single output neuron ({CONDITION}) it is a number and holds (checked on "
                           f"{where}): give your network with --sizes if it has one output")
        return outcome
    kept = tuple(c for c in outcome.checked if tuple(c["sizes"]) not in ones)  # a fixed [3, 1]: listed once
    reason = (f"holds only with a single output neuron ({CONDITION}: checked on {where}, your network among them), "
              f"where it is a number; with several outputs it is ill-shaped: {outcome.reason}")
    return Outcome("conditional", reason, sum(c["instances"] for c in kept) + total, condition=CONDITION,
                   condition_met=True, checked=kept + tuple(checked),
                   networks=tuple(s for s in outcome.networks if s not in ones) + tuple(ones),
                   shape=True)


_ONE = r"(?:one|a\s+single|only\s+one|just\s+one|exactly\s+one|1)"
_MATH = r"(?:\$[^$\n]{1,20}\$\s+|\\\([^\n]{1,20}?\\\)\s+)?"  # "the last layer $L$ has …"
#: Words that fix one output neuron, in English, Czech, Polish and Russian.
_PROSE_ONE_OUTPUT = re.compile("|".join((
    _ONE + r"\s+output\s+(?:neuron|unit|node)s?\b",
    r"\b(?:the\s+)?(?:output|last|final)\s+layer\s+" + _MATH + r"(?:has|contains|consists\s+of)\s+(?:only\s+)?"
    r"(?:one|a\s+single|just\s+one|exactly\s+one)\s+(?:neuron|unit|node)\b",
    r"\$\s*a\s*\^\s*\{?\s*L\s*\}?\s*\$\s+is\s+a\s+(?:real\s+)?(?:number|scalar)\b",
    r"\$\s*n\s*_\s*\{?\s*L\s*\}?\s*=\s*1\s*\$",
    r"\bjed(?:en|ním|iný|iným|noho|iného)\s+výstupní(?:m|ho)?\s+neuron(?:em|u)?\b",
    r"\b(?:poslední|výstupní)\s+vrstva\s+" + _MATH + r"má\s+(?:jen\s+|pouze\s+)?(?:jeden|jediný)\s+neuron\b",
    r"\b(?:jeden|jednym|jednego|pojedynczy\w*)\s+neuron\w*\s+wyjściow\w*",
    r"\b(?:ostatnia|wyjściowa)\s+warstwa\s+" + _MATH + r"ma\s+(?:tylko\s+)?(?:jeden|pojedynczy)\s+neuron\b",
    r"(?:^|\s)(?:один|одним|одного|единственн\w*)\s+выходн\w*\s+нейрон\w*",
    r"(?:^|\s)(?:последний|выходной)\s+слой\s+" + _MATH + r"(?:имеет|содержит|состоит\s+из)\s+(?:один|одного|единственн\w*)"
    r"\s+нейрон\w*",
)), re.IGNORECASE)
#: Words before the phrase that make it say something else ("more than one output neuron", "not one output unit").
_NOT_ONE = re.compile(r"(?:than|least|not|instead\s+of|než|niż|чем|не)\s*$", re.IGNORECASE)


#: Words that make a sentence about one output neuron say something else: one per class, one more than, unlike
#: the case n_L = 1, ten in all (a sentence with any of them fixes nothing).
_OTHERWISE = re.compile(
    r"\b(?:per|each|every|more|less|fewer|than|unlike|instead|not|class(?:es)?|two|three|four|five|six|seven|eight|"
    r"nine|ten|several|many|k|n|m)\b|\$\s*\d*[02-9]\d*\s*\$|\b\d*[02-9]\d*\b"
    r"|každ\w*|víc\w*|než|není|nemá|\bne\b|tříd\w*|кажд\w*|больше|чем|в\s+отличие|не\b|класс\w*"
    r"|każd\w*|więcej|niż|zamiast|nie\b|klas\w*", re.IGNORECASE)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` around [start, end): from the last . ! ? or blank line before it to the next one."""
    before = max(text.rfind(c, 0, start) for c in (".", "!", "?", "\n\n"))
    after = min((i for i in (text.find(c, end) for c in (".", "!", "?", "\n\n")) if i >= 0), default=len(text))
    return text[before + 1:after]


def prose_outputs(text: str) -> "tuple[int, str] | None":
    """(line, the words) where the prose of ``text`` fixes one output neuron, or None (see above). A sentence
    that also says "per", "each", "more than", "unlike", a class or another number fixes nothing: it may speak of
    several outputs ("one output neuron per class, ten in all")."""
    for m in _PROSE_ONE_OUTPUT.finditer(text):
        if _NOT_ONE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        rest = _sentence(text, m.start(), m.end())
        if _OTHERWISE.search(rest.replace(m.group(0), " ")):
            continue
        return text.count("\n", 0, m.start()) + 1, m.group(0).strip()
    return None


__all__ = ["CONDITION", "only_output", "prose_outputs", "single_output"]
