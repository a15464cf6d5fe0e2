# frozen_string_literal: true

require_relative 'helper'

# The RS tables of the national review sheets (rs.h): the real 2024 sample
# (tests/data/rs-sample-2024; 出典: 行政事業レビュー見える化サイト, PDL 1.0)
# read, written back and read again.
class TestRs < Minitest::Test
  include HyokaTestHelper

  SAMPLE = File.expand_path('../../../tests/data/rs-sample-2024', __dir__)

  def setup
    require_symbol(:hyoka_rs_read_dir, 'the RS tables')
    skip "the sample is not in #{SAMPLE}" unless File.directory?(SAMPLE)
  end

  def test_table_names
    names = Hyoka.rs_table_names
    assert_equal 15, names.size
    assert_equal %w[1-1 2-1 6-1], [names[0], names[5], names[-1]]
  end

  def test_read_sample
    Hyoka.read_rs(SAMPLE) do |pf|
      assert_equal %w[11 884 1319 3522 18556], pf.projects.map(&:code)
      b = pf.find_project('884').records(:budgets)[2]
      assert_equal [2023, 40_217_000, 28_433_000], [b[:budget_year], b[:appropriation], b[:execution]]
      assert_equal BigDecimal('0.70699'), b[:stated_execution_rate]
      assert_equal(-569_000, pf.find_project('884').records(:reflections).first[:amount])
      assert_includes pf.validate.map(&:code), 'V013'
      # 3522's output 3 has no direction: 35 / 12 as the sheet prints it
      assert_equal :ratio, pf.achievement_rule
      out3 = pf.find_project('3522').indicators.find { |i| i.kind == :activity && i.number == 3 }
      assert_equal BigDecimal('291.66667'), out3.achievement(2020).value
    end
  end

  def test_round_trip
    pf = Hyoka::Portfolio.from_rs_dir(SAMPLE)
    Dir.mktmpdir do |tmp|
      out = File.join(tmp, 'out')
      pf.to_rs_dir(out)
      assert_includes Dir.children(out), '2-1_RS_2024_予算・執行_サマリ.csv'
      back = Hyoka::Portfolio.from_rs_dir(out)
      assert_equal pf, back
      assert_equal pf.rs_table('3-1'), back.rs_table('3-1')
      assert pf.rs_table('3-1').b.start_with?("\xEF\xBB\xBF".b)
      via_json = Hyoka::Portfolio.parse(pf.dump)
      assert_equal pf.rs_table('5-1'), via_json.rs_table('5-1')
      pf.to_rs_dir(out, year: 2030, replace: true)
      assert_includes Dir.children(out), '6-1_RS_2030_その他備考.csv'
      assert_raises(Hyoka::InvalidArgument) { pf.rs_table('7-1') }
    end
  end

  def test_not_a_folder_of_rs_tables
    Dir.mktmpdir do |tmp|
      e = assert_raises(Hyoka::InvalidDocument) { Hyoka::Portfolio.from_rs_dir(tmp) }
      assert_includes e.diagnostics.map(&:code), 'V008'
    end
  end
end
