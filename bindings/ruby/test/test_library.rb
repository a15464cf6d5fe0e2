# frozen_string_literal: true

require_relative 'helper'
require 'open3'
require 'rbconfig'

# Finding the library and refusing an incompatible one.
class TestLibrary < Minitest::Test
  include HyokaTestHelper

  LIB_DIR = File.expand_path('../lib', __dir__)

  def ruby_with(env, code)
    Open3.capture3(env, RbConfig.ruby, '-I', LIB_DIR, '-e', code)
  end

  def test_version
    assert_equal 1, Hyoka.library_version / 10_000
    assert_match(/\A1\.\d+\.\d+\z/, Hyoka.library_version_string)
    refute_nil Hyoka.library_path
    assert_equal ENV['HYOKA_LIBRARY'], Hyoka.library_path if ENV['HYOKA_LIBRARY']
    assert_equal Hyoka::VERSION.split('.').first.to_i, Hyoka::ABI_MAJOR
  end

  def test_candidates_order
    saved = ENV.delete('HYOKA_LIBRARY')
    assert_equal 'libhyoka.so.1', Hyoka::Lib.candidates.last
    ENV['HYOKA_LIBRARY'] = '/some/where/libhyoka.so.1'
    assert_equal ['/some/where/libhyoka.so.1'], Hyoka::Lib.candidates
    ENV['HYOKA_LIBRARY'] = __dir__
    assert_equal [File.join(__dir__, 'libhyoka.so.1')], Hyoka::Lib.candidates
  ensure
    saved ? ENV['HYOKA_LIBRARY'] = saved : ENV.delete('HYOKA_LIBRARY')
  end

  def test_folder_in_environment
    lib = Hyoka.library_path
    skip 'library not loaded from a path' unless File.exist?(lib)
    out, err, status = ruby_with({ 'HYOKA_LIBRARY' => File.dirname(lib) },
                                 'require "hyoka"; print Hyoka.library_path')
    assert status.success?, err
    assert_equal File.join(File.dirname(lib), 'libhyoka.so.1'), out
  end

  def test_unloadable_library_is_a_load_error
    _out, err, status = ruby_with({ 'HYOKA_LIBRARY' => '/nonexistent/libhyoka.so.1', 'PKG_CONFIG_PATH' => '/nonexistent',
                                    'LD_LIBRARY_PATH' => '/nonexistent' },
                                  'begin; require "hyoka"; rescue LoadError => e; warn e.class; warn e.message; exit 3; end')
    assert_equal 3, status.exitstatus, 'HYOKA_LIBRARY, when set, is the only candidate'
    assert_match(/Hyoka::LibraryError/, err)
    assert_match(%r{/nonexistent/libhyoka\.so\.1}, err)
  end

  def test_wrong_major_version_is_refused
    cc = %w[cc gcc clang].find { |c| system(c, '--version', out: File::NULL, err: File::NULL) }
    skip 'no C compiler to build a fake library' unless cc
    Dir.mktmpdir do |dir|
      src = File.join(dir, 'fake.c')
      so = File.join(dir, 'libhyoka.so.1')
      File.write(src, "int hyoka_version(void) { return 20000; }\n" \
                      "const char *hyoka_version_string(void) { return \"2.0.0\"; }\n")
      _o, e, st = Open3.capture3(cc, '-shared', '-fPIC', '-o', so, src)
      skip "cannot build a fake library: #{e}" unless st.success?
      _out, err, status = ruby_with({ 'HYOKA_LIBRARY' => so },
                                    'begin; require "hyoka"; rescue LoadError => e; warn e.class; warn e.message; exit 3; end')
      assert_equal 3, status.exitstatus, err
      assert_match(/Hyoka::LibraryError/, err)
      assert_match(/2\.0\.0/, err)
      assert_match(/major version 1/, err)
    end
  end
end
