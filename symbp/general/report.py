r"""The all-sizes catalogue as a table (what ``symbp prove --general`` prints).

>>> from symbp import general
>>> gnet = general.network()
>>> print(report([general.prove_general("BP3", gnet)], gnet).splitlines()[3][:40])
BP3       proved-for-all-sizes  all-size
"""

from __future__ import annotations


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
                lines.append(f"  counterexample: {_counterexample(c.counterexample)}")
    return "\n".join(lines)


def _counterexample(cx) -> str:
    """One line for a counterexample: its reason, or where it fails, the point and the two sides."""
    if cx.reason:
        return cx.reason
    point = ", ".join(f"{k} = {v}" for k, v in cx.point.items())
    return (f"{cx.instance}" + (f" with {cx.activation}" if cx.activation else "") + (f", at {point}" if point else "")
            + f": left side {cx.lhs}, right side {cx.rhs}")
