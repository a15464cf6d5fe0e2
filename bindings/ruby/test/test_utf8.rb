# frozen_string_literal: true

require_relative 'helper'

# Text crosses as UTF-8: strings from C are tagged UTF-8, strings in any
# Ruby encoding are converted, invalid bytes are refused by the library.
class TestUTF8 < Minitest::Test
  include HyokaTestHelper

  def test_returned_strings_are_utf8
    pf, pr, = seed001
    [pf.municipality_name, pr.name, pr.code, pr.department, pr.indicators.first.name,
     pf.validate.first.message, pf.validate.first.code, pf.validate.first.path].each do |s|
      assert_equal Encoding::UTF_8, s.encoding, s
      assert s.valid_encoding?
    end
    assert_equal '所沢市', pf.municipality_name
    assert_equal Encoding::UTF_8, Hyoka.format_fiscal_year(2019).encoding
    assert_equal Encoding::UTF_8, pf.dump.encoding
  end

  def test_other_encodings_are_converted
    pr = Hyoka::Project.new
    pr.name = '情報統計課'.encode('Shift_JIS')
    assert_equal '情報統計課', pr.name
    pr.name = '情報'.encode('EUC-JP')
    assert_equal '情報', pr.name
    pr.name = '評価'.encode('UTF-16LE')
    assert_equal '評価', pr.name
    pr.name = :symbol_name
    assert_equal 'symbol_name', pr.name
  end

  def test_lengths_are_bytes_and_nul_is_refused
    pr = Hyoka::Project.new
    pr.name = '事業' * 1000
    assert_equal 2000, pr.name.length
    assert_equal 6000, pr.name.bytesize
    assert_raises(Hyoka::EncodingError) { pr.name = "a\0b" }
  end

  def test_invalid_utf8_is_refused
    pr = Hyoka::Project.new(name: 'keep')
    assert_raises(Hyoka::EncodingError) { pr.name = "\xE6\x83".b }
    assert_raises(Hyoka::EncodingError) { pr.name = "\xE6\x83".dup.force_encoding('UTF-8') }
    assert_equal 'keep', pr.name
    # Bytes that are not Shift_JIS cannot be converted to UTF-8 at all.
    assert_raises(Hyoka::EncodingError) { pr.name = "\x82".dup.force_encoding('Shift_JIS') }
    assert_equal 'keep', pr.name
  end

  def test_hash_keys_and_values
    pr = Hyoka::Project.new
    pr.set_extension('利用数の考え方', '累計')
    k, v = pr.extensions.first
    assert_equal Encoding::UTF_8, k.encoding
    assert_equal Encoding::UTF_8, v.encoding
    assert_equal '累計', pr.extension('利用数の考え方'.encode('Shift_JIS'))
  end
end
