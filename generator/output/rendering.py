"""Render a build's outputs: on a system that can fork and has a second processor, two at a time.

Drawing the deck takes about as long as drawing all the briefings, and each
output is drawn from its own inputs alone, so a forked child draws every output
but the first while this process draws the first. A fork starts in
milliseconds with everything already imported and loaded. Where there is no
fork (Windows), or forking is unsafe (macOS), a new process would import
everything again, which costs more than it saves, so there the outputs are
drawn one after another. Either way the bytes are the same: each output
depends only on its inputs. multiprocessing is imported only to draw two at a
time: a build that draws one output, or none, does without it.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import traceback
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from .files import Rendered

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

Render = Callable[[], Rendered]


def can_render_in_parallel() -> bool:
    """Return whether this system can fork a child to draw outputs beside this process, on a processor of its own.

    Not on macOS, where a forked child of a process that has used some system libraries can crash (Python itself
    stopped forking there by default for that reason).
    """
    import multiprocessing

    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods() and _usable_cpus() > 1


def _usable_cpus() -> int:
    """Return how many processors this process may run on (fewer than the machine has under a CPU limit)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def render_all(renders: Sequence[Render], in_parallel: bool = True) -> list[Rendered]:
    """Return each render's result, in order; an exception raised by any of them is raised here."""
    if len(renders) < 2 or not in_parallel or not can_render_in_parallel():
        return [render() for render in renders]
    import multiprocessing

    first, rest = renders[0], renders[1:]
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    # Under fork the child's function and arguments are inherited, not pickled: the renders may be closures.
    child = context.Process(target=_render_and_send, args=(rest, receiver, sender), daemon=True)
    try:
        with _ctrl_c_held_back():
            child.start()
        sender.close()
        results = [first()]
        try:
            succeeded, outcome = receiver.recv()
        except EOFError:  # the child died without a word (killed, say): the outputs are drawn here instead
            return results + [render() for render in rest]
        if not succeeded:
            raise outcome
        return results + outcome
    finally:
        receiver.close()
        sender.close()
        if child.is_alive():
            child.terminate()  # this process failed or was interrupted first: the child's work is not wanted
        if child.pid is not None:
            child.join()


@contextmanager
def _ctrl_c_held_back() -> Iterator[None]:
    """Hold Ctrl-C until the block ends, then take it.

    Ctrl-C between the fork and multiprocessing's record of the child would leave the child unknown to the
    ``finally`` that stops it: it would draw on, and write to the terminal, after this process had said it stopped.
    """
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)  # as it was: whoever ran us may hold Ctrl-C back too


def _render_and_send(renders: Sequence[Render], receiver: Connection, sender: Connection) -> None:
    """In the child: send (True, results), or (False, the exception) for the parent to raise."""
    # Ctrl-C reaches every process of the terminal; the parent handles it (and stops this child).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back by the parent as it forked
    # The parent's end of the pipe, inherited: closed here, so that if the parent is gone a send fails at once
    # instead of waiting for ever for a reader.
    receiver.close()
    try:
        outcome: tuple[bool, list[Rendered] | BaseException]
        try:
            outcome = (True, [render() for render in renders])
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent, which reports it
            outcome = (False, _portable(error))
        sender.send(outcome)
    except OSError:
        pass  # the parent is gone (stopped by Ctrl-C before it could stop this child): no one to tell
    finally:
        sender.close()


def _portable(error: BaseException) -> BaseException:
    """Return the exception, or, if it cannot cross to the parent and be rebuilt there, one holding its traceback."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - any exception class may fail to pickle or to rebuild
        return RuntimeError("".join(traceback.format_exception(error)))
