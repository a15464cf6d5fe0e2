# frozen_string_literal: true

# hyoka: Japanese municipal program evaluation sheets (事務事業評価) —
# Ruby binding of libhyoka on the ffi gem.
#
#   require 'hyoka'
#   pf = Hyoka::Portfolio.new(municipality_name: '所沢市')
#   pf.set_denominator(2007, population: 339_300)
#   pr = pf.add_project(code: '010802', name: '情報セキュリティ対策推進事業')
#   y = pr.add_year(2007, phase: :settled, settlement: 0, usage: 1054)
#   y.add_staff(category: :regular, fte: '1.77', amount: 16_627_000)
#   y.figure(:per_capita).value   # => 0.49e2 (BigDecimal "49.0")
#
# The library is found through $HYOKA_LIBRARY, pkg-config, then the system
# path; see Hyoka::Lib.

require 'bigdecimal'
require 'json'
require 'ffi'

require_relative 'hyoka/version'
require_relative 'hyoka/lib'
require_relative 'hyoka/support'
require_relative 'hyoka/errors'
require_relative 'hyoka/values'
require_relative 'hyoka/handle'
require_relative 'hyoka/portfolio'
require_relative 'hyoka/project'
require_relative 'hyoka/cost_year'
require_relative 'hyoka/indicator'
require_relative 'hyoka/record'
require_relative 'hyoka/scheme'
require_relative 'hyoka/metrics'
require_relative 'hyoka/stream'

module Hyoka
  # Calendar formatting flags (HYOKA_CAL_FMT_* of calendar.h): { strict: 0x1, ... }.
  CAL_FMT = API.constants_with('HYOKA_CAL_FMT_')
  # The CSV tables in hyoka_csv_table order, named by the library.
  CSV_TABLES = (0...API::HYOKA_CSV_TABLE_COUNT).map { |i| Lib.hyoka_csv_table_name(i).read_string.to_sym }.freeze
  # Built-in limits (hyoka_limit_id of version.h): { decimal_max_scale: 0, ... }.
  LIMITS = API.constants_with('HYOKA_LIMIT_')
  private_constant :LIMITS
  # Which entries of a list of figures are yen (Hyoka.yen_entries), by list.
  @yen_entries = {}.compare_by_identity

  class << self
    # The version of the loaded library as an Integer (10000 * major + ...).
    def library_version
      Lib.hyoka_version
    end

    # The version of the loaded library as "major.minor.patch".
    def library_version_string
      Lib.hyoka_version_string
    end

    # Path (or soname) of the loaded library.
    def library_path
      Lib.path
    end

    # A built-in limit (:text_max, :fiscal_year_min...).
    def limit(which)
      Lib.hyoka_limit(which.is_a?(Integer) ? which : LIMITS.fetch(which))
    end

    # Parse a decimal exactly ("1.50", "1.5e1") into a BigDecimal.
    # printed: true also accepts sheet forms ("16,627", "△5", "１２").
    def parse_decimal(text, printed: false)
      s, l = Support.utf8_in(text)
      mem = Support.new_decimal
      fn = printed ? :hyoka_decimal_parse_printed : :hyoka_decimal_parse
      check(Lib.__send__(fn, s, l, mem), 'decimal')
      Support.decimal_out(mem)
    end

    # Round a decimal once, exactly: Hyoka.round('2.25', 1, :half_even) → 2.2.
    def round(value, places, mode = :half_up)
      out = Support.new_decimal
      check(Lib.hyoka_decimal_round(Support.decimal_in(value), Integer(places),
                                    Support.enum_in(:rounding, mode, allow_nil: false), out), 'round')
      Support.decimal_out(out)
    end

    # a ÷ b rounded once to +places+ by +mode+ (exact, never Float).
    def divide(a, b, places: 1, mode: :half_up)
      out = Support.new_decimal
      check(Lib.hyoka_decimal_div(Support.decimal_in(a), Support.decimal_in(b), Integer(places),
                                  Support.enum_in(:rounding, mode, allow_nil: false), out), 'divide')
      Support.decimal_out(out)
    end

    # Parse a fiscal year as written on a sheet ("平成19年度", "H19",
    # "令和元年度", "2024年度") into an Integer.
    def fiscal_year(text)
      s, l = Support.utf8_in(text)
      out = FFI::MemoryPointer.new(:int32)
      check(Lib.hyoka_fiscal_year_parse(s, l, out, nil), "fiscal year #{text.inspect}")
      out.read(:int32)
    end

    # Write a fiscal year: "令和元年度"; flags among :strict,
    # :numeric_first, :abbrev, :western, :fullwidth, :no_suffix.
    def format_fiscal_year(fiscal_year, *flags)
      f = cal_flags(flags)
      Support.format_call { |buf, size, len| Lib.hyoka_fiscal_year_format(Integer(fiscal_year), f, buf, size, len) }
    end

    # Parse a date ("平成20年5月15日", "2008/5/15", "H20.5.15") to ISO
    # text ("2008-05-15"; "2008-12" for a month).
    def parse_date(text)
      Support.date_out(date_value(text))
    end

    # Write a date (ISO text or a Date) in era notation: "平成20年5月15日".
    def format_date(date, *flags)
      d = Support.date_in(date)
      f = cal_flags(flags)
      Support.format_call { |buf, size, len| Lib.hyoka_date_format(d, f, buf, size, len) }
    end

    # The title of a diagnostic code ("C005") in :en or :ja (by position or
    # lang:; nil: Hyoka.default_lang).
    def code_title(code, lang_ = UNGIVEN, lang: UNGIVEN)
      Support.utf8_out(Lib.hyoka_code_title(code.to_s, Support.lang_in(Support.either(:lang, lang_, lang))))
    end

    # The language messages default to when no lang is given: :ja when the
    # locale (LC_ALL, else LC_MESSAGES, else LANG) starts with "ja", else
    # :en. The library decides (hyoka_lang_default), so the Ruby and Python
    # bindings agree.
    def default_lang
      Support.enum_out(:lang, Support.lang_in(nil))
    end

    # Internal: a date as YYYYMMDD.
    def date_value(text)
      s, l = Support.utf8_in(text)
      out = FFI::MemoryPointer.new(:int32)
      check(Lib.hyoka_date_parse(s, l, out, nil), "date #{text.inspect}")
      out.read(:int32)
    end

    # Internal: the Figure of a figure computation.
    def figure_result(status, name, value_mem, reason_mem)
      if status.zero?
        available_figure(name, Support.decimal_string(value_mem))
      elsif status == Unavailable::CODE
        Figure.new(nil, Support.enum_out(:reason, reason_mem.read(:int)), nil)
      else
        check(status, name.to_s)
      end
    end

    # Internal: the Figure of an available figure, from its text.
    def available_figure(name, text)
      value = YEN_FIGURES.include?(name.to_sym) && !text.include?('.') ? Integer(text, 10) : BigDecimal(text)
      Figure.new(value, nil, text)
    end

    # Internal: { name => Figure } of a bulk figure call, whose block fills
    # entry i with figure names[i] (values, reasons, count); an entry that
    # failed (a negative status in place of its reason) raises as the
    # one-figure call does. +names+ is one of the frozen lists of figures
    # (YEAR_FIGURES, INDICATOR_FIGURES): which of its entries are yen is
    # worked out once per list. The arrays are this fiber's (the figures are
    # converted before its next call), the reasons read at once; the loop
    # is the per-figure work of #available_figure written out. With
    # values_only: { name => value }, nil for an unavailable figure.
    def bulk_figures(names, values_only: false)
      n = names.size
      a = Thread.current[:hyoka_bulk_figures]
      a = Thread.current[:hyoka_bulk_figures] = Support::BulkArrays.new(n) if a.nil? || a.size < n
      check(yield(a.values, a.reasons, n))
      yen = yen_entries(names)
      entries = a.entries
      buf = a.text.buffer
      out = {}
      i = 0
      a.reasons.read_array_of_int(n).each do |status|
        name = names[i]
        if status.zero?
          rc = Lib.hyoka_decimal_format(entries[i], 0, buf, Support::DECIMAL_STRING_MAX, nil)
          check(rc) if rc.negative?
          text = buf.get_string(0)
          value = yen[i] && !text.include?('.') ? Integer(text, 10) : BigDecimal(text)
          out[name] = values_only ? value : Figure.new(value, nil, text)
        elsif status.positive?
          out[name] = values_only ? nil : Figure.new(nil, Support.enum_out(:reason, status), nil)
        else
          check(status, name.to_s)
        end
        i += 1
      end
      out
    end

    # Internal: [true/false per entry of +names+]: whether it is a yen figure
    # (an Integer when it has no places); one frozen array per list.
    def yen_entries(names)
      @yen_entries[names] ||= names.map { |name| YEN_FIGURES.include?(name) }.freeze
    end

    YEAR_KEYS = YEAR_FIGURES.map(&:to_s).freeze
    VALUE_KEYS = %w[achievement change].freeze

    # Internal: convert the decimal strings of parsed hyoka-metrics/1 to
    # BigDecimal where figures are (money is already Integer; reasons under
    # "unavailable" and texts stay Strings).
    def convert_metrics(doc)
      doc['projects']&.each { |p| convert_metrics_project(p) }
      doc
    end

    def convert_metrics_project(pr)
      pr['years']&.each { |y| convert_keys(y, YEAR_KEYS) }
      pr['indicators']&.each { |ind| ind['values']&.each { |v| convert_keys(v, VALUE_KEYS) } }
      pr['evaluations']&.each do |e|
        s = e['score']
        e['score'] = BigDecimal(s) if s.is_a?(String)
      end
      pr['children']&.each { |c| convert_metrics_project(c) }
    end

    def convert_keys(hash, keys)
      keys.each do |k|
        v = hash[k]
        hash[k] = BigDecimal(v) if v.is_a?(String)
      end
    end

    # The RS tables of the national review sheets in hyoka_rs_table order
    # ("1-1" ... "6-1"), the start of their file names.
    def rs_table_names
      (0...API::HYOKA_RS_TABLE_COUNT).map { |i| Lib.hyoka_rs_table_name(i).read_string.force_encoding(Encoding::UTF_8) }
    end

    # A portfolio from a folder of RS tables (Portfolio.from_rs_dir).
    def read_rs(path, **options, &block)
      Portfolio.from_rs_dir(path, **options, &block)
    end

    # Internal: the index of a CSV table name.
    def csv_table_index(table)
      CSV_TABLES.index(table.to_sym) || raise(InvalidArgument, "unknown CSV table #{table.inspect}")
    end

    private

    def cal_flags(flags)
      flags.flatten.reduce(0) do |acc, f|
        acc | CAL_FMT.fetch(f) { raise InvalidArgument, "unknown calendar flag #{f.inspect}" }
      end
    end
  end
end
