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

  # One class per status code of error.h (codes are never renumbered).
  {
    InvalidArgument: -1,  # HYOKA_EINVAL
    NoMemory: -2,         # HYOKA_ENOMEM
    RangeError: -3,       # HYOKA_ERANGE
    EncodingError: -4,    # HYOKA_EENCODING
    SyntaxError: -5,      # HYOKA_ESYNTAX
    NotFound: -6,         # HYOKA_ENOTFOUND
    AlreadyExists: -7,    # HYOKA_EEXIST
    DivisionByZero: -8,   # HYOKA_EDIVZERO
    IOError: -9,          # HYOKA_EIO
    LimitExceeded: -10,   # HYOKA_ELIMIT
    Unavailable: -11,     # HYOKA_EUNAVAILABLE
    StateError: -12,      # HYOKA_ESTATE
    InvalidDocument: -13  # HYOKA_EINVALID
  }.each do |name, code|
    klass = Class.new(Error)
    klass.const_set(:CODE, code)
    const_set(name, klass)
  end

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
  ERRORS = {
    -1 => InvalidArgument, -2 => NoMemory, -3 => RangeError, -4 => EncodingError,
    -5 => SyntaxError, -6 => NotFound, -7 => AlreadyExists, -8 => DivisionByZero,
    -9 => IOError, -10 => LimitExceeded, -11 => Unavailable, -12 => StateError,
    -13 => InvalidDocument
  }.freeze

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
end
