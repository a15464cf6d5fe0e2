"""hyoka: program evaluation sheets (事務事業評価) — Python binding of libhyoka.

A pure-ctypes binding: no compiler and no third-party package. The library
is found through ``HYOKA_LIBRARY``, pkg-config or the system path, and a
library of another major version is refused at import (ImportError).

Quick tour::

    import hyoka
    with hyoka.Portfolio.load('tokorozawa-010802.json') as pf:
        for project in pf.projects:
            for year in project.years:
                print(year.fiscal_year, year.figure('per_capita'))
        ds = pf.validate(lang='ja', rules=hyoka.Rules(ignore='I002'))
        for d in ds:
            print(d.code, d.severity, d.path, d.message)
        print(ds.total, ds.errors, ds.dropped, [(t.code, t.count) for t in ds.tally])

Money is ``int`` yen, every other quantity ``decimal.Decimal`` (crossing the
boundary as text, never as float), text is ``str``, enumerations are their
document names (``'settled'``, ``'outcome'``...).

Messages (diagnostics, reasons, code titles) are in the ``lang`` given,
``'en'`` or ``'ja'``; without one, in :func:`default_lang`, the language the
library chooses from the locale (the Ruby binding uses the same rule). HTML
pages default to ``'ja'``.

An ``int`` that does not fit the C type it is passed as raises
:class:`IntegerOverflow` (an ``OverflowError``) before anything changes.
Threads may share a portfolio: the binding serialises the calls on it.
"""

import ctypes as _ctypes
import decimal as _decimal

from . import _api
from .errors import (Error, InvalidArgument, OutOfMemory, RangeError, IntegerOverflow, EncodingError,
                     HyokaSyntaxError,
                     NotFound, AlreadyExists, DivisionByZero, HyokaIOError, LimitExceeded, Unavailable,
                     StateError, InvalidDocument, MissingFeature, STATUS_CLASSES)
from . import _core
from ._core import lib as _lib
from . import _ffi
from ._ffi import check_version
from .model import (Portfolio, Project, Year, Staff, Indicator, Evaluation, Scheme, Figure, Rating,
                    Diagnostic, Diagnostics, Tally, Rules, ClassLevel, IndicatorValue, LongTerm, Goal, Stated, Denominator, Rounding,
                    RollupRow, Ranked, Criterion, Option, Verdict, BudgetDirection, Band, Metrics, reason_message,
                    parse_metrics, csv_table_names, rs_table_names, read_rs, KEEP, Record, Baseline, NOT_APPLICABLE)
from .stream import Stream, stream

__all__ = [
    'Portfolio', 'Project', 'Year', 'Staff', 'Indicator', 'Evaluation', 'Scheme',
    'Figure', 'Rating', 'Diagnostic', 'Diagnostics', 'Tally', 'Rules', 'ClassLevel', 'IndicatorValue', 'LongTerm', 'Goal', 'Stated',
    'Denominator', 'Rounding', 'RollupRow', 'Ranked', 'Criterion', 'Option', 'Verdict',
    'BudgetDirection', 'Band', 'Metrics', 'Record', 'Baseline', 'NOT_APPLICABLE', 'Stream', 'stream',
    'Error', 'InvalidArgument', 'OutOfMemory', 'RangeError', 'IntegerOverflow', 'EncodingError',
    'HyokaSyntaxError',
    'NotFound', 'AlreadyExists', 'DivisionByZero', 'HyokaIOError', 'LimitExceeded', 'Unavailable',
    'StateError', 'InvalidDocument', 'MissingFeature',
    'version', 'version_string', 'library_path', 'check_version', 'names', 'FIGURES', 'KEEP',
    'default_lang',
    'reason_message', 'code_title', 'parse_metrics', 'csv_table_names', 'rs_table_names', 'read_rs',
    'parse_decimal', 'parse_printed', 'format_decimal', 'divide', 'round_decimal',
    'yen_from_thousands', 'yen_to_thousands', 'parse_fiscal_year', 'format_fiscal_year', 'parse_date',
    'format_date', 'check_municipality_code', 'limit', 'strerror',
]

__version__ = '1.1.0'


def version():
    """``hyoka_version()`` of the loaded library (major * 10000 + minor * 100 + patch)."""
    return _lib.hyoka_version()


def version_string():
    """The loaded library's version as 'major.minor.patch'."""
    return _lib.hyoka_version_string().decode('ascii')


def library_path():
    """The path (or name) the library was loaded from: ``HYOKA_LIBRARY``, the
    one carried in the package, or the system's (see the package's README)."""
    return _lib.path


def default_lang():
    """The language messages default to when no ``lang`` is given: 'ja' when
    the locale (LC_ALL, else LC_MESSAGES, else LANG) starts with "ja", else
    'en'. The library decides (hyoka_lang_default()), so the Python and Ruby
    bindings agree."""
    return _core.default_lang()


# names() knows every enumeration the library names, but the status codes
# (the exception classes stand for them) and the eras (parse_fiscal_year()).
_NAME_ENUMS = {name: which for name, which in _core.ENUM_IDS.items() if name not in ('status', 'era')}


def names(enumeration):
    """The document names of an enumeration, read from the library:
    ``names('phase')`` → ['plan', 'budget', 'forecast', 'settled']."""
    try:
        which = _NAME_ENUMS[enumeration]
    except KeyError:
        raise InvalidArgument('unknown enumeration %r; one of %s' % (enumeration, ', '.join(_NAME_ENUMS)),
                              code=InvalidArgument.code, status='HYOKA_EINVAL') from None
    return _core.enum_names(which)


#: Every figure name, in library order ('expense' ... 'score').
FIGURES = tuple(_core.enum_names(_core.ENUM_FIGURE))


def code_title(code, lang=None):
    """The title of a diagnostic code ('C005' → 'stated per-capita ... differs ...'), or None;
    ``lang`` None is :func:`default_lang`."""
    return _core.text_out(_lib.hyoka_code_title(_core.nts_arg(code, 'code'), _core.lang_value(lang)))


def strerror(code):
    """The library's description of a status code."""
    return _lib.hyoka_strerror(code).decode('utf-8')


def limit(name):
    """A built-in limit: 'decimal_max_scale', 'decimal_string_max', 'fiscal_year_min',
    'fiscal_year_max' or 'text_max'."""
    ids = _api.constants('HYOKA_LIMIT_')
    if name not in ids:
        raise InvalidArgument('unknown limit %r' % (name,), code=InvalidArgument.code, status='HYOKA_EINVAL')
    return _lib.hyoka_limit(ids[name])


# decimals --------------------------------------------------------------------

def parse_decimal(text):
    """Parse a number exactly (hyoka_decimal_parse): '1.50' → Decimal('1.50')."""
    return _core.dec_out(_core.dec_in(text))


def parse_printed(text):
    """Parse a number as printed on sheets: '16,627', '△1,200', '７３．５'."""
    b, n = _core.text_arg(text)
    d = _api.Decimal_()
    _lib.hyoka_decimal_parse_printed(b, n, _ctypes.byref(d))
    return _core.dec_out(d)


def format_decimal(value, grouping=False):
    """Format exactly with the value's own places; ``grouping`` adds thousands commas."""
    d = _core.dec_in(value)
    buf = _ctypes.create_string_buffer(_core.DECIMAL_STRING_MAX)
    n = _ctypes.c_size_t()
    _lib.hyoka_decimal_format(_ctypes.byref(d), _api.HYOKA_DECIMAL_FMT_GROUPING if grouping else 0, buf,
                              _core.DECIMAL_STRING_MAX, _ctypes.byref(n))
    return buf.raw[:n.value].decode('ascii')


def divide(a, b, places=1, mode='half_up'):
    """a ÷ b rounded once to ``places`` by ``mode`` (DivisionByZero when b is 0)."""
    x = _core.dec_in(a, 'a')
    y = _core.dec_in(b, 'b')
    out = _api.Decimal_()
    _lib.hyoka_decimal_div(_ctypes.byref(x), _ctypes.byref(y), _core.int_in(places, 'places', _ffi.check_int),
                           _core.enum_value(_core.ENUM_ROUNDING, mode), _ctypes.byref(out))
    return _core.dec_out(out)


def round_decimal(value, places, mode='half_up'):
    """Round to ``places`` by ``mode`` ('half_up', 'down', 'up', 'half_even', 'floor', 'ceiling')."""
    x = _core.dec_in(value)
    out = _api.Decimal_()
    _lib.hyoka_decimal_round(_ctypes.byref(x), _core.int_in(places, 'places', _ffi.check_int),
                             _core.enum_value(_core.ENUM_ROUNDING, mode),
                             _ctypes.byref(out))
    return _core.dec_out(out)


def yen_from_thousands(thousands):
    """千円 → yen exactly: Decimal('1068.978') → 1068978 (RangeError when finer than a yen)."""
    d = _core.dec_in(thousands)
    out = _ctypes.c_int64()
    _lib.hyoka_yen_from_thousands(_ctypes.byref(d), _ctypes.byref(out))
    return out.value


def yen_to_thousands(yen):
    """yen → 千円 as a Decimal with three places."""
    out = _api.Decimal_()
    _lib.hyoka_yen_to_thousands(_core.int_in(yen, 'yen'), _ctypes.byref(out))
    return _core.dec_out(out)


# calendar --------------------------------------------------------------------

_CAL_FMT = _api.constants('HYOKA_CAL_FMT_')  # {'strict': 0x1, ...}


def _calendar_flags(**wanted):
    """The HYOKA_CAL_FMT_* flags named by the true keywords."""
    flags = 0
    for name, on in wanted.items():
        if on:
            flags |= _CAL_FMT[name]
    return flags


def parse_fiscal_year(text):
    """'平成19年度', 'H19', '令和元年度', '2024年度' → the fiscal year as an int."""
    return _core.year_in(text)


def format_fiscal_year(fiscal_year, strict=False, numeric_first=False, abbrev=False, western=False,
                       fullwidth=False, suffix=True):
    """Name a fiscal year: 2019 → '令和元年度' (strict: '平成31年度')."""
    fy = _core.year_in(fiscal_year)
    flags = _calendar_flags(strict=strict, numeric_first=numeric_first, abbrev=abbrev, western=western,
                            fullwidth=fullwidth, no_suffix=not suffix)
    return _core.calendar_text(lambda buf, size, n: _lib.hyoka_fiscal_year_format(fy, flags, buf, size, n))


def parse_date(text):
    """'平成20年5月15日', '2008/5/15', 'H20.5.15' → '2008-05-15' ('2008-12' for a month)."""
    return _core.date_out(_core.date_in(text))


def format_date(date, abbrev=False, western=False, numeric_first=False, fullwidth=False):
    """'2008-05-15' → '平成20年5月15日' (the era in force on that day)."""
    value = _core.date_in(date)
    flags = _calendar_flags(numeric_first=numeric_first, abbrev=abbrev, western=western, fullwidth=fullwidth)
    return _core.calendar_text(lambda buf, size, n: _lib.hyoka_date_format(value, flags, buf, size, n))


def check_municipality_code(code):
    """Check a 全国地方公共団体コード (six digits with its check digit); raise if wrong."""
    b, n = _core.text_arg(code, 'code')
    _lib.hyoka_municipality_code_check(b, n)
    return True


del _decimal
