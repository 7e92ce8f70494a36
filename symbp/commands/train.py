"""``symbp train``: train an MLP on a data set by mini-batch SGD (the fast path).

    symbp train --sizes 64,30,10 --activation sigmoid --cost quadratic \\
                --epochs 30 --batch 10 --eta 3.0 --data digits --plot loss.png
    symbp train --sizes 2,3,1 --data xor --epochs 2000 --backend lambdify
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings

from ..files import check_output, write_atomic
from ..errors import SpecError, SymbpError
from .common import error_paragraph, with_examples


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "train",
        help="train a network by mini-batch SGD (fast NumPy path or the lambdified ground truth)",
        description="Train a feed-forward network by mini-batch SGD and print per-epoch loss and accuracy. On a "
                    "terminal a bar shows the mini-batches with rate and ETA; elsewhere a line every 10 seconds. "
                    "A warning says when the loss stays flat because the units saturate.",
        epilog=_defaults_help() + "\n\n" + with_examples(
            "symbp train --data xor                                    # the defaults below",
            "symbp train --sizes 64,30,10 --epochs 30 --batch 10 --eta 3.0 --data digits --plot loss.png",
            "symbp train --data synthetic                              # the defaults learn it",
            "symbp train --sizes 2,3,1 --data xor --epochs 2000 --backend lambdify",
            exits="0 trained; 2 bad input or a diverged run (one paragraph, no traceback); "
                  "70 an internal error (a bug in symbp)",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--sizes", help="layer sizes, input first, e.g. 64,30,10 (default: the data set's, below)")
    p.add_argument("--activation", default="sigmoid", help="one name, or one per layer 2..L (default sigmoid)")
    p.add_argument("--cost", help="quadratic, mean-quadratic, cross-entropy, softmax-cross-entropy "
                                  "(default: the data set's, below)")
    p.add_argument("--data", default="xor", help="xor, synthetic, digits, or an MNIST-format .npz path (default xor)")
    p.add_argument("--samples", type=int, default=10_000, help="size of the synthetic set (default 10000)")
    p.add_argument("--epochs", type=int, help="passes over the training set (default: the data set's, below)")
    p.add_argument("--batch", type=int, help="mini-batch size m (default: the data set's, below)")
    p.add_argument("--eta", type=float, help="learning rate η (default: the data set's, below)")
    p.add_argument("--seed", type=int, default=0, help="seed of the weights, the shuffling and synthetic data")
    p.add_argument("--dtype", default="float64", choices=("float32", "float64"),
                   help="floating-point type of weights and data: float64 (default) or float32 (faster, less exact)")
    p.add_argument("--backend", default="fast", choices=("fast", "numba", "lambdify"),
                   help="fast: backprop in matrix form (NumPy); numba: the same, a whole epoch compiled "
                   "(optional extra); lambdify: the symbolic ground truth (small networks)")
    p.add_argument("--plot", metavar="PNG", help="write loss and accuracy per epoch to this PNG (needs matplotlib)")
    p.add_argument("--save", metavar="NPZ", help="write the trained weights here (atomically)")
    p.add_argument("--load", metavar="NPZ", help="start from weights saved by --save (sizes, activations, cost from it)")
    p.add_argument("--no-progress", action="store_true", help="no progress: neither the bar (on a terminal) nor the line every 10 s (in a log)")
    p.set_defaults(func=run)


#: Defaults that learn each built-in data set (measured with seed 0; the held-out accuracy they reach).
DEFAULTS = {
    "xor": dict(hidden=3, cost="cross-entropy", epochs=2000, batch=4, eta=2.0, reaches="accuracy 1.0 (all four points)"),
    "digits": dict(hidden=30, cost="quadratic", epochs=30, batch=10, eta=3.0, reaches="held-out accuracy about 0.97"),
    "synthetic": dict(hidden=30, cost="softmax-cross-entropy", epochs=10, batch=10, eta=0.03,
                      reaches="held-out accuracy about 0.57 (chance: 0.10; 0.68 after 30 epochs)"),
}
#: For an .npz (MNIST-sized) set: Nielsen's chapter-1 settings.
OTHER = dict(hidden=30, cost="quadratic", epochs=30, batch=10, eta=3.0, reaches="")


def _defaults_help() -> str:
    lines = ["defaults by data set (each option given on the command line wins):"]
    for name, d in DEFAULTS.items():
        lines.append(f"  {name:9} sizes inputs,{d['hidden']},outputs  cost {d['cost']}  epochs {d['epochs']}  "
                     f"batch {d['batch']}  η {d['eta']:g}: {d['reaches']}")
    lines.append("  .npz      sizes inputs,30,outputs  cost quadratic  epochs 30  batch 10  η 3 (Nielsen, ch. 1)")
    return "\n".join(lines)


def run(args) -> int:
    from ..numeric import data
    from ..network import parse_sizes
    from ..numeric.train import SaturationWarning, Trainer

    if args.plot:
        _require_matplotlib()
    inputs = [args.load, args.data if os.path.isfile(args.data) else None]
    for option, path in (("--save", args.save), ("--plot", args.plot)):
        if path:
            check_output(path, what=f"the {option[2:]} file", inputs=inputs)
    if args.save and args.plot and os.path.abspath(args.save) == os.path.abspath(args.plot):
        raise SpecError(f"--save and --plot name the same file {args.save!r}; give each its own")
    dataset = data.load(args.data, seed=args.seed, samples=args.samples)
    chosen = DEFAULTS.get(str(args.data).strip(), OTHER)
    for option in ("cost", "epochs", "batch", "eta"):
        if getattr(args, option) is None:
            setattr(args, option, chosen[option])
    if args.load:
        model = Trainer.load(args.load, seed=args.seed, backend=args.backend)
    else:
        sizes = parse_sizes(args.sizes) if args.sizes else [dataset.inputs, chosen["hidden"], dataset.outputs]
        model = Trainer(sizes, args.activation, args.cost, dtype=args.dtype, seed=args.seed, backend=args.backend)
    if model.sizes[0] != dataset.inputs or model.sizes[-1] != dataset.outputs:
        raise SpecError(
            f"the network {model.sizes} does not fit the data {dataset.name!r}, which has {dataset.inputs} "
            f"inputs and {dataset.outputs} outputs; use --sizes {dataset.inputs},...,{dataset.outputs}"
        )
    print(f"training {model.net.label()} on {dataset.name} ({dataset.X_train.shape[0]} samples, "
          f"{dataset.X_test.shape[0]} held out), {args.epochs} epochs, batch {args.batch}, η = {args.eta:g}, "
          f"{model.dtype.name}, backend {model.backend}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SaturationWarning)  # printed below, in words, without a source line
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
    for warning in history.warnings:
        print(error_paragraph(warning).replace("symbp: error: ", "symbp: warning: ", 1), file=sys.stderr)
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
        from ..display.extras import install_hint

        raise SymbpError(f"--plot needs matplotlib, which is not installed; install it with {install_hint('plot', 'matplotlib')}") from None


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
