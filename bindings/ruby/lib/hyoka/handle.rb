# frozen_string_literal: true

module Hyoka
  # Base of every wrapper around a C handle.
  #
  # An owned handle (a Portfolio, a standalone Project or Scheme: see
  # OwnedHandle) holds an FFI::AutoPointer that frees it when the Ruby
  # object is collected. A borrowed handle (a project of a portfolio, a cost
  # year, an indicator…) holds a plain pointer and a reference to its parent
  # Ruby object, which keeps the owner alive as long as the child is
  # reachable.
  #
  # Parents remember the wrappers they handed out (one Ruby object per C
  # object), so removing a child, or closing its owner, invalidates the
  # wrappers: using them afterwards raises Hyoka::StateError instead of
  # touching freed memory.
  class Handle
    attr_reader :owner

    class << self
      # Wrap a borrowed child pointer.
      def borrowed(ptr, owner)
        obj = allocate
        obj.__send__(:init_handle, ptr, owner)
        obj
      end

    end

    # The pointer, or Hyoka::StateError when the object is gone.
    def to_ptr
      @ptr || raise(StateError, "this #{kind_name} was removed or its owner closed")
    end

    # True until removed from its owner or closed.
    def valid?
      !@ptr.nil?
    end

    # Set several attributes at once through their writers (name: for
    # #name=...); subclasses take more in #assign_extra (staff:, values:...).
    def assign(attrs)
      attrs.each do |k, v|
        next if assign_extra(k, v)
        raise ArgumentError, "unknown attribute #{k} for #{self.class}" unless respond_to?("#{k}=")

        public_send("#{k}=", v)
      end
      self
    end

    # "#<Hyoka::Staff regular fte=0.8 unit_cost=8400000>": what the object
    # holds, in short (see each class's inspect_details).
    def inspect
      "#<#{self.class.name}#{valid? ? inspect_details : ' (released)'}>"
    end

    # Same C object (wrappers are cached, so usually the same Ruby object).
    def same?(other)
      other.is_a?(Handle) && valid? && other.valid? && other.to_ptr.address == to_ptr.address
    end

    protected

    # Called by a parent after the C object was freed.
    def invalidate!
      @children&.each_value { |c| c.invalidate! }
      @children = nil
      @ptr = nil
    end

    # Adopt: this (standalone, owned) handle now belongs to +owner+.
    def adopt!(owner)
      @ptr.autorelease = false if @ptr.is_a?(FFI::AutoPointer)
      @owner = owner
    end

    # The cached wrapper of a child pointer.
    def wrap(klass, ptr)
      return nil if ptr.nil? || ptr.null?

      @children ||= {}
      @children[ptr.address] ||= klass.borrowed(ptr, self)
    end

    # Register an existing wrapper as our child (after adoption).
    def register(child)
      @children ||= {}
      @children[child.to_ptr.address] = child
    end

    # Take over a standalone +child+ (an OwnedHandle): set +attrs+ on it,
    # hand its handle to C with +add_fn+ (hyoka_portfolio_add_project...)
    # and keep its wrapper as ours.
    def take(child, add_fn, attrs = {})
      raise StateError, "the #{child.kind_name.downcase} already belongs to an owner" if child.owner

      child.assign(attrs)
      check(Lib.__send__(add_fn, self, child), add_fn.to_s.sub(/\Ahyoka_(portfolio|project)_/, ''))
      child.adopt!(self)
      register(child)
    end

    # The class name without Hyoka:: ("Project").
    def kind_name
      self.class.name.split('::').last
    end

    # Forget and invalidate the wrapper of a child that C is about to free.
    def forget(ptr)
      return if ptr.nil? || ptr.null? || @children.nil?

      c = @children.delete(ptr.address)
      c&.invalidate!
    end

    private

    def init_handle(ptr, owner)
      @ptr = ptr
      @owner = owner
      @children = nil
    end

    # What #inspect shows of a valid object after the class name.
    def inspect_details
      ''
    end

    # Attributes #assign takes that are not a writer: handle +key+ and
    # return true, or return false.
    def assign_extra(_key, _value)
      false
    end

    # Index of a child given as an Integer or a wrapper.
    def index_of(child, count_fn, at_fn)
      return child if child.is_a?(Integer)

      n = Lib.__send__(count_fn, to_ptr)
      addr = child.to_ptr.address
      (0...n).each { |i| return i if Lib.__send__(at_fn, to_ptr, i).address == addr }
      raise NotFound, "#{child.kind_name} does not belong here"
    end

    # ---- small helpers shared by the domain classes ----------------------

    # A proxy whose #assign removes the new child again (with +undo+) when
    # an attribute is refused, so a failed add_* leaves nothing behind.
    def undo_on_error(child, &undo)
      Undo.new(child, undo)
    end

    Undo = Struct.new(:child, :undo) do
      def assign(attrs)
        child.assign(attrs)
      rescue StandardError
        undo.call
        raise
      end
    end

    def str(ptr)
      Support.utf8_out(ptr)
    end

    def check(status, context = nil)
      Hyoka.check(status, context)
    end
  end

  # The extension map of a project or a record (strings any ledger or
  # reader attaches, preserved exactly), through the C functions of a
  # prefix named with extension_functions (:hyoka_project, :hyoka_record).
  module ExtensionMap
    def self.included(base)
      base.extend(ClassMethods)
    end

    # extension_functions :hyoka_project
    module ClassMethods
      private

      def extension_functions(prefix)
        fns = %w[extension extension_count extension_at set_extension].to_h { |n| [n.to_sym, :"#{prefix}_#{n}"] }
        define_method(:extension_fn) { |name| fns.fetch(name) }
        private :extension_fn
      end
    end

    # The extensions as a Hash (insertion order).
    def extensions
      k = FFI::MemoryPointer.new(:pointer)
      v = FFI::MemoryPointer.new(:pointer)
      (0...Lib.__send__(extension_fn(:extension_count), self)).each_with_object({}) do |i, h|
        check(Lib.__send__(extension_fn(:extension_at), self, i, k, v))
        h[str(k.read_pointer)] = str(v.read_pointer)
      end
    end

    def extension(key)
      s, l = Support.utf8_in(key)
      str(Lib.__send__(extension_fn(:extension), self, s, l))
    end

    # Set an extension; nil removes it.
    def set_extension(key, value)
      k, kl = Support.utf8_in(key)
      v, vl = Support.utf8_in(value)
      check(Lib.__send__(extension_fn(:set_extension), self, k, kl, v, vl), 'extension')
      self
    end

    def extensions=(hash)
      extensions.each_key { |k| set_extension(k, nil) }
      hash.each { |k, v| set_extension(k, v) }
    end
  end

  # Base of the wrappers that may own their C handle: a Portfolio, and a
  # Project or Scheme made standalone. An owner frees its handle exactly
  # once: by #close, or through its FFI::AutoPointer when collected. Handed
  # to a parent (Portfolio#add_project, #add_scheme, Project#add_child) or
  # borrowed from one, it frees nothing. #copy and #== are the C API's deep
  # copy and structural equality.
  class OwnedHandle < Handle
    class << self
      private

      # Name the C functions of a subclass: c_functions(free:
      # :hyoka_portfolio_free, copy: :hyoka_portfolio_copy, equal: ...).
      def c_functions(free:, copy:, equal:)
        functions = { free: free, copy: copy, equal: equal }.freeze
        kind = self
        define_singleton_method(:c_function) { |which| functions.fetch(which) }
        define_singleton_method(:handle_kind) { kind }
      end

      # Wrap a newly created handle the caller owns.
      def owned(ptr)
        obj = allocate
        obj.__send__(:init_handle, FFI::AutoPointer.new(ptr, Lib.method(c_function(:free))), nil)
        obj
      end
    end

    # Free the C object now (and everything it holds); its wrappers and
    # those of its children become invalid (Hyoka::StateError when used).
    # Raises Hyoka::StateError for an object that belongs to an owner.
    def close
      raise StateError, "the #{kind_name.downcase} belongs to an owner; remove it from there" if @owner

      ptr = @ptr
      return if ptr.nil?
      raise StateError, "a built-in #{kind_name.downcase} belongs to the library" unless ptr.is_a?(FFI::AutoPointer)

      invalidate!
      ptr.free
      nil
    end

    # A deep copy owned by Ruby (sub-projects included; a copy of a built-in
    # scheme is mutable).
    def copy
      out = FFI::MemoryPointer.new(:pointer)
      check(Lib.__send__(self.class.c_function(:copy), self, out), 'copy')
      self.class.handle_kind.__send__(:owned, out.read_pointer)
    end
    alias dup copy

    # Structural equality (every field, year, indicator, evaluation...).
    def ==(other)
      other.is_a?(self.class.handle_kind) && Lib.__send__(self.class.c_function(:equal), self, other) == 1
    end
  end

  # A live, Enumerable view of a parent's children (projects, cost years,
  # indicators...): it reads the C side on every call.
  class ChildList
    include Enumerable

    def initialize(parent, count, &at)
      @owner = parent
      @count = count
      @at = at
    end

    def size
      @count.call
    end
    alias length size
    alias count_all size

    def empty?
      size.zero?
    end

    def [](index)
      n = size
      index += n if index.negative?
      return nil if index.negative? || index >= n

      @at.call(index)
    end

    def first(n = nil)
      return self[0] if n.nil?

      super
    end

    def last
      self[-1]
    end

    def each
      return to_enum(:each) { size } unless block_given?

      i = 0
      while i < size
        yield @at.call(i)
        i += 1
      end
      self
    end

    def inspect
      "#<#{self.class.name} size=#{size}>"
    end
  end
end
