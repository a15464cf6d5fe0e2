# frozen_string_literal: true

require_relative 'helper'
require 'stringio'

# Hyoka.stream: the projects of a document one at a time, as a whole read
# gives them (stream.h).
class TestStream < Minitest::Test
  include HyokaTestHelper

  def shape(project)
    [project.code, project.name, project.children.size, project.years.map(&:figures),
     project.indicators.flat_map { |ind| ind.fiscal_years.map { |fy| ind.figures(fy) } }]
  end

  # A reader that gives a few bytes at a time.
  class Trickle
    def initialize(data, size)
      @io = StringIO.new(data)
      @size = size
    end

    def read(max)
      @io.read([max, @size].min)
    end
  end

  def test_every_sheet_from_a_path_and_an_io
    sheets = Dir[File.join(SHEETS, '*.json')]
    skip 'no sample sheets' if sheets.empty?
    sheets.each do |path|
      want = Hyoka::Portfolio.load(path).projects.map { |p| shape(p) }
      got = []
      Hyoka.stream(path) { |p| got << shape(p) }
      assert_equal want, got, path
      got = []
      Hyoka.stream(Trickle.new(File.binread(path), 7)) { |p| got << shape(p) }
      assert_equal want, got, path
    end
  end

  def test_header_validate_detach
    doc = '{"format": "hyoka/1", "municipality": {"name": "X"}, "projects": [{"code": "1", "name": "a"}, ' \
          '{"code": "1", "name": "b"}]}'
    s = Hyoka.stream(StringIO.new(doc))
    assert_equal 'X', s.portfolio.municipality_name
    kept = nil
    codes = []
    s.each do |p|
      if p.name == 'a'
        kept = s.detach
        refute p.valid?
      else
        codes = s.validate.map(&:code)
        assert_equal 1, s.index
      end
    end
    assert_includes codes, 'P003'
    assert_equal 'a', kept.name
    assert_raises(Hyoka::StateError) { s.index }
  end

  CLEAN = '{"format": "hyoka/1", "municipality": {"name": "X"}, "projects": [{"code": "1", "name": "a", ' \
          '"organization": {"department": "d", "section": "s"}, "duty": "autonomous", "period": "recurring", ' \
          '"start_fiscal_year": 2010, "texts": {"purpose": "p"}, "indicators": [{"kind": "outcome", "name": "n", ' \
          '"unit": "%", "direction": "increase"}]}, {"code": "1", "name": "b"}]}'

  def test_validate_of_a_clean_project_then_of_one_with_problems
    s = Hyoka.stream(StringIO.new(CLEAN))
    got = []
    s.each do |p|
      assert_raises(Hyoka::InvalidArgument) { s.validate(lang: :xx) }
      got << s.validate
      refute p.nil?
    end
    clean, dup = got
    assert_empty clean
    assert_equal [0, 0, 0, { error: 0, warning: 0, info: 0 }, [], 0],
                 [clean.total, clean.dropped, clean.ignored, clean.counts, clean.tally, clean.errors]
    assert_includes dup.map(&:code), 'P003'
    assert_operator dup.total, :>=, 1
    assert_equal dup.total, dup.counts.values.sum
  end

  def test_errors_raise_with_diagnostics
    doc = '{"format": "hyoka/1", "projects": [{"code": "1", "name": "a", "bogus": 1}, {"code": "2"'
    seen = []
    e = assert_raises(Hyoka::InvalidDocument) { Hyoka.stream(StringIO.new(doc)) { |p| seen << p.code } }
    assert_equal ['1'], seen
    assert_equal %w[S002 J001], e.diagnostics.map(&:code)
  end

  def test_failing_io
    broken = Object.new
    def broken.read(_max)
      raise IOError, 'disk on fire'
    end
    assert_raises(IOError) { Hyoka.stream(broken) { |_p| nil } }
  end
end
