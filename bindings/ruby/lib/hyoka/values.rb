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

  # How many diagnostics of one code and severity there were, shown or not,
  # and the code's title (nil for a code of one's own).
  Tally = Struct.new(:code, :severity, :count, :title)

  # The diagnostics a report kept (at most its limit, errors first): an
  # Array of Diagnostic, with the counts of every diagnostic found, shown
  # or not: #total (what the rules let through), #dropped (left out by the
  # limit), #ignored (excluded by the rules), #counts ({error: n,
  # warning: n, info: n}), #errors and #tally (an Array of Tally).
  class Diagnostics < Array
    attr_reader :total, :dropped, :ignored, :counts, :tally

    def initialize(items = [], total: 0, dropped: 0, ignored: 0, counts: nil, tally: [])
      super(items)
      @total = total
      @dropped = dropped
      @ignored = ignored
      @counts = counts || { error: 0, warning: 0, info: 0 }
      @tally = tally
    end

    def errors
      counts[:error]
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
  # Figures of an indicator year, in the library's order (Indicator#figures).
  INDICATOR_FIGURES = %i[achievement change].freeze

  # Internal: a report (hyoka_report) owned by Ruby, with rules and a limit.
  class Report
    SEVERITIES = %i[error warning info].freeze

    def initialize(rules: nil, limit: nil)
      out = FFI::MemoryPointer.new(:pointer)
      Hyoka.check(Lib.hyoka_report_new(out), 'report')
      @ptr = FFI::AutoPointer.new(out.read_pointer, Lib.method(:hyoka_report_free))
      Hyoka.check(Lib.hyoka_report_set_rules(@ptr, rules), 'report') if rules
      Hyoka.check(Lib.hyoka_report_set_limit(@ptr, limit), 'report') if limit
    end

    def to_ptr
      @ptr
    end

    def size
      Lib.hyoka_report_count(@ptr)
    end

    def total
      Lib.hyoka_report_total(@ptr)
    end

    # {[code, severity] => count} of every diagnostic counted.
    def tally_counts
      code = FFI::MemoryPointer.new(:pointer)
      severity = FFI::MemoryPointer.new(:int)
      count = FFI::MemoryPointer.new(:size_t)
      (0...Lib.hyoka_report_tally_count(@ptr)).to_h do |i|
        Hyoka.check(Lib.hyoka_report_tally(@ptr, i, code, severity, count), 'report')
        [[code.read_pointer.read_string, Support.enum_out(:severity, severity.read(:int))], count.read(:size_t)]
      end
    end

    # What this report counted but did not keep: {[code, severity] => n}.
    def not_kept
      kept = Hash.new(0)
      (0...size).each do |i|
        kept[[Lib.hyoka_report_code(@ptr, i).read_string,
              Support.enum_out(:severity, Lib.hyoka_report_severity(@ptr, i))]] += 1
      end
      tally_counts.to_h { |key, n| [key, n - kept[key]] }.reject { |_, n| n.zero? }
    end

    # The kept diagnostics and every count (Diagnostics). +extra+: counts
    # of diagnostics found elsewhere and not kept ({[code, severity] => n},
    # see #not_kept), added as dropped, or as ignored when +rules+ exclude
    # them.
    def diagnostics(lang = nil, extra: nil, rules: nil)
      if (extra.nil? || extra.empty?) && nothing_counted?
        Support.lang_in(lang) # an unknown language still raises
        return Diagnostics.new
      end
      counts = SEVERITIES.to_h { |s| [s, Lib.hyoka_report_total_severity(@ptr, Support.enum_in(:severity, s))] }
      total = self.total
      dropped = Lib.hyoka_report_dropped(@ptr)
      ignored = Lib.hyoka_report_ignored(@ptr)
      tally = tally_counts
      (extra || {}).each do |(code, severity), n|
        if rules && !rules.allows?(code, severity)
          ignored += n
          next
        end
        total += n
        dropped += n
        counts[severity] += n
        tally[[code, severity]] = tally.fetch([code, severity], 0) + n
      end
      Diagnostics.new(items(lang), total: total, dropped: dropped, ignored: ignored, counts: counts,
                                   tally: tally.sort.map { |(code, severity), n| Tally.new(code, severity, n, title(code, severity, lang)) })
    end

    # Nothing found, kept or counted (each project of a clean document):
    # four counts instead of the eight calls of #diagnostics.
    def nothing_counted?
      total.zero? && Lib.hyoka_report_ignored(@ptr).zero? && size.zero? && Lib.hyoka_report_tally_count(@ptr).zero?
    end

    def items(lang)
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

    # The catalog title of a code at its own severity, else nil.
    def title(code, severity, lang)
      known = Lib.hyoka_code_severity(code)
      return nil if known.negative? || Support.enum_out(:severity, known) != severity

      Support.utf8_out(Lib.hyoka_code_title(code, Support.lang_in(lang)))
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
      Lib.hyoka_report_total_severity(@ptr, Support.enum_in(:severity, :error)).positive?
    end
  end

  # Which diagnostics to report, as linters choose (docs/rules.md): select
  # and ignore codes or code prefixes ("I002", "I", "C00") and a minimum
  # severity (:error, :warning, :info). The most specific pattern decides;
  # once anything is selected only selected codes are reported. Errors of
  # reading are never excluded. Give rules to Portfolio.load, .parse,
  # .from_csv_dir and #validate.
  #
  #   rules = Hyoka::Rules.read_file('hyoka.conf')
  #   pf.validate(rules: Hyoka::Rules.new(ignore: 'I002', min_severity: :warning))
  class Rules
    def initialize(select: [], ignore: [], min_severity: nil)
      out = FFI::MemoryPointer.new(:pointer)
      Hyoka.check(Lib.hyoka_rules_new(out), 'rules')
      @ptr = FFI::AutoPointer.new(out.read_pointer, Lib.method(:hyoka_rules_free))
      self.select(*Array(select))
      self.ignore(*Array(ignore))
      self.min_severity = min_severity if min_severity
    end

    # Rules from the text of a rules file. Raises Hyoka::InvalidDocument
    # (its #diagnostics the R001 lines, with line and column) for a bad line.
    def self.parse(text, lang: nil)
      rules = new
      bytes = text.to_s.encode(Encoding::UTF_8)
      rules.__send__(:read, lang) { |report| Lib.hyoka_rules_parse(rules, bytes, bytes.bytesize, report) }
    end

    # Rules from a rules file (hyoka.conf); Hyoka::IOError when unreadable.
    def self.read_file(path, lang: nil)
      rules = new
      rules.__send__(:read, lang) { |report| Lib.hyoka_rules_read_file(rules, path.to_s, report) }
    end

    def to_ptr
      @ptr
    end

    def select(*patterns)
      patterns.each { |p| Hyoka.check(Lib.hyoka_rules_select(@ptr, p.to_s), 'select') }
      self
    end

    def ignore(*patterns)
      patterns.each { |p| Hyoka.check(Lib.hyoka_rules_ignore(@ptr, p.to_s), 'ignore') }
      self
    end

    def min_severity=(severity)
      Hyoka.check(Lib.hyoka_rules_set_min_severity(@ptr, Support.enum_in(:severity, severity)), 'min_severity')
    end

    def allows?(code, severity)
      Lib.hyoka_rules_allows(@ptr, code.to_s, Support.enum_in(:severity, severity)) == 1
    end

    private

    def read(lang)
      report = Report.new
      rc = yield report
      if rc == InvalidDocument::CODE
        diags = report.diagnostics(lang)
        raise InvalidDocument.new("rules file has #{diags.errors} bad line#{diags.errors == 1 ? '' : 's'}: #{diags.first}",
                                  rc, diagnostics: diags)
      end
      Hyoka.check(rc, 'rules')
      self
    end

    def inspect
      "#<#{self.class.name} diagnostics=#{size}>"
    end
  end
end
