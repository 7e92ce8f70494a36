r"""Jacobians of a vector by a vector in layered notes (interpret._jacobian, jacobianlayout; issue 14 item 2).

Truth by hand and by finite differences (``_fd_jacobian``, mpmath at 30 digits on a [3, 2, 4] network, independent of
symbp's algebra): z^l = w^l a^{l-1} + b^l, so ∂z^l_r/∂a^{l-1}_c = w^l_{rc}: the Jacobian with a row per entry of z^l
(the numerator layout, and the mixed convention) is w^l, and its transpose (the denominator layout) is (w^l)^T;
∂a^l/∂z^l = diag(σ'(z^l)); ∂z^{l+1}/∂z^l = w^{l+1} diag(σ'(z^l)). The chain rule for ∂C/∂a^{l-1} is
(∂z^l/∂a^{l-1})^T ∂C/∂z^l with gradients as columns, and ∂C/∂z^l ∂z^l/∂a^{l-1} with gradients as rows.
"""

from __future__ import annotations

import mpmath
import pytest

from symbp.verify import verify
from symbp.verify.notes import verify_text

mpmath.mp.dps = 30


def _fd_jacobian():
    # one layer z = W a + b of a [3, 2] network at a random point: ∂z_r/∂a_c by central differences
    W = [[mpmath.mpf("0.3"), mpmath.mpf("-1.1"), mpmath.mpf("0.7")], [mpmath.mpf("2.0"), mpmath.mpf("0.4"), mpmath.mpf("-0.2")]]
    b = [mpmath.mpf("0.1"), mpmath.mpf("-0.5")]
    a = [mpmath.mpf("0.9"), mpmath.mpf("-0.6"), mpmath.mpf("0.25")]
    z = lambda v: [sum(W[r][c] * v[c] for c in range(3)) + b[r] for r in range(2)]  # noqa: E731
    h = mpmath.mpf(10) ** -10
    J = [[(z([a[k] + (h if k == c else 0) for k in range(3)])[r] - z([a[k] - (h if k == c else 0) for k in range(3)])[r])
          / (2 * h) for c in range(3)] for r in range(2)]
    return W, J


def test_the_oracle_gives_a_row_per_entry_of_z():
    W, J = _fd_jacobian()
    assert len(J) == 2 and len(J[0]) == 3  # rows: entries of z
    assert all(abs(J[r][c] - W[r][c]) < mpmath.mpf(10) ** -15 for r in range(2) for c in range(3))


# No layout declared: each reading is tried; the one the shapes fit decides, and the verdict names it.
@pytest.mark.parametrize("claim, status, words", [
    (r"\frac{\partial z^l}{\partial a^{l-1}} = w^l", "holds", "mixed convention"),
    (r"\frac{\partial z^l}{\partial a^{l-1}} = (w^l)^T", "holds", "holds in the denominator layout"),
    (r"\frac{\partial z^l}{\partial a^{l-1}} = 2 w^l", "refuted", ""),
    (r"\frac{\partial a^l}{\partial z^l} = \mathrm{diag}(\sigma'(z^l))", "holds", ""),
    (r"\frac{\partial a^l}{\partial z^l} = \mathrm{diag}(\sigma(z^l))", "refuted", ""),
    (r"\frac{\partial z^{l+1}}{\partial z^l} = w^{l+1} \mathrm{diag}(\sigma'(z^l))", "holds", "mixed convention"),
    (r"\frac{\partial z^{l+1}}{\partial z^l} = \mathrm{diag}(\sigma'(z^l)) (w^{l+1})^T", "holds", "denominator layout"),
    (r"\frac{\partial z^{l+1}}{\partial z^l} = \mathrm{diag}(\sigma'(z^l)) w^{l+1}", "refuted", ""),
    (r"\frac{\partial C}{\partial a^{l-1}} = \left(\frac{\partial z^l}{\partial a^{l-1}}\right)^T \frac{\partial C}{\partial z^l}",
     "holds", "holds in the mixed convention"),
    (r"\frac{\partial C}{\partial a^{l-1}} = \frac{\partial C}{\partial z^l} \frac{\partial z^l}{\partial a^{l-1}}",
     "holds", "holds in the numerator layout"),
    (r"\frac{\partial C}{\partial a^{l-1}} = \frac{\partial z^l}{\partial a^{l-1}} \frac{\partial C}{\partial z^l}",
     "holds", "holds in the denominator layout"),
    (r"\frac{\partial C}{\partial a^{l-1}} = \frac{\partial z^l}{\partial a^{l-1}} \frac{\partial C}{\partial z^{l}} \odot \sigma'(z^{l-1})",
     "refuted", ""),
])
def test_a_jacobian_without_a_declared_layout(claim, status, words):
    v = verify(claim, "nielsen")
    assert v.status == status, v.reason
    assert words in v.reason


def test_a_jacobian_by_a_matrix_is_not_read():
    assert verify(r"\frac{\partial z^l}{\partial w^l} = a^{l-1}", "nielsen").status == "uninterpretable"


_BODY = "\n".join(f"$${c}$$" for c in (
    r"\frac{\partial z^l}{\partial a^{l-1}} = w^l",
    r"\frac{\partial z^l}{\partial a^{l-1}} = (w^l)^T",
    r"\frac{\partial C}{\partial a^{l-1}} = \frac{\partial C}{\partial z^l} \frac{\partial z^l}{\partial a^{l-1}}",
    r"\frac{\partial C}{\partial a^{l-1}} = \frac{\partial z^l}{\partial a^{l-1}} \frac{\partial C}{\partial z^l}"))


def _statuses(text: str) -> list:
    return [r.result.status for r in verify_text(text).rows if r.formula.kind == "claim"]


def test_a_declared_layout_decides_the_jacobian():
    # numerator: w^l holds, (w^l)^T refuted; the row chain rule holds; the denominator chain rule is ill-shaped
    assert _statuses("We use the numerator layout throughout.\n\n" + _BODY) == ["holds", "refuted", "holds", "refuted"]
    assert _statuses("We use the denominator layout throughout.\n\n" + _BODY) == ["refuted", "holds", "refuted", "holds"]
