# frozen_string_literal: true

require_relative 'lib/hyoka/version'

Gem::Specification.new do |s|
  s.name        = 'hyoka'
  s.version     = Hyoka::VERSION
  s.summary     = 'Program evaluation sheets (事務事業評価) through libhyoka'
  s.description = 'Ruby binding of libhyoka, the C library for Japanese municipal program ' \
                  'evaluation sheets: build, read and write hyoka/1 JSON, CSV and HTML, ' \
                  'validate, and compute every figure a sheet prints — money as Integer yen, ' \
                  'other figures as BigDecimal, never Float. Needs libhyoka.so.1 at run time ' \
                  '(HYOKA_LIBRARY, pkg-config or the system path).'
  s.license     = 'MIT'
  s.authors     = ['hyoka contributors']
  s.homepage    = 'https://example.invalid/hyoka'
  s.files       = Dir['lib/**/*.rb'] + %w[README.md hyoka.gemspec]
  s.require_paths = ['lib']
  s.required_ruby_version = '>= 2.7'
  s.requirements << 'libhyoka.so.1 (the hyoka C library, major version 1)'
  s.add_runtime_dependency 'bigdecimal'
  s.add_runtime_dependency 'ffi', '>= 1.12'
  s.add_development_dependency 'minitest', '>= 5'
  s.metadata['rubygems_mfa_required'] = 'true'
end
