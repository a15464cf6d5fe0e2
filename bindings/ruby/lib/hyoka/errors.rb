# frozen_string_literal: true

module Hyoka
  # Base of every error raised by hyoka. #code is the HYOKA_E* status (a
  # negative Integer), #status_name its symbolic name ("HYOKA_ERANGE").
  class Error < StandardError
    attr_reader :code

    def initialize(message = nil, code = nil)
      @code = code || self.class.const_get(:CODE)
      super(message || Hyoka::Lib.hyoka_strerror(@code))
    end

    def status_name
      Hyoka::Lib.hyoka_status_name(@code)
    end
  end

  class << self
    # The message of the last failure on this thread (hyoka_error_last()).
    def last_error
      ptr = Lib.hyoka_error_last
      ptr.null? ? '' : ptr.read_string.force_encoding(Encoding::UTF_8)
    end

    # Raise the exception of a negative status; return the status otherwise.
    def check(status, context = nil)
      return status if status >= 0

      raise error_for(status, context)
    end

    def error_for(status, context = nil, **extra)
      klass = ERRORS.fetch(status, Error)
      msg = last_error
      msg = Lib.hyoka_strerror(status).dup.force_encoding(Encoding::UTF_8) if msg.empty?
      msg = "#{context}: #{msg}" if context
      klass == Error ? klass.new(msg, status) : klass.new(msg, status, **extra)
    end
  end

  # One class per status code of error.h; CODE is the library's value of
  # the status name.
  STATUS_CLASSES = {
    InvalidArgument: :HYOKA_EINVAL,
    NoMemory: :HYOKA_ENOMEM,
    RangeError: :HYOKA_ERANGE,
    EncodingError: :HYOKA_EENCODING,
    SyntaxError: :HYOKA_ESYNTAX,
    NotFound: :HYOKA_ENOTFOUND,
    AlreadyExists: :HYOKA_EEXIST,
    DivisionByZero: :HYOKA_EDIVZERO,
    IOError: :HYOKA_EIO,
    LimitExceeded: :HYOKA_ELIMIT,
    Unavailable: :HYOKA_EUNAVAILABLE,
    StateError: :HYOKA_ESTATE,
    InvalidDocument: :HYOKA_EINVALID
  }.to_h do |name, status|
    klass = Class.new(Error)
    klass.const_set(:CODE, Support.enum_table(:status).fetch(status))
    const_set(name, klass)
    [status, klass]
  end.freeze

  # A document (JSON or CSV) was read with errors: #diagnostics lists them.
  class InvalidDocument
    attr_reader :diagnostics

    def initialize(message = nil, code = nil, diagnostics: [])
      @diagnostics = diagnostics
      super(message, code)
    end
  end

  # The loaded library lacks a function (an older build, or a module not
  # written yet). Not a library status: #code is nil.
  class NotImplemented < Error
    CODE = nil

    def initialize(message = nil, code = nil)
      @code = code
      StandardError.instance_method(:initialize).bind(self).call(message || 'not provided by the loaded libhyoka')
    end

    def status_name
      nil
    end
  end

  # Status code → exception class.
  ERRORS = STATUS_CLASSES.each_value.to_h { |klass| [klass::CODE, klass] }.freeze
end
