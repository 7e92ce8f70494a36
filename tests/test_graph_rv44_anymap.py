r"""Review rv44 A8 and B2 (graph notes), each verdict decided by hand.

A8. ``z = F(y)`` of a vector y was read entry by entry whatever the prose said of F, unless it used the words "any
map", "general function" or "not entrywise" just so: ``\frac{\partial z}{\partial y} = \operatorname{diag}(F'(y))``
held after "Here $F$ is an arbitrary function of $y$, not acting entrywise." and after "Here $F$ is the softmax."
By hand: for a general F: R² → R², ∂z/∂y is the full 2×2 Jacobian (∂F_i/∂y_j), so diag(F'(y)) and
F'(y) ⊙ ∂L/∂z are wrong; for the softmax s, ∂s/∂y = diag(s) − s sᵀ, not diagonal, so both are wrong too. Only an F
applied entry by entry has the diagonal Jacobian diag(F'(y)). Now any sentence naming F that does not say only that
F acts entrywise makes F a general map, which is not read (``graphanymap``).

B2. ``Define $G_{ij} = 2\frac{\partial L}{\partial w_{ij}}$.`` was refuted "the index j runs over 1..3 on one side
and 1..2 on another": a definition, judged as a claim about a G whose size (3) was guessed for a name the notes
never define. Now a definition of G by its entries that is not read is uninterpretable, and so is every claim
using G, naming that line (``graphentrydefs``); an index never takes its range from a guessed size.
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_notes

_HEAD = "Let $y$ be a column vector of length 2. {said}\n\n$$z = F(y)$$\n\n$$L = L(z)$$\n\n"
_DIAG = r"\frac{\partial z}{\partial y} = \operatorname{diag}(F'(y))"
_HAD = r"\frac{\partial L}{\partial y} = F'(y) \odot \frac{\partial L}{\partial z}"
_NO_PRIME = r"\frac{\partial z}{\partial y} = \operatorname{diag}(F(y))"  # wrong for every F (F, not F')


def _rows(tmp_path, text):
    path = tmp_path / "notes.md"
    path.write_text(text)
    return {r.formula.text: r.result for r in verify_notes(path).rows}


def _claims(tmp_path, said):
    return _rows(tmp_path, _HEAD.format(said=said) + f"$${_DIAG}$$\n\n$${_HAD}$$\n\n$${_NO_PRIME}$$\n")


@pytest.mark.parametrize("said", [
    "Here $F$ is an arbitrary function of $y$, not acting entrywise.",  # the review's a10.md
    "Here $F$ is the softmax.",  # a11.md: softmax' Jacobian is diag(s) - s s^T
    r"Here $F: \mathbb{R}^2 \to \mathbb{R}^2$ is a general differentiable function.",
    "Here $F$ is differentiable.",
    "Here $F$ is a differentiable vector field that mixes the entries of $y$.",
    "Here $F$ may couple the entries of $y$.",
    "Here $F$ is some nonlinear transformation of the whole vector $y$.",
    "Here $F$ is applied entrywise. It mixes the entries of $y$, though.",  # the next sentence goes on about F
    "Here $F$ is applied entrywise, but $z_1$ depends on $y_2$.",
    "If $F$ acts entrywise, things are simple.",  # a supposition, not what F is
    "Here F is any map.",  # F outside math
    "Here $F$ is applied entrywise and is a general map.",
])
def test_rv44_a8_words_about_f_other_than_entrywise_never_make_the_diagonal_hold(tmp_path, said):
    rows = _claims(tmp_path, said)
    for claim in (_DIAG, _HAD, _NO_PRIME):
        assert rows[claim].status != "holds", (said, claim, rows[claim].reason)


def test_rv44_a8_the_softmax_named_leaves_z_unread_naming_the_sentence(tmp_path):
    # a11.md: F'(y) ⊙ ∂L/∂z is wrong for the softmax; the definition's line says why it is not read
    rows = _claims(tmp_path, "Here $F$ is the softmax.")
    assert rows["z = F(y)"].status == "uninterpretable"
    assert "Here $F$ is the softmax." in rows["z = F(y)"].reason and "line 1" in rows["z = F(y)"].reason
    assert rows[_HAD].status == "uninterpretable", rows[_HAD].reason


@pytest.mark.parametrize("said", [
    "",  # nothing said: a letter applied to a vector is entry by entry (rv42c 4)
    "Here $F$ is applied entrywise.",
    "Here $F$ acts entrywise on $y$.",
    "Here $F$ is any differentiable function applied entrywise.",
    "Here $F$ is an elementwise function.",
    "Here $F$ is applied to each entry of $y$.",
    "We set $z = F(y)$ entrywise, where $F$ is some smooth function.",
])
def test_rv44_a8_f_said_to_act_entrywise_keeps_the_diagonal(tmp_path, said):
    # by hand: z_k = F(y_k), so ∂z/∂y = diag(F'(y)) and ∂L/∂y = F'(y) ⊙ ∂L/∂z; diag(F(y)) is wrong (F, not F')
    rows = _claims(tmp_path, said)
    assert rows[_DIAG].status == "holds", (said, rows[_DIAG].reason)
    assert rows[_HAD].status == "holds", (said, rows[_HAD].reason)
    assert rows[_NO_PRIME].status == "refuted", (said, rows[_NO_PRIME].reason)


def test_rv44_a8_a_general_f_of_a_product_is_not_read_entry_by_entry(tmp_path):
    # by hand: z = softmax(W y), ∂z/∂y = (diag(s) − s sᵀ) W, not diag(F'(W y)) W; ∂u/∂y = W (u = W y, numerator
    # layout) is untouched by F and still judged
    text = ("Let $y$ be a column vector of length 2 and $W$ a $2 \\times 2$ matrix. Here $F$ is the softmax.\n\n"
            "$$u = W y$$\n\n$$z = F(W y)$$\n\n$$L = L(z)$$\n\n")
    claim = r"\frac{\partial z}{\partial y} = \operatorname{diag}(F'(W y)) W"
    rows = _rows(tmp_path, text + f"$${claim}$$\n\n$$\\frac{{\\partial u}}{{\\partial y}} = W$$\n")
    assert rows[claim].status != "holds", rows[claim].reason
    assert rows[r"\frac{\partial u}{\partial y} = W"].status == "ambiguous"  # W in one layout, Wᵀ in the other


_COLUMN = (r"Let $y = W x$ with $x = \begin{pmatrix} x_1 \\ x_2 \end{pmatrix}$ and "
           r"$W = \begin{pmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \end{pmatrix}$, $L = L(y_1, y_2)$." "\n\n")


@pytest.mark.parametrize("define, entries, right, wrong", [
    # by hand (y = W x): ∂L/∂w_{ij} = (∂L/∂y_i) x_j, so G = 2 (∂L/∂y) xᵀ; (∂L/∂y) xᵀ alone misses the 2
    (r"Define $G_{ij} = 2\frac{\partial L}{\partial w_{ij}}$.", r"G_{ij} = 2\frac{\partial L}{\partial w_{ij}}",
     r"2\frac{\partial L}{\partial y} x^T = G", r"\frac{\partial L}{\partial y} x^T = G"),
    # G = (∂L/∂y) xᵀ + 1 (every entry); without the ones it is wrong
    (r"Define $G_{ij} = \frac{\partial L}{\partial w_{ij}} + 1$.", r"G_{ij} = \frac{\partial L}{\partial w_{ij}} + 1",
     None, r"\frac{\partial L}{\partial y} x^T = G"),
    # G is (∂L/∂y) xᵀ off the diagonal, 0 on it: the full (∂L/∂y) xᵀ is wrong on the diagonal
    (r"Define $G_{ij} = \frac{\partial L}{\partial w_{ij}}$ for $i \ne j$ and $G_{ii} = 0$.",
     r"G_{ij} = \frac{\partial L}{\partial w_{ij}}", None, r"\frac{\partial L}{\partial y} x^T = G"),
    # G's diagonal is never given: the full gradient is not what the notes define (it held: the words were dropped)
    (r"Define $G_{ij} = \frac{\partial L}{\partial w_{ij}}$ for $i \ne j$.", r"G_{ij} = \frac{\partial L}{\partial w_{ij}}",
     None, r"\frac{\partial L}{\partial y} x^T = G"),
])
def test_rv44_b2_a_gradient_matrix_defined_by_another_formula_is_never_refuted(tmp_path, define, entries, right,
                                                                               wrong):
    claims = [c for c in (right, wrong) if c]
    rows = _rows(tmp_path, _COLUMN + define + "\n\n" + "".join(f"$${c}$$\n\n" for c in claims))
    assert rows[entries].status == "uninterpretable", rows[entries].reason
    assert "1..3" not in rows[entries].reason and "definition of G" in rows[entries].reason
    for c in claims:  # G unread: neither the right nor the wrong claim is judged, and both say where G is defined
        assert rows[c].status == "uninterpretable", (c, rows[c].reason)
        assert "line 3" in rows[c].reason, rows[c].reason


def test_rv44_b2_the_plain_gradient_matrix_is_still_read(tmp_path):
    # the opposite variant (rv42c): G_{ij} = ∂L/∂w_{ij} in a sentence of its own is G = (∂L/∂y) xᵀ; 2 (∂L/∂y) xᵀ is wrong
    text = _COLUMN + r"Define $G_{ij} = \frac{\partial L}{\partial w_{ij}}$." "\n\n"
    right, wrong = r"\frac{\partial L}{\partial y} x^T = G", r"2\frac{\partial L}{\partial y} x^T = G"
    rows = _rows(tmp_path, text + f"$${right}$$\n\n$${wrong}$$\n")
    assert rows[right].status == "holds", rows[right].reason
    assert rows[wrong].status == "refuted", rows[wrong].reason


def test_rv44_b2_an_undefined_name_gives_no_index_its_range(tmp_path):
    # H is never defined: its size (2×3) is only a guess, yet j took the range 1..3 from it and the claim was refuted
    # "the index j runs over sizes [2, 3] in different places"; now it says H is not defined
    claim = r"\frac{\partial L}{\partial w_{ij}} = H_{ij} x_j"
    rows = _rows(tmp_path, _COLUMN + f"$${claim}$$\n")
    assert rows[claim].status == "uninterpretable" and "never define H" in rows[claim].reason, rows[claim].reason


# F said to act entry by entry in Czech, Polish or Russian, or a definition "followed by $z = h(y)$ elementwise"
# beside "$h$ undefined", is read entry by entry (∂z_1/∂y_2 = 0 holds, by hand, for z_k = h(y_k)); the same words
# turned by a negation (не, ne, nie, not) leave h a general map, whose claims are never judged.
_EW = ("Let $x$ be a column vector with entries $x_1, x_2$ and $V$ a $2 \\times 2$ matrix. "
       "A layer computes $y = V x$. {said}\n\n$$\\frac{{\\partial z_1}}{{\\partial y_2}} = 0$$\n\n"
       "$$\\frac{{\\partial z_1}}{{\\partial y_2}} = h'(y_2)$$\n")


@pytest.mark.parametrize("said, truth", [
    ("Połóżmy $z = h(y)$, gdzie $h$ działa po współrzędnych.", ["holds", "refuted"]),
    ("Положим $z = h(y)$, где функция $h$ применяется покомпонентно.", ["holds", "refuted"]),
    ("Položme $z = h(y)$, kde $h$ působí po složkách.", ["holds", "refuted"]),
    ("The layer is followed by $z = h(y)$ elementwise, $h$ undefined.", ["holds", "refuted"]),
    ("Połóżmy $z = h(y)$, gdzie $h$ nie działa po współrzędnych.", None),
    ("Положим $z = h(y)$, где функция $h$ не применяется покомпонентно.", None),
    ("Položme $z = h(y)$, kde $h$ ne působí po složkách.", None),
    ("The layer is not followed by $z = h(y)$ elementwise, $h$ undefined.", None),
    ("Then $z = h(y)$ elementwise, but $h$ mixes the entries.", None),
])
def test_anymap_entrywise_words_in_other_languages(tmp_path, said, truth):
    path = tmp_path / "notes.md"
    path.write_text(_EW.format(said=said), encoding="utf-8")
    got = [r.result.status for r in verify_notes(path).rows if "partial z_1" in r.formula.text]
    if truth is None:
        assert got and all(s not in ("holds", "refuted") for s in got), got
    else:
        assert got == truth
