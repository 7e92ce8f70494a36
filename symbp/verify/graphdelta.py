r"""Kronecker's delta in the notes' own terms: ``\delta_{ij}``, the bracket ``[i = j]`` and a case split.

Notes that differentiate a softmax write its Jacobian with a delta,
``\frac{\partial y_i}{\partial u_j} = y_i(\delta_{ij} - y_j)``, with an
Iverson bracket, ``y_i([i = j] - y_j)``, or as two cases,
``\begin{cases} y_i(1 - y_i) & i = j \\ -y_i y_j & i \neq j \end{cases}``.
All three are read as the same node: ``Sym("\delta", (i, j))``, which is 1
when its two indices take the same value and 0 otherwise (a case split
becomes δ_{ij} A + (1 − δ_{ij}) B). A δ the notes define themselves (a
quantity δ of their graph) is that quantity, never Kronecker's.

>>> from symbp.verify.graphread import read_graph
>>> from symbp.verify.graphnodes import to_latex
>>> to_latex(read_graph(r"a_{ij} = [i = j]"))
'a_{ij} = \\delta_{ij}'
>>> kronecker(Sym("\\delta", ("i", "j")), {"i": 2, "j": 2}), kronecker(Sym("\\delta", ("12",)), {})
(1, 0)
"""

from __future__ import annotations

import sympy

from .graphmodel import GraphUninterpretable, split_index
from .graphnodes import Add, Mul, Neg, Num, Sym

DELTA = "\\delta"
#: Words a condition of a case may carry: "if i = j", "for i \neq j", "otherwise".
_CASE_WORDS = {"", "if", "for", "when", "where", "otherwise", "else"}
_OTHERWISE = {"otherwise", "else"}


def delta_indices(sym: Sym) -> tuple:
    """The two indices of a δ written with two (``\\delta_{ij}``, ``\\delta_{i,j}``, ``\\delta_{12}``), else ()."""
    if sym.base != DELTA or sym.mark or sym.sample or not sym.sub:
        return ()
    idx = split_index(sym.sub, 2)
    return idx if len(idx) == 2 else ()


def is_kronecker(sym: Sym, defined: set) -> bool:
    """Is ``sym`` Kronecker's delta: δ with two indices, where no definition of the notes names a δ (``defined``:
    the names the definitions mention)."""
    return bool(delta_indices(sym)) and DELTA not in defined


def kronecker_uses(base: str, subs: set, defined: set) -> bool:
    """Are all the uses ``subs`` of the name ``base`` Kronecker's delta (so it is no quantity of the notes)?"""
    return base == DELTA and DELTA not in defined and bool(subs) and all(
        s and delta_indices(Sym(base, s)) for s in subs)


def kronecker(sym: Sym, bind: dict) -> sympy.Integer:
    """δ_{ij} at the index values ``bind``: 1 if the two indices are equal, else 0."""
    values = []
    for i in delta_indices(sym):
        if isinstance(i, int):
            values.append(i)
        elif i in bind:
            values.append(bind[i])
        else:
            raise GraphUninterpretable(f"{sym.latex()}: the index {i} of Kronecker's delta is not bound (no quantity "
                                       "of the claim runs over it)")
    return sympy.Integer(int(values[0] == values[1]))


# -- reading ------------------------------------------------------------------------------------------


def _index_token(t) -> str:
    if t.kind == "num" or (t.kind == "char" and t.text.isalpha()):
        return t.text
    return ""


def iverson(p):
    r"""``[i = j]`` (or ``[i \neq j]``) at the cursor ``p`` (after its ``[``): δ_{ij} (or 1 − δ_{ij}), the tokens
    taken; None (nothing taken) when the bracket holds anything else."""
    a, rel, b, close = p.peek(), p.peek(1), p.peek(2), p.peek(3)
    if not (_index_token(a) and _index_token(b) and close.kind == "char" and close.text == "]"):
        return None
    equal = rel.kind == "char" and rel.text == "="
    if not (equal or (rel.kind == "macro" and rel.text in ("neq", "ne"))):
        return None
    for _ in range(4):
        p.next()
    delta = Sym(DELTA, (a.text, b.text))
    return delta if equal else Add((Num(1), Neg(delta)))


def cases(p, t):
    r"""``\begin{cases} A & i = j \\ B & i \neq j \end{cases}`` (the second condition also "otherwise"), after its
    ``{cases}``: δ_{ij} A + (1 − δ_{ij}) B. Any other split (a condition on a value, three cases) is not read."""
    rows = []
    while True:
        value = p.additive()
        p.expect("&")
        rows.append((value, _condition(p, t)))
        sep = p.next()
        if sep.kind == "macro" and sep.text == "\\":
            if p.at("end", "macro"):
                sep = p.next()
            else:
                continue
        if sep.kind == "macro" and sep.text == "end":
            if "".join(p.script()) != "cases":
                p.fail("\\begin{cases} is ended by another environment", sep)
            break
        p.fail("expected \\\\ or \\end{cases} after a case", sep)
    if len(rows) != 2:
        p.fail(f"a case split of {len(rows)} cases is not read (only i = j and i ≠ j)", t)
    (a, first), (b, second) = rows
    if first[0] == "≠" and second[0] == "otherwise":  # "B if i ≠ j, A otherwise": otherwise is i = j
        (a, first), (b, second) = (b, ("=", first[1])), (a, first)
    if first[0] != "=":
        (a, first), (b, second) = (b, second), (a, first)
    if first[0] != "=" or not (second[0] == "otherwise" or (second[0] == "≠" and set(second[1]) == set(first[1]))):
        p.fail("a case split is read only as i = j against i ≠ j (or otherwise)", t)
    delta = Sym(DELTA, first[1])
    return Add((Mul((delta, a)), Mul((Add((Num(1), Neg(delta))), b))))


def _condition(p, t) -> tuple:
    """("=", (i, j)), ("≠", (i, j)) or ("otherwise", ()): the condition of one case, up to its row's end."""
    words, toks = [], []
    while True:
        u = p.peek()
        if u.kind == "end" or (u.kind == "macro" and u.text in ("\\", "end")):
            break
        p.next()
        if u.kind == "macro" and u.text in ("text", "mathrm", "textrm", "mbox", "textnormal"):
            words.append("".join(p.script()).strip().strip(",").lower())
        elif not (u.kind == "char" and u.text in ",."):
            toks.append(u)
    said = " ".join(w for w in words if w)
    if said not in _CASE_WORDS:
        p.fail(f"the condition {said!r} of a case is not read", t)
    if not toks and said in _OTHERWISE:
        return ("otherwise", ())
    if len(toks) == 3 and _index_token(toks[0]) and _index_token(toks[2]):
        rel = toks[1]
        if rel.kind == "char" and rel.text == "=":
            return ("=", (toks[0].text, toks[2].text))
        if rel.kind == "macro" and rel.text in ("neq", "ne"):
            return ("≠", (toks[0].text, toks[2].text))
    p.fail("a condition of a case is read only as i = j, i ≠ j or otherwise", t)


__all__ = ["DELTA", "cases", "delta_indices", "is_kronecker", "iverson", "kronecker", "kronecker_uses"]
