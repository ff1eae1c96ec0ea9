"""Start-up and shut-down: output that survives any terminal, Ctrl-C and the wrong Python; every failure a sentence."""

from __future__ import annotations

import argparse
import gc
import io
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

from ..paths import PROG
from ..problems import InputError
from .common import CTRL_C_PRESSED, EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, UsageError
from .messages import print_problem_count, print_problems
from .parser import parse_command_line

# Imported by the generator from outside the standard library: checked before anything else is imported.
DEPENDENCIES = ("lxml", "yaml", "pptx", "docx")
INTERRUPTED = "stopped by Ctrl-C; outputs already written are complete, the rest were not touched"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    previous_handler = _install_interrupt_handler()
    previous_hook = sys.unraisablehook
    # Ctrl-C may land in a callback whose exceptions Python only prints (importlib's, as an import ends): the
    # handler has recorded it, so it is not lost; the printing is not for the user.
    sys.unraisablehook = _ignoring_ctrl_c(previous_hook)
    try:
        _protect_output()
        try:
            status = _main(list(sys.argv[1:] if argv is None else argv))
            if not CTRL_C_PRESSED.is_set():
                return status
        except KeyboardInterrupt:
            # What Ctrl-C left half done (a zip file being written, say) may complain as it is freed, when this
            # handler ends: that is not for the user, who asked it to stop.
            sys.unraisablehook = _ignore_unraisable
        gc.collect()
        return interrupted()
    finally:
        sys.unraisablehook = previous_hook
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)


def _ignoring_ctrl_c(hook: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Return an unraisable hook that says nothing of a KeyboardInterrupt and passes anything else to ``hook``."""
    def quiet(unraisable: Any) -> None:
        if not issubclass(unraisable.exc_type, KeyboardInterrupt):
            hook(unraisable)
    return quiet


def _ignore_unraisable(unraisable: Any) -> None:
    """Say nothing of an error raised while an object is freed (see :func:`main`)."""


def interrupted() -> int:
    """Say that Ctrl-C stopped the work, and return the exit status for it."""
    print(INTERRUPTED, file=sys.stderr)
    return EXIT_INTERRUPTED


def _main(words: list[str]) -> int:
    missing = _missing_dependency()
    if missing:
        return _lacks(missing)
    try:
        return _run_unmasked(parse_command_line(words))
    except UsageError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except InputError as error:
        print_problems(error.problems)
        print_problem_count(error.problems)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # Whoever read the summary stopped reading (``| head``): the build itself is done.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        print(f"error: cannot use {error.filename or 'a file'}: {error.strerror or error}; no output was changed "
              "after the failure", file=sys.stderr)
        return EXIT_FAILED
    except ModuleNotFoundError as error:
        if _is_dependency(error.name):
            return _lacks(str(error.name).partition(".")[0])
        return _internal_error(error)
    except Exception as error:  # noqa: BLE001 - the user gets a sentence, not a traceback
        return _internal_error(error)


def _run_unmasked(args: argparse.Namespace) -> int:
    """Run the command; an error a library raised while cleaning up after Ctrl-C is the Ctrl-C.

    zipfile, for one, raises ValueError from its ``with`` block when Ctrl-C stops a write half way.
    """
    try:
        status: int = args.run(args)  # each command's parser names the function that runs it
        return status
    except Exception as error:
        # A library may fail in its own way when Ctrl-C stops it half way, without naming the KeyboardInterrupt
        # (an extension module whose import was interrupted raises SystemError): after Ctrl-C, any failure is it.
        if _ctrl_c_underneath(error) or CTRL_C_PRESSED.is_set():
            raise KeyboardInterrupt from None
        raise


def _ctrl_c_underneath(error: BaseException) -> bool:
    """Return whether ``error`` was raised while a KeyboardInterrupt was being handled (or because of one)."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _protect_output() -> None:
    """Let any text reach any terminal: characters its encoding lacks are written as \\U0001f600 escapes."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


SignalHandler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


def _install_interrupt_handler() -> SignalHandler:
    """Make Ctrl-C a KeyboardInterrupt here, and a quiet exit in forked workers; return the previous handler."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        return None  # signals can be handled only there; and whoever started us chose to ignore Ctrl-C
    main_pid = os.getpid()
    CTRL_C_PRESSED.clear()  # a command run before, in this process, may have been stopped

    def on_interrupt(signal_number: int, frame: FrameType | None) -> None:
        if os.getpid() != main_pid:
            # A forked worker shares the terminal, so it gets Ctrl-C too: the main process reports it, once.
            os._exit(EXIT_INTERRUPTED)
        CTRL_C_PRESSED.set()
        raise KeyboardInterrupt

    return signal.signal(signal.SIGINT, on_interrupt)


def _missing_dependency() -> str | None:
    from importlib.util import find_spec

    return next((name for name in DEPENDENCIES if find_spec(name) is None), None)


def _is_dependency(module: str | None) -> bool:
    top = (module or "").partition(".")[0]
    return bool(top) and top not in sys.stdlib_module_names and top != _PACKAGE


_PACKAGE = __name__.partition(".")[0]  # the generator itself: a module of ours that is missing is a bug


def _lacks(module: str) -> int:
    print(f"error: this Python lacks {module}; run it with the project's Python: .venv/bin/python make_deck.py "
          "(see README)", file=sys.stderr)
    return EXIT_BAD_INPUT


def _internal_error(error: Exception) -> int:
    if os.environ.get("LFR_DEBUG"):
        raise error
    print(f"internal error: {type(error).__name__}: {error}. This is a bug in the generator; please report "
          "it with the data file (set LFR_DEBUG=1 to see the details).", file=sys.stderr)
    return EXIT_FAILED
