# frozen_string_literal: true

module Hyoka
  # An indicator (指標) with its values by fiscal year (hyoka_indicator),
  # owned by its project. Values are BigDecimal or nil.
  class Indicator < Handle
    # reader/writer name => hyoka_indicator_field; value name => hyoka_value_field
    TEXT_FIELDS = Support.fields(:indicator_text, 'long_term_target.note': :long_term_note)
    VALUE_FIELDS = Support.fields(:value_field)

    TEXT_FIELDS.each do |name, field|
      define_method(name) { str(Lib.hyoka_indicator_text(self, field)) }
      define_method("#{name}=") do |value|
        s, l = Support.utf8_in(value)
        check(Lib.hyoka_indicator_set_text(self, field, s, l), name.to_s)
      end
    end

    # :activity, :target, :outcome, :upper_outcome or nil.
    def kind
      Support.enum_out(:indicator_kind, Lib.hyoka_indicator_kind(self))
    end

    def kind=(value)
      check(Lib.hyoka_indicator_set_kind(self, Support.enum_in(:indicator_kind, value)), "kind #{value}")
    end

    # :increase, :decrease, :maintain or nil.
    def direction
      Support.enum_out(:direction, Lib.hyoka_indicator_direction(self))
    end

    def direction=(value)
      check(Lib.hyoka_indicator_set_direction(self, Support.enum_in(:direction, value)), "direction #{value}")
    end

    # Marked 設定困難 (no target can be set)?
    def not_settable?
      Lib.hyoka_indicator_not_settable(self) == 1
    end
    alias not_settable not_settable?

    def not_settable=(flag)
      check(Lib.hyoka_indicator_set_not_settable(self, flag ? 1 : 0))
    end

    # The long-term target (将来目標): { value:, fiscal_year: } or nil.
    def long_term_target
      value = Support.new_decimal
      fy = FFI::MemoryPointer.new(:int32)
      return nil if check(Lib.hyoka_indicator_long_term(self, value, fy)).zero?

      y = fy.read(:int32)
      { value: Support.decimal_out(value), fiscal_year: y.zero? ? nil : y }
    end

    # Set the long-term target: value (nil removes it) and its fiscal year
    # (by position or fiscal_year:).
    def set_long_term_target(value, fiscal_year_ = UNGIVEN, fiscal_year: UNGIVEN)
      fiscal_year = Support.either(:fiscal_year, fiscal_year_, fiscal_year)
      check(Lib.hyoka_indicator_set_long_term(self, value.nil? ? nil : Support.decimal_in(value),
                                              Support.fiscal_year_in(fiscal_year, allow_nil: true)),
            'long_term_target')
      self
    end
    alias set_long_term set_long_term_target

    def long_term_target=(value)
      set_long_term_target(value)
    end

    # Add an entry for a fiscal year (with no value yet).
    def add_year(fiscal_year)
      set_value(fiscal_year)
    end

    # The fiscal years with an entry, in order.
    def fiscal_years
      (0...Lib.hyoka_indicator_year_count(self)).map { |i| Lib.hyoka_indicator_year_at(self, i) }
    end

    # { fiscal_year => { target:, actual:, forecast: } } (BigDecimal or nil).
    def values
      fiscal_years.to_h do |fy|
        [fy, { target: value(fy, :target), actual: value(fy, :actual), forecast: value(fy, :forecast) }]
      end
    end

    # One value of one year (:target, :actual, :forecast, :stated_achievement).
    def value(fiscal_year, field = :actual)
      out = Support.new_decimal
      rc = check(Lib.hyoka_indicator_value(self, Support.fiscal_year_in(fiscal_year), VALUE_FIELDS.fetch(field), out),
                 "#{field} of #{fiscal_year}")
      rc == 1 ? Support.decimal_out(out) : nil
    end

    # The printed achievement rate of a year (BigDecimal) or nil.
    def stated_achievement(fiscal_year)
      value(fiscal_year, :stated_achievement)
    end

    # Set values of one year; only the members given change, nil clears:
    # set_value(2007, target: 60, actual: 59, stated_achievement: '98.3').
    def set_value(fiscal_year, **values)
      fy = Support.fiscal_year_in(fiscal_year)
      check(Lib.hyoka_indicator_add_year(self, fy), 'fiscal year') if values.empty?
      values.each do |k, v|
        field = VALUE_FIELDS.fetch(k) { raise ArgumentError, "unknown indicator value #{k}" }
        check(Lib.hyoka_indicator_set_value(self, fy, field, v.nil? ? nil : Support.decimal_in(v)), k.to_s)
      end
      self
    end
    alias set_values set_value

    def remove_year(fiscal_year)
      check(Lib.hyoka_indicator_remove_year(self, Support.fiscal_year_in(fiscal_year)))
      self
    end

    # A figure of one year (:achievement or :change) as a Figure.
    def figure(fiscal_year, name = :achievement)
      value = Support.new_decimal
      reason = FFI::MemoryPointer.new(:int)
      rc = Lib.hyoka_indicator_figure(self, Support.fiscal_year_in(fiscal_year),
                                      Support.enum_in(:figure, name, allow_nil: false), value, reason)
      Hyoka.figure_result(rc, name, value, reason)
    end

    # Every figure of one year, { achievement: Figure, change: Figure }, in
    # one call of the library; the same as #figure for each name.
    def figures(fiscal_year)
      fy = Support.fiscal_year_in(fiscal_year)
      Hyoka.bulk_figures(INDICATOR_FIGURES) do |values, reasons, n|
        Lib.hyoka_indicator_figures(self, fy, values, reasons, n)
      end
    end

    # The figures of one year as their values alone, { achievement:
    # BigDecimal or nil, change: BigDecimal or nil } (nil: unavailable;
    # #figures says why), in one call of the library.
    def figure_values(fiscal_year)
      fy = Support.fiscal_year_in(fiscal_year)
      Hyoka.bulk_figures(INDICATOR_FIGURES, values_only: true) do |values, reasons, n|
        Lib.hyoka_indicator_figures(self, fy, values, reasons, n)
      end
    end

    def achievement(fiscal_year)
      figure(fiscal_year, :achievement)
    end

    def project
      @owner
    end

    private

    # #assign also takes values: {fy => {target:, actual:, forecast:,
    # stated_achievement:}} and long_term_target: value or [value,
    # fiscal_year].
    def assign_extra(key, value)
      case key
      when :values then value.each { |fy, vals| set_value(fy, **vals) }
      when :long_term_target
        val, fy = value.is_a?(Array) ? value : [value, nil]
        set_long_term_target(val, fiscal_year: fy)
      else return false
      end
      true
    end

    def inspect_details
      " #{kind || '-'} #{name.inspect}#{unit ? " (#{unit})" : ''} years=#{Lib.hyoka_indicator_year_count(self)}"
    end
  end

  # An evaluation of a project (評価, hyoka_evaluation), owned by it.
  class Evaluation < Handle
    # reader/writer name => hyoka_evaluation_field
    TEXT_FIELDS = Support.fields(:evaluation_text)

    TEXT_FIELDS.each do |name, field|
      define_method(name) { str(Lib.hyoka_evaluation_text(self, field)) }
      define_method("#{name}=") do |value|
        s, l = Support.utf8_in(value)
        check(Lib.hyoka_evaluation_set_text(self, field, s, l), name.to_s)
      end
    end

    # :self, :primary, :secondary, :external, :committee or nil.
    def stage
      Support.enum_out(:stage, Lib.hyoka_evaluation_stage(self))
    end

    def stage=(value)
      check(Lib.hyoka_evaluation_set_stage(self, Support.enum_in(:stage, value)), "stage #{value}")
    end

    def fiscal_year
      y = Lib.hyoka_evaluation_fiscal_year(self)
      y.zero? ? nil : y
    end

    def fiscal_year=(fy)
      check(Lib.hyoka_evaluation_set_fiscal_year(self, Support.fiscal_year_in(fy, allow_nil: true)), 'fiscal_year')
    end

    # The date as ISO text ("2008-05-15"), or nil.
    def date
      Support.date_out(Lib.hyoka_evaluation_date(self))
    end

    # Accepts "2008-05-15", "平成20年5月15日", a Date, or nil.
    def date=(value)
      check(Lib.hyoka_evaluation_set_date(self, Support.date_in(value)), 'date')
    end

    # Expected change of the outcome: :up, :same, :down or nil.
    def expected_outcome
      Support.enum_out(:expected_outcome, Lib.hyoka_evaluation_expected_outcome(self))
    end

    # Expected change of the cost: :down, :same, :up or nil.
    def expected_cost
      Support.enum_out(:expected_cost, Lib.hyoka_evaluation_expected_cost(self))
    end

    def set_expected(outcome: expected_outcome, cost: expected_cost)
      check(Lib.hyoka_evaluation_set_expected(self, Support.enum_in(:expected_outcome, outcome),
                                              Support.enum_in(:expected_cost, cost)),
            "expected outcome #{outcome.inspect}, cost #{cost.inspect}")
      self
    end

    def expected_outcome=(value)
      set_expected(outcome: value)
    end

    def expected_cost=(value)
      set_expected(cost: value)
    end

    # Criterion answers: { "relevance" => "A", ... }.
    def answers
      pairs(:hyoka_evaluation_answer_count, :hyoka_evaluation_answer_at)
    end

    def answer(criterion)
      s, l = Support.utf8_in(criterion)
      str(Lib.hyoka_evaluation_answer(self, s, l))
    end

    # Record (or with nil remove) the answer to a criterion.
    def set_answer(criterion, value)
      c, cl = Support.utf8_in(criterion)
      v, vl = Support.utf8_in(value.is_a?(Numeric) ? Support.decimal_text(value) : value)
      check(Lib.hyoka_evaluation_set_answer(self, c, cl, v, vl), 'answer')
      self
    end

    # Free comments: { "reason" => "...", ... }.
    def comments
      pairs(:hyoka_evaluation_comment_count, :hyoka_evaluation_comment_at)
    end

    def comment(key)
      s, l = Support.utf8_in(key)
      str(Lib.hyoka_evaluation_comment(self, s, l))
    end

    def set_comment(key, text)
      k, kl = Support.utf8_in(key)
      t, tl = Support.utf8_in(text)
      check(Lib.hyoka_evaluation_set_comment(self, k, kl, t, tl), 'comment')
      self
    end

    # Goals (今期目標): an Array of Goal.
    def goals
      w = FFI::MemoryPointer.new(:pointer)
      l = FFI::MemoryPointer.new(:pointer)
      by = FFI::MemoryPointer.new(:int32)
      (0...Lib.hyoka_evaluation_goal_count(self)).map do |i|
        check(Lib.hyoka_evaluation_goal_at(self, i, w, l, by))
        Goal.new(str(w.read_pointer), str(l.read_pointer), Support.date_out(by.read(:int32)))
      end
    end

    # Append a goal; by: "2008-12", "平成20年12月", a Date or nil. Each part
    # by position (what, level, by) or by keyword.
    def add_goal(what_ = UNGIVEN, level_ = UNGIVEN, by_ = UNGIVEN, what: UNGIVEN, level: UNGIVEN, by: UNGIVEN)
      what = Support.either(:what, what_, what)
      level = Support.either(:level, level_, level)
      by = Support.either(:by, by_, by)
      w, wl = Support.utf8_in(what)
      l, ll = Support.utf8_in(level)
      check(Lib.hyoka_evaluation_add_goal(self, w, wl, l, ll, Support.date_in(by)), 'goal')
      self
    end

    def remove_goal(index)
      check(Lib.hyoka_evaluation_remove_goal(self, index))
      self
    end

    # The scheme's weighted score (a Figure).
    def score
      value = Support.new_decimal
      reason = FFI::MemoryPointer.new(:int)
      Hyoka.figure_result(Lib.hyoka_evaluation_score(self, value, reason), :score, value, reason)
    end

    # The rating band of the score (a Rating).
    def rating
      code = FFI::MemoryPointer.new(:pointer)
      label = FFI::MemoryPointer.new(:pointer)
      reason = FFI::MemoryPointer.new(:int)
      code.write_pointer(nil)
      label.write_pointer(nil)
      reason.write(:int, 0)
      rc = Lib.hyoka_evaluation_rating(self, code, label, reason)
      if rc.zero?
        c = str(code.read_pointer)
        return Rating.new(c, str(label.read_pointer), c ? nil : :no_bands)
      end
      return Rating.new(nil, nil, Support.enum_out(:reason, reason.read(:int))) if rc == Unavailable::CODE

      check(rc, 'rating')
    end

    def project
      @owner
    end

    private

    # #assign also takes answers: and comments: (Hashes) and goals: (Array
    # of {what:, level:, by:}).
    def assign_extra(key, value)
      case key
      when :answers, :scores then value.each { |c, a| set_answer(c, a) }
      when :comments then value.each { |c, t| set_comment(c, t) }
      when :goals then value.each { |g| add_goal(**g.to_h) }
      when :expected then set_expected(**value)
      else return false
      end
      true
    end

    def inspect_details
      " #{stage || '-'} #{fiscal_year || '-'} verdict=#{verdict || '-'}"
    end

    def pairs(count_fn, at_fn)
      k = FFI::MemoryPointer.new(:pointer)
      v = FFI::MemoryPointer.new(:pointer)
      (0...Lib.__send__(count_fn, self)).each_with_object({}) do |i, h|
        check(Lib.__send__(at_fn, self, i, k, v))
        h[str(k.read_pointer)] = str(v.read_pointer)
      end
    end
  end
end
