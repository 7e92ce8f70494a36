r"""Parts of the notes in their own weight convention (``symbp/verify/sections.py``, review 18 F2) and folding
only under the same setting (M7).

Every expected verdict is decided by hand and backed by an independent computation: ``_truth`` builds one layer
z_i = Σ w a + b in the part's index order with SymPy, differentiates the quadratic cost of the composed
expression directly, and says whether a claim about ∂C/∂w or δ^{l-1} is true in that order.
"""

import pytest
import sympy as sp

from symbp.errors import NotationError

from symbp.verify.notes import verify_text
from symbp.verify.sections import sections_of

# -- the independent oracle: one hidden layer in a given index order, differentiated directly --------------------


def _truth(order: str, claim: str) -> bool:
    r"""Is ``claim`` true when w_{jk} is the weight from k to j (``order`` "to,from", Nielsen) or from j to k
    ("from,to")?  Layer l has 3 neurons fed by 2 (sizes differ, so a swapped index cannot pass by symmetry);
    C = ½ Σ (σ(z_i) − y_i)² with σ generic (a SymPy function), differentiated directly.

    claims: "bp4 a_k delta_j" (∂C/∂w_{jk} = a^{l-1}_k δ^l_j), "bp4 a_j delta_k", "bp2 w_kj" (δ^{l-1}_j = Σ_k w_{kj}
    δ^l_k σ'(z^{l-1}_j), the earlier layer's error through this layer), "bp2 w_jk"."""
    s = sp.Function("s")
    prev = [sp.Symbol(f"u{k}") for k in range(2)]  # z^{l-1}
    a_prev = [s(u) for u in prev]
    y = [sp.Symbol(f"y{i}") for i in range(3)]
    w = {(j, k): sp.Symbol(f"w{j}{k}") for j in range(3) for k in range(3)}  # w_{jk}: indices as written
    if order == "to,from":  # z_j = Σ_k w_{jk} a_k: j receives (3 of them), k sends (2)
        z = [sum(w[(i, k)] * a_prev[k] for k in range(2)) for i in range(3)]
    else:  # z_k = Σ_j w_{jk} a_j: k receives, j sends
        z = [sum(w[(j, i)] * a_prev[j] for j in range(2)) for i in range(3)]
    cost = sum((s(zi) - yi) ** 2 for zi, yi in zip(z, y)) / 2
    zs = [sp.Symbol(f"z{i}") for i in range(3)]
    delta = [sp.diff(sum((s(q) - yi) ** 2 for q, yi in zip(zs, y)) / 2, zi).subs(dict(zip(zs, z))) for zi in zs]
    delta_prev = [sp.diff(cost, u) for u in prev]
    checks = []
    if claim.startswith("bp4"):
        receiving_first = order == "to,from"
        for j in range(3 if receiving_first else 2):
            for k in range(2 if receiving_first else 3):
                grad = sp.diff(cost, w[(j, k)])
                if claim == "bp4 a_k delta_j":  # an index past its layer: the claim does not even have the shape
                    claimed = a_prev[k] * delta[j] if k < 2 else None
                else:
                    claimed = a_prev[j] * delta[k] if j < 2 else None
                checks.append(claimed is not None and sp.simplify(grad - claimed) == 0)
    else:
        sprime = lambda u: sp.Subs(sp.Derivative(s(sp.Symbol("t")), sp.Symbol("t")), sp.Symbol("t"), u).doit()  # noqa: E731
        for j in range(2):
            if claim == "bp2 w_kj":
                claimed = sum(w[(k, j)] * delta[k] for k in range(3)) * sprime(prev[j])
            else:
                claimed = sum(w[(j, k)] * delta[k] for k in range(3)) * sprime(prev[j])
            checks.append(sp.simplify(delta_prev[j] - claimed) == 0)
    return all(checks)


def test_oracle_tells_the_orders_apart():
    assert _truth("to,from", "bp4 a_k delta_j") and not _truth("to,from", "bp4 a_j delta_k")
    assert _truth("from,to", "bp4 a_j delta_k") and not _truth("from,to", "bp4 a_k delta_j")
    assert _truth("to,from", "bp2 w_kj") and not _truth("to,from", "bp2 w_jk")
    assert _truth("from,to", "bp2 w_jk") and not _truth("from,to", "bp2 w_kj")


# -- notes in two parts -------------------------------------------------------------------------------------------

BP4_TO_FROM = r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"
BP4_FROM_TO = r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k"
BP2_KJ = r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma'(z^l_j)"
BP2_JK = r"\delta^l_j = \sum_k w^{l+1}_{jk} \delta^{l+1}_k \sigma'(z^l_j)"

#: review 18's n06: Part A in Nielsen's order (one definition and its own words), Part B in the other (three).
TWO_PARTS = "\n".join([
    "# Part A: Nielsen's convention",  # 1
    "",
    "In this part $w^l_{jk}$ is the weight from neuron $k$ in layer $l-1$ to neuron $j$ in layer $l$:",  # 3
    "",
    r"$$z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j, \qquad a^l_j = \sigma(z^l_j).$$",  # 5
    "",
    f"$${BP4_TO_FROM}$$",  # 7
    "",
    f"$${BP4_FROM_TO}$$",  # 9
    "",
    f"$${BP2_KJ}$$",  # 11
    "",
    f"$${BP2_JK}$$",  # 13
    "",
    "# Part B: the other convention",  # 15
    "",
    "In this part $w^l_{jk}$ is the weight from neuron $j$ in layer $l-1$ to neuron $k$ in layer $l$:",  # 17
    "",
    r"$$z^l_k = \sum_j w^l_{jk} a^{l-1}_j + b^l_k$$",  # 19
    "",
    r"$$a^l_k = \sigma\Big(\sum_j w^l_{jk} a^{l-1}_j + b^l_k\Big)$$",  # 21
    "",
    r"$$z^l = (w^l)^T a^{l-1} + b^l$$",  # 23
    "",
    f"$${BP4_FROM_TO}$$",  # 25
    "",
    f"$${BP4_TO_FROM}$$",  # 27
    "",
    f"$${BP2_JK}$$",  # 29
    "",
    f"$${BP2_KJ}$$",  # 31
    "",
])


def _verdicts(report) -> dict:
    """line -> status of the rows of ``report`` (a folded row under each of its lines, with the line list)."""
    out = {}
    for r in report.rows:
        for line in r.formula.lines or (r.formula.line,):
            out.setdefault(line, []).append((r.result.status, tuple(r.formula.lines)))
    return out


def _status(report, line: int, text: str) -> str:
    rows = [r for r in report.rows if line in (r.formula.lines or (r.formula.line,))
            and " ".join(r.formula.text.split()) == " ".join(text.split())]
    assert len(rows) == 1, (line, [(r.formula.lines, r.formula.text) for r in report.rows])
    return rows[0].result.status


def _order_words(order):
    return "to,from" if order == "nielsen" else "from,to"


def test_each_part_is_read_in_its_own_convention():
    report = verify_text(TWO_PARTS)
    # what each claim says, against the oracle in the part's own order (A: to,from; B: from,to)
    expected = {7: ("to,from", "bp4 a_k delta_j", BP4_TO_FROM), 9: ("to,from", "bp4 a_j delta_k", BP4_FROM_TO),
                11: ("to,from", "bp2 w_kj", BP2_KJ), 13: ("to,from", "bp2 w_jk", BP2_JK),
                25: ("from,to", "bp4 a_j delta_k", BP4_FROM_TO), 27: ("from,to", "bp4 a_k delta_j", BP4_TO_FROM),
                29: ("from,to", "bp2 w_jk", BP2_JK), 31: ("from,to", "bp2 w_kj", BP2_KJ)}
    for line, (order, claim, text) in expected.items():
        want = "holds" if _truth(order, claim) else "refuted"
        assert _status(report, line, text) == want, (line, text)
    # by hand: A's true claims are 7 and 11, B's 25 and 29 (the false ones are the other part's)
    assert [line for line, (o, c, _) in expected.items() if _truth(o, c)] == [7, 11, 25, 29]
    # each part's own definitions hold: none is read as an erratum of the other convention
    assert _status(report, 5, r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j") == "holds"
    assert _status(report, 19, r"z^l_k = \sum_j w^l_{jk} a^{l-1}_j + b^l_k") == "holds"
    header = "\n".join(report.header())
    assert "lines 1–14 (Part A: Nielsen's convention): w_{jk} from k to j" in header
    assert "(Part B: the other convention): w_{jk} from j to k" in header and "lines 19, 21, 23" in header
    assert "against it" not in header


def test_the_same_text_in_two_conventions_is_two_rows():
    """M7: one text read under two conventions is two rows with their own verdicts, never 'lines 9, 25: holds'."""
    report = verify_text(TWO_PARTS)
    for text in (BP4_FROM_TO, BP4_TO_FROM, BP2_KJ, BP2_JK):
        rows = [r for r in report.rows if " ".join(r.formula.text.split()) == text]
        assert len(rows) == 2 and all(len(r.formula.lines) == 1 for r in rows)
        assert sorted(r.result.status for r in rows) == ["holds", "refuted"]


def test_a_slip_among_definitions_of_its_part_stays_a_slip():
    """Part A: two definitions in Nielsen's order and one swapped (the slip); Part B in the other order. The slip
    is refuted, and Part A's claims are read in Nielsen's order."""
    text = TWO_PARTS.replace(
        r"$$z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j, \qquad a^l_j = \sigma(z^l_j).$$",
        r"$$z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j$$ $$a^l_j = \sigma\Big(\sum_k w^l_{jk} a^{l-1}_k + b^l_j\Big)$$"
        r" $$z^l_j = \sum_k w^l_{kj} a^{l-1}_k + b^l_j$$")
    report = verify_text(text)
    assert _status(report, 5, r"z^l_j = \sum_k w^l_{kj} a^{l-1}_k + b^l_j") == "refuted"
    assert _status(report, 5, r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j") == "holds"
    assert _status(report, 7, BP4_TO_FROM) == "holds" and _truth("to,from", "bp4 a_k delta_j")
    assert _status(report, 9, BP4_FROM_TO) == "refuted" and not _truth("to,from", "bp4 a_j delta_k")


def test_a_subsection_keeps_the_convention_of_its_part():
    """A '## Gradients' under Part A, with no definition of its own, is read in Part A's order: the swapped BP4
    there is refuted (under Part B's order it would hold)."""
    text = TWO_PARTS.replace(f"$${BP4_TO_FROM}$$\n\n$${BP4_FROM_TO}$$\n\n$${BP2_KJ}$$",
                             f"## Gradients\n\n$${BP4_TO_FROM}$$\n\n$${BP4_FROM_TO}$$\n\n$${BP2_KJ}$$", 1)
    report = verify_text(text)
    assert _status(report, 9, BP4_TO_FROM) == "holds"
    assert _status(report, 11, BP4_FROM_TO) == "refuted"
    assert "lines 7–" in "\n".join(report.header()) and "as the part around it" in "\n".join(report.header())


def test_a_part_without_a_convention_is_checked_under_each():
    """Part C says nothing of the weights: a claim whose truth depends on the order is ambiguous (never judged in
    one of them), one true in both orders (BP3) holds, one false in both is refuted."""
    bp3 = r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"
    bp3_wrong = r"\frac{\partial C}{\partial b^l_j} = a^{l-1}_j \delta^l_j"
    text = TWO_PARTS + "\n".join(["# Part C: exercises", "", f"$${BP4_FROM_TO}$$", "", f"$${bp3}$$", "",
                                  f"$${bp3_wrong}$$", ""])
    report = verify_text(text)
    assert _truth("to,from", "bp4 a_j delta_k") != _truth("from,to", "bp4 a_j delta_k")
    assert _status(report, 34, BP4_FROM_TO) == "ambiguous"
    reason = next(r.result.reason for r in report.rows if r.formula.line == 34)
    assert "from k to j" in reason and "from j to k" in reason
    assert _status(report, 36, bp3) == "holds"
    assert _status(report, 38, bp3_wrong) == "refuted"
    assert "Part C: exercises): open: no definition of its own" in "\n".join(report.header())


def test_one_definition_without_words_against_the_rest_is_open():
    """A part whose only definition is in the other order, with no words opening a part of its own: neither a slip
    (refuted) nor a convention (its claims held in that order): open, the order-dependent claims ambiguous."""
    text = TWO_PARTS.replace(
        "In this part $w^l_{jk}$ is the weight from neuron $k$ in layer $l-1$ to neuron $j$ in layer $l$:",
        "The weighted input:")
    report = verify_text(text)
    assert _status(report, 5, r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j") == "ambiguous"
    assert _status(report, 7, BP4_TO_FROM) == "ambiguous"
    assert _status(report, 9, BP4_FROM_TO) == "ambiguous"
    assert _status(report, 25, BP4_FROM_TO) == "holds" and _truth("from,to", "bp4 a_j delta_k")
    assert "one definition of its own (line 5)" in "\n".join(report.header())


def test_words_open_a_part_without_a_heading():
    """No headings: the first lines define Nielsen's order twice, then "In this part" opens a part in the other."""
    text = "\n".join([
        r"$$z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j$$",  # 1
        r"$$a^l_j = \sigma\Big(\sum_k w^l_{jk} a^{l-1}_k + b^l_j\Big)$$",  # 2
        f"$${BP4_FROM_TO}$$",  # 3
        "In this part the weight $w^l_{jk}$ goes from neuron $j$ to neuron $k$:",  # 4
        r"$$z^l_k = \sum_j w^l_{jk} a^{l-1}_j + b^l_k$$",  # 5
        f"$${BP4_FROM_TO}$$",  # 6
        "",
    ])
    assert [s.first for s in sections_of(text)] == [1, 4]
    report = verify_text(text)
    assert _status(report, 3, BP4_FROM_TO) == "refuted" and not _truth("to,from", "bp4 a_j delta_k")
    assert _status(report, 6, BP4_FROM_TO) == "holds" and _truth("from,to", "bp4 a_j delta_k")


#: TWO_PARTS with one definition in Part B: over the whole file a tie (one definition each way)
TIED = TWO_PARTS.replace(r"$$a^l_k = \sigma\Big(\sum_j w^l_{jk} a^{l-1}_j + b^l_k\Big)$$", "Text.").replace(
    r"$$z^l = (w^l)^T a^{l-1} + b^l$$", "More text.")


def test_a_tie_over_the_file_is_settled_by_parts_with_words_of_their_own():
    report = verify_text(TIED)
    assert _status(report, 9, BP4_FROM_TO) == "refuted" and not _truth("to,from", "bp4 a_j delta_k")
    assert _status(report, 25, BP4_FROM_TO) == "holds" and _truth("from,to", "bp4 a_j delta_k")
    assert _status(report, 27, BP4_TO_FROM) == "refuted" and not _truth("from,to", "bp4 a_k delta_j")
    assert "fit more than one structure equally well" in "\n".join(report.header())


def test_a_tie_no_part_settles_is_still_an_error():
    """Part B's one definition without words naming its convention cannot settle the tie: the error, as before;
    "In this part" alone names none (review 19 F9)."""
    words = "In this part $w^l_{jk}$ is the weight from neuron $j$ in layer $l-1$ to neuron $k$ in layer $l$:"
    for other in ("Here we go on with a deeper network:", "In this part we go on with a deeper network:"):
        with pytest.raises(NotationError, match="more than one notation equally well"):
            verify_text(TIED.replace(words, other))


def test_words_naming_the_order_settle_a_tie_without_in_this_part():
    """"Here $w^l_{jk}$ is the weight from j to k" names Part B's convention: with its one definition in that order
    it settles the tie as "In this part …" with the same words did."""
    report = verify_text(TIED.replace("In this part $w^l_{jk}$ is the weight from neuron $j$",
                                      "Here $w^l_{jk}$ is the weight from neuron $j$"))
    assert _status(report, 25, BP4_FROM_TO) == "holds" and _truth("from,to", "bp4 a_j delta_k")
    assert _status(report, 9, BP4_FROM_TO) == "refuted" and not _truth("to,from", "bp4 a_j delta_k")


def test_notes_in_one_convention_are_read_as_before():
    """Sections that all agree: no parts line, one reading, identical claims folded."""
    text = "\n".join(["# One", "", r"$$z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j$$", "", f"$${BP4_TO_FROM}$$",
                      "", "# Two", "", f"$${BP4_TO_FROM}$$", ""])
    report = verify_text(text)
    assert not report.parts
    assert [(r.formula.lines, r.result.status) for r in report.rows if "partial" in r.formula.text] == [
        ((5, 9), "holds")]


# -- M7: a cost named in words between two identical claims --------------------------------------------------------


def test_a_cost_named_between_two_identical_claims_keeps_them_apart():
    """δ^L_j = a^L_j − y_j, once under the quadratic cost (false with the sigmoid: the factor σ' is missing) and
    once after "from now on … the cross-entropy cost" (true there): two rows, refuted and ambiguous."""
    text = "\n".join([
        r"The cost is $$C = \frac{1}{2}\|a^L - y\|^2$$ and $a^l = \sigma(z^l)$ with $$\sigma(z) = \frac{1}{1+e^{-z}}.$$",
        "", r"$$\delta^L_j = a^L_j - y_j$$", "", "From now on we use the cross-entropy cost.", "",
        r"$$\delta^L_j = a^L_j - y_j$$", ""])
    z, y = sp.symbols("z y")
    a = 1 / (1 + sp.exp(-z))
    assert sp.simplify(sp.diff((a - y) ** 2 / 2, z) - (a - y)) != 0  # quadratic: false
    assert sp.simplify(sp.diff(-(y * sp.log(a) + (1 - y) * sp.log(1 - a)), z) - (a - y)) == 0  # cross-entropy: true
    report = verify_text(text)
    assert _status(report, 3, r"\delta^L_j = a^L_j - y_j") == "refuted"
    assert _status(report, 7, r"\delta^L_j = a^L_j - y_j") == "ambiguous"


def test_a_claim_read_under_a_later_definition_is_not_folded_with_one_after_it():
    """review 18 n19: σ' = a ⊙ (1 − a) before the notes define σ as the sigmoid (line 5, read under that later
    definition) and after it (line 9, true: the sigmoid's derivative is σ(1 − σ)) are two rows, not "lines 5, 9"."""
    text = "\n".join(["# 1. Tanh", "", "In this part every neuron uses the hyperbolic tangent, $a^l = \\sigma(z^l)$.",
                      "", r"$$\sigma'(z^l) = a^l \odot (1 - a^l)$$", "", "# 2. The logistic function", "",
                      r"From now on $$\sigma(z) = \frac{1}{1+e^{-z}}$$ and then", "",
                      r"$$\sigma'(z^l) = a^l \odot (1 - a^l)$$", ""])
    t = sp.Symbol("t")
    sigmoid = 1 / (1 + sp.exp(-t))
    assert sp.simplify(sp.diff(sigmoid, t) - sigmoid * (1 - sigmoid)) == 0
    report = verify_text(text)
    rows = [r for r in report.rows if r.formula.text.startswith("\\sigma'")]
    assert [r.formula.lines for r in rows] == [(5,), (11,)]
    assert rows[1].result.status == "holds"


# -- review 19 F16: \chapter, \part, a bold or capitalised title line, <h2> cut the notes too ----------------------

#: /tmp/rv19/sec_chapter.md with Part B's heading left open: Part A in Nielsen's order (one definition, line 4, and
#: the swapped BP4 at line 5), Part B in the other (two definitions, lines 10, 11; the same BP4, true there, line 12).
SEC_CHAPTER = "\n".join([
    "# Part A", "", "The weighted input is", r"$$z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j$$", f"$${BP4_FROM_TO}$$",
    "", "{heading}", "", "Here $w^l_{jk}$ is the weight from neuron j in layer l-1 to neuron k in layer l.",
    r"$$z^l_k = \sum_j w^l_{jk} a^{l-1}_j + b^l_k$$", r"$$z^l = (w^l)^T a^{l-1} + b^l$$", f"$${BP4_FROM_TO}$$", ""])


@pytest.mark.parametrize("heading", [r"\chapter{Part B}", r"\part{Part B}", r"\chapter*{Part B}",
                                     "**Part B: the other convention.**", "PART B: THE OTHER CONVENTION",
                                     "<h2>Part B</h2>", "__Kapitola 2__", "ЧАСТЬ B: ДРУГИЕ ОБОЗНАЧЕНИЯ"])
def test_more_headings_cut_the_notes_into_parts(heading):
    """(was: line 4 refuted as an erratum, lines 5 and 12 folded into one "holds", exit 1.) Part B is read in its
    own order (line 12 holds: true there); Part A's one definition is open, so its swapped BP4 is ambiguous."""
    text = SEC_CHAPTER.replace("{heading}", heading)
    assert [s.first for s in sections_of(text) if s.first <= s.last] == [1, 7]
    report = verify_text(text)
    assert _status(report, 12, BP4_FROM_TO) == "holds" and _truth("from,to", "bp4 a_j delta_k")
    assert _status(report, 5, BP4_FROM_TO) == "ambiguous" and not _truth("to,from", "bp4 a_j delta_k")
    assert _status(report, 4, r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j") == "ambiguous"


@pytest.mark.parametrize("line", ["**Note that the gradient is a row here.**", "The SIGMOID is applied.",
                                  "Part B: the other convention.", "**Part B** is next.", "BP1"])
def test_lines_that_are_no_heading_cut_nothing(line):
    """A bold sentence without a title word, a sentence with capitals in it, a title-like line in plain type, a
    bold title inside a sentence and a capitalised word of three letters: no part starts there."""
    assert [s.first for s in sections_of(SEC_CHAPTER.replace("{heading}", line)) if s.first <= s.last] == [1]


def test_latex_sections_sit_under_their_chapter():
    """With \\chapter, a \\section is one level below it: a section without definitions inherits its chapter."""
    text = "\\chapter{A}\n$x$\n\\section{B}\n$y$\n\\chapter{C}\n"
    assert [(s.first, s.level, s.parent) for s in sections_of(text)][1:] == [(1, 1, 0), (3, 2, 1), (5, 1, 0)]
