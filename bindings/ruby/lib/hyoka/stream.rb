# frozen_string_literal: true

module Hyoka
  # The top-level projects of a hyoka/1 document read one at a time, in
  # memory bounded by the largest project (stream.h, docs/streaming.md).
  #
  #   Hyoka.stream('collection.json') { |project| ... }
  #   s = Hyoka.stream(io)             # an IO: read as it goes
  #   s.each { |project| ... }
  #
  # Each project belongs to #portfolio (the document's header:
  # municipality, denominators, rounding, schemes) while it is current, so
  # its figures are those of the whole document; it is released when the
  # next one is read (#detach keeps a standalone copy). At the end of a
  # document with errors, or at a syntax error, #each raises
  # Hyoka::InvalidDocument with the diagnostics.
  class Stream
    include Enumerable

    # The document's header as a Portfolio (owned by the stream).
    attr_reader :portfolio

    # +source+: a path (String or Pathname) or an IO (anything with #read).
    # Options as Portfolio.parse.
    def initialize(source, lang: nil, max_depth: nil, max_string: nil, max_document: nil, max_diagnostics: nil,
                   rules: nil)
      @lang = lang
      @report = Report.new(rules: rules)
      opts = Portfolio.__send__(:read_options, max_depth: max_depth, max_string: max_string,
                                               max_document: max_document, max_diagnostics: max_diagnostics)
      out = FFI::MemoryPointer.new(:pointer)
      rc = if source.respond_to?(:read)
             @source = source_proc(source)
             Lib.hyoka_stream_open_source(out, @source, nil, opts, @report)
           else
             Lib.hyoka_stream_open_file(out, source.to_s, opts, @report)
           end
      finish(rc)
      @ptr = FFI::AutoPointer.new(out.read_pointer, Lib.method(:hyoka_stream_free))
      @portfolio = Portfolio.borrowed(Lib.hyoka_stream_portfolio(@ptr), self)
    end

    # Yield each project (a Hyoka::Project, usable until the next one).
    def each
      return enum_for(:each) unless block_given?

      out = FFI::MemoryPointer.new(:pointer)
      while @ptr
        release_current
        rc = Lib.hyoka_stream_next(@ptr, out)
        break close_with(rc) unless rc == 1

        @current = out.read_pointer
        yield @portfolio.__send__(:wrap, Project, @current)
      end
      self
    end

    # The current project's position in the document's projects array (nil when none).
    def index
      i = Lib.hyoka_stream_index(handle)
      i == (2**(8 * FFI.type_size(:size_t))) - 1 ? nil : i
    end

    # The current project as a standalone Hyoka::Project owned by Ruby (a
    # copy in no portfolio); the stream has no current project afterwards.
    def detach
      out = FFI::MemoryPointer.new(:pointer)
      Hyoka.check(Lib.hyoka_stream_detach(handle, out), 'detach')
      release_current
      Project.__send__(:owned, out.read_pointer)
    end

    # The diagnostics of the current project as Portfolio#validate gives
    # them within the whole document (P003 against every earlier project).
    def validate(lang: @lang)
      report = Report.new
      Hyoka.check(Lib.hyoka_stream_validate(handle, report), 'validate')
      report.diagnostics(lang)
    end

    # The diagnostics of reading so far.
    def diagnostics
      @report.diagnostics(@lang)
    end

    # Free the stream; its portfolio and projects are unusable afterwards.
    def close
      return unless @ptr

      release_current
      @portfolio.__send__(:invalidate!)
      @ptr.free
      @ptr = nil
      @source = nil
    end

    private

    def handle
      @ptr || raise(StateError, 'the stream is closed')
    end

    def release_current
      @portfolio.__send__(:forget, @current) if @current
      @current = nil
    end

    # Raise what opening failed with.
    def finish(rc)
      raise @error if @error
      raise Portfolio.__send__(:invalid_document, 'document', rc, @report, @lang) if rc == InvalidDocument::CODE

      Hyoka.check(rc, 'stream')
    end

    def close_with(status)
      close
      finish(status)
    end

    # The callback that reads +io+ (an error is raised again after the call).
    def source_proc(io)
      proc do |_user, buf, size, got|
        data = io.read(size) || ''
        buf.put_bytes(0, data)
        got.write(:size_t, data.bytesize)
        0
      rescue StandardError => e
        @error = e
        -1
      end
    end
  end

  class << self
    # A Stream over +source+ (a path or an IO); with a block, yield each
    # project and close the stream.
    def stream(source, **options, &block)
      s = Stream.new(source, **options)
      return s unless block

      begin
        s.each(&block)
      ensure
        s.close
      end
    end
  end
end
