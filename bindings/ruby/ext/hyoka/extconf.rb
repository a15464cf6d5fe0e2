# frozen_string_literal: true

# Native step of `gem install hyoka`: not a Ruby C extension, but the build
# of libhyoka.so.1 from the C sources the gem carries (csrc/), with the
# recipe the Python package uses too (libhyoka_build.py: meson in a
# temporary folder). RubyGems runs `ruby extconf.rb`, then `make` and
# `make install`; the library lands in hyoka/native/ of the gem's extension
# folder, which is on the load path, where lib/hyoka/lib.rb finds it.
#
# Needs python3 (it comes with meson), meson (>= 1.0), ninja and a C
# compiler. HYOKA_BUILD_JOBS limits the compiler jobs.

require 'rbconfig'
require 'shellwords'

def find_tool(name)
  ENV.fetch('PATH', '').split(File::PATH_SEPARATOR).map { |d| File.join(d, name) }
     .find { |p| File.file?(p) && File.executable?(p) }
end

python = ENV['PYTHON'] || find_tool('python3')
missing = { 'python3' => python, 'meson' => find_tool('meson'), 'ninja' => find_tool('ninja') }
          .select { |_, path| path.nil? }.keys
unless missing.empty?
  abort "hyoka: #{missing.join(', ')} not found. Building libhyoka needs meson (>= 1.0), ninja and a C " \
        'compiler; on Debian or Ubuntu: apt-get install meson ninja-build gcc pkg-config'
end

here = __dir__
dest = RbConfig::CONFIG['sitearchdir'] # RubyGems points it at the gem's extension folder

File.write('Makefile', <<~MAKE)
  # Written by extconf.rb: builds libhyoka.so.1 with meson (libhyoka_build.py).
  PYTHON = #{Shellwords.escape(python)}
  SRC = #{Shellwords.escape(here)}
  sitearchdir = #{Shellwords.escape(dest)}
  NATIVE = native

  all: $(NATIVE)/libhyoka.so.1

  $(NATIVE)/libhyoka.so.1:
  \t$(PYTHON) $(SRC)/libhyoka_build.py build $(SRC)/csrc $(NATIVE)

  install: all
  \tmkdir -p $(DESTDIR)$(sitearchdir)/hyoka/native
  \tcp $(NATIVE)/libhyoka.so.1 $(DESTDIR)$(sitearchdir)/hyoka/native/libhyoka.so.1
  \trm -rf $(NATIVE)

  clean:
  \trm -rf $(NATIVE)

  .PHONY: all install clean
MAKE
