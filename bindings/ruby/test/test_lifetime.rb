# frozen_string_literal: true

require_relative 'helper'

# Lifetimes: AutoPointer ownership, children keeping their owner alive,
# ownership transfer, invalidation, and no leak over many cycles.
class TestLifetime < Minitest::Test
  include HyokaTestHelper

  def full_gc
    3.times { GC.start(full_mark: true, immediate_sweep: true) }
  end

  def year_of_dropped_portfolio
    pf, = seed001
    pf.projects.first.years.first
  end

  def test_child_keeps_portfolio_alive
    y = year_of_dropped_portfolio
    staff = y.staff.first
    full_gc
    # Churn the heap so freed memory would be reused.
    200.times { Hyoka::Portfolio.new.add_project(code: 'churn', name: 'x' * 64).add_year(2001) }
    full_gc
    assert_equal 16_627_000, y.figure(:total_cost).value
    assert_equal BigDecimal('49.0'), y.figure(:per_capita).value
    assert_equal BigDecimal('1.77'), staff.fte
    assert_equal '010802', y.project.code
    assert_equal '所沢市', y.project.portfolio.municipality_name
  end

  def test_indicator_and_evaluation_keep_owner_alive
    ind = seed001[1].indicators.first
    ev = Hyoka::Project.new(code: 'p').add_evaluation(stage: :self, verdict: 'maintain')
    full_gc
    assert_equal BigDecimal('98.3'), ind.achievement(2007).value
    assert_equal 'maintain', ev.verdict
    assert_equal 'p', ev.project.code
  end

  def test_adopted_project_is_not_freed_twice
    pf = Hyoka::Portfolio.new
    pr = Hyoka::Project.new(code: 'A', name: 'adopted')
    pr.add_year(2020, settlement: 5)
    pf.add_project(pr)
    pr = nil # rubocop:disable Lint/UselessAssignment
    full_gc
    assert_equal 'adopted', pf.projects.first.name
    assert_equal 5, pf.projects.first.years.first.settlement
    pf.dump if Hyoka::Lib.available?(:hyoka_json_write)
  end

  def test_project_keeps_adopting_portfolio_alive
    pr = Hyoka::Project.new(code: 'B', name: 'kept')
    Hyoka::Portfolio.new(municipality_name: '真岡市').add_project(pr)
    full_gc
    assert_equal '真岡市', pr.portfolio.municipality_name
    assert_equal 1, pr.portfolio.projects.size
  end

  def test_adopted_child_project
    parent = Hyoka::Project.new(code: 'P')
    child = Hyoka::Project.new(code: 'C')
    parent.add_child(child)
    assert_same parent, child.parent
    parent = nil # rubocop:disable Lint/UselessAssignment
    full_gc
    assert_equal 'P', child.parent.code
    assert_equal ['C'], child.parent.children.map(&:code)
  end

  def test_same_wrapper_for_same_object
    pf, pr, = seed001
    assert_same pr, pf.projects.first
    assert_same pf.projects.first.years.first, pr.years[0]
  end

  def test_removed_child_is_invalidated
    pf, pr, y = seed001
    staff = y.staff.first
    ind = pr.indicators.first
    pf.remove_project(0)
    [pr, y, staff, ind].each do |obj|
      refute obj.valid?
      e = assert_raises(Hyoka::StateError) { obj.to_ptr }
      assert_match(/removed/, e.message)
    end
    assert_raises(Hyoka::StateError) { y.figure(:total_cost) }
    assert_match(/released/, y.inspect)
  end

  def test_close_invalidates_everything
    pf, pr, y = seed001
    pf.close
    refute pf.valid?
    refute pr.valid?
    refute y.valid?
    assert_raises(Hyoka::StateError) { pf.projects.size }
    assert_nil pf.close
  end

  def test_standalone_close
    pr = Hyoka::Project.new(code: 'x')
    y = pr.add_year(2000)
    pr.close
    refute y.valid?
    assert_raises(Hyoka::StateError) { pr.code }
  end

  def test_create_free_cycles_keep_rss_flat
    # CPU time, not wall time: the machine may be busy with other builds.
    started = Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
    cycle = lambda do |i|
      pf = Hyoka::Portfolio.new
      pf.add_project(code: 'c', name: 'サイクル').add_year(2007, settlement: i)
      pf.close if i.even? # half freed at once, half by the GC through AutoPointer
    end
    10_000.times(&cycle)
    full_gc
    base = rss
    100_000.times do |i|
      cycle.call(i)
      GC.start if (i % 20_000).zero?
    end
    full_gc
    growth = rss - base
    elapsed = Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID) - started
    assert_operator growth, :<, 16 * 1024 * 1024, "RSS grew by #{growth / 1024} KiB over 100,000 cycles"
    assert_operator elapsed, :<, 20, "100,000 cycles took #{elapsed.round(1)} s of CPU"
  end
end
