# frozen_string_literal: true

require_relative 'helper'

# Every HYOKA_E* code maps to its own Hyoka::Error subclass, carrying the
# code and the library's message.
class TestErrors < Minitest::Test
  include HyokaTestHelper

  CLASSES = {
    -1 => Hyoka::InvalidArgument, -2 => Hyoka::NoMemory, -3 => Hyoka::RangeError,
    -4 => Hyoka::EncodingError, -5 => Hyoka::SyntaxError, -6 => Hyoka::NotFound,
    -7 => Hyoka::AlreadyExists, -8 => Hyoka::DivisionByZero, -9 => Hyoka::IOError,
    -10 => Hyoka::LimitExceeded, -11 => Hyoka::Unavailable, -12 => Hyoka::StateError,
    -13 => Hyoka::InvalidDocument
  }.freeze

  def test_hierarchy_and_codes
    CLASSES.each do |code, klass|
      assert_operator klass, :<, Hyoka::Error
      assert_equal code, klass::CODE
      e = Hyoka.error_for(code)
      assert_instance_of klass, e
      assert_equal code, e.code
      assert_equal Hyoka::Lib.hyoka_status_name(code), e.status_name
      refute_empty e.message
    end
    assert_operator Hyoka::Error, :<, StandardError
    # The library's status table has no code this binding does not know.
    assert_equal CLASSES.size + 1, Hyoka::Lib.hyoka_enum_count(0)
  end

  def assert_hyoka(klass, pattern = nil)
    e = assert_raises(klass) { yield }
    assert_equal klass::CODE, e.code
    assert_match(pattern, e.message) if pattern
    e
  end

  def test_provoked_codes
    pf = Hyoka::Portfolio.new
    pr = pf.add_project(code: 'a')
    assert_hyoka(Hyoka::InvalidArgument, /check digit/) { pf.municipality_code = '112088' }
    assert_hyoka(Hyoka::RangeError, /1700/) { pr.add_year(1700) }
    assert_hyoka(Hyoka::RangeError) { Hyoka.parse_decimal('1' * 30) }
    assert_hyoka(Hyoka::EncodingError, /UTF-8/) { pr.name = "\xFF\xFE".b }
    assert_hyoka(Hyoka::SyntaxError, /abc/) { Hyoka.parse_decimal('abc') }
    assert_hyoka(Hyoka::SyntaxError) { Hyoka.fiscal_year('FY') }
    assert_hyoka(Hyoka::NotFound, /out of range/) { pf.remove_project(5) }
    assert_hyoka(Hyoka::AlreadyExists, /already exists/) do
      Hyoka::Scheme.new('s').add_verdict('a').add_verdict('a')
    end
    assert_hyoka(Hyoka::DivisionByZero) { Hyoka.divide(1, 0) }
    assert_hyoka(Hyoka::IOError) { Hyoka::Portfolio.load(File.join(Dir.tmpdir, 'no-such-hyoka.json')) }
    assert_hyoka(Hyoka::IOError) { pf.save('/nonexistent-dir-hyoka/x.json') }
    assert_hyoka(Hyoka::LimitExceeded, /limit/) { pr.name = 'x' * (Hyoka.limit(:text_max) + 1) }
    assert_hyoka(Hyoka::StateError) { pf.add_project(pr) }
    assert_hyoka(Hyoka::StateError) { Hyoka::Scheme.builtin('jp-standard').add_verdict('x') }
    e = assert_hyoka(Hyoka::InvalidDocument, /S002/) { Hyoka::Portfolio.parse('{"format": "hyoka/1", "x": 1}') }
    assert_equal ['S002'], e.diagnostics.map(&:code)
  end

  def test_invalid_document_diagnostics
    e = assert_raises(Hyoka::InvalidDocument) { Hyoka::Portfolio.parse("{\n  \"format\": \"hyoka/1\",\n  \"format\": 1}") }
    d = e.diagnostics.first
    assert_equal 'J003', d.code
    assert_equal :error, d.severity
    assert_equal 3, d.line
    assert_kind_of Integer, d.column
    e = assert_raises(Hyoka::InvalidDocument) do
      Hyoka::Portfolio.parse('{"format": "hyoka/1", "municipality": {"name": {"a": 1}}}', max_depth: 2)
    end
    assert_includes e.diagnostics.map(&:code), 'J004'
    e = assert_raises(Hyoka::InvalidDocument) { Hyoka::Portfolio.parse("{\"format\": \"hyoka/1\", \"municipality\": {\"name\": \"\xFF\"}}".b) }
    assert_equal 'J002', e.diagnostics.first.code
    en = assert_raises(Hyoka::InvalidDocument) { Hyoka::Portfolio.parse('{', lang: :en) }
    assert_match(/syntax/i, en.diagnostics.first.message)
  end

  def test_ruby_side_refusals
    pf = Hyoka::Portfolio.new
    assert_raises(TypeError) { Hyoka.parse_decimal(1.5) }
    assert_raises(TypeError) { pf.add_project(code: 'a').add_year(2007).add_staff(fte: 0.5) }
    assert_raises(Hyoka::InvalidArgument) { pf.amount_unit = :dollars }
    assert_raises(Hyoka::InvalidArgument) { pf.to_csv_dir(Dir.tmpdir, encoding: 'latin1') }
  end

  def test_last_error_is_per_thread
    begin
      Hyoka.parse_decimal('zzz')
    rescue Hyoka::SyntaxError
      nil
    end
    main_msg = Hyoka.last_error
    other = Thread.new { Hyoka.last_error }.value
    assert_match(/zzz/, main_msg)
    refute_match(/zzz/, other)
  end

  def test_missing_symbol_raises_not_implemented
    Hyoka::Lib.send(:fn, :hyoka_no_such_function_xyz, [], :int)
    e = assert_raises(Hyoka::NotImplemented) { Hyoka::Lib.hyoka_no_such_function_xyz }
    assert_kind_of Hyoka::Error, e
    assert_match(/hyoka_no_such_function_xyz/, e.message)
    refute Hyoka::Lib.available?(:hyoka_no_such_function_xyz)
    assert Hyoka::Lib.available?(:hyoka_json_read)
  ensure
    Hyoka::Lib.missing.delete(:hyoka_no_such_function_xyz)
  end
end
