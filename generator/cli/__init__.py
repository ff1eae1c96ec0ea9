"""The command line: a thin layer over :mod:`generator.build`.

Exit status: 0 on success, 2 when the input is bad (that file's outputs are
not written), 1 when something unexpected went wrong, 130 when stopped by
Ctrl-C. Only the standard library is imported here at start-up, so that a
missing dependency and an early Ctrl-C still get a sentence, not a traceback.

:mod:`.main` starts up and turns every failure into a sentence and an exit
status; :mod:`.parser` reads the command line; each command is one module
(:mod:`.build`, :mod:`.check`, ...) that declares its words and runs it;
:mod:`.messages` words what they print.
"""

from .main import interrupted, main

__all__ = ["interrupted", "main"]
