# frozen_string_literal: true

module Hyoka
  # One fiscal year of a project's costs (hyoka_costs), owned by its
  # project. Amounts are Integer yen, counts Integers; nil is missing
  # (which is not 0).
  class CostYear < Handle
    # reader/writer name => hyoka_cost_field (the library's names)
    FIELDS = Support.fields(:cost_field)

    def fiscal_year
      Lib.hyoka_costs_fiscal_year(self)
    end

    def fiscal_year=(fy)
      check(Lib.hyoka_costs_set_fiscal_year(self, Support.fiscal_year_in(fy)), 'fiscal_year')
    end

    # :plan, :budget, :forecast, :settled or nil.
    def phase
      Support.enum_out(:phase, Lib.hyoka_costs_phase(self))
    end

    def phase=(value)
      check(Lib.hyoka_costs_set_phase(self, Support.enum_in(:phase, value)), "phase #{value}")
    end

    FIELDS.each do |name, field|
      define_method(name) { get(field) }
      define_method("#{name}=") { |value| set(field, value, name) }
    end

    # ---- stated figures --------------------------------------------------

    # The figure as the sheet printed it (a Stated), or nil. Without an
    # argument, a Hash of every stated figure.
    def stated(figure = nil)
      return YEAR_FIGURES.each_with_object({}) { |f, h| (s = stated(f)) && h[f] = s } if figure.nil?

      value = Support.new_decimal
      unit = FFI::MemoryPointer.new(:int)
      rc = check(Lib.hyoka_costs_stated(self, Support.enum_in(:figure, figure, allow_nil: false), value, unit),
                 "stated #{figure}")
      return nil if rc.zero?

      text = Support.decimal_string(value)
      Stated.new(BigDecimal(text), Support.enum_out(:unit, unit.read(:int)), text)
    end

    # Keep a printed figure to be checked (C003/C004/C005): value as
    # String ("15775.5", keeps places), Integer or BigDecimal; unit :yen
    # (the default) or :thousand_yen, by position or unit:.
    def set_stated(figure, value, unit_ = UNGIVEN, unit: UNGIVEN)
      unit = Support.either(:unit, unit_, unit)
      fig = Support.enum_in(:figure, figure, allow_nil: false)
      return clear_stated(figure) if value.nil?

      unit ||= :yen
      check(Lib.hyoka_costs_set_stated(self, fig, Support.decimal_in(value),
                                       Support.enum_in(:unit, unit, allow_nil: false)), "stated #{figure}")
      self
    end

    def clear_stated(figure)
      check(Lib.hyoka_costs_clear_stated(self, Support.enum_in(:figure, figure, allow_nil: false)), "stated #{figure}")
      self
    end

    # ---- staff -----------------------------------------------------------

    def staff
      ChildList.new(self, -> { Lib.hyoka_costs_staff_count(self) }) do |i|
        wrap(Staff, Lib.hyoka_costs_staff_at(self, i))
      end
    end

    # Append a staff line: add_staff(:regular, fte: '1.77',
    # unit_cost: 8_400_000), add_staff(category: :regular, ...) or
    # add_staff(hours: 220, amount: 914_000).
    def add_staff(category_ = UNGIVEN, category: UNGIVEN, **attrs)
      category = Support.either(:category, category_, category)
      out = FFI::MemoryPointer.new(:pointer)
      check(Lib.hyoka_costs_add_staff(self, Support.enum_in(:staff_category, category), out), 'add_staff')
      s = wrap(Staff, out.read_pointer)
      undo_on_error(s) { remove_staff(s) }.assign(attrs)
      s
    end

    def remove_staff(line)
      i = index_of(line, :hyoka_costs_staff_count, :hyoka_costs_staff_at)
      ptr = Lib.hyoka_costs_staff_at(self, i)
      check(Lib.hyoka_costs_remove_staff(self, i))
      forget(ptr)
      self
    end

    # ---- figures ---------------------------------------------------------

    # A computed figure (see "Figures" in docs/guide.md) as a Figure:
    # year.figure(:per_capita).
    def figure(name)
      value = Support.new_decimal
      reason = FFI::MemoryPointer.new(:int)
      rc = Lib.hyoka_costs_figure(self, Support.enum_in(:figure, name, allow_nil: false), value, reason)
      Hyoka.figure_result(rc, name, value, reason)
    end

    # Every figure of the year: { name => Figure }, in one call of the
    # library (the year's expense, personnel and total computed once); the
    # same as #figure for each name.
    def figures
      Hyoka.bulk_figures(YEAR_FIGURES) { |values, reasons, n| Lib.hyoka_costs_figures(self, values, reasons, n) }
    end

    # Every figure of the year as its value alone: { name => Integer yen,
    # BigDecimal or nil (unavailable: #figures or #figure says why) }, in
    # one call of the library. The lighter form for reading every figure of
    # many years: no Figure (and no text) per entry.
    def figure_values
      Hyoka.bulk_figures(YEAR_FIGURES, values_only: true) do |values, reasons, n|
        Lib.hyoka_costs_figures(self, values, reasons, n)
      end
    end

    # The project this year belongs to.
    def project
      @owner
    end

    private

    # #assign also takes staff: (Array of Hashes for #add_staff) and
    # stated: ({figure => value or [value, unit]}).
    def assign_extra(key, value)
      case key
      when :staff then value.each { |s| add_staff(**s) }
      when :stated
        value.each do |fig, val|
          val, unit = val.is_a?(Array) ? val : [val, nil]
          set_stated(fig, val, unit: unit)
        end
      else return false
      end
      true
    end

    def inspect_details
      " #{fiscal_year} #{phase || '-'} staff=#{Lib.hyoka_costs_staff_count(self)}"
    end

    def get(field)
      out = FFI::MemoryPointer.new(:int64)
      rc = check(Lib.hyoka_costs_get(self, field, out))
      rc == 1 ? out.read(:int64) : nil
    end

    def set(field, value, name)
      if value.nil?
        check(Lib.hyoka_costs_clear(self, field))
      else
        raise TypeError, "#{name} takes an Integer (yen or a count), got #{value.class}" unless value.is_a?(Integer)

        check(Lib.hyoka_costs_set(self, field, value), name.to_s)
      end
    end
  end

  # A staff line of a cost year (hyoka_staff).
  class Staff < Handle
    # reader/writer name => hyoka_staff_field, decimals and yen amounts
    DECIMAL_FIELDS = Support.fields(:staff_field).slice(:headcount, :fte, :hours).freeze
    AMOUNT_FIELDS = Support.fields(:staff_field).slice(:unit_cost, :hourly_rate, :amount).freeze

    # :regular, :reappointed, :part_time, :temporary or nil.
    def category
      Support.enum_out(:staff_category, Lib.hyoka_staff_category(self))
    end

    def category=(value)
      check(Lib.hyoka_staff_set_category(self, Support.enum_in(:staff_category, value)), "category #{value}")
    end

    DECIMAL_FIELDS.each do |name, field|
      define_method(name) do
        out = Support.new_decimal
        check(Lib.hyoka_staff_get_decimal(self, field, out)) == 1 ? Support.decimal_out(out) : nil
      end
      define_method("#{name}=") do |value|
        if value.nil?
          check(Lib.hyoka_staff_clear(self, field))
        else
          check(Lib.hyoka_staff_set_decimal(self, field, Support.decimal_in(value)), name.to_s)
        end
      end
    end

    AMOUNT_FIELDS.each do |name, field|
      define_method(name) do
        out = FFI::MemoryPointer.new(:int64)
        check(Lib.hyoka_staff_get_amount(self, field, out)) == 1 ? out.read(:int64) : nil
      end
      define_method("#{name}=") do |value|
        if value.nil?
          check(Lib.hyoka_staff_clear(self, field))
        else
          raise TypeError, "#{name} takes Integer yen, got #{value.class}" unless value.is_a?(Integer)

          check(Lib.hyoka_staff_set_amount(self, field, value), name.to_s)
        end
      end
    end

    # The cost of the line in yen as counted in personnel (a Figure).
    def cost
      out = FFI::MemoryPointer.new(:int64)
      reason = FFI::MemoryPointer.new(:int)
      rc = Lib.hyoka_staff_cost(self, out, reason)
      return Figure.new(out.read(:int64), nil, out.read(:int64).to_s) if rc.zero?
      return Figure.new(nil, Support.enum_out(:reason, reason.read(:int)), nil) if rc == Unavailable::CODE

      check(rc, 'staff cost')
    end

    def cost_year
      @owner
    end

    private

    # "regular fte=0.8 unit_cost=8400000": the category and the fields present.
    def inspect_details
      fields = DECIMAL_FIELDS.keys.map { |f| [f, public_send(f)&.to_s('F')] } +
               AMOUNT_FIELDS.keys.map { |f| [f, public_send(f)] }
      " #{category || '-'}" + fields.reject { |_, v| v.nil? }.map { |f, v| " #{f}=#{v}" }.join
    end
  end
end
