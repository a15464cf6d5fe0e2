/* Diagnostics: storage, the catalog of codes, and access. */
#include "report.h"
#include "util/containers.h"

#include <stdio.h>
#include <string.h>

struct catalog_entry {
    const char *code;
    int severity;
    const char *en;
    const char *ja;
};

/* The catalog of DESIGN §7 and docs/format.md. Codes are never reused. */
static const struct catalog_entry catalog[] = {
    {"P001", HYOKA_SEVERITY_ERROR, "project code or name missing", "事業コードまたは事業名がない"},
    {"P002", HYOKA_SEVERITY_ERROR, "end fiscal year before start", "終了年度が開始年度より前"},
    {"P003", HYOKA_SEVERITY_ERROR, "duplicate project code in a portfolio", "事業コードの重複"},
    {"P004", HYOKA_SEVERITY_WARNING, "fiscal year outside the project's period", "事業期間外の年度"},
    {"C001", HYOKA_SEVERITY_ERROR, "funding sources do not add up to the expense", "財源内訳の合計が事業費と一致しない"},
    {"C002", HYOKA_SEVERITY_ERROR, "negative amount", "負の金額"},
    {"C003", HYOKA_SEVERITY_WARNING, "stated personnel differs from FTE × unit cost or hours × rate",
     "記載の人件費が人工×単価または時間×時間単価と一致しない"},
    {"C004", HYOKA_SEVERITY_ERROR, "stated total differs from the computed total", "記載の合計が計算した合計と一致しない"},
    {"C005", HYOKA_SEVERITY_WARNING, "stated per-capita, per-household or unit cost differs from the computed one",
     "記載の一人当たり・一世帯当たり・単位当たりコストが計算値と一致しない"},
    {"C006", HYOKA_SEVERITY_WARNING, "settlement above final budget", "決算額が最終予算額を上回る"},
    {"C007", HYOKA_SEVERITY_INFO, "per-capita figure impossible: no population for that year",
     "当該年度の人口がなく一人当たりコストを計算できない"},
    {"C008", HYOKA_SEVERITY_ERROR, "duplicate fiscal year", "年度の重複"},
    {"I001", HYOKA_SEVERITY_WARNING, "indicator without unit", "指標に単位がない"},
    {"I002", HYOKA_SEVERITY_WARNING, "actual without target, and not marked not-settable",
     "目標値がないのに実績値があり、設定困難とされていない"},
    {"I003", HYOKA_SEVERITY_WARNING, "stated achievement differs from the computed one", "記載の達成率が計算値と一致しない"},
    {"I004", HYOKA_SEVERITY_WARNING, "percentage value outside 0–100", "百分率の値が0〜100の範囲外"},
    {"I005", HYOKA_SEVERITY_WARNING, "project has no outcome indicator", "成果指標がない"},
    {"E001", HYOKA_SEVERITY_ERROR, "verdict, budget direction or criterion answer not in the scheme",
     "評価・予算の方向性・評価項目の回答が評価体系にない"},
    {"E002", HYOKA_SEVERITY_WARNING, "end-type verdict while a later year still plans spending",
     "終了の評価なのに後年度に支出が計画されている"},
    {"E003", HYOKA_SEVERITY_WARNING, "budget direction contradicts the verdict", "予算の方向性が総合評価と矛盾する"},
    {"E004", HYOKA_SEVERITY_WARNING, "secondary evaluation dated before the primary", "二次評価の日付が一次評価より前"},
    {"Y001", HYOKA_SEVERITY_WARNING, "era year past the era's end", "元号の終了後の年"},
    {"J001", HYOKA_SEVERITY_ERROR, "JSON syntax error", "JSONの構文エラー"},
    {"J002", HYOKA_SEVERITY_ERROR, "invalid UTF-8", "不正なUTF-8"},
    {"J003", HYOKA_SEVERITY_ERROR, "duplicate key", "キーの重複"},
    {"J004", HYOKA_SEVERITY_ERROR, "nesting too deep", "入れ子が深すぎる"},
    {"J005", HYOKA_SEVERITY_ERROR, "number out of range", "数値が範囲外"},
    {"J006", HYOKA_SEVERITY_ERROR, "size limit exceeded", "サイズの上限を超えた"},
    {"S001", HYOKA_SEVERITY_ERROR, "missing member", "必須のメンバーがない"},
    {"S002", HYOKA_SEVERITY_ERROR, "unknown member", "未知のメンバー"},
    {"S003", HYOKA_SEVERITY_ERROR, "wrong type", "型が違う"},
    {"S004", HYOKA_SEVERITY_ERROR, "value not allowed", "許されない値"},
    {"V001", HYOKA_SEVERITY_ERROR, "malformed CSV", "CSV の形式が不正"},
    {"V002", HYOKA_SEVERITY_ERROR, "wrong number of fields in a CSV row", "CSV の行のフィールド数が違う"},
    {"V003", HYOKA_SEVERITY_ERROR, "bad encoding", "文字コードが不正"},
    {"V004", HYOKA_SEVERITY_ERROR, "unknown or missing column", "未知の列または必要な列がない"},
    {"V005", HYOKA_SEVERITY_ERROR, "bad value in a CSV cell", "CSV のセルの値が不正"},
    {"V006", HYOKA_SEVERITY_ERROR, "dangling key: the row refers to something that does not exist",
     "行が存在しないものを参照している"},
    {"V007", HYOKA_SEVERITY_ERROR, "CSV field or row longer than the limit", "CSV のフィールドまたは行が上限を超える"},
    {"V008", HYOKA_SEVERITY_ERROR, "no CSV table in the folder", "フォルダに CSV の表がない"},
};

#define CATALOG_COUNT (sizeof catalog / sizeof catalog[0])

static const struct catalog_entry *catalog_find(const char *code)
{
    if (!code)
        return NULL;
    for (size_t i = 0; i < CATALOG_COUNT; i++)
        if (strcmp(catalog[i].code, code) == 0)
            return &catalog[i];
    return NULL;
}

const char *hyoka_code_title(const char *code, int lang)
{
    const struct catalog_entry *e = catalog_find(code);
    if (!e || (lang != HYOKA_LANG_EN && lang != HYOKA_LANG_JA))
        return NULL;
    return lang == HYOKA_LANG_JA ? e->ja : e->en;
}

int hyoka_code_severity(const char *code)
{
    const struct catalog_entry *e = catalog_find(code);
    if (!e)
        return hyoka__fail(HYOKA_ENOTFOUND, "hyoka_code_severity: unknown code \"%.15s\"", code ? code : "(null)");
    return e->severity;
}

int hyoka_report_new(hyoka_report **out)
{
    hyoka_report *r;
    if (!out)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_report_new: out is NULL");
    r = hyoka__heap_calloc(1, sizeof *r);
    if (!r)
        return hyoka__nomem();
    *out = r;
    return HYOKA_OK;
}

void hyoka_report_free(hyoka_report *report)
{
    if (!report)
        return;
    for (size_t i = 0; i < report->count; i++)
        hyoka__free(report->items[i].path);
    hyoka__free(report->items);
    hyoka__free(report);
}

static int valid_code(const char *code)
{
    size_t n = 0;
    for (; code[n]; n++) {
        char c = code[n];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return 0;
    }
    return n >= 1 && n <= 15;
}

int hyoka__report_add(hyoka_report *r, const char *code, int severity, const char *path, int64_t line,
                      int64_t column, const char *en, const char *ja)
{
    struct hyoka__diag *d;
    size_t lp, le, lj;
    char *block;

    if (r->limit && r->count >= r->limit) {
        r->dropped++;
        return HYOKA_OK;
    }
    if (severity < 0) {
        const struct catalog_entry *e = catalog_find(code);
        severity = e ? e->severity : HYOKA_SEVERITY_ERROR;
    }
    if (!path)
        path = "";
    if (!ja)
        ja = en;
    lp = strlen(path);
    le = strlen(en);
    lj = strlen(ja);
    if (hyoka__grow_heap((void **)&r->items, &r->cap, r->count, sizeof *r->items) != HYOKA_OK)
        return HYOKA_ENOMEM;
    block = hyoka__heap_malloc(lp + le + lj + 3); /* the report outlives a reader's arena */
    if (!block)
        return hyoka__nomem();
    memcpy(block, path, lp + 1);
    memcpy(block + lp + 1, en, le + 1);
    memcpy(block + lp + le + 2, ja, lj + 1);
    d = &r->items[r->count++];
    memset(d->code, 0, sizeof d->code);
    memcpy(d->code, code, strlen(code) < sizeof d->code ? strlen(code) : sizeof d->code - 1);
    d->severity = severity;
    d->line = line;
    d->column = column;
    d->path = block;
    d->en = block + lp + 1;
    d->ja = block + lp + le + 2;
    return HYOKA_OK;
}

int hyoka__report_addf(hyoka_report *r, const char *code, int severity, const char *path, int64_t line,
                       int64_t column, const char *fmt_en, const char *fmt_ja, ...)
{
    char en[1024], ja[1024];
    va_list ap, aq;

    va_start(ap, fmt_ja);
    va_copy(aq, ap);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    if (vsnprintf(en, sizeof en, fmt_en, ap) >= (int)sizeof en)
        hyoka__utf8_cut(en, sizeof en - 1);
    if (vsnprintf(ja, sizeof ja, fmt_ja, aq) >= (int)sizeof ja)
        hyoka__utf8_cut(ja, sizeof ja - 1);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    va_end(aq);
    va_end(ap);
    return hyoka__report_add(r, code, severity, path, line, column, en, ja);
}

int hyoka_report_add(hyoka_report *report, const char *code, int severity, const char *path,
                     const char *message_en, const char *message_ja)
{
    if (!report || !code || !message_en)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_report_add: report, code and message_en are required");
    if (!valid_code(code))
        return hyoka__fail(HYOKA_EINVAL, "hyoka_report_add: code must be 1 to 15 ASCII letters or digits");
    if (severity < HYOKA_SEVERITY_ERROR || severity > HYOKA_SEVERITY_INFO)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_report_add: severity %d is not a hyoka_severity", severity);
    if ((path && !hyoka__utf8_valid(path, strlen(path))) || !hyoka__utf8_valid(message_en, strlen(message_en)) ||
        (message_ja && !hyoka__utf8_valid(message_ja, strlen(message_ja))))
        return hyoka__fail(HYOKA_EENCODING, "hyoka_report_add: path or message is not valid UTF-8");
    return hyoka__report_add(report, code, severity, path, 0, 0, message_en, message_ja);
}

size_t hyoka_report_count(const hyoka_report *report)
{
    return report ? report->count : 0;
}

size_t hyoka_report_count_severity(const hyoka_report *report, int severity)
{
    size_t n = 0;
    if (!report)
        return 0;
    for (size_t i = 0; i < report->count; i++)
        if (report->items[i].severity == severity)
            n++;
    return n;
}

static const struct hyoka__diag *diag_at(const hyoka_report *report, size_t index)
{
    if (!report || index >= report->count)
        return NULL;
    return &report->items[index];
}

const char *hyoka_report_code(const hyoka_report *report, size_t index)
{
    const struct hyoka__diag *d = diag_at(report, index);
    return d ? d->code : NULL;
}

int hyoka_report_severity(const hyoka_report *report, size_t index)
{
    const struct hyoka__diag *d = diag_at(report, index);
    if (!d)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_report_severity: no diagnostic %zu", index);
    return d->severity;
}

const char *hyoka_report_path(const hyoka_report *report, size_t index)
{
    const struct hyoka__diag *d = diag_at(report, index);
    return d ? d->path : NULL;
}

int hyoka_report_position(const hyoka_report *report, size_t index, int64_t *line, int64_t *column)
{
    const struct hyoka__diag *d;
    if (!report)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_report_position: report is NULL");
    d = diag_at(report, index);
    if (!d)
        return hyoka__fail(HYOKA_ENOTFOUND, "hyoka_report_position: no diagnostic %zu", index);
    if (line)
        *line = d->line;
    if (column)
        *column = d->column;
    return HYOKA_OK;
}

const char *hyoka_report_message(const hyoka_report *report, size_t index, int lang)
{
    const struct hyoka__diag *d = diag_at(report, index);
    if (!d)
        return NULL;
    return lang == HYOKA_LANG_JA ? d->ja : d->en;
}
