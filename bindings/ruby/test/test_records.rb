# frozen_string_literal: true

require_relative 'helper'

# Records (budgets, blocks, recipients, contracts...), project flags and the
# indicator's logic-model attributes, on numbers of the national review
# sheets' open data (review year 2024).
class TestRecords < Minitest::Test
  include HyokaTestHelper

  def setup
    @pf = Hyoka::Portfolio.new
    @pr = @pf.add_project(code: '884', name: '法教育の推進')
  end

  def test_budget_fields_and_figures
    b = @pr.add_record(:budgets, budget_year: 2023, appropriation: 40_217_000, execution: 28_433_000,
                                 carried_out: 8_260_000, stated_execution_rate: '0.70699')
    assert_equal :budgets, b.kind
    assert_equal 40_217_000, b[:appropriation]
    assert_equal BigDecimal('0.70699'), b[:stated_execution_rate]
    assert_nil b[:initial] # missing is nil, not 0
    assert_equal :missing, b.state(:initial)
    assert_equal 3_524_000, b.figure(:unspent).value
    assert_equal BigDecimal('0.70699'), b.figure(:appropriation_rate).value
    assert_equal :not_a_figure, b.figure(:account_share).reason
    assert_equal [b], @pr.records(:budgets).to_a
    assert_same @pr, b.project
    assert_nil b.parent
  end

  def test_missing_not_applicable_zero
    b = @pr.add_record(:budgets, reserve: 0)
    b[:supplementary] = Hyoka::NOT_APPLICABLE
    assert_equal 0, b[:reserve]
    assert_same Hyoka::NOT_APPLICABLE, b[:supplementary]
    assert_equal({ supplementary: Hyoka::NOT_APPLICABLE, reserve: 0 }, b.fields)
    b[:reserve] = nil
    assert_equal :missing, b.state(:reserve)
  end

  def test_children_types_and_refusals
    blk = @pr.add_record(:blocks, block: 'A', recipient_count: 26, total: 1_437_000)
    rec = blk.add_child(:recipients, name: '株式会社ＩＡＣＥトラベル', corporate_number: '7010001128717', other: false)
    c = rec.add_child(:contracts, amount: 141_000, method: 'その他', bidders: 0, winning_bid_ratio: '95.70')
    assert_same rec, c.parent
    assert_same @pr, c.project
    assert_equal false, rec[:other]
    assert_equal ['株式会社ＩＡＣＥトラベル'], blk.children(:recipients).map { |r| r[:name] }
    assert_raises(Hyoka::InvalidArgument) { c[:appropriation] = 1 }
    assert_raises(Hyoka::InvalidArgument) { c[:bidders] = -1 }
    assert_raises(TypeError) { rec[:other] = 'yes' }
    assert_raises(Hyoka::InvalidArgument) { @pr.add_record(:recipients) }
    assert_raises(Hyoka::InvalidArgument) { blk.add_child(:recipients, appropriation: 1) }
    assert_equal 1, blk.children(:recipients).count # the refused one is gone
    blk.remove_child(rec)
    refute rec.valid?
    assert_raises(Hyoka::StateError) { rec[:name] }
  end

  def test_block_shares
    blk = @pr.add_record(:blocks, block: 'B')
    r = blk.add_child(:recipients, name: '株式会社ＮＴＴデータ')
    r.add_child(:contracts, amount: 1_841_580_000, method: '一般競争契約（総合評価）', bidders: 1)
    r.add_child(:contracts, amount: 263_734_000, method: '国庫債務負担行為等', bidders: 0)
    assert_equal BigDecimal('87.5'), blk.figure(:single_bidder_share).value
    assert_equal BigDecimal('0'), blk.figure(:noncompetitive_share).value
    assert_equal :no_contracts, @pr.add_record(:blocks).figure(:single_bidder_share).reason
  end

  def test_round_trip_and_flags
    ref = @pr.add_record(:reflections, account_type: '一般会計', amount: -569_000)
    ref.set_extension('列X', '値')
    @pr.set_flag(:no_planned_end, true)
    @pr.set_flag(:'methods.direct', true)
    @pr.set_flag(:start_unknown, false)
    @pr.ministry = '法務省'
    back = Hyoka::Portfolio.parse(@pf.to_json)
    assert_equal @pf, back
    pr = back.projects.first
    assert_equal(-569_000, pr.records(:reflections).first[:amount])
    assert_equal({ '列X' => '値' }, pr.records(:reflections).first.extensions)
    assert_equal({ start_unknown: false, no_planned_end: true, 'methods.direct': true }, pr.flags)
    assert_equal '法務省', pr.ministry
    @pr.set_flag(:start_unknown, nil)
    refute @pr.flags.key?(:start_unknown)
  end

  def test_indicator_attributes
    ind = @pr.add_indicator(kind: :action, number: 1, goal: '法教育推進協議会の開催', term: :short,
                            measurement: :qualitative, target_fiscal_year: 2024)
    assert_equal [:action, 1, :short, :qualitative, 2024],
                 [ind.kind, ind.number, ind.term, ind.measurement, ind.target_fiscal_year]
    assert_equal '法教育推進協議会の開催', ind.goal
    assert_nil ind.baseline
    ind.set_baseline('2400', fiscal_year: 2021)
    assert_equal({ value: BigDecimal('2400'), fiscal_year: 2021 }, ind.baseline)
    ind.number = nil
    assert_nil ind.number
  end
end
