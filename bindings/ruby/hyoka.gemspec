# frozen_string_literal: true

# The gem carries the C sources of libhyoka (ext/hyoka/csrc/) and the shared
# build recipe (ext/hyoka/libhyoka_build.py): `gem install` builds the
# library with meson (ext/hyoka/extconf.rb) and keeps it inside the gem, so
# nothing needs to be set at run time. Building the gem needs python3 (it
# comes with meson); installing it needs meson, ninja and a C compiler.
#
# Every path below is relative to this folder, wherever `gem build` runs.
# RubyGems (3.3) reads the files a gemspec lists, and writes the gem,
# relative to the current directory: while `gem build` packs, the current
# directory is this folder, or, in the source repository (where the C
# sources are two levels up), a staging folder holding the binding's files
# and a copy of the C sources; the gem is then moved to the directory
# `gem build` was started from.

require 'fileutils'
require 'tmpdir'
require_relative 'lib/hyoka/version'

module HyokaGemspec
  HERE = __dir__
  # The binding's own files, relative to this folder.
  PATTERNS = %w[lib/**/*.rb ext/hyoka/extconf.rb README.md hyoka.gemspec].freeze
  # The C sources and the recipe, relative to the gem (present in an unpacked gem).
  CSRC = 'ext/hyoka/csrc'
  RECIPE = 'ext/hyoka/libhyoka_build.py'

  module_function

  def own_files(root)
    Dir.glob(PATTERNS, base: root).select { |f| File.file?(File.join(root, f)) }
  end

  # The folder the gem is packed from: this one when it holds the C sources
  # (an unpacked gem), else a staging copy made from the repository.
  def root
    return HERE if File.file?(File.join(HERE, CSRC, 'meson.build'))

    repo = File.expand_path('../..', HERE)
    stage = Dir.mktmpdir('hyoka-gem-')
    at_exit { FileUtils.rm_rf(stage) }
    own_files(HERE).each do |f|
      FileUtils.mkdir_p(File.dirname(File.join(stage, f)))
      FileUtils.cp(File.join(HERE, f), File.join(stage, f))
    end
    FileUtils.mkdir_p(File.join(stage, 'ext', 'hyoka'))
    FileUtils.cp(File.join(repo, 'bindings', 'libhyoka_build.py'), File.join(stage, RECIPE))
    python = ENV.fetch('PYTHON', 'python3')
    unless system(python, File.join(stage, RECIPE), 'copy', repo, File.join(stage, CSRC))
      abort "hyoka.gemspec: copying the C sources from #{repo} failed (#{python} #{RECIPE} copy)"
    end
    stage
  end

  # Under `gem build`: pack from +root+, and leave the gem where the
  # command was started.
  def pack_from(root, gem_file)
    return unless defined?(Gem::Commands::BuildCommand)

    started = Dir.pwd
    return if File.identical?(started, root)

    Dir.chdir(root)
    at_exit do
      built = File.join(root, gem_file)
      FileUtils.mv(built, File.join(started, gem_file)) if File.exist?(built)
    end
  end
end

Gem::Specification.new do |s|
  root = HyokaGemspec.root
  s.name        = 'hyoka'
  s.version     = Hyoka::VERSION
  s.summary     = 'Program evaluation sheets (事務事業評価) through libhyoka'
  s.description = 'Ruby binding of libhyoka, the C library for Japanese municipal program ' \
                  'evaluation sheets: build, read and write hyoka/1 JSON, CSV and HTML, ' \
                  'validate, and compute every figure a sheet prints — money as Integer yen, ' \
                  'other figures as BigDecimal, never Float. The gem builds the library from ' \
                  'the C sources it carries (meson, ninja and a C compiler are needed to install).'
  s.license     = 'MIT'
  s.authors     = ['hyoka contributors']
  s.homepage    = 'https://example.invalid/hyoka'
  s.files       = HyokaGemspec.own_files(root) +
                  Dir.glob(["#{HyokaGemspec::CSRC}/**/*", HyokaGemspec::RECIPE], base: root)
                     .select { |f| File.file?(File.join(root, f)) }
  s.files.sort!
  s.extensions  = ['ext/hyoka/extconf.rb']
  s.require_paths = ['lib']
  s.required_ruby_version = '>= 2.7'
  s.requirements << 'meson (>= 1.0), ninja and a C11 compiler to build libhyoka when installing'
  s.add_runtime_dependency 'bigdecimal'
  s.add_runtime_dependency 'ffi', '>= 1.12'
  s.add_development_dependency 'minitest', '>= 5'
  s.metadata['rubygems_mfa_required'] = 'true'
  HyokaGemspec.pack_from(root, s.file_name)
end
