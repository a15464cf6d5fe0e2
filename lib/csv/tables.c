/* The CSV tables (docs/csv.md): their names and columns, each column's
 * header name and the JSON pointer of its value; the options every
 * function takes. */
#include "csv_internal.h"

#include <string.h>

#define C_(n, p) {n, p, false}
#define R_(n, p) {n, p, true}

static const struct hyoka__csv_col document_cols[] = {R_("key", ""), R_("value", "")};

static const struct hyoka__csv_col denominator_cols[] = {
    R_("fiscal_year", "/fiscal_year"), C_("population", "/population"), C_("households", "/households"),
};

static const struct hyoka__csv_col project_cols[] = {
    R_("project", ""),
    C_("code", "/code"),
    C_("name", "/name"),
    C_("department", "/organization/department"),
    C_("section", "/organization/section"),
    C_("group", "/organization/group"),
    C_("head", "/organization/head"),
    C_("contact", "/organization/contact"),
    C_("phone", "/organization/phone"),
    C_("duty", "/duty"),
    C_("period", "/period"),
    C_("start_fiscal_year", "/start_fiscal_year"),
    C_("end_fiscal_year", "/end_fiscal_year"),
    C_("legal_basis", "/legal_basis"),
    C_("purpose", "/texts/purpose"),
    C_("target", "/texts/target"),
    C_("intent", "/texts/intent"),
    C_("result", "/texts/result"),
    C_("summary", "/texts/summary"),
    C_("background", "/texts/background"),
    C_("environment", "/texts/environment"),
    C_("opinions", "/texts/opinions"),
    C_("activities_done", "/texts/activities_done"),
    C_("activities_planned", "/texts/activities_planned"),
};

const signed char hyoka__csv_project_text_of[PJ_COUNT] = {
    -1, HYOKA_TEXT_CODE, HYOKA_TEXT_NAME, HYOKA_TEXT_DEPARTMENT, HYOKA_TEXT_SECTION, HYOKA_TEXT_GROUP,
    HYOKA_TEXT_HEAD, HYOKA_TEXT_CONTACT, HYOKA_TEXT_PHONE, -1, -1, -1, -1, HYOKA_TEXT_LEGAL_BASIS,
    HYOKA_TEXT_PURPOSE, HYOKA_TEXT_TARGET, HYOKA_TEXT_INTENT, HYOKA_TEXT_RESULT, HYOKA_TEXT_SUMMARY,
    HYOKA_TEXT_BACKGROUND, HYOKA_TEXT_ENVIRONMENT, HYOKA_TEXT_OPINIONS, HYOKA_TEXT_ACTIVITIES_DONE,
    HYOKA_TEXT_ACTIVITIES_PLANNED,
};

static const struct hyoka__csv_col class_cols[] = {
    R_("project", ""), R_("path", ""), R_("position", ""),
    C_("level", "/level"), C_("code", "/code"), C_("name", "/name"),
};

static const struct hyoka__csv_col extension_cols[] = {R_("project", ""), R_("key", ""), C_("value", "")};

static const struct hyoka__csv_col year_cols[] = {
    R_("project", ""),
    R_("fiscal_year", "/fiscal_year"),
    C_("year_index", ""),
    C_("phase", "/phase"),
    C_("initial_budget", "/initial_budget"),
    C_("final_budget", "/final_budget"),
    C_("settlement", "/settlement"),
    C_("national", "/funding/national"),
    C_("prefectural", "/funding/prefectural"),
    C_("bonds", "/funding/bonds"),
    C_("user_charges", "/funding/user_charges"),
    C_("other", "/funding/other"),
    C_("general", "/funding/general"),
    C_("debt_service", "/debt_service"),
    C_("indirect_costs", "/indirect_costs"),
    C_("usage", "/usage"),
    C_("beneficiaries", "/beneficiaries"),
    C_("population", "/population"),
    C_("households", "/households"),
    C_("stated_expense", "/stated/expense"),
    C_("stated_expense_unit", "/stated/expense/unit"),
    C_("stated_personnel", "/stated/personnel"),
    C_("stated_personnel_unit", "/stated/personnel/unit"),
    C_("stated_debt_service", "/stated/debt_service"),
    C_("stated_debt_service_unit", "/stated/debt_service/unit"),
    C_("stated_indirect_costs", "/stated/indirect_costs"),
    C_("stated_indirect_costs_unit", "/stated/indirect_costs/unit"),
    C_("stated_total_cost", "/stated/total_cost"),
    C_("stated_total_cost_unit", "/stated/total_cost/unit"),
    C_("stated_general_revenue", "/stated/general_revenue"),
    C_("stated_general_revenue_unit", "/stated/general_revenue/unit"),
    C_("stated_specific_revenue", "/stated/specific_revenue"),
    C_("stated_specific_revenue_unit", "/stated/specific_revenue/unit"),
    C_("stated_per_capita", "/stated/per_capita"),
    C_("stated_per_capita_unit", "/stated/per_capita/unit"),
    C_("stated_per_household", "/stated/per_household"),
    C_("stated_per_household_unit", "/stated/per_household/unit"),
    C_("stated_unit_cost", "/stated/unit_cost"),
    C_("stated_unit_cost_unit", "/stated/unit_cost/unit"),
    C_("stated_per_beneficiary", "/stated/per_beneficiary"),
    C_("stated_per_beneficiary_unit", "/stated/per_beneficiary/unit"),
    C_("stated_execution_rate", "/stated/execution_rate"),
    C_("stated_personnel_share", "/stated/personnel_share"),
    C_("stated_general_revenue_share", "/stated/general_revenue_share"),
    C_("stated_total_cost_change", "/stated/total_cost_change"),
};

static const struct hyoka__csv_col staff_cols[] = {
    R_("project", ""), R_("fiscal_year", ""), C_("year_index", ""), R_("staff_index", ""),
    C_("category", "/category"), C_("headcount", "/headcount"), C_("fte", "/fte"), C_("hours", "/hours"),
    C_("unit_cost", "/unit_cost"), C_("hourly_rate", "/hourly_rate"), C_("amount", "/amount"),
};

static const struct hyoka__csv_col indicator_cols[] = {
    R_("project", ""), R_("indicator", ""), C_("kind", "/kind"), C_("name", "/name"), C_("unit", "/unit"),
    C_("definition", "/definition"), C_("direction", "/direction"), C_("not_settable", "/not_settable"),
    C_("not_settable_reason", "/not_settable_reason"), C_("long_term_target", "/long_term_target/value"),
    C_("long_term_fiscal_year", "/long_term_target/fiscal_year"), C_("long_term_note", "/long_term_target/note"),
};

static const struct hyoka__csv_col value_cols[] = {
    R_("project", ""), R_("indicator", ""), R_("fiscal_year", "/fiscal_year"),
    C_("target", "/target"), C_("actual", "/actual"), C_("forecast", "/forecast"),
    C_("stated_achievement", "/stated_achievement"),
};

static const struct hyoka__csv_col evaluation_cols[] = {
    R_("project", ""), R_("evaluation", ""), C_("stage", "/stage"), C_("scheme", "/scheme"),
    C_("fiscal_year", "/fiscal_year"), C_("date", "/date"), C_("evaluator", "/evaluator"),
    C_("verdict", "/verdict"), C_("budget", "/budget"), C_("expected_outcome", "/expected/outcome"),
    C_("expected_cost", "/expected/cost"),
};

static const struct hyoka__csv_col answer_cols[] = {
    R_("project", ""), R_("evaluation", ""), R_("criterion", ""), C_("answer", ""),
};
static const struct hyoka__csv_col comment_cols[] = {
    R_("project", ""), R_("evaluation", ""), R_("key", ""), C_("text", ""),
};

static const struct hyoka__csv_col goal_cols[] = {
    R_("project", ""), R_("evaluation", ""), R_("goal", ""),
    C_("what", "/what"), C_("level", "/level"), C_("by", "/by"),
};

static const struct hyoka__csv_col scheme_cols[] = {
    R_("scheme", ""), R_("element", ""), C_("criterion", ""), C_("code", "/code"), C_("label", "/label"),
    C_("weight", "/weight"), C_("required", "/required"), C_("score", "/score"), C_("min", "/min"),
    C_("max", "/max"), C_("group", "/group"), C_("kind", "/kind"),
};

const char *const hyoka__csv_element_names[EL_COUNT] = {
    "scheme", "criterion", "option", "range", "verdict", "budget", "band", "missing",
};
#define B_(c) (1u << (c))
const unsigned hyoka__csv_element_cols[EL_COUNT] = {
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_LABEL),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CODE) | B_(SC_LABEL) | B_(SC_WEIGHT) | B_(SC_REQUIRED),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CRITERION) | B_(SC_CODE) | B_(SC_LABEL) | B_(SC_SCORE),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CRITERION) | B_(SC_MIN) | B_(SC_MAX),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CODE) | B_(SC_LABEL) | B_(SC_GROUP),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CODE) | B_(SC_LABEL) | B_(SC_KIND),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_MIN) | B_(SC_CODE) | B_(SC_LABEL),
    B_(SC_SCHEME) | B_(SC_ELEMENT) | B_(SC_CODE) | B_(SC_LABEL),
};

const struct hyoka__csv_table hyoka__csv_tables[HYOKA_CSV_TABLE_COUNT] = {
    {"document", document_cols, COUNT_OF(document_cols)},
    {"denominators", denominator_cols, COUNT_OF(denominator_cols)},
    {"projects", project_cols, COUNT_OF(project_cols)},
    {"classes", class_cols, COUNT_OF(class_cols)},
    {"extensions", extension_cols, COUNT_OF(extension_cols)},
    {"years", year_cols, COUNT_OF(year_cols)},
    {"staff", staff_cols, COUNT_OF(staff_cols)},
    {"indicators", indicator_cols, COUNT_OF(indicator_cols)},
    {"values", value_cols, COUNT_OF(value_cols)},
    {"evaluations", evaluation_cols, COUNT_OF(evaluation_cols)},
    {"answers", answer_cols, COUNT_OF(answer_cols)},
    {"comments", comment_cols, COUNT_OF(comment_cols)},
    {"goals", goal_cols, COUNT_OF(goal_cols)},
    {"schemes", scheme_cols, COUNT_OF(scheme_cols)},
};

/* Compile-time checks that the column enumerations match the tables. */
typedef char csv_check_doc[COUNT_OF(document_cols) == DOC_COUNT ? 1 : -1];
typedef char csv_check_den[COUNT_OF(denominator_cols) == DEN_COUNT ? 1 : -1];
typedef char csv_check_pj[COUNT_OF(project_cols) == PJ_COUNT ? 1 : -1];
typedef char csv_check_cl[COUNT_OF(class_cols) == CL_COUNT ? 1 : -1];
typedef char csv_check_ex[COUNT_OF(extension_cols) == EX_COUNT ? 1 : -1];
typedef char csv_check_yr[COUNT_OF(year_cols) == YR_COUNT ? 1 : -1];
typedef char csv_check_yr2[YR_STATED + 2 * STATED_WITH_UNIT + (HYOKA__YEAR_FIGURE_COUNT - STATED_WITH_UNIT) == YR_COUNT
                               ? 1 : -1];
typedef char csv_check_st[COUNT_OF(staff_cols) == ST_COUNT ? 1 : -1];
typedef char csv_check_in[COUNT_OF(indicator_cols) == IN_COUNT ? 1 : -1];
typedef char csv_check_va[COUNT_OF(value_cols) == VA_COUNT ? 1 : -1];
typedef char csv_check_ev[COUNT_OF(evaluation_cols) == EV_COUNT ? 1 : -1];
typedef char csv_check_an[COUNT_OF(answer_cols) == KV_COUNT && COUNT_OF(comment_cols) == KV_COUNT ? 1 : -1];
typedef char csv_check_go[COUNT_OF(goal_cols) == GO_COUNT ? 1 : -1];
typedef char csv_check_sc[COUNT_OF(scheme_cols) == SC_COUNT ? 1 : -1];
typedef char csv_check_max[YR_COUNT <= HYOKA__CSV_MAX_COLS ? 1 : -1];

const char *hyoka_csv_table_name(int table)
{
    if (table < 0 || table >= HYOKA_CSV_TABLE_COUNT)
        return NULL;
    return hyoka__csv_tables[table].name;
}

/* The defaults of the first @p size bytes of the options (the fields of
 * the version whose structure is that long). */
static int options_defaults(hyoka_csv_options *options, size_t size)
{
    hyoka_csv_options all;
    HYOKA__CHECK_NULL_IN("hyoka_csv_options_init", options);
    memset(&all, 0, sizeof all);
    all.size = size;
    all.encoding = HYOKA_ENCODING_UTF8_BOM;
    all.max_field = (size_t)1 << 20;
    all.max_row = (size_t)4 << 20;
    all.max_diagnostics = 1000;
    all.max_table = (size_t)1 << 30;
    all.flags = 0;
    memcpy(options, &all, size);
    return HYOKA_OK;
}

#if HYOKA__HAS_SYMVER
/* hyoka_csv_options_init@HYOKA_1.0, for programs built against 1.0: their
 * structure ends before max_table, so only its fields are written and
 * `size` says so (the functions taking options accept that size). */
int hyoka__csv_options_init_1_0(hyoka_csv_options *options);
HYOKA__SYMVER(hyoka__csv_options_init_1_0, "hyoka_csv_options_init@HYOKA_1.0")
HYOKA_API int hyoka__csv_options_init_1_0(hyoka_csv_options *options)
{
    return options_defaults(options, HYOKA__CSV_OPTIONS_1_0);
}

/* hyoka_csv_options_init@@HYOKA_1.1, what programs link to from 1.1 on. */
int hyoka__csv_options_init_1_1(hyoka_csv_options *options);
HYOKA__SYMVER(hyoka__csv_options_init_1_1, "hyoka_csv_options_init@@HYOKA_1.1")
HYOKA_API int hyoka__csv_options_init_1_1(hyoka_csv_options *options)
#else
int hyoka_csv_options_init(hyoka_csv_options *options)
#endif
{
    return options_defaults(options, sizeof *options);
}

int hyoka__csv_check_options(const char *fn, const hyoka_csv_options *options, hyoka_csv_options *out)
{
    int rc;
    options_defaults(out, sizeof *out);
    rc = hyoka__options_take(fn, "hyoka_csv_options_init", options, out, HYOKA__CSV_OPTIONS_1_0);
    if (rc != HYOKA_OK)
        return rc;
    if (out->encoding != HYOKA_ENCODING_UTF8_BOM && out->encoding != HYOKA_ENCODING_UTF8 &&
        out->encoding != HYOKA_ENCODING_CP932)
        return hyoka__fail(HYOKA_EINVAL, "%s: encoding %d is not a hyoka_encoding", fn, out->encoding);
    if (out->max_field == 0 || out->max_row == 0 || out->max_table == 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: max_field, max_row and max_table must be positive", fn);
    if (out->flags & ~HYOKA_WRITE_REPLACE)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, out->flags & ~HYOKA_WRITE_REPLACE);
    return HYOKA_OK;
}

int hyoka__csv_writer_options(const char *fn, const hyoka_csv_options *options, hyoka_csv_options *out,
                              hyoka_report *report)
{
    int rc = hyoka__csv_check_options(fn, options, out);
    if (rc == HYOKA_OK && report)
        report->limit = out->max_diagnostics;
    return rc;
}
