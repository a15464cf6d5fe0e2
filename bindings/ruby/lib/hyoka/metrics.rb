# frozen_string_literal: true

module Hyoka
  # The hyoka-metrics/1 document of a portfolio: every figure, computed in C
  # (Portfolio#metrics).
  #
  # It reads like the Hash that JSON.parse gives, with the decimal figures as
  # BigDecimal: m['format'], m['projects'], m['diagnostics'], #fetch, #dig,
  # #keys, #each, #to_h, ==. The library's text is kept and decoded as it is
  # reached: m['projects'] is a Metrics::Projects, an Enumerable that
  # decodes one project (with its children) the first time it is read, and
  # the diagnostics are decoded on first use. #to_h decodes everything into
  # plain Hashes and Arrays. A Metrics does not refer to its portfolio.
  #
  # Text that does not have the compact form of the library's writer (a
  # pretty-printed file, another format) is decoded at once.
  class Metrics
    # The other reading methods of Hash (Metrics) or Array (Projects) are
    # answered by the decoded copy (#to_h, #to_a); the methods that would
    # change it are refused, since that copy is not kept.
    module Decoded
      private

      def method_missing(name, *args, &block)
        return super unless self.class::PLAIN.method_defined?(name)
        if self.class::CHANGING.include?(name) || name.end_with?('!')
          raise NoMethodError.new("#{self.class}##{name}: read-only (##{self.class::DECODE} gives a plain " \
                                  "#{self.class::PLAIN} to change)", name)
        end

        public_send(self.class::DECODE).public_send(name, *args, &block)
      end
      ruby2_keywords(:method_missing) if respond_to?(:ruby2_keywords, true)

      def respond_to_missing?(name, include_private)
        (self.class::PLAIN.method_defined?(name) && !self.class::CHANGING.include?(name) &&
          !name.end_with?('!')) || super
      end
    end

    include Decoded

    PLAIN = Hash
    DECODE = :to_h
    CHANGING = %i[[]= clear compare_by_identity default= default_proc= delete delete_if keep_if rehash
                  replace shift store update].freeze

    FORMAT = 'hyoka-metrics/1'
    # The compact writer's text begins with this, then the first project.
    PREFIX = %({"format":"#{FORMAT}","projects":[).b.freeze
    # What follows the projects array. Anywhere in compact JSON this byte
    # sequence is structure (see Projects), so its one occurrence is found
    # from the end without reading the projects.
    TAIL = '],"diagnostics":'.b.freeze

    # Text that the scanner did not expect (internal; it is decoded at once).
    class Unexpected < StandardError; end

    # Parse hyoka-metrics/1 text (as Portfolio#metrics_json gives it).
    def self.parse(text)
      new(text)
    end

    # +count+ (internal): the number of top-level projects, from the library.
    def initialize(text, count = nil)
      text = text.b.freeze # a copy that shares the bytes, whatever the caller does to its String
      tail = text.start_with?(PREFIX) ? text.rindex(TAIL) : nil
      if tail && tail >= PREFIX.bytesize
        @doc = { 'format' => FORMAT, 'projects' => Projects.new(text, PREFIX.bytesize, tail, count) }
        @text = text
        @tail = tail
      else
        doc = JSON.parse(utf8(text))
        raise ArgumentError, 'not a hyoka-metrics/1 document' unless doc.is_a?(Hash)

        @doc = Hyoka.convert_metrics(doc)
        @text = nil
      end
      @lock = Mutex.new
    end

    # The value of a member ('format', 'projects', 'diagnostics'), nil when
    # there is none.
    def [](key)
      return @doc[key] if @doc.key?(key)

      rest!
      @doc[key]
    end

    def fetch(key, *default, &block)
      rest! unless @doc.key?(key)
      @doc.fetch(key, *default, &block)
    end

    def dig(key, *rest)
      v = self[key]
      rest.empty? || v.nil? ? v : v.dig(*rest)
    end

    def key?(key)
      @doc.key?(key) || (rest! && @doc.key?(key))
    end
    alias has_key? key?
    alias include? key?
    alias member? key?

    def keys
      rest!.keys
    end

    def values
      rest!.values
    end

    def size
      rest!.size
    end
    alias length size

    def empty?
      rest!.empty?
    end

    # Yields each member name and value ('projects' as a Projects).
    def each(&block)
      return enum_for(:each) { size } unless block

      rest!.each_pair(&block)
      self
    end
    alias each_pair each

    # Everything decoded, as plain Hashes and Arrays (a new Hash each call).
    def to_h
      h = rest!.transform_values { |v| v.is_a?(Projects) ? v.to_a : v }
      block_given? ? h.to_h { |k, v| yield k, v } : h
    end
    alias to_hash to_h

    def to_json(*args)
      to_h.to_json(*args)
    end

    def projects
      self['projects']
    end

    def diagnostics
      self['diagnostics']
    end

    # Equal to another Metrics or a Hash with the same members and values.
    def ==(other)
      return true if equal?(other)
      return to_h == other.to_h if other.is_a?(Metrics)

      other.is_a?(Hash) && to_h == other
    end

    def eql?(other)
      other.is_a?(Metrics) && to_h.eql?(other.to_h)
    end

    def hash
      to_h.hash
    end

    # Marshal gives the decoded document; the copy reads the same.
    def marshal_dump
      to_h
    end

    def marshal_load(doc)
      @doc = doc
      @text = nil
      @lock = Mutex.new
    end

    def inspect
      ps = @doc['projects']
      "#<Hyoka::Metrics #{@doc['format']} #{ps.respond_to?(:size) ? ps.size : 0} projects>"
    end

    private

    # The members after 'projects' (diagnostics), decoded on first use.
    def rest!
      return @doc if @text.nil?

      @lock.synchronize do
        if @text
          rest = JSON.parse(utf8("{#{@text.byteslice(@tail + 2, @text.bytesize)}"))
          @doc.merge!(rest) { |_, mine, _| mine }
          @text = nil
        end
      end
      @doc
    end

    def utf8(bytes)
      bytes = bytes.dup if bytes.frozen?
      bytes.force_encoding(Encoding::UTF_8)
    end

    # The projects of a metrics document: an Enumerable read like an Array
    # (#[], #at, #fetch, #dig, #first, #last, #size, #each, #to_a, ==).
    # A project is decoded (JSON, then BigDecimal for the decimal figures)
    # the first time it is read, and the same Hash is given back after that.
    #
    # Finding a project in the text needs no decoding. In compact JSON a
    # double quote right after '{' or ',' is never escaped (that would be
    # '\"'); it cannot close a string either, since a closing quote is
    # followed by ',', ':', '}' or ']'. So where the bytes ,"children":[
    # occur, they are structure: the member "children" that ends every
    # project object of the writer, {"code":...,"children":[...]}, with the
    # sub-projects in it. Whatever the names and texts hold (braces,
    # quotes, backslashes), a project is found by going from one
    # "children" member to the next and counting the sub-projects opened
    # and closed, byte by byte only at those places.
    class Projects
      include Enumerable
      include Decoded

      PLAIN = Array
      DECODE = :to_a
      CHANGING = %i[<< []= append clear concat delete delete_at delete_if fill insert keep_if pop prepend push
                    replace shift unshift].freeze

      CHILDREN = ',"children":['.b.freeze
      CODE = '{"code":'.b.freeze
      COMMA = ','.ord
      CLOSE_ARRAY = ']'.ord
      CLOSE_OBJECT = '}'.ord

      # +text+ (binary, frozen): the document; the projects are from byte
      # +start+ up to the ']' at +stop+; +count+ of them when known.
      def initialize(text, start, stop, count = nil)
        @text = text
        @stop = stop
        @count = count
        @starts = []      # where each project found so far begins
        @ends = []        # and ends (one past its '}')
        @scan = start     # where the next project begins, or the ']' at the end
        @done = false     # every project has been found
        @items = []       # decoded projects
        @decoded = 0
        @lock = Mutex.new
      end

      # The number of projects.
      def size
        @count || find(nil)
      end
      alias length size

      def empty?
        size.zero?
      end

      # How many projects have been decoded so far.
      def decoded_count
        @decoded
      end

      # The project at +index+ (a Hash), nil when out of range. Also
      # [start, length] and [range], which give an Array.
      def [](*args)
        return at(args[0]) if args.size == 1 && args[0].is_a?(Integer)

        picked = Array.new(size) { |i| i }[*args]
        case picked
        when nil then nil
        when Array then picked.map { |i| at(i) }
        else at(picked)
        end
      end
      alias slice []

      def at(index)
        index = Integer(index)
        n = size
        index += n if index.negative?
        return nil if index.negative? || index >= n

        @items[index] || decode(index)
      end

      def fetch(index, *default)
        i = Integer(index)
        n = size
        return at(i) if i >= -n && i < n
        return yield(index) if block_given?
        return default.first unless default.empty?

        raise IndexError, "index #{index} outside of the #{n} metrics projects"
      end

      def dig(index, *rest)
        v = self[index]
        rest.empty? || v.nil? ? v : v.dig(*rest)
      end

      def first(*n)
        return at(0) if n.empty?
        raise ArgumentError, 'negative array size' if Integer(n[0]).negative?

        self[0, Integer(n[0])] || []
      end

      def last(*n)
        return at(-1) if n.empty?
        raise ArgumentError, 'negative array size' if Integer(n[0]).negative?

        k = [Integer(n[0]), size].min
        self[size - k, k]
      end

      def each
        return enum_for(:each) { size } unless block_given?

        i = 0
        while i < size
          item = @items[i] || decode(i)
          break if item.nil? # fewer projects than counted (a wrong count given to Metrics.parse)

          yield item
          i += 1
        end
        self
      end

      # Every project decoded, as an Array.
      def to_a
        each.to_a
      end
      alias to_ary to_a
      alias entries to_a

      def to_json(*args)
        to_a.to_json(*args)
      end

      def ==(other)
        return true if equal?(other)
        return false unless other.respond_to?(:to_ary)

        other = other.to_ary
        other.size == size && each_with_index.all? { |p, i| p == other[i] }
      end

      def hash
        to_a.hash
      end

      def eql?(other)
        other.is_a?(Projects) && self == other
      end

      def marshal_dump
        to_a
      end

      def marshal_load(items)
        @items = items
        @count = @decoded = items.size
        @done = true
        @text = @starts = @ends = nil
        @lock = Mutex.new
      end

      def inspect
        "#<Hyoka::Metrics::Projects #{size} projects, #{@decoded} decoded>"
      end
      alias to_s inspect

      private

      # Find the projects up to +index+ (every one when nil) under the lock;
      # the number of projects when all were found.
      def find(index)
        @lock.synchronize { locate!(index) }
      rescue Unexpected
        whole!
        @count
      end

      def decode(index)
        @lock.synchronize do
          return @items[index] if @items[index]

          locate!(index)
          @items[index] ||= begin
            s = @starts[index]
            pr = JSON.parse(@text.byteslice(s, @ends[index] - s).force_encoding(Encoding::UTF_8))
            raise Unexpected, "project #{index} is not an object" unless pr.is_a?(Hash)

            Hyoka.convert_metrics_project(pr)
            pr
          end
          @decoded += 1
          if @done && @decoded == @starts.size
            @text = nil # every project decoded: the text is no longer needed
            @starts = @ends = nil
          end
          @items[index]
        end
      rescue Unexpected, JSON::ParserError
        whole! # raises JSON::ParserError when the text itself is not JSON
        @items[index]
      end

      # Find the projects up to +index+ (all of them when nil); the number
      # found when every one was.
      def locate!(index)
        until @done || (index && index < @starts.size)
          if @scan == @stop # an empty array
            finish!
            break
          end
          s = @scan
          e = project_end(s)
          @starts << s
          @ends << e
          case @text.getbyte(e)
          when COMMA then @scan = e + 1
          when CLOSE_ARRAY then @scan = e
          else raise Unexpected, "no ',' or ']' after the project at #{s}"
          end
          if @scan == @stop
            finish!
          elsif @scan > @stop || @count == @starts.size
            raise Unexpected, "the projects do not end at #{@stop} after #{@starts.size}"
          end
        end
        @count if @done
      end

      def finish!
        raise Unexpected, "#{@starts.size} projects, not #{@count}" if @count && @count != @starts.size

        @count = @starts.size
        @done = true
      end

      # One past the '}' of the project object that begins at +s+.
      def project_end(s)
        text = @text
        raise Unexpected, "no project at #{s}" unless text.byteslice(s, CODE.bytesize) == CODE

        open = 0 # sub-projects entered and not yet left
        pos = s
        loop do
          k = text.index(CHILDREN, pos)
          raise Unexpected, "no end to the project at #{s}" if k.nil? || k >= @stop

          k += CHILDREN.bytesize
          if text.getbyte(k) != CLOSE_ARRAY
            open += 1 # a first sub-project begins at k
            pos = k
            next
          end
          # "children":[] then '}' ends a project; then ',' and a sibling,
          # or ']}' ending the parent too.
          raise Unexpected, "no '}' after the children at #{k}" unless text.getbyte(k + 1) == CLOSE_OBJECT

          pos = k + 2
          loop do
            return pos if open.zero?

            b = text.getbyte(pos)
            if b == COMMA
              pos += 1
              break
            elsif b == CLOSE_ARRAY && text.getbyte(pos + 1) == CLOSE_OBJECT
              pos += 2
              open -= 1
            else
              raise Unexpected, "unexpected byte at #{pos}"
            end
          end
        end
      end

      # The text has a shape the scanner does not know: decode the whole
      # projects array at once (projects already given out are kept).
      def whole!
        @lock.synchronize do
          return if @text.nil?

          all = JSON.parse(@text.byteslice(0, @stop + 1).dup.force_encoding(Encoding::UTF_8) + '}')['projects']
          all.each_with_index do |pr, i|
            next if @items[i]

            Hyoka.convert_metrics_project(pr)
            @items[i] = pr
          end
          @count = @decoded = all.size
          @done = true
          @text = @starts = @ends = nil
        end
      end
    end
  end
end
