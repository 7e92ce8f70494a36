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
finds these words; ``notes`` then checks the claims on networks with one output (``Setting.outputs``), as the
notes' own network, so such a claim holds (no condition: the notes fixed it), and the notes' cost
``C = \frac12 (y - a^L)^2`` is the quadratic cost. Where (``output_prose``, review 15): from the sentence that
says so until one that speaks of several outputs again ("ten output neurons", "in general", a new section); a
hypothetical ("If $n_L = 1$, then $$…$$", "if the network had a single output neuron, we could write …") fixes
nothing, and only the formulas it states after its words are checked on one output (the notes state them under
that condition). The same formula written under one output and in general is two claims, two rows.

Words that fix two to five output neurons ("The output layer has 3 neurons", "$a^L \\in \\mathbb{R}^3$", "$n_L = 3$",
"Výstupní vrstva má tři neurony", "Выходной слой имеет три нейрона", "Warstwa wyjściowa ma trzy neurony") are read
the same way, the claims after them checked on networks with that many outputs (``OutputProse.count``): a claim
written out for three outputs is conditional on n_L = 3 there (rv53 F15), never a plain holds. A sentence that also
qualifies the number (``_OTHERWISE``: a negation, "per", another number) fixes nothing.

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
from dataclasses import dataclass, replace

from .check import Outcome
from .family import family
from .graphscope import releases, section_end
from .instances import _quantities
from .network_check import Setting, check_network
from .nodes import Equation, walk
from .sentences import FORMULA as _FORMULA, HYPOTHETICAL as _SENTENCE_HYPOTHETICAL
from .sentences import line_of as _line, masked as _masked, position_of as _position, prose as _prose
from .sentences import sentences as _sentences

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
    # "one output" with no noun after it ("If there were one output, then", "The network has a single output."):
    # not "one output layer / value / of …" (review 18 F9)
    _ONE + r"\s+output(?=\s*(?:[,.;:!?)]|$|\s(?:then|and|so|only|here|neuron)\b))",
    r"\b(?:jeden|jediný|jedním|jediným)\s+výstup(?:em)?(?=\s*(?:[,.;:!?)]|$|\s(?:pak|a|tak)\b))",
    r"(?:^|\s)(?:один|одним|единственн(?:ый|ым))\s+выход(?:ом)?(?=\s*(?:[,.;:!?)]|$|\s(?:то|и|тогда)(?!\w)))",
    r"\b(?:jedno|jednym|pojedyncze|pojedynczym)\s+wyjści(?:e|em)(?=\s*(?:[,.;:!?)]|$|\s(?:to|i|wtedy)\b))",
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
#: The phrases naming a neuron (or a^L, n_L), and the words that say "one output" alone is the network's.
_NOUN = re.compile(r"neuron|unit|node|нейрон|\$", re.IGNORECASE)
_NETWORK = re.compile(r"\b(?:network|net|model|there\s+(?:is|are|were|was|be))\b|\bsí[tť]\w*|(?:^|\s)сет[ьи]\w*"
                      r"|\bsie[cć]\w*", re.IGNORECASE)
#: Words before the phrase that make it say something else ("more than one output neuron", "not one output unit").
_NOT_ONE = re.compile(r"(?:than|least|not|instead\s+of|než|niż|чем|не)\s*$", re.IGNORECASE)


#: Words that make a sentence about one output neuron say something else: one per class, one more than, unlike
#: the case n_L = 1, ten in all (a sentence with any of them fixes nothing).
_OTHERWISE = re.compile(
    r"\b(?:per|each|every|more|less|fewer|than|unlike|instead|not|class(?:es)?|two|three|four|five|six|seven|eight|"
    r"nine|ten|several|many|k|n|m)\b|\$\s*\d*[02-9]\d*\s*\$|\b\d*[02-9]\d*\b"
    r"|každ\w*|víc\w*|než|není|nemá|\bne\b|tříd\w*|кажд\w*|больше|чем|в\s+отличие|не\b|класс\w*"
    r"|każd\w*|więcej|niż|zamiast|nie\b|klas\w*", re.IGNORECASE)


_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "dva": 2, "dvě": 2, "tři": 3, "čtyři": 4, "pět": 5, "šest": 6, "sedm": 7, "osm": 8, "devět": 9, "deset": 10,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7, "osiem": 8,
    "dziewięć": 9, "dziesięć": 10}
_COUNT = r"([2-9]|[1-9]\d|\$\s*(?:[2-9]|[1-9]\d)\s*\$|" + "|".join(_NUMBER_WORDS) + ")"
#: Words that fix the number of output neurons at two or more (rv53 F15: "The output layer has 3 neurons", ignored,
#: refuted BP2 written out for three outputs on a network with four). Narrow: the output layer (or the network's
#: output neurons) and one number, in a plain statement.
_PROSE_COUNT_OUTPUT = re.compile("|".join((
    r"\b(?:the\s+)?(?:output|last|final)\s+layer\s+" + _MATH + r"(?:has|contains|consists\s+of)\s+(?:exactly\s+)?"
    + _COUNT + r"\s+(?:neurons|units|nodes)\b",
    r"\b(?:network|net|model)\s+(?:has|with)\s+(?:exactly\s+)?" + _COUNT + r"\s+output\s+(?:neurons|units|nodes)\b",
    r"\$\s*n\s*_\s*\{?\s*L\s*\}?\s*=\s*([2-9]|[1-9]\d)\s*\$",
    r"\$\s*a\s*\^\s*\{?\s*L\s*\}?\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*\{?\s*([2-9]|[1-9]\d)\s*\}?\s*\$",
    r"\b(?:poslední|výstupní)\s+vrstva\s+" + _MATH + r"má\s+(?:přesně\s+)?" + _COUNT + r"\s+neuron(?:y|ů)\b",
    r"(?:^|\s)(?:последний|выходной)\s+слой\s+" + _MATH + r"(?:имеет|содержит|состоит\s+из)\s+" + _COUNT
    + r"\s+нейрон(?:а|ов)(?!\w)",
    r"\b(?:(?:ostatnia|wyjściowa)\s+warstwa|warstwa\s+(?:ostatnia|wyjściowa))\s+" + _MATH + r"ma\s+(?:dokładnie\s+)?"
    + _COUNT + r"\s+neuron(?:y|ów)\b",
)), re.IGNORECASE)


#: The most output neurons words fix: more make every check on the notes' network slow, and a claim written out
#: for them is rare; such words fix nothing (the claims are checked on the usual networks).
_MAX_COUNT = 5


def _count_output(sentence: str) -> "tuple[int, re.Match] | None":
    """(the number, the phrase) where ``sentence`` fixes two or more output neurons, every phrase of it that does
    agreeing and nothing else in it qualifying them ("… 3 neurons, one per class", "not 3 neurons"), or None."""
    found = list(_PROSE_COUNT_OUTPUT.finditer(sentence))
    if not found:
        return None
    counts = set()
    for m in found:
        raw = next(g for g in m.groups() if g).strip("$ \t").lower()
        counts.add(_NUMBER_WORDS.get(raw) or int(raw))
    rest = _prose(sentence)
    for m in found:
        rest = rest.replace(" ".join(m.group(0).split()), " ").replace(m.group(0), " ")
    if len(counts) != 1 or max(counts) > _MAX_COUNT or _OTHERWISE.search(rest) or _NOT_ONE.search(sentence[max(0, found[0].start() - 20):found[0].start()]):
        return None
    return counts.pop(), found[0]


#: The hypothetical words of ``sentences``, and words that call the assumption a mistake ("A common mistake is to
#: assume a single output neuron", "wrongly assume"; not the nouns chyba, ошибка, błąd alone, which also name the
#: error δ of a neuron): such a sentence does not fix the notes' network either.
_HYPOTHETICAL = re.compile(
    _SENTENCE_HYPOTHETICAL.pattern
    + r"|\b(?:mistakes?|mistaken(?:ly)?|wrong(?:ly)?|incorrect(?:ly)?|erroneous(?:ly)?|pitfall)\b"
    r"|\b(?:chybně|mylně|(?:častou|typickou|běžnou)\s+chybou|(?:častá|typická|běžná)\s+chyba)\b"
    r"|(?:^|\s)(?:ошибочно|неверно|неправильно|(?:частая|типичная|грубая)\s+ошибка|(?:частой|типичной|грубой)\s+ошибкой)"
    r"(?!\w)|\b(?:błędnie|mylnie|(?:częstym|typowym)\s+błędem|(?:częsty|typowy)\s+błąd)\b", re.IGNORECASE)

_N = (r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|several|many|multiple|\d*[02-9]\d*|\d{2,}"
      r"|more\s+than\s+one|at\s+least\s+two|\$\s*\d*[02-9]\d*\s*\$|\$\s*\d{2,}\s*\$|\$\s*[kKmMnN]\s*\$"
      r"|\$\s*n\s*[_^]\s*\{?\s*\[?\s*L\s*\]?\s*\}?\s*\$)")
#: Words that speak of several output neurons: where one output fixed by the prose stops being in force.
_SEVERAL = re.compile("|".join((
    _N + r"\s+(?:distinct\s+|different\s+|separate\s+)?output(?:s\b|\s+(?:neurons?|units?|nodes?|classes)\b)",
    r"\b(?:output|last|final)\s+layer\s+" + _MATH + r"(?:has|contains|consists\s+of)\s+" + _N
    + r"\s+(?:neurons|units|nodes)\b",
    r"(?:\$\s*a\s*\^\s*\{?\s*L\s*\}?\s*\$|\boutput\s+(?:\$[^$]{1,20}\$\s+)?)\s*is\s+a\s+(?:column\s+|row\s+)?vector\b",
    r"n\s*_\s*\{?\s*L\s*\}?\s*(?:>|\\gt\b|\\geq?\b|\\neq?\b|=\s*(?:[02-9]|\d{2,}|[kKmM]\b))",
    r"\b(?:dva|dvě|tři|čtyři|pět|šest|sedm|osm|devět|deset|několik|mnoho|více|víc|\d*[02-9]\d*)\s+"
    r"(?:výstupní(?:ch|mi)?\s+neuron\w*|výstup(?:ů|y)\b)",
    r"\b(?:dwa|dwie|trzy|cztery|pięć|sześć|siedem|osiem|dziewięć|dziesięć|kilka|wiele|wielu|więcej|\d*[02-9]\d*)\s+"
    r"(?:neuron\w*\s+wyjściow\w*|wyjść\b|wyjścia\b)",
    r"(?:^|\s)(?:два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько|много|\d*[02-9]\d*)\s+"
    r"(?:выходн\w*|выход(?:ов|а)\b)",
)), re.IGNORECASE)


@dataclass(frozen=True)
class OutputProse:
    """Prose that fixes one output neuron (``condition`` False): in force on the lines ``line`` ≤ l < ``until``
    (None: to the end), ended by ``ends`` (the words that speak of several outputs again, a release such as "in
    general", or a new section); or a hypothetical (``condition`` True, "If $n_L = 1$, then $$…$$"): the formulas
    of ``lines``, stated under it, are about networks with one output, and nothing else is."""

    line: int
    words: str
    condition: bool = False
    until: "int | None" = None
    ends: str = ""
    lines: tuple = ()
    count: int = 1  # the number of output neurons the words fix ("The output layer has 3 neurons": 3)

    def covers(self, line: int) -> bool:
        if self.condition:
            return line in self.lines
        return self.line <= line and (self.until is None or line < self.until)


def output_prose(text: str) -> list:
    r"""Where the prose of ``text`` fixes one output neuron (``OutputProse``, in text order; see above).

    A sentence with "if", "had", "would", "suppose", "when" (pokud, kdyby, если, jeśli, …) fixes nothing: the
    formulas it states after those words are about one output, the others are checked as usual. Prose that fixes
    one output is in force from its line until a sentence speaks of several outputs ("ten output neurons",
    "several outputs", "$n_L > 1$"), releases it ("in general", "no longer", ``graphscope.releases``), or the
    section ends (``graphscope.section_end``).

    >>> text = "We use one output neuron.\n\n$$a$$\n\nIn general,\n\n$$b$$\n"
    >>> [(p.line, p.until, p.ends) for p in output_prose(text)]
    [(1, 5, 'In general')]
    >>> p, = output_prose("If $n_L = 1$, then $$c$$\n\nOtherwise $$d$$\n")
    >>> p.condition, p.lines
    (True, (1,))
    """
    sentences = _sentences(text)
    math_lines = [(m.start(), _line(text, m.start()), _line(text, m.end())) for m in _FORMULA.finditer(text)]
    out, open_ = [], None
    for start, end in sentences:
        sentence = text[start:end]
        words = _prose(sentence)
        if open_ is not None:
            several = _SEVERAL.search(words)
            stop = several.group(0) if several else _releasing(_prose(sentence, displays=False))
            if stop:
                out.append(replace(open_, until=_line(text, start), ends=stop.strip()))
                open_ = None
        one, count = _one_output(sentence), 1
        if one is None:
            counted = _count_output(sentence)
            if counted is None:
                continue
            count, one = counted
        at = start + one.start()
        hyp = _HYPOTHETICAL.search(_masked(sentence))  # the words, never a letter of a formula
        if hyp is not None:
            after = start + min(one.start(), hyp.start())
            phrase = range(start + one.start(), start + one.end())  # the condition's own n_L = 1: not a claim
            mine = [(a, b) for pos, a, b in math_lines if after <= pos < end and pos not in phrase]
            # a line with another formula (before the words, or in another sentence) is no formula's of the condition
            others = {n for pos, a, b in math_lines if not (after <= pos < end or pos in phrase)
                      for n in range(a, b + 1)}
            lines = tuple(sorted({n for a, b in mine for n in range(a, b + 1)} - others))
            if lines:
                out.append(OutputProse(_line(text, at), _phrase(sentence, hyp, one), True, lines=lines, count=count))
            continue
        if open_ is not None and open_.count != count:  # another number of outputs from this sentence on
            out.append(replace(open_, until=_line(text, start), ends=one.group(0).strip()))
            open_ = None
        if open_ is None:  # from the sentence that says so on (formulas before the words in it are about it)
            open_ = OutputProse(_line(text, start + len(sentence) - len(sentence.lstrip())), one.group(0).strip(),
                                count=count)
    if open_ is not None:
        out.append(open_)
    heads = [(p, section_end(text, _position(text, p.line))) for p in out if not p.condition]
    for p, head in heads:  # a new section of the level of the words, or above, ends them too
        if head <= len(text) and (p.until is None or _line(text, head) < p.until):
            out[out.index(p)] = replace(p, until=_line(text, head), ends="a new section")
    return sorted(out, key=lambda p: p.line)


class OutputsAt:
    r"""The number of output neurons the notes fix at each line (``output_prose``), with ``--sizes`` (``sizes``):
    another number of outputs there wins over the prose that fixes one (``said`` tells it is not in force), not over
    a hypothetical (the condition excludes that network). ``said``: [(line, 1 or None, words)] for the model.

    >>> o = OutputsAt("If $n_L = 1$, then $$a$$\n\nIn general $$a$$\n", None)
    >>> o.at(1), o.at(3), o.condition(1)
    (1, None, 'checked only on networks with 1 output neuron: the notes state it under the condition "If $n_L = 1$" (line 1), n_L = 1')
    """

    def __init__(self, text: str, sizes: "tuple | None"):
        self.sizes, self.prose, self.said = sizes, [], []
        for p in output_prose(text):
            n = p.count
            what = ("one output neuron (n_L = 1)" if n == 1 else f"{n} output neurons (n_L = {n})")
            single = "a single output" if n == 1 else f"{n} outputs"
            if p.condition:
                self.prose.append(p)
                lines = ", ".join(str(k) for k in p.lines)
                self.said.append((p.line, n, (
                    f"{what} only under a condition (\"{p.words}\"): the claims of line"
                    f"{'s' if len(p.lines) > 1 else ''} {lines} are checked on networks with {single}, as the "
                    "condition says; it does not fix the notes' network")))
            elif sizes and sizes[-1] != n:
                self.said.append((p.line, None, f"{what} in the prose ({p.words}); not in force: "
                                                f"--sizes gives {list(sizes)}"))
            else:
                self.prose.append(p)
                where = (f"the claims of lines {p.line}–{p.until - 1} are checked on networks with {single}; "
                         f"from line {p.until} the notes speak of {'several' if n == 1 else 'other'} outputs again ({p.ends})"
                         if p.until is not None else
                         f"the claims from line {p.line} on are checked on networks with {single}")
                self.said.append((p.line, n, f"{what} in the prose ({p.words}): {where}"))

    def at(self, line: int) -> "int | None":
        """The number of output neurons where the prose fixes it, or a claim is stated under "if it had one output
        neuron"; else None."""
        return next((p.count for p in self.prose if p.covers(line)), None)

    def condition(self, line: int) -> str:
        """Why a claim at ``line`` is checked on one output alone when the notes state it under a condition, or ''."""
        p = next((p for p in self.prose if p.condition and p.covers(line)), None)
        if p is None:
            return ""
        n = p.count
        out = (f"checked only on networks with {n} output neuron{'s' if n != 1 else ''}: the notes state it under "
               f"the condition \"{p.words}\" (line {p.line}), n_L = {n}")
        if self.sizes and self.sizes[-1] != n:
            out += f"; your network {list(self.sizes)} has {self.sizes[-1]} output neurons, so the condition excludes it"
        return out

    def words_at(self, line: int) -> "OutputProse | None":
        """The prose that makes a claim at ``line`` be checked on one output alone (a hypothetical first), or None."""
        covering = [p for p in self.prose if p.covers(line)]
        return next((p for p in covering if p.condition), covering[0] if covering else None)

    def fixed(self, line: int) -> "int | None":
        """1 where the notes' network has one output (the prose, not a condition; or ``--sizes``): the cost is read
        so."""
        return 1 if any(not p.condition and p.count == 1 and p.covers(line) for p in self.prose) or (
            self.sizes and self.sizes[-1] == 1) else None


def in_general(one, general, prose: OutputProse):
    r"""The verdict of a claim the notes' prose (``prose``) makes be checked on one output neuron alone, and that
    holds there (``one``), once checked on the usual networks, with several outputs (``general``): ``general`` if it
    holds there too; else ``conditional`` on n_L = 1, the reason naming the notes' words and line (review 16: words
    about one output, hypothetical or not, never make a claim false in general hold).

    >>> from symbp.verify import verify
    >>> p = OutputProse(3, "If $n_L = 1$", True, lines=(5,))
    >>> f = r"\delta^L = (a^L - y)\sigma'(z^L)"
    >>> v = in_general(verify(f, outputs=1), verify(f), p)
    >>> v.status, v.condition, v.exit_code, "as the notes say on line 3" in v.reason
    ('conditional', 'n_L = 1', 3, True)
    """
    if general.status == "holds":
        return general
    others = "several outputs" if prose.count == 1 else "other numbers of outputs"
    why = (f"not for {others}: {general.reason}" if general.status == "refuted" else
           f"not shown for {others} ({general.status}: {general.reason})")
    n = prose.count
    condition = f"n_L = {n}"
    reason = (f"holds with {'one output neuron' if n == 1 else f'{n} output neurons'} ({condition}), as the notes say "
              f"on line {prose.line} (\"{prose.words}\"), not for every network: {one.reason}; {why}")
    return replace(one, status="conditional", verdict="conditional", reason=reason, condition=condition,
                   condition_met=None, checked=one.checked + general.checked,
                   family=tuple(dict.fromkeys(tuple(f) for f in one.family + general.family)),
                   instances=one.instances + general.instances,
                   counterexample=general.counterexample, diagnosis=general.diagnosis, corrected=general.corrected)


def _releasing(words: str) -> str:
    if not releases(words):
        return ""
    return next((m.group(0) for m in re.finditer(r"[^,;:]+", words) if releases(m.group(0))), words)


def _phrase(sentence: str, hyp, one) -> str:
    """The words of a hypothetical: from the word that makes it one to the phrase of one output."""
    a, b = min(hyp.start(), one.start()), max(hyp.end(), one.end())
    return " ".join(sentence[a:b].split())


def _one_output(sentence: str):
    """The phrase of ``sentence`` that fixes one output neuron, or None (see ``prose_outputs``)."""
    for m in _PROSE_ONE_OUTPUT.finditer(sentence):
        if _NOT_ONE.search(sentence[max(0, m.start() - 20):m.start()]):
            continue
        if not _NOUN.search(m.group(0)) and not _NETWORK.search(sentence):
            continue  # "one output" alone speaks of the network only beside it ("A neuron has one output": no)
        if _OTHERWISE.search(_prose(sentence).replace(m.group(0), " ")):
            return None
        return m
    return None


def prose_outputs(text: str) -> "tuple[int, str] | None":
    """(line, the words) where the prose of ``text`` first fixes one output neuron (not in a hypothetical), or None
    (see above; ``output_prose`` says where). A sentence that also says "per", "each", "more than", "unlike", a
    class or another number fixes nothing: it may speak of several outputs ("one output neuron per class, ten in
    all")."""
    fixed = [p for p in output_prose(text) if not p.condition]
    return (fixed[0].line, fixed[0].words) if fixed else None


__all__ = ["CONDITION", "OutputProse", "OutputsAt", "in_general", "only_output", "output_prose", "prose_outputs", "single_output"]
