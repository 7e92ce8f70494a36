r"""Certificates as JUnit XML, so a course's CI shows each formula as a test case.

``write(path, results)`` takes certificates (or anything with a
``certificate()`` method, such as ``symbp.verify``'s ``Verification``), each
optionally paired with a label (``(label, result)``), and writes one
``<testcase>`` per result, atomically:

* proved, proved-for-all-sizes -> a passing test case;
* probably-true (a random-point identity test, not a proof) -> a passing test case
  marked as such (property ``symbp.verdict``, and a line on its ``system-out``), or
  ``<failure type="probably-true">`` with ``require_proof=True``;
* conditional (holds only for some depths) -> ``<failure type="conditional">`` naming
  the condition, unless the network the user fixed meets it (then it passes, marked);
* refuted -> ``<failure type="refuted">`` with the counterexample;
* undecided -> ``<failure type="undecided">`` with the reason (or
  ``<skipped>`` with ``undecided="skip"``);
* unreadable / uninterpretable formulas -> ``<error>`` with the reason.

>>> from symbp.certificate import Certificate
>>> c = Certificate(identity="BP3", network={"sizes": [2, 3, 2]}, method="exact", verdict="proved")
>>> b'tests="1" failures="0"' in to_xml([c], suite="demo")
True
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from typing import Iterable

from ..certificate import Certificate
from ..errors import SpecError
from ..files import write_atomic


def _as_certificate(item) -> tuple[str, Certificate]:
    label = None
    if isinstance(item, tuple) and len(item) == 2:
        label, item = item
    if not isinstance(item, Certificate):
        to_cert = getattr(item, "certificate", None)
        if not callable(to_cert):
            raise SpecError(f"JUnit output needs certificates, got {type(item).__name__}")
        item = to_cert()
    if label is None:
        sizes = item.network.get("sizes")
        label = item.identity + (f" on {sizes}" if sizes else "")
    return str(label), item


def _clean(text: str) -> str:
    # XML 1.0 cannot carry most control characters, and garbage formulas may contain them.
    return "".join(ch if ch in "\t\n\r" or (ord(ch) >= 0x20 and ord(ch) not in (0xFFFE, 0xFFFF)) else "\uFFFD"
                   for ch in str(text))


def _details(cert: Certificate) -> str:
    lines = [f"verdict: {cert.verdict}", f"statement: {cert.statement}"]
    if cert.reason:
        lines.append(f"reason: {cert.reason}")
    cx = cert.counterexample
    if cx is not None:
        lines.append(f"counterexample: {cx.instance}")
        if cx.reason:
            lines.append(f"  {cx.reason}")
        if cx.point:
            lines.append("  point: " + ", ".join(f"{k} = {v}" for k, v in cx.point.items()))
        if cx.lhs or cx.rhs:
            lines.append(f"  ground truth: {cx.lhs}")
            lines.append(f"  formula:      {cx.rhs}")
        if cx.activation:
            lines.append(f"  activation: {cx.activation}")
    details = cert.details or {}
    for key in ("diagnosis", "corrected"):
        if details.get(key):
            lines.append(f"{key}: {details[key]}")
    return "\n".join(lines)


def to_xml(results: Iterable, *, suite: str = "symbp", undecided: str = "fail", require_proof: bool = False) -> bytes:
    """The JUnit XML document (UTF-8 bytes) for ``results``."""
    if undecided not in ("fail", "skip"):
        raise SpecError(f"undecided={undecided!r}; use 'fail' or 'skip'")
    pairs = [_as_certificate(r) for r in results]
    root = ET.Element("testsuites")
    ts = ET.SubElement(root, "testsuite", name=_clean(suite))
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    total = 0.0
    for label, cert in pairs:
        counts["tests"] += 1
        total += cert.seconds or 0.0
        case = ET.SubElement(ts, "testcase", name=_clean(label), classname=_clean(suite), time=f"{cert.seconds or 0.0:.4f}")
        status = (cert.details or {}).get("status", cert.verdict)
        text = _clean(_details(cert))
        props = ET.SubElement(case, "properties")
        ET.SubElement(props, "property", name="symbp.verdict", value=cert.verdict)
        passes = cert.is_proof or (cert.verdict == "probably-true" and not require_proof) or (
            cert.verdict == "conditional" and (cert.details or {}).get("condition_met") is True and not require_proof)
        if passes and not cert.is_proof:
            ET.SubElement(case, "system-out").text = _clean(_not_a_proof(cert))
        if passes:
            continue
        if status in ("unreadable", "uninterpretable"):
            counts["errors"] += 1
            ET.SubElement(case, "error", type=status, message=_clean(cert.reason)[:500]).text = text
        elif cert.verdict == "undecided" and undecided == "skip":
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=_clean(cert.reason)[:500]).text = text
        else:
            counts["failures"] += 1
            message = cert.reason or (cert.counterexample.instance if cert.counterexample else cert.verdict)
            if cert.verdict in ("probably-true", "conditional"):
                message = _not_a_proof(cert)
            ET.SubElement(case, "failure", type=cert.verdict, message=_clean(message)[:500]).text = text
    for key, value in counts.items():
        ts.set(key, str(value))
        root.set(key, str(value))
    ts.set("time", f"{total:.4f}")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _not_a_proof(cert: Certificate) -> str:
    if cert.verdict == "probably-true":
        return (f"probably true, not a proof: a random-point identity test at {cert.points or 'a few'} points "
                f"found no difference (error bound {cert.error_bound or 'unknown'})")
    condition = (cert.details or {}).get("condition", "")
    return f"conditional, not a proof for every network: {cert.reason or ('holds only when ' + condition)}"


def write(path: "str | os.PathLike", results: Iterable, *, suite: str = "symbp", undecided: str = "fail",
          inputs: Iterable = (), require_proof: bool = False) -> None:
    """Write the JUnit XML of ``results`` to ``path`` atomically, never over one of ``inputs``."""
    write_atomic(path, to_xml(results, suite=suite, undecided=undecided, require_proof=require_proof),
                 what="the JUnit report", inputs=inputs)
