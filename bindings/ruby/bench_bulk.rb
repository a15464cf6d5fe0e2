# frozen_string_literal: true

# Bulk benchmark: every figure of a 10,000-project document, computed by
# the command-line program and through the Ruby binding.
#
#   ruby -Ilib bench_bulk.rb [HYOKA_CLI] [--projects N] [--runs N] [--keep FILE]
#
# HYOKA_CLI (argument or environment variable) is the `hyoka` program
# (examples/hyoka in a build tree); without it only the binding is timed.
# HYOKA_LIBRARY selects the library, as for the tests. The document is made
# from examples/sheets/sample-city-portfolio.json (HYOKA_SHEETS overrides
# the folder), its projects repeated with fresh codes.
#
# It prints the best of N runs of
#   cli:   `hyoka metrics --json FILE` (a new process: read, validate, write)
#   ruby:  Hyoka::Portfolio.load(FILE).metrics (read, validate and write in
#          C, then JSON.parse and BigDecimal conversion in Ruby)
# and their ratio (ruby / cli).

$LOAD_PATH.unshift(File.expand_path('lib', __dir__))

unless ENV['HYOKA_LIBRARY']
  root = File.expand_path('../..', __dir__)
  found = Dir.glob(File.join(root, 'build*', 'lib', 'libhyoka.so.1')).max_by { |f| File.mtime(f) }
  ENV['HYOKA_LIBRARY'] = found if found
end

require 'hyoka'
require 'json'
require 'open3'
require 'tmpdir'

projects = 10_000
runs = 3
keep = nil
cli = ENV['HYOKA_CLI']
args = ARGV.dup
until args.empty?
  a = args.shift
  case a
  when '--projects' then projects = Integer(args.shift)
  when '--runs' then runs = Integer(args.shift)
  when '--keep' then keep = args.shift
  when '-h', '--help'
    puts File.read(__FILE__).lines.drop(2).take_while { |l| l.start_with?('#') }.map { |l| l.sub(/^# ?/, '') }
    exit 0
  else cli = a
  end
end

sheets = ENV['HYOKA_SHEETS'] || File.expand_path('../../examples/sheets', __dir__)
sample = File.join(sheets, 'sample-city-portfolio.json')
abort "bench_bulk: #{sample} not found (set HYOKA_SHEETS)" unless File.exist?(sample)

def now
  Process.clock_gettime(Process::CLOCK_MONOTONIC)
end

def best_of(runs)
  (1..runs).map do
    t = now
    yield
    now - t
  end.min
end

# Build the big document as text: the sample's projects repeated.
doc = JSON.parse(File.read(sample, encoding: 'UTF-8'))
base = doc['projects']
doc['projects'] = Array.new(projects) do |i|
  pr = Marshal.load(Marshal.dump(base[i % base.size]))
  pr['code'] = format('B%05d', i)
  pr
end
text = JSON.generate(doc)

Dir.mktmpdir do |dir|
  path = keep || File.join(dir, "bench-#{projects}.json")
  File.write(path, text)
  puts "document: #{projects} projects, #{(text.bytesize / 1024.0 / 1024).round(1)} MiB (#{path})"
  puts "library:  #{Hyoka.library_path} (#{Hyoka.library_version_string})"

  m = Hyoka::Portfolio.load(path).metrics
  years = m['projects'].sum { |p| p['years'].size }
  puts "metrics:  #{m['projects'].size} projects, #{years} cost years, #{m['diagnostics'].size} diagnostics"

  ruby_t = best_of(runs) { Hyoka::Portfolio.load(path).metrics }
  load_t = best_of(runs) { Hyoka::Portfolio.load(path) }
  pf = Hyoka::Portfolio.load(path)
  text_t = best_of(runs) { pf.metrics_json(compact: true) }
  printf("ruby:     %.3f s  (load %.3f s, validate+metrics text in C %.3f s, rest in Ruby)\n",
         ruby_t, load_t, text_t)

  if cli && File.executable?(cli)
    out, err, st = Open3.capture3(cli, 'metrics', '--json', path)
    if st.exitstatus > 1 || out.empty?
      puts "cli:      #{cli} failed (exit #{st.exitstatus}): #{err.lines.first}"
    else
      cli_t = best_of(runs) { Open3.capture3(cli, 'metrics', '--json', path) }
      cli_years = JSON.parse(out)['projects'].sum { |p| p['years'].size }
      printf("cli:      %.3f s  (%s metrics --json, %d cost years)\n", cli_t, cli, cli_years)
      printf("ratio:    ruby / cli = %.2f\n", ruby_t / cli_t)
    end
  else
    puts "cli:      not timed (give the path of the hyoka program as an argument or in HYOKA_CLI)"
  end
end
