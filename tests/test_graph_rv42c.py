r"""Review rv42c (layouts): false holds of graph notes, each decided by hand.

2. Sizes the notes leave open were tried at 2 and 3 only: a claim with a factor (Σ_{j=1}^{k} 1 − 2)(Σ_{j=1}^{k} 1 − 3)
   (written Σ_j h_j/h_j, one per entry of h, so the sum names its index) is 0 at k = 2, 3 and at no other size.
4. ``z = F(y)`` is read entry by entry; prose saying F is any map makes ∂z/∂y a full Jacobian, not diag(F'(y)).
"""

from __future__ import annotations

import pytest

from symbp.verify.notes import verify_notes, verify_text

_SIZES = (r"Let $x$ be a row vector of $n$ entries and $W$ an $n \times k$ matrix." "\n\n"
          "$$g = x W$$\n\n$$h = \\tanh(g)$$\n\n$$L = \\frac{1}{2}\\|h\\|^2$$\n\n")
_COUNT = r"\sum_{j=1}^{k} \frac{h_j}{h_j}"  # k, by hand: each term is 1
_GRAD = r"\frac{\partial L}{\partial x}"


def _rows(tmp_path, text):
    path = tmp_path / "notes.md"
    path.write_text(text)
    return {r.formula.text: r.result for r in verify_notes(path).rows}


def _factors(*roots):
    return "".join(f"({_COUNT} - {r})" for r in roots)


def test_rv42c_2_a_claim_true_only_at_sizes_2_and_3_is_refuted(tmp_path):
    # by hand: ∂L/∂x (1 + (k − 2)(k − 3)) = ∂L/∂x only for k ∈ {2, 3}; at k = 4 the factor is 3 (∂L/∂x ≠ 0)
    wrong = f"{_GRAD} = {_GRAD} + {_factors(2, 3)} {_GRAD}"
    right = f"{_GRAD} = {_GRAD} + ({_COUNT} - {_COUNT}) {_GRAD}"  # the right variant: 0 for every k
    rows = _rows(tmp_path, _SIZES + f"$${wrong}$$\n\n$${right}$$\n")
    assert rows[wrong].status == "refuted", rows[wrong].reason
    assert rows[right].status == "holds", rows[right].reason


def test_rv42c_2_a_polynomial_in_an_open_size_past_the_sizes_checked_is_undecided(tmp_path):
    # by hand: (k − 1)(k − 2)(k − 3)(k − 4)(k − 5) is 0 at k = 1, …, 5 and 120 at k = 6: no identity; of degree 5
    # it needs six sizes of k: undecided, naming the sizes, never holds
    wrong = f"{_GRAD} = {_GRAD} + {_factors(1, 2, 3, 4, 5)} {_GRAD}"
    rows = _rows(tmp_path, _SIZES + f"$${wrong}$$\n")
    assert rows[wrong].status == "undecided", rows[wrong].reason
    assert "degree 5" in rows[wrong].reason and "k = 2, 3, 4" in rows[wrong].reason


def test_rv42c_2_a_polynomial_false_at_one_entry_is_refuted_there(tmp_path):
    # by hand: (k − 2)(k − 3)(k − 4)(k − 5) is 24 at k = 1 (W of one column, h of one entry), where ∂L/∂x ≠ 0. Before
    # vectors of one entry were read (review rv45 B2, C1) the member k = 1 was not built and this was undecided
    wrong = f"{_GRAD} = {_GRAD} + {_factors(2, 3, 4, 5)} {_GRAD}"
    rows = _rows(tmp_path, _SIZES + f"$${wrong}$$\n")
    assert rows[wrong].status == "refuted" and "k = 1" in rows[wrong].reason, rows[wrong].reason


def test_rv42c_2_the_usual_gradients_still_hold_on_the_larger_family(tmp_path):
    # by hand (denominator layout, x a row): ∂L/∂x = (h ⊙ (1 − h²)) Wᵀ for L = ½‖h‖²; without the ⊙ factor it is wrong
    right = r"\frac{\partial L}{\partial x} = (h \odot (1 - h^2)) W^T"
    wrong = r"\frac{\partial L}{\partial x} = h W^T"
    rows = _rows(tmp_path, _SIZES + f"$${right}$$\n\n$${wrong}$$\n")
    assert rows[right].status == "holds", rows[right].reason
    assert rows[wrong].status == "refuted", rows[wrong].reason


_ANY_MAP = ("Let $y$ be a column vector of length 2. Here $F$ is any map from $\\mathbb{{R}}^2$ to "
            "$\\mathbb{{R}}^2${more}.\n\n$$z = F(y)$$\n\n$$L = L(z)$$\n\n")
_DIAG = r"\frac{\partial z}{\partial y} = \operatorname{diag}(F'(y))"
_HAD = r"\frac{\partial L}{\partial y} = F'(y) \odot \frac{\partial L}{\partial z}"


def test_rv42c_4_any_map_is_not_read_entry_by_entry(tmp_path):
    # by hand: for a general F: R² → R², ∂z/∂y is the full 2×2 Jacobian, so diag(F'(y)) and F'(y) ⊙ ∂L/∂z are wrong
    # (they are right for an F applied entry by entry); the definition z = F(y) is not read, the claims never hold
    for more in ("", ", not necessarily entrywise"):
        rows = _rows(tmp_path, _ANY_MAP.format(more=more) + f"$${_DIAG}$$\n\n$${_HAD}$$\n")
        assert rows["z = F(y)"].status == "uninterpretable" and "any map" in rows["z = F(y)"].reason
        for claim in (_DIAG, _HAD):
            assert rows[claim].status != "holds", (more, claim, rows[claim].reason)


def test_rv42c_4_without_the_words_z_of_y_stays_entry_by_entry(tmp_path):
    # the opposite variant: no word says F is general, so z = F(y) is entry by entry and diag(F'(y)) is its Jacobian
    text = "Let $y$ be a column vector of length 2.\n\n$$z = F(y)$$\n\n$$L = L(z)$$\n\n"
    rows = _rows(tmp_path, text + f"$${_DIAG}$$\n")
    assert rows[_DIAG].status == "holds", rows[_DIAG].reason


_ROW = "Let $x$ be a row vector of length 2 and $W$ a $2 \\times 3$ matrix.\n\n$$g = x W$$\n\n"


def test_rv42c_5_a_layout_named_after_the_formula_is_never_dropped(tmp_path):
    # by hand: g = x W (x a row of 2, W 2×3); in the numerator layout ∂g/∂x is the 3×2 Jacobian Wᵀ, so "= W in the
    # numerator layout" is wrong (W is the denominator layout's answer). The trailing words were taken off and the
    # claim held in the denominator layout; now the words are not ignored: never holds
    wrong = r"\frac{\partial g}{\partial x} = W - \text{in the numerator layout}"
    plain = r"\frac{\partial g}{\partial x} = W"  # the opposite variant: no words, the denominator layout it fits
    rows = _rows(tmp_path, _ROW + f"$${wrong}$$\n\n$${plain}$$\n")
    assert rows[wrong].status == "uninterpretable" and "name a layout" in rows[wrong].reason, rows[wrong].reason
    assert rows[plain].status == "holds", rows[plain].reason


_COLUMN = (r"Let $y = W x$ with $x = \begin{pmatrix} x_1 \\ x_2 \end{pmatrix}$ and "
           r"$W = \begin{pmatrix} w_{11} & w_{12} \\ w_{21} & w_{22} \end{pmatrix}$, $L = L(y_1, y_2)$." "\n\n"
           r"Define $G_{ij} = \frac{\partial L}{\partial w_{ij}}$." "\n\n")


def test_rv42c_a_gradient_matrix_named_by_its_entries_is_that_matrix(tmp_path):
    # by hand: y = W x, so ∂L/∂w_{ij} = (∂L/∂y_i) x_j and G = (∂L/∂y) xᵀ (W's shape); x (∂L/∂y)ᵀ is Gᵀ, wrong for a
    # generic L. The definition was refuted on its index ranges ("j runs over 1..3 … 1..2") and G unread
    right = r"\frac{\partial L}{\partial y} x^T = G"
    wrong = r"x \frac{\partial L}{\partial y}^T = G"
    rows = _rows(tmp_path, _COLUMN + f"$${right}$$\n\n$${wrong}$$\n")
    assert r"G_{ij} = \frac{\partial L}{\partial w_{ij}}" not in rows or \
        rows[r"G_{ij} = \frac{\partial L}{\partial w_{ij}}"].status not in ("refuted", "holds")
    assert rows[right].status == "holds", rows[right].reason
    assert rows[wrong].status == "refuted", rows[wrong].reason


@pytest.mark.parametrize("mark", [":", "*"])
def test_rv42c_a_column_slice_is_not_read_as_an_index(tmp_path, mark):
    # W_{:,1} is W's first column; it was read with ":" an index letter, a number, and refuted on its shape (and
    # W_{*,1} so too: review rv44 B3)
    claim = r"\frac{\partial g_1}{\partial x} = W_{" + mark + r",1}^T"
    rows = _rows(tmp_path, _ROW + f"$${claim}$$\n")
    assert rows[claim].status == "uninterpretable" and "slice" in rows[claim].reason, rows[claim].reason


def test_rv42c_one_entry_named_leaves_the_size_open(tmp_path):
    # by hand: h = tanh(g) entry by entry, ∂h_1/∂g_1 = 1 − h_1²; g_1 alone made g a vector of 1 and g = x W "a
    # scalar": exit 2. The wrong variant 1 + h_1² is refuted
    text = ("Let $x$ be a row vector and $W$ a matrix.\n\n$$g = x W$$\n\n$$h = \\tanh(g)$$\n\n"
            "$$\\frac{\\partial h_1}{\\partial g_1} = 1 - h_1^2$$\n\n$$\\frac{\\partial h_1}{\\partial g_1} = 1 + h_1^2$$\n")
    path = tmp_path / "notes.md"
    path.write_text(text)
    report = verify_notes(path)
    rows = {r.formula.text: r.result for r in report.rows}
    assert rows[r"\frac{\partial h_1}{\partial g_1} = 1 - h_1^2"].status == "holds"
    assert rows[r"\frac{\partial h_1}{\partial g_1} = 1 + h_1^2"].status == "refuted"
    assert report.exit_code == 1


def test_rv42c_the_gradient_of_a_vector_is_not_refuted_on_its_shape(tmp_path):
    # ∇_x g of the vector g = x W is a convention of its own (often ∂g/∂x transposed, here W): it was refuted as "the
    # gradient of a row vector"; now uninterpretable. The gradient of one entry keeps its shape check: ∇_x h_1 is a
    # row of 2, never the number W_{11}(1 − h_1²)
    text = _ROW + "$$h = \\tanh(g)$$\n\n$$\\nabla_x g = W$$\n\n$$\\nabla_x h_1 = W_{11} (1 - h_1^2)$$\n"
    rows = _rows(tmp_path, text)
    assert rows[r"\nabla_x g = W"].status == "uninterpretable", rows[r"\nabla_x g = W"].reason
    assert rows[r"\nabla_x h_1 = W_{11} (1 - h_1^2)"].status == "refuted"


def test_rv42c_4_any_function_applied_entrywise_stays_entry_by_entry(tmp_path):
    # the words say the map is entrywise: diag(F'(y)) is its Jacobian (holds); diag(F(y)) is not (refuted)
    text = ("Let $y$ be a column vector of length 2 and $F$ any differentiable function applied entrywise.\n\n"
            "$$z = F(y)$$\n\n$$L = L(z)$$\n\n")
    wrong = r"\frac{\partial z}{\partial y} = \operatorname{diag}(F(y))"
    rows = _rows(tmp_path, text + f"$${_DIAG}$$\n\n$${wrong}$$\n")
    assert rows[_DIAG].status == "holds", rows[_DIAG].reason
    assert rows[wrong].status == "refuted", rows[wrong].reason


def test_rv42c_5_numerator_layout_transposed_declares_nothing(tmp_path):
    # by hand: "the numerator layout, transposed" is the denominator layout, where ∂g/∂x = W for g = x W (square W)
    # and Wᵀ is wrong; it was read as a declaration of the numerator layout and Wᵀ held. Now nothing is declared:
    # the layouts disagree on each claim, ambiguous, neither holds
    text = ("Let $x$ be a row vector of length 2 and $W$ a $2 \\times 2$ matrix.\n\n"
            "We write all derivatives in the numerator layout, transposed.\n\n$$g = x W$$\n\n")
    wrong, other = r"\frac{\partial g}{\partial x} = W^T", r"\frac{\partial g}{\partial x} = W"
    rows = _rows(tmp_path, text + f"$${wrong}$$\n\n$${other}$$\n")
    assert rows[wrong].status == "ambiguous", rows[wrong].reason
    assert rows[other].status == "ambiguous", rows[other].reason



@pytest.mark.parametrize("sentence, expected", [
    # review rv44 A7: a layout named in the claim's own sentence was dropped, and the claim held in the other layout
    (r"In the numerator layout, $\frac{\partial g}{\partial x} = W$.", "uninterpretable"),
    (r"We have $\frac{\partial g}{\partial x} = W$ in the numerator layout.", "uninterpretable"),
    (r"$\frac{\partial g}{\partial x} = W$ (numerator layout).", "uninterpretable"),
    ("$$\\frac{\\partial g}{\\partial x} = W$$\nin the numerator layout.", "uninterpretable"),
    (r"The Jacobian is $\frac{\partial g}{\partial x} = W$.", "uninterpretable"),  # the Jacobian: numerator layout
    # the layout named is the one it is judged in: judged as before
    (r"In the denominator layout, $\frac{\partial g}{\partial x} = W$.", "holds"),
    (r"In the numerator layout, $\frac{\partial g}{\partial x} = W^T$.", "holds"),
    (r"We use the numerator layout: $$\frac{\partial g}{\partial x} = W^T$$", "holds"),
])
def test_rv44_a_layout_named_beside_the_claim_is_never_dropped(sentence, expected):
    rows = [r for r in verify_text(_ROW + sentence + "\n").rows if "partial g" in r.formula.text]
    assert [r.result.status for r in rows] == [expected], [(r.formula.text, r.result.status, r.result.reason) for r in rows]


def test_rv44_a_sum_without_its_bound_counts_toward_the_sizes_needed(tmp_path):
    # review rv44 A6: Σ_j h_j/h_j is k (h's size) though no bound is written; (k − 2)(k − 3)(k − 4) is 0 at the sizes
    # checked and −6 at k = 1, 6 at k = 5: of degree 3, it needs four sizes of an open letter. It held; never holds now
    unbounded = r"\sum_{j} \frac{h_j}{h_j}"
    wrong = f"{_GRAD} = {_GRAD} + " + "".join(f"({unbounded} - {r})" for r in (2, 3, 4)) + f" {_GRAD}"
    right = f"{_GRAD} = {_GRAD} + ({unbounded} - {unbounded}) {_GRAD}"  # 0 at every size: one sum-degree, pinned
    rows = _rows(tmp_path, _SIZES + f"$${wrong}$$\n\n$${right}$$\n")
    assert rows[wrong].status in ("undecided", "refuted"), rows[wrong].reason
    assert "without a bound" in rows[wrong].reason or rows[wrong].status == "refuted"
    assert rows[right].status == "holds", rows[right].reason
