# frozen_string_literal: true

require_relative 'helper'

# Building a portfolio from scratch and reading back every property.
class TestBuild < Minitest::Test
  include HyokaTestHelper

  def test_portfolio_properties
    pf = Hyoka::Portfolio.new
    assert_nil pf.municipality_name
    assert_nil pf.municipality_code
    assert_equal :yen, pf.amount_unit
    assert_equal 0, pf.stated_tolerance

    pf.municipality_name = '所沢市'
    pf.municipality_code = '112089'
    assert_equal '所沢市', pf.municipality_name
    assert_equal '112089', pf.municipality_code
    pf.set_municipality(name: nil, code: nil)
    assert_nil pf.municipality_name
    pf.set_municipality(name: '真岡市', code: '092096')
    assert_equal %w[真岡市 092096], [pf.municipality_name, pf.municipality_code]

    pf.amount_unit = :thousand_yen
    assert_equal :thousand_yen, pf.amount_unit
    pf.stated_tolerance = 2
    assert_equal 2, pf.stated_tolerance

    pf.set_denominator(2007, population: 339_300, households: 145_000)
    pf.set_denominator('平成18年度', population: 338_000)
    assert_equal 339_300, pf.population(2007)
    assert_equal 145_000, pf.households(2007)
    assert_equal 338_000, pf.population(2006)
    assert_nil pf.households(2006)
    assert_equal({ 2007 => { population: 339_300, households: 145_000 },
                   2006 => { population: 338_000, households: nil } }, pf.denominators)
    pf.set_denominator(2007, households: nil)
    assert_nil pf.households(2007)

    r = pf.rounding(:per_capita)
    assert_equal [1, :half_up, :yen, false], r.to_a
    pf.set_rounding(:per_capita, places: 2, mode: :down, unit: :thousand_yen)
    assert_equal [2, :down, :thousand_yen, true], pf.rounding(:per_capita).to_a
    pf.clear_rounding(:per_capita)
    refute pf.rounding(:per_capita).overridden
  end

  def test_project_properties
    pf = Hyoka::Portfolio.new
    pr = pf.add_project(code: '010802', name: '情報セキュリティ対策推進事業')
    assert_same pr, pf.projects.first
    assert_same pf, pr.portfolio
    assert_nil pr.parent

    Hyoka::Project::TEXT_FIELDS.each_key do |field|
      value = "#{field}の値"
      pr.public_send("#{field}=", value)
      assert_equal value, pr.public_send(field), field
    end
    pr.purpose = nil
    assert_nil pr.purpose

    assert_nil pr.duty
    pr.duty = :statutory_entrusted
    assert_equal :statutory_entrusted, pr.duty
    pr.duty = 'autonomous'
    assert_equal :autonomous, pr.duty
    pr.duty = nil
    assert_nil pr.duty
    pr.period = :fixed_term
    assert_equal :fixed_term, pr.period

    assert_nil pr.start_fiscal_year
    pr.start_fiscal_year = 2003
    pr.end_fiscal_year = '令和2年度'
    assert_equal [2003, 2020], [pr.start_fiscal_year, pr.end_fiscal_year]
    pr.end_fiscal_year = nil
    assert_nil pr.end_fiscal_year

    pr.add_policy(level: '政策', code: '8', name: '計画の推進に向けて')
    pr.add_policy(level: '施策', code: '1', name: '市民との協働')
    pr.add_account(level: '会計', name: '一般会計')
    assert_equal [%w[政策 8 計画の推進に向けて], %w[施策 1 市民との協働]], pr.policy.map(&:to_a)
    assert_equal [['会計', nil, '一般会計']], pr.account.map(&:to_a)
    pr.policy = [{ level: '政策', code: '1', name: 'X' }]
    assert_equal 1, pr.policy.size

    pr.set_extension('部課コード', '010800')
    pr.set_extension('note', 'a')
    assert_equal({ '部課コード' => '010800', 'note' => 'a' }, pr.extensions)
    assert_equal '010800', pr.extension('部課コード')
    pr.set_extension('note', nil)
    assert_equal ['部課コード'], pr.extensions.keys
    pr.extensions = { 'k' => 'v' }
    assert_equal({ 'k' => 'v' }, pr.extensions)

    child = pr.add_child(code: '01', name: '細事業')
    assert_same pr, child.parent
    assert_same pf, child.portfolio
    assert_equal ['01'], pr.children.map(&:code)
    assert_equal [pr, child], pf.all_projects.to_a
    pr.remove_child(child)
    assert_equal 0, pr.children.size
    refute child.valid?
  end

  def test_cost_year_properties
    _pf, pr, = seed001
    y = pr.add_year(2008)
    assert_equal 2008, y.fiscal_year
    assert_same pr, y.project
    assert_nil y.phase
    y.phase = :budget
    assert_equal :budget, y.phase

    Hyoka::CostYear::FIELDS.each_key.with_index do |field, i|
      assert_nil y.public_send(field), field
      y.public_send("#{field}=", 1000 + i)
      assert_equal 1000 + i, y.public_send(field), field
    end
    y.settlement = nil
    assert_nil y.settlement
    y.initial_budget = 0
    assert_equal 0, y.initial_budget
    y.fiscal_year = 2009
    assert_equal 2009, y.fiscal_year
    assert_raises(TypeError) { y.settlement = 1.5 }

    y.set_stated(:per_capita, '49.00')
    st = y.stated(:per_capita)
    assert_equal BigDecimal('49'), st.value
    assert_equal '49.00', st.text
    assert_equal :yen, st.unit
    y.set_stated(:total_cost, 16_627, unit: :thousand_yen)
    assert_equal :thousand_yen, y.stated(:total_cost).unit
    assert_equal %i[total_cost per_capita], y.stated.keys
    y.clear_stated(:per_capita)
    assert_nil y.stated(:per_capita)

    assert_equal [2007, 2009], pr.years.map(&:fiscal_year)
    assert_same y, pr.find_year(2009)
    assert_nil pr.find_year(1999)
    pr.remove_year(y)
    assert_equal [2007], pr.years.map(&:fiscal_year)
    refute y.valid?
    assert_raises(Hyoka::StateError) { y.fiscal_year }
  end

  def test_staff_properties
    _pf, _pr, y = seed001
    s = y.staff.first
    assert_equal :regular, s.category
    assert_equal BigDecimal('1.77'), s.fte
    assert_equal 16_627_000, s.amount
    assert_nil s.hours
    assert_nil s.unit_cost

    t = y.add_staff(category: :part_time, hours: '220.5', hourly_rate: 1_050, headcount: 4)
    assert_equal :part_time, t.category
    assert_equal BigDecimal('220.5'), t.hours
    assert_equal BigDecimal('4'), t.headcount
    assert_equal 1_050, t.hourly_rate
    assert_equal 231_525, t.cost.value
    t.category = :temporary
    assert_equal :temporary, t.category
    t.hours = nil
    assert_nil t.hours
    t.hourly_rate = nil
    assert_nil t.cost.value
    assert_kind_of Symbol, t.cost.reason
    u = y.add_staff(category: :reappointed, fte: BigDecimal('0.30'), unit_cost: 8_400_000)
    assert_equal 2_520_000, u.cost.value
    assert_equal 3, y.staff.size
    y.remove_staff(1)
    assert_equal %i[regular reappointed], y.staff.map(&:category)
    refute t.valid?
    assert_raises(TypeError) { u.fte = 0.3 }
  end

  def test_indicator_properties
    _pf, pr, = seed001
    ind = pr.indicators.first
    assert_equal :outcome, ind.kind
    assert_equal '情報セキュリティ研修受講率', ind.name
    assert_equal '%', ind.unit
    assert_equal :increase, ind.direction
    refute ind.not_settable?
    assert_equal({ 2007 => { target: BigDecimal('60'), actual: BigDecimal('59'), forecast: nil } }, ind.values)
    assert_equal BigDecimal('98.3'), ind.stated_achievement(2007)

    ind.kind = :upper_outcome
    ind.direction = :maintain
    ind.definition = '受講者数 ÷ 対象者数'
    ind.not_settable = true
    ind.not_settable_reason = '設定困難'
    ind.long_term_note = '未定'
    assert_equal [:upper_outcome, :maintain, '受講者数 ÷ 対象者数', true, '設定困難', '未定'],
                 [ind.kind, ind.direction, ind.definition, ind.not_settable?, ind.not_settable_reason,
                  ind.long_term_note]
    ind.not_settable = false

    ind.set_value(2008, target: '80', forecast: '75.50')
    assert_equal BigDecimal('75.5'), ind.value(2008, :forecast)
    ind.set_value(2007, actual: nil)
    assert_nil ind.value(2007, :actual)
    assert_equal [2007, 2008], ind.fiscal_years
    ind.remove_year(2008)
    assert_equal [2007], ind.fiscal_years

    assert_nil ind.long_term_target
    ind.set_long_term_target(80, fiscal_year: 2010)
    assert_equal({ value: BigDecimal('80'), fiscal_year: 2010 }, ind.long_term_target)
    ind.long_term_target = nil
    assert_nil ind.long_term_target

    act = pr.add_indicator(kind: :activity, name: '研修回数', unit: '回',
                           values: { 2007 => { actual: 12 } }, long_term_target: [20, 2012])
    assert_equal 2, pr.indicators.size
    assert_equal BigDecimal('12'), act.value(2007)
    assert_equal 2012, act.long_term_target[:fiscal_year]
    pr.remove_indicator(act)
    assert_equal 1, pr.indicators.size
  end

  def test_evaluation_properties
    _pf, pr, = seed001
    ev = pr.add_evaluation(stage: :primary, fiscal_year: 2008, date: '平成20年5月15日',
                           evaluator: '情報統計課長', verdict: 'improve', budget: 'status_quo',
                           answers: { relevance: 'A', efficiency: 'B' },
                           comments: { 'reason' => '研修の徹底が必要' },
                           goals: [{ what: 'eラーニングを終える', level: '全員', by: '2008-12' }])
    assert_equal :primary, ev.stage
    assert_equal 2008, ev.fiscal_year
    assert_equal '2008-05-15', ev.date
    assert_equal '情報統計課長', ev.evaluator
    assert_equal %w[improve status_quo], [ev.verdict, ev.budget]
    assert_nil ev.scheme
    assert_equal({ 'relevance' => 'A', 'efficiency' => 'B' }, ev.answers)
    assert_equal 'A', ev.answer(:relevance)
    assert_equal({ 'reason' => '研修の徹底が必要' }, ev.comments)
    assert_equal '研修の徹底が必要', ev.comment('reason')
    assert_equal [Hyoka::Goal.new('eラーニングを終える', '全員', '2008-12')], ev.goals

    ev.scheme = 'jp-standard'
    ev.stage = :secondary
    ev.date = Time.new(2008, 7, 1)
    ev.date = '2008-07-02'
    assert_equal '2008-07-02', ev.date
    ev.date = nil
    assert_nil ev.date
    ev.expected_outcome = :up
    ev.expected_cost = :down
    assert_equal %i[up down], [ev.expected_outcome, ev.expected_cost]
    ev.set_expected(outcome: nil)
    assert_equal [nil, :down], [ev.expected_outcome, ev.expected_cost]
    ev.set_answer(:relevance, nil)
    assert_equal ['efficiency'], ev.answers.keys
    ev.set_comment('reason', nil)
    assert_empty ev.comments
    ev.add_goal(what: 'b', by: nil)
    assert_equal 2, ev.goals.size
    ev.remove_goal(0)
    assert_equal [Hyoka::Goal.new('b', nil, nil)], ev.goals
    assert_same pr, ev.project
    assert_equal [ev], pr.evaluations.to_a
    pr.remove_evaluation(0)
    assert_empty pr.evaluations.to_a
  end

  def test_schemes
    jp = Hyoka::Scheme.builtin('jp-standard')
    assert jp.builtin?
    assert_equal 'jp-standard', jp.id
    assert_includes jp.verdicts.map(&:code), 'improve'
    assert_includes Hyoka::Scheme.builtins.map(&:id), 'us-omb-part'
    assert_nil Hyoka::Scheme.builtin('nope')
    assert_raises(Hyoka::StateError) { jp.name = 'x' }

    s = Hyoka::Scheme.new('city-3point', name: '3段階評点')
    s.add_criterion('relevance', label: '妥当性', weight: 2, options: [['3', '妥当', 3], ['1', '不十分', 1]])
    s.add_criterion('cost', label: '費用', range: [0, 100], required: true)
    s.add_verdict('maintain', label: '現状継続', group: :continue)
    s.add_verdict('end', label: '終了', group: :end)
    s.add_budget('status_quo', label: '現状どおり', kind: :same)
    s.add_band(2, 'A', label: '良')
    s.add_band(0, 'B', label: '可')
    s.set_missing_rating('RND', label: 'Results Not Demonstrated')
    c = s.criteria
    assert_equal %w[relevance cost], c.map(&:code)
    assert_equal BigDecimal('2'), c[0].weight
    assert_equal [['3', '妥当', BigDecimal('3')], ['1', '不十分', BigDecimal('1')]], c[0].options.map(&:to_a)
    assert_equal [BigDecimal('0'), BigDecimal('100')], c[1].range
    assert c[1].required
    assert_equal [%w[maintain 現状継続], %w[end 終了]], s.verdicts.map { |v| [v.code, v.label] }
    assert_equal :end, s.verdicts[1].group
    assert_equal :same, s.budget_directions[0].kind
    assert_equal %w[A B], s.bands.map(&:code)
    assert_equal %w[RND Results\ Not\ Demonstrated], s.missing_rating

    pf = Hyoka::Portfolio.new
    pf.add_scheme(s)
    assert_same pf, s.owner
    assert_equal ['city-3point'], pf.schemes.map(&:id)
    assert_same s, pf.find_scheme('city-3point')
    assert_equal 'jp-standard', pf.find_scheme('jp-standard').id
    pr = pf.add_project(code: 'x', name: 'y')
    ev = pr.add_evaluation(stage: :self, scheme: 'city-3point', answers: { relevance: '3', cost: 50 })
    assert_equal BigDecimal('18.7'), ev.score.value
    assert_equal 'A', ev.rating.code
    pf.remove_scheme(s)
    refute s.valid?
  end

  def test_enumerable_views
    pf = Hyoka::Portfolio.new
    3.times { |i| pf.add_project(code: format('%02d', i), name: "事業#{i}").add_year(2020 + i) }
    assert_equal 3, pf.projects.size
    assert_equal %w[00 01 02], pf.projects.map(&:code)
    assert_equal ['01'], pf.projects.select { |p| p.code == '01' }.map(&:code)
    assert_equal '02', pf.projects.last.code
    assert_equal '02', pf.projects[-1].code
    assert_nil pf.projects[3]
    assert_kind_of Enumerator, pf.projects.each
    assert_equal [2020, 2021, 2022], pf.years.map(&:fiscal_year)
    assert_equal 0, pf.indicators.count
    assert_equal 0, pf.evaluations.count
    assert_same pf.projects[1], pf.find_project('01')
    assert_nil pf.find_project('zz')
    pf.remove_project(pf.projects[0])
    assert_equal %w[01 02], pf.projects.map(&:code)
  end

  def test_standalone_project_and_copy
    pr = Hyoka::Project.new(code: 'A1', name: '単独', duty: :autonomous,
                            policy: [{ level: '政策', code: '1', name: 'まちづくり' }],
                            extensions: { 'x' => 'y' })
    pr.add_year(2020, phase: :plan, initial_budget: 1000,
                      staff: [{ category: :regular, fte: '0.5', unit_cost: 8_000_000 }],
                      stated: { total_cost: ['5.0', :thousand_yen] })
    assert_nil pr.owner
    assert_nil pr.portfolio
    cp = pr.copy
    assert_equal pr, cp
    refute pr.same?(cp)
    cp.name = '別'
    refute_equal pr, cp

    pf = Hyoka::Portfolio.new
    pf.add_project(pr)
    assert_same pf, pr.owner
    assert_same pr, pf.projects.first
    assert_raises(Hyoka::StateError) { pf.add_project(pr) }
    assert_raises(Hyoka::StateError) { pr.close }
    pf2 = pf.copy
    assert_equal pf, pf2
    pf2.projects.first.name = 'changed'
    refute_equal pf, pf2
  end

  def test_unknown_attribute_and_enum
    pf = Hyoka::Portfolio.new
    assert_raises(ArgumentError) { pf.add_project(code: 'a', bogus: 1) }
    pr = pf.add_project(code: 'a')
    e = assert_raises(Hyoka::InvalidArgument) { pr.add_year(2007, phase: :finished) }
    assert_match(/finished/, e.message)
    assert_raises(TypeError) { pr.name = 12 }
  end
end
