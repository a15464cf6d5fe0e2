# frozen_string_literal: true

require_relative 'helper'
require 'stringio'

# Reading and writing: hyoka/1 JSON, CSV folders and HTML pages. CSV and
# HTML tests skip until those modules are in the library.
class TestIO < Minitest::Test
  include HyokaTestHelper

  SHEETS = %w[tokorozawa-010802.json seed-002-00832.json seed-003-1379.json
              moka-security-policy.json sample-city-portfolio.json].freeze

  def test_load_and_dump_are_a_fixed_point
    SHEETS.each do |name|
      path = sheet(name)
      pf = Hyoka::Portfolio.load(path)
      text = pf.dump
      assert_equal File.binread(path).force_encoding(Encoding::UTF_8), text, name
      assert_equal Encoding::UTF_8, text.encoding
      again = Hyoka::Portfolio.parse(text)
      assert_equal pf, again, name
      assert_equal text, again.dump
    end
  end

  def test_parse_variants
    text = File.read(sheet('tokorozawa-010802.json'), encoding: 'UTF-8')
    assert_equal 1, Hyoka::Portfolio.loads(text).projects.size
    assert_equal 1, Hyoka::Portfolio.parse(StringIO.new(text)).projects.size
    assert_equal 1, Hyoka::Portfolio.parse(text.b).projects.size
    compact = Hyoka::Portfolio.parse(text).dump(compact: true)
    refute_includes compact, "\n"
    assert_equal Hyoka::Portfolio.parse(text), Hyoka::Portfolio.parse(compact)
    yen = Hyoka::Portfolio.parse(text).dump(yen: true)
    assert_includes yen, '16627000'
  end

  def test_build_dump_parse_roundtrip
    pf, pr, = seed001
    pr.add_evaluation(stage: :primary, fiscal_year: 2008, date: '2008-05-15', verdict: 'improve',
                      budget: 'status_quo', answers: { relevance: 'A' },
                      goals: [{ what: 'a', level: 'b', by: '2008-12' }])
    back = Hyoka::Portfolio.parse(pf.dump)
    assert_equal pf, back
    assert_equal '2008-05-15', back.projects.first.evaluations.first.date
    assert_equal BigDecimal('1.77'), back.projects.first.years.first.staff.first.fte
  end

  def test_to_json_embeds_the_document
    pf, = seed001
    outer = JSON.parse(JSON.generate({ 'doc' => pf }))
    assert_equal 'hyoka/1', outer['doc']['format']
    assert_equal pf, Hyoka::Portfolio.parse(JSON.generate(outer['doc']))
  end

  def test_save_and_load
    pf, = seed001
    Dir.mktmpdir do |dir|
      path = File.join(dir, 'out.json')
      pf.save(path)
      assert_equal pf, Hyoka::Portfolio.load(path)
      assert_equal pf.dump, File.read(path, encoding: 'UTF-8')
    end
  end

  def test_csv_roundtrip
    require_symbol(:hyoka_csv_write_dir, 'the CSV module')
    SHEETS.each do |name|
      pf = Hyoka::Portfolio.load(sheet(name))
      %w[utf-8 utf-8-nobom cp932].each do |enc|
        Dir.mktmpdir do |dir|
          out = File.join(dir, 'csv')
          begin
            pf.to_csv_dir(out, encoding: enc)
          rescue Hyoka::EncodingError => e
            # A character CP932 lacks is refused, never replaced.
            assert_equal 'cp932', enc, e.message
            assert_match(/CP932/, e.message)
            next
          end
          assert File.exist?(File.join(out, 'projects.csv')), "#{name} #{enc}"
          back = Hyoka::Portfolio.from_csv_dir(out, encoding: enc)
          if enc == 'cp932'
            # The JIS forms (〜 ‖ − — ¢ £ ¬) come back as the Windows forms.
            want = pf.dump.tr("\u301C\u2016\u2212\u2014\u00A2\u00A3\u00AC",
                              "\uFF5E\u2225\uFF0D\u2015\uFFE0\uFFE1\uFFE2")
            assert_equal want, back.dump, "#{name} #{enc}"
          else
            assert_equal pf, back, "#{name} #{enc}"
          end
        end
      end
    end
  end

  def test_csv_cp932_roundtrip_from_scratch
    require_symbol(:hyoka_csv_write_dir, 'the CSV module')
    pf, = seed001
    Dir.mktmpdir do |dir|
      pf.to_csv_dir(dir, encoding: 'cp932')
      raw = File.binread(File.join(dir, 'projects.csv'))
      assert raw.dup.force_encoding(Encoding::Windows_31J).valid_encoding?
      refute raw.dup.force_encoding(Encoding::UTF_8).valid_encoding?
      assert_equal pf, Hyoka::Portfolio.from_csv_dir(dir, encoding: :cp932)
    end
  end

  def test_csv_table_bytes
    require_symbol(:hyoka_csv_write_table, 'the CSV module')
    pf, = seed001
    utf8 = pf.csv_table(:projects)
    assert utf8.b.start_with?("\xEF\xBB\xBF".b), 'UTF-8 with BOM by default'
    assert_includes utf8, '情報セキュリティ対策推進事業'
    sjis = pf.csv_table(:projects, encoding: 'cp932')
    assert_equal Encoding::Windows_31J, sjis.encoding
    assert_includes sjis.encode('UTF-8'), '情報セキュリティ対策推進事業'
  end

  def test_metrics_csv
    require_symbol(:hyoka_metrics_csv_write, 'the tables of figures')
    pf, = seed001
    tables = pf.metrics_csv
    assert_equal %w[metrics_indicators metrics_years], tables.keys.sort
    years = tables['metrics_years'].lines(chomp: true)
    assert years[0].b.start_with?("\xEF\xBB\xBFproject,code,parent_code,name,fiscal_year,phase,expense,".b)
    assert_equal pf.projects.sum { |p| p.years.size }, years.size - 1
    assert tables['metrics_indicators'].include?('achievement_reason')
    sjis = pf.metrics_csv(encoding: 'cp932')['metrics_years']
    assert_equal Encoding::Windows_31J, sjis.encoding
  end

  def test_csv_cp932_refuses_unmappable
    require_symbol(:hyoka_csv_write_dir, 'the CSV module')
    pf = Hyoka::Portfolio.new
    pf.add_project(code: '1', name: '🍣 事業')
    Dir.mktmpdir do |dir|
      assert_raises(Hyoka::EncodingError) { pf.to_csv_dir(File.join(dir, 'x'), encoding: 'cp932') }
    end
  end

  def test_csv_invalid_tables
    require_symbol(:hyoka_csv_read_dir, 'the CSV module')
    Dir.mktmpdir do |dir|
      File.binwrite(File.join(dir, 'projects.csv'), "this,is\r\nnot,\"a valid\r\n")
      e = assert_raises(Hyoka::InvalidDocument) { Hyoka::Portfolio.from_csv_dir(dir) }
      refute_empty e.diagnostics
    end
  end

  def test_html_dir
    require_symbol(:hyoka_html_write_dir, 'the HTML module')
    pf = Hyoka::Portfolio.load(sheet('sample-city-portfolio.json'))
    Dir.mktmpdir do |dir|
      pf.to_html_dir(dir, lang: :ja)
      index = File.read(File.join(dir, 'index.html'), encoding: 'UTF-8')
      assert_includes index, 'さくら市'
      assert_equal pf.projects.size, Dir.glob(File.join(dir, 'project-*.html')).size
      page = File.read(File.join(dir, 'project-1.html'), encoding: 'UTF-8')
      assert_includes page, '<svg'
      refute_match(/<script/i, page)
    end
    en = pf.to_html(lang: :en)
    assert_equal Encoding::UTF_8, en.encoding
    assert_includes pf.projects.first.to_html, pf.projects.first.name
  end
end
