# frozen_string_literal: true

require_relative 'helper'

# Portfolio#metrics is decoded lazily (Hyoka::Metrics): every test compares
# what it gives with an eager JSON.parse of the same library text.
class TestMetrics < Minitest::Test
  include HyokaTestHelper

  # Texts the split of the metrics text must not be fooled by: JSON
  # structure, escapes and the very byte sequences it looks for.
  NASTY = [
    '{"code":"x"}', '],"diagnostics":[', ',"children":[', ',"children":[]}', ']},{"code":"',
    '"', '\\', '\\"', '\\\\"', '{', '}', '[', ']', '[{', '}]', "改行\n\tタブ\r", "\u0001\u001f",
    '"children":[{', 'a"b\\c{d}e[f]g', '{"format":"hyoka-metrics/1","projects":[', "末尾\\"
  ].freeze

  def eager(pf, diagnostics: true)
    Hyoka.convert_metrics(JSON.parse(pf.metrics_json(compact: true, diagnostics: diagnostics)))
  end

  def sheets
    Dir.glob(File.join(HyokaTestHelper::SHEETS, '*.json')).sort
  end

  # Every member and project of the lazy metrics, reached in a scrambled
  # order, against the eager parse; then as a whole.
  def assert_same_metrics(expected, m, what)
    assert_kind_of Hyoka::Metrics, m
    ps = m['projects']
    assert_equal expected['projects'].size, ps.size, what
    order = (0...ps.size).to_a
    order = order.reverse.each_slice(2).flat_map(&:reverse) # last ones first, out of step
    order.each_with_index do |i, n|
      assert_equal expected['projects'][i], ps[i], "#{what}: project #{i}"
      assert_equal n + 1, ps.decoded_count, "#{what}: found by the split, one at a time"
      assert_equal expected['projects'][i], ps[i - ps.size], "#{what}: project #{i - ps.size}"
    end
    assert_equal expected['diagnostics'], m['diagnostics'], what
    assert_equal expected['format'], m['format'], what
    assert_equal expected.keys, m.keys, what
    assert_equal expected, m.to_h, what
    assert(m == expected, what)
    assert(expected == m, what)
  end

  def test_lazy_equals_eager_on_sheets
    found = 0
    sheets.each do |path|
      pf = begin
        Hyoka::Portfolio.load(path)
      rescue Hyoka::InvalidDocument
        next
      end
      found += 1
      [true, false].each do |diag|
        assert_same_metrics(eager(pf, diagnostics: diag), pf.metrics(diagnostics: diag),
                            "#{File.basename(path)} diagnostics: #{diag}")
      end
      # sequential reading, and each project read once only
      m = pf.metrics
      e = eager(pf)
      assert_equal e['projects'], m['projects'].map { |p| p }
      assert_equal e['projects'], pf.metrics(lazy: false)['projects']
    end
    assert_operator found, :>=, 4, "sheets in #{HyokaTestHelper::SHEETS}"
  end

  def test_sample_portfolio_values_and_types
    pf = Hyoka::Portfolio.load(sheet('sample-city-portfolio.json'))
    m = pf.metrics
    e = eager(pf)
    assert_equal pf.projects.size, m['projects'].size
    assert_equal pf.projects.map(&:code), m['projects'].map { |p| p['code'] }
    y = m['projects'][0]['years'][0]
    ye = e['projects'][0]['years'][0]
    Hyoka::YEAR_FIGURES.map(&:to_s).each do |k|
      assert_equal ye[k].class, y[k].class, k
      ye[k].nil? ? assert_nil(y[k], k) : assert_equal(ye[k], y[k], k)
    end
    assert(m['projects'].any? { |p| p['years'].any? { |r| r['per_capita'].is_a?(BigDecimal) } })
    assert(m['projects'].all? { |p| p['years'].all? { |r| r['total_cost'].nil? || r['total_cost'].is_a?(Integer) } })
    scores = m['projects'].flat_map { |p| p['evaluations'].map { |ev| ev['score'] } }.compact
    refute_empty scores
    assert(scores.all? { |s| s.is_a?(BigDecimal) })
    refute_empty m['diagnostics']
    assert_equal e['diagnostics'], m.diagnostics
  end

  def test_projects_are_decoded_when_reached
    pf = Hyoka::Portfolio.load(sheet('sample-city-portfolio.json'))
    m = pf.metrics
    ps = m['projects']
    assert_equal 0, ps.decoded_count
    assert_equal 7, ps.size
    assert_equal 0, ps.decoded_count
    p5 = ps[5]
    assert_equal 1, ps.decoded_count
    assert_same p5, ps[5]
    assert_same p5, ps.at(-2)
    assert_equal eager(pf)['projects'][5], p5
    ps.first
    assert_equal 2, ps.decoded_count
    assert_equal 7, ps.to_a.size
    assert_equal 7, ps.decoded_count
    assert_match(/7 projects, 7 decoded/, ps.inspect)
  end

  def test_projects_read_like_an_array
    pf = Hyoka::Portfolio.load(sheet('sample-city-portfolio.json'))
    ps = pf.metrics['projects']
    all = eager(pf)['projects']
    assert_kind_of Enumerable, ps
    assert_equal 7, ps.length
    refute ps.empty?
    assert_equal all[-1], ps[-1]
    assert_equal all[-1], ps.last
    assert_equal all.last(2), ps.last(2)
    assert_equal all.last(9), ps.last(9)
    assert_equal all.first(3), ps.first(3)
    assert_equal all.first(0), ps.first(0)
    assert_equal all[1..2], ps[1..2]
    assert_equal all[1, 3], ps[1, 3]
    assert_equal all[5..], ps[5..]
    assert_equal all[7, 1], ps[7, 1]
    assert_nil ps[7]
    assert_nil ps[-8]
    assert_nil ps[8, 1]
    assert_equal all[2], ps.fetch(2)
    assert_raises(IndexError) { ps.fetch(7) }
    assert_equal :none, ps.fetch(7, :none)
    assert_equal 7, ps.fetch(7) { |i| i }
    assert_equal all[0]['years'][0]['fiscal_year'], ps.dig(0, 'years', 0, 'fiscal_year')
    assert_equal all.map { |p| p['code'] }, ps.map { |p| p['code'] }
    assert_equal all.each_with_index.map { |p, i| [i, p['code']] }, ps.each_with_index.map { |p, i| [i, p['code']] }
    assert_kind_of Enumerator, ps.each
    assert_equal 7, ps.each.size
    assert_instance_of Array, ps.to_a
    assert_equal all, ps.to_a
    assert(ps == all)
    assert(all == ps) # Array#== through #to_ary
    refute(ps == all.drop(1))
    refute(ps == all.reverse)
    refute(ps == 'projects')
    a, b, = *ps
    assert_equal [all[0], all[1]], [a, b]
    assert_equal all + all, all + ps
    assert_equal JSON.parse(JSON.generate(all)), JSON.parse(ps.to_json)
    # the other reading methods of Array, on the decoded projects
    assert_equal all.index(all[3]), ps.index(all[3])
    assert_equal all.reverse, ps.reverse
    assert_equal all.values_at(0, 2, 9), ps.values_at(0, 2, 9)
    assert_equal all.sum { |p| p['years'].size }, ps.sum { |p| p['years'].size }
    assert_respond_to ps, :rotate
    refute_respond_to ps, :push
    refute_respond_to ps, :sort_by!
    assert_raises(NoMethodError) { ps << {} }
    assert_raises(NoMethodError) { ps.map! { |p| p } }
    assert_raises(NoMethodError) { ps.no_such_method }
    assert_raises(ArgumentError) { ps.first(-1) }
    assert_equal 7, ps.size
    case ps
    in [Hash => head, *]
      assert_equal all[0], head
    end
  end

  def test_metrics_reads_like_a_hash
    pf = Hyoka::Portfolio.load(sheet('sample-city-portfolio.json'))
    m = pf.metrics
    e = eager(pf)
    assert_equal 'hyoka-metrics/1', m['format']
    assert_equal 'hyoka-metrics/1', m.fetch('format')
    assert_raises(KeyError) { m.fetch('nope') }
    assert_equal 0, m.fetch('nope', 0)
    assert_nil m['nope']
    assert m.key?('diagnostics')
    refute m.key?('nope')
    assert_equal %w[format projects diagnostics], m.keys
    assert_equal 3, m.size
    refute m.empty?
    assert_equal e['projects'][1]['code'], m.dig('projects', 1, 'code')
    assert_nil m.dig('nope', 1)
    assert_equal e.keys, m.map { |k, _| k }
    assert_equal e.keys, m.each_pair.map(&:first)
    h = m.to_h
    assert_instance_of Hash, h
    assert_instance_of Array, h['projects']
    assert_equal e, h
    assert_equal e, m.to_hash
    assert_equal e.merge('x' => 1), e.merge(m).merge('x' => 1)
    assert(m == e)
    assert(e == m) # Hash#== through #to_hash
    assert(m == pf.metrics)
    refute(m == e.merge('format' => 'other'))
    refute(m == 1)
    assert_equal JSON.parse(JSON.generate(e)), JSON.parse(m.to_json)
    assert_match(/7 projects/, m.inspect)
    # the other reading methods of Hash, on the decoded document
    assert_equal e.select { |k, _| k != 'projects' }, m.select { |k, _| k != 'projects' }
    assert_equal e.values_at('format', 'diagnostics'), m.values_at('format', 'diagnostics')
    assert_equal e.to_a, m.to_a
    assert_equal e.count, m.count
    assert(m.eql?(pf.metrics))
    assert_equal pf.metrics.hash, m.hash
    assert_raises(NoMethodError) { m['x'] = 1 }
    assert_raises(NoMethodError) { m.merge!('x' => 1) }
    refute_respond_to m, :store
    copy = Marshal.load(Marshal.dump(pf.metrics))
    assert_equal e, copy.to_h
    assert_equal e['projects'][3], copy['projects'][3]
    assert_equal e['projects'], Marshal.load(Marshal.dump(pf.metrics['projects'])).to_a
    plain = pf.metrics(lazy: false)
    assert_instance_of Hash, plain
    assert_equal e, plain
  end

  # Names, texts and verdicts holding braces, quotes, backslashes, control
  # characters and the markers themselves, in sub-projects nested three
  # deep: the split must find the same projects as JSON.parse.
  def test_split_with_hostile_texts
    pf = Hyoka::Portfolio.new(municipality_name: '"{市}"', amount_unit: :yen)
    pf.set_denominator(2020, population: 1000)
    NASTY.each_with_index do |text, i|
      pr = pf.add_project(code: "#{text}#{i}", name: text)
      pr.add_year(2020, phase: :settled, settlement: 1000 + i, general: 1000 + i, usage: 3)
      ind = pr.add_indicator(kind: :outcome, name: text, unit: '%', direction: :increase)
      ind.set_value(2020, target: 3, actual: 2)
      pr.add_evaluation(stage: :self, fiscal_year: 2020, verdict: text)
      next unless i.odd?

      c = pr.add_child(code: "#{text}-c", name: text)
      c.add_year(2020, phase: :settled, settlement: 7, usage: 2)
      c.add_child(code: "#{text}-c1", name: "#{text}]}").add_child(code: "#{text}-c11", name: text)
      c.add_child(code: "#{text}-c2", name: text)
      pr.add_child(code: "#{text}-d", name: "{#{text}")
    end
    pf.add_project(code: 'last', name: ',"children":[]}],"diagnostics":[]}')
    m = pf.metrics
    e = eager(pf)
    assert_equal NASTY.size + 1, e['projects'].size
    # found by the split, not by the whole parse it falls back on
    lone = pf.metrics['projects']
    [NASTY.size, 1, 3, 0].each { |i| assert_equal e['projects'][i], lone[i] }
    assert_equal 4, lone.decoded_count
    assert_same_metrics(e, m, 'hostile texts')
    NASTY.each_with_index do |text, i|
      pr = pf.metrics['projects'][i]
      assert_equal text, pr['name']
      assert_equal "#{text}#{i}", pr['code']
      assert_equal text, pr['indicators'][0]['name']
      assert_equal text, pr['evaluations'][0]['verdict']
      next unless i.odd?

      assert_equal ["#{text}-c", "#{text}-d"], pr['children'].map { |c| c['code'] }
      assert_equal "#{text}-c11", pr.dig('children', 0, 'children', 0, 'children', 0, 'code')
    end
    assert_equal 'last', pf.metrics['projects'].last['code']
    # each project alone, from a fresh text each time
    e['projects'].each_index do |i|
      assert_equal e['projects'][i], pf.metrics['projects'][i], "project #{i}"
    end
  end

  def test_empty_portfolio
    pf = Hyoka::Portfolio.new
    m = pf.metrics
    assert_equal 0, m['projects'].size
    assert m['projects'].empty?
    assert_nil m['projects'][0]
    assert_equal [], m['projects'].to_a
    assert_equal eager(pf), m.to_h
    assert(m == eager(pf))
  end

  def test_parse_other_texts
    pf = Hyoka::Portfolio.load(sheet('sample-city-portfolio.json'))
    e = eager(pf)
    # pretty text is decoded at once, with the same result
    assert_equal e, Hyoka::Metrics.parse(pf.metrics_json).to_h
    # compact text without the count: the size is found by the split
    m = Hyoka::Metrics.parse(pf.metrics_json(compact: true))
    assert_equal 7, m['projects'].size
    assert_equal e, m.to_h
    # the caller's String is neither frozen nor changed
    text = pf.metrics_json(compact: true)
    copy = text.dup
    Hyoka::Metrics.parse(text)['projects'][3]
    refute text.frozen?
    assert_equal copy, text
    assert_equal Encoding::UTF_8, text.encoding
  end

  def test_unexpected_shapes_are_decoded_whole
    # "children" not last: the split gives up and JSON.parse decodes all
    text = '{"format":"hyoka-metrics/1","projects":[{"code":"a","children":[],"x":"}"},' \
           '{"code":"b","years":[{"fiscal_year":2020,"per_capita":"1.5"}],"children":[]}],"diagnostics":[]}'
    m = Hyoka::Metrics.parse(text)
    assert_equal 2, m['projects'].size
    assert_equal '}', m['projects'][0]['x']
    assert_equal BigDecimal('1.5'), m.dig('projects', 1, 'years', 0, 'per_capita')
    assert_equal Hyoka.convert_metrics(JSON.parse(text)), m.to_h
    # a wrong count
    good = '{"format":"hyoka-metrics/1","projects":[{"code":"a","children":[]}],"diagnostics":[]}'
    m = Hyoka::Metrics.new(good, 2)
    assert_equal 'a', m['projects'][0]['code']
    assert_nil m['projects'][1]
    assert_equal 1, m['projects'].size
    assert_equal ['a'], Hyoka::Metrics.new(good, 2)['projects'].map { |p| p['code'] }
    two = good.sub('}]', '},{"code":"b","children":[]}]')
    assert_equal %w[a b], Hyoka::Metrics.new(two, 1)['projects'].map { |p| p['code'] }
    m = Hyoka::Metrics.new(two, 1)
    assert_equal 'a', m['projects'][0]['code'] # the split sees more than counted
    assert_equal 2, m['projects'].size
    assert_equal 'b', m['projects'][1]['code']
    # not JSON: an error when reached
    m = Hyoka::Metrics.parse('{"format":"hyoka-metrics/1","projects":[{"code":"a","children":[]}x],"diagnostics":[]}')
    assert_raises(JSON::ParserError) { m['projects'][0] }
    # another format: decoded at once
    m = Hyoka::Metrics.parse('{"format":"hyoka-metrics/9","projects":[]}')
    assert_equal 'hyoka-metrics/9', m['format']
    assert_raises(ArgumentError) { Hyoka::Metrics.parse('[]') }
  end

  def test_threads_share_one_metrics
    pf = Hyoka::Portfolio.load(sheet('sample-city-portfolio.json'))
    e = eager(pf)
    20.times do
      m = pf.metrics
      got = Array.new(4) do |t|
        Thread.new { (0...7).to_a.rotate(t).map { |i| m['projects'][i] } + [m['diagnostics']] }
      end.map(&:value)
      got.each_with_index do |list, t|
        assert_equal (0...7).to_a.rotate(t).map { |i| e['projects'][i] } + [e['diagnostics']], list
      end
      (0...7).each do |i| # one Hash per project, whichever thread decoded it
        assert_equal 1, got.each_with_index.map { |l, t| l[(i - t) % 7].object_id }.uniq.size
      end
      assert_equal 7, m['projects'].decoded_count
    end
  end
end
