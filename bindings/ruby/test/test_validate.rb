# frozen_string_literal: true

require 'json'
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

  # A ledger whose one funding error comes after many I002 warnings.
  def ledger(warnings = 1500)
    inds = (0...warnings).map do |i|
      { kind: 'outcome', name: "i#{i}", unit: '件', values: [{ fiscal_year: 2020, actual: i }] }
    end
    JSON.generate(format: 'hyoka/1', projects: [
                    { code: 'A', name: 'a', indicators: inds },
                    { code: 'B', name: 'b', years: [{ fiscal_year: 2020, settlement: 1000, funding: { general: 900 } }],
                      indicators: [{ kind: 'outcome', name: 'o', unit: '%',
                                     values: [{ fiscal_year: 2020, target: 50, actual: 40 }] }] }
                  ])
  end

  def test_counts_whatever_is_kept
    pf = Hyoka::Portfolio.parse(ledger)
    ds = pf.validate(lang: :en, limit: 1000)
    assert_kind_of Hyoka::Diagnostics, ds
    assert_equal 1000, ds.size
    assert_equal [1501, 501, 0, 1], [ds.total, ds.dropped, ds.ignored, ds.errors]
    assert_equal({ error: 1, warning: 1500, info: 0 }, ds.counts)
    assert_equal 'C001', ds.last.code
    assert_equal [['C001', :error, 1], ['I002', :warning, 1500]], ds.tally.map { |t| [t.code, t.severity, t.count] }
    assert_equal 'funding sources do not add up to the expense', ds.tally.first.title
    assert_equal 1501, pf.validate.size
  end

  def test_rules
    pf = Hyoka::Portfolio.parse(ledger(10))
    ds = pf.validate(rules: Hyoka::Rules.new(ignore: 'I002'))
    assert_equal ['C001'], ds.map(&:code)
    assert_equal [1, 10], [ds.total, ds.ignored]
    ds = pf.validate(rules: Hyoka::Rules.new(select: 'I', min_severity: :warning))
    assert_equal ['I002'], ds.map(&:code).uniq
    rules = Hyoka::Rules.new(select: 'C00', ignore: %w[C007])
    assert rules.allows?('C001', :error)
    refute rules.allows?('C007', :info)
    assert_raises(Hyoka::InvalidArgument) { rules.select('I-2') }
  end

  def test_rules_files
    rules = Hyoka::Rules.parse("# no targets for activities\nignore = I002\nmin-severity = warning\n")
    refute rules.allows?('I002', :warning)
    refute rules.allows?('C007', :info)
    e = assert_raises(Hyoka::InvalidDocument) { Hyoka::Rules.parse("ignore = I002\nnot a rule\nmin-severity = fatal\n") }
    assert_equal [['R001', 2, 1], ['R001', 3, 16]], e.diagnostics.map { |d| [d.code, d.line, d.column] }
    assert_raises(Hyoka::IOError) { Hyoka::Rules.read_file('/nonexistent/hyoka.conf') }
  end

  def test_reading_error_after_warnings
    doc = JSON.generate(format: 'hyoka/1',
                        denominators: (0...1500).map { |i| { fiscal_year: "平成#{32 + i}年度", population: 1 } },
                        projects: [{ code: 'A', name: 'a', duty: 'bogus' }])
    e = assert_raises(Hyoka::InvalidDocument) { Hyoka::Portfolio.parse(doc, lang: :en) }
    ds = e.diagnostics
    assert_equal [1000, 1501, 501, 1], [ds.size, ds.total, ds.dropped, ds.errors]
    assert_match(/document has 1 error \(1501 diagnostics\): .*S004/, e.message)
    e = assert_raises(Hyoka::InvalidDocument) do
      Hyoka::Portfolio.parse(doc, rules: Hyoka::Rules.new(ignore: %w[S Y]))
    end
    assert_equal ['S004'], e.diagnostics.map(&:code)
    assert_equal 1500, e.diagnostics.ignored
  end
end
