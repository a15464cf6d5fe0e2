"""Conversions between Python values and the C API: enumerations by name,
decimals as text, UTF-8 strings, and buffers released with hyoka_free()."""

import ctypes
import decimal
import threading

from . import _api
from . import _ffi
from . import errors

lib = _ffi.load()

byref = ctypes.byref

# hyoka_enum_id values (types.h), from the checked table of _api: identifiers
# of the enumerations, not their contents. ENUM_IDS is {'status': 0, ...};
# each is also a module constant ENUM_STATUS, ENUM_ROUNDING... (the names of
# types.h without HYOKA_).
ENUM_IDS = _api.constants('HYOKA_ENUM_')
globals().update(('ENUM_' + name.upper(), value) for name, value in ENUM_IDS.items())

ENUM_LABELS = {
    ENUM_ROUNDING: 'rounding mode', ENUM_UNIT: 'unit', ENUM_PHASE: 'phase', ENUM_DUTY: 'duty',
    ENUM_PERIOD: 'period', ENUM_STAFF_CATEGORY: 'staff category',
    ENUM_INDICATOR_KIND: 'indicator kind', ENUM_DIRECTION: 'direction', ENUM_STAGE: 'stage',
    ENUM_EXPECTED_OUTCOME: 'expected outcome', ENUM_EXPECTED_COST: 'expected cost',
    ENUM_VERDICT_GROUP: 'verdict group', ENUM_BUDGET_KIND: 'budget kind',
    ENUM_CLASS_KIND: 'classification', ENUM_SEVERITY: 'severity', ENUM_FIGURE: 'figure',
    ENUM_COST_FIELD: 'cost field', ENUM_STAFF_FIELD: 'staff field',
    ENUM_PROJECT_TEXT: 'project text field', ENUM_VALUE_FIELD: 'indicator value field',
    ENUM_INDICATOR_TEXT: 'indicator text field', ENUM_EVALUATION_TEXT: 'evaluation text field',
    ENUM_REASON: 'reason', ENUM_LANG: 'language', ENUM_GROUP_BY: 'grouping',
    ENUM_RECORD_KIND: 'record kind', ENUM_RECORD_FIELD: 'record field', ENUM_FIELD_TYPE: 'field type',
    ENUM_FIELD_STATE: 'field state', ENUM_TERM: 'term', ENUM_MEASUREMENT: 'measurement',
    ENUM_PROJECT_FLAG: 'project flag', ENUM_ACHIEVEMENT_RULE: 'achievement rule',
}

UNSET = _api.HYOKA_UNSET
DECIMAL_STRING_MAX = _api.HYOKA_DECIMAL_STRING_MAX
CALENDAR_STRING_MAX = _api.HYOKA_CALENDAR_STRING_MAX

MONEY_FIGURES = frozenset(('expense', 'personnel', 'debt_service', 'indirect_costs', 'total_cost',
                           'general_revenue', 'specific_revenue'))
# Figures in int yen: the money figures of cost years and a budget record's unspent amount.
YEN_FIGURES = MONEY_FIGURES | frozenset(('unspent',))
RECORD_FIGURES = frozenset(('unspent', 'appropriation_rate', 'account_share', 'single_bidder_share',
                            'noncompetitive_share'))
NOT_YEAR_FIGURES = frozenset(('achievement', 'change', 'score')) | RECORD_FIGURES


def _status_value(name):
    value = ctypes.c_int()
    b = name.encode('ascii')
    if lib.hyoka_enum_value(ENUM_STATUS, b, len(b), byref(value)) == 0:
        return value.value
    return None


errors._bind_codes(_status_value)


# --------------------------------------------------------------------------
# Enumerations by name
# --------------------------------------------------------------------------

class _Enum:
    __slots__ = ('which', 'names', 'values', 'label')

    def __init__(self, which):
        self.which = which
        self.label = ENUM_LABELS.get(which, 'value')
        count = lib.hyoka_enum_count(which)
        names = []
        for v in range(max(count, 0)):
            n = lib.hyoka_enum_name(which, v)
            names.append(None if n is None else n.decode('utf-8'))
        self.names = names
        self.values = {n: i for i, n in enumerate(names) if n is not None}

    def name(self, value):
        if 0 <= value < len(self.names):
            return self.names[value]
        n = lib.hyoka_enum_name(self.which, value)
        return None if n is None else n.decode('utf-8')

    def value(self, name):
        if isinstance(name, str):
            v = self.values.get(name)
            if v is not None:
                return v
        raise errors.InvalidArgument(
            'unknown %s %r; expected one of: %s' % (self.label, name, ', '.join(self.values)),
            code=errors.InvalidArgument.code, status='HYOKA_EINVAL')


_enums = {}
_enums_lock = threading.Lock()


def enum(which):
    """The table of one enumeration, read from the library at first use."""
    e = _enums.get(which)
    if e is None:
        e = _Enum(which)
        with _enums_lock:
            _enums.setdefault(which, e)
    return e


def enum_value(which, name):
    return enum(which).value(name)


def enum_value_or_unset(which, name):
    return UNSET if name is None else enum(which).value(name)


def enum_name(which, value):
    if value == UNSET:
        return None
    return enum(which).name(value)


def enum_names(which):
    """Every document name of an enumeration, in value order."""
    return [n for n in enum(which).names if n is not None]


def default_lang():
    """The language messages default to: 'ja' when the locale (LC_ALL, else
    LC_MESSAGES, else LANG) starts with "ja", else 'en' (the library's rule,
    hyoka_lang_default(); 'en' with a library older than 1.1)."""
    if not lib.has('hyoka_lang_default'):
        return 'en'
    return enum_name(ENUM_LANG, lib.hyoka_lang_default())


def lang_value(lang):
    """The hyoka_lang of 'en' or 'ja'; None is :func:`default_lang`."""
    if lang is None:
        return lib.hyoka_lang_default() if lib.has('hyoka_lang_default') else enum_value(ENUM_LANG, 'en')
    return enum_value(ENUM_LANG, lang)


def figure_value(figure):
    return enum_value(ENUM_FIGURE, figure)


_year_figure_names = []


def year_figure_names():
    """The figures of a cost year, in the library's order (a tuple)."""
    if not _year_figure_names:
        _year_figure_names.append(tuple(n for n in enum_names(ENUM_FIGURE) if n not in NOT_YEAR_FIGURES))
    return _year_figure_names[0]


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------

def text_arg(value, what='text'):
    """(bytes, length) for a (pointer, length) parameter; (None, 0) for None."""
    if value is None:
        return None, 0
    if isinstance(value, str):
        # surrogatepass: a lone surrogate reaches the library as invalid
        # UTF-8 and is refused there (EncodingError), as in C.
        b = value.encode('utf-8', 'surrogatepass')
    elif isinstance(value, (bytes, bytearray)):
        b = bytes(value)
    else:
        raise TypeError('%s must be str or None, not %s' % (what, type(value).__name__))
    return b, len(b)


def nts_arg(value, what='text'):
    """bytes for a NUL-terminated parameter (None stays None)."""
    b, _ = text_arg(value, what)
    if b is not None and b'\0' in b:
        raise errors.EncodingError('%s contains a NUL character' % what,
                                   code=errors.EncodingError.code, status='HYOKA_EENCODING')
    return b


def path_arg(path):
    import os
    p = os.fsencode(path)
    if b'\0' in p:
        raise errors.InvalidArgument('path contains a NUL character',
                                     code=errors.InvalidArgument.code, status='HYOKA_EINVAL')
    return p


def text_out(value):
    return None if value is None else value.decode('utf-8')


def take_buffer(ptr, length):
    """Copy and release a buffer the library allocated for the caller."""
    try:
        return ctypes.string_at(ptr.value, length.value) if ptr.value else b''
    finally:
        if ptr.value:
            lib.hyoka_free(ptr)


# --------------------------------------------------------------------------
# Decimals (always as text)
# --------------------------------------------------------------------------

def dec_in(value, what='value'):
    """A hyoka_decimal from a Decimal, an int or a str, parsed from text."""
    if isinstance(value, float):
        raise TypeError('%s: floats are refused to keep figures exact; pass a decimal.Decimal, '
                        'an int or a str' % what)
    if isinstance(value, bool):
        raise TypeError('%s: expected a number, not bool' % what)
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, decimal.Decimal):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        raise TypeError('%s must be a decimal.Decimal, int or str, not %s'
                        % (what, type(value).__name__))
    b = text.encode('utf-8', 'surrogatepass')
    d = _api.Decimal_()
    lib.hyoka_decimal_parse(b, len(b), byref(d))
    return d


def dec_in_opt(value, what='value'):
    return None if value is None else dec_in(value, what)


class _DecText(threading.local):
    """This thread's buffer for hyoka_decimal_format() (a decimal's text is
    read before the next one is formatted)."""

    def __init__(self):
        self.buf = ctypes.create_string_buffer(DECIMAL_STRING_MAX)
        self.size = ctypes.c_size_t(DECIMAL_STRING_MAX)


_dec_text = _DecText()
_format = None


def dec_formatter():
    """(format, buffer, size) for this thread: ``format(ref, 0, buffer, size,
    None)`` is hyoka_decimal_format() of the hyoka_decimal @p ref points to
    (a byref() or pointer) as a bare call; ``buffer.value`` is its text."""
    global _format
    fmt = _format
    if fmt is None:
        fmt = _format = lib.raw('hyoka_decimal_format')
    t = _dec_text
    return fmt, t.buf, t.size


def dec_text(ref):
    """The text (bytes) of the hyoka_decimal @p ref points to (a byref() or
    pointer), through hyoka_decimal_format() without flags."""
    fmt, buf, size = dec_formatter()
    rc = fmt(ref, 0, buf, size, None)
    if rc < 0:
        _ffi.raise_status(rc)
    return buf.value


def dec_out(d):
    """decimal.Decimal of a hyoka_decimal, through hyoka_decimal_format()."""
    return decimal.Decimal(dec_text(byref(d)).decode('ascii'))


def int_in(value, what='value', check=_ffi.check_int64):
    """An int for a C integer parameter: type-checked, and range-checked by
    ``check`` (one of the checkers of :mod:`hyoka._ffi`, int64 by default)."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, decimal.Decimal) and value == value.to_integral_value():
            return check(int(value), what)
        raise TypeError('%s must be an int (yen or a count), not %s' % (what, type(value).__name__))
    return check(value, what)


def year_in(value, what='fiscal year'):
    """A fiscal year: an int, or text such as '平成19年度' / 'H19' / '2024年度'."""
    if type(value) is int and -0x80000000 <= value <= 0x7fffffff:
        return value  # the common case, without the checks of int_in()
    if isinstance(value, str):
        b = value.encode('utf-8', 'surrogatepass')
        fy = ctypes.c_int32()
        lib.hyoka_fiscal_year_parse(b, len(b), byref(fy), None)
        return fy.value
    if value is None:
        return 0
    return int_in(value, what, _ffi.check_int32)


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

def date_in(value):
    """A YYYYMMDD value from an ISO/era string, a datetime.date or None (0)."""
    import datetime
    if value is None:
        return 0
    if isinstance(value, datetime.date):
        out = ctypes.c_int32()
        lib.hyoka_date_make(value.year, value.month, value.day, byref(out))
        return out.value
    if isinstance(value, str):
        b = value.encode('utf-8', 'surrogatepass')
        out = ctypes.c_int32()
        lib.hyoka_date_parse(b, len(b), byref(out), None)
        return out.value
    raise TypeError('a date must be a str (2008-05-15, 平成20年5月15日), a datetime.date or None')


def date_out(value):
    if not value:
        return None
    return calendar_text(lambda buf, size, n: lib.hyoka_date_to_iso(value, buf, size, n))


def calendar_text(write):
    """Call ``write(buf, size, byref(len))``, a calendar formatter, and return its text."""
    buf = ctypes.create_string_buffer(CALENDAR_STRING_MAX)
    n = ctypes.c_size_t()
    write(buf, CALENDAR_STRING_MAX, byref(n))
    return buf.raw[:n.value].decode('utf-8')
