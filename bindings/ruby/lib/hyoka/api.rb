# frozen_string_literal: true

module Hyoka
  # The C API of libhyoka as data: prototypes, callback types, struct
  # layouts and constants, in ffi-gem type names. It needs neither the ffi
  # gem nor the library, so tests/checks/check_bindings.py (through
  # tests/checks/dump_ruby_api.rb) compares it with include/hyoka/*.h: a
  # function the headers declare and FUNCTIONS lacks, a prototype whose
  # argument or return types differ, a struct whose fields differ, or a
  # HYOKA_* constant whose value differs makes that check fail. Hyoka::Lib
  # attaches FUNCTIONS.
  #
  # Enumerations that the library can name (statuses, phases, figures...)
  # are looked up by name at run time (Hyoka::Support.enum_table); the
  # constants here are only those the library has no run-time name for.
  module API
    # ---- constants of the headers (names as in C) -------------------------

    HYOKA_NTS = (1 << (8 * [0].pack('J').bytesize)) - 1 # (size_t)-1
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

    # { rest_of_name_in_lower_case => value } of the constants named
    # prefix + ..., in value order: constants_with('HYOKA_ENUM_') gives
    # { status: 0, rounding: 1, ... }.
    def self.constants_with(prefix)
      constants.grep(/\A#{prefix}/).map { |c| [c.to_s.delete_prefix(prefix).downcase.to_sym, const_get(c)] }
               .sort_by(&:last).to_h.freeze
    end

    # ---- structs: C name => [[field, type or [type, count]], ...] -----------

    STRUCTS = {
      hyoka_decimal: [[:hyoka_private_, [:int64, 2]]],
      hyoka_read_options: [[:size, :size_t], [:max_depth, :size_t], [:max_document, :size_t],
                           [:max_string, :size_t], [:max_number, :size_t], [:max_diagnostics, :size_t]],
      hyoka_csv_options: [[:size, :size_t], [:encoding, :int], [:max_field, :size_t], [:max_row, :size_t],
                          [:max_diagnostics, :size_t], [:max_table, :size_t], [:flags, :uint]],
      hyoka_rs_options: [[:size, :size_t], [:max_field, :size_t], [:max_row, :size_t], [:max_diagnostics, :size_t],
                         [:max_table, :size_t], [:flags, :uint], [:year, :int32]]
    }.freeze

    # ---- callback types (alloc.h, stream.h): C name => [arguments, return] ------------

    CALLBACKS = {
      hyoka_malloc_fn: [%i[size_t pointer], :pointer],
      hyoka_realloc_fn: [%i[pointer size_t pointer], :pointer],
      hyoka_free_fn: [%i[pointer pointer], :void],
      # stream.h
      hyoka_source_fn: [%i[pointer pointer size_t pointer], :int],
      hyoka_sink_fn: [%i[pointer pointer size_t], :int]
    }.freeze

    # ---- functions: name => [arguments, return(, :blocking)] ----------------
    #
    # Types: ffi-gem names; a struct passed by value by its C name (typedef'd
    # by Hyoka::Lib), a callback by its C typedef name. :blocking releases
    # Ruby's lock during the call (long reads, writes and computations).

    FUNCTIONS = {
      # version.h, error.h, alloc.h
      hyoka_version: [[], :int],
      hyoka_version_string: [[], :string],
      hyoka_limit: [[:int], :int64],
      hyoka_strerror: [[:int], :string],
      hyoka_status_name: [[:int], :string],
      hyoka_error_last: [[], :pointer],
      hyoka_error_last_code: [[], :int],
      hyoka_error_clear: [[], :void],
      hyoka_set_allocator: [%i[hyoka_malloc_fn hyoka_realloc_fn hyoka_free_fn pointer], :int],
      hyoka_free: [[:pointer], :void],
      # types.h
      hyoka_enum_count: [[:int], :int],
      hyoka_enum_name: [%i[int int], :pointer],
      hyoka_enum_value: [%i[int pointer size_t pointer], :int],
      hyoka_lang_default: [[], :int],
      # decimal.h
      hyoka_decimal_parse: [%i[pointer size_t pointer], :int],
      hyoka_decimal_parse_printed: [%i[pointer size_t pointer], :int],
      hyoka_rounding_name: [[:int], :pointer],
      hyoka_rounding_from_name: [%i[pointer size_t pointer], :int],
      hyoka_decimal_from_int: [[:int64], :hyoka_decimal],
      hyoka_decimal_from_parts: [%i[int64 int pointer], :int],
      hyoka_decimal_coefficient: [[:pointer], :int64],
      hyoka_decimal_format: [%i[pointer uint pointer size_t pointer], :int],
      hyoka_decimal_scale: [[:pointer], :int],
      hyoka_decimal_sign: [[:pointer], :int],
      hyoka_decimal_cmp: [%i[pointer pointer], :int],
      hyoka_decimal_identical: [%i[pointer pointer], :int],
      hyoka_decimal_add: [%i[pointer pointer pointer], :int],
      hyoka_decimal_sub: [%i[pointer pointer pointer], :int],
      hyoka_decimal_mul: [%i[pointer pointer pointer], :int],
      hyoka_decimal_div: [%i[pointer pointer int int pointer], :int],
      hyoka_decimal_round: [%i[pointer int int pointer], :int],
      hyoka_decimal_to_int: [%i[pointer int pointer], :int],
      hyoka_decimal_to_double: [[:pointer], :double],
      # yen.h
      hyoka_yen_add: [%i[int64 int64 pointer], :int],
      hyoka_yen_sub: [%i[int64 int64 pointer], :int],
      hyoka_yen_mul: [%i[int64 int64 pointer], :int],
      hyoka_yen_mul_decimal: [%i[int64 pointer int pointer], :int],
      hyoka_yen_from_thousands: [%i[pointer pointer], :int],
      hyoka_yen_to_thousands: [%i[int64 pointer], :int],
      hyoka_yen_sum: [%i[pointer size_t pointer], :int],
      # calendar.h
      hyoka_era_name: [[:int], :pointer],
      hyoka_era_letter: [[:int], :pointer],
      hyoka_era_start: [%i[int pointer], :int],
      hyoka_fiscal_year_parse: [%i[pointer size_t pointer pointer], :int],
      hyoka_fiscal_year_era: [%i[int32 uint pointer pointer], :int],
      hyoka_fiscal_year_format: [%i[int32 uint pointer size_t pointer], :int],
      hyoka_date_make: [%i[int32 int int pointer], :int],
      hyoka_date_split: [%i[int32 pointer pointer pointer], :int],
      hyoka_date_parse: [%i[pointer size_t pointer pointer], :int],
      hyoka_date_to_iso: [%i[int32 pointer size_t pointer], :int],
      hyoka_date_format: [%i[int32 uint pointer size_t pointer], :int],
      hyoka_date_fiscal_year: [%i[int32 pointer], :int],
      # portfolio.h
      hyoka_portfolio_new: [[:pointer], :int],
      hyoka_portfolio_free: [[:pointer], :void],
      hyoka_portfolio_copy: [%i[pointer pointer], :int],
      hyoka_portfolio_equal: [%i[pointer pointer], :int],
      hyoka_municipality_code_check: [%i[pointer size_t], :int],
      hyoka_portfolio_set_municipality: [%i[pointer pointer size_t pointer size_t], :int],
      hyoka_portfolio_municipality_name: [[:pointer], :pointer],
      hyoka_portfolio_municipality_code: [[:pointer], :pointer],
      hyoka_portfolio_set_denominator: [%i[pointer int32 int int64], :int],
      hyoka_portfolio_denominator: [%i[pointer int32 int pointer], :int],
      hyoka_portfolio_clear_denominator: [%i[pointer int32 int], :int],
      hyoka_portfolio_denominator_count: [[:pointer], :size_t],
      hyoka_portfolio_denominator_year_at: [%i[pointer size_t], :int32],
      hyoka_portfolio_amount_unit: [[:pointer], :int],
      hyoka_portfolio_set_amount_unit: [%i[pointer int], :int],
      hyoka_portfolio_set_rounding: [%i[pointer int int int int], :int],
      hyoka_portfolio_rounding: [%i[pointer int pointer pointer pointer], :int],
      hyoka_portfolio_clear_rounding: [%i[pointer int], :int],
      hyoka_portfolio_set_stated_tolerance: [%i[pointer int64], :int],
      hyoka_portfolio_stated_tolerance: [[:pointer], :int64],
      hyoka_portfolio_set_achievement_rule: [%i[pointer int], :int],
      hyoka_portfolio_achievement_rule: [[:pointer], :int],
      hyoka_portfolio_add_scheme: [%i[pointer pointer], :int],
      hyoka_portfolio_scheme_count: [[:pointer], :size_t],
      hyoka_portfolio_scheme_at: [%i[pointer size_t], :pointer],
      hyoka_portfolio_find_scheme: [%i[pointer pointer size_t], :pointer],
      hyoka_portfolio_remove_scheme: [%i[pointer size_t], :int],
      hyoka_portfolio_add_project: [%i[pointer pointer], :int],
      hyoka_portfolio_project_count: [[:pointer], :size_t],
      hyoka_portfolio_project_at: [%i[pointer size_t], :pointer],
      hyoka_portfolio_find_project: [%i[pointer pointer size_t], :pointer],
      hyoka_portfolio_remove_project: [%i[pointer size_t], :int],
      hyoka_project_portfolio: [[:pointer], :pointer],
      # project.h
      hyoka_project_new: [[:pointer], :int],
      hyoka_project_free: [[:pointer], :void],
      hyoka_project_copy: [%i[pointer pointer], :int],
      hyoka_project_equal: [%i[pointer pointer], :int],
      hyoka_project_set_code: [%i[pointer pointer size_t], :int],
      hyoka_project_code: [[:pointer], :pointer],
      hyoka_project_set_name: [%i[pointer pointer size_t], :int],
      hyoka_project_name: [[:pointer], :pointer],
      hyoka_project_set_text: [%i[pointer int pointer size_t], :int],
      hyoka_project_text: [%i[pointer int], :pointer],
      hyoka_project_duty: [[:pointer], :int],
      hyoka_project_set_duty: [%i[pointer int], :int],
      hyoka_project_period: [[:pointer], :int],
      hyoka_project_set_period: [%i[pointer int], :int],
      hyoka_project_start_year: [[:pointer], :int32],
      hyoka_project_end_year: [[:pointer], :int32],
      hyoka_project_set_period_years: [%i[pointer int32 int32], :int],
      hyoka_project_add_class: [%i[pointer int pointer size_t pointer size_t pointer size_t], :int],
      hyoka_project_class_count: [%i[pointer int], :size_t],
      hyoka_project_class_at: [%i[pointer int size_t pointer pointer pointer], :int],
      hyoka_project_clear_class: [%i[pointer int], :int],
      hyoka_project_add_year: [%i[pointer int32 pointer], :int],
      hyoka_project_year_count: [[:pointer], :size_t],
      hyoka_project_year_at: [%i[pointer size_t], :pointer],
      hyoka_project_find_year: [%i[pointer int32], :pointer],
      hyoka_project_remove_year: [%i[pointer size_t], :int],
      hyoka_project_add_indicator: [%i[pointer int pointer], :int],
      hyoka_project_indicator_count: [[:pointer], :size_t],
      hyoka_project_indicator_at: [%i[pointer size_t], :pointer],
      hyoka_project_remove_indicator: [%i[pointer size_t], :int],
      hyoka_project_add_evaluation: [%i[pointer int pointer], :int],
      hyoka_project_evaluation_count: [[:pointer], :size_t],
      hyoka_project_evaluation_at: [%i[pointer size_t], :pointer],
      hyoka_project_remove_evaluation: [%i[pointer size_t], :int],
      hyoka_project_add_child: [%i[pointer pointer], :int],
      hyoka_project_child_count: [[:pointer], :size_t],
      hyoka_project_child_at: [%i[pointer size_t], :pointer],
      hyoka_project_remove_child: [%i[pointer size_t], :int],
      hyoka_project_parent: [[:pointer], :pointer],
      hyoka_project_set_extension: [%i[pointer pointer size_t pointer size_t], :int],
      hyoka_project_extension: [%i[pointer pointer size_t], :pointer],
      hyoka_project_extension_count: [[:pointer], :size_t],
      hyoka_project_extension_at: [%i[pointer size_t pointer pointer], :int],
      hyoka_project_flag: [%i[pointer int pointer], :int],
      hyoka_project_set_flag: [%i[pointer int int], :int],
      # costs.h
      hyoka_costs_fiscal_year: [[:pointer], :int32],
      hyoka_costs_set_fiscal_year: [%i[pointer int32], :int],
      hyoka_costs_phase: [[:pointer], :int],
      hyoka_costs_set_phase: [%i[pointer int], :int],
      hyoka_costs_set: [%i[pointer int int64], :int],
      hyoka_costs_get: [%i[pointer int pointer], :int],
      hyoka_costs_clear: [%i[pointer int], :int],
      hyoka_costs_set_stated: [%i[pointer int pointer int], :int],
      hyoka_costs_stated: [%i[pointer int pointer pointer], :int],
      hyoka_costs_clear_stated: [%i[pointer int], :int],
      hyoka_costs_add_staff: [%i[pointer int pointer], :int],
      hyoka_costs_staff_count: [[:pointer], :size_t],
      hyoka_costs_staff_at: [%i[pointer size_t], :pointer],
      hyoka_costs_remove_staff: [%i[pointer size_t], :int],
      hyoka_staff_category: [[:pointer], :int],
      hyoka_staff_set_category: [%i[pointer int], :int],
      hyoka_staff_set_decimal: [%i[pointer int pointer], :int],
      hyoka_staff_get_decimal: [%i[pointer int pointer], :int],
      hyoka_staff_set_amount: [%i[pointer int int64], :int],
      hyoka_staff_get_amount: [%i[pointer int pointer], :int],
      hyoka_staff_clear: [%i[pointer int], :int],
      # indicator.h
      hyoka_indicator_kind: [[:pointer], :int],
      hyoka_indicator_set_kind: [%i[pointer int], :int],
      hyoka_indicator_set_text: [%i[pointer int pointer size_t], :int],
      hyoka_indicator_text: [%i[pointer int], :pointer],
      hyoka_indicator_direction: [[:pointer], :int],
      hyoka_indicator_set_direction: [%i[pointer int], :int],
      hyoka_indicator_not_settable: [[:pointer], :int],
      hyoka_indicator_set_not_settable: [%i[pointer int], :int],
      hyoka_indicator_set_long_term: [%i[pointer pointer int32], :int],
      hyoka_indicator_long_term: [%i[pointer pointer pointer], :int],
      hyoka_indicator_add_year: [%i[pointer int32], :int],
      hyoka_indicator_year_count: [[:pointer], :size_t],
      hyoka_indicator_year_at: [%i[pointer size_t], :int32],
      hyoka_indicator_remove_year: [%i[pointer int32], :int],
      hyoka_indicator_set_value: [%i[pointer int32 int pointer], :int],
      hyoka_indicator_value: [%i[pointer int32 int pointer], :int],
      hyoka_indicator_set_baseline: [%i[pointer pointer int32], :int],
      hyoka_indicator_baseline: [%i[pointer pointer pointer], :int],
      hyoka_indicator_target_year: [[:pointer], :int32],
      hyoka_indicator_set_target_year: [%i[pointer int32], :int],
      hyoka_indicator_number: [%i[pointer pointer], :int],
      hyoka_indicator_set_number: [%i[pointer int64], :int],
      hyoka_indicator_term: [[:pointer], :int],
      hyoka_indicator_set_term: [%i[pointer int], :int],
      hyoka_indicator_measurement: [[:pointer], :int],
      hyoka_indicator_set_measurement: [%i[pointer int], :int],
      # record.h
      hyoka_record_field_type: [%i[int int], :int],
      hyoka_record_kind_parent: [%i[int pointer], :int],
      hyoka_project_add_record: [%i[pointer int pointer], :int],
      hyoka_project_record_count: [%i[pointer int], :size_t],
      hyoka_project_record_at: [%i[pointer int size_t], :pointer],
      hyoka_project_remove_record: [%i[pointer int size_t], :int],
      hyoka_record_add_child: [%i[pointer int pointer], :int],
      hyoka_record_child_count: [%i[pointer int], :size_t],
      hyoka_record_child_at: [%i[pointer int size_t], :pointer],
      hyoka_record_remove_child: [%i[pointer int size_t], :int],
      hyoka_record_kind_of: [[:pointer], :int],
      hyoka_record_parent: [[:pointer], :pointer],
      hyoka_record_project: [[:pointer], :pointer],
      hyoka_record_field_state: [%i[pointer int], :int],
      hyoka_record_set_not_applicable: [%i[pointer int], :int],
      hyoka_record_clear: [%i[pointer int], :int],
      hyoka_record_set_text: [%i[pointer int pointer size_t], :int],
      hyoka_record_text: [%i[pointer int], :pointer],
      hyoka_record_set_money: [%i[pointer int int64], :int],
      hyoka_record_money: [%i[pointer int pointer], :int],
      hyoka_record_set_decimal: [%i[pointer int pointer], :int],
      hyoka_record_decimal: [%i[pointer int pointer], :int],
      hyoka_record_set_integer: [%i[pointer int int64], :int],
      hyoka_record_integer: [%i[pointer int pointer], :int],
      hyoka_record_set_flag: [%i[pointer int int], :int],
      hyoka_record_flag: [%i[pointer int pointer], :int],
      hyoka_record_set_fiscal_year: [%i[pointer int int32], :int],
      hyoka_record_fiscal_year: [%i[pointer int pointer], :int],
      hyoka_record_set_extension: [%i[pointer pointer size_t pointer size_t], :int],
      hyoka_record_extension: [%i[pointer pointer size_t], :pointer],
      hyoka_record_extension_count: [[:pointer], :size_t],
      hyoka_record_extension_at: [%i[pointer size_t pointer pointer], :int],
      hyoka_record_figure: [%i[pointer int pointer pointer], :int],
      # evaluation.h
      hyoka_evaluation_stage: [[:pointer], :int],
      hyoka_evaluation_set_stage: [%i[pointer int], :int],
      hyoka_evaluation_fiscal_year: [[:pointer], :int32],
      hyoka_evaluation_set_fiscal_year: [%i[pointer int32], :int],
      hyoka_evaluation_date: [[:pointer], :int32],
      hyoka_evaluation_set_date: [%i[pointer int32], :int],
      hyoka_evaluation_set_text: [%i[pointer int pointer size_t], :int],
      hyoka_evaluation_text: [%i[pointer int], :pointer],
      hyoka_evaluation_expected_outcome: [[:pointer], :int],
      hyoka_evaluation_expected_cost: [[:pointer], :int],
      hyoka_evaluation_set_expected: [%i[pointer int int], :int],
      hyoka_evaluation_set_answer: [%i[pointer pointer size_t pointer size_t], :int],
      hyoka_evaluation_answer: [%i[pointer pointer size_t], :pointer],
      hyoka_evaluation_answer_count: [[:pointer], :size_t],
      hyoka_evaluation_answer_at: [%i[pointer size_t pointer pointer], :int],
      hyoka_evaluation_set_comment: [%i[pointer pointer size_t pointer size_t], :int],
      hyoka_evaluation_comment: [%i[pointer pointer size_t], :pointer],
      hyoka_evaluation_comment_count: [[:pointer], :size_t],
      hyoka_evaluation_comment_at: [%i[pointer size_t pointer pointer], :int],
      hyoka_evaluation_add_goal: [%i[pointer pointer size_t pointer size_t int32], :int],
      hyoka_evaluation_goal_count: [[:pointer], :size_t],
      hyoka_evaluation_goal_at: [%i[pointer size_t pointer pointer pointer], :int],
      hyoka_evaluation_remove_goal: [%i[pointer size_t], :int],
      # scheme.h
      hyoka_scheme_new: [%i[pointer pointer size_t], :int],
      hyoka_scheme_free: [[:pointer], :void],
      hyoka_scheme_copy: [%i[pointer pointer], :int],
      hyoka_scheme_equal: [%i[pointer pointer], :int],
      hyoka_scheme_builtin: [%i[pointer size_t], :pointer],
      hyoka_scheme_builtin_count: [[], :size_t],
      hyoka_scheme_builtin_at: [[:size_t], :pointer],
      hyoka_scheme_is_builtin: [[:pointer], :int],
      hyoka_scheme_id: [[:pointer], :pointer],
      hyoka_scheme_name: [[:pointer], :pointer],
      hyoka_scheme_set_name: [%i[pointer pointer size_t], :int],
      hyoka_scheme_add_criterion: [%i[pointer pointer size_t pointer size_t pointer pointer], :int],
      hyoka_scheme_criterion_count: [[:pointer], :size_t],
      hyoka_scheme_criterion_at: [%i[pointer size_t pointer pointer pointer], :int],
      hyoka_scheme_find_criterion: [%i[pointer pointer size_t pointer], :int],
      hyoka_scheme_set_required: [%i[pointer size_t int], :int],
      hyoka_scheme_required: [%i[pointer size_t], :int],
      hyoka_scheme_add_option: [%i[pointer size_t pointer size_t pointer size_t pointer], :int],
      hyoka_scheme_option_count: [%i[pointer size_t], :size_t],
      hyoka_scheme_option_at: [%i[pointer size_t size_t pointer pointer pointer pointer], :int],
      hyoka_scheme_set_range: [%i[pointer size_t pointer pointer], :int],
      hyoka_scheme_range: [%i[pointer size_t pointer pointer pointer pointer], :int],
      hyoka_scheme_add_verdict: [%i[pointer pointer size_t pointer size_t int], :int],
      hyoka_scheme_verdict_count: [[:pointer], :size_t],
      hyoka_scheme_verdict_at: [%i[pointer size_t pointer pointer pointer], :int],
      hyoka_scheme_find_verdict: [%i[pointer pointer size_t pointer], :int],
      hyoka_scheme_add_budget: [%i[pointer pointer size_t pointer size_t int], :int],
      hyoka_scheme_budget_count: [[:pointer], :size_t],
      hyoka_scheme_budget_at: [%i[pointer size_t pointer pointer pointer], :int],
      hyoka_scheme_find_budget: [%i[pointer pointer size_t pointer], :int],
      hyoka_scheme_add_band: [%i[pointer pointer pointer size_t pointer size_t], :int],
      hyoka_scheme_band_count: [[:pointer], :size_t],
      hyoka_scheme_band_at: [%i[pointer size_t pointer pointer pointer], :int],
      hyoka_scheme_set_missing_rating: [%i[pointer pointer size_t pointer size_t], :int],
      hyoka_scheme_missing_rating: [%i[pointer pointer pointer], :int],
      # figures.h
      hyoka_reason_name: [[:int], :pointer],
      hyoka_reason_message: [%i[int int], :pointer],
      hyoka_costs_figure: [%i[pointer int pointer pointer], :int],
      hyoka_staff_cost: [%i[pointer pointer pointer], :int],
      hyoka_indicator_figure: [%i[pointer int32 int pointer pointer], :int],
      hyoka_costs_figures: [%i[pointer pointer pointer size_t], :int],
      hyoka_indicator_figures: [%i[pointer int32 pointer pointer size_t], :int],
      hyoka_evaluation_score: [%i[pointer pointer pointer], :int],
      hyoka_evaluation_rating: [%i[pointer pointer pointer pointer], :int],
      hyoka_rollup_new: [%i[pointer pointer int int int32], :int, :blocking],
      hyoka_rollup_free: [[:pointer], :void],
      hyoka_rollup_count: [[:pointer], :size_t],
      hyoka_rollup_key: [%i[pointer size_t], :pointer],
      hyoka_rollup_projects: [%i[pointer size_t], :size_t],
      hyoka_rollup_total: [%i[pointer size_t int pointer], :int],
      hyoka_ranking_new: [%i[pointer pointer int int32 int], :int, :blocking],
      hyoka_ranking_free: [[:pointer], :void],
      hyoka_ranking_count: [[:pointer], :size_t],
      hyoka_ranking_at: [%i[pointer size_t pointer pointer pointer], :int],
      hyoka_rollup_start: [%i[pointer int int int32], :int],
      hyoka_rollup_add: [%i[pointer pointer], :int],
      hyoka_ranking_start: [%i[pointer int int32 int], :int],
      hyoka_ranking_add: [%i[pointer pointer], :int],
      hyoka_ranking_entry: [%i[pointer size_t pointer pointer pointer pointer], :int],
      hyoka_ranking_figure: [%i[pointer pointer pointer pointer], :int],
      hyoka_ranking_add_entry: [%i[pointer pointer pointer pointer int], :int],
      # report.h
      hyoka_report_new: [[:pointer], :int],
      hyoka_report_free: [[:pointer], :void],
      hyoka_validate: [%i[pointer pointer], :int, :blocking],
      hyoka_report_add: [%i[pointer string int string string string], :int],
      hyoka_report_append: [%i[pointer pointer], :int],
      hyoka_report_count: [[:pointer], :size_t],
      hyoka_report_count_severity: [%i[pointer int], :size_t],
      hyoka_report_code: [%i[pointer size_t], :pointer],
      hyoka_report_severity: [%i[pointer size_t], :int],
      hyoka_report_path: [%i[pointer size_t], :pointer],
      hyoka_report_position: [%i[pointer size_t pointer pointer], :int],
      hyoka_report_message: [%i[pointer size_t int], :pointer],
      hyoka_report_locate: [%i[pointer pointer size_t], :int, :blocking],
      hyoka_report_total: [[:pointer], :size_t],
      hyoka_report_total_severity: [%i[pointer int], :size_t],
      hyoka_report_dropped: [[:pointer], :size_t],
      hyoka_report_ignored: [[:pointer], :size_t],
      hyoka_report_set_limit: [%i[pointer size_t], :int],
      hyoka_report_limit: [[:pointer], :size_t],
      hyoka_report_tally_count: [[:pointer], :size_t],
      hyoka_report_tally: [%i[pointer size_t pointer pointer pointer], :int],
      hyoka_rules_new: [[:pointer], :int],
      hyoka_rules_free: [[:pointer], :void],
      hyoka_rules_select: [%i[pointer string], :int],
      hyoka_rules_ignore: [%i[pointer string], :int],
      hyoka_rules_set_min_severity: [%i[pointer int], :int],
      hyoka_rules_allows: [%i[pointer string int], :int],
      hyoka_rules_parse: [%i[pointer pointer size_t pointer], :int],
      hyoka_rules_read_file: [%i[pointer string pointer], :int, :blocking],
      hyoka_report_set_rules: [%i[pointer pointer], :int],
      hyoka_code_title: [%i[string int], :pointer],
      hyoka_code_severity: [[:string], :int],
      # json.h
      hyoka_read_options_init: [[:pointer], :int],
      hyoka_json_read: [%i[pointer size_t pointer pointer pointer], :int, :blocking],
      hyoka_json_read_file: [%i[string pointer pointer pointer], :int, :blocking],
      # stream.h (next may call a source back: not :blocking)
      hyoka_stream_open_memory: [%i[pointer pointer size_t pointer pointer], :int],
      hyoka_stream_open_file: [%i[pointer string pointer pointer], :int, :blocking],
      hyoka_stream_open_source: [%i[pointer hyoka_source_fn pointer pointer pointer], :int],
      hyoka_stream_portfolio: [[:pointer], :pointer],
      hyoka_stream_next: [%i[pointer pointer], :int],
      hyoka_stream_index: [[:pointer], :size_t],
      hyoka_stream_detach: [%i[pointer pointer], :int],
      hyoka_stream_validate: [%i[pointer pointer], :int],
      hyoka_stream_free: [[:pointer], :void],
      hyoka_writer_new: [%i[pointer int pointer uint int hyoka_sink_fn pointer], :int],
      hyoka_writer_new_dir: [%i[pointer int pointer string pointer pointer], :int, :blocking],
      hyoka_writer_new_file: [%i[pointer int pointer uint int string], :int, :blocking],
      hyoka_writer_project: [%i[pointer pointer], :int],
      hyoka_writer_finish: [%i[pointer pointer], :int],
      hyoka_writer_free: [[:pointer], :void],
      hyoka_json_write: [%i[pointer uint pointer pointer], :int, :blocking],
      hyoka_json_write_file: [%i[pointer uint string], :int, :blocking],
      hyoka_metrics_write: [%i[pointer pointer uint int pointer pointer], :int, :blocking],
      hyoka_report_write_json: [%i[pointer uint int pointer pointer], :int, :blocking],
      # csv.h
      hyoka_csv_options_init: [[:pointer], :int],
      hyoka_csv_table_name: [[:int], :pointer],
      hyoka_csv_write_table: [%i[pointer int pointer pointer pointer pointer], :int, :blocking],
      hyoka_csv_write_dir: [%i[pointer string pointer pointer], :int, :blocking],
      hyoka_csv_read_tables: [%i[pointer pointer pointer pointer pointer], :int, :blocking],
      hyoka_csv_read_dir: [%i[string pointer pointer pointer], :int, :blocking],
      # rs.h
      hyoka_rs_options_init: [[:pointer], :int],
      hyoka_rs_table_name: [[:int], :pointer],
      hyoka_rs_table_title: [[:int], :pointer],
      hyoka_rs_write_table: [%i[pointer int pointer pointer pointer pointer], :int, :blocking],
      hyoka_rs_write_dir: [%i[pointer string pointer pointer], :int, :blocking],
      hyoka_rs_read_tables: [%i[pointer pointer pointer pointer pointer], :int, :blocking],
      hyoka_rs_read_dir: [%i[string pointer pointer pointer], :int, :blocking],
      hyoka_cp932_encode: [%i[pointer size_t pointer pointer pointer], :int],
      hyoka_cp932_decode: [%i[pointer size_t pointer pointer pointer], :int],
      hyoka_metrics_csv_write: [%i[pointer int pointer pointer pointer pointer], :int, :blocking],
      hyoka_metrics_csv_write_dir: [%i[pointer string pointer pointer], :int, :blocking],
      # html.h
      hyoka_html_project: [%i[pointer int pointer pointer], :int, :blocking],
      hyoka_html_portfolio: [%i[pointer int pointer pointer], :int, :blocking],
      hyoka_html_file_name: [%i[size_t pointer size_t pointer], :int],
      hyoka_html_write_dir: [%i[pointer int string], :int, :blocking],
      hyoka_html_write_dir_flags: [%i[pointer int string uint], :int, :blocking]
    }.freeze
  end
end
