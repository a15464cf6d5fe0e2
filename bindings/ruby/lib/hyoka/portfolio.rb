# frozen_string_literal: true

require 'json'

module Hyoka
  # A document: municipality, denominators per fiscal year, settings,
  # schemes and projects (hyoka_portfolio). Owned by Ruby and freed when
  # collected (or at once with #close).
  #
  #   pf = Hyoka::Portfolio.load('tokorozawa-010802.json')
  #   pf.projects.each { |p| puts p.name }
  #   pf.validate(lang: :en).each { |d| puts d }
  class Portfolio < OwnedHandle
    c_functions free: :hyoka_portfolio_free, copy: :hyoka_portfolio_copy, equal: :hyoka_portfolio_equal

    WRITE_COMPACT = API::HYOKA_WRITE_COMPACT
    WRITE_YEN = API::HYOKA_WRITE_YEN
    ENCODINGS = [
      [%w[utf-8 utf8 utf-8-bom utf8_bom], API::HYOKA_ENCODING_UTF8_BOM],
      [%w[utf-8-nobom utf8_nobom utf-8-no-bom], API::HYOKA_ENCODING_UTF8],
      [%w[cp932 windows-31j shift_jis sjis], API::HYOKA_ENCODING_CP932]
    ].flat_map { |names, value| names.map { |n| [n, value] } }.to_h.freeze

    # Diagnostics (warnings) the reader gave when this portfolio was read.
    attr_reader :read_diagnostics

    class << self
      # An empty portfolio (amounts in yen, default rounding).
      def new(**attrs)
        out = FFI::MemoryPointer.new(:pointer)
        Hyoka.check(Lib.hyoka_portfolio_new(out), 'Portfolio.new')
        pf = from_owned(out.read_pointer)
        pf.assign(attrs)
        pf
      end

      # Read a hyoka/1 JSON file. Raises Hyoka::InvalidDocument (with
      # #diagnostics) when it has errors, Hyoka::IOError when unreadable.
      # With a block, as File.open: yields the portfolio, closes it when the
      # block ends (by an exception too) and returns the block's value.
      def load(path, **options, &block)
        text = begin
          File.binread(path.to_s)
        rescue SystemCallError => e
          raise Hyoka::IOError, "#{path}: #{e.message}"
        end
        parse(text, **options, &block)
      end

      # Read a hyoka/1 JSON document from a String (or an IO); with a block,
      # as #load. Diagnostics in +lang+ (:en, :ja; nil: Hyoka.default_lang).
      # max_diagnostics: the most diagnostics kept (default 1000, errors
      # first); rules: a Hyoka::Rules, which never hides an error that stops
      # the reading.
      def parse(text, max_depth: nil, max_string: nil, max_document: nil, max_diagnostics: nil, lang: nil,
                rules: nil, &block)
        text = text.read if text.respond_to?(:read)
        bytes = json_bytes(text)
        opts = read_options(max_depth: max_depth, max_string: max_string, max_document: max_document,
                            max_diagnostics: max_diagnostics)
        report = Report.new(rules: rules)
        out = FFI::MemoryPointer.new(:pointer)
        rc = Lib.hyoka_json_read(bytes, bytes.bytesize, opts, out, report)
        raise invalid_document('document', rc, report, lang) if rc == InvalidDocument::CODE
        Hyoka.check(rc, 'parse')
        pf = from_owned(out.read_pointer)
        pf.__send__(:read_from, bytes.dup.freeze, report, lang)
        block ? pf.__send__(:yield_and_close, &block) : pf
      end
      alias loads parse

      # Read the CSV tables of a folder written by #to_csv_dir; with a block,
      # as #load. rules: see .parse.
      def from_csv_dir(path, encoding: 'utf-8', lang: nil, rules: nil, &block)
        opts = csv_options(encoding)
        read_folder('CSV tables', path, lang, rules, block) do |out, report|
          Lib.hyoka_csv_read_dir(path.to_s, opts, out, report)
        end
      end

      # Read the 15 RS tables of a review year of the national review sheets
      # from a folder (files named {table}_RS_{year}_{title}.csv, as the RS
      # system publishes them); a missing table is a warning (V010). With a
      # block, as #load. rules: see .parse.
      def from_rs_dir(path, lang: nil, rules: nil, &block)
        read_folder('RS tables', path, lang, rules, block) do |out, report|
          Lib.hyoka_rs_read_dir(path.to_s, nil, out, report)
        end
      end

      # Internal: hyoka_rs_options for a review year (nil: the projects' 事業年度).
      def rs_options(year = nil, replace: false)
        opts = RsOptions.new
        Hyoka.check(Lib.hyoka_rs_options_init(opts))
        opts[:year] = year || 0
        opts[:flags] = replace ? API::HYOKA_WRITE_REPLACE : 0
        opts
      end

      # Internal: wrap a portfolio pointer the caller owns.
      def from_owned(ptr)
        owned(ptr)
      end

      # Internal: hyoka_csv_options for an encoding name.
      def csv_options(encoding)
        enc = encoding_value(encoding)
        opts = CsvOptions.new
        Hyoka.check(Lib.hyoka_csv_options_init(opts))
        opts[:encoding] = enc
        opts
      end

      private

      # A portfolio read from a folder by the call the block makes with the
      # output pointer and the report; as #load with +block+.
      def read_folder(what, path, lang, rules, block)
        report = Report.new(rules: rules)
        out = FFI::MemoryPointer.new(:pointer)
        rc = yield(out, report)
        raise invalid_document(what, rc, report, lang) if rc == InvalidDocument::CODE

        Hyoka.check(rc, path.to_s)
        pf = from_owned(out.read_pointer)
        pf.__send__(:read_from, nil, report, lang)
        block ? pf.__send__(:yield_and_close, &block) : pf
      end

      # InvalidDocument with every diagnostic counted, shown or not: "document
      # has 1 error (1501 diagnostics): <the first error>".
      def invalid_document(what, rc, report, lang)
        diags = report.diagnostics(lang)
        first = diags.find(&:error?) || diags.first
        n = diags.errors
        InvalidDocument.new("#{what} has #{n} error#{n == 1 ? '' : 's'} (#{diags.total} diagnostic" \
                            "#{diags.total == 1 ? '' : 's'})#{first ? ": #{first}" : ''}", rc, diagnostics: diags)
      end

      def json_bytes(text)
        raise TypeError, "expected a String, got #{text.class}" unless text.is_a?(String)

        case text.encoding
        when Encoding::UTF_8, Encoding::BINARY, Encoding::US_ASCII then text
        else text.encode(Encoding::UTF_8)
        end
      rescue ::EncodingError => e
        raise Hyoka::EncodingError, "cannot convert the document to UTF-8: #{e.message}"
      end

      def read_options(**given)
        return nil if given.values.all?(&:nil?)

        opts = ReadOptions.new
        Hyoka.check(Lib.hyoka_read_options_init(opts)) if Lib.respond_to?(:hyoka_read_options_init)
        given.each { |k, v| opts[k] = v unless v.nil? }
        opts
      end

      def encoding_value(encoding)
        return encoding if encoding.is_a?(Integer)

        name = encoding.is_a?(Encoding) ? encoding.name : encoding.to_s
        ENCODINGS.fetch(name.downcase.tr('_', '-')) do
          ENCODINGS.fetch(name.downcase) do
            raise InvalidArgument, "unknown CSV encoding #{encoding.inspect} (utf-8, utf-8-nobom, cp932)"
          end
        end
      end
    end

    # #assign (municipality_name:, amount_unit:...), #close, #copy and #==
    # come from Handle and OwnedHandle.

    # ---- municipality ----------------------------------------------------

    def municipality_name
      str(Lib.hyoka_portfolio_municipality_name(self))
    end

    def municipality_code
      str(Lib.hyoka_portfolio_municipality_code(self))
    end

    # Set both parts of the municipality (the code is checked: six digits
    # with a valid check digit).
    def set_municipality(name: municipality_name, code: municipality_code)
      n, nl = Support.utf8_in(name)
      c, cl = Support.utf8_in(code)
      check(Lib.hyoka_portfolio_set_municipality(self, n, nl, c, cl), 'municipality')
      self
    end

    def municipality_name=(name)
      set_municipality(name: name)
    end

    def municipality_code=(code)
      set_municipality(code: code)
    end

    # ---- settings --------------------------------------------------------

    # :yen or :thousand_yen (the unit amounts are written in).
    def amount_unit
      Support.enum_out(:unit, Lib.hyoka_portfolio_amount_unit(self))
    end

    def amount_unit=(unit)
      check(Lib.hyoka_portfolio_set_amount_unit(self, Support.enum_in(:unit, unit, allow_nil: false)),
            "amount_unit #{unit}")
    end

    def stated_tolerance
      Lib.hyoka_portfolio_stated_tolerance(self)
    end

    # :by_direction (default) or :ratio: achievement of an indicator without
    # a direction is unavailable, or actual / target x 100 as the national
    # review sheets print it (docs/format.md).
    def achievement_rule
      Support.enum_out(:achievement_rule, Lib.hyoka_portfolio_achievement_rule(self))
    end

    def achievement_rule=(rule)
      check(Lib.hyoka_portfolio_set_achievement_rule(self, Support.enum_in(:achievement_rule, rule, allow_nil: false)),
            "achievement_rule #{rule}")
    end

    def stated_tolerance=(ulps)
      check(Lib.hyoka_portfolio_set_stated_tolerance(self, Integer(ulps)))
    end

    # The rounding in force for a figure (a Rounding struct).
    def rounding(figure)
      places = FFI::MemoryPointer.new(:int)
      mode = FFI::MemoryPointer.new(:int)
      unit = FFI::MemoryPointer.new(:int)
      rc = check(Lib.hyoka_portfolio_rounding(self, Support.enum_in(:figure, figure, allow_nil: false),
                                              places, mode, unit), "rounding of #{figure}")
      Rounding.new(places.read(:int), Support.enum_out(:rounding, mode.read(:int)),
                   Support.enum_out(:unit, unit.read(:int)), rc == 1)
    end

    # Override the rounding of a figure: places (by position or places:),
    # mode (:half_up, :down, :up, :half_even, :floor, :ceiling) and, for
    # per-head figures, the unit.
    def set_rounding(figure, places_ = UNGIVEN, places: UNGIVEN, mode: :half_up, unit: :yen)
      places = Support.either(:places, places_, places)
      raise ArgumentError, 'set_rounding needs places' if places.nil?

      check(Lib.hyoka_portfolio_set_rounding(self, Support.enum_in(:figure, figure, allow_nil: false),
                                             Integer(places), Support.enum_in(:rounding, mode, allow_nil: false),
                                             Support.enum_in(:unit, unit, allow_nil: false)), "rounding of #{figure}")
      self
    end

    def clear_rounding(figure)
      check(Lib.hyoka_portfolio_clear_rounding(self, Support.enum_in(:figure, figure, allow_nil: false)),
            "rounding of #{figure}")
      self
    end

    # ---- denominators ----------------------------------------------------

    POPULATION = Support.enum_in(:cost_field, :population)
    HOUSEHOLDS = Support.enum_in(:cost_field, :households)

    def population(fiscal_year)
      denominator(fiscal_year, POPULATION)
    end

    def households(fiscal_year)
      denominator(fiscal_year, HOUSEHOLDS)
    end

    # Set (Integer) or clear (nil) the population and/or households of a
    # fiscal year; members not given are left as they are.
    def set_denominator(fiscal_year, **values)
      fy = Support.fiscal_year_in(fiscal_year)
      values.each do |k, v|
        which = { population: POPULATION, households: HOUSEHOLDS }.fetch(k) do
          raise ArgumentError, "unknown denominator #{k} (population, households)"
        end
        if v.nil?
          check(Lib.hyoka_portfolio_clear_denominator(self, fy, which))
        else
          check(Lib.hyoka_portfolio_set_denominator(self, fy, which, Integer(v)), 'denominator')
        end
      end
      self
    end

    # { fiscal_year => { population:, households: } }
    def denominators
      (0...Lib.hyoka_portfolio_denominator_count(self)).each_with_object({}) do |i, h|
        fy = Lib.hyoka_portfolio_denominator_year_at(self, i)
        h[fy] = { population: population(fy), households: households(fy) }
      end
    end

    # ---- schemes ---------------------------------------------------------

    def schemes
      ChildList.new(self, -> { Lib.hyoka_portfolio_scheme_count(self) }) do |i|
        wrap(Scheme, Lib.hyoka_portfolio_scheme_at(self, i))
      end
    end

    # Add a scheme built with Scheme.new; the portfolio owns it afterwards.
    def add_scheme(scheme)
      raise TypeError, "expected a Hyoka::Scheme, got #{scheme.class}" unless scheme.is_a?(Scheme)

      take(scheme, :hyoka_portfolio_add_scheme)
    end

    # A scheme by id: the portfolio's own first, then the built-ins.
    def find_scheme(id)
      s, l = Support.utf8_in(id)
      ptr = Lib.hyoka_portfolio_find_scheme(self, s, l)
      return nil if ptr.null?
      return Scheme.builtin(id) if Lib.hyoka_scheme_is_builtin(ptr) == 1

      wrap(Scheme, ptr)
    end

    def remove_scheme(scheme)
      i = index_of(scheme, :hyoka_portfolio_scheme_count, :hyoka_portfolio_scheme_at)
      ptr = Lib.hyoka_portfolio_scheme_at(self, i)
      check(Lib.hyoka_portfolio_remove_scheme(self, i))
      forget(ptr)
      self
    end

    # ---- projects --------------------------------------------------------

    # The top-level projects (an Enumerable view).
    def projects
      ChildList.new(self, -> { Lib.hyoka_portfolio_project_count(self) }) do |i|
        wrap(Project, Lib.hyoka_portfolio_project_at(self, i))
      end
    end

    # Append a project: a standalone Project (the portfolio takes it over)
    # or a new one built from the attributes (code:, name:, years...).
    def add_project(project = nil, **attrs)
      return register(Project.__send__(:build_into, self, attrs, :hyoka_portfolio_add_project)) if project.nil?
      raise TypeError, "expected a Hyoka::Project, got #{project.class}" unless project.is_a?(Project)

      take(project, :hyoka_portfolio_add_project, attrs)
    end

    def find_project(code)
      s, l = Support.utf8_in(code)
      wrap(Project, Lib.hyoka_portfolio_find_project(self, s, l))
    end

    # Remove (and free) a project given by index or wrapper.
    def remove_project(project)
      i = index_of(project, :hyoka_portfolio_project_count, :hyoka_portfolio_project_at)
      ptr = Lib.hyoka_portfolio_project_at(self, i)
      check(Lib.hyoka_portfolio_remove_project(self, i), 'remove_project')
      forget(ptr)
      self
    end

    # Every project, sub-projects included (depth first).
    def all_projects
      return enum_for(:all_projects) unless block_given?

      walk = lambda do |p|
        yield p
        p.children.each(&walk)
      end
      projects.each(&walk)
      self
    end

    # Every cost year of every project (sub-projects included).
    def years
      return enum_for(:years) unless block_given?

      all_projects { |p| p.years.each { |y| yield y } }
    end

    # Every indicator of every project.
    def indicators
      return enum_for(:indicators) unless block_given?

      all_projects { |p| p.indicators.each { |y| yield y } }
    end

    # Every evaluation of every project.
    def evaluations
      return enum_for(:evaluations) unless block_given?

      all_projects { |p| p.evaluations.each { |y| yield y } }
    end

    # ---- validation and figures -----------------------------------------

    # Every diagnostic of the document: reading warnings, then validation
    # (an Array of Diagnostic). A document read from text gets line and
    # column, found in the text it was read from. Messages in +lang+ (by
    # position or lang:; :en, :ja, nil: Hyoka.default_lang). rules: a
    # Hyoka::Rules; limit: keep at most that many (errors first). A
    # Hyoka::Diagnostics: the Diagnostic kept, with the counts of every one.
    def validate(lang_ = UNGIVEN, lang: UNGIVEN, rules: nil, limit: nil)
      validation_report(rules: rules, limit: limit).diagnostics(Support.either(:lang, lang_, lang), extra: @read_extra,
                                                                                                    rules: rules)
    end

    # Every figure of every project (hyoka-metrics/1), computed in C in one
    # call: money as Integer yen, other figures as BigDecimal, nil where
    # unavailable (the reason under "unavailable"). A Hyoka::Metrics, read
    # like the Hash of the JSON; each project is decoded when first read.
    # lazy: false gives that Hash, decoded at once. validate: is another
    # name of diagnostics: (Python's).
    def metrics(lang_ = UNGIVEN, lang: UNGIVEN, diagnostics: true, validate: UNGIVEN, lazy: true)
      lang = Support.either(:lang, lang_, lang)
      report = (validate.equal?(UNGIVEN) ? diagnostics : validate) ? validation_report : nil
      l = Support.lang_in(lang)
      text = Support.buffer_call('metrics', Encoding::BINARY) do |out, len|
        Lib.hyoka_metrics_write(self, report, WRITE_COMPACT, l, out, len)
      end
      return Metrics.new(text, Lib.hyoka_portfolio_project_count(self)) if lazy

      Hyoka.convert_metrics(JSON.parse(text.force_encoding(Encoding::UTF_8)))
    end

    # The metrics as JSON text, exactly as the library writes it.
    def metrics_json(lang_ = UNGIVEN, lang: UNGIVEN, diagnostics: true, validate: UNGIVEN, compact: false)
      lang = Support.either(:lang, lang_, lang)
      report = (validate.equal?(UNGIVEN) ? diagnostics : validate) ? validation_report : nil
      l = Support.lang_in(lang)
      Support.buffer_call('metrics') do |out, len|
        Lib.hyoka_metrics_write(self, report, compact ? WRITE_COMPACT : 0, l, out, len)
      end
    end

    # Totals of the money figures by group (:fiscal_year, :department,
    # :policy (at +depth+), :verdict; by position or group_by:),
    # optionally for one fiscal year.
    def rollup(by = UNGIVEN, group_by: UNGIVEN, depth: 1, fiscal_year: nil)
      by = Support.either(:group_by, by, group_by, :fiscal_year)
      out = FFI::MemoryPointer.new(:pointer)
      check(Lib.hyoka_rollup_new(out, self, Support.enum_in(:group_by, by, allow_nil: false), Integer(depth),
                                 fiscal_year ? Support.fiscal_year_in(fiscal_year) : 0), "rollup by #{by}")
      r = FFI::AutoPointer.new(out.read_pointer, Lib.method(:hyoka_rollup_free))
      total = FFI::MemoryPointer.new(:int64)
      (0...Lib.hyoka_rollup_count(r)).map do |row|
        totals = MONEY_FIGURES.each_with_object({}) do |f, h|
          check(Lib.hyoka_rollup_total(r, row, Support.enum_in(:figure, f), total))
          h[f] = total.read(:int64)
        end
        RollupRow.new(str(Lib.hyoka_rollup_key(r, row)), Lib.hyoka_rollup_projects(r, row), totals)
      end
    ensure
      r&.free
    end

    # Top-level projects ordered by a figure of one fiscal year (by
    # position or fiscal_year:; or by :score): an Array of [Project,
    # Figure], unavailable figures last.
    def ranking(figure, fiscal_year_ = UNGIVEN, fiscal_year: UNGIVEN, descending: true)
      fiscal_year = Support.either(:fiscal_year, fiscal_year_, fiscal_year)
      fig = Support.enum_in(:figure, figure, allow_nil: false)
      out = FFI::MemoryPointer.new(:pointer)
      check(Lib.hyoka_ranking_new(out, self, fig, fiscal_year ? Support.fiscal_year_in(fiscal_year) : 0,
                                  descending ? 1 : 0), "ranking by #{figure}")
      r = FFI::AutoPointer.new(out.read_pointer, Lib.method(:hyoka_ranking_free))
      proj = FFI::MemoryPointer.new(:pointer)
      (0...Lib.hyoka_ranking_count(r)).map do |i|
        value = Support.new_decimal
        reason = FFI::MemoryPointer.new(:int)
        rc = Lib.hyoka_ranking_at(r, i, proj, value, reason)
        fig_value = Hyoka.figure_result(rc, figure, value, reason)
        [find_wrapped_project(proj.read_pointer), fig_value]
      end
    ensure
      r&.free
    end

    # ---- interchange -----------------------------------------------------

    # Canonical hyoka/1 JSON text (a UTF-8 String).
    def dump(compact: false, yen: false)
      flags = (compact ? WRITE_COMPACT : 0) | (yen ? WRITE_YEN : 0)
      Support.buffer_call('dump') { |out, len| Lib.hyoka_json_write(self, flags, out, len) }
    end

    # The document as compact JSON (so JSON.generate can embed it).
    def to_json(*_state)
      dump(compact: true)
    end

    # Write the JSON to a file.
    def save(path, compact: false, yen: false)
      flags = (compact ? WRITE_COMPACT : 0) | (yen ? WRITE_YEN : 0)
      check(Lib.hyoka_json_write_file(self, flags, path.to_s), path.to_s)
      self
    end

    # Write one CSV file per table into a folder (created if needed).
    # encoding: 'utf-8' (with BOM), 'utf-8-nobom' or 'cp932'.
    def to_csv_dir(path, encoding: 'utf-8')
      opts = self.class.csv_options(encoding)
      report = Report.new
      check(Lib.hyoka_csv_write_dir(self, path.to_s, opts, report), path.to_s)
      path
    end

    # One CSV table as bytes (e.g. :projects), in the chosen encoding.
    def csv_table(table, encoding: 'utf-8')
      opts = self.class.csv_options(encoding)
      t = table.is_a?(Integer) ? table : Hyoka.csv_table_index(table)
      enc = opts[:encoding] == API::HYOKA_ENCODING_CP932 ? Encoding::Windows_31J : Encoding::UTF_8
      Support.buffer_call("csv #{table}", enc) do |out, len|
        Lib.hyoka_csv_write_table(self, t, opts, out, len, nil)
      end
    end

    # The figures as CSV tables (bytes in the chosen encoding), by name:
    # "metrics_years" (one row per project and cost year, sub-projects
    # included with their parent's code: every figure, its phase and the
    # reason of each unavailable one) and "metrics_indicators" (docs/csv.md).
    def metrics_csv(encoding: 'utf-8')
      opts = self.class.csv_options(encoding)
      enc = opts[:encoding] == API::HYOKA_ENCODING_CP932 ? Encoding::Windows_31J : Encoding::UTF_8
      %w[metrics_years metrics_indicators].each_with_index.to_h do |name, t|
        [name, Support.buffer_call("metrics csv #{name}", enc) do |out, len|
          Lib.hyoka_metrics_csv_write(self, t, opts, out, len, nil)
        end]
      end
    end

    # Write the 15 RS tables into a folder as {table}_RS_{year}_{title}.csv
    # (year: the review year; nil: the 事業年度 the projects carry).
    def to_rs_dir(path, year: nil, replace: false)
      opts = self.class.rs_options(year, replace: replace)
      report = Report.new
      check(Lib.hyoka_rs_write_dir(self, path.to_s, opts, report), path.to_s)
      path
    end

    # One RS table as bytes (UTF-8 with BOM), by number ("2-1") or index.
    def rs_table(table, year: nil)
      opts = self.class.rs_options(year)
      t = table.is_a?(Integer) ? table : Hyoka.rs_table_names.index(table.to_s)
      raise InvalidArgument, "unknown RS table #{table.inspect}" unless t

      Support.buffer_call("rs #{table}", Encoding::UTF_8) do |out, len|
        Lib.hyoka_rs_write_table(self, t, opts, out, len, nil)
      end
    end

    # Write index.html and one project-N.html per project into a folder;
    # labels in +lang+ (by position or lang:; :ja by default).
    def to_html_dir(path, lang_ = UNGIVEN, lang: UNGIVEN)
      check(Lib.hyoka_html_write_dir(self, Support.lang_in(Support.either(:lang, lang_, lang, :ja)), path.to_s),
            path.to_s)
      path
    end

    # The index page as a String.
    def to_html(lang_ = UNGIVEN, lang: UNGIVEN)
      l = Support.lang_in(Support.either(:lang, lang_, lang, :ja))
      Support.buffer_call('html') { |out, len| Lib.hyoka_html_portfolio(self, l, out, len) }
    end

    private

    def inspect_details
      name = [municipality_name, municipality_code].compact.join(' ')
      " #{name.empty? ? '-' : name} projects=#{Lib.hyoka_portfolio_project_count(self)}"
    end

    # The block form of load, parse and from_csv_dir.
    def yield_and_close
      yield self
    ensure
      close
    end

    def read_from(source, report, lang)
      @source = source
      @read_diagnostics = report.diagnostics(lang)
      @read_entries = report.size.zero? ? nil : report.entries
      @read_extra = report.not_kept
    end

    # Reading warnings, then validation; positioned in the source text.
    def validation_report(validate: true, rules: nil, limit: nil)
      report = Report.new(rules: rules, limit: limit)
      report.add_entries(@read_entries) if @read_entries
      check(Lib.hyoka_validate(self, report), 'validate') if validate
      check(Lib.hyoka_report_locate(report, @source, @source.bytesize), 'locate') if @source && report.size.positive?
      report
    end

    def denominator(fiscal_year, which)
      out = FFI::MemoryPointer.new(:int64)
      rc = check(Lib.hyoka_portfolio_denominator(self, Support.fiscal_year_in(fiscal_year), which, out))
      rc == 1 ? out.read(:int64) : nil
    end

    # The wrapper of a project pointer anywhere in the tree.
    def find_wrapped_project(ptr)
      return nil if ptr.null?

      chain = []
      p = ptr
      until p.null?
        chain.unshift(p)
        p = Lib.hyoka_project_parent(p)
      end
      obj = wrap(Project, chain.shift)
      chain.each { |c| obj = obj.__send__(:wrap, Project, c) }
      obj
    end
  end
end
