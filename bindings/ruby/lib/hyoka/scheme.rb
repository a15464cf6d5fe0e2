# frozen_string_literal: true

module Hyoka
  # The vocabulary of an evaluation practice (hyoka_scheme): criteria,
  # verdicts, budget directions and rating bands. Built-in schemes
  # (Scheme.builtin('jp-standard')) belong to the library and are
  # read-only; Scheme.new makes one owned by Ruby until added to a
  # portfolio (Portfolio#add_scheme).
  class Scheme < OwnedHandle
    c_functions free: :hyoka_scheme_free, copy: :hyoka_scheme_copy, equal: :hyoka_scheme_equal

    class << self
      # A scheme owned by Ruby: Scheme.new('city-3point', '市の3段階') or
      # Scheme.new('city-3point', name: '...').
      def new(id, name_ = UNGIVEN, name: UNGIVEN)
        name = Support.either(:name, name_, name)
        s, l = Support.utf8_in(id)
        out = FFI::MemoryPointer.new(:pointer)
        Hyoka.check(Lib.hyoka_scheme_new(out, s, l), 'Scheme.new')
        sc = owned(out.read_pointer)
        sc.name = name if name
        sc
      end

      # A built-in scheme by id, or nil.
      def builtin(id)
        s, l = Support.utf8_in(id)
        ptr = Lib.hyoka_scheme_builtin(s, l)
        ptr.null? ? nil : borrowed(ptr, nil)
      end

      # Every built-in scheme.
      def builtins
        (0...Lib.hyoka_scheme_builtin_count).map { |i| borrowed(Lib.hyoka_scheme_builtin_at(i), nil) }
      end
    end

    def builtin?
      Lib.hyoka_scheme_is_builtin(self) == 1
    end

    def id
      str(Lib.hyoka_scheme_id(self))
    end

    def name
      str(Lib.hyoka_scheme_name(self))
    end

    def name=(value)
      s, l = Support.utf8_in(value)
      check(Lib.hyoka_scheme_set_name(self, s, l), 'scheme name')
    end

    # Append a criterion (label by position or label:). options: Array of
    # [code, label, score] (or Hashes); range: [min, max] for a numeric
    # criterion.
    def add_criterion(code, label_ = UNGIVEN, label: UNGIVEN, weight: nil, required: false, options: nil, range: nil)
      label = Support.either(:label, label_, label)
      c, cl = Support.utf8_in(code)
      l, ll = Support.utf8_in(label)
      idx = FFI::MemoryPointer.new(:size_t)
      check(Lib.hyoka_scheme_add_criterion(self, c, cl, l, ll, weight.nil? ? nil : Support.decimal_in(weight), idx),
            'criterion')
      i = idx.read(:size_t)
      check(Lib.hyoka_scheme_set_required(self, i, 1)) if required
      options&.each do |opt|
        oc, ol, os = opt.is_a?(Hash) ? opt.values_at(:code, :label, :score) : opt
        a, al = Support.utf8_in(oc)
        b, bl = Support.utf8_in(ol)
        check(Lib.hyoka_scheme_add_option(self, i, a, al, b, bl, os.nil? ? nil : Support.decimal_in(os)), 'option')
      end
      if range
        lo, hi = range
        check(Lib.hyoka_scheme_set_range(self, i, lo.nil? ? nil : Support.decimal_in(lo),
                                         hi.nil? ? nil : Support.decimal_in(hi)), 'range')
      end
      self
    end

    # The criteria: an Array of Criterion.
    def criteria
      code = FFI::MemoryPointer.new(:pointer)
      label = FFI::MemoryPointer.new(:pointer)
      weight = Support.new_decimal
      (0...Lib.hyoka_scheme_criterion_count(self)).map do |i|
        check(Lib.hyoka_scheme_criterion_at(self, i, code, label, weight))
        Criterion.new(str(code.read_pointer), str(label.read_pointer), Support.decimal_out(weight),
                      Lib.hyoka_scheme_required(self, i) == 1, options_of(i), range_of(i))
      end
    end

    # Append a verdict: code, label and group (:continue or :end), each
    # after the code by position or by keyword.
    def add_verdict(code, label_ = UNGIVEN, group_ = UNGIVEN, label: UNGIVEN, group: UNGIVEN)
      label = Support.either(:label, label_, label)
      group = Support.either(:group, group_, group, :continue)
      c, cl = Support.utf8_in(code)
      l, ll = Support.utf8_in(label)
      check(Lib.hyoka_scheme_add_verdict(self, c, cl, l, ll, Support.enum_in(:verdict_group, group, allow_nil: false)),
            'verdict')
      self
    end

    def verdicts
      triples(:hyoka_scheme_verdict_count, :hyoka_scheme_verdict_at).map do |c, l, g|
        Verdict.new(c, l, Support.enum_out(:verdict_group, g))
      end
    end

    # Append a budget direction: code, label and kind (:same, :increase,
    # :decrease, :end), each after the code by position or by keyword.
    def add_budget(code, label_ = UNGIVEN, kind_ = UNGIVEN, label: UNGIVEN, kind: UNGIVEN)
      label = Support.either(:label, label_, label)
      kind = Support.either(:kind, kind_, kind, :same)
      c, cl = Support.utf8_in(code)
      l, ll = Support.utf8_in(label)
      check(Lib.hyoka_scheme_add_budget(self, c, cl, l, ll, Support.enum_in(:budget_kind, kind, allow_nil: false)),
            'budget direction')
      self
    end

    alias add_budget_direction add_budget

    def budget_directions
      triples(:hyoka_scheme_budget_count, :hyoka_scheme_budget_at).map do |c, l, k|
        BudgetDirection.new(c, l, Support.enum_out(:budget_kind, k))
      end
    end

    # Append a rating band from +min+ up (label by position or label:).
    def add_band(min, code, label_ = UNGIVEN, label: UNGIVEN)
      label = Support.either(:label, label_, label)
      c, cl = Support.utf8_in(code)
      l, ll = Support.utf8_in(label)
      check(Lib.hyoka_scheme_add_band(self, Support.decimal_in(min), c, cl, l, ll), 'band')
      self
    end

    # Rating bands, highest first.
    def bands
      min = Support.new_decimal
      code = FFI::MemoryPointer.new(:pointer)
      label = FFI::MemoryPointer.new(:pointer)
      (0...Lib.hyoka_scheme_band_count(self)).map do |i|
        check(Lib.hyoka_scheme_band_at(self, i, min, code, label))
        Band.new(Support.decimal_out(min), str(code.read_pointer), str(label.read_pointer))
      end
    end

    # The rating when a required criterion is unanswered: [code, label] or nil.
    def missing_rating
      code = FFI::MemoryPointer.new(:pointer)
      label = FFI::MemoryPointer.new(:pointer)
      return nil if check(Lib.hyoka_scheme_missing_rating(self, code, label)).zero?

      [str(code.read_pointer), str(label.read_pointer)]
    end

    def set_missing_rating(code, label_ = UNGIVEN, label: UNGIVEN)
      label = Support.either(:label, label_, label)
      c, cl = Support.utf8_in(code)
      l, ll = Support.utf8_in(label)
      check(Lib.hyoka_scheme_set_missing_rating(self, c, cl, l, ll), 'missing rating')
      self
    end

    private

    def inspect_details
      " #{id}#{builtin? ? ' (built in)' : ''} criteria=#{Lib.hyoka_scheme_criterion_count(self)}"
    end

    def options_of(criterion)
      code = FFI::MemoryPointer.new(:pointer)
      label = FFI::MemoryPointer.new(:pointer)
      score = Support.new_decimal
      has = FFI::MemoryPointer.new(:int)
      (0...Lib.hyoka_scheme_option_count(self, criterion)).map do |j|
        check(Lib.hyoka_scheme_option_at(self, criterion, j, code, label, score, has))
        SchemeOption.new(str(code.read_pointer), str(label.read_pointer),
                         has.read(:int) == 1 ? Support.decimal_out(score) : nil)
      end
    end

    def range_of(criterion)
      lo = Support.new_decimal
      hi = Support.new_decimal
      has_lo = FFI::MemoryPointer.new(:int)
      has_hi = FFI::MemoryPointer.new(:int)
      return nil if check(Lib.hyoka_scheme_range(self, criterion, lo, has_lo, hi, has_hi)).zero?

      [has_lo.read(:int) == 1 ? Support.decimal_out(lo) : nil, has_hi.read(:int) == 1 ? Support.decimal_out(hi) : nil]
    end

    def triples(count_fn, at_fn)
      code = FFI::MemoryPointer.new(:pointer)
      label = FFI::MemoryPointer.new(:pointer)
      n = FFI::MemoryPointer.new(:int)
      (0...Lib.__send__(count_fn, self)).map do |i|
        check(Lib.__send__(at_fn, self, i, code, label, n))
        [str(code.read_pointer), str(label.read_pointer), n.read(:int)]
      end
    end
  end
end
