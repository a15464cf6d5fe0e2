# frozen_string_literal: true

module Hyoka
  # A diagnostic of validation or reading (docs/validation.md): a stable code
  # ("C005"), a severity (:error, :warning, :info), a JSON-pointer path,
  # line and column in the text it was read from (nil when unknown), and
  # the message in the language asked for.
  Diagnostic = Struct.new(:code, :severity, :path, :line, :column, :message) do
    def error?
      severity == :error
    end

    def warning?
      severity == :warning
    end

    def to_s
      where = line ? "#{line}:#{column}: " : ''
      "#{where}#{severity} #{code}: #{message} (#{path.empty? ? '/' : path})"
    end
  end

  # A computed figure: #value is an Integer (yen) for money figures, a
  # BigDecimal for the others, nil when unavailable; #reason then says why
  # (:no_population, :target_zero...). #text is the figure as printed, with
  # its places ("49.0").
  Figure = Struct.new(:value, :reason, :text) do
    def available?
      !value.nil?
    end

    # The reason as a sentence (lang :en or :ja; nil: Hyoka.default_lang);
    # nil when available.
    def reason_message(lang = nil)
      return nil if reason.nil?

      Support.utf8_out(Lib.hyoka_reason_message(Support.enum_in(:reason, reason), Support.lang_in(lang)))
    end

    def to_s
      text || "(#{reason})"
    end
  end

  # A figure as the sheet printed it: value (BigDecimal, with #text keeping
  # the printed places) and the unit it was printed in (:yen, :thousand_yen).
  Stated = Struct.new(:value, :unit, :text)

  # The rounding in force for a figure.
  Rounding = Struct.new(:places, :mode, :unit, :overridden)

  # One level of a classification path (政策 > 施策 > ..., 会計 > 款 > ...).
  ClassLevel = Struct.new(:level, :code, :name)

  # A goal of an evaluation; +by+ is an ISO date ("2008-12") or nil.
  Goal = Struct.new(:what, :level, :by)

  # The rating band of an evaluation (code, label) or why there is none.
  Rating = Struct.new(:code, :label, :reason) do
    def available?
      !code.nil?
    end
  end

  # Pieces of a scheme.
  SchemeOption = Struct.new(:code, :label, :score)
  Criterion = Struct.new(:code, :label, :weight, :required, :options, :range)
  Verdict = Struct.new(:code, :label, :group)
  BudgetDirection = Struct.new(:code, :label, :kind)
  Band = Struct.new(:min, :code, :label)

  # A row of a roll-up: the group key, its number of projects and the
  # totals of the money figures (Integer yen).
  RollupRow = Struct.new(:key, :projects, :totals)

  # Figures that are money (Integer yen); every other figure is a decimal.
  MONEY_FIGURES = %i[expense personnel debt_service indirect_costs total_cost general_revenue
                     specific_revenue].freeze
  # Every figure name of the library, in its order.
  FIGURES = Support.enum_table(:figure).keys.freeze
  # Figures in Integer yen: the money figures and a budget record's unspent amount.
  YEN_FIGURES = (MONEY_FIGURES + %i[unspent]).freeze
  # Figures of records (Record#figure).
  RECORD_FIGURES = %i[unspent appropriation_rate account_share single_bidder_share noncompetitive_share].freeze
  # Figures of a cost year, in the order of the metrics output (those of
  # an indicator, an evaluation and records aside).
  YEAR_FIGURES = (FIGURES - %i[achievement change score] - RECORD_FIGURES).freeze

  # Internal: a report (hyoka_report) owned by Ruby.
  class Report
    def initialize
      out = FFI::MemoryPointer.new(:pointer)
      Hyoka.check(Lib.hyoka_report_new(out), 'report')
      @ptr = FFI::AutoPointer.new(out.read_pointer, Lib.method(:hyoka_report_free))
    end

    def to_ptr
      @ptr
    end

    def size
      Lib.hyoka_report_count(@ptr)
    end

    def diagnostics(lang = nil)
      l = Support.lang_in(lang)
      line = FFI::MemoryPointer.new(:int64)
      col = FFI::MemoryPointer.new(:int64)
      (0...size).map do |i|
        Lib.hyoka_report_position(@ptr, i, line, col)
        ln = line.read(:int64)
        cn = col.read(:int64)
        Diagnostic.new(
          Support.utf8_out(Lib.hyoka_report_code(@ptr, i)),
          Support.enum_out(:severity, Lib.hyoka_report_severity(@ptr, i)),
          Support.utf8_out(Lib.hyoka_report_path(@ptr, i)) || '',
          ln.zero? ? nil : ln,
          cn.zero? ? nil : cn,
          Support.utf8_out(Lib.hyoka_report_message(@ptr, i, l))
        )
      end
    end

    # Raw entries [code, severity, path, message_en, message_ja], to copy
    # into another report.
    def entries
      (0...size).map do |i|
        [Lib.hyoka_report_code(@ptr, i).read_string, Lib.hyoka_report_severity(@ptr, i),
         Lib.hyoka_report_path(@ptr, i).read_string,
         Lib.hyoka_report_message(@ptr, i, Support.lang_in(:en)).read_string,
         Lib.hyoka_report_message(@ptr, i, Support.lang_in(:ja)).read_string]
      end
    end

    # Append entries taken with #entries.
    def add_entries(entries)
      entries.each do |code, severity, path, en, ja|
        Hyoka.check(Lib.hyoka_report_add(@ptr, code, severity, path, en, ja), 'report')
      end
      self
    end

    def errors?
      Lib.hyoka_report_count_severity(@ptr, Support.enum_in(:severity, :error)).positive?
    end

    def inspect
      "#<#{self.class.name} diagnostics=#{size}>"
    end
  end
end
