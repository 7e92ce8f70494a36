r"""The proved ground truth as NumPy functions: ``lambdify`` (with ``cse``).

``gradient(net)`` turns the exact derivatives of ``derive.GroundTruth`` (the
chain rule applied forwards over the definitions, never the backprop
recursion) into one NumPy function of the weights and a batch of samples:

.. math:: \frac{\partial C}{\partial w^l_{jk}} = \frac{1}{m}\sum_x
   \frac{\partial C_x}{\partial w^l_{jk}}, \qquad
   \frac{\partial C}{\partial b^l_j} = \frac{1}{m}\sum_x \frac{\partial C_x}{\partial b^l_j}

Each derivative is a function of x, y, w, b: its z^l_j are the forward
definitions, shared between derivatives as common subexpressions (the same
substitution as ``derive.substitute_forward``, computed once), and
``lambdify`` evaluates it for all m samples at once: x_k and y_j are passed
as arrays of length m.

Arrays follow the trainer (``train``): weights ``W[l]`` has Nielsen's
shape (n_l, n_{l−1}), so ``W[l][j-1, k-1]`` is w^l_{jk}; samples are rows,
``X`` is (m, n_1) and ``Y`` is (m, n_L).

>>> import numpy as np
>>> from symbp.network import network
>>> net = network([1, 1], activation="identity", cost="quadratic")
>>> grad = gradient(net)
>>> dW, db = grad([np.array([[2.0]])], [np.array([0.5])], np.array([[1.0], [3.0]]), np.array([[0.0], [0.0]]))
>>> dW[0], db[0]   # C_x = ½(2x + ½)², dC/dw = (2x + ½)x, mean over x = 1, 3: (2.5 + 19.5)/2
(array([[11.]]), array([4.5]))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import sympy

from .. import derive
from ..errors import SpecError, SymbpError
from ..network import Network, network

#: Past this many parameters, composing and lambdifying the ground truth
#: takes longer than any user wants to wait; the fast path is for those.
MAX_PARAMETERS = 200


class LambdifyError(SymbpError, ValueError):
    """The network is too large (or too slow) to lambdify its ground truth."""


def per_sample_network(net: Network) -> Network:
    """The same network with one sample: its gradient, averaged, is the batch's."""
    if net.batch == 1:
        return net
    return network(
        list(net.sizes),
        list(net.activations),
        net.cost,
        one_hot=net.one_hot,
        batch=1,
        overrides=dict(net.overrides),
    )


@dataclass(frozen=True)
class LambdifiedGradient:
    """The ground-truth gradient of ``net`` as a NumPy function (see module doc).

    ``expressions[i]`` is ∂C_x/∂p_i for ``keys[i]``, written in the network's
    atoms (σ(z^l_j) as ``_S1_l_j``, σ'(z^l_j) as ``_D1_l_j``, exp(z^L_j) as
    ``_E1_j``, z^l_j as ``_zl_j``); ``forward`` holds their definitions, in
    order, that make it a function of x, y, w, b (``expression_in_parameters``).
    ``function`` is their ``lambdify`` with shared subexpressions;
    ``cost_function`` evaluates C_x.
    """

    net: Network
    keys: tuple
    expressions: tuple
    forward: tuple
    function: Callable
    cost_function: Callable

    def _arguments(self, weights, biases, X, Y) -> list:
        net = self.net
        X = np.asarray(X)
        Y = np.asarray(Y)
        if X.ndim != 2 or X.shape[1] != net.n(1):
            raise SpecError(f"X has shape {X.shape}, expected (samples, {net.n(1)}) for {net.label()}")
        if Y.ndim != 2 or Y.shape != (X.shape[0], net.n(net.L)):
            raise SpecError(f"Y has shape {Y.shape}, expected ({X.shape[0]}, {net.n(net.L)}) for {net.label()}")
        args = []
        for l in net.layers:
            W, b = np.asarray(weights[l - 2]), np.asarray(biases[l - 2])
            if W.shape != (net.n(l), net.n(l - 1)) or b.shape != (net.n(l),):
                raise SpecError(
                    f"w^{l} has shape {W.shape} and b^{l} {b.shape}, expected "
                    f"{(net.n(l), net.n(l - 1))} and {(net.n(l),)}"
                )
            for j in range(net.n(l)):
                args.extend(W[j, k] for k in range(net.n(l - 1)))
                args.append(b[j])
        args.extend(X[:, k] for k in range(net.n(1)))
        args.extend(Y[:, j] for j in range(net.n(net.L)))
        return args

    def __call__(self, weights: Sequence, biases: Sequence, X, Y) -> tuple[list, list]:
        """(dW, db): lists over layers 2..L of the batch-mean gradient."""
        args = self._arguments(weights, biases, X, Y)
        m = np.asarray(X).shape[0]
        values = self.function(*args)
        net = self.net
        dW = [np.zeros((net.n(l), net.n(l - 1))) for l in net.layers]
        db = [np.zeros(net.n(l)) for l in net.layers]
        for key, value in zip(self.keys, values):
            # a derivative free of x and y comes back as one number
            mean = np.broadcast_to(np.asarray(value, dtype=float), (m,)).mean()
            if key[0] == "w":
                _, l, j, k = key
                dW[l - 2][j - 1, k - 1] = mean
            else:
                _, l, j = key
                db[l - 2][j - 1] = mean
        return dW, db

    def expression_in_parameters(self, i: int) -> sympy.Expr:
        """∂C_x/∂p_i fully composed in x, y, w, b (what ``function`` computes)."""
        expr = self.expressions[i]
        for z, definition in reversed(self.forward):
            expr = expr.xreplace({z: definition})
        return expr

    def loss(self, weights: Sequence, biases: Sequence, X, Y) -> float:
        """C = (1/m) Σ_x C_x, from the composed cost (lambdified too)."""
        args = self._arguments(weights, biases, X, Y)
        m = np.asarray(X).shape[0]
        (per_sample,) = self.cost_function(*args)
        return float(np.broadcast_to(np.asarray(per_sample, dtype=float), (m,)).mean())


def gradient(net: Network, budget: derive.Budget | None = None) -> LambdifiedGradient:
    r"""Lambdify (``cse=True``) the ground-truth gradient of every parameter of ``net``.

    Derivatives come from ``derive.GroundTruth`` (forward-mode, exact), are
    composed with the forward definitions of z^l_j, and evaluated over a
    batch. Raises ``LambdifyError`` past ``MAX_PARAMETERS`` parameters or
    when ``budget`` runs out.
    """
    if any(functions_generic(net)):
        raise SpecError(f"{net.label()} has a generic activation; lambdify needs named activations")
    if net.parameter_count > MAX_PARAMETERS:
        raise LambdifyError(
            f"{net.label()} has {net.parameter_count} parameters; the lambdify backend composes the "
            f"symbolic ground truth and is meant for at most {MAX_PARAMETERS}. Use the fast path (--backend fast)"
        )
    one = per_sample_network(net)
    truth = derive.GroundTruth(one, budget)
    keys = tuple(one.parameters())
    forward, z_safe, output = _forward_definitions(one)
    try:
        elements = [truth.d_cost(key) for key in keys]
    except derive.BudgetExceeded as exc:
        raise LambdifyError(f"deriving the ground truth of {net.label()} did not finish: {exc}") from None
    atoms, atom_definitions = _atom_symbols(one, z_safe)  # after: atoms are made as needed
    exprs = tuple(element.to_sympy(atoms.__getitem__) for element in elements)
    args = [one.symbol(key) for key in keys]
    args += [one.x(k) for k in range(1, one.n(1) + 1)]
    args += [one.y(j) for j in range(1, one.n(one.L) + 1)]

    # Each derivative is exact in the atoms of the network: σ(z^l_j),
    # σ'(z^l_j), exp(z^L_j) and the leaves. The forward definitions
    # z^l = w^l a^{l-1} + b^l and then the atoms go first, as the shared
    # subexpressions of lambdify's cse: what runs is exactly
    # substitute_forward(derivative), with every z^l_j and σ(z^l_j) computed
    # once. (sympy.cse of the fully composed form finds the same sharing but
    # takes seconds past ~30 weights.)
    shared_definitions = forward + atom_definitions

    def shared(expressions):
        return list(shared_definitions), expressions

    function = sympy.lambdify(args, list(exprs), modules="numpy", cse=shared)
    cost = one.cost_entry.expr(output, one.targets())  # in z: shares only the forward pass
    cost_function = sympy.lambdify(args, [cost], modules="numpy", cse=shared)
    return LambdifiedGradient(one, keys, exprs, tuple(shared_definitions), function, cost_function)


def _atom_symbols(net: Network, z_safe: dict):
    # atom index -> symbol; σ/σ'/exp atoms get a name and a definition in z
    model = net.atoms
    atoms, definitions = {}, []
    for i, key in enumerate(model.keys):
        kind = key[0]
        if kind in ("w", "b", "x", "y"):
            atoms[i] = model.sympy_atom(i)
        else:
            name = sympy.Symbol("_" + kind + "_".join(str(v) for v in key[1:]), real=True)
            definitions.append((name, model.sympy_atom(i).xreplace(z_safe)))
            atoms[i] = name
    return atoms, definitions


def _forward_definitions(net: Network):
    # z^l_j as plain identifiers (the display names "z^2_1" are not Python)
    z_safe = {net.z(l, j): sympy.Symbol(f"_z{l}_{j}", real=True) for l in net.layers for j in range(1, net.n(l) + 1)}
    forward = []
    acts = [net.x(k) for k in range(1, net.n(1) + 1)]
    for l in net.layers:
        zl = [z_safe[net.z(l, j)] for j in range(1, net.n(l) + 1)]
        for j in range(1, net.n(l) + 1):
            definition = sum(net.weight(l, j, k) * acts[k - 1] for k in range(1, net.n(l - 1) + 1)) + net.bias(l, j)
            forward.append((zl[j - 1], definition))
        if l == net.L and net.output_softmax:
            from ..functions import softmax

            acts = softmax(zl)
        else:
            acts = [net.activation(l, j).expr(zl[j - 1]) for j in range(1, net.n(l) + 1)]
    return forward, z_safe, acts


def functions_generic(net: Network):
    # every neuron's activation, overrides included
    for l in net.layers:
        for j in range(1, net.n(l) + 1):
            if not (l == net.L and net.output_softmax):
                yield net.activation(l, j).is_generic
