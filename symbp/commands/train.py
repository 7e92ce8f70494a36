"""``symbp train``: train an MLP on a data set by mini-batch SGD (the fast path).

    symbp train --sizes 64,30,10 --activation sigmoid --cost quadratic \\
                --epochs 30 --batch 10 --eta 3.0 --data digits --plot loss.png
    symbp train --sizes 2,3,1 --data xor --epochs 2000 --backend lambdify
"""

from __future__ import annotations

import os
import sys

from ..files import check_output, write_atomic
from ..errors import SpecError, SymbpError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "train",
        help="train a network by mini-batch SGD (fast NumPy path or the lambdified ground truth)",
        description="Train a feed-forward network by mini-batch SGD and print per-epoch loss and accuracy.",
    )
    p.add_argument("--sizes", help="layer sizes, input first, e.g. 64,30,10 (default: inputs,30,outputs of --data)")
    p.add_argument("--activation", default="sigmoid", help="one name, or one per layer 2..L (default sigmoid)")
    p.add_argument("--cost", default="quadratic",
                   help="quadratic, mean-quadratic, cross-entropy, softmax-cross-entropy (default quadratic)")
    p.add_argument("--data", default="xor", help="xor, synthetic, digits, or an MNIST-format .npz path (default xor)")
    p.add_argument("--samples", type=int, default=10_000, help="size of the synthetic set (default 10000)")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch", type=int, default=10, help="mini-batch size m (default 10)")
    p.add_argument("--eta", type=float, default=3.0, help="learning rate η (default 3.0)")
    p.add_argument("--seed", type=int, default=0, help="seed of the weights, the shuffling and synthetic data")
    p.add_argument("--dtype", default="float64", choices=("float32", "float64"))
    p.add_argument("--backend", default="fast", choices=("fast", "numba", "lambdify"),
                   help="fast: backprop in matrix form (NumPy); numba: the same, a whole epoch compiled "
                   "(optional extra); lambdify: the symbolic ground truth (small networks)")
    p.add_argument("--plot", metavar="PNG", help="write loss and accuracy per epoch to this PNG (needs matplotlib)")
    p.add_argument("--save", metavar="NPZ", help="write the trained weights here (atomically)")
    p.add_argument("--load", metavar="NPZ", help="start from weights saved by --save (sizes, activations, cost from it)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (it is shown only on a terminal)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..numeric import data
    from ..network import parse_sizes
    from ..numeric.train import Trainer

    if args.plot:
        _require_matplotlib()
    inputs = [args.load, args.data if os.path.isfile(args.data) else None]
    for option, path in (("--save", args.save), ("--plot", args.plot)):
        if path:
            check_output(path, what=f"the {option[2:]} file", inputs=inputs)
    if args.save and args.plot and os.path.abspath(args.save) == os.path.abspath(args.plot):
        raise SpecError(f"--save and --plot name the same file {args.save!r}; give each its own")
    dataset = data.load(args.data, seed=args.seed, samples=args.samples)
    if args.load:
        model = Trainer.load(args.load, seed=args.seed, backend=args.backend)
    else:
        sizes = parse_sizes(args.sizes) if args.sizes else [dataset.inputs, 30, dataset.outputs]
        model = Trainer(sizes, args.activation, args.cost, dtype=args.dtype, seed=args.seed, backend=args.backend)
    if model.sizes[0] != dataset.inputs or model.sizes[-1] != dataset.outputs:
        raise SpecError(
            f"the network {model.sizes} does not fit the data {dataset.name!r}, which has {dataset.inputs} "
            f"inputs and {dataset.outputs} outputs; use --sizes {dataset.inputs},...,{dataset.outputs}"
        )
    print(f"training {model.net.label()} on {dataset.name} ({dataset.X_train.shape[0]} samples, "
          f"{dataset.X_test.shape[0]} held out), {args.epochs} epochs, batch {args.batch}, η = {args.eta:g}, "
          f"{model.dtype.name}, backend {model.backend}")
    history = model.fit(
        dataset.X_train, dataset.Y_train, epochs=args.epochs, batch=args.batch, eta=args.eta,
        X_test=dataset.X_test, Y_test=dataset.Y_test, progress=not args.no_progress,
    )
    every = max(1, args.epochs // 20)
    print(f"{'epoch':>6} {'loss':>10} {'accuracy':>9} {'test loss':>10} {'test acc':>9} {'seconds':>8}")
    for e in range(history.epochs):
        if (e + 1) % every == 0 or e == 0 or e + 1 == history.epochs:
            print(f"{e + 1:>6} {history.loss[e]:>10.5f} {history.accuracy[e]:>9.4f} "
                  f"{history.test_loss[e]:>10.5f} {history.test_accuracy[e]:>9.4f} {history.seconds[e]:>8.3f}")
    if args.save:
        model.save(args.save)
        print(f"weights written to {args.save}")
    if args.plot:
        plot_history(history, args.plot, title=f"{model.net.label()} on {dataset.name}")
        print(f"plot written to {args.plot}")
    return 0


def _require_matplotlib():
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise SymbpError("--plot needs matplotlib, which is not installed; `pip install symbp[plot]`") from None


def plot_history(history, path: str, title: str = "") -> None:
    """Loss and accuracy per epoch (train and test) as a PNG, written atomically."""
    _require_matplotlib()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = range(1, history.epochs + 1)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(epochs, history.loss, label="train")
    right.plot(epochs, history.accuracy, label="train")
    if history.test_loss:
        left.plot(epochs, history.test_loss, label="test")
        right.plot(epochs, history.test_accuracy, label="test")
    left.set(xlabel="epoch", ylabel="loss", title="loss")
    right.set(xlabel="epoch", ylabel="accuracy", title="accuracy")
    left.legend()
    right.legend()
    fig.suptitle(title)
    fig.tight_layout()
    try:
        write_atomic(path, lambda f: fig.savefig(f, format="png", dpi=100), what="the plot")
    finally:
        plt.close(fig)
    sys.stdout.flush()
