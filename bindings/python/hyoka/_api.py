"""The C API of libhyoka as data: prototypes, structs and constants.

This module imports nothing but :mod:`ctypes` and loads no library, so the
check ``tests/checks/check_bindings.py`` can read it and compare it with
``include/hyoka/*.h``: a function the headers declare and this table lacks,
a prototype whose argument or return types differ, a struct whose fields
differ, or a ``HYOKA_*`` constant below whose value differs makes that check
fail.

Enumerations that the library can name (statuses, phases, figures...) are
looked up by name at run time (``hyoka_enum_value()``); the constants here
are only those the library has no run-time name for.
"""

import ctypes

c_int = ctypes.c_int
c_uint = ctypes.c_uint
c_int32 = ctypes.c_int32
c_int64 = ctypes.c_int64
c_size_t = ctypes.c_size_t
c_char_p = ctypes.c_char_p
c_void_p = ctypes.c_void_p
c_double = ctypes.c_double
P = ctypes.POINTER

# --------------------------------------------------------------------------
# Constants of the headers (names as in C; checked against the headers)
# --------------------------------------------------------------------------

HYOKA_UNSET = -1
HYOKA_DECIMAL_STRING_MAX = 48
HYOKA_CALENDAR_STRING_MAX = 64
HYOKA_CSV_TABLE_COUNT = 14
HYOKA_RS_TABLE_COUNT = 15

# hyoka_enum_id (types.h): which enumeration hyoka_enum_name() & co. read
HYOKA_ENUM_STATUS = 0
HYOKA_ENUM_ROUNDING = 1
HYOKA_ENUM_ERA = 2
HYOKA_ENUM_UNIT = 3
HYOKA_ENUM_PHASE = 4
HYOKA_ENUM_DUTY = 5
HYOKA_ENUM_PERIOD = 6
HYOKA_ENUM_STAFF_CATEGORY = 7
HYOKA_ENUM_INDICATOR_KIND = 8
HYOKA_ENUM_DIRECTION = 9
HYOKA_ENUM_STAGE = 10
HYOKA_ENUM_EXPECTED_OUTCOME = 11
HYOKA_ENUM_EXPECTED_COST = 12
HYOKA_ENUM_VERDICT_GROUP = 13
HYOKA_ENUM_BUDGET_KIND = 14
HYOKA_ENUM_CLASS_KIND = 15
HYOKA_ENUM_SEVERITY = 16
HYOKA_ENUM_FIGURE = 17
HYOKA_ENUM_COST_FIELD = 18
HYOKA_ENUM_STAFF_FIELD = 19
HYOKA_ENUM_PROJECT_TEXT = 20
HYOKA_ENUM_VALUE_FIELD = 21
HYOKA_ENUM_INDICATOR_TEXT = 22
HYOKA_ENUM_EVALUATION_TEXT = 23
HYOKA_ENUM_REASON = 24
HYOKA_ENUM_LANG = 25
HYOKA_ENUM_GROUP_BY = 26
HYOKA_ENUM_RECORD_KIND = 27
HYOKA_ENUM_RECORD_FIELD = 28
HYOKA_ENUM_FIELD_TYPE = 29
HYOKA_ENUM_FIELD_STATE = 30
HYOKA_ENUM_TERM = 31
HYOKA_ENUM_MEASUREMENT = 32
HYOKA_ENUM_PROJECT_FLAG = 33
HYOKA_ENUM_ACHIEVEMENT_RULE = 34

# hyoka_limit_id (version.h)
HYOKA_LIMIT_DECIMAL_MAX_SCALE = 0
HYOKA_LIMIT_DECIMAL_STRING_MAX = 1
HYOKA_LIMIT_FISCAL_YEAR_MIN = 2
HYOKA_LIMIT_FISCAL_YEAR_MAX = 3
HYOKA_LIMIT_TEXT_MAX = 4

# flags of hyoka_decimal_format() (decimal.h)
HYOKA_DECIMAL_FMT_GROUPING = 0x1

# flags of the calendar formatters (calendar.h)
HYOKA_CAL_FMT_STRICT = 0x1
HYOKA_CAL_FMT_NUMERIC_FIRST = 0x2
HYOKA_CAL_FMT_ABBREV = 0x4
HYOKA_CAL_FMT_WESTERN = 0x8
HYOKA_CAL_FMT_FULLWIDTH = 0x10
HYOKA_CAL_FMT_NO_SUFFIX = 0x20

# flags of the JSON writers (json.h) and of the folder writers (common.h)
HYOKA_WRITE_COMPACT = 0x1
HYOKA_WRITE_YEN = 0x2
HYOKA_WRITE_REPLACE = 0x4

# hyoka_encoding (csv.h)
HYOKA_ENCODING_UTF8_BOM = 0
HYOKA_ENCODING_UTF8 = 1
HYOKA_ENCODING_CP932 = 2


def constants(prefix):
    """``{rest_of_name_in_lower_case: value}`` of the constants named
    ``prefix + ...``, in value order: ``constants('HYOKA_ENUM_')`` →
    ``{'status': 0, 'rounding': 1, ...}``."""
    found = [(value, name[len(prefix):].lower()) for name, value in globals().items()
             if name.startswith(prefix) and isinstance(value, int)]
    return {name: value for value, name in sorted(found)}


# --------------------------------------------------------------------------
# Structs
# --------------------------------------------------------------------------

class Decimal_(ctypes.Structure):
    """``hyoka_decimal``: a private pair of int64 (read only through the API)."""
    _fields_ = [('hyoka_private_', c_int64 * 2)]


class ReadOptions(ctypes.Structure):
    """``hyoka_read_options`` (versioned by its first field)."""
    _fields_ = [('size', c_size_t),
                ('max_depth', c_size_t),
                ('max_document', c_size_t),
                ('max_string', c_size_t),
                ('max_number', c_size_t),
                ('max_diagnostics', c_size_t)]


class CsvOptions(ctypes.Structure):
    """``hyoka_csv_options`` (versioned by its first field)."""
    _fields_ = [('size', c_size_t),
                ('encoding', c_int),
                ('max_field', c_size_t),
                ('max_row', c_size_t),
                ('max_diagnostics', c_size_t),
                ('max_table', c_size_t),
                ('flags', c_uint)]


class RsOptions(ctypes.Structure):
    """``hyoka_rs_options`` (versioned by its first field)."""
    _fields_ = [('size', c_size_t),
                ('max_field', c_size_t),
                ('max_row', c_size_t),
                ('max_diagnostics', c_size_t),
                ('max_table', c_size_t),
                ('flags', c_uint),
                ('year', c_int32)]


#: C struct name → ctypes class
STRUCTS = {'hyoka_decimal': Decimal_, 'hyoka_read_options': ReadOptions, 'hyoka_csv_options': CsvOptions,
           'hyoka_rs_options': RsOptions}

# The allocator's function types (alloc.h)
MallocFn = ctypes.CFUNCTYPE(c_void_p, c_size_t, c_void_p)
ReallocFn = ctypes.CFUNCTYPE(c_void_p, c_void_p, c_size_t, c_void_p)
FreeFn = ctypes.CFUNCTYPE(None, c_void_p, c_void_p)
# A stream's source (stream.h): the buffer to fill as a plain pointer
SourceFn = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p, c_size_t, ctypes.POINTER(c_size_t))
# A writer's sink (stream.h)
SinkFn = ctypes.CFUNCTYPE(c_int, c_void_p, c_char_p, c_size_t)

DEC = Decimal_
PDEC = P(Decimal_)
H = c_void_p          # any opaque handle
PH = P(c_void_p)      # handle out-parameter, or a char ** buffer to hyoka_free()
PSTR = P(c_char_p)    # borrowed const char ** out-parameter

# --------------------------------------------------------------------------
# Prototypes
# --------------------------------------------------------------------------

# check kinds
RAW = 0       # return value used as is
STATUS = 1    # negative return raises; non-negative returned (0/1 getters too)
FIGURE = 2    # like STATUS, but HYOKA_EUNAVAILABLE is returned, not raised

# name: (restype, argtypes, check)
PROTOTYPES = {
    # error.h
    'hyoka_strerror': (c_char_p, [c_int], RAW),
    'hyoka_status_name': (c_char_p, [c_int], RAW),
    'hyoka_error_last': (c_char_p, [], RAW),
    'hyoka_error_last_code': (c_int, [], RAW),
    'hyoka_error_clear': (None, [], RAW),
    # version.h
    'hyoka_version': (c_int, [], RAW),
    'hyoka_version_string': (c_char_p, [], RAW),
    'hyoka_limit': (c_int64, [c_int], RAW),
    # alloc.h
    'hyoka_set_allocator': (c_int, [MallocFn, ReallocFn, FreeFn, c_void_p], STATUS),
    'hyoka_free': (None, [c_void_p], RAW),
    # decimal.h
    'hyoka_rounding_name': (c_char_p, [c_int], RAW),
    'hyoka_rounding_from_name': (c_int, [c_char_p, c_size_t, P(c_int)], STATUS),
    'hyoka_decimal_parse': (c_int, [c_char_p, c_size_t, PDEC], STATUS),
    'hyoka_decimal_parse_printed': (c_int, [c_char_p, c_size_t, PDEC], STATUS),
    'hyoka_decimal_from_int': (DEC, [c_int64], RAW),
    'hyoka_decimal_from_parts': (c_int, [c_int64, c_int, PDEC], STATUS),
    'hyoka_decimal_coefficient': (c_int64, [PDEC], RAW),
    'hyoka_decimal_scale': (c_int, [PDEC], RAW),
    'hyoka_decimal_sign': (c_int, [PDEC], RAW),
    'hyoka_decimal_cmp': (c_int, [PDEC, PDEC], RAW),
    'hyoka_decimal_identical': (c_int, [PDEC, PDEC], RAW),
    'hyoka_decimal_format': (c_int, [PDEC, c_uint, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_decimal_add': (c_int, [PDEC, PDEC, PDEC], STATUS),
    'hyoka_decimal_sub': (c_int, [PDEC, PDEC, PDEC], STATUS),
    'hyoka_decimal_mul': (c_int, [PDEC, PDEC, PDEC], STATUS),
    'hyoka_decimal_div': (c_int, [PDEC, PDEC, c_int, c_int, PDEC], STATUS),
    'hyoka_decimal_round': (c_int, [PDEC, c_int, c_int, PDEC], STATUS),
    'hyoka_decimal_to_int': (c_int, [PDEC, c_int, P(c_int64)], STATUS),
    'hyoka_decimal_to_double': (c_double, [PDEC], RAW),
    # yen.h
    'hyoka_yen_add': (c_int, [c_int64, c_int64, P(c_int64)], STATUS),
    'hyoka_yen_sub': (c_int, [c_int64, c_int64, P(c_int64)], STATUS),
    'hyoka_yen_mul': (c_int, [c_int64, c_int64, P(c_int64)], STATUS),
    'hyoka_yen_mul_decimal': (c_int, [c_int64, PDEC, c_int, P(c_int64)], STATUS),
    'hyoka_yen_from_thousands': (c_int, [PDEC, P(c_int64)], STATUS),
    'hyoka_yen_to_thousands': (c_int, [c_int64, PDEC], STATUS),
    'hyoka_yen_sum': (c_int, [P(c_int64), c_size_t, P(c_int64)], STATUS),
    # calendar.h
    'hyoka_era_name': (c_char_p, [c_int], RAW),
    'hyoka_era_letter': (c_char_p, [c_int], RAW),
    'hyoka_era_start': (c_int, [c_int, P(c_int32)], STATUS),
    'hyoka_fiscal_year_parse': (c_int, [c_char_p, c_size_t, P(c_int32), P(c_uint)], STATUS),
    'hyoka_fiscal_year_era': (c_int, [c_int32, c_uint, P(c_int), P(c_int32)], STATUS),
    'hyoka_fiscal_year_format': (c_int, [c_int32, c_uint, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_date_make': (c_int, [c_int32, c_int, c_int, P(c_int32)], STATUS),
    'hyoka_date_split': (c_int, [c_int32, P(c_int32), P(c_int), P(c_int)], STATUS),
    'hyoka_date_parse': (c_int, [c_char_p, c_size_t, P(c_int32), P(c_uint)], STATUS),
    'hyoka_date_to_iso': (c_int, [c_int32, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_date_format': (c_int, [c_int32, c_uint, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_date_fiscal_year': (c_int, [c_int32, P(c_int32)], STATUS),
    # types.h
    'hyoka_enum_count': (c_int, [c_int], RAW),
    'hyoka_enum_name': (c_char_p, [c_int, c_int], RAW),
    'hyoka_enum_value': (c_int, [c_int, c_char_p, c_size_t, P(c_int)], RAW),
    'hyoka_lang_default': (c_int, [], RAW),
    # portfolio.h
    'hyoka_portfolio_new': (c_int, [PH], STATUS),
    'hyoka_portfolio_free': (None, [H], RAW),
    'hyoka_portfolio_copy': (c_int, [H, PH], STATUS),
    'hyoka_portfolio_equal': (c_int, [H, H], RAW),
    'hyoka_municipality_code_check': (c_int, [c_char_p, c_size_t], STATUS),
    'hyoka_portfolio_set_municipality': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t], STATUS),
    'hyoka_portfolio_municipality_name': (c_char_p, [H], RAW),
    'hyoka_portfolio_municipality_code': (c_char_p, [H], RAW),
    'hyoka_portfolio_set_denominator': (c_int, [H, c_int32, c_int, c_int64], STATUS),
    'hyoka_portfolio_denominator': (c_int, [H, c_int32, c_int, P(c_int64)], STATUS),
    'hyoka_portfolio_clear_denominator': (c_int, [H, c_int32, c_int], STATUS),
    'hyoka_portfolio_denominator_count': (c_size_t, [H], RAW),
    'hyoka_portfolio_denominator_year_at': (c_int32, [H, c_size_t], RAW),
    'hyoka_portfolio_amount_unit': (c_int, [H], RAW),
    'hyoka_portfolio_set_amount_unit': (c_int, [H, c_int], STATUS),
    'hyoka_portfolio_set_rounding': (c_int, [H, c_int, c_int, c_int, c_int], STATUS),
    'hyoka_portfolio_rounding': (c_int, [H, c_int, P(c_int), P(c_int), P(c_int)], STATUS),
    'hyoka_portfolio_clear_rounding': (c_int, [H, c_int], STATUS),
    'hyoka_portfolio_set_stated_tolerance': (c_int, [H, c_int64], STATUS),
    'hyoka_portfolio_stated_tolerance': (c_int64, [H], RAW),
    'hyoka_portfolio_set_achievement_rule': (c_int, [H, c_int], STATUS),
    'hyoka_portfolio_achievement_rule': (c_int, [H], RAW),
    'hyoka_portfolio_add_scheme': (c_int, [H, H], STATUS),
    'hyoka_portfolio_scheme_count': (c_size_t, [H], RAW),
    'hyoka_portfolio_scheme_at': (H, [H, c_size_t], RAW),
    'hyoka_portfolio_find_scheme': (H, [H, c_char_p, c_size_t], RAW),
    'hyoka_portfolio_remove_scheme': (c_int, [H, c_size_t], STATUS),
    'hyoka_portfolio_add_project': (c_int, [H, H], STATUS),
    'hyoka_portfolio_project_count': (c_size_t, [H], RAW),
    'hyoka_portfolio_project_at': (H, [H, c_size_t], RAW),
    'hyoka_portfolio_find_project': (H, [H, c_char_p, c_size_t], RAW),
    'hyoka_portfolio_remove_project': (c_int, [H, c_size_t], STATUS),
    'hyoka_project_portfolio': (H, [H], RAW),
    # project.h
    'hyoka_project_new': (c_int, [PH], STATUS),
    'hyoka_project_free': (None, [H], RAW),
    'hyoka_project_copy': (c_int, [H, PH], STATUS),
    'hyoka_project_equal': (c_int, [H, H], RAW),
    'hyoka_project_set_code': (c_int, [H, c_char_p, c_size_t], STATUS),
    'hyoka_project_code': (c_char_p, [H], RAW),
    'hyoka_project_set_name': (c_int, [H, c_char_p, c_size_t], STATUS),
    'hyoka_project_name': (c_char_p, [H], RAW),
    'hyoka_project_set_text': (c_int, [H, c_int, c_char_p, c_size_t], STATUS),
    'hyoka_project_text': (c_char_p, [H, c_int], RAW),
    'hyoka_project_duty': (c_int, [H], RAW),
    'hyoka_project_set_duty': (c_int, [H, c_int], STATUS),
    'hyoka_project_period': (c_int, [H], RAW),
    'hyoka_project_set_period': (c_int, [H, c_int], STATUS),
    'hyoka_project_start_year': (c_int32, [H], RAW),
    'hyoka_project_end_year': (c_int32, [H], RAW),
    'hyoka_project_set_period_years': (c_int, [H, c_int32, c_int32], STATUS),
    'hyoka_project_add_class': (c_int, [H, c_int, c_char_p, c_size_t, c_char_p, c_size_t,
                                        c_char_p, c_size_t], STATUS),
    'hyoka_project_class_count': (c_size_t, [H, c_int], RAW),
    'hyoka_project_class_at': (c_int, [H, c_int, c_size_t, PSTR, PSTR, PSTR], STATUS),
    'hyoka_project_clear_class': (c_int, [H, c_int], STATUS),
    'hyoka_project_add_year': (c_int, [H, c_int32, PH], STATUS),
    'hyoka_project_year_count': (c_size_t, [H], RAW),
    'hyoka_project_year_at': (H, [H, c_size_t], RAW),
    'hyoka_project_find_year': (H, [H, c_int32], RAW),
    'hyoka_project_remove_year': (c_int, [H, c_size_t], STATUS),
    'hyoka_project_add_indicator': (c_int, [H, c_int, PH], STATUS),
    'hyoka_project_indicator_count': (c_size_t, [H], RAW),
    'hyoka_project_indicator_at': (H, [H, c_size_t], RAW),
    'hyoka_project_remove_indicator': (c_int, [H, c_size_t], STATUS),
    'hyoka_project_add_evaluation': (c_int, [H, c_int, PH], STATUS),
    'hyoka_project_evaluation_count': (c_size_t, [H], RAW),
    'hyoka_project_evaluation_at': (H, [H, c_size_t], RAW),
    'hyoka_project_remove_evaluation': (c_int, [H, c_size_t], STATUS),
    'hyoka_project_add_child': (c_int, [H, H], STATUS),
    'hyoka_project_child_count': (c_size_t, [H], RAW),
    'hyoka_project_child_at': (H, [H, c_size_t], RAW),
    'hyoka_project_remove_child': (c_int, [H, c_size_t], STATUS),
    'hyoka_project_parent': (H, [H], RAW),
    'hyoka_project_set_extension': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t], STATUS),
    'hyoka_project_extension': (c_char_p, [H, c_char_p, c_size_t], RAW),
    'hyoka_project_extension_count': (c_size_t, [H], RAW),
    'hyoka_project_extension_at': (c_int, [H, c_size_t, PSTR, PSTR], STATUS),
    'hyoka_project_flag': (c_int, [H, c_int, P(c_int)], STATUS),
    'hyoka_project_set_flag': (c_int, [H, c_int, c_int], STATUS),
    # costs.h
    'hyoka_costs_fiscal_year': (c_int32, [H], RAW),
    'hyoka_costs_set_fiscal_year': (c_int, [H, c_int32], STATUS),
    'hyoka_costs_phase': (c_int, [H], RAW),
    'hyoka_costs_set_phase': (c_int, [H, c_int], STATUS),
    'hyoka_costs_set': (c_int, [H, c_int, c_int64], STATUS),
    'hyoka_costs_get': (c_int, [H, c_int, P(c_int64)], STATUS),
    'hyoka_costs_clear': (c_int, [H, c_int], STATUS),
    'hyoka_costs_set_stated': (c_int, [H, c_int, PDEC, c_int], STATUS),
    'hyoka_costs_stated': (c_int, [H, c_int, PDEC, P(c_int)], STATUS),
    'hyoka_costs_clear_stated': (c_int, [H, c_int], STATUS),
    'hyoka_costs_add_staff': (c_int, [H, c_int, PH], STATUS),
    'hyoka_costs_staff_count': (c_size_t, [H], RAW),
    'hyoka_costs_staff_at': (H, [H, c_size_t], RAW),
    'hyoka_costs_remove_staff': (c_int, [H, c_size_t], STATUS),
    'hyoka_staff_category': (c_int, [H], RAW),
    'hyoka_staff_set_category': (c_int, [H, c_int], STATUS),
    'hyoka_staff_set_decimal': (c_int, [H, c_int, PDEC], STATUS),
    'hyoka_staff_get_decimal': (c_int, [H, c_int, PDEC], STATUS),
    'hyoka_staff_set_amount': (c_int, [H, c_int, c_int64], STATUS),
    'hyoka_staff_get_amount': (c_int, [H, c_int, P(c_int64)], STATUS),
    'hyoka_staff_clear': (c_int, [H, c_int], STATUS),
    # indicator.h
    'hyoka_indicator_kind': (c_int, [H], RAW),
    'hyoka_indicator_set_kind': (c_int, [H, c_int], STATUS),
    'hyoka_indicator_set_text': (c_int, [H, c_int, c_char_p, c_size_t], STATUS),
    'hyoka_indicator_text': (c_char_p, [H, c_int], RAW),
    'hyoka_indicator_direction': (c_int, [H], RAW),
    'hyoka_indicator_set_direction': (c_int, [H, c_int], STATUS),
    'hyoka_indicator_not_settable': (c_int, [H], RAW),
    'hyoka_indicator_set_not_settable': (c_int, [H, c_int], STATUS),
    'hyoka_indicator_set_long_term': (c_int, [H, PDEC, c_int32], STATUS),
    'hyoka_indicator_long_term': (c_int, [H, PDEC, P(c_int32)], STATUS),
    'hyoka_indicator_add_year': (c_int, [H, c_int32], STATUS),
    'hyoka_indicator_year_count': (c_size_t, [H], RAW),
    'hyoka_indicator_year_at': (c_int32, [H, c_size_t], RAW),
    'hyoka_indicator_remove_year': (c_int, [H, c_int32], STATUS),
    'hyoka_indicator_set_value': (c_int, [H, c_int32, c_int, PDEC], STATUS),
    'hyoka_indicator_value': (c_int, [H, c_int32, c_int, PDEC], STATUS),
    'hyoka_indicator_set_baseline': (c_int, [H, PDEC, c_int32], STATUS),
    'hyoka_indicator_baseline': (c_int, [H, PDEC, P(c_int32)], STATUS),
    'hyoka_indicator_target_year': (c_int32, [H], RAW),
    'hyoka_indicator_set_target_year': (c_int, [H, c_int32], STATUS),
    'hyoka_indicator_number': (c_int, [H, P(c_int64)], STATUS),
    'hyoka_indicator_set_number': (c_int, [H, c_int64], STATUS),
    'hyoka_indicator_term': (c_int, [H], RAW),
    'hyoka_indicator_set_term': (c_int, [H, c_int], STATUS),
    'hyoka_indicator_measurement': (c_int, [H], RAW),
    'hyoka_indicator_set_measurement': (c_int, [H, c_int], STATUS),
    # record.h
    'hyoka_record_field_type': (c_int, [c_int, c_int], RAW),
    'hyoka_record_kind_parent': (c_int, [c_int, P(c_int)], STATUS),
    'hyoka_project_add_record': (c_int, [H, c_int, PH], STATUS),
    'hyoka_project_record_count': (c_size_t, [H, c_int], RAW),
    'hyoka_project_record_at': (H, [H, c_int, c_size_t], RAW),
    'hyoka_project_remove_record': (c_int, [H, c_int, c_size_t], STATUS),
    'hyoka_record_add_child': (c_int, [H, c_int, PH], STATUS),
    'hyoka_record_child_count': (c_size_t, [H, c_int], RAW),
    'hyoka_record_child_at': (H, [H, c_int, c_size_t], RAW),
    'hyoka_record_remove_child': (c_int, [H, c_int, c_size_t], STATUS),
    'hyoka_record_kind_of': (c_int, [H], STATUS),
    'hyoka_record_parent': (H, [H], RAW),
    'hyoka_record_project': (H, [H], RAW),
    'hyoka_record_field_state': (c_int, [H, c_int], STATUS),
    'hyoka_record_set_not_applicable': (c_int, [H, c_int], STATUS),
    'hyoka_record_clear': (c_int, [H, c_int], STATUS),
    'hyoka_record_set_text': (c_int, [H, c_int, c_char_p, c_size_t], STATUS),
    'hyoka_record_text': (c_char_p, [H, c_int], RAW),
    'hyoka_record_set_money': (c_int, [H, c_int, c_int64], STATUS),
    'hyoka_record_money': (c_int, [H, c_int, P(c_int64)], STATUS),
    'hyoka_record_set_decimal': (c_int, [H, c_int, PDEC], STATUS),
    'hyoka_record_decimal': (c_int, [H, c_int, PDEC], STATUS),
    'hyoka_record_set_integer': (c_int, [H, c_int, c_int64], STATUS),
    'hyoka_record_integer': (c_int, [H, c_int, P(c_int64)], STATUS),
    'hyoka_record_set_flag': (c_int, [H, c_int, c_int], STATUS),
    'hyoka_record_flag': (c_int, [H, c_int, P(c_int)], STATUS),
    'hyoka_record_set_fiscal_year': (c_int, [H, c_int, c_int32], STATUS),
    'hyoka_record_fiscal_year': (c_int, [H, c_int, P(c_int32)], STATUS),
    'hyoka_record_set_extension': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t], STATUS),
    'hyoka_record_extension': (c_char_p, [H, c_char_p, c_size_t], RAW),
    'hyoka_record_extension_count': (c_size_t, [H], RAW),
    'hyoka_record_extension_at': (c_int, [H, c_size_t, PSTR, PSTR], STATUS),
    'hyoka_record_figure': (c_int, [H, c_int, PDEC, P(c_int)], FIGURE),
    # evaluation.h
    'hyoka_evaluation_stage': (c_int, [H], RAW),
    'hyoka_evaluation_set_stage': (c_int, [H, c_int], STATUS),
    'hyoka_evaluation_fiscal_year': (c_int32, [H], RAW),
    'hyoka_evaluation_set_fiscal_year': (c_int, [H, c_int32], STATUS),
    'hyoka_evaluation_date': (c_int32, [H], RAW),
    'hyoka_evaluation_set_date': (c_int, [H, c_int32], STATUS),
    'hyoka_evaluation_set_text': (c_int, [H, c_int, c_char_p, c_size_t], STATUS),
    'hyoka_evaluation_text': (c_char_p, [H, c_int], RAW),
    'hyoka_evaluation_expected_outcome': (c_int, [H], RAW),
    'hyoka_evaluation_expected_cost': (c_int, [H], RAW),
    'hyoka_evaluation_set_expected': (c_int, [H, c_int, c_int], STATUS),
    'hyoka_evaluation_set_answer': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t], STATUS),
    'hyoka_evaluation_answer': (c_char_p, [H, c_char_p, c_size_t], RAW),
    'hyoka_evaluation_answer_count': (c_size_t, [H], RAW),
    'hyoka_evaluation_answer_at': (c_int, [H, c_size_t, PSTR, PSTR], STATUS),
    'hyoka_evaluation_set_comment': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t], STATUS),
    'hyoka_evaluation_comment': (c_char_p, [H, c_char_p, c_size_t], RAW),
    'hyoka_evaluation_comment_count': (c_size_t, [H], RAW),
    'hyoka_evaluation_comment_at': (c_int, [H, c_size_t, PSTR, PSTR], STATUS),
    'hyoka_evaluation_add_goal': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, c_int32], STATUS),
    'hyoka_evaluation_goal_count': (c_size_t, [H], RAW),
    'hyoka_evaluation_goal_at': (c_int, [H, c_size_t, PSTR, PSTR, P(c_int32)], STATUS),
    'hyoka_evaluation_remove_goal': (c_int, [H, c_size_t], STATUS),
    # scheme.h
    'hyoka_scheme_new': (c_int, [PH, c_char_p, c_size_t], STATUS),
    'hyoka_scheme_free': (None, [H], RAW),
    'hyoka_scheme_copy': (c_int, [H, PH], STATUS),
    'hyoka_scheme_equal': (c_int, [H, H], RAW),
    'hyoka_scheme_builtin': (H, [c_char_p, c_size_t], RAW),
    'hyoka_scheme_builtin_count': (c_size_t, [], RAW),
    'hyoka_scheme_builtin_at': (H, [c_size_t], RAW),
    'hyoka_scheme_is_builtin': (c_int, [H], RAW),
    'hyoka_scheme_id': (c_char_p, [H], RAW),
    'hyoka_scheme_name': (c_char_p, [H], RAW),
    'hyoka_scheme_set_name': (c_int, [H, c_char_p, c_size_t], STATUS),
    'hyoka_scheme_add_criterion': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, PDEC,
                                           P(c_size_t)], STATUS),
    'hyoka_scheme_criterion_count': (c_size_t, [H], RAW),
    'hyoka_scheme_criterion_at': (c_int, [H, c_size_t, PSTR, PSTR, PDEC], STATUS),
    'hyoka_scheme_find_criterion': (c_int, [H, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_scheme_set_required': (c_int, [H, c_size_t, c_int], STATUS),
    'hyoka_scheme_required': (c_int, [H, c_size_t], RAW),
    'hyoka_scheme_add_option': (c_int, [H, c_size_t, c_char_p, c_size_t, c_char_p, c_size_t,
                                        PDEC], STATUS),
    'hyoka_scheme_option_count': (c_size_t, [H, c_size_t], RAW),
    'hyoka_scheme_option_at': (c_int, [H, c_size_t, c_size_t, PSTR, PSTR, PDEC, P(c_int)], STATUS),
    'hyoka_scheme_set_range': (c_int, [H, c_size_t, PDEC, PDEC], STATUS),
    'hyoka_scheme_range': (c_int, [H, c_size_t, PDEC, P(c_int), PDEC, P(c_int)], STATUS),
    'hyoka_scheme_add_verdict': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, c_int], STATUS),
    'hyoka_scheme_verdict_count': (c_size_t, [H], RAW),
    'hyoka_scheme_verdict_at': (c_int, [H, c_size_t, PSTR, PSTR, P(c_int)], STATUS),
    'hyoka_scheme_find_verdict': (c_int, [H, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_scheme_add_budget': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, c_int], STATUS),
    'hyoka_scheme_budget_count': (c_size_t, [H], RAW),
    'hyoka_scheme_budget_at': (c_int, [H, c_size_t, PSTR, PSTR, P(c_int)], STATUS),
    'hyoka_scheme_find_budget': (c_int, [H, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_scheme_add_band': (c_int, [H, PDEC, c_char_p, c_size_t, c_char_p, c_size_t], STATUS),
    'hyoka_scheme_band_count': (c_size_t, [H], RAW),
    'hyoka_scheme_band_at': (c_int, [H, c_size_t, PDEC, PSTR, PSTR], STATUS),
    'hyoka_scheme_set_missing_rating': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t], STATUS),
    'hyoka_scheme_missing_rating': (c_int, [H, PSTR, PSTR], STATUS),
    # figures.h
    'hyoka_reason_name': (c_char_p, [c_int], RAW),
    'hyoka_reason_message': (c_char_p, [c_int, c_int], RAW),
    'hyoka_costs_figure': (c_int, [H, c_int, PDEC, P(c_int)], FIGURE),
    'hyoka_staff_cost': (c_int, [H, P(c_int64), P(c_int)], FIGURE),
    'hyoka_indicator_figure': (c_int, [H, c_int32, c_int, PDEC, P(c_int)], FIGURE),
    'hyoka_costs_figures': (c_int, [H, PDEC, P(c_int), c_size_t], STATUS),
    'hyoka_indicator_figures': (c_int, [H, c_int32, PDEC, P(c_int), c_size_t], STATUS),
    'hyoka_evaluation_score': (c_int, [H, PDEC, P(c_int)], FIGURE),
    'hyoka_evaluation_rating': (c_int, [H, PSTR, PSTR, P(c_int)], FIGURE),
    'hyoka_rollup_new': (c_int, [PH, H, c_int, c_int, c_int32], STATUS),
    'hyoka_rollup_free': (None, [H], RAW),
    'hyoka_rollup_count': (c_size_t, [H], RAW),
    'hyoka_rollup_key': (c_char_p, [H, c_size_t], RAW),
    'hyoka_rollup_projects': (c_size_t, [H, c_size_t], RAW),
    'hyoka_rollup_total': (c_int, [H, c_size_t, c_int, P(c_int64)], STATUS),
    'hyoka_ranking_new': (c_int, [PH, H, c_int, c_int32, c_int], STATUS),
    'hyoka_ranking_free': (None, [H], RAW),
    'hyoka_ranking_count': (c_size_t, [H], RAW),
    'hyoka_ranking_at': (c_int, [H, c_size_t, PH, PDEC, P(c_int)], FIGURE),
    'hyoka_rollup_start': (c_int, [PH, c_int, c_int, c_int32], STATUS),
    'hyoka_rollup_add': (c_int, [H, H], STATUS),
    'hyoka_ranking_start': (c_int, [PH, c_int, c_int32, c_int], STATUS),
    'hyoka_ranking_add': (c_int, [H, H], STATUS),
    'hyoka_ranking_entry': (c_int, [H, c_size_t, PSTR, PSTR, PDEC, P(c_int)], FIGURE),
    'hyoka_ranking_figure': (c_int, [H, H, PDEC, P(c_int)], FIGURE),
    'hyoka_ranking_add_entry': (c_int, [H, c_char_p, c_char_p, PDEC, c_int], STATUS),
    # report.h
    'hyoka_report_new': (c_int, [PH], STATUS),
    'hyoka_report_free': (None, [H], RAW),
    'hyoka_validate': (c_int, [H, H], STATUS),
    'hyoka_report_add': (c_int, [H, c_char_p, c_int, c_char_p, c_char_p, c_char_p], STATUS),
    'hyoka_report_append': (c_int, [H, H], STATUS),
    'hyoka_report_count': (c_size_t, [H], RAW),
    'hyoka_report_count_severity': (c_size_t, [H, c_int], RAW),
    'hyoka_report_code': (c_char_p, [H, c_size_t], RAW),
    'hyoka_report_severity': (c_int, [H, c_size_t], RAW),
    'hyoka_report_path': (c_char_p, [H, c_size_t], RAW),
    'hyoka_report_position': (c_int, [H, c_size_t, P(c_int64), P(c_int64)], STATUS),
    'hyoka_report_message': (c_char_p, [H, c_size_t, c_int], RAW),
    'hyoka_report_locate': (c_int, [H, c_char_p, c_size_t], STATUS),
    'hyoka_report_total': (c_size_t, [H], RAW),
    'hyoka_report_total_severity': (c_size_t, [H, c_int], RAW),
    'hyoka_report_dropped': (c_size_t, [H], RAW),
    'hyoka_report_ignored': (c_size_t, [H], RAW),
    'hyoka_report_set_limit': (c_int, [H, c_size_t], STATUS),
    'hyoka_report_limit': (c_size_t, [H], RAW),
    'hyoka_report_tally_count': (c_size_t, [H], RAW),
    'hyoka_report_tally': (c_int, [H, c_size_t, P(c_char_p), P(c_int), P(c_size_t)], STATUS),
    'hyoka_rules_new': (c_int, [PH], STATUS),
    'hyoka_rules_free': (None, [H], RAW),
    'hyoka_rules_select': (c_int, [H, c_char_p], STATUS),
    'hyoka_rules_ignore': (c_int, [H, c_char_p], STATUS),
    'hyoka_rules_set_min_severity': (c_int, [H, c_int], STATUS),
    'hyoka_rules_allows': (c_int, [H, c_char_p, c_int], RAW),
    'hyoka_rules_parse': (c_int, [H, c_char_p, c_size_t, H], STATUS),
    'hyoka_rules_read_file': (c_int, [H, c_char_p, H], STATUS),
    'hyoka_report_set_rules': (c_int, [H, H], STATUS),
    'hyoka_code_title': (c_char_p, [c_char_p, c_int], RAW),
    'hyoka_code_severity': (c_int, [c_char_p], RAW),
    # json.h
    'hyoka_read_options_init': (c_int, [P(ReadOptions)], STATUS),
    'hyoka_json_read': (c_int, [c_char_p, c_size_t, P(ReadOptions), PH, H], STATUS),
    'hyoka_json_read_file': (c_int, [c_char_p, P(ReadOptions), PH, H], STATUS),
    # stream.h
    'hyoka_stream_open_memory': (c_int, [PH, c_char_p, c_size_t, P(ReadOptions), H], RAW),
    'hyoka_stream_open_file': (c_int, [PH, c_char_p, P(ReadOptions), H], RAW),
    'hyoka_stream_open_source': (c_int, [PH, SourceFn, c_void_p, P(ReadOptions), H], RAW),
    'hyoka_stream_portfolio': (c_void_p, [H], RAW),
    'hyoka_stream_next': (c_int, [H, PH], RAW),
    'hyoka_stream_index': (c_size_t, [H], RAW),
    'hyoka_stream_detach': (c_int, [H, PH], STATUS),
    'hyoka_stream_validate': (c_int, [H, H], STATUS),
    'hyoka_stream_free': (None, [H], RAW),
    'hyoka_writer_new': (c_int, [PH, c_int, H, c_uint, c_int, SinkFn, c_void_p], STATUS),
    'hyoka_writer_new_dir': (c_int, [PH, c_int, H, c_char_p, P(CsvOptions), H], STATUS),
    'hyoka_writer_new_file': (c_int, [PH, c_int, H, c_uint, c_int, c_char_p], STATUS),
    'hyoka_writer_project': (c_int, [H, H], STATUS),
    'hyoka_writer_finish': (c_int, [H, H], STATUS),
    'hyoka_writer_free': (None, [H], RAW),
    'hyoka_json_write': (c_int, [H, c_uint, PH, P(c_size_t)], STATUS),
    'hyoka_json_write_file': (c_int, [H, c_uint, c_char_p], STATUS),
    'hyoka_metrics_write': (c_int, [H, H, c_uint, c_int, PH, P(c_size_t)], STATUS),
    'hyoka_report_write_json': (c_int, [H, c_uint, c_int, PH, P(c_size_t)], STATUS),
    # csv.h
    'hyoka_csv_options_init': (c_int, [P(CsvOptions)], STATUS),
    'hyoka_csv_table_name': (c_char_p, [c_int], RAW),
    'hyoka_csv_write_table': (c_int, [H, c_int, P(CsvOptions), PH, P(c_size_t), H], STATUS),
    'hyoka_csv_write_dir': (c_int, [H, c_char_p, P(CsvOptions), H], STATUS),
    'hyoka_csv_read_tables': (c_int, [c_void_p * HYOKA_CSV_TABLE_COUNT, c_size_t * HYOKA_CSV_TABLE_COUNT,
                                      P(CsvOptions), PH, H], STATUS),
    'hyoka_csv_read_dir': (c_int, [c_char_p, P(CsvOptions), PH, H], STATUS),
    'hyoka_cp932_encode': (c_int, [c_char_p, c_size_t, PH, P(c_size_t), P(c_size_t)], STATUS),
    'hyoka_cp932_decode': (c_int, [c_char_p, c_size_t, PH, P(c_size_t), P(c_size_t)], STATUS),
    'hyoka_metrics_csv_write': (c_int, [H, c_int, P(CsvOptions), PH, P(c_size_t), H], STATUS),
    'hyoka_metrics_csv_write_dir': (c_int, [H, c_char_p, P(CsvOptions), H], STATUS),
    # rs.h
    'hyoka_rs_options_init': (c_int, [P(RsOptions)], STATUS),
    'hyoka_rs_table_name': (c_char_p, [c_int], RAW),
    'hyoka_rs_table_title': (c_char_p, [c_int], RAW),
    'hyoka_rs_write_table': (c_int, [H, c_int, P(RsOptions), PH, P(c_size_t), H], STATUS),
    'hyoka_rs_write_dir': (c_int, [H, c_char_p, P(RsOptions), H], STATUS),
    'hyoka_rs_read_tables': (c_int, [c_void_p * HYOKA_RS_TABLE_COUNT, c_size_t * HYOKA_RS_TABLE_COUNT,
                                     P(RsOptions), PH, H], STATUS),
    'hyoka_rs_read_dir': (c_int, [c_char_p, P(RsOptions), PH, H], STATUS),
    # html.h
    'hyoka_html_project': (c_int, [H, c_int, PH, P(c_size_t)], STATUS),
    'hyoka_html_portfolio': (c_int, [H, c_int, PH, P(c_size_t)], STATUS),
    'hyoka_html_file_name': (c_int, [c_size_t, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_html_write_dir': (c_int, [H, c_int, c_char_p], STATUS),
    'hyoka_html_write_dir_flags': (c_int, [H, c_int, c_char_p, c_uint], STATUS),
}
