# frozen_string_literal: true

module Hyoka
  # The value of a record field the sheet printed as not applicable ("-"):
  # neither missing (nil) nor any value.
  NOT_APPLICABLE = Object.new
  def NOT_APPLICABLE.inspect
    'Hyoka::NOT_APPLICABLE'
  end
  NOT_APPLICABLE.freeze

  # A record of typed fields (record.h): a budget line, a spending block, a
  # recipient, a contract... owned by its project or parent record. Fields
  # are read and written by document name: record[:appropriation],
  # record[:appropriation] = 40_217_000 (nil makes a field missing,
  # Hyoka::NOT_APPLICABLE marks it not applicable). Values: String (text),
  # Integer (money in yen, counts, numbers, fiscal years), BigDecimal, true
  # or false (flags).
  class Record < Handle
    @kind_fields = {}
    @kind_fields_lock = Mutex.new

    class << self
      # { name => [field, type] } of the fields of a record kind (a value),
      # read from the schema once.
      def kind_fields(kind)
        @kind_fields[kind] || @kind_fields_lock.synchronize do
          @kind_fields[kind] ||= Support.enum_table(:record_field).each_with_object({}) do |(name, f), h|
            t = Lib.hyoka_record_field_type(kind, f)
            h[name] = [f, Support.enum_out(:field_type, t)] unless t.negative?
          end.freeze
        end
      end
    end

    # Mixed into Project and Record: the lists of records they hold.
    module Owner
      private

      # The child records of +kind+ through the C functions +count_fn+ and
      # +at_fn+ (taking the kind), as a live list.
      def record_list(kind, count_fn, at_fn)
        k = Support.enum_in(:record_kind, kind, allow_nil: false)
        ChildList.new(self, -> { Lib.__send__(count_fn, self, k) }) do |i|
          wrap(Record, Lib.__send__(at_fn, self, k, i))
        end
      end

      # Append a record of +kind+ with +add_fn+ and set +fields+ (removed
      # again when a field is refused).
      def add_record_with(kind, fields, add_fn)
        out = FFI::MemoryPointer.new(:pointer)
        check(Lib.__send__(add_fn, self, Support.enum_in(:record_kind, kind, allow_nil: false), out), kind.to_s)
        rec = wrap(Record, out.read_pointer)
        begin
          fields.each { |name, value| rec[name] = value }
        rescue StandardError
          remove_record_with(rec, add_fn == :hyoka_project_add_record ? :project : :record)
          raise
        end
        rec
      end

      # Remove +record+ (a Record of ours) and invalidate its wrapper.
      def remove_record_with(record, owner)
        at_fn, remove_fn = if owner == :project
                             %i[hyoka_project_record_at hyoka_project_remove_record]
                           else
                             %i[hyoka_record_child_at hyoka_record_remove_child]
                           end
        k = Lib.hyoka_record_kind_of(record)
        i = 0
        i += 1 until (ptr = Lib.__send__(at_fn, self, k, i)).null? || ptr.address == record.to_ptr.address
        raise NotFound, 'the record does not belong here' if ptr.null?

        check(Lib.__send__(remove_fn, self, k, i))
        forget(ptr)
        self
      end
    end
    include Owner

    # The kind's document name (:budgets, :blocks...).
    def kind
      Support.enum_out(:record_kind, check(Lib.hyoka_record_kind_of(self)))
    end

    # A field's value; nil when missing; Hyoka::NOT_APPLICABLE.
    def [](name)
      field, type = field_of(name)
      state = Support.enum_out(:field_state, check(Lib.hyoka_record_field_state(self, field)))
      return nil if state == :missing
      return NOT_APPLICABLE if state == :not_applicable

      read(field, type)
    end

    def []=(name, value)
      field, type = field_of(name)
      return check(Lib.hyoka_record_clear(self, field), name.to_s) if value.nil?
      return check(Lib.hyoka_record_set_not_applicable(self, field), name.to_s) if value.equal?(NOT_APPLICABLE)

      write(field, type, name, value)
    end

    # :missing, :set or :not_applicable.
    def state(name)
      Support.enum_out(:field_state, check(Lib.hyoka_record_field_state(self, field_of(name).first)))
    end

    # Every field that is set or not applicable: { name => value }.
    def fields
      Record.kind_fields(check(Lib.hyoka_record_kind_of(self))).each_with_object({}) do |(name, (f, _)), h|
        h[name] = self[name] unless Lib.hyoka_record_field_state(self, f).zero?
      end
    end

    # The child records of one kind (:items, :recipients, :contracts, :expenses).
    def children(kind)
      record_list(kind, :hyoka_record_child_count, :hyoka_record_child_at)
    end

    # Append a child record: block.add_child(:recipients, name: '...', corporate_number: '...').
    def add_child(kind, **fields)
      add_record_with(kind, fields, :hyoka_record_add_child)
    end

    def remove_child(record)
      remove_record_with(record, :record)
    end

    # The record this one hangs under, or nil for a project's own record.
    def parent
      @owner.is_a?(Record) ? @owner : nil
    end

    # The project the record belongs to.
    def project
      o = @owner
      o = o.owner while o.is_a?(Record)
      o
    end

    # A figure (:unspent, :appropriation_rate, :account_share,
    # :single_bidder_share, :noncompetitive_share) as a Figure.
    def figure(name)
      value = Support.new_decimal
      reason = FFI::MemoryPointer.new(:int)
      rc = Lib.hyoka_record_figure(self, Support.enum_in(:figure, name, allow_nil: false), value, reason)
      Hyoka.figure_result(rc, name, value, reason)
    end

    # #extensions, #extension, #set_extension: the columns a reader kept by their header.
    include ExtensionMap
    extension_functions :hyoka_record

    private

    # [field, type] of a field of this record's kind; Hyoka::InvalidArgument otherwise.
    def field_of(name)
      Record.kind_fields(check(Lib.hyoka_record_kind_of(self))).fetch(name.to_sym) do
        raise InvalidArgument, "#{name} is not a field of #{kind} records"
      end
    end

    def read(field, type)
      case type
      when :text then str(Lib.hyoka_record_text(self, field))
      when :decimal
        d = Support.new_decimal
        check(Lib.hyoka_record_decimal(self, field, d))
        Support.decimal_out(d)
      when :flag then read_scalar(:hyoka_record_flag, field, :int) == 1
      when :fiscal_year then read_scalar(:hyoka_record_fiscal_year, field, :int32)
      when :money then read_scalar(:hyoka_record_money, field, :int64)
      else read_scalar(:hyoka_record_integer, field, :int64)
      end
    end

    def read_scalar(fn, field, type)
      out = FFI::MemoryPointer.new(type)
      check(Lib.__send__(fn, self, field, out))
      out.read(type)
    end

    def write(field, type, name, value)
      status = case type
               when :text
                 s, l = Support.utf8_in(value)
                 Lib.hyoka_record_set_text(self, field, s, l)
               when :decimal then Lib.hyoka_record_set_decimal(self, field, Support.decimal_in(value))
               when :flag
                 raise TypeError, "#{name} is a flag: expected true or false" unless [true, false].include?(value)

                 Lib.hyoka_record_set_flag(self, field, value ? 1 : 0)
               when :fiscal_year then Lib.hyoka_record_set_fiscal_year(self, field, Support.fiscal_year_in(value))
               when :money then Lib.hyoka_record_set_money(self, field, Integer(value))
               else Lib.hyoka_record_set_integer(self, field, Integer(value))
               end
      check(status, name.to_s)
    end

    def inspect_details
      valid? ? " #{kind} #{fields.inspect}" : ''
    end
  end

  class Project
    include Record::Owner

    # The project's records of one kind (:budgets, :blocks...), a live list of Record.
    def records(kind)
      record_list(kind, :hyoka_project_record_count, :hyoka_project_record_at)
    end

    # Append a record: add_record(:budgets, budget_year: 2023, appropriation: 40_217_000).
    def add_record(kind, **fields)
      add_record_with(kind, fields, :hyoka_project_add_record)
    end

    def remove_record(record)
      remove_record_with(record, :project)
    end

    # The flags that are given, by document name (:start_unknown,
    # :'methods.direct'...): { name => true or false }.
    def flags
      v = FFI::MemoryPointer.new(:int)
      Support.enum_table(:project_flag).each_with_object({}) do |(name, f), h|
        h[name] = v.read(:int) == 1 if check(Lib.hyoka_project_flag(self, f, v)) == 1
      end
    end

    # Set a flag to true or false; nil makes it missing (which is not false).
    def set_flag(name, value)
      check(Lib.hyoka_project_set_flag(self, Support.enum_in(:project_flag, name, allow_nil: false),
                                       value.nil? ? Support::UNSET : (value ? 1 : 0)), name.to_s)
      self
    end
  end

  class Indicator
    # Its number in the logic model (Integer) or nil.
    def number
      out = FFI::MemoryPointer.new(:int64)
      check(Lib.hyoka_indicator_number(self, out)) == 1 ? out.read(:int64) : nil
    end

    def number=(value)
      check(Lib.hyoka_indicator_set_number(self, value.nil? ? Support::UNSET : Integer(value)), 'number')
    end

    # :short, :medium, :long or nil.
    def term
      Support.enum_out(:term, Lib.hyoka_indicator_term(self))
    end

    def term=(value)
      check(Lib.hyoka_indicator_set_term(self, Support.enum_in(:term, value)), 'term')
    end

    # :quantitative, :qualitative or nil.
    def measurement
      Support.enum_out(:measurement, Lib.hyoka_indicator_measurement(self))
    end

    def measurement=(value)
      check(Lib.hyoka_indicator_set_measurement(self, Support.enum_in(:measurement, value)), 'measurement')
    end

    # 目標年度 (Integer) or nil.
    def target_fiscal_year
      y = Lib.hyoka_indicator_target_year(self)
      y.zero? ? nil : y
    end

    def target_fiscal_year=(fy)
      check(Lib.hyoka_indicator_set_target_year(self, Support.fiscal_year_in(fy, allow_nil: true)),
            'target_fiscal_year')
    end

    # The baseline (基準値): { value:, fiscal_year: } or nil when neither is given.
    def baseline
      value = Support.new_decimal
      fy = FFI::MemoryPointer.new(:int32)
      has = check(Lib.hyoka_indicator_baseline(self, value, fy)) == 1
      y = fy.read(:int32)
      return nil unless has || y.nonzero?

      { value: has ? Support.decimal_out(value) : nil, fiscal_year: y.zero? ? nil : y }
    end

    def set_baseline(value, fiscal_year: nil)
      check(Lib.hyoka_indicator_set_baseline(self, value.nil? ? nil : Support.decimal_in(value),
                                             Support.fiscal_year_in(fiscal_year, allow_nil: true)), 'baseline')
      self
    end
  end
end
