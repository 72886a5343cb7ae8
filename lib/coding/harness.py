"""Mockroom's test harness for coding problems.

Runs a candidate's source against a problem's tests and returns one JSON document. The browser (Pyodide in a
Web Worker), the Node tests (Pyodide from node_modules) and content checks all use this same file, so a problem
passes or fails the same way everywhere.

A test is {"name", "setup"?, "call", "expected"?, "raises"?}: "setup" holds Python statements, "call" an
expression whose value must equal the value of the "expected" expression strictly (see _same), or which must raise
an exception named by "raises". Every test runs the source afresh in its own namespace, so module-level state does
not leak from one test into the next. A test with "timeLimitMs" is a performance test: its call (not its setup)
must return within that many milliseconds, or it fails as too slow; the call is stopped there, so a quadratic
answer to a large input costs the run its limit, not minutes.
"""

import io
import json
import sys
import time
import traceback

SOURCE_FILE = "<solution>"
MAX_REPR = 2000
MAX_OUTPUT = 20000
# What a candidate's code may raise and still get a report: sys.exit() / exit() included (SystemExit is not an
# Exception), or one call to exit() would abort the whole run. KeyboardInterrupt still stops everything.
CANDIDATE_ERRORS = (Exception, SystemExit)


def _short(value):
    try:
        text = repr(value)
    except Exception as exc:  # a broken __repr__ must not break the report
        text = "<unprintable %s: %s>" % (type(value).__name__, exc)
    return text if len(text) <= MAX_REPR else text[:MAX_REPR] + "..."


def _error(exc):
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == SOURCE_FILE:
            line = frame.lineno
    if isinstance(exc, SyntaxError) and exc.filename == SOURCE_FILE:
        line = exc.lineno
    return {"type": type(exc).__name__, "message": str(exc)[:MAX_REPR], "line": line}


def _same(value, expected):
    """Strict equality: the same type at every level, and == holding from both sides.

    Plain == lets an object whose __eq__ always returns True pass any test, and lets 1 pass for True or a tuple
    for a list; a candidate's answer must be what the statement asks for, so containers are compared item by
    item with their types, and dicts and sets by their keys' types too. One allowance: where a plain dict is
    expected, a dict subclass (defaultdict, Counter, OrderedDict) is a dict, as an interviewer would accept it; it
    is compared item by item, so its own __eq__ decides nothing.
    """
    if type(value) is not type(expected) and not (type(expected) is dict and isinstance(value, dict)):
        return False
    if isinstance(expected, (list, tuple)):
        return len(value) == len(expected) and all(_same(v, e) for v, e in zip(value, expected))
    if isinstance(expected, dict):
        if len(value) != len(expected):
            return False
        keys = {key: key for key in value}  # finds the candidate's own key object equal to each expected key
        for key, item in expected.items():
            if key not in keys or not _same(keys[key], key) or not _same(value[keys[key]], item):
                return False
        return True
    if isinstance(expected, (set, frozenset)):
        members = {member: member for member in value}
        return len(value) == len(expected) and all(e in members and _same(members[e], e) for e in expected)
    return bool(expected == value) and bool(value == expected)


class _TooSlow(BaseException):
    """Raised into the candidate's code when a performance test's time is up (not an Exception: `except
    Exception` in a solution does not swallow it)."""


# The clock is read every this many traced lines: often enough to stop within a millisecond or two, rarely
# enough that tracing costs a performance test little (the limit counts the tracing too, for every answer alike).
_CHECK_EVERY = 64


def _timed_eval(compiled, namespace, limit_ms):
    """Evaluates `compiled` with a deadline, stopping it with _TooSlow when the deadline passes."""
    deadline = time.perf_counter() + limit_ms / 1000
    lines = 0

    def tracer(frame, event, arg):
        nonlocal lines
        # Raised on a line only: a stop raised while a half-read generator is being closed (a "call" or "return"
        # event of its frame, e.g. after `all(x for ...)` returns early) is swallowed by Python, which also turns
        # tracing off, and the call would run on untimed.
        if event == "line":
            lines += 1
            if lines % _CHECK_EVERY == 0 and time.perf_counter() > deadline:
                raise _TooSlow()
        return tracer

    sys.settrace(tracer)
    try:
        value = eval(compiled, namespace)
    finally:
        sys.settrace(None)
    if time.perf_counter() > deadline:  # a builtin call (sorted, sum) is not traced inside: judged when it returns
        raise _TooSlow()
    return value


def _names(exc):
    return {cls.__name__ for cls in type(exc).__mro__}


def _run_one(code, test):
    namespace = {"__name__": "solution"}
    result = {"name": test.get("name", ""), "passed": False, "expected": None, "actual": None, "error": None}
    try:
        exec(code, namespace)
    except CANDIDATE_ERRORS as exc:  # the whole source failed to run: report it against this test
        result["error"] = _error(exc)
        return result
    try:
        if test.get("setup"):
            exec(compile(test["setup"], "<setup>", "exec"), namespace)
        expected_raise = test.get("raises")
        if expected_raise:
            result["expected"] = "raises " + expected_raise
            try:
                value = eval(compile(test["call"], "<test>", "eval"), namespace)
            except CANDIDATE_ERRORS as exc:
                result["actual"] = "raised %s: %s" % (type(exc).__name__, str(exc)[:200])
                result["passed"] = expected_raise in _names(exc)
                if not result["passed"]:
                    result["error"] = _error(exc)
            else:
                result["actual"] = "returned " + _short(value)
            return result
        expected = eval(compile(test["expected"], "<expected>", "eval"), namespace)
        result["expected"] = _short(expected)
        call = compile(test["call"], "<test>", "eval")
        limit = test.get("timeLimitMs")
        value = _timed_eval(call, namespace, limit) if limit else eval(call, namespace)
        result["actual"] = _short(value)
        result["passed"] = _same(value, expected)
    except _TooSlow:
        result["error"] = {
            "type": "TimeLimitExceeded",
            "message": "took longer than %d ms on a large input: a faster algorithm is expected" % limit,
            "line": None,
        }
    except CANDIDATE_ERRORS as exc:
        result["error"] = _error(exc)
    return result


def run_tests(source, tests_json):
    """Runs every test; returns a JSON string {"compileError", "results", "stdout", "stderr"}."""
    tests = json.loads(tests_json)
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    report = {"compileError": None, "results": []}
    try:
        try:
            code = compile(source, SOURCE_FILE, "exec")
        except (SyntaxError, ValueError) as exc:  # ValueError: e.g. a null byte in the source
            report["compileError"] = _error(exc)
        else:
            for test in tests:
                report["results"].append(_run_one(code, test))
    finally:
        sys.stdout, sys.stderr = saved
    report["stdout"] = out.getvalue()[:MAX_OUTPUT]
    report["stderr"] = err.getvalue()[:MAX_OUTPUT]
    return json.dumps(report)
