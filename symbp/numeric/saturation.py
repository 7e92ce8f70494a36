r"""Saturated units: why a loss can stay flat, and the warning that says so.

A sigmoid unit whose z is far from 0 has σ'(z) ≈ 0 (σ'(10) ≈ 4.5·10⁻⁵): by
BP1 and BP2 its δ is multiplied by that σ', so the gradients through it
vanish and SGD stops moving, while the loss stays where it is. A large
learning rate (η = 10⁶, say) throws most units there in the first epoch. A
ReLU unit whose z is negative on every sample is the same in the extreme
(σ' = 0).

``saturation_warning`` looks at a finished run: a loss that stayed flat over
its last epochs, without having learned the training set, while most units
are saturated on (a sample of) the training data.

>>> import numpy as np
>>> from symbp.numeric.train import Trainer, History
>>> model = Trainer([2, 3, 1], "sigmoid", seed=0)
>>> for W in model.weights:
...     W *= 1000.0                     # every unit far out in a tail
>>> X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, 0.2]])
>>> flat = History(loss=[0.3] * 6, accuracy=[0.5] * 6)
>>> "saturated" in saturation_warning(model, X, flat)
True
"""

from __future__ import annotations

import numpy as np

#: A unit is saturated on a sample when σ'(z) is below this fraction of its largest value.
FLAT_SIGMA_PRIME = 1e-3
#: The loss counts as flat when it moved by less than this fraction over the window.
FLAT_LOSS = 1e-3
#: Warn when more than this share of the units is saturated on most samples.
SATURATED_SHARE = 0.5
_SAMPLE = 1000


def saturated_share(model, X: np.ndarray) -> tuple[float, list[int]]:
    """The share of units (layers 2..L) saturated on at least 95 % of up to 1,000 rows of X, and their layers."""
    X = np.ascontiguousarray(X[:_SAMPLE], dtype=model.dtype)
    buf = model._buffer(X.shape[0])
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        model._forward(X, buf)
    saturated, units, layers = 0, 0, []
    for i, act in enumerate(model.acts):
        if i == len(model.acts) - 1 and model._softmax:
            continue  # a softmax output has no σ of its own
        z = np.asarray(buf["Z"][i], dtype=np.float64)
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            peak = float(max(act.numpy_prime(np.float64(0.0)), act.numpy_prime(np.float64(1.0))))
            if peak <= 0:
                continue
            flat = act.numpy_prime(z.copy()) < FLAT_SIGMA_PRIME * peak
        stuck = int(np.count_nonzero(flat.mean(axis=0) >= 0.95))
        saturated += stuck
        units += z.shape[1]
        if stuck:
            layers.append(i + 2)
    return (saturated / units if units else 0.0), layers


def saturation_warning(model, X: np.ndarray, history) -> str:
    """A one-paragraph warning when the loss stayed flat because the units saturate, else ''."""
    if history.epochs < 3 or not history.accuracy or history.accuracy[-1] >= 0.99:
        return ""
    window = history.loss[-max(3, history.epochs // 4):]
    top = max(abs(v) for v in window)
    if not np.all(np.isfinite(window)) or (max(window) - min(window)) > FLAT_LOSS * max(top, 1e-12):
        return ""
    share, layers = saturated_share(model, X)
    if share <= SATURATED_SHARE:
        return ""
    where = ", ".join(str(l) for l in layers)
    return (
        f"the loss stayed flat at {window[-1]:.4g} over the last {len(window)} epochs (training accuracy "
        f"{history.accuracy[-1]:.3f}) while {100 * share:.0f}% of the units (layers {where}) are saturated: "
        f"σ'(z) is below {FLAT_SIGMA_PRIME:g} of its largest value on nearly every sample, so by BP1 and BP2 their "
        "errors δ, and the gradients through them, vanish. Try a smaller learning rate η, or a cost whose output "
        "error does not carry σ' (cross-entropy with a sigmoid output, or softmax-cross-entropy)"
    )
