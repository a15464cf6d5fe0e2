/* The registry of diagnostic codes, once: for every code its severity, its
 * kind, its title in English and Japanese (hyoka_code_title()) and the
 * templates of its messages in English and Japanese. Readers, the
 * validator and the rules file name codes only through this file;
 * docs/validation.md, docs/format.md and docs/glossary.md are checked
 * against it (tools/check_codes.py). Codes are never reused. Not
 * installed.
 *
 * Each code is one macro HYOKA__CODE_xxxx:
 *
 *   code, severity, kind, title_en, title_ja, template_en, template_ja
 *
 * The two templates are printf formats that take the same arguments,
 * listed in the comment above the code; an argument only one language
 * shows is skipped in the other with "%.0s". A code whose messages say
 * different things at different places (E001: a verdict, a budget
 * direction or an answer not in the scheme) has a detail template,
 * HYOKA__DETAIL(prefix_en, prefix_ja): its arguments are the detail in
 * English and in Japanese, written next to the call that emits it.
 *
 * Emitting: a module's emit function takes HYOKA__MSG(C001) — the code
 * and its two templates — followed by the template's arguments, so the
 * compiler checks both formats against them (codes.c has the table that
 * hyoka_code_title() and the reports read). */
#ifndef HYOKA_CODES_H
#define HYOKA_CODES_H

#include "internal.h"

/* Kinds of codes. */
#define HYOKA__CHECK 0 /* found by validation */
#define HYOKA__READ 1  /* found while reading a document or a rules file: an
                        * error makes the read fail, so rules cannot hide it */

/* A detail template: the prefix, then the detail (English, Japanese). */
#define HYOKA__DETAIL_EN "%s%.0s"
#define HYOKA__DETAIL_JA "%.0s%s"
#define HYOKA__DETAIL(prefix_en, prefix_ja) prefix_en HYOKA__DETAIL_EN, prefix_ja HYOKA__DETAIL_JA

/* ------------------------------------------------------------------------ */
/* P: projects                                                               */

/* what is missing, in English and Japanese ("code", "事業コード") */
#define HYOKA__CODE_P001 P001, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "project code or name missing", "事業コードまたは事業名がない", \
    "the project has no %s%.0s", "%.0s%sがない"
/* int end fiscal year, int start fiscal year */
#define HYOKA__CODE_P002 P002, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "end fiscal year before start", "終了年度が開始年度より前", \
    "the end fiscal year %d is before the start fiscal year %d", "終了年度(%d年度)が開始年度(%d年度)より前"
/* the code, the list of the first project with it ("projects", "children"), its index */
#define HYOKA__CODE_P003 P003, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "duplicate project code in a portfolio", "事業コードの重複", \
    "project code \"%s\" is already used by %s/%zu", "事業コード「%s」は%s/%zuと重複する"
/* int fiscal year, the project's period ("2003–2017") */
#define HYOKA__CODE_P004 P004, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "fiscal year outside the project's period", "事業期間外の年度", \
    "fiscal year %d lies outside the project's period %s", "%d年度は事業期間(%s年度)の外"

/* ------------------------------------------------------------------------ */
/* C: costs                                                                  */

/* the sum of the funding sources and the expense, each in English and
 * Japanese ("300.5 thousand yen", "300.5千円") */
#define HYOKA__CODE_C001 C001, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "funding sources do not add up to the expense", "財源内訳の合計が事業費と一致しない", \
    "the funding sources add up to %s%.0s, neither the expense (%s%.0s) nor the total cost", \
    "財源内訳の合計%.0s%sが事業費%.0s%sともトータルコストとも一致しない"
/* the member and its Japanese name, the amount in English and Japanese */
#define HYOKA__CODE_C002 C002, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "negative amount", "負の金額", \
    "%s%.0s is negative: %s%.0s", "%.0s%sが負の金額: %.0s%s"
#define HYOKA__CODE_C003 C003, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "stated personnel differs from FTE × unit cost or hours × rate", \
    "記載の人件費が人工×単価または時間×時間単価と一致しない", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_C004 C004, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "stated total differs from the computed total", "記載の合計が計算した合計と一致しない", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_C005 C005, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "stated per-capita, per-household or unit cost differs from the computed one", \
    "記載の一人当たり・一世帯当たり・単位当たりコストが計算値と一致しない", \
    HYOKA__DETAIL("", "")
/* the settlement and the final budget, each in English and Japanese */
#define HYOKA__CODE_C006 C006, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "settlement above final budget", "決算額が最終予算額を上回る", \
    "settlement %s%.0s is above the final budget %s%.0s", "決算額%.0s%sが最終予算額%.0s%sを上回る"
/* int fiscal year */
#define HYOKA__CODE_C007 C007, HYOKA_SEVERITY_INFO, HYOKA__CHECK, \
    "per-capita figure impossible: no population for that year", \
    "当該年度の人口がなく一人当たりコストを計算できない", \
    "no population for fiscal %d: the per-capita cost cannot be computed", \
    "%d年度の人口がなく、一人当たりコストを計算できない"
/* int fiscal year, the index of its first cost year (size_t) */
#define HYOKA__CODE_C008 C008, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "duplicate fiscal year", "年度の重複", \
    "fiscal year %d already has a cost year (years/%zu)", "%d年度の経費は既にある(years/%zu)"
/* what does not fit, in English and Japanese ("the total cost", "トータルコスト") */
#define HYOKA__CODE_C009 C009, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "amount beyond 64-bit yen", "金額が64ビットの円に収まらない", \
    "%s%.0s does not fit in 64-bit yen", "%.0s%sが64ビットの円に収まらない"

/* ------------------------------------------------------------------------ */
/* I: indicators                                                             */

#define HYOKA__CODE_I001 I001, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "indicator without unit", "指標に単位がない", \
    "the indicator has no unit", "指標に単位がない"
/* int fiscal year */
#define HYOKA__CODE_I002 I002, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "actual without target, and not marked not-settable", \
    "目標値がないのに実績値があり、設定困難とされていない", \
    "fiscal %d has an actual but no target, and the indicator is not marked not settable", \
    "%d年度に実績値があるのに目標値がなく、設定困難ともされていない"
#define HYOKA__CODE_I003 I003, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "stated achievement differs from the computed one", "記載の達成率が計算値と一致しない", \
    HYOKA__DETAIL("", "")
/* the value's name in English and Japanese ("target", "目標値"), the value */
#define HYOKA__CODE_I004 I004, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "percentage value outside 0–100", "百分率の値が0〜100の範囲外", \
    "%s%.0s %s%% is outside 0–100 for an indicator in %%", "単位が%%の指標の%.0s%s %s%% が0〜100の範囲外"
#define HYOKA__CODE_I005 I005, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "project has no outcome indicator", "成果指標がない", \
    "the project has no outcome or upper-outcome indicator", "成果指標・上位成果指標がない"
/* the outcome's number in the logic model (long long) */
#define HYOKA__CODE_I006 I006, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "outcome of a logic model without target fiscal year", "効果発現経路の成果目標に目標年度がない", \
    "outcome %lld of the logic model has no target fiscal year", "成果目標(番号%lld)に目標年度がない"

/* ------------------------------------------------------------------------ */
/* E: evaluations                                                            */

#define HYOKA__CODE_E001 E001, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "verdict, budget direction or criterion answer not in the scheme", \
    "評価・予算の方向性・評価項目の回答が評価体系にない", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_E002 E002, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "end-type verdict while a later year still plans spending", "終了の評価なのに後年度に支出が計画されている", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_E003 E003, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "budget direction contradicts the verdict", "予算の方向性が総合評価と矛盾する", \
    HYOKA__DETAIL("", "")
/* int fiscal year, the secondary's date, the primary's date */
#define HYOKA__CODE_E004 E004, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "secondary evaluation dated before the primary", "二次評価の日付が一次評価より前", \
    "the secondary evaluation of fiscal %d is dated %s, before the primary evaluation (%s)", \
    "%d年度の二次評価の日付(%s)が一次評価(%s)より前"

/* ------------------------------------------------------------------------ */
/* B: budgets and spending (records of the national review sheets)          */

/* int budget year, the execution and the appropriation, each in English
 * and Japanese */
#define HYOKA__CODE_B001 B001, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "execution above the appropriation", "執行額が歳出予算現額を上回る", \
    "budget year %d: the execution %s%.0s is above the appropriation %s%.0s", \
    "%d年度: 執行額%.0s%sが歳出予算現額%.0s%sを上回る"
/* int budget year, the field's member and its label, the total row's
 * amount (English, Japanese), the sum (English, Japanese), the number of
 * account rows (size_t) */
#define HYOKA__CODE_B002 B002, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "budget total row differs from the sum of its account rows", "予算の合計行が会計別の行の合計と一致しない", \
    "budget year %d: the total row's %s%.0s is %s%.0s, the sum of its account rows (%zu) %s%.0s", \
    "%d年度: 合計行の%.0s%sは%.0s%sだが、会計別の行(%zu行)の合計は%.0s%s"
#define HYOKA__CODE_B003 B003, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "stated execution rate differs from the computed one", "記載の執行率が計算値と一致しない", \
    HYOKA__DETAIL("", "")
/* the block ("A"), its total and the sum of its recipients' totals (each
 * in English and Japanese), the number of recipients (size_t) */
#define HYOKA__CODE_B004 B004, HYOKA_SEVERITY_WARNING, HYOKA__CHECK, \
    "block total differs from the sum of its recipients", "支出先ブロックの合計が支出先の合計と一致しない", \
    "block %s: the total %s%.0s differs from the sum of its recipients (%zu), %s%.0s", \
    "ブロック%s: 合計支出額%.0s%sが支出先%zu件の合計%.0s%sと一致しない"
/* the recipient's total and the block's (each in English and Japanese),
 * the block ("A") */
#define HYOKA__CODE_B005 B005, HYOKA_SEVERITY_ERROR, HYOKA__CHECK, \
    "recipient amount above its block's total", "支出先の支出額がブロックの合計を上回る", \
    "the recipient's total %s%.0s is above the total of block %s, %s%.0s", \
    "支出先の合計支出額%.0s%sがブロック%sの合計支出額%.0s%sを上回る"

/* ------------------------------------------------------------------------ */
/* Y: years                                                                  */

/* the text as written, what it is read as in English and Japanese
 * ("fiscal year 2020", "2020年度"; a date: "2020-05-01" in both) */
#define HYOKA__CODE_Y001 Y001, HYOKA_SEVERITY_WARNING, HYOKA__READ, \
    "era year past the era's end", "元号の終了後の年", \
    "era year past the era's end: \"%s\" is read as %s%.0s", "元号の終了後の年:「%s」を%.0s%sとする"

/* ------------------------------------------------------------------------ */
/* J: JSON text (reading stops at the first, but for J005 on an amount)      */

#define HYOKA__CODE_J001 J001, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "JSON syntax error", "JSONの構文エラー", \
    HYOKA__DETAIL("syntax error: ", "構文エラー: ")
/* unsigned byte value, and where it is ("" or " in a string", "" or "文字列の") */
#define HYOKA__CODE_J002 J002, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "invalid UTF-8", "不正なUTF-8", \
    "invalid UTF-8%s%.0s: byte 0x%02X", "%.0s%s不正なUTF-8: バイト 0x%02X"
/* the key */
#define HYOKA__CODE_J003 J003, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "duplicate key", "キーの重複", \
    "duplicate key \"%s\"", "キー「%s」の重複"
/* the limit (size_t) */
#define HYOKA__CODE_J004 J004, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "nesting too deep", "入れ子が深すぎる", \
    "nesting deeper than the limit of %zu", "入れ子が上限の %zu 段を超える"
#define HYOKA__CODE_J005 J005, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "number out of range", "数値が範囲外", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_J006 J006, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "size limit exceeded", "サイズの上限を超えた", \
    HYOKA__DETAIL("", "")
/* the member (a stream from a callback source cannot read it first) */
#define HYOKA__CODE_J007 J007, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "header member after the projects of a stream", "ストリームで projects の後にヘッダーのメンバーがある", \
    "member \"%s\" after \"projects\": a stream has read the projects without it", \
    "「%s」が「projects」の後にある: ストリームはこれなしで事業を読んだ"

/* ------------------------------------------------------------------------ */
/* S: the shape of a hyoka/1 document                                        */

/* the member */
#define HYOKA__CODE_S001 S001, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "missing member", "必須のメンバーがない", \
    "missing member \"%s\"", "必須のメンバー「%s」がない"
/* the member */
#define HYOKA__CODE_S002 S002, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "unknown member", "未知のメンバー", \
    "unknown member \"%s\"", "未知のメンバー「%s」"
/* what was expected and what was found, each in English and Japanese
 * ("a string", "文字列") */
#define HYOKA__CODE_S003 S003, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "wrong type", "型が違う", \
    "wrong type: expected %s%.0s, found %s%.0s", "型が違う: %.0s%sが必要だが%.0s%sがある"
#define HYOKA__CODE_S004 S004, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "value not allowed", "許されない値", \
    HYOKA__DETAIL("value not allowed: ", "許されない値: ")

/* ------------------------------------------------------------------------ */
/* V: CSV tables (the reader puts the table, row and column before each)     */

#define HYOKA__CODE_V001 V001, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "malformed CSV", "CSV の形式が不正", \
    HYOKA__DETAIL("", "")
/* the fields of the row and of the header (size_t) */
#define HYOKA__CODE_V002 V002, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "wrong number of fields in a CSV row", "CSV の行のフィールド数が違う", \
    "the row has %zu fields, the header %zu", "行のフィールド数 %zu が見出しの %zu と違う"
#define HYOKA__CODE_V003 V003, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "bad encoding", "文字コードが不正", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V004 V004, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "unknown or missing column", "未知の列または必要な列がない", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V005 V005, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "bad value in a CSV cell", "CSV のセルの値が不正", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V006 V006, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "dangling key: the row refers to something that does not exist", \
    "行が存在しないものを参照している", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V007 V007, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "CSV field or row longer than the limit", "CSV のフィールドまたは行が上限を超える", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V008 V008, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "no CSV table in the folder", "フォルダに CSV の表がない", \
    "the folder has none of the tables (document.csv, projects.csv...)", \
    "フォルダに表がひとつもない (document.csv、projects.csv など)"
/* the project's position ("1.1.1..."), its depth (size_t), the limit (size_t) */
#define HYOKA__CODE_V009 V009, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "sub-projects nested too deep", "細事業の入れ子が深すぎる", \
    "project %s is nested %zu deep: its hyoka/1 form would nest deeper than the limit of %zu", \
    "事業 %s は %zu 段の入れ子: hyoka/1 の形では上限の %zu 段を超える"

/* The RS tables of the national review sheets (rs.h, docs/rs.md) */
#define HYOKA__CODE_V010 V010, HYOKA_SEVERITY_WARNING, HYOKA__READ, \
    "RS table missing", "RS の表がない", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V011 V011, HYOKA_SEVERITY_WARNING, HYOKA__READ, \
    "RS row refers to something the other tables do not list", "RS の行が他の表にないものを参照している", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V012 V012, HYOKA_SEVERITY_WARNING, HYOKA__READ, \
    "RS cell not understood, kept as printed", "RS のセルを解釈できない (記載のまま保持)", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V013 V013, HYOKA_SEVERITY_WARNING, HYOKA__READ, \
    "RS value differs between the rows of a project, kept as printed", \
    "RS の値が事業の行ごとに異なる (記載のまま保持)", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V014 V014, HYOKA_SEVERITY_INFO, HYOKA__READ, \
    "unknown RS column, kept", "未知の RS の列 (保持)", \
    HYOKA__DETAIL("", "")
#define HYOKA__CODE_V015 V015, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "duplicate column in a CSV header", "CSV の見出しの列の重複", \
    HYOKA__DETAIL("", "")

/* ------------------------------------------------------------------------ */
/* R: rules files (docs/rules.md)                                            */

#define HYOKA__CODE_R001 R001, HYOKA_SEVERITY_ERROR, HYOKA__READ, \
    "bad line in a rules file", "規則ファイルの行が不正", \
    HYOKA__DETAIL("", "")

/* ------------------------------------------------------------------------ */
/* The codes in catalog order                                                */

#define HYOKA__CODES(X)                                                                                     \
    X(P001) X(P002) X(P003) X(P004)                                                                         \
    X(C001) X(C002) X(C003) X(C004) X(C005) X(C006) X(C007) X(C008) X(C009)                                 \
    X(I001) X(I002) X(I003) X(I004) X(I005) X(I006)                                                         \
    X(E001) X(E002) X(E003) X(E004)                                                                         \
    X(B001) X(B002) X(B003) X(B004) X(B005)                                                                 \
    X(Y001)                                                                                                 \
    X(J001) X(J002) X(J003) X(J004) X(J005) X(J006) X(J007)                                                 \
    X(S001) X(S002) X(S003) X(S004)                                                                         \
    X(V001) X(V002) X(V003) X(V004) X(V005) X(V006) X(V007) X(V008) X(V009)                                 \
    X(V010) X(V011) X(V012) X(V013) X(V014) X(V015)                                         \
    X(R001)

#define HYOKA__CODE_ENUM_(c) HYOKA__##c,
/* The codes as constants: HYOKA__P001... */
enum hyoka__code { HYOKA__CODES(HYOKA__CODE_ENUM_) HYOKA__CODE_COUNT };

/* The fields of a code's macro. */
#define HYOKA__CODE_FIELDS_(...) __VA_ARGS__
#define HYOKA__TEMPLATES_(code, severity, kind, title_en, title_ja, msg_en, msg_ja) msg_en, msg_ja
#define HYOKA__TEMPLATES(...) HYOKA__TEMPLATES_(__VA_ARGS__)

/* A code and its two templates, the arguments that start an emit call:
 * emit(..., HYOKA__MSG(I002), fiscal_year). */
#define HYOKA__MSG(c) HYOKA__##c, HYOKA__TEMPLATES(HYOKA__CODE_##c)

struct hyoka__code_info {
    char code[8];
    signed char severity;    /* hyoka_severity */
    unsigned char kind;      /* HYOKA__CHECK, HYOKA__READ */
    const char *title_en, *title_ja;
    const char *msg_en, *msg_ja;
};

/* The registry, by enum hyoka__code (codes.c). */
extern const struct hyoka__code_info hyoka__codes[HYOKA__CODE_COUNT];

/* The registry's entry of a code given as text ("C001"), or NULL. */
const struct hyoka__code_info *hyoka__code_find(const char *code);

/* Whether the templates of a code take a detail pair (HYOKA__DETAIL). */
bool hyoka__code_is_detail(int code);

#endif /* HYOKA_CODES_H */
