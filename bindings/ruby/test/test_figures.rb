# frozen_string_literal: true

require_relative 'helper'

# Figures against the values printed on the seed sheets (the figures of
# docs/guide.md, the checks of docs/validation.md).
class TestFigures < Minitest::Test
  include HyokaTestHelper

  def test_seed001_from_scratch
    _pf, _pr, y = seed001
    total = y.figure(:total_cost)
    assert_equal 16_627_000, total.value
    assert_kind_of Integer, total.value
    assert_nil total.reason
    assert total.available?

    pc = y.figure(:per_capita)
    assert_equal BigDecimal('49.0'), pc.value
    assert_kind_of BigDecimal, pc.value
    assert_equal '49.0', pc.text

    uc = y.figure(:unit_cost)
    assert_equal BigDecimal('15775.1'), uc.value
    assert_equal '15775.1', uc.text

    assert_equal 16_627_000, y.figure(:personnel).value
    assert_equal 0, y.figure(:expense).value
    assert_equal BigDecimal('100.0'), y.figure(:personnel_share).value
  end

  def test_unavailable_figures_carry_a_reason
    _pf, _pr, y = seed001
    ph = y.figure(:per_household)
    assert_nil ph.value
    assert_equal :no_households, ph.reason
    refute ph.available?
    assert_match(/世帯/, ph.reason_message(:ja))
    assert_match(/household/, ph.reason_message(:en))
    assert_equal :no_previous_year, y.figure(:total_cost_change).reason
    assert_equal :no_beneficiaries, y.figure(:per_beneficiary).reason

    figs = y.figures
    assert_equal Hyoka::YEAR_FIGURES, figs.keys
    assert_equal BigDecimal('49.0'), figs[:per_capita].value
  end

  def test_year_override_and_rounding
    pf, _pr, y = seed001
    y.population = 100_000
    assert_equal BigDecimal('166.3'), y.figure(:per_capita).value # 16,627,000 ÷ 100,000 = 166.27
    pf.set_rounding(:per_capita, places: 1, mode: :down)
    assert_equal BigDecimal('166.2'), y.figure(:per_capita).value
    pf.set_rounding(:per_capita, places: 2, mode: :half_up, unit: :thousand_yen)
    assert_equal BigDecimal('0.17'), y.figure(:per_capita).value
  end

  def test_indicator_achievement
    _pf, pr, = seed001
    ind = pr.indicators.first
    a = ind.achievement(2007)
    assert_equal BigDecimal('98.3'), a.value # 59 ÷ 60
    assert_equal '98.3', a.text
    ind.set_value(2006, target: 10, actual: 9)
    assert_equal BigDecimal('555.6'), ind.figure(2007, :change).value # (59 - 9) ÷ 9
    ind.set_value(2008, target: 0, actual: 5)
    assert_equal :target_zero, ind.achievement(2008).reason
    ind.not_settable = true
    assert_equal :not_settable, ind.achievement(2007).reason
  end

  def test_staff_costing_exact
    pr = Hyoka::Project.new(code: '00832', name: '個人情報セキュリティ対策事業')
    y = pr.add_year(2016, phase: :settled, settlement: 223_000)
    y.add_staff(category: :regular, fte: '0.30', unit_cost: 8_400_000)
    y.add_staff(category: :reappointed, fte: '0.00', unit_cost: 4_500_000)
    assert_equal 2_520_000, y.figure(:personnel).value
    assert_equal 2_743_000, y.figure(:total_cost).value
    y.population = 58_990
    assert_equal BigDecimal('46.5'), y.figure(:per_capita).value
  end

  def test_seed001_sheet_figures
    pf = Hyoka::Portfolio.load(sheet('tokorozawa-010802.json'))
    y = pf.projects.first.find_year(2007)
    assert_equal 16_627_000, y.figure(:total_cost).value
    assert_equal 339_300, pf.population(2007)
    assert_equal BigDecimal('49.0'), y.figure(:per_capita).value
    assert_equal BigDecimal('15775.1'), y.figure(:unit_cost).value
    assert_equal BigDecimal('15775.5'), y.stated(:unit_cost).value
    y06 = pf.projects.first.find_year(2006)
    assert_equal BigDecimal('36.2'), y06.figure(:per_capita).value
    assert_equal BigDecimal('73710.8'), y06.figure(:unit_cost).value
    assert_equal BigDecimal('35.9'), y.figure(:total_cost_change).value
  end

  def test_metrics_bulk
    pf, = seed001
    m = pf.metrics
    assert_equal 'hyoka-metrics/1', m['format']
    yr = m['projects'][0]['years'][0]
    assert_equal 2007, yr['fiscal_year']
    assert_equal 16_627_000, yr['total_cost']
    assert_kind_of Integer, yr['total_cost']
    assert_equal BigDecimal('49.0'), yr['per_capita']
    assert_kind_of BigDecimal, yr['per_capita']
    assert_equal BigDecimal('15775.1'), yr['unit_cost']
    assert_nil yr['per_household']
    assert_kind_of String, yr['unavailable']['per_household']
    assert_equal '010802', m['projects'][0]['code']
    assert_equal BigDecimal('98.3'), m['projects'][0]['indicators'][0]['values'][0]['achievement']
    assert_includes m['diagnostics'].map { |d| d['code'] }, 'C005'
    refute pf.metrics(diagnostics: false)['diagnostics'].any?
    assert_match(/"hyoka-metrics\/1"/, pf.metrics_json)
  end

  def test_metrics_match_object_figures_on_sheets
    pf = Hyoka::Portfolio.load(sheet('sample-city-portfolio.json'))
    m = pf.metrics(diagnostics: false)
    pf.projects.each_with_index do |pr, i|
      pr.years.each_with_index do |y, j|
        row = m['projects'][i]['years'][j]
        Hyoka::YEAR_FIGURES.each do |f|
          expected = y.figure(f).value
          if expected.nil?
            assert_nil row[f.to_s], "#{pr.code} #{y.fiscal_year} #{f}"
          else
            assert_equal expected, row[f.to_s], "#{pr.code} #{y.fiscal_year} #{f}"
          end
        end
      end
    end
  end

  def test_rollup_and_ranking
    pf = Hyoka::Portfolio.load(sheet('sample-city-portfolio.json'))
    rows = pf.rollup(:department)
    refute_empty rows
    assert(rows.all? { |r| r.totals[:total_cost].is_a?(Integer) })
    by_year = pf.rollup(:fiscal_year)
    assert_equal by_year.map(&:key), by_year.map(&:key).sort_by(&:to_i)
    sum = pf.projects.sum { |p| p.years.select { |y| y.fiscal_year == 2023 }.sum { |y| y.figure(:total_cost).value } }
    assert_equal sum, by_year.find { |r| r.key == '2023' }.totals[:total_cost]

    ranked = pf.ranking(:total_cost, fiscal_year: 2023)
    assert_equal pf.projects.size, ranked.size
    values = ranked.map { |_, f| f.value }.compact
    assert_equal values.sort.reverse, values
    assert_kind_of Hyoka::Project, ranked.first.first
  end

  def test_decimal_helpers
    assert_equal BigDecimal('1.50'), Hyoka.parse_decimal('1.50')
    assert_equal BigDecimal('16627'), Hyoka.parse_decimal('16,627', printed: true)
    assert_equal BigDecimal('-5'), Hyoka.parse_decimal('△5', printed: true)
    assert_equal BigDecimal('2.2'), Hyoka.round('2.25', 1, :half_even)
    assert_equal BigDecimal('2.3'), Hyoka.round(BigDecimal('2.25'), 1)
    assert_equal BigDecimal('15775.1'), Hyoka.divide(16_627_000, 1054)
    assert_raises(TypeError) { Hyoka.round(2.25, 1) }
  end

  def test_calendar_helpers
    assert_equal 2007, Hyoka.fiscal_year('平成19年度')
    assert_equal 2007, Hyoka.fiscal_year('H19')
    assert_equal 2019, Hyoka.fiscal_year('令和元年度')
    assert_equal 2020, Hyoka.fiscal_year('平成32年度')
    assert_equal '令和元年度', Hyoka.format_fiscal_year(2019)
    assert_equal '平成31年度', Hyoka.format_fiscal_year(2019, :strict)
    assert_equal 'R1', Hyoka.format_fiscal_year(2019, :abbrev, :no_suffix)
    assert_equal '2008-05-15', Hyoka.parse_date('平成20年5月15日')
    assert_equal '平成20年5月15日', Hyoka.format_date('2008-05-15')
    assert_equal 'H20.5.15', Hyoka.format_date('2008-05-15', :abbrev)
  end

  # #figures comes from one bulk call of the library and equals #figure for
  # every name, on every sample sheet.
  def one_by_one(names)
    names.to_h do |n|
      [n, yield(n)]
    rescue Hyoka::Error => e
      [n, e.class]
    end
  end

  def check_bulk(project)
    project.years.each do |y|
      one = one_by_one(Hyoka::YEAR_FIGURES) { |n| y.figure(n) }
      begin
        figs = y.figures
        assert_equal one, figs
        # figure_values: the values alone, of the same classes, nil where unavailable
        values = y.figure_values
        assert_equal figs.transform_values(&:value), values
        assert_equal figs.values.map { |f| f.value.class }, values.values.map(&:class)
      rescue Hyoka::Error => e
        assert_includes one.values, e.class
        assert_raises(e.class) { y.figure_values }
      end
    end
    project.indicators.each do |ind|
      (ind.fiscal_years + [1900]).each do |fy|
        one = one_by_one(%i[achievement change]) { |n| ind.figure(fy, n) }
        assert_equal one, ind.figures(fy)
        assert_equal one.transform_values(&:value), ind.figure_values(fy)
      end
    end
    project.children.each { |c| check_bulk(c) }
  end

  def test_bulk_figures_on_every_sheet
    sheets = Dir[File.join(SHEETS, '*.json')]
    skip 'no sample sheets' if sheets.empty?
    sheets.each do |path|
      pf = Hyoka::Portfolio.load(path)
      pf.projects.each { |p| check_bulk(p) }
    end
  end

  def test_bulk_figures_overflow_raises_like_figure
    pf = Hyoka::Portfolio.new
    y = pf.add_project(code: '1').add_year(2020)
    y.settlement = (2**63) - 5
    y.debt_service = 10
    assert_raises(Hyoka::RangeError) { y.figure(:total_cost) }
    assert_raises(Hyoka::RangeError) { y.figures }
    y.debt_service = nil
    assert_equal (2**63) - 5, y.figures[:total_cost].value
    assert_equal :no_population, y.figures[:per_capita].reason
    assert_equal (2**63) - 5, y.figure_values[:total_cost]
    assert_nil y.figure_values[:per_capita]
  end
end
