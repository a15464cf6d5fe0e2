# frozen_string_literal: true

require 'bigdecimal'

module Hyoka
  # Conversions between Ruby values and the C side: UTF-8 text as (pointer,
  # length), decimals as text, enumerations by their document names.
  module Support
    NTS = API::HYOKA_NTS
    UNSET = API::HYOKA_UNSET
    DECIMAL_SIZE = Lib::Decimal.size
    DECIMAL_STRING_MAX = API::HYOKA_DECIMAL_STRING_MAX

    module_function

    # ---- text ------------------------------------------------------------

    # Text for C: a String (or Symbol) converted to UTF-8; nil stays nil.
    # Returns [string_or_nil, byte_length].
    def utf8_in(value)
      return [nil, 0] if value.nil?

      s = value.is_a?(Symbol) ? value.to_s : value
      raise TypeError, "expected a String, got #{value.class}" unless s.is_a?(String)

      s = if s.encoding == Encoding::UTF_8
            s
          elsif s.encoding == Encoding::BINARY || s.encoding == Encoding::US_ASCII
            s.dup.force_encoding(Encoding::UTF_8)
          else
            s.encode(Encoding::UTF_8)
          end
      [s, s.bytesize]
    rescue ::EncodingError => e
      raise Hyoka::EncodingError, "cannot convert text to UTF-8: #{e.message}"
    end

    # A borrowed const char * from C as a new UTF-8 String, nil for NULL.
    def utf8_out(ptr)
      return nil if ptr.nil? || ptr.null?

      ptr.read_string.force_encoding(Encoding::UTF_8)
    end

    # Read and release (hyoka_free) a buffer the library allocated for us.
    def take_buffer(out_ptr, len_ptr, encoding = Encoding::UTF_8)
      buf = out_ptr.read_pointer
      return nil if buf.null?

      begin
        buf.read_bytes(len_ptr.read(:size_t)).force_encoding(encoding)
      ensure
        Lib.hyoka_free(buf)
      end
    end

    # Call fn(..., char **out, size_t *len) and return the text.
    def buffer_call(context, encoding = Encoding::UTF_8)
      out = FFI::MemoryPointer.new(:pointer)
      len = FFI::MemoryPointer.new(:size_t)
      Hyoka.check(yield(out, len), context)
      take_buffer(out, len, encoding)
    end

    # Call a formatter writing into a caller buffer (common.h convention).
    def format_call(size = API::HYOKA_CALENDAR_STRING_MAX)
      buf = FFI::MemoryPointer.new(:char, size)
      len = FFI::MemoryPointer.new(:size_t)
      Hyoka.check(yield(buf, size, len))
      buf.read_bytes(len.read(:size_t)).force_encoding(Encoding::UTF_8)
    end

    # ---- decimals --------------------------------------------------------

    # A hyoka_decimal in new memory from a BigDecimal, Integer or String
    # ("0.30" keeps its two places). Floats are refused: figures never go
    # through binary floating point.
    def decimal_in(value)
      text = decimal_text(value)
      mem = FFI::MemoryPointer.new(:uint8, DECIMAL_SIZE)
      Hyoka.check(Lib.hyoka_decimal_parse(text, text.bytesize, mem), 'decimal')
      mem
    end

    def decimal_text(value)
      case value
      when Integer then value.to_s
      when BigDecimal
        raise Hyoka::InvalidArgument, "not a finite decimal: #{value}" unless value.finite?

        value.to_s('F')
      when String then value.encode(Encoding::UTF_8)
      when Float
        raise TypeError, "hyoka takes decimals as BigDecimal, Integer or String, not Float (#{value}): " \
                         'binary floating point would change the figure'
      else
        return value.to_d.to_s('F') if value.respond_to?(:to_d) && !value.is_a?(Float)

        raise TypeError, "expected a BigDecimal, Integer or String, got #{value.class}"
      end
    end

    # The text of a hyoka_decimal, with its places ("98.30").
    def decimal_string(mem)
      DecimalText.new.of(mem)
    end

    # A buffer for the texts of decimals, one after the other
    # (hyoka_decimal_format, no flags).
    class DecimalText
      # The buffer (DECIMAL_STRING_MAX chars), for a loop that formats into it itself.
      attr_reader :buffer

      def initialize
        @buffer = FFI::MemoryPointer.new(:char, DECIMAL_STRING_MAX)
      end

      # The text of the hyoka_decimal at +mem+ (up to its NUL).
      def of(mem)
        Hyoka.check(Lib.hyoka_decimal_format(mem, 0, @buffer, DECIMAL_STRING_MAX, nil))
        @buffer.get_string(0)
      end
    end

    # The arrays of a bulk figure call (Hyoka.bulk_figures) for up to +size+
    # figures: values, reasons, a pointer to each value and a text buffer.
    class BulkArrays
      attr_reader :size, :values, :reasons, :entries, :text

      def initialize(size)
        @size = size
        @values = FFI::MemoryPointer.new(:uint8, DECIMAL_SIZE * size)
        @reasons = FFI::MemoryPointer.new(:int, size)
        @entries = Array.new(size) { |i| @values + (i * DECIMAL_SIZE) }
        @text = DecimalText.new
      end
    end

    def decimal_out(mem)
      BigDecimal(decimal_string(mem))
    end

    def new_decimal
      FFI::MemoryPointer.new(:uint8, DECIMAL_SIZE)
    end

    # ---- enumerations ----------------------------------------------------

    # hyoka_enum_id: { status: 0, rounding: 1, ... } (HYOKA_ENUM_STATUS...).
    ENUM_IDS = API.constants_with('HYOKA_ENUM_')

    @enum_cache = {}
    @enum_lock = Mutex.new

    class << self
      # { name_symbol => value } of an enumeration, read from the library.
      def enum_table(which)
        @enum_cache[which] || @enum_lock.synchronize do
          @enum_cache[which] ||= begin
            id = ENUM_IDS.fetch(which)
            count = Lib.hyoka_enum_count(id)
            Hyoka.check(count)
            values = which == :status ? (0...count).map { |i| -i } : (0...count).to_a
            values.each_with_object({}) do |v, h|
              name = Support.utf8_out(Lib.hyoka_enum_name(id, v))
              h[name.to_sym] = v if name && !name.empty?
            end.freeze
          end
        end
      end
    end

    # { reader_name => value } of an enumeration of fields, read from the
    # library: a reader is named after the document name's last part
    # ("organization.department" → :department) unless +rename+ names it.
    def fields(which, rename = {})
      Support.enum_table(which).to_h do |name, value|
        [rename.fetch(name) { name.to_s.split('.').last.to_sym }, value]
      end.freeze
    end

    # Symbol (or String, or Integer) → enum value; nil → HYOKA_UNSET
    # when +allow_nil+.
    def enum_in(which, value, allow_nil: true)
      if value.nil?
        return UNSET if allow_nil

        raise Hyoka::InvalidArgument, "#{which} must be given"
      end
      return value if value.is_a?(Integer)

      table = Support.enum_table(which)
      table.fetch(value.to_s.to_sym) do
        raise Hyoka::InvalidArgument, "unknown #{which} #{value.inspect} (one of #{table.keys.map(&:inspect).join(', ')})"
      end
    end

    # enum value → Symbol; HYOKA_UNSET → nil.
    def enum_out(which, value)
      return nil if value.nil? || value.negative? && which != :status

      Support.enum_table(which).key(value) || value
    end

    # :en or :ja → hyoka_lang; nil → the library's default (Hyoka.default_lang).
    def lang_in(lang)
      return enum_in(:lang, lang, allow_nil: false) unless lang.nil?

      Lib.available?(:hyoka_lang_default) ? Lib.hyoka_lang_default : enum_in(:lang, :en, allow_nil: false)
    end

    # ---- arguments given by position or by keyword -----------------------

    # Default of the parameters that may be given either way, as in Python:
    # add_staff(:regular, fte: '0.8') or add_staff(category: :regular, ...).
    UNGIVEN = Object.new.tap { |o| o.define_singleton_method(:inspect) { 'UNGIVEN' } }.freeze

    # +attrs+ with the attributes given by position (+positional+: name =>
    # value or UNGIVEN) added; ArgumentError for one given both ways.
    def with_positional(attrs, positional)
      positional.each_with_object(attrs.dup) do |(name, value), out|
        next if value.equal?(UNGIVEN)
        raise ArgumentError, "#{name} given twice, by position and as #{name}:" if out.key?(name)

        out[name] = value
      end
    end

    # The value of parameter +name+, given by position or by keyword (not
    # both), else +default+.
    def either(name, positional, keyword, default = nil)
      if positional.equal?(UNGIVEN)
        keyword.equal?(UNGIVEN) ? default : keyword
      elsif keyword.equal?(UNGIVEN)
        positional
      else
        raise ArgumentError, "#{name} given twice, by position and as #{name}:"
      end
    end

    # ---- fiscal years and dates -----------------------------------------

    # An Integer fiscal year, or an era string ("平成19年度", "H19").
    def fiscal_year_in(value, allow_nil: false)
      return 0 if value.nil? && allow_nil
      return value if value.is_a?(Integer)

      raise TypeError, "expected a fiscal year (Integer or String), got #{value.class}" unless value.is_a?(String)

      Hyoka.fiscal_year(value)
    end

    # A date as YYYYMMDD: from a Date, "2008-05-15", "平成20年5月15日",
    # [y, m, d] or an Integer YYYYMMDD; nil → 0.
    def date_in(value)
      case value
      when nil then 0
      when Integer then value
      when String then Hyoka.date_value(value)
      when Array
        out = FFI::MemoryPointer.new(:int32)
        Hyoka.check(Lib.hyoka_date_make(value[0], value[1] || 0, value[2] || 0, out))
        out.read(:int32)
      else
        if value.respond_to?(:year) && value.respond_to?(:month) && value.respond_to?(:day)
          out = FFI::MemoryPointer.new(:int32)
          Hyoka.check(Lib.hyoka_date_make(value.year, value.month, value.day, out))
          out.read(:int32)
        else
          raise TypeError, "expected a date (String, Date, Integer YYYYMMDD), got #{value.class}"
        end
      end
    end

    # YYYYMMDD → ISO text ("2008-05-15", "2008-12"); 0 → nil.
    def date_out(value)
      return nil if value.nil? || value.zero?

      format_call { |buf, size, len| Lib.hyoka_date_to_iso(value, buf, size, len) }
    end
  end

  # See Support::UNGIVEN.
  UNGIVEN = Support::UNGIVEN
end
