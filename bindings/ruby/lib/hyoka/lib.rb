# frozen_string_literal: true

require 'ffi'
require 'open3'

module Hyoka
  # The library that was found is not usable (missing, or an incompatible
  # major version). A LoadError, so `rescue LoadError` around `require
  # 'hyoka'` catches it.
  class LibraryError < ::LoadError; end

  # The major version this binding speaks (libhyoka.so.1).
  ABI_MAJOR = 1

  # Raw functions of libhyoka, attached with FFI. Use the classes of the
  # Hyoka module instead: they own the handles, convert text and decimals,
  # and raise Hyoka::Error on failure.
  module Lib
    extend FFI::Library

    class << self
      # Where the library is looked for, in order: $HYOKA_LIBRARY (the path
      # of libhyoka.so.1 or of its folder; when set, nothing else is
      # tried), the libdir pkg-config gives for hyoka, then the system
      # search path.
      def candidates
        env = ENV['HYOKA_LIBRARY']
        if env && !env.empty?
          return [File.directory?(env) ? File.join(env, 'libhyoka.so.1') : env]
        end

        list = []
        libdir = pkg_config_libdir
        list << File.join(libdir, 'libhyoka.so.1') if libdir
        list << 'libhyoka.so.1'
        list
      end

      # The path (or name) the library was loaded from.
      attr_reader :path

      # Symbols the loaded library lacks (an older library, or modules still
      # being written); calling them raises Hyoka::NotImplemented.
      def missing
        @missing ||= []
      end

      def available?(name)
        respond_to?(name) && !missing.include?(name.to_sym)
      end

      private

      def pkg_config_libdir
        out, status = Open3.capture2e('pkg-config', '--variable=libdir', 'hyoka')
        dir = out.strip
        status.success? && !dir.empty? ? dir : nil
      rescue SystemCallError
        nil
      end

      def locate
        errors = []
        candidates.each do |name|
          begin
            FFI::DynamicLibrary.open(name, FFI::DynamicLibrary::RTLD_LAZY | FFI::DynamicLibrary::RTLD_LOCAL)
            return name
          rescue ::LoadError => e
            errors << "#{name}: #{e.message}"
          end
        end
        raise LibraryError, "hyoka: cannot load libhyoka (set HYOKA_LIBRARY to its path). Tried:\n  " +
                            errors.join("\n  ")
      end

      # Attach a function; when the library lacks it, define a method that
      # raises Hyoka::NotImplemented only when called.
      def fn(name, args, ret, blocking: false)
        attach_function(name, args, ret, blocking: blocking)
      rescue FFI::NotFoundError
        missing << name
        define_singleton_method(name) do |*_a|
          raise Hyoka::NotImplemented.new(
            "#{name} is not in the loaded libhyoka (#{Lib.path}): this build does not provide it yet",
            Hyoka::NotImplemented::CODE
          )
        end
      end
    end

    @path = locate
    ffi_lib @path

    # ---- version, errors, allocator ----------------------------------
    fn :hyoka_version, [], :int
    fn :hyoka_version_string, [], :string
    fn :hyoka_limit, [:int], :int64
    fn :hyoka_strerror, [:int], :string
    fn :hyoka_status_name, [:int], :string
    fn :hyoka_error_last, [], :pointer
    fn :hyoka_error_last_code, [], :int
    fn :hyoka_error_clear, [], :void
    fn :hyoka_free, [:pointer], :void

    # ---- enumerations ----------------------------------------------------
    fn :hyoka_enum_count, [:int], :int
    fn :hyoka_enum_name, %i[int int], :pointer
    fn :hyoka_enum_value, %i[int pointer size_t pointer], :int

    # ---- decimals --------------------------------------------------------
    fn :hyoka_decimal_parse, %i[pointer size_t pointer], :int
    fn :hyoka_decimal_parse_printed, %i[pointer size_t pointer], :int
    fn :hyoka_decimal_format, %i[pointer uint pointer size_t pointer], :int
    fn :hyoka_decimal_scale, [:pointer], :int
    fn :hyoka_decimal_div, %i[pointer pointer int int pointer], :int
    fn :hyoka_decimal_round, %i[pointer int int pointer], :int
    fn :hyoka_yen_from_thousands, %i[pointer pointer], :int

    # ---- calendar --------------------------------------------------------
    fn :hyoka_fiscal_year_parse, %i[pointer size_t pointer pointer], :int
    fn :hyoka_fiscal_year_format, %i[int32 uint pointer size_t pointer], :int
    fn :hyoka_date_make, %i[int32 int int pointer], :int
    fn :hyoka_date_split, %i[int32 pointer pointer pointer], :int
    fn :hyoka_date_parse, %i[pointer size_t pointer pointer], :int
    fn :hyoka_date_to_iso, %i[int32 pointer size_t pointer], :int
    fn :hyoka_date_format, %i[int32 uint pointer size_t pointer], :int
    fn :hyoka_date_fiscal_year, %i[int32 pointer], :int

    # ---- portfolio -------------------------------------------------------
    fn :hyoka_portfolio_new, [:pointer], :int
    fn :hyoka_portfolio_free, [:pointer], :void
    fn :hyoka_portfolio_copy, %i[pointer pointer], :int
    fn :hyoka_portfolio_equal, %i[pointer pointer], :int
    fn :hyoka_municipality_code_check, %i[pointer size_t], :int
    fn :hyoka_portfolio_set_municipality, %i[pointer pointer size_t pointer size_t], :int
    fn :hyoka_portfolio_municipality_name, [:pointer], :pointer
    fn :hyoka_portfolio_municipality_code, [:pointer], :pointer
    fn :hyoka_portfolio_set_denominator, %i[pointer int32 int int64], :int
    fn :hyoka_portfolio_denominator, %i[pointer int32 int pointer], :int
    fn :hyoka_portfolio_clear_denominator, %i[pointer int32 int], :int
    fn :hyoka_portfolio_denominator_count, [:pointer], :size_t
    fn :hyoka_portfolio_denominator_year_at, %i[pointer size_t], :int32
    fn :hyoka_portfolio_amount_unit, [:pointer], :int
    fn :hyoka_portfolio_set_amount_unit, %i[pointer int], :int
    fn :hyoka_portfolio_set_rounding, %i[pointer int int int int], :int
    fn :hyoka_portfolio_rounding, %i[pointer int pointer pointer pointer], :int
    fn :hyoka_portfolio_clear_rounding, %i[pointer int], :int
    fn :hyoka_portfolio_set_stated_tolerance, %i[pointer int64], :int
    fn :hyoka_portfolio_stated_tolerance, [:pointer], :int64
    fn :hyoka_portfolio_add_scheme, %i[pointer pointer], :int
    fn :hyoka_portfolio_scheme_count, [:pointer], :size_t
    fn :hyoka_portfolio_scheme_at, %i[pointer size_t], :pointer
    fn :hyoka_portfolio_find_scheme, %i[pointer pointer size_t], :pointer
    fn :hyoka_portfolio_remove_scheme, %i[pointer size_t], :int
    fn :hyoka_portfolio_add_project, %i[pointer pointer], :int
    fn :hyoka_portfolio_project_count, [:pointer], :size_t
    fn :hyoka_portfolio_project_at, %i[pointer size_t], :pointer
    fn :hyoka_portfolio_find_project, %i[pointer pointer size_t], :pointer
    fn :hyoka_portfolio_remove_project, %i[pointer size_t], :int
    fn :hyoka_project_portfolio, [:pointer], :pointer

    # ---- project ---------------------------------------------------------
    fn :hyoka_project_new, [:pointer], :int
    fn :hyoka_project_free, [:pointer], :void
    fn :hyoka_project_copy, %i[pointer pointer], :int
    fn :hyoka_project_equal, %i[pointer pointer], :int
    fn :hyoka_project_set_text, %i[pointer int pointer size_t], :int
    fn :hyoka_project_text, %i[pointer int], :pointer
    fn :hyoka_project_duty, [:pointer], :int
    fn :hyoka_project_set_duty, %i[pointer int], :int
    fn :hyoka_project_period, [:pointer], :int
    fn :hyoka_project_set_period, %i[pointer int], :int
    fn :hyoka_project_start_year, [:pointer], :int32
    fn :hyoka_project_end_year, [:pointer], :int32
    fn :hyoka_project_set_period_years, %i[pointer int32 int32], :int
    fn :hyoka_project_add_class, %i[pointer int pointer size_t pointer size_t pointer size_t], :int
    fn :hyoka_project_class_count, %i[pointer int], :size_t
    fn :hyoka_project_class_at, %i[pointer int size_t pointer pointer pointer], :int
    fn :hyoka_project_clear_class, %i[pointer int], :int
    fn :hyoka_project_add_year, %i[pointer int32 pointer], :int
    fn :hyoka_project_year_count, [:pointer], :size_t
    fn :hyoka_project_year_at, %i[pointer size_t], :pointer
    fn :hyoka_project_find_year, %i[pointer int32], :pointer
    fn :hyoka_project_remove_year, %i[pointer size_t], :int
    fn :hyoka_project_add_indicator, %i[pointer int pointer], :int
    fn :hyoka_project_indicator_count, [:pointer], :size_t
    fn :hyoka_project_indicator_at, %i[pointer size_t], :pointer
    fn :hyoka_project_remove_indicator, %i[pointer size_t], :int
    fn :hyoka_project_add_evaluation, %i[pointer int pointer], :int
    fn :hyoka_project_evaluation_count, [:pointer], :size_t
    fn :hyoka_project_evaluation_at, %i[pointer size_t], :pointer
    fn :hyoka_project_remove_evaluation, %i[pointer size_t], :int
    fn :hyoka_project_add_child, %i[pointer pointer], :int
    fn :hyoka_project_child_count, [:pointer], :size_t
    fn :hyoka_project_child_at, %i[pointer size_t], :pointer
    fn :hyoka_project_remove_child, %i[pointer size_t], :int
    fn :hyoka_project_parent, [:pointer], :pointer
    fn :hyoka_project_set_extension, %i[pointer pointer size_t pointer size_t], :int
    fn :hyoka_project_extension, %i[pointer pointer size_t], :pointer
    fn :hyoka_project_extension_count, [:pointer], :size_t
    fn :hyoka_project_extension_at, %i[pointer size_t pointer pointer], :int

    # ---- cost years and staff -------------------------------------------
    fn :hyoka_costs_fiscal_year, [:pointer], :int32
    fn :hyoka_costs_set_fiscal_year, %i[pointer int32], :int
    fn :hyoka_costs_phase, [:pointer], :int
    fn :hyoka_costs_set_phase, %i[pointer int], :int
    fn :hyoka_costs_set, %i[pointer int int64], :int
    fn :hyoka_costs_get, %i[pointer int pointer], :int
    fn :hyoka_costs_clear, %i[pointer int], :int
    fn :hyoka_costs_set_stated, %i[pointer int pointer int], :int
    fn :hyoka_costs_stated, %i[pointer int pointer pointer], :int
    fn :hyoka_costs_clear_stated, %i[pointer int], :int
    fn :hyoka_costs_add_staff, %i[pointer int pointer], :int
    fn :hyoka_costs_staff_count, [:pointer], :size_t
    fn :hyoka_costs_staff_at, %i[pointer size_t], :pointer
    fn :hyoka_costs_remove_staff, %i[pointer size_t], :int
    fn :hyoka_staff_category, [:pointer], :int
    fn :hyoka_staff_set_category, %i[pointer int], :int
    fn :hyoka_staff_set_decimal, %i[pointer int pointer], :int
    fn :hyoka_staff_get_decimal, %i[pointer int pointer], :int
    fn :hyoka_staff_set_amount, %i[pointer int int64], :int
    fn :hyoka_staff_get_amount, %i[pointer int pointer], :int
    fn :hyoka_staff_clear, %i[pointer int], :int

    # ---- indicators ------------------------------------------------------
    fn :hyoka_indicator_kind, [:pointer], :int
    fn :hyoka_indicator_set_kind, %i[pointer int], :int
    fn :hyoka_indicator_set_text, %i[pointer int pointer size_t], :int
    fn :hyoka_indicator_text, %i[pointer int], :pointer
    fn :hyoka_indicator_direction, [:pointer], :int
    fn :hyoka_indicator_set_direction, %i[pointer int], :int
    fn :hyoka_indicator_not_settable, [:pointer], :int
    fn :hyoka_indicator_set_not_settable, %i[pointer int], :int
    fn :hyoka_indicator_set_long_term, %i[pointer pointer int32], :int
    fn :hyoka_indicator_long_term, %i[pointer pointer pointer], :int
    fn :hyoka_indicator_add_year, %i[pointer int32], :int
    fn :hyoka_indicator_year_count, [:pointer], :size_t
    fn :hyoka_indicator_year_at, %i[pointer size_t], :int32
    fn :hyoka_indicator_remove_year, %i[pointer int32], :int
    fn :hyoka_indicator_set_value, %i[pointer int32 int pointer], :int
    fn :hyoka_indicator_value, %i[pointer int32 int pointer], :int

    # ---- evaluations -----------------------------------------------------
    fn :hyoka_evaluation_stage, [:pointer], :int
    fn :hyoka_evaluation_set_stage, %i[pointer int], :int
    fn :hyoka_evaluation_fiscal_year, [:pointer], :int32
    fn :hyoka_evaluation_set_fiscal_year, %i[pointer int32], :int
    fn :hyoka_evaluation_date, [:pointer], :int32
    fn :hyoka_evaluation_set_date, %i[pointer int32], :int
    fn :hyoka_evaluation_set_text, %i[pointer int pointer size_t], :int
    fn :hyoka_evaluation_text, %i[pointer int], :pointer
    fn :hyoka_evaluation_expected_outcome, [:pointer], :int
    fn :hyoka_evaluation_expected_cost, [:pointer], :int
    fn :hyoka_evaluation_set_expected, %i[pointer int int], :int
    fn :hyoka_evaluation_set_answer, %i[pointer pointer size_t pointer size_t], :int
    fn :hyoka_evaluation_answer, %i[pointer pointer size_t], :pointer
    fn :hyoka_evaluation_answer_count, [:pointer], :size_t
    fn :hyoka_evaluation_answer_at, %i[pointer size_t pointer pointer], :int
    fn :hyoka_evaluation_set_comment, %i[pointer pointer size_t pointer size_t], :int
    fn :hyoka_evaluation_comment, %i[pointer pointer size_t], :pointer
    fn :hyoka_evaluation_comment_count, [:pointer], :size_t
    fn :hyoka_evaluation_comment_at, %i[pointer size_t pointer pointer], :int
    fn :hyoka_evaluation_add_goal, %i[pointer pointer size_t pointer size_t int32], :int
    fn :hyoka_evaluation_goal_count, [:pointer], :size_t
    fn :hyoka_evaluation_goal_at, %i[pointer size_t pointer pointer pointer], :int
    fn :hyoka_evaluation_remove_goal, %i[pointer size_t], :int

    # ---- schemes ---------------------------------------------------------
    fn :hyoka_scheme_new, %i[pointer pointer size_t], :int
    fn :hyoka_scheme_free, [:pointer], :void
    fn :hyoka_scheme_copy, %i[pointer pointer], :int
    fn :hyoka_scheme_equal, %i[pointer pointer], :int
    fn :hyoka_scheme_builtin, %i[pointer size_t], :pointer
    fn :hyoka_scheme_builtin_count, [], :size_t
    fn :hyoka_scheme_builtin_at, [:size_t], :pointer
    fn :hyoka_scheme_is_builtin, [:pointer], :int
    fn :hyoka_scheme_id, [:pointer], :pointer
    fn :hyoka_scheme_name, [:pointer], :pointer
    fn :hyoka_scheme_set_name, %i[pointer pointer size_t], :int
    fn :hyoka_scheme_add_criterion, %i[pointer pointer size_t pointer size_t pointer pointer], :int
    fn :hyoka_scheme_criterion_count, [:pointer], :size_t
    fn :hyoka_scheme_criterion_at, %i[pointer size_t pointer pointer pointer], :int
    fn :hyoka_scheme_set_required, %i[pointer size_t int], :int
    fn :hyoka_scheme_required, %i[pointer size_t], :int
    fn :hyoka_scheme_add_option, %i[pointer size_t pointer size_t pointer size_t pointer], :int
    fn :hyoka_scheme_option_count, %i[pointer size_t], :size_t
    fn :hyoka_scheme_option_at, %i[pointer size_t size_t pointer pointer pointer pointer], :int
    fn :hyoka_scheme_set_range, %i[pointer size_t pointer pointer], :int
    fn :hyoka_scheme_range, %i[pointer size_t pointer pointer pointer pointer], :int
    fn :hyoka_scheme_add_verdict, %i[pointer pointer size_t pointer size_t int], :int
    fn :hyoka_scheme_verdict_count, [:pointer], :size_t
    fn :hyoka_scheme_verdict_at, %i[pointer size_t pointer pointer pointer], :int
    fn :hyoka_scheme_add_budget, %i[pointer pointer size_t pointer size_t int], :int
    fn :hyoka_scheme_budget_count, [:pointer], :size_t
    fn :hyoka_scheme_budget_at, %i[pointer size_t pointer pointer pointer], :int
    fn :hyoka_scheme_add_band, %i[pointer pointer pointer size_t pointer size_t], :int
    fn :hyoka_scheme_band_count, [:pointer], :size_t
    fn :hyoka_scheme_band_at, %i[pointer size_t pointer pointer pointer], :int
    fn :hyoka_scheme_set_missing_rating, %i[pointer pointer size_t pointer size_t], :int
    fn :hyoka_scheme_missing_rating, %i[pointer pointer pointer], :int

    # ---- figures ---------------------------------------------------------
    fn :hyoka_reason_name, [:int], :pointer
    fn :hyoka_reason_message, %i[int int], :pointer
    fn :hyoka_costs_figure, %i[pointer int pointer pointer], :int
    fn :hyoka_staff_cost, %i[pointer pointer pointer], :int
    fn :hyoka_indicator_figure, %i[pointer int32 int pointer pointer], :int
    fn :hyoka_evaluation_score, %i[pointer pointer pointer], :int
    fn :hyoka_evaluation_rating, %i[pointer pointer pointer pointer], :int
    fn :hyoka_rollup_new, %i[pointer pointer int int int32], :int, blocking: true
    fn :hyoka_rollup_free, [:pointer], :void
    fn :hyoka_rollup_count, [:pointer], :size_t
    fn :hyoka_rollup_key, %i[pointer size_t], :pointer
    fn :hyoka_rollup_projects, %i[pointer size_t], :size_t
    fn :hyoka_rollup_total, %i[pointer size_t int pointer], :int
    fn :hyoka_ranking_new, %i[pointer pointer int int32 int], :int, blocking: true
    fn :hyoka_ranking_free, [:pointer], :void
    fn :hyoka_ranking_count, [:pointer], :size_t
    fn :hyoka_ranking_at, %i[pointer size_t pointer pointer pointer], :int

    # ---- reports ---------------------------------------------------------
    fn :hyoka_report_new, [:pointer], :int
    fn :hyoka_report_free, [:pointer], :void
    fn :hyoka_validate, %i[pointer pointer], :int, blocking: true
    fn :hyoka_report_add, %i[pointer string int string string string], :int
    fn :hyoka_report_count, [:pointer], :size_t
    fn :hyoka_report_count_severity, %i[pointer int], :size_t
    fn :hyoka_report_code, %i[pointer size_t], :pointer
    fn :hyoka_report_severity, %i[pointer size_t], :int
    fn :hyoka_report_path, %i[pointer size_t], :pointer
    fn :hyoka_report_position, %i[pointer size_t pointer pointer], :int
    fn :hyoka_report_message, %i[pointer size_t int], :pointer
    fn :hyoka_report_locate, %i[pointer pointer size_t], :int, blocking: true
    fn :hyoka_code_title, %i[string int], :pointer
    fn :hyoka_code_severity, [:string], :int

    # ---- JSON ------------------------------------------------------------
    fn :hyoka_read_options_init, [:pointer], :int
    fn :hyoka_json_read, %i[pointer size_t pointer pointer pointer], :int, blocking: true
    fn :hyoka_json_read_file, %i[string pointer pointer pointer], :int, blocking: true
    fn :hyoka_json_write, %i[pointer uint pointer pointer], :int, blocking: true
    fn :hyoka_json_write_file, %i[pointer uint string], :int, blocking: true
    fn :hyoka_metrics_write, %i[pointer pointer uint int pointer pointer], :int, blocking: true
    fn :hyoka_report_write_json, %i[pointer uint int pointer pointer], :int, blocking: true

    # ---- CSV -------------------------------------------------------------
    fn :hyoka_csv_options_init, [:pointer], :int
    fn :hyoka_csv_table_name, [:int], :pointer
    fn :hyoka_csv_write_table, %i[pointer int pointer pointer pointer pointer], :int, blocking: true
    fn :hyoka_csv_write_dir, %i[pointer string pointer pointer], :int, blocking: true
    fn :hyoka_csv_read_dir, %i[string pointer pointer pointer], :int, blocking: true
    fn :hyoka_cp932_encode, %i[pointer size_t pointer pointer pointer], :int
    fn :hyoka_cp932_decode, %i[pointer size_t pointer pointer pointer], :int

    # ---- HTML ------------------------------------------------------------
    fn :hyoka_html_project, %i[pointer int pointer pointer], :int, blocking: true
    fn :hyoka_html_portfolio, %i[pointer int pointer pointer], :int, blocking: true
    fn :hyoka_html_file_name, %i[size_t pointer size_t pointer], :int
    fn :hyoka_html_write_dir, %i[pointer int string], :int, blocking: true

    # The runtime version must have our major version.
    runtime = hyoka_version
    if runtime / 10_000 != ABI_MAJOR
      raise LibraryError, "hyoka: #{@path} is version #{hyoka_version_string} " \
                          "(#{runtime}); this binding needs major version #{ABI_MAJOR}"
    end
  end

  # hyoka_read_options (json.h): a versioned options struct.
  class ReadOptions < FFI::Struct
    layout :size, :size_t,
           :max_depth, :size_t,
           :max_document, :size_t,
           :max_string, :size_t,
           :max_number, :size_t,
           :max_diagnostics, :size_t
  end

  # hyoka_csv_options (csv.h): a versioned options struct.
  class CsvOptions < FFI::Struct
    layout :size, :size_t,
           :encoding, :int,
           :max_field, :size_t,
           :max_row, :size_t,
           :max_diagnostics, :size_t
  end
end
