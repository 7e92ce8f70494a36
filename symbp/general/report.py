r"""``symbp prove --general``: the all-sizes catalogue as a table or JSON.

``symbp/commands/prove.py`` calls ``general.run_cli(args)``; the options are
the ones ``symbp prove`` already has (``--identity``, ``--activation``,
``--cost``, ``--one-hot``, ``--budget``, ``--json``). ``--sizes`` is ignored:
the sizes are symbols.

>>> from symbp import general
>>> gnet = general.network()
>>> print(report([general.prove_general("BP3", gnet)], gnet).splitlines()[3][:40])
BP3       proved-for-all-sizes  all-size
"""

from __future__ import annotations

import json

from .. import general
from ..errors import SpecError

EXIT_OK, EXIT_REFUTED, EXIT_UNDECIDED = 0, 1, 3


def run(args) -> int:
    activation = getattr(args, "activation", "generic") or "generic"
    if "," in activation:
        raise SpecError(f"--general proves one activation for every layer; got the per-layer list {activation!r} "
                        "(the generic σ already covers every choice)")
    gnet = general.network(activation=activation, cost=getattr(args, "cost", "quadratic"),
                           one_hot=bool(getattr(args, "one_hot", False)))
    budget = float(getattr(args, "budget", 60.0) or 60.0)
    names = getattr(args, "identity", None)
    if names:
        resolved = [general.resolve(n) for n in names]  # bad names fail before any work
        certs = [general.prove_general(n, gnet, budget_seconds=budget) for n in resolved]
    else:
        certs = general.prove_catalogue(gnet, budget_seconds=budget)
    if getattr(args, "json", False):
        print(json.dumps([c.to_dict() for c in certs], ensure_ascii=False, indent=2))
    else:
        print(report(certs, gnet))
    verdicts = {c.verdict for c in certs}
    if "refuted" in verdicts:
        return EXIT_REFUTED
    return EXIT_UNDECIDED if "undecided" in verdicts else EXIT_OK


def report(certs, gnet) -> str:
    """A table of verdicts, then the reason of anything not proved."""
    head = f"all sizes, any depth; activation {gnet.activation}, cost {gnet.cost}" + (", one-hot y" if gnet.one_hot else "")
    rows = [("identity", "verdict", "method", "concrete", "seconds")]
    for c in certs:
        concrete = c.details.get("concrete", {}).get("verdict", "-")
        rows.append((c.identity, c.verdict, c.method, concrete, f"{c.seconds:.3f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [head]
    for n, r in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) if i < 4 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    for c in certs:
        if c.verdict != "proved-for-all-sizes":
            lines.append(f"\n{c.identity}: {c.verdict}: {c.reason}")
            if c.counterexample is not None:
                lines.append(f"  counterexample: {c.counterexample.reason}")
    return "\n".join(lines)
