# frozen_string_literal: true

require_relative 'helper'
require 'open3'
require 'rbconfig'

# The forms of the calls, as in the Python binding where Ruby allows it,
# Portfolio.load with a block, #inspect, the default language and the
# library carried in the gem.
class TestForms < Minitest::Test
  include HyokaTestHelper

  LIB_DIR = File.expand_path('../lib', __dir__)

  def test_add_staff_category_by_position_or_keyword
    _pf, _pr, y = seed001
    a = y.add_staff(:regular, fte: '0.8', unit_cost: 8_400_000)
    b = y.add_staff(category: :regular, fte: '0.8', unit_cost: 8_400_000)
    assert_equal [:regular, BigDecimal('0.8'), 8_400_000], [a.category, a.fte, a.unit_cost]
    assert_equal [a.category, a.fte, a.unit_cost], [b.category, b.fte, b.unit_cost]
    assert_nil y.add_staff(hours: 10).category
    count = y.staff.size
    e = assert_raises(ArgumentError) { y.add_staff(:regular, category: :temporary) }
    assert_match(/category given twice/, e.message)
    assert_equal count, y.staff.size
  end

  def test_positional_forms_of_python
    pf = Hyoka::Portfolio.new
    pr = pf.add_project(Hyoka::Project.new('010802', '情報セキュリティ対策推進事業', department: '総合政策部'))
    assert_equal %w[010802 情報セキュリティ対策推進事業 総合政策部], [pr.code, pr.name, pr.department]
    assert_raises(ArgumentError) { Hyoka::Project.new('1', code: '2') }
    y = pr.add_year(2007, :settled, settlement: 0)
    assert_equal :settled, y.phase
    assert_same y, pr.year(2007)
    assert_equal :outcome, pr.add_indicator(:outcome, name: '率').kind
    assert_equal :outcome, pr.add_indicator(kind: :outcome).kind
    ev = pr.add_evaluation(:primary, fiscal_year: 2008)
    assert_equal :primary, ev.stage
    pr.add_policy('政策', '8', '計画の推進に向け')
    pr.add_policy(level: '施策', code: '8-1', name: 'x')
    assert_equal [%w[政策 8 計画の推進に向け], %w[施策 8-1 x]], pr.policy.map { |l| [l.level, l.code, l.name] }
    ev.add_goal('研修', '全員', '2008-12')
    ev.add_goal(what: '監査', by: '2009-03')
    assert_equal [['研修', '全員', '2008-12'], ['監査', nil, '2009-03']], ev.goals.map(&:to_a)
    y.set_stated(:total_cost, '16627', :thousand_yen)
    assert_equal :thousand_yen, y.stated(:total_cost).unit
    pf.set_rounding(:per_capita, 2)
    assert_equal 2, pf.rounding(:per_capita).places
    pf.set_rounding(:per_capita, places: 1, mode: :down)
    assert_equal [1, :down], [pf.rounding(:per_capita).places, pf.rounding(:per_capita).mode]
    assert_raises(ArgumentError) { pf.set_rounding(:per_capita) }
    assert_equal pf.rollup(:department), pf.rollup(group_by: :department)
    assert_equal pf.ranking(:total_cost, 2007).map { |p, f| [p.code, f.value] },
                 pf.ranking(:total_cost, fiscal_year: 2007).map { |p, f| [p.code, f.value] }
    assert_equal pf.validate(:en), pf.validate(lang: :en)
    assert_nil pf.metrics(validate: false)['diagnostics']&.first
    ind = pr.indicators.first
    ind.add_year(2007)
    assert_equal [2007], ind.fiscal_years
    ind.set_long_term(80, 2012)
    assert_equal({ value: BigDecimal('80'), fiscal_year: 2012 }, ind.long_term_target)
  end

  def test_scheme_forms
    s = Hyoka::Scheme.new('city-3point', '市の3段階')
    assert_equal '市の3段階', s.name
    s.add_criterion('relevance', '妥当性', weight: 2)
    s.add_verdict('abolish', '廃止', :end)
    s.add_verdict('keep', label: '継続')
    s.add_budget_direction('up', '拡大', :increase)
    s.add_budget('same', label: '現状')
    s.add_band(50, 'B', '普通')
    s.set_missing_rating('-', '評価不能')
    assert_equal [%w[relevance 妥当性]], s.criteria.map { |c| [c.code, c.label] }
    assert_equal [['abolish', '廃止', :end], ['keep', '継続', :continue]], s.verdicts.map(&:to_a)
    assert_equal [['up', '拡大', :increase], ['same', '現状', :same]], s.budget_directions.map(&:to_a)
    assert_equal ['B', '普通'], [s.bands.first.code, s.bands.first.label]
    assert_equal ['-', '評価不能'], s.missing_rating
  ensure
    s&.close
  end

  def test_load_with_a_block
    path = sheet('tokorozawa-010802.json')
    kept = nil
    value = Hyoka::Portfolio.load(path) do |pf|
      kept = pf
      assert pf.valid?
      pf.projects.first.code
    end
    assert_equal '010802', value
    refute kept.valid?, 'closed when the block ends'
    assert_raises(Hyoka::StateError) { kept.projects.size }
    assert_raises(RuntimeError) do
      Hyoka::Portfolio.load(path) do |pf|
        kept = pf
        raise 'inside'
      end
    end
    refute kept.valid?, 'closed when the block raises'
    text = File.read(path)
    assert_equal 1, Hyoka::Portfolio.parse(text) { |pf| pf.projects.size }
    assert Hyoka::Portfolio.load(path).valid?, 'without a block, the portfolio stays open'
  end

  def test_inspect_shows_content
    pf, pr, y = seed001
    s = y.staff.first
    ind = pr.indicators.first
    ev = pr.add_evaluation(:primary, fiscal_year: 2008, verdict: 'improve')
    {
      pf => '#<Hyoka::Portfolio 所沢市 112089 projects=1>',
      pr => '#<Hyoka::Project 010802 "情報セキュリティ対策推進事業" years=1>',
      y => '#<Hyoka::CostYear 2007 settled staff=1>',
      s => '#<Hyoka::Staff regular fte=1.77 amount=16627000>',
      ind => '#<Hyoka::Indicator outcome "情報セキュリティ研修受講率" (%) years=1>',
      ev => '#<Hyoka::Evaluation primary 2008 verdict=improve>',
      Hyoka::Scheme.builtin('jp-standard') => /\A#<Hyoka::Scheme jp-standard \(built in\) criteria=\d+>\z/
    }.each do |obj, expected|
      expected.is_a?(Regexp) ? assert_match(expected, obj.inspect) : assert_equal(expected, obj.inspect)
      refute_match(/0x\h+/, obj.inspect)
    end
    pf.close
    assert_equal '#<Hyoka::Portfolio (released)>', pf.inspect
  end

  def test_out_of_range_integers_raise
    pf, pr, = seed001
    assert_raises(::RangeError) { pf.remove_project(2**64) }
    assert_raises(::RangeError) { pr.add_year(2**32 + 2024) }
    assert_raises(::RangeError) { pf.set_rounding(:per_capita, places: 2**32 + 2) }
    assert_equal 1, pf.projects.size
    assert_equal [2007], pr.years.map(&:fiscal_year)
  end

  def test_refusals_name_the_figure
    pf, _pr, y = seed001
    e = assert_raises(Hyoka::InvalidArgument) { y.set_stated(:achievement, '1') }
    assert_match(/\Astated achievement: /, e.message)
    e = assert_raises(Hyoka::InvalidArgument) { pf.set_rounding(:achievement, 1, unit: :thousand_yen) }
    assert_match(/\Arounding of achievement: /, e.message)
    e = assert_raises(Hyoka::InvalidArgument) { pf.ranking(:achievement) }
    assert_match(/\Aranking by achievement: /, e.message)
    e = assert_raises(Hyoka::InvalidArgument) { y.phase = :done }
    assert_match(/unknown phase :done/, e.message)
  end

  def ruby_with(env, code, *load_path)
    Open3.capture3(env, RbConfig.ruby, *load_path.flat_map { |d| ['-I', d] }, '-I', LIB_DIR, '-e', code)
  end

  def test_default_language_follows_the_locale
    require_symbol(:hyoka_lang_default, 'hyoka_lang_default')
    code = 'require "hyoka"; pf = Hyoka::Portfolio.new; pf.add_project(code: "1").add_year(2007, :settled, ' \
           'settlement: 1); print Hyoka.default_lang, " ", ' \
           'pf.validate.first.message == pf.validate(Hyoka.default_lang).first.message'
    base = { 'LC_ALL' => nil, 'LC_MESSAGES' => nil }
    [[{ 'LANG' => 'ja_JP.UTF-8' }, 'ja true'], [{ 'LC_ALL' => 'C', 'LANG' => 'ja_JP.UTF-8' }, 'en true'],
     [{ 'LANG' => nil }, 'en true']].each do |env, expected|
      out, err, status = ruby_with(base.merge(env), code)
      assert status.success?, err
      assert_equal expected, out
    end
  end

  def test_library_carried_in_the_gem_comes_before_the_system
    lib = Hyoka.library_path
    skip 'library not loaded from a path' unless File.exist?(lib)
    Dir.mktmpdir do |dir|
      bundled = File.join(dir, 'hyoka', 'native', 'libhyoka.so.1')
      FileUtils.mkdir_p(File.dirname(bundled))
      FileUtils.cp(File.realpath(lib), bundled)
      soname_dir = File.dirname(lib)
      env = { 'HYOKA_LIBRARY' => nil, 'PKG_CONFIG_PATH' => dir, 'PKG_CONFIG_LIBDIR' => dir,
              'LD_LIBRARY_PATH' => soname_dir }
      out, err, status = ruby_with(env, 'require "hyoka"; print Hyoka.library_path', dir)
      assert status.success?, err
      assert_equal bundled, out
      if File.exist?(File.join(soname_dir, 'libhyoka.so.1'))
        out, err, status = ruby_with(env.merge('HYOKA_SYSTEM_LIBRARY' => '1'),
                                     'require "hyoka"; print Hyoka.library_path', dir)
        assert status.success?, err
        assert_equal 'libhyoka.so.1', out
      end
      _out, err, status = ruby_with(env.merge('HYOKA_SYSTEM_LIBRARY' => 'yes', 'LD_LIBRARY_PATH' => dir),
                                    'require "hyoka"', dir)
      refute status.success?
      assert_match(/HYOKA_SYSTEM_LIBRARY/, err)
    end
  end
end
