"""The machine, shared or alone: a readers-writer gate for the kit's tests.

Most tests only need the CPUs now and then and run side by side (shared).
A few measure the machine itself -- lesson 12's checks see whether two
processes really ran at once, the soak decides how loaded the machine is --
and must not run beside other tests (alone): a busy neighbour turns a real
verdict into a skip or a pass into a timeout.

tests/run.py holds the gate shared around every test, or alone around the
tests it knows need the machine; a test that needs it only for a part
(the soak builds side by side, then runs its rounds alone) is marked
`fn.gate = "own"` and takes GATE itself.  Run outside tests/run.py (make
soak), nothing else holds the gate, so taking it costs nothing."""
import contextlib
import threading


class Gate:
    """Shared holders run together; an alone holder runs with nobody.

    A waiting alone holder does not stop new shared ones: it would leave
    every other worker idle while the longest shared test in flight
    drains.  tests/run.py starts the tests that run alone after all the
    shared ones instead, so they get the machine at the end, one by one."""

    def __init__(self):
        self._cond = threading.Condition()
        self._shared = 0
        self._alone = False

    @contextlib.contextmanager
    def shared(self):
        with self._cond:
            while self._alone:
                self._cond.wait()
            self._shared += 1
        try:
            yield
        finally:
            with self._cond:
                self._shared -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def alone(self):
        with self._cond:
            while self._alone or self._shared:
                self._cond.wait()
            self._alone = True
        try:
            yield
        finally:
            with self._cond:
                self._alone = False
                self._cond.notify_all()


GATE = Gate()
