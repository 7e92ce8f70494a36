r"""The notation of a set of notes, inferred from the notes' own definitions (``--notation auto``).

Two kinds of evidence, both printed with the result:

* **How things are spelled** (counted over every formula): the brackets around
  a layer (``^l``, ``^{(l)}``, ``^{[l]}``), whether a layer 0 exists (then the
  input is layer 0), the letter differentiated (``\frac{\partial C}{…}``: the
  loss), the function differentiated (``\sigma'``, ``\varphi'``, ``g'``: the
  activation), what it is applied to (``z``, ``\text{net}``), the weight
  letter (``w``, ``\Theta``) and a comma between weight indices.
* **How z is built from w and a**: each formula of the notes whose first side
  is z (or a) and whose other side holds the weights, checked on networks under
  every structure the spelling leaves open (which weight index is the
  receiving neuron, whether the bias is column 0 of W, whether w^l feeds layer
  l or l + 1). A definition holds exactly under the notes' structure only.

The structure the most definitions hold under wins; when another structure is
held by as many, the evidence conflicts and ``NotationError`` lists the
candidates with their lines. A structure equal to a built-in profile is that
profile (nielsen, sokolinsky, dyda).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from ..errors import NotationError, SymbpError
from ..notation import PROFILES, Notation
from .check import Setting, check
from .claimlinks import declaration
from .lexer import ReadError, _tokenize
from .nodes import Equation, Quantity, walk
from .inferrows import _lines, _products, _rowvector
from .otherloss import cost_definitions, others
from .reader import read
from .rendered import as_rendered

#: Layer labels: a letter, a letter ± a number, or a number.
_LAYER = re.compile(r"[A-Za-z]([+-]\d+)?|\d+")


@dataclass(frozen=True)
class Inferred:
    """The profile chosen for a set of notes and the evidence, one line per fact."""

    notation: Notation
    evidence: tuple
    #: in layered notes: the structure chosen (order, bias folded, offset), each definition of z with the structures
    #: it holds under ((line, text), keys), and each structure's profile (key, Notation), for ``sections``
    structure: "tuple | None" = None
    table: tuple = ()
    profiles: tuple = ()
    conflict: str = ""  # with ``ties``: why the file's vote is no vote (two structures held by as many definitions)

    def lines(self) -> list[str]:
        return [f"notation: {self.notation.name} (inferred from the notes)"] + [f"  {e}" for e in self.evidence]


@dataclass(frozen=True)
class _Spelling:
    brackets: tuple
    shift: int
    cost: str
    activation: str
    z: str
    weight: str
    separator: str
    delta: str
    facts: tuple
    written: frozenset = frozenset()  # the roles the notes show by writing them: cost (∂C), activation (σ')
    applied: bool = False  # the notes apply the activation to z (σ(z), σ'(z)) in some formula
    layered_x: bool = False  # x is written with a layer (x^{[l-1]}): the augmented input of a bias-column notation
    unit_zero: bool = False  # the notes write a^{l-1}_0 = 1: the constant the bias as weight 0 (w^l_{j0}) multiplies


def infer(texts: list[tuple[int, str, int]], ties: bool = False) -> Inferred:
    """The notation of notes given as (line, formula, times written) triples; see the module. Two structures held
    by as many different definitions raise ``NotationError``, unless ``ties``: then the plainest, with the error's
    words in ``conflict``."""
    spelling = _spelling(texts)
    definitions = [(line, text, times) for line, text, times in texts if _defines_z(text, spelling)]
    scores, holds_under = _scores(spelling, definitions)
    if spelling.layered_x and spelling.shift == 0 and not any(value[0] for value in scores.values()):
        # x^{[l-1]} is the augmented input (x_0 = 1) of a notation whose input is layer 0 (Dyda); the notes say
        # "layers l = 0, …, L" in words rather than write a^0, so the spelling alone did not find layer 0
        zero = _input_layer_zero(spelling)
        tried = _scores(zero, definitions)
        if any(value[0] for value in tried[0].values()):
            spelling, (scores, holds_under) = zero, tried
    table = tuple(((line, text), frozenset(holds_under.get((line, text), ()))) for line, text, _ in definitions)
    layered = dict(table=table, profiles=tuple((key, _named(value[2])) for key, value in scores.items()))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], plainness(kv[0])))
    best_key, (best, held, nt) = ranked[0]
    evidence = list(spelling.facts)
    rows, columns = _products(texts)
    if rows and best == 0:
        evidence.append("vectors are rows, multiplied on the left of the weights: " + _lines(rows)
                        + (f"; a column product too, read in the notes' own terms: {_lines(columns)}" if columns else ""))
        nt = _rowvector(spelling, rows, texts)
        if nt is not PROFILES["rowvector"]:
            evidence.append("the rowvector profile in the notes' own letters: " + nt.description.rsplit("(", 1)[1][:-1])
        return Inferred(nt, tuple(evidence))
    if rows:
        evidence.append(f"ambiguous: a row vector times the weights ({_lines(rows)}), but z is built from w and a "
                        "in layers (below): read in layers; give --notation rowvector to read the rows")
    if best == 0:
        nt = _profile(spelling, "to,from", False, 0)
        default = "weights w^l_{jk} are read as to j from k (Nielsen's order), the bias apart, w^l feeding layer l"
        if definitions:
            evidence.append("no definition of z from w and a holds under any structure (" + _cite(definitions)
                            + f"): {default}")
        else:
            evidence.append(f"the notes define no weighted input (z from w and a): the default, {default}")
        return Inferred(_named(nt), tuple(evidence), ("to,from", False, 0), **layered)
    tied = [(key, value) for key, value in ranked[1:] if value[0] == best]
    rivals = [(key, value) for key, value in tied if _differs(value[1], held)]
    if rivals:
        lines = [_candidate(best_key, held)] + [_candidate(key, value[1]) for key, value in rivals]
        conflict = ("the notes' definitions of z fit more than one notation equally well; give --notation. "
                    "Candidates: " + "; ".join(lines))
        if not ties:
            raise NotationError(conflict)
        # the caller (``sections``) may settle it part by part; else it raises ``conflict``
        evidence.append("over the whole file, the definitions of z fit more than one structure equally well: "
                        + "; ".join(lines) + "; read part by part (below)")
        return Inferred(_named(nt), tuple(evidence), best_key, conflict=conflict, **layered)
    if tied:
        # the same definitions hold under several structures: they tell none apart, the plainest is taken
        evidence.append(f"z is built from w and a as {structure_words(best_key)}, the default: the definitions at "
                        f"{_cite(held)} hold equally under {len(tied) + 1} structures and tell them apart in no way "
                        "(give --notation to read the notes otherwise)")
    else:
        evidence.append(f"z is built from w and a as {structure_words(best_key)}: " + _cite(held))
    against = [(line, text) for line, text, _ in definitions if (line, text) not in {(h[0], h[1]) for h in held}]
    if against:
        evidence.append("against it (read as errata, not as another notation): " +
                        "; ".join(f"line {line}: {text[:60]}" for line, text in against[:4]))
    return Inferred(_named(nt), tuple(evidence), best_key, **layered)


def _scores(spelling: "_Spelling", definitions) -> tuple[dict, dict]:
    """Each structure's (weight of the definitions it holds, those definitions, its profile), and for each
    definition the structures it holds under."""
    scores: dict = {}
    holds_under: dict = {}
    for order, folded, offset in itertools.product(("to,from", "from,to"), (False, True), (0, 1)):
        nt = _profile(spelling, order, folded, offset)
        held = [(line, text, times) for line, text, times in definitions if _holds(text, nt)]
        scores[(order, folded, offset)] = (sum(t for _, _, t in held), held, nt)
        for line, text, _ in held:
            holds_under.setdefault((line, text), set()).add((order, folded, offset))
    return scores, holds_under


def _input_layer_zero(spelling: "_Spelling") -> "_Spelling":
    """The spelling with the input as layer 0, the fact about layer 0 said so."""
    facts = tuple("x is written with a layer (the augmented input x_0 = 1 of the next layer), which is read only "
                  "with the input as layer 0: the input is layer 0" if fact.startswith("no layer 0 is written")
                  else fact for fact in spelling.facts)
    return dataclasses.replace(spelling, shift=-1, facts=facts)


def plainness(key) -> tuple:
    """How far a structure is from the plainest (Nielsen's order, the bias apart, w^l feeding layer l): ties go to
    the plainest."""
    order, folded, offset = key
    return (order != "to,from", folded, offset)


def _differs(held, best_held) -> bool:
    """Two structures that score alike conflict when they hold different definitions; holding the same ones, the
    evidence tells them apart in no way (the plainest is taken)."""
    return {h[:2] for h in held} != {h[:2] for h in best_held}


def _candidate(key, held) -> str:
    return f"{structure_words(key)} (holds at {_cite(held)})"


def _cite(held) -> str:
    lines = sorted({line for line, _, _ in held})
    shown = ", ".join(str(x) for x in lines[:6]) + (" …" if len(lines) > 6 else "")
    return f"line{'s' if len(lines) > 1 else ''} {shown}"


def structure_words(key) -> str:
    order, folded, offset = key
    words = ["w_{jk} from k to j" if order == "to,from" else "w_{jk} from j to k"]
    words.append("the bias as column 0 of W (x_0 = 1)" if folded else "the bias apart")
    words.append("w^l feeding layer l + 1" if offset else "w^l feeding layer l")
    return ", ".join(words)


# -- spelling ----------------------------------------------------------------------------


def _tokens(text: str):
    try:
        return as_rendered(_tokenize(text))
    except ReadError:
        return []


def _script(toks, i) -> tuple[str, int]:
    """The raw text of the script starting at token i (a group or one token) and the index after it."""
    if i < len(toks) and toks[i].kind == "char" and toks[i].text == "{":
        depth, j, out = 0, i, []
        while j < len(toks) and toks[j].kind != "end":
            t = toks[j]
            if t.kind == "char" and t.text == "{":
                depth += 1
                if depth == 1:
                    j += 1
                    continue
            if t.kind == "char" and t.text == "}":
                depth -= 1
                if depth == 0:
                    return "".join(out), j + 1
            out.append(("\\" if t.kind == "macro" else "") + t.text)
            j += 1
        return "".join(out), j
    if i < len(toks):
        return toks[i].text, i + 1
    return "", i


def _spelling(texts) -> _Spelling:
    brackets, zero, costs, acts, zs, weights, seps = Counter(), Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    deltas, layered_x, applied = Counter(), 0, Counter()
    for _, text, times in texts:
        toks = _tokens(text)
        for i, t in enumerate(toks):
            base = ("\\" if t.kind == "macro" else "") + t.text
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if base in ("\\delta", "\\Delta") and nxt is not None and nxt.text in "^_":
                deltas[base] += times
            if base in ("\\delta", "a", "z", "w", "W", "x") and nxt is not None and nxt.text == "^":
                raw, _ = _script(toks, i + 2)
                raw = raw.replace(" ", "")
                for open_, close in (("(", ")"), ("[", "]"), ("", "")):
                    inner = raw[len(open_):len(raw) - len(close)] if raw.startswith(open_) and raw.endswith(close) else None
                    if inner is not None and _LAYER.fullmatch(inner) and inner not in ("T", "2"):
                        brackets[(open_, close)] += times
                        if inner == "0" and base in ("a", "x"):
                            zero[base] += times
                        if base == "x" and open_:
                            layered_x += times
                        break
            if base in ("w", "\\Theta", "\\theta") and nxt is not None and nxt.text == "_":
                raw, _ = _script(toks, i + 2)
                if re.fullmatch(r"[A-Za-z](_\d)?,[A-Za-z](_\d)?", raw.replace(" ", "")):
                    seps[","] += times
                elif re.fullmatch(r"[A-Za-z]{2}", raw):
                    seps[""] += times
            if base in ("\\Theta", "\\theta", "w", "W") and nxt is not None and nxt.text in "^_":
                weights[base] += times
            if t.kind == "macro" and t.text == "partial" and nxt is not None and nxt.text != "}":
                costs[_word_at(toks, i + 1)] += times
            if base in ("\\sigma", "\\varphi", "\\phi", "g", "f") and nxt is not None and nxt.text == "'":
                acts[base] += times
            if base in ("\\sigma", "\\varphi", "\\phi", "g", "f") and nxt is not None and nxt.text in "'(":
                j = i + 1
                while j < len(toks) and toks[j].text in "'(":
                    j += 1
                if j < len(toks):
                    zs[_word_at(toks, j)] += times
                    if nxt.text == "(" and _plain(_word_at(toks, j)) in ("z", "net", "Z"):
                        applied[base] += times
    facts = []
    bracket = brackets.most_common(1)[0][0] if brackets else ("", "")
    if brackets:
        facts.append("layers written " + ", ".join(f"^{{{o}l{c}}} ({n} times)" for (o, c), n in brackets.most_common()))
    shift = -1 if zero else 0
    facts.append("a layer 0 is written (" + ", ".join(f"{b}^0" for b in zero) + "): the input is layer 0" if zero
                 else "no layer 0 is written: the input is layer 1")
    cost = _majority(costs, _LOSSES, "C")
    defined = cost_definitions([(line, text) for line, text, _ in texts])
    declared = {found[0] for _, text, _ in texts if (found := declaration(text)) is not None}
    switched = costs.get(cost) and cost not in defined and cost not in declared and len(defined) == 1
    if switched:
        # C = ½‖a^L − y‖² defined, L differentiated: the cost is the letter defined as one; the other letter is not
        # read as it (``otherloss``: a multiple L = 2C is read as that multiple, an undefined letter not at all)
        cost = next(iter(defined))
    multiples = others([(line, text) for line, text, _ in texts], cost)
    besides = [f"{other} ({_times(n)}), " + (f"defined as {multiples[other].factor} times {cost} (line "
                                            f"{multiples[other].line}): read as that multiple" if other in multiples
                                            else f"not defined as a multiple of {cost}: a claim about {other} is not checked")
               for other, n in costs.most_common() if cost in defined and other != cost and other in _LOSSES
               and other not in defined and other not in declared]
    if switched:
        facts.append(f"the loss is {cost}, the letter the notes define as a cost (line {defined[cost]})")
    else:
        facts.append(f"the loss is {cost} (differentiated {costs.get(cost, 0)} times)" if costs.get(cost)
                     else "no loss is differentiated: the loss is C")
    if besides:
        facts[-1] += "; they also differentiate " + "; ".join(besides)
    activation = _majority(acts, ("\\sigma", "\\varphi", "\\phi", "g", "f"), "")
    if activation:
        facts.append(f"the activation is {activation} ({acts.get(activation, 0)} of its derivatives written)")
    elif (activation := _majority(applied, ("\\sigma", "\\varphi", "\\phi"), "")):
        facts.append(f"no derivative of an activation is written: the activation is {activation}, applied to z "
                     f"({_times(applied[activation])})")
    else:
        activation = "\\sigma"
        facts.append("no derivative of an activation is written: the activation is \\sigma")
    z = _majority(zs, ("z", "\\text{net}", "\\mathrm{net}", "net", "Z"), "z")
    if z == "net":
        z = "\\mathrm{net}"
    facts.append(f"the activation is applied to {z}")
    weight = "\\Theta" if weights.get("\\Theta") else ("\\theta" if weights.get("\\theta") else "w")
    facts.append(f"the weights are {weight}")
    separator = "," if seps[","] > seps[""] else ""
    delta = "\\Delta" if deltas["\\Delta"] and not deltas["\\delta"] else "\\delta"
    if delta != "\\delta":
        facts.append(f"the error is written {delta}")
    written = frozenset(role for role, seen in (("cost", costs.get(cost)), ("activation", acts.get(activation))) if seen)
    return _Spelling(bracket, shift, cost, activation, z, weight, separator, delta, tuple(facts), written,
                     bool(zs.get(z)) or bool(zs.get(_plain(z))), layered_x > 0,
                     any(_UNIT_ZERO.match(text) for _, text, _ in texts))


#: a^{l-1}_0 = 1, a_0^{(l)} = 1: the notes' constant unit 0 of a layer's activations (the bias as weight 0).
_UNIT_ZERO = re.compile(r"^\s*a\s*(?:\^\s*(?:\{[^{}]*\}|\w)\s*)?_\s*(?:\{\s*0\s*\}|0)\s*(?:\^\s*(?:\{[^{}]*\}|\w)\s*)?"
                        r"(?:=|:=|\\equiv)\s*1\s*[.,;]?\s*$")


#: The letters a differentiated loss may be written with.
_LOSSES = ("C", "L", "J", "E", "\\mathbf{L}", "\\mathcal{L}", "\\mathcal{C}", "\\mathcal{J}", "\\mathcal{E}", "\\ell")


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _word_at(toks, i) -> str:
    """The symbol starting at token i: a letter, a macro, or a font macro with its braced word."""
    if i >= len(toks):
        return ""
    t = toks[i]
    if t.kind == "macro" and t.text in ("mathbf", "mathcal", "text", "mathrm", "boldsymbol", "mathscr"):
        word, _ = _script(toks, i + 1)
        return f"\\{t.text}{{{word}}}"
    return ("\\" if t.kind == "macro" else "") + t.text


def _majority(counter: Counter, allowed: tuple, default: str) -> str:
    for word, _ in counter.most_common():
        if word in allowed:
            return word
    return default


# -- structure ---------------------------------------------------------------------------------


def _profile(sp: _Spelling, order: str, folded: bool, offset: int) -> Notation:
    names = {
        "weight": sp.weight, "weight_matrix": "W" if sp.weight == "w" else sp.weight, "bias": "b", "z": sp.z, "a": "a",
        "input": "x", "delta": sp.delta, "target": "y", "cost": sp.cost, "activation": sp.activation,
    }
    return Notation(name="inferred", names=names, layer_shift=sp.shift, layer_brackets=sp.brackets, weight_order=order,
                    index_separator=sp.separator, bias_column=folded, weight_layer_offset=offset,
                    unit_zero=folded and sp.unit_zero, description="inferred from the notes")


def _named(nt: Notation) -> Notation:
    """The built-in profile with the same meaning (brackets and separators only print), else ``nt`` itself."""
    for name in ("nielsen", "sokolinsky", "dyda"):
        p = PROFILES[name]
        same = (p.layer_shift, p.weight_order, p.bias_column, p.weight_layer_offset) == (
            nt.layer_shift, nt.weight_order, nt.bias_column, nt.weight_layer_offset)
        if same and all(_plain(p.names[r]) == _plain(nt.names[r]) for r in ("weight", "z", "cost", "activation", "delta")):
            return p
    return nt


def _plain(name: str) -> str:
    return re.sub(r"\\(mathrm|text|mathbf)\{([^{}]*)\}", r"\2", name)


#: The signs a definition is written with besides = (z ≡ …, z \coloneqq …; := is = after a colon).
_DEFINED = re.compile(r"\\(?:equiv|coloneqq|triangleq|doteq)(?![A-Za-z])")


def _defines_z(text: str, sp: _Spelling) -> bool:
    """Does the formula's first side name z (or a) of a layer and another side hold a weight?"""
    first, _, rest = _DEFINED.sub("=", text).partition("=")
    head = first.rstrip(":").strip()
    z = _plain(sp.z)
    starts = (head.startswith(("z", "a", "\\mathbf{z}", "\\mathbf{a}", "\\boldsymbol{z}")) or z in head[:12])
    return bool(rest) and starts and "^" in head and re.search(r"(?<![A-Za-z\\])[wW](?![A-Za-z])|\\Theta|\\theta", rest) \
        is not None and "\\partial" not in text


def _holds(text: str, nt: Notation) -> bool:
    """Does the definition ``text`` hold under ``nt``?  In a chain (a^L_j = σ(z^L_j) = σ(Σ_k w^L_{jk} a^{L−1}_k + b^L_j))
    the definition is the first side equal to each side that holds the weights: a first link without them (a = σ(z))
    holds under every structure and tells none apart."""
    try:
        eq = read(text, nt)
        links = [Equation((eq.sides[0], side), ("=",)) for side in eq.sides[1:] if _has_weights(side)]
        for link in links or [Equation(eq.sides[:2], eq.rels[:1])]:
            if check(link, Setting(nt), budget=2.0, find_counterexample=False).status != "holds":
                return False
        return True
    except (SymbpError, ArithmeticError, ValueError):
        return False


def _has_weights(side) -> bool:
    return any(isinstance(n, Quantity) and n.role in ("w", "W") for n in walk(side))
