# frozen_string_literal: true

# Shared setup of the minitest suite. Run from meson (`meson test ruby`) or
# by hand:  HYOKA_LIBRARY=build/lib/libhyoka.so.1 ruby -Ilib test/test_build.rb

# The meson runner passes the test folder as an argument; minitest must not
# read it as a filter.
ARGV.shift if ARGV.first && File.directory?(ARGV.first)

unless ENV['HYOKA_LIBRARY']
  root = File.expand_path('../../..', __dir__)
  found = Dir.glob(File.join(root, 'build*', 'lib', 'libhyoka.so.1')).max_by { |f| File.mtime(f) }
  ENV['HYOKA_LIBRARY'] = found if found
end

require 'minitest/autorun'
require 'tmpdir'
require 'hyoka'

module HyokaTestHelper
  SHEETS = ENV['HYOKA_SHEETS'] || File.expand_path('../../../examples/sheets', __dir__)

  def sheet(name)
    path = File.join(SHEETS, name)
    skip "sample sheet #{name} not found in #{SHEETS}" unless File.exist?(path)
    path
  end

  def require_symbol(name, what)
    return if Hyoka::Lib.available?(name)

    skip "#{what} is not in this libhyoka yet (#{name} missing): skipped until the module lands"
  end

  # Seed 001 (所沢市 010802, 平成19年度) built from scratch.
  def seed001
    pf = Hyoka::Portfolio.new(municipality_name: '所沢市', municipality_code: '112089',
                              amount_unit: :thousand_yen)
    pf.set_denominator(2007, population: 339_300)
    pr = pf.add_project(code: '010802', name: '情報セキュリティ対策推進事業',
                        department: '総合政策部', section: '情報統計課')
    y = pr.add_year(2007, phase: :settled, initial_budget: 0, settlement: 0, general: 16_627_000,
                          usage: 1054)
    y.add_staff(category: :regular, fte: '1.77', amount: 16_627_000)
    y.set_stated(:total_cost, '16627', unit: :thousand_yen)
    y.set_stated(:per_capita, '49.0')
    y.set_stated(:unit_cost, '15775.5')
    ind = pr.add_indicator(kind: :outcome, name: '情報セキュリティ研修受講率', unit: '%', direction: :increase)
    ind.set_value(2007, target: 60, actual: 59, stated_achievement: '98.3')
    [pf, pr, y]
  end

  # Resident set size of this process in bytes.
  def rss
    pages = File.read('/proc/self/statm').split[1].to_i
    pages * 4096
  end
end
