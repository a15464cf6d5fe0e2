"""Finding, checking and binding libhyoka.so.1 (ctypes, no compiler).

The library is looked for, in order:

1. the ``HYOKA_LIBRARY`` environment variable (a file, or a folder holding
   ``libhyoka.so.1``); when it is set and cannot be loaded, that is an error;
2. ``pkg-config --variable=libdir hyoka`` + ``libhyoka.so.1``;
3. the system path: ``libhyoka.so.1`` through the dynamic loader, then
   ``ctypes.util.find_library('hyoka')``.

A library whose major version is not 1 is refused with ImportError.

Functions are bound lazily, one by one, on first use: a library that does
not export a function yet (an older or partial build) still loads, and only
the feature that needs the missing function raises
:class:`hyoka.MissingFeature`.
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

# --------------------------------------------------------------------------
# C types
# --------------------------------------------------------------------------

c_int = ctypes.c_int
c_uint = ctypes.c_uint
c_int32 = ctypes.c_int32
c_int64 = ctypes.c_int64
c_size_t = ctypes.c_size_t
c_char_p = ctypes.c_char_p
c_void_p = ctypes.c_void_p
c_double = ctypes.c_double
P = ctypes.POINTER

NTS = ctypes.c_size_t(-1).value  # HYOKA_NTS


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
                ('max_diagnostics', c_size_t)]


DEC = Decimal_
PDEC = P(Decimal_)
H = c_void_p          # any opaque handle
PH = P(c_void_p)      # handle out-parameter, or a char ** buffer to hyoka_free()
PSTR = P(c_char_p)    # borrowed const char ** out-parameter

CSV_TABLE_COUNT = 14  # HYOKA_CSV_TABLE_COUNT

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
    'hyoka_free': (None, [c_void_p], RAW),
    # decimal.h
    'hyoka_rounding_name': (c_char_p, [c_int], RAW),
    'hyoka_decimal_parse': (c_int, [c_char_p, c_size_t, PDEC], STATUS),
    'hyoka_decimal_parse_printed': (c_int, [c_char_p, c_size_t, PDEC], STATUS),
    'hyoka_decimal_format': (c_int, [PDEC, c_uint, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_decimal_add': (c_int, [PDEC, PDEC, PDEC], STATUS),
    'hyoka_decimal_sub': (c_int, [PDEC, PDEC, PDEC], STATUS),
    'hyoka_decimal_mul': (c_int, [PDEC, PDEC, PDEC], STATUS),
    'hyoka_decimal_div': (c_int, [PDEC, PDEC, c_int, c_int, PDEC], STATUS),
    'hyoka_decimal_round': (c_int, [PDEC, c_int, c_int, PDEC], STATUS),
    'hyoka_decimal_to_int': (c_int, [PDEC, c_int, P(c_int64)], STATUS),
    # yen.h
    'hyoka_yen_add': (c_int, [c_int64, c_int64, P(c_int64)], STATUS),
    'hyoka_yen_mul': (c_int, [c_int64, c_int64, P(c_int64)], STATUS),
    'hyoka_yen_from_thousands': (c_int, [PDEC, P(c_int64)], STATUS),
    'hyoka_yen_to_thousands': (c_int, [c_int64, PDEC], STATUS),
    # calendar.h
    'hyoka_era_name': (c_char_p, [c_int], RAW),
    'hyoka_fiscal_year_parse': (c_int, [c_char_p, c_size_t, P(c_int32), P(c_uint)], STATUS),
    'hyoka_fiscal_year_format': (c_int, [c_int32, c_uint, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_date_make': (c_int, [c_int32, c_int, c_int, P(c_int32)], STATUS),
    'hyoka_date_split': (c_int, [c_int32, P(c_int32), P(c_int), P(c_int)], STATUS),
    'hyoka_date_parse': (c_int, [c_char_p, c_size_t, P(c_int32), P(c_uint)], STATUS),
    'hyoka_date_to_iso': (c_int, [c_int32, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_date_format': (c_int, [c_int32, c_uint, c_char_p, c_size_t, P(c_size_t)], STATUS),
    # types.h
    'hyoka_enum_count': (c_int, [c_int], RAW),
    'hyoka_enum_name': (c_char_p, [c_int, c_int], RAW),
    'hyoka_enum_value': (c_int, [c_int, c_char_p, c_size_t, P(c_int)], RAW),
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
    'hyoka_scheme_add_budget': (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, c_int], STATUS),
    'hyoka_scheme_budget_count': (c_size_t, [H], RAW),
    'hyoka_scheme_budget_at': (c_int, [H, c_size_t, PSTR, PSTR, P(c_int)], STATUS),
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
    # report.h
    'hyoka_report_new': (c_int, [PH], STATUS),
    'hyoka_report_free': (None, [H], RAW),
    'hyoka_validate': (c_int, [H, H], STATUS),
    'hyoka_report_add': (c_int, [H, c_char_p, c_int, c_char_p, c_char_p, c_char_p], STATUS),
    'hyoka_report_count': (c_size_t, [H], RAW),
    'hyoka_report_count_severity': (c_size_t, [H, c_int], RAW),
    'hyoka_report_code': (c_char_p, [H, c_size_t], RAW),
    'hyoka_report_severity': (c_int, [H, c_size_t], RAW),
    'hyoka_report_path': (c_char_p, [H, c_size_t], RAW),
    'hyoka_report_position': (c_int, [H, c_size_t, P(c_int64), P(c_int64)], STATUS),
    'hyoka_report_message': (c_char_p, [H, c_size_t, c_int], RAW),
    'hyoka_report_locate': (c_int, [H, c_char_p, c_size_t], STATUS),
    'hyoka_code_title': (c_char_p, [c_char_p, c_int], RAW),
    'hyoka_code_severity': (c_int, [c_char_p], RAW),
    # json.h
    'hyoka_read_options_init': (c_int, [P(ReadOptions)], STATUS),
    'hyoka_json_read': (c_int, [c_char_p, c_size_t, P(ReadOptions), PH, H], STATUS),
    'hyoka_json_read_file': (c_int, [c_char_p, P(ReadOptions), PH, H], STATUS),
    'hyoka_json_write': (c_int, [H, c_uint, PH, P(c_size_t)], STATUS),
    'hyoka_json_write_file': (c_int, [H, c_uint, c_char_p], STATUS),
    'hyoka_metrics_write': (c_int, [H, H, c_uint, c_int, PH, P(c_size_t)], STATUS),
    'hyoka_report_write_json': (c_int, [H, c_uint, c_int, PH, P(c_size_t)], STATUS),
    # csv.h
    'hyoka_csv_options_init': (c_int, [P(CsvOptions)], STATUS),
    'hyoka_csv_table_name': (c_char_p, [c_int], RAW),
    'hyoka_csv_write_table': (c_int, [H, c_int, P(CsvOptions), PH, P(c_size_t), H], STATUS),
    'hyoka_csv_write_dir': (c_int, [H, c_char_p, P(CsvOptions), H], STATUS),
    'hyoka_csv_read_tables': (c_int, [c_void_p * CSV_TABLE_COUNT, c_size_t * CSV_TABLE_COUNT,
                                      P(CsvOptions), PH, H], STATUS),
    'hyoka_csv_read_dir': (c_int, [c_char_p, P(CsvOptions), PH, H], STATUS),
    'hyoka_cp932_encode': (c_int, [c_char_p, c_size_t, PH, P(c_size_t), P(c_size_t)], STATUS),
    'hyoka_cp932_decode': (c_int, [c_char_p, c_size_t, PH, P(c_size_t), P(c_size_t)], STATUS),
    # html.h
    'hyoka_html_project': (c_int, [H, c_int, PH, P(c_size_t)], STATUS),
    'hyoka_html_portfolio': (c_int, [H, c_int, PH, P(c_size_t)], STATUS),
    'hyoka_html_file_name': (c_int, [c_size_t, c_char_p, c_size_t, P(c_size_t)], STATUS),
    'hyoka_html_write_dir': (c_int, [H, c_int, c_char_p], STATUS),
}


# --------------------------------------------------------------------------
# Finding the library
# --------------------------------------------------------------------------

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


def find_library():
    """Load libhyoka as described in the module docstring.

    :return: ``(ctypes.CDLL, path_or_name, how)``.
    :raises ImportError: when no usable library is found.
    """
    tried = []
    env = _candidates_from_env()
    if env is not None:
        try:
            return _open(env), env, 'HYOKA_LIBRARY'
        except OSError as e:
            raise ImportError('hyoka: HYOKA_LIBRARY=%s cannot be loaded: %s' % (env, e)) from None
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
    raise ImportError('hyoka: cannot find libhyoka.so.1. Set HYOKA_LIBRARY to its path, '
                      'install it where pkg-config or the dynamic loader finds it. Tried: '
                      + '; '.join(tried or ['nothing']))


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

    def has(self, name):
        """True when the loaded library exports @p name."""
        try:
            self._dll[name]
        except AttributeError:
            return False
        return True

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
        if lib.hyoka_enum_value(0, name, len(name), ctypes.byref(value)) == 0:
            _UNAVAILABLE = value.value
        else:  # pragma: no cover - a 1.x library always knows it
            _UNAVAILABLE = -11
        _LIB = lib
    return _LIB
