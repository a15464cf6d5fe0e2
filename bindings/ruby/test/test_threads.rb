# frozen_string_literal: true

require_relative 'helper'

# Several Ruby threads work on distinct handles at once (reading releases
# the GVL, so the C side really runs in parallel).
class TestThreads < Minitest::Test
  include HyokaTestHelper

  NAMES = %w[tokorozawa-010802.json seed-002-00832.json seed-003-1379.json
             moka-security-policy.json sample-city-portfolio.json].freeze

  def test_threads_load_different_documents
    texts = NAMES.to_h { |n| [n, File.binread(sheet(n)).force_encoding(Encoding::UTF_8)] }
    expected = texts.transform_values { |t| [Hyoka::Portfolio.parse(t).validate.map(&:code), t] }
    threads = 8.times.map do |i|
      Thread.new do
        results = []
        25.times do |j|
          name = NAMES[(i + j) % NAMES.size]
          pf = Hyoka::Portfolio.parse(texts[name])
          results << [name, pf.dump == texts[name], pf.validate.map(&:code), pf.metrics['format']]
        end
        results
      end
    end
    threads.flat_map(&:value).each do |name, same, codes, format|
      assert same, "#{name}: dump differs"
      assert_equal expected[name][0], codes, name
      assert_equal 'hyoka-metrics/1', format
    end
  end

  # The bulk figures (CostYear#figures, Indicator#figures) reuse arrays of
  # their thread: threads computing them at once each get their own.
  def test_threads_bulk_figures
    texts = NAMES.map { |n| File.binread(sheet(n)).force_encoding(Encoding::UTF_8) }
    all = lambda do |text|
      Hyoka::Portfolio.parse(text).projects.flat_map do |pr|
        pr.years.map(&:figures) + pr.indicators.flat_map { |ind| ind.fiscal_years.map { |fy| ind.figures(fy) } }
      end
    end
    expected = texts.map(&all)
    refute expected.flatten.empty?
    threads = 6.times.map do |i|
      Thread.new { 20.times.map { |j| [(i + j) % texts.size, all.call(texts[(i + j) % texts.size])] } }
    end
    threads.flat_map(&:value).each { |k, got| assert_equal expected[k], got, NAMES[k] }
  end

  def test_threads_build_and_compute
    threads = 6.times.map do |i|
      Thread.new do
        200.times.map do |j|
          pf = Hyoka::Portfolio.new
          pf.set_denominator(2007, population: 1000 + i)
          y = pf.add_project(code: "#{i}-#{j}", name: 'スレッド').add_year(2007, phase: :settled, settlement: 1_000_000)
          [i, y.figure(:per_capita).value]
        end
      end
    end
    threads.flat_map(&:value).each do |i, value|
      assert_equal Hyoka.divide(1_000_000, 1000 + i), value
    end
  end

  def test_error_messages_stay_on_their_thread
    errs = 6.times.map do |i|
      Thread.new do
        50.times.map do
          Hyoka.parse_decimal("bad#{i}")
        rescue Hyoka::SyntaxError => e
          e.message
        end
      end
    end
    errs.each_with_index { |t, i| t.value.each { |m| assert_includes m, "bad#{i}" } }
  end
end
