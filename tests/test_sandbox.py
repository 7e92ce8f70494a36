"""symbp.sandbox: a step past its time or memory limit returns an outcome, and the next step runs (issue 7, load and limits)."""

import time

import pytest

from symbp.testing.sandbox import Sandbox, run_isolated


def _spin():
    while True:
        pass


def _allocate(megabytes):
    return len(bytearray(megabytes * 1024 * 1024))


def _fail():
    raise ValueError("bad step")


def _square(x):
    return x * x


@pytest.fixture(scope="module")
def box():
    with Sandbox(timeout=2.0, memory_mb=1024) as b:
        assert b.run(_square, 3).value == 9  # pays the worker's start-up once
        yield b


def test_a_step_past_its_time_limit_is_stopped_and_the_next_runs(box):
    start = time.perf_counter()
    out = box.run(_spin, timeout=1.0)
    assert out.status == "timeout" and "1 s" in out.reason
    assert time.perf_counter() - start < 30  # bounded: the limit plus killing the worker
    assert box.run(_square, 12).value == 144


def test_a_step_past_its_address_space_limit_returns_memory(box):
    out = box.run(_allocate, 4096)  # 4 GB against a 1 GB limit
    assert out.status == "memory" and "1024 MB" in out.reason
    assert box.run(_allocate, 8).value == 8 * 1024 * 1024  # the worker is still usable


def test_an_exception_in_the_step_is_reported_not_raised(box):
    out = box.run(_fail)
    assert out.status == "error" and "ValueError: bad step" in out.reason


def test_run_isolated_returns_the_value():
    assert run_isolated(_square, 7, timeout=5).value == 49


def test_a_bad_timeout_is_refused():
    with pytest.raises(ValueError, match="timeout"):
        Sandbox(timeout=0)
