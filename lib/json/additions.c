/* The members hyoka/1 gained with version 1.1 (additions.h): where they
 * sit and what they hold, for the reader and the writer alike. */
#include "additions.h"

#include <string.h>

/* A run of consecutive enumerators. */
struct run {
    int first, last;
};

/* The texts of "organization" and "texts", document order (1.0's first). */
static const struct run organization_texts[] = {
    {HYOKA_TEXT_DEPARTMENT, HYOKA_TEXT_PHONE},
    {HYOKA_TEXT_MINISTRY, HYOKA_TEXT_PREPARER},
};
static const struct run texts_texts[] = {
    {HYOKA_TEXT_PURPOSE, HYOKA_TEXT_ACTIVITIES_PLANNED},
    {HYOKA_TEXT_ISSUES, HYOKA_TEXT_OTHER_NOTES},
};

/* Member names of 1.1 that no vocabulary names. */
static const char *const indicator_names[] = {"number", "term", "measurement"};
static const char target_year_name[] = "target_fiscal_year";
static const char baseline_name[] = "baseline";
static const char *const baseline_names[] = {"value", "fiscal_year"};
static const char extensions_name[] = "extensions";

static int field_of_runs(const struct run *runs, size_t n, int j)
{
    for (size_t i = 0; i < n; i++) {
        int size = runs[i].last - runs[i].first + 1;
        if (j < size)
            return runs[i].first + j;
        j -= size;
    }
    return -1;
}

int hyoka__json_text_group(int in, int j)
{
    if (j < 0)
        return -1;
    if (in == HYOKA__IN_ORGANIZATION)
        return field_of_runs(organization_texts, 2, j);
    return field_of_runs(texts_texts, 2, j);
}

/* The member name of a dotted document name: what follows the dot. */
static void after_dot(const char *doc, struct hyoka__json_addition *out)
{
    const char *dot = strchr(doc, '.');
    out->name = dot ? dot + 1 : doc;
    out->len = strlen(out->name);
}

static int set(struct hyoka__json_addition *out, const char *name, int what, int which)
{
    out->name = name;
    out->len = strlen(name);
    out->what = what;
    out->which = which;
    return 1;
}

static int project_addition(int j, struct hyoka__json_addition *out)
{
    int n = HYOKA_TEXT_DISPLAY_ORDER - HYOKA_TEXT_SHEET_TYPE + 1;

    if (j < n)
        return set(out, hyoka__project_text_names[HYOKA_TEXT_SHEET_TYPE + j], HYOKA__ADD_PROJECT_TEXT,
                   HYOKA_TEXT_SHEET_TYPE + j);
    j -= n;
    if (j <= HYOKA_FLAG_NO_PLANNED_END)
        return set(out, hyoka__flag_names[j], HYOKA__ADD_FLAG, j);
    j -= HYOKA_FLAG_NO_PLANNED_END + 1;
    if (j == 0) {
        /* "methods": the part of the method flags' names before the dot */
        const char *name = hyoka__flag_names[HYOKA_FLAG_METHOD_DIRECT];
        set(out, name, HYOKA__ADD_METHODS, 0);
        out->len = (size_t)(strchr(name, '.') - name);
        return 1;
    }
    j--;
    for (int k = 0; k < HYOKA__RECORD_KIND_COUNT; k++)
        if (hyoka__record_kinds[k].parent == HYOKA_UNSET && j-- == 0)
            return set(out, hyoka__record_kind_names[k], HYOKA__ADD_RECORDS, k);
    return 0;
}

static int indicator_addition(int j, struct hyoka__json_addition *out)
{
    int n = HYOKA_INDICATOR_KPI_URL - HYOKA_INDICATOR_GOAL + 1;

    if (j < 3)
        return set(out, indicator_names[j], HYOKA__ADD_NUMBER + j, 0);
    j -= 3;
    if (j < n)
        return set(out, hyoka__indicator_text_names[HYOKA_INDICATOR_GOAL + j], HYOKA__ADD_INDICATOR_TEXT,
                   HYOKA_INDICATOR_GOAL + j);
    j -= n;
    if (j == 0)
        return set(out, target_year_name, HYOKA__ADD_TARGET_YEAR, 0);
    if (j == 1)
        return set(out, baseline_name, HYOKA__ADD_BASELINE, 0);
    return 0;
}

int hyoka__json_addition(int in, int j, struct hyoka__json_addition *out)
{
    int field;

    if (j < 0)
        return 0;
    switch (in) {
    case HYOKA__IN_PROJECT:
        return project_addition(j, out);
    case HYOKA__IN_ORGANIZATION:
    case HYOKA__IN_TEXTS:
        /* past the texts of 1.0 */
        field = hyoka__json_text_group(in, j + (in == HYOKA__IN_ORGANIZATION
                                                    ? HYOKA_TEXT_PHONE - HYOKA_TEXT_DEPARTMENT + 1
                                                    : HYOKA_TEXT_ACTIVITIES_PLANNED - HYOKA_TEXT_PURPOSE + 1));
        if (field < 0)
            return 0;
        set(out, "", HYOKA__ADD_PROJECT_TEXT, field);
        after_dot(hyoka__project_text_names[field], out);
        return 1;
    case HYOKA__IN_METHODS:
        if (j > HYOKA_FLAG_METHOD_OTHER - HYOKA_FLAG_METHOD_DIRECT)
            return 0;
        set(out, "", HYOKA__ADD_FLAG, HYOKA_FLAG_METHOD_DIRECT + j);
        after_dot(hyoka__flag_names[HYOKA_FLAG_METHOD_DIRECT + j], out);
        return 1;
    case HYOKA__IN_INDICATOR:
        return indicator_addition(j, out);
    case HYOKA__IN_BASELINE:
        return j < 2 ? set(out, baseline_names[j], HYOKA__ADD_VALUE + j, 0) : 0;
    case HYOKA__IN_RECORD:
        return j == 0 ? set(out, extensions_name, HYOKA__ADD_EXTENSIONS, 0) : 0;
    default:
        return 0;
    }
}
