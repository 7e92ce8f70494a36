r"""Review rv48 A3, C1, C2, C3: a step's sum over the inputs through the layer slot, a conditional verdict without
its condition, a layer the user's network lacks, and the exit code of notes where only definitions hold.

Verdicts decided by hand:

- ``b^l \to b^l - \frac{\eta}{m}\sum_{i=1}^m \delta^{x_i,i}`` adds δ^{x_1,1} + δ^{x_2,2} + …: input i's error at
  layer i, no gradient step on any network (δ^1 does not even exist). Not read (uninterpretable), never conditional
  on L = 2, with or without ``--sizes``; the same for w^l with (a^{x_i,i-1})^T and for b^2. With the layer l the
  step is the mini-batch step (holds).
- ``b^2 \to b^2 - \eta (a^2 - y) \odot \sigma'(z^2)``: the step by BP1 at layer 2, a gradient step exactly when
  L = 2: conditional on L = 2, met on [2, 3] (exit 0), not met on [2, 3, 2] (exit 3); the condition is always said.
- ``\frac{\partial C}{\partial b^3_j} = \delta^3_j`` (BP3 at layer 3) on ``--sizes 3,3``: the network has no layer 3,
  so the formula says nothing about it: undecided, exit 3; on [2, 3, 3] it holds (exit 0). The same for BP2 written
  at layers 2 and 3; BP2 with a layer variable l on [3, 3] holds for every l there is (none), as before.
- /tmp/rv48/mb/m1.md (copied below): only the forward pass and C_x = ½‖y(x) − a^{x,L}‖² hold, the claims are not
  read: no claim was judged, exit 3, like notes whose definitions stand apart from one uninterpretable claim.
"""

import pytest

from symbp.notation import profile
from symbp.verify import verify
from symbp.verify.notes import verify_notes

NT = profile("nielsen")


@pytest.mark.parametrize("formula", [
    r"b^{l} \to b^{l} - \frac{\eta}{m}\sum_{i=1}^m \delta^{x_i,i}",
    r"b^{2} \to b^{2} - \frac{\eta}{m}\sum_{i=1}^m \delta^{x_i,i}",
    r"w^{l} \to w^{l} - \frac{\eta}{m}\sum_{i=1}^m \delta^{x_i,i}(a^{x_i,i-1})^T",
    r"b^{l} \to b^{l} - \frac{\eta}{m}\sum \delta^{x_i,i}",
])
@pytest.mark.parametrize("sizes", [None, (2, 3), (2, 3, 2)])
def test_rv48_step_sum_letter_in_layer_slot_is_not_read(formula, sizes):
    v = verify(formula, NT, sizes=sizes)
    assert v.status == "uninterpretable"
    assert "labels the inputs x_i" in v.reason and v.exit_code != 0


@pytest.mark.parametrize("formula", [
    r"b^{l} \to b^{l} - \frac{\eta}{m}\sum_{i=1}^m \delta^{x_i,l}",
    r"w^{l} \to w^{l} - \frac{\eta}{m}\sum_{i=1}^m \delta^{x_i,l}(a^{x_i,l-1})^T",
])
def test_rv48_step_sum_with_its_own_letter_holds(formula):
    assert verify(formula, NT, sizes=(2, 3)).status == "holds"


def test_rv48_gradient_claim_with_letter_in_layer_slot_stays_unread():
    v = verify(r"\frac{\partial C}{\partial b^l} = \frac{1}{n}\sum_{i=1}^n \delta^{x_i,i}", NT)
    assert v.status == "uninterpretable"


@pytest.mark.parametrize("sizes, met, code", [((2, 3), True, 0), ((2, 3, 2), False, 3), (None, None, 3)])
def test_rv48_conditional_step_says_its_condition(sizes, met, code):
    v = verify(r"b^{2} \to b^{2} - \eta (a^{2}-y)\odot\sigma'(z^{2})", NT, sizes=sizes)
    assert (v.status, v.condition, v.condition_met, v.exit_code) == ("conditional", "L = 2", met, code)


@pytest.mark.parametrize("formula", [
    r"b^{l} \to b^{l} - \frac{\eta}{m}\sum_{i=1}^m \delta^{x_i,i}",
    r"b^{2} \to b^{2} - \eta (a^{2}-y)\odot\sigma'(z^{2})",
    r"b^{2} \to b^{2} - \frac{\eta}{m}\sum_{x} (a^{x,2}-y(x))\odot\sigma'(z^{x,2})",
    r"\delta^2_1 = (a^2_1 - y_1)\sigma'(z^2_1)",
])
@pytest.mark.parametrize("sizes", [None, (2, 3), (2, 3, 2)])
def test_rv48_conditional_verdict_never_without_condition(formula, sizes):
    v = verify(formula, NT, sizes=sizes)
    assert v.status != "conditional" or v.condition


@pytest.mark.parametrize("formula", [
    r"\frac{\partial C}{\partial b^{3}_j} = \delta^{3}_j",
    r"\delta^{2} = ((w^{3})^T \delta^{3}) \odot \sigma'(z^{2})",
])
def test_rv48_layer_missing_from_users_network_is_undecided(formula):
    v = verify(formula, NT, sizes=(3, 3))
    assert (v.status, v.exit_code) == ("undecided", 3)
    assert "names layer 3, which your network [3, 3] does not have" in v.reason
    assert verify(formula, NT, sizes=(2, 3, 3)).status == "holds"  # the layer is there: BP3 / BP2 hold
    assert verify(formula, NT).status == "holds"


def test_rv48_layer_missing_wrong_variant_still_refuted():
    # BP3 with a^{2}_j beside δ^3_j is false where layer 3 exists; no --sizes network makes it hold
    f = r"\frac{\partial C}{\partial b^{3}_j} = a^{2}_j \delta^{3}_j"
    assert verify(f, NT).status == "refuted"
    assert verify(f, NT, sizes=(3, 3)).status != "holds"


def test_rv48_layer_variable_formula_on_shallow_network_unchanged():
    v = verify(r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)", NT, sizes=(3, 3))
    assert v.status == "holds"


# (rv48 D3, branch batch7: with "of $m$ inputs" the notes give B its m, C = (1/m) Σ_{x∈B} C_x is then their mean and
# the claims under it are judged; without those words B's size is unsaid and only the definitions hold, C3's case)
M1 = r"""For every input $x$ of a mini-batch $B$ the network computes

$$z^{x,l} = w^l a^{x,l-1} + b^l$$

$$a^{x,l} = \sigma(z^{x,l})$$

with the cost of one input

$$C_x = \frac{1}{2}\|y(x) - a^{x,L}\|^2$$

and the cost of the mini-batch

$$C = \frac{1}{m}\sum_{x \in B} C_x$$

$$\frac{\partial C}{\partial b^l} = \frac{1}{m}\sum_{x \in B} \delta^{x,l}$$

$$w^l \to w^l - \eta \frac{\partial C}{\partial w^l}$$
"""


def test_rv48_notes_judging_only_definitions_exit_3(tmp_path):
    path = tmp_path / "m1.md"
    path.write_text(M1)
    report = verify_notes(path)
    holds = {r.formula.text for r in report.rows if r.result.status == "holds"}
    assert any(t.startswith("C_x") for t in holds)
    assert report.exit_code == 3
    assert report.account_line().endswith("no claim was judged beyond the definitions the model is built from")


PER_INPUT = r"""For every input $x$ the network computes

$$z^{x,l} = w^l a^{x,l-1} + b^l$$

$$a^{x,l} = \sigma(z^{x,l})$$

with the cost of one input

$$C_x = \frac{1}{2}\|y(x) - a^{x,L}\|^2$$

Then

$$\frac{\partial C_x}{\partial b^l} = RHS$$
"""


@pytest.mark.parametrize("rhs, status, code", [
    (r"\delta^{x,l}", "holds", 0),  # BP3 per input: a claim judged, the run passes
    (r"a^{x,l-1} \delta^{x,l}", "refuted", 1),  # the wrong variant: refuted, exit 1
])
def test_rv48_notes_with_a_judged_claim_beside_per_input_cost(tmp_path, rhs, status, code):
    path = tmp_path / "perinput.md"
    path.write_text(PER_INPUT.replace("RHS", rhs))
    report = verify_notes(path)
    last = report.rows[-1]
    assert (last.result.status, report.exit_code) == (status, code)
    assert "no claim was judged" not in report.account_line()
