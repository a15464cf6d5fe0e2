# frozen_string_literal: true

require_relative 'helper'

# Validation: Diagnostic structs with code, severity, path, position and
# message in Japanese or English.
class TestValidate < Minitest::Test
  include HyokaTestHelper

  def test_seed001_from_scratch
    pf, = seed001
    diags = pf.validate(lang: :ja) # the default language follows the locale (Hyoka.default_lang)
    c005 = diags.find { |d| d.code == 'C005' }
    refute_nil c005, diags.inspect
    assert_equal :warning, c005.severity
    assert_equal '/projects/0/years/0/stated/unit_cost', c005.path
    assert_nil c005.line
    assert_nil c005.column
    assert_equal Encoding::UTF_8, c005.message.encoding
    en = pf.validate(lang: :en).find { |d| d.code == 'C005' }
    assert_match(/15775\.5/, en.message)
    refute_equal c005.message, en.message
    refute(diags.any? { |d| d.code == 'C004' }, 'the stated total matches')
    refute(diags.any? { |d| d.code == 'I003' }, 'the stated achievement matches')
  end

  def test_codes_from_scratch
    pf = Hyoka::Portfolio.new
    pr = pf.add_project(name: 'コードなし')
    pr.set_period_years(2010, 2005)
    y = pr.add_year(2007, phase: :settled, final_budget: 100, settlement: 200)
    y.settlement = -1
    pr.add_year(2007)
    pf.add_project(code: 'dup', name: 'a')
    pf.add_project(code: 'dup', name: 'b')
    codes = pf.validate.map(&:code)
    %w[P001 P002 P003 C002 C008].each { |c| assert_includes codes, c }
    d = pf.validate.find { |x| x.code == 'P001' }
    assert d.error?
    assert_equal :error, d.severity
    assert_match(/P001/, d.to_s)
  end

  def test_sheet_diagnostics_have_positions
    pf = Hyoka::Portfolio.load(sheet('tokorozawa-010802.json'))
    assert_empty pf.read_diagnostics
    diags = pf.validate(lang: :en)
    assert_equal %w[C005 C007 I002 I002], diags.map(&:code)
    c005 = diags.first
    assert_equal '/projects/0/years/1/stated/unit_cost', c005.path
    assert_kind_of Integer, c005.line
    assert_operator c005.line, :>, 1
    assert_kind_of Integer, c005.column
    assert_equal :info, diags[1].severity
  end

  def test_known_case_seed002
    pf = Hyoka::Portfolio.load(sheet('seed-002-00832.json'))
    e002 = pf.validate.find { |d| d.code == 'E002' }
    refute_nil e002
    assert_equal '/projects/0/evaluations/2/verdict', e002.path
  end

  def test_reading_warnings_come_first
    text = %({\n  "format": "hyoka/1",\n  "projects": [{"code": "1", "name": "x",\n) +
           %(    "years": [{"fiscal_year": "平成32年度", "settlement": 1}]}]\n})
    pf = Hyoka::Portfolio.parse(text)
    assert_equal 2020, pf.projects.first.years.first.fiscal_year
    assert_equal ['Y001'], pf.read_diagnostics.map(&:code)
    diags = pf.validate(lang: :en)
    assert_equal %w[Y001 I005], diags.map(&:code)
    assert_equal [4, '/projects/0/years/0/fiscal_year'], [diags[0].line, diags[0].path]
    assert_match(/平成32年度/, diags[0].message)
    assert_equal %w[Y001 I005], pf.metrics['diagnostics'].map { |d| d['code'] }
  end

  def test_code_titles
    assert_match(/per-capita/, Hyoka.code_title('C005', lang: :en))
    refute_nil Hyoka.code_title('C005')
    assert_nil Hyoka.code_title('ZZZ9')
  end
end
