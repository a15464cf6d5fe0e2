# frozen_string_literal: true

require 'ffi'
require 'open3'
require_relative 'api'

module Hyoka
  # The library that was found is not usable (missing, or an incompatible
  # major version). A LoadError, so `rescue LoadError` around `require
  # 'hyoka'` catches it.
  class LibraryError < ::LoadError; end

  # The major version this binding speaks (libhyoka.so.1).
  ABI_MAJOR = 1
  # The library's file name, as its SONAME.
  SONAME = 'libhyoka.so.1'

  # hyoka_read_options (json.h): a versioned options struct.
  class ReadOptions < FFI::Struct
    layout(*API::STRUCTS[:hyoka_read_options].flatten(1))
  end

  # hyoka_csv_options (csv.h): a versioned options struct.
  class CsvOptions < FFI::Struct
    layout(*API::STRUCTS[:hyoka_csv_options].flatten(1))
  end

  # hyoka_rs_options (rs.h): a versioned options struct.
  class RsOptions < FFI::Struct
    layout(*API::STRUCTS[:hyoka_rs_options].flatten(1))
  end

  # Raw functions of libhyoka, attached with FFI: every function of the
  # headers, as Hyoka::API declares them. Use the classes of the Hyoka
  # module instead: they own the handles, convert text and decimals, and
  # raise Hyoka::Error on failure.
  module Lib
    extend FFI::Library

    # hyoka_decimal (decimal.h): an exact decimal, built and read only
    # through the library's functions.
    class Decimal < FFI::Struct
      layout(*API::STRUCTS[:hyoka_decimal].flatten(1))
    end

    class << self
      # Where the library is looked for, in order:
      # 1. $HYOKA_LIBRARY (the path of libhyoka.so.1 or of its folder): when
      #    set, nothing else is tried;
      # 2. when $HYOKA_SYSTEM_LIBRARY is 1 (or yes, true), the system's
      #    library only (4.);
      # 3. the library `gem install` built and keeps in the gem
      #    (hyoka/native/libhyoka.so.1 on the load path);
      # 4. the system's: the libdir pkg-config gives for hyoka, then the
      #    dynamic loader's search path.
      def candidates
        env = ENV['HYOKA_LIBRARY']
        if env && !env.empty?
          return [File.directory?(env) ? File.join(env, SONAME) : env]
        end

        list = []
        list << bundled unless system_only? || bundled.nil?
        libdir = pkg_config_libdir
        list << File.join(libdir, SONAME) if libdir
        list << SONAME
        list
      end

      # The library built when the gem was installed, or nil.
      def bundled
        $LOAD_PATH.each do |dir|
          path = File.join(dir, 'hyoka', 'native', SONAME)
          return path if File.file?(path)
        end
        nil
      end

      # $HYOKA_SYSTEM_LIBRARY asks for the system's library only.
      def system_only?
        %w[1 yes true on].include?(ENV.fetch('HYOKA_SYSTEM_LIBRARY', '').strip.downcase)
      end

      # The path (or name) the library was loaded from.
      attr_reader :path

      # Symbols the loaded library lacks (an older library, or modules still
      # being written); calling them raises Hyoka::NotImplemented.
      def missing
        @missing ||= []
      end

      def available?(name)
        respond_to?(name) && !missing.include?(name.to_sym)
      end

      private

      def pkg_config_libdir
        out, status = Open3.capture2e('pkg-config', '--variable=libdir', 'hyoka')
        dir = out.strip
        status.success? && !dir.empty? ? dir : nil
      rescue SystemCallError
        nil
      end

      def locate
        errors = []
        candidates.each do |name|
          begin
            FFI::DynamicLibrary.open(name, FFI::DynamicLibrary::RTLD_LAZY | FFI::DynamicLibrary::RTLD_LOCAL)
            return name
          rescue ::LoadError => e
            errors << "#{name}: #{e.message}"
          end
        end
        advice = if system_only?
                   'HYOKA_SYSTEM_LIBRARY is set: install libhyoka where pkg-config or the dynamic loader ' \
                   'finds it, or unset it to use the one built with the gem'
                 else
                   'install the gem (it builds the library), set HYOKA_LIBRARY to its path, or install it ' \
                   'where pkg-config or the dynamic loader finds it'
                 end
        raise LibraryError, "hyoka: cannot load libhyoka.so.1 (#{advice}). Tried:\n  " + errors.join("\n  ")
      end

      # Attach a function; when the library lacks it, define a method that
      # raises Hyoka::NotImplemented only when called.
      def fn(name, args, ret, blocking: false)
        attach_function(name, args, ret, blocking: blocking)
      rescue FFI::NotFoundError
        missing << name
        define_singleton_method(name) do |*_a|
          raise Hyoka::NotImplemented.new(
            "#{name} is not in the loaded libhyoka (#{Lib.path}): this build does not provide it yet",
            Hyoka::NotImplemented::CODE
          )
        end
      end
    end

    @path = locate
    ffi_lib @path

    # The types API::FUNCTIONS names besides the ffi gem's: the allocator's
    # callbacks, and hyoka_decimal returned by value.
    API::CALLBACKS.each { |name, (args, ret)| callback(name, args, ret) }
    typedef Decimal.by_value, :hyoka_decimal

    API::FUNCTIONS.each do |name, (args, ret, option)|
      fn(name, args, ret, blocking: option == :blocking)
    end

    # The runtime version must have our major version.
    runtime = hyoka_version
    if runtime / 10_000 != ABI_MAJOR
      raise LibraryError, "hyoka: #{@path} is version #{hyoka_version_string} " \
                          "(#{runtime}); this binding needs major version #{ABI_MAJOR}"
    end
  end
end
