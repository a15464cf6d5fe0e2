"""Finding, checking and binding libhyoka.so.1 (ctypes, no compiler).

The library is looked for, in order:

1. the ``HYOKA_LIBRARY`` environment variable (a file, or a folder holding
   ``libhyoka.so.1``); when it is set and cannot be loaded, that is an error;
2. when ``HYOKA_SYSTEM_LIBRARY`` is set to ``1`` (or ``yes``, ``true``), the
   system's library only (3. below), an error when there is none;
3. the library carried inside the package (``hyoka/_native/libhyoka.so.1``,
   built by ``pip install`` from the C sources);
4. the system's library: ``pkg-config --variable=libdir hyoka`` +
   ``libhyoka.so.1``, then ``libhyoka.so.1`` through the dynamic loader, then
   ``ctypes.util.find_library('hyoka')``.

A library whose major version is not 1 is refused with ImportError.

Functions are bound lazily, one by one, on first use: a library that does
not export a function yet (an older or partial build) still loads, and only
the feature that needs the missing function raises
:class:`hyoka.MissingFeature`. Every integer argument is checked against its
C type (from the prototypes of :mod:`hyoka._api`) before the call:
:class:`hyoka.IntegerOverflow` instead of the silent truncation of ctypes.
"""

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import threading

from . import errors

SUPPORTED_MAJOR = 1
SONAME = 'libhyoka.so.1'

# The prototypes, structs and constants are data in _api (checked against
# the headers by tests/checks/check_bindings.py); re-exported here.
from ._api import (PROTOTYPES, RAW, STATUS, FIGURE, Decimal_, ReadOptions,  # noqa: F401
                   CsvOptions, HYOKA_ENUM_STATUS)

c_int = ctypes.c_int
c_char_p = ctypes.c_char_p


# --------------------------------------------------------------------------
# Finding the library
# --------------------------------------------------------------------------

#: Where ``pip install`` puts the library it builds, inside the package.
BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), '_native', SONAME)


def _wants_system_library():
    return os.environ.get('HYOKA_SYSTEM_LIBRARY', '').strip().lower() in ('1', 'yes', 'true', 'on')


def _candidates_from_env():
    value = os.environ.get('HYOKA_LIBRARY')
    if not value:
        return None
    if os.path.isdir(value):
        return os.path.join(value, SONAME)
    return value


def _candidate_from_pkg_config():
    exe = shutil.which('pkg-config')
    if not exe:
        return None
    try:
        proc = subprocess.run([exe, '--variable=libdir', 'hyoka'], capture_output=True,
                              text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    libdir = proc.stdout.strip()
    if proc.returncode != 0 or not libdir:
        return None
    path = os.path.join(libdir, SONAME)
    return path if os.path.exists(path) else None


def _system_candidates():
    names = []
    if sys.platform == 'darwin':
        names.append('libhyoka.1.dylib')
    elif sys.platform == 'win32':
        names.extend(['hyoka-1.dll', 'libhyoka-1.dll', 'hyoka.dll'])
    else:
        names.append(SONAME)
    found = ctypes.util.find_library('hyoka')
    if found and found not in names:
        names.append(found)
    return names


def check_version(number, where='libhyoka', text=None):
    """Refuse a library whose major version is not the one this binding speaks.

    :param number: the value of ``hyoka_version()`` (major * 10000 + minor * 100 + patch).
    :param where: the path or name of the library, for the message.
    :param text: ``hyoka_version_string()``, for the message.
    :raises ImportError: when the major version differs.
    :return: ``(major, minor, patch)``.
    """
    if not isinstance(number, int) or number < 0:
        raise ImportError('hyoka: %s reports an invalid version %r' % (where, number))
    major, rest = divmod(number, 10000)
    minor, patch = divmod(rest, 100)
    if major != SUPPORTED_MAJOR:
        raise ImportError(
            'hyoka: %s is version %s (major version %d), but this Python binding needs '
            'major version %d (libhyoka.so.%d); install a matching library or point '
            'HYOKA_LIBRARY at one' % (where, text or '%d.%d.%d' % (major, minor, patch), major,
                                       SUPPORTED_MAJOR, SUPPORTED_MAJOR))
    return (major, minor, patch)


def check_library(dll, where):
    """Check that a loaded (or fake, for tests) library is a libhyoka of the
    supported major version: it must export hyoka_version().

    :raises ImportError: when it is not libhyoka, or of another major version.
    """
    try:
        version = dll['hyoka_version']
    except (AttributeError, KeyError):
        raise ImportError('hyoka: %s is not libhyoka (it has no hyoka_version symbol)' % where) from None
    version.restype = c_int
    version.argtypes = []
    vs = None
    try:
        vfn = dll['hyoka_version_string']
        vfn.restype = c_char_p
        vfn.argtypes = []
        vs = vfn()
        vs = vs.decode('ascii', 'replace') if vs else None
    except (AttributeError, KeyError):
        pass
    return check_version(version(), where, vs)


def _open(path):
    dll = ctypes.CDLL(path)
    check_library(dll, path)
    return dll


def _open_system(tried):
    """The system's library (pkg-config, the dynamic loader), or None."""
    path = _candidate_from_pkg_config()
    if path:
        try:
            return _open(path), path, 'pkg-config'
        except OSError as e:
            tried.append('%s (pkg-config): %s' % (path, e))
    for name in _system_candidates():
        try:
            return _open(name), name, 'system'
        except OSError as e:
            tried.append('%s: %s' % (name, e))
    return None


def find_library():
    """Load libhyoka as described in the module docstring.

    :return: ``(ctypes.CDLL, path_or_name, how)``, how being one of
        ``'HYOKA_LIBRARY'``, ``'bundled'``, ``'pkg-config'``, ``'system'``.
    :raises ImportError: when no usable library is found.
    """
    tried = []
    env = _candidates_from_env()
    if env is not None:
        try:
            return _open(env), env, 'HYOKA_LIBRARY'
        except OSError as e:
            raise ImportError('hyoka: HYOKA_LIBRARY=%s cannot be loaded: %s' % (env, e)) from None
    system_only = _wants_system_library()
    if not system_only and os.path.exists(BUNDLED):
        try:
            return _open(BUNDLED), BUNDLED, 'bundled'
        except OSError as e:
            tried.append('%s (bundled): %s' % (BUNDLED, e))
    found = _open_system(tried)
    if found:
        return found
    if system_only:
        raise ImportError('hyoka: HYOKA_SYSTEM_LIBRARY is set but the system has no libhyoka.so.1 '
                          '(install it where pkg-config or the dynamic loader finds it, or unset '
                          'HYOKA_SYSTEM_LIBRARY to use the one built with the package). Tried: '
                          + '; '.join(tried or ['nothing']))
    raise ImportError('hyoka: cannot find libhyoka.so.1. Install the package with pip (it builds and '
                      'carries the library), set HYOKA_LIBRARY to its path, or install it where '
                      'pkg-config or the dynamic loader finds it. Tried: ' + '; '.join(tried or ['nothing']))


# --------------------------------------------------------------------------
# Integer arguments
# --------------------------------------------------------------------------

class IntChecker:
    """The range of one C integer type: ``check(value, what)`` returns the
    value, or raises :class:`hyoka.IntegerOverflow` naming ``what`` when the
    value does not fit (ctypes would silently keep the low bits)."""
    __slots__ = ('low', 'high')

    def __init__(self, ctype):
        bits = 8 * ctypes.sizeof(ctype)
        signed = ctype(-1).value < 0
        self.low = -(1 << (bits - 1)) if signed else 0
        self.high = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1

    def __call__(self, value, what='value'):
        if not self.low <= value <= self.high:
            raise errors.IntegerOverflow(
                '%s: %d is out of range (%d to %d)' % (what, value, self.low, self.high),
                code=errors.IntegerOverflow.code, status=errors.IntegerOverflow.status)
        return value


#: One checker per C integer type of the prototypes (c_int32 is c_int, and
#: c_int64 and c_size_t are c_long and c_ulong, on the platforms hyoka builds on).
INT_CHECKS = {ctype: IntChecker(ctype) for ctype in
              (ctypes.c_int, ctypes.c_uint, ctypes.c_int32, ctypes.c_int64, ctypes.c_size_t)}
check_int = INT_CHECKS[ctypes.c_int]
check_int32 = INT_CHECKS[ctypes.c_int32]
check_int64 = INT_CHECKS[ctypes.c_int64]
check_size = INT_CHECKS[ctypes.c_size_t]


def set_field(struct, name, value):
    """``struct.name = value``, an integer checked against the field's C type
    first (ctypes would keep the low bits of a value that does not fit)."""
    ctype = dict(type(struct)._fields_)[name]
    check = INT_CHECKS.get(ctype)
    if check is not None and isinstance(value, int):
        check(value, name)
    setattr(struct, name, value)


def _checking_ints(fn, name, argtypes):
    """@p fn, or a function that first checks its integer arguments against
    the C types of @p argtypes."""
    bounds = tuple((i, INT_CHECKS[t].low, INT_CHECKS[t].high) for i, t in enumerate(argtypes) if t in INT_CHECKS)
    if not bounds:
        return fn

    def call(*args):
        for i, low, high in bounds:
            value = args[i]
            if isinstance(value, int) and not low <= value <= high:
                INT_CHECKS[argtypes[i]](value, '%s() argument %d' % (name, i + 1))
        return fn(*args)

    call.__name__ = name
    call.__wrapped__ = fn
    return call


# --------------------------------------------------------------------------
# Lazy binding
# --------------------------------------------------------------------------

class Library:
    """The loaded library: attribute access binds a function on first use."""

    def __init__(self, dll, path, how):
        self._dll = dll
        self.path = path
        self.how = how
        self._lock = threading.Lock()
        self._status_class = None
        self._has = {}

    def has(self, name):
        """True when the loaded library exports @p name (looked up once: the
        library does not change while loaded)."""
        found = self._has.get(name)
        if found is None:
            try:
                self._dll[name]
                found = True
            except AttributeError:
                found = False
            self._has[name] = found
        return found

    def raw(self, name, restype=ctypes.c_int):
        """@p name as a bare foreign function: no argument conversion, no
        checks (the binding's hot paths, whose arguments are ctypes objects
        of the exact C types; a bare int is passed as a C int, so only to an
        int or unsigned parameter). The checked
        function is bound first, so a missing one raises MissingFeature."""
        getattr(self, name)
        fn = self._dll[name]  # a new function object: the checked one keeps its argtypes
        fn.restype = restype
        return fn

    def unchecked(self, name):
        """@p name bound with its prototype (argument types, status check)
        but without the range check of its integer arguments: for the
        binding's loops over indexes it got from the library."""
        fn = getattr(self, name)
        return getattr(fn, '__wrapped__', fn)

    def __getattr__(self, name):
        if not name.startswith('hyoka_'):
            raise AttributeError(name)
        try:
            restype, argtypes, check = PROTOTYPES[name]
        except KeyError:
            raise AttributeError('hyoka binding has no prototype for %s' % name) from None
        try:
            fn = self._dll[name]
        except AttributeError:
            raise errors.MissingFeature(
                '%s is not exported by %s (version %s): this feature needs a library that has it'
                % (name, self.path, _version_text(self))) from None
        fn.restype = restype
        fn.argtypes = argtypes
        if check == STATUS:
            fn.errcheck = _errcheck_status
        elif check == FIGURE:
            fn.errcheck = _errcheck_figure
        fn = _checking_ints(fn, name, argtypes)
        with self._lock:
            self.__dict__[name] = fn
        return fn


def _version_text(lib):
    try:
        return lib.hyoka_version_string().decode('ascii', 'replace')
    except Exception:  # pragma: no cover - only for messages
        return '?'


_LIB = None
_UNAVAILABLE = None


def _errcheck_status(result, func, args):
    if result < 0:
        raise_status(result)
    return result


def _errcheck_figure(result, func, args):
    if result < 0 and result != _UNAVAILABLE:
        raise_status(result)
    return result


def raise_status(code, diagnostics=None):
    """Raise the exception of a negative status, with this thread's last message.

    Must be called on the thread of the failing call, before any other hyoka
    call (the message is thread-local and replaced by the next failure).
    """
    lib = _LIB
    message = lib.hyoka_error_last()
    last = lib.hyoka_error_last_code()
    message = message.decode('utf-8', 'replace') if message else ''
    if not message or last != code:
        message = (lib.hyoka_strerror(code) or b'').decode('utf-8', 'replace')
    name = (lib.hyoka_status_name(code) or b'HYOKA_UNKNOWN').decode('ascii', 'replace')
    raise errors.from_status(code, name, message, diagnostics)


def load():
    """Load the library once per process and return the :class:`Library`."""
    global _LIB, _UNAVAILABLE
    if _LIB is None:
        dll, path, how = find_library()
        lib = Library(dll, path, how)
        value = c_int()
        name = b'HYOKA_EUNAVAILABLE'
        if lib.hyoka_enum_value(HYOKA_ENUM_STATUS, name, len(name), ctypes.byref(value)) != 0:
            raise ImportError('hyoka: %s does not name HYOKA_EUNAVAILABLE: not a usable libhyoka 1.x'
                              % path)  # pragma: no cover - a 1.x library always knows it
        _UNAVAILABLE = value.value
        _LIB = lib
    return _LIB
