# frozen_string_literal: true

# Bulk benchmark: every figure of a 10,000-project document, computed by
# the command-line program and through the Ruby binding, in the same run.
#
#   ruby -Ilib bench_bulk.rb [FILE.json] [HYOKA_CLI] [--projects N] [--runs N] [--keep FILE]
#                            [--check] [--max-ratio R] [--stream]
#   ruby -Ilib bench_bulk.rb --child stream|stream-values FILE.json
#
# FILE.json is a hyoka/1 document; without it, one is made from
# examples/sheets/sample-city-portfolio.json (HYOKA_SHEETS overrides the
# folder), its projects repeated with fresh codes (N, default 10,000).
# HYOKA_CLI (argument or environment variable) is the `hyoka` program
# (cli/hyoka in a build tree); without it only the binding is timed.
# HYOKA_LIBRARY selects the library, as for the tests (default: the newest
# build*/lib/libhyoka.so.1 of the source tree).
#
# It prints the median wall and CPU time (user + system) of N runs
# (default 5) of
#   ruby:  Hyoka::Portfolio.load(FILE).metrics, then #close (read, validate
#          and write in C; the projects are decoded when read)
#   ruby, every project decoded: the same, then each project read once
#          (JSON and BigDecimal for all of them)
#   ruby, metrics(lazy: false): the same, decoded at once (the old path)
#   cli:   `hyoka metrics --json FILE > /dev/null` (a new process: read,
#          validate, write; CPU time from the child's rusage)
# and the ratios ruby / cli. The target is at most 1.3. GC.start runs
# before each timed run, outside the timing. With --check the exit status
# is 1 when both ratios of the first line are above --max-ratio.
#
# --stream adds the streaming path, the same work as the program's one
# project at a time:
#   ruby stream + bulk figures: Hyoka.stream(FILE), and for each project
#          Stream#validate (P003 across the stream), CostYear#figures of
#          every year and Indicator#figures of every indicator year (one
#          bulk call each), Evaluation#score and #rating; then the same
#          with #figure_values (every value, no Figure objects)
# --child stream FILE.json runs that path once and prints
# "RESULT seconds cpu_seconds projects figures diagnostics" (the timed
# part, after require 'hyoka'), for tests/bench/run_bench.py, which
# measures it in a fresh process with its peak RSS.
# --child stream-values FILE.json is the same with CostYear#figure_values
# and Indicator#figure_values: every value, no Figure objects and no
# reasons for the unavailable figures.

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
runs = 5
keep = nil
file = nil
check = false
max_ratio = 1.3
stream = false
child = nil
cli = ENV['HYOKA_CLI']
args = ARGV.dup
until args.empty?
  a = args.shift
  case a
  when '--projects' then projects = Integer(args.shift)
  when '--runs' then runs = Integer(args.shift)
  when '--keep' then keep = args.shift
  when '--check' then check = true
  when '--max-ratio' then max_ratio = Float(args.shift)
  when '--stream' then stream = true
  when '--child' then child = args.shift
  when '-h', '--help'
    puts File.read(__FILE__).lines.drop(2).take_while { |l| l.start_with?('#') }.map { |l| l.sub(/^# ?/, '') }
    exit 0
  else
    # a program is the CLI; a document is anything else (FILE.json)
    if File.file?(a) && File.executable?(a) && !a.end_with?('.json') then cli = a
    elsif File.file?(a) then file = a
    else abort "bench_bulk: #{a}: no such file"
    end
  end
end
abort 'bench_bulk: --runs must be at least 1' if runs < 1

# Every figure of every project of +path+ through the stream and the bulk
# figure calls, each project validated: [projects, figures, diagnostics].
# Every figure is converted to its Ruby value (the program prints every
# one), and counted when it has one. With values_only, #figure_values in
# place of #figures: the same values, no Figure objects, no reasons.
def stream_figures(path, values_only: false)
  projects = figures = diagnostics = 0
  s = Hyoka.stream(path)
  begin
    s.each do |pr|
      diagnostics += s.validate.size
      pr.years.each do |y|
        if values_only
          y.figure_values.each_value { |v| figures += 1 unless v.nil? }
        else
          y.figures.each_value { |f| figures += 1 unless f.value.nil? }
        end
      end
      pr.indicators.each do |ind|
        ind.fiscal_years.each do |fy|
          if values_only
            ind.figure_values(fy).each_value { |v| figures += 1 unless v.nil? }
          else
            ind.figures(fy).each_value { |f| figures += 1 unless f.value.nil? }
          end
        end
      end
      pr.evaluations.each do |e|
        figures += 1 unless e.score.value.nil?
        figures += 1 unless e.rating.code.nil?
      end
      projects += 1
    end
    diagnostics += s.diagnostics.size
  ensure
    s.close
  end
  [projects, figures, diagnostics]
end

def cpu_now
  Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
end

def wall_now
  Process.clock_gettime(Process::CLOCK_MONOTONIC)
end

def children_cpu
  t = Process.times
  t.cutime + t.cstime
end

def median(xs)
  s = xs.sort
  n = s.size
  n.odd? ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0
end

def loadavg
  File.read('/proc/loadavg').split.take(3).join(' ')
rescue SystemCallError
  'unknown'
end

# Median wall and CPU seconds of +runs+ runs of the block. child: true
# counts the CPU time of the child processes the block waited for.
def timed(runs, child: false)
  walls = []
  cpus = []
  runs.times do
    GC.start
    c0 = child ? children_cpu : cpu_now
    w0 = wall_now
    yield
    walls << wall_now - w0
    cpus << (child ? children_cpu : cpu_now) - c0
  end
  [median(walls), median(cpus)]
end

def show(label, wall, cpu)
  printf("%-44s %7.3f s wall %7.3f s cpu\n", label, wall, cpu)
end

# Build the big document as text: the sample's projects repeated.
def make_document(sheets, projects)
  sample = File.join(sheets, 'sample-city-portfolio.json')
  abort "bench_bulk: #{sample} not found (set HYOKA_SHEETS)" unless File.exist?(sample)
  doc = JSON.parse(File.read(sample, encoding: 'UTF-8'))
  base = doc['projects']
  doc['projects'] = Array.new(projects) do |i|
    pr = Marshal.load(Marshal.dump(base[i % base.size]))
    pr['code'] = format('B%05d', i)
    pr
  end
  JSON.generate(doc)
end

if child
  abort "bench_bulk: unknown --child mode #{child}" unless %w[stream stream-values].include?(child)
  abort 'bench_bulk: --child needs FILE.json' unless file
  c0 = cpu_now
  w0 = wall_now
  got = stream_figures(file, values_only: child == 'stream-values')
  printf("RESULT %.6f %.6f %d %d %d\n", wall_now - w0, cpu_now - c0, *got)
  exit 0
end

Dir.mktmpdir do |dir|
  path = file
  unless path
    text = make_document(ENV['HYOKA_SHEETS'] || File.expand_path('../../examples/sheets', __dir__), projects)
    path = keep || File.join(dir, "bench-#{projects}.json")
    File.write(path, text)
  end
  puts "document: #{path} (#{(File.size(path) / 1e6).round(1)} MB)"
  puts "library:  #{Hyoka.library_path} (#{Hyoka.library_version_string}), #{RUBY_DESCRIPTION}"
  puts "load:     #{loadavg} (1, 5, 15 min) before; #{runs} runs each, medians"

  pf = Hyoka::Portfolio.load(path)
  m = pf.metrics
  years = m['projects'].sum { |p| p['years'].size }
  puts "metrics:  #{m['projects'].size} projects, #{years} cost years, #{m['diagnostics'].size} diagnostics"
  eager = pf.metrics(lazy: false)
  abort 'bench_bulk: lazy metrics differ from JSON.parse of the same text' unless m == eager
  pf.close
  m = eager = nil

  ruby_w, ruby_c = timed(runs) do
    pf = Hyoka::Portfolio.load(path)
    pf.metrics
    pf.close
  end
  full_w, full_c = timed(runs) do
    pf = Hyoka::Portfolio.load(path)
    m = pf.metrics
    pf.close
    m['projects'].each { |_| nil }
    m['diagnostics']
  end
  m = nil
  load_w, load_c = timed(runs) { Hyoka::Portfolio.load(path).close }
  pf = Hyoka::Portfolio.load(path)
  text_w, text_c = timed(runs) { pf.metrics_json(compact: true) }
  pf.close
  eager_w, eager_c = timed(runs) do
    pf = Hyoka::Portfolio.load(path)
    pf.metrics(lazy: false)
    pf.close
  end
  show('ruby  Portfolio.load(FILE).metrics', ruby_w, ruby_c)
  show('ruby  ... and every project decoded', full_w, full_c)
  show('  of which Portfolio.load(FILE)', load_w, load_c)
  show('  validate + metrics text in C (compact)', text_w, text_c)
  show('ruby  the same, metrics(lazy: false) (eager)', eager_w, eager_c)
  if stream
    puts format('stream:   %d projects, %d figures, %d diagnostics', *stream_figures(path))
    stream_w, stream_c = timed(runs) { stream_figures(path) }
    show('ruby  Hyoka.stream + bulk figures', stream_w, stream_c)
    values_w, values_c = timed(runs) { stream_figures(path, values_only: true) }
    show('ruby  ... with #figure_values', values_w, values_c)
  end

  status = 0
  if cli && File.executable?(cli)
    out, err, st = Open3.capture3(cli, 'metrics', '--json', path)
    if st.exitstatus.nil? || st.exitstatus > 1 || out.empty?
      puts "cli:      #{cli} failed (exit #{st.exitstatus}): #{err.lines.first}"
    else
      cli_years = JSON.parse(out)['projects'].sum { |p| p['years'].size }
      out = nil
      puts "cli:      #{cli}: #{cli_years} cost years#{cli_years == years ? '' : ' (differs!)'}"
      cli_w, cli_c = timed(runs, child: true) do
        system(cli, 'metrics', '--json', path, out: File::NULL, err: File::NULL)
      end
      show('cli   hyoka metrics --json FILE >/dev/null', cli_w, cli_c)
      printf("ratio ruby / cli                             %7.2f wall %7.2f cpu   (target <= %.2f)\n",
             ruby_w / cli_w, ruby_c / cli_c, max_ratio)
      printf("ratio ruby, every project decoded / cli      %7.2f wall %7.2f cpu\n", full_w / cli_w, full_c / cli_c)
      printf("ratio ruby, metrics(lazy: false) / cli       %7.2f wall %7.2f cpu\n", eager_w / cli_w, eager_c / cli_c)
      if stream
        printf("ratio ruby stream + bulk figures / cli       %7.2f wall %7.2f cpu   (target <= %.2f)\n",
               stream_w / cli_w, stream_c / cli_c, max_ratio)
        printf("ratio ruby stream + #figure_values / cli     %7.2f wall %7.2f cpu\n", values_w / cli_w, values_c / cli_c)
      end
      status = 1 if check && [ruby_w / cli_w, ruby_c / cli_c].min > max_ratio
    end
  else
    puts 'cli:      not timed (give the path of the hyoka program as an argument or in HYOKA_CLI)'
  end
  puts "load:     #{loadavg} (1, 5, 15 min) after"
  exit status
end
