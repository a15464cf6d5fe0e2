/* The 15 tables of the RS open data, column by column: each header and
 * where its cells go in the model (docs/rs.md says the same for users),
 * and the options. Columns are found by their header, so the order here
 * is only the order the writer prints them in: the published one. */
#include "rs_internal.h"

#include <string.h>

/* A project text; the same under another header. */
#define PT(name, field) {name, NULL, RS_T_TEXT, 0, 0, 0, HYOKA_TEXT_##field, 0, NULL}
#define PTA(name, alias, field) {name, alias, RS_T_TEXT, 0, 0, 0, HYOKA_TEXT_##field, 0, NULL}
/* A project flag. */
#define PF(name, flag, style) {name, NULL, RS_T_FLAG, 0, 0, RS_BOOL_##style, HYOKA_FLAG_##flag, 0, NULL}
/* An evaluation of a stage: a comment, the verdict, the budget direction, the fiscal year. */
#define EC(name, stage, key) {name, NULL, RS_T_EVAL, 0, 0, 0, HYOKA_STAGE_##stage, RS_E_COMMENT, key}
#define EV(name, stage, sub) {name, NULL, RS_T_EVAL, 0, 0, 0, HYOKA_STAGE_##stage, RS_E_##sub, NULL}
/* A field of the record of a group, printed on rows of kinds `rows`. */
#define FR(name, group, field, rows) {name, NULL, RS_T_FIELD, group, rows, 0, HYOKA_FIELD_##field, 0, NULL}
#define F(name, group, field) FR(name, group, field, RS_ROW_ANY)
/* A number kept as text (spaces at the ends do not count). */
#define FN(name, group, field, rows) {name, NULL, RS_T_FIELD, group, rows, 1, HYOKA_FIELD_##field, 0, NULL}
/* A flag printed 1 for true. */
#define F1(name, group, field) {name, NULL, RS_T_FIELD, group, RS_ROW_ANY, RS_BOOL_ONE, HYOKA_FIELD_##field, 0, NULL}
/* A field of the record the row's record hangs under. */
#define PA(name, field) {name, NULL, RS_T_PARENT, 0, RS_ROW_ANY, 0, HYOKA_FIELD_##field, 0, NULL}
/* A part of an indicator of 3-1. */
#define GT(name, field) {name, NULL, RS_T_GOAL, 0, 0, 0, HYOKA_INDICATOR_##field, RS_G_TEXT, NULL}
#define GP(name, sub) {name, NULL, RS_T_GOAL, 0, 0, 0, 0, RS_G_##sub, NULL}

/* The units of an organisation, from the ministry down, as columns made
 * by COL(name, field): the project's own, or (1-1) the other units'. */
#define ORG_UNITS(COL, suffix)                                                                                 \
    COL("府省庁" suffix, MINISTRY), COL("局・庁" suffix, BUREAU), COL("部" suffix, DEPARTMENT),               \
        COL("課" suffix, SECTION), COL("室" suffix, OFFICE), COL("班" suffix, TEAM), COL("係" suffix, GROUP)
#define OTHER_UNIT(name, field) F(name, 0, field)

/* The 13 columns every table starts with; 1-1 names two of them
 * differently, and either name is read in every table. */
#define COMMON(order, order_alias, jurisdiction, jurisdiction_alias)                                           \
    PT("シート種別", SHEET_TYPE), {"事業年度", NULL, RS_T_PEXT, 0, 0, 0, 0, 0, NULL}, PT("予算事業ID", CODE), \
        PT("事業名", NAME), PTA(order, order_alias, MINISTRY_ORDER),                                            \
        PTA(jurisdiction, jurisdiction_alias, JURISDICTION), ORG_UNITS(PT, "")
#define COMMON_1_1 COMMON("建制順", "府省庁の建制順", "所管府省庁", "政策所管府省庁")
#define COMMON_REST COMMON("府省庁の建制順", "建制順", "政策所管府省庁", "所管府省庁")

#define COUNT_OF_(a) (sizeof(a) / sizeof((a)[0]))
#define COLS(a) (a), COUNT_OF_(a)
#define NO_DISC -1, NULL, 0

/* ---- 1-1 組織情報 ---- */
static const struct hyoka__rs_col c11[] = {
    COMMON_1_1,
    F("その他担当組織_作成責任者_no", 0, NUMBER),
    ORG_UNITS(OTHER_UNIT, "（その他担当組織）"),
    PT("作成責任者", PREPARER),
};
static const struct hyoka__rs_group g11[] = {{HYOKA_RECORD_ORGANIZATION, NO_DISC}};

/* ---- 1-2 事業概要等 ---- */
static const struct hyoka__rs_col c12[] = {
    COMMON_REST,
    PT("事業の目的", PURPOSE),
    PT("現状・課題", ISSUES),
    PT("事業の概要", SUMMARY),
    PT("事業概要URL", OVERVIEW_URL),
    PT("事業区分", CATEGORY),
    {"事業開始年度", NULL, RS_T_START, 0, 0, 0, 0, 0, NULL},
    PF("開始年度不明", START_UNKNOWN, WORD),
    {"事業終了（予定）年度", NULL, RS_T_END, 0, 0, 0, 0, 0, NULL},
    PF("終了予定なし", NO_PLANNED_END, WORD),
    PT("主要経費", MAJOR_EXPENSE),
    PT("備考", NOTES),
    PF("実施方法ー直接実施", METHOD_DIRECT, ONE),
    PF("実施方法ー補助", METHOD_SUBSIDY, ONE),
    PF("実施方法ー負担", METHOD_BURDEN, ONE),
    PF("実施方法ー交付", METHOD_GRANT, ONE),
    PF("実施方法ー分担金・拠出金", METHOD_CONTRIBUTION, ONE),
    PF("実施方法ーその他", METHOD_OTHER, ONE),
    PT("旧事業番号", OLD_CODE),
    PT("整理表表示順", DISPLAY_ORDER),
};

/* ---- 1-3 政策・施策、法令等 ---- */
static const struct hyoka__rs_col c13[] = {
    COMMON_REST,
    F("番号（政策・施策）", 0, NUMBER),
    F("政策所管府省庁_P", 0, MINISTRY),
    F("政策", 0, POLICY),
    F("施策", 0, MEASURE),
    F("政策・施策URL", 0, URL),
    F("番号（根拠法令）", 1, NUMBER),
    F("法令名", 1, NAME),
    F("法令番号", 1, LAW_NUMBER),
    F("法令ID", 1, LAW_ID),
    F("条", 1, ARTICLE),
    F("項", 1, PARAGRAPH),
    F("号・号の細分", 1, SUBPARAGRAPH),
    F("番号（関係する計画・通知等）", 2, NUMBER),
    F("計画通知名", 2, NAME),
    F("計画通知等URL", 2, URL),
};
static const struct hyoka__rs_group g13[] = {
    {HYOKA_RECORD_POLICY, NO_DISC}, {HYOKA_RECORD_LAW, NO_DISC}, {HYOKA_RECORD_PLAN, NO_DISC}};

/* ---- 1-4 補助率等 ---- */
static const struct hyoka__rs_col c14[] = {
    COMMON_REST,
    F("番号（補助率等）", 0, NUMBER),
    F("補助対象", 0, TARGET),
    F("補助率", 0, RATE),
    F("補助上限等", 0, LIMIT),
    F("補助率URL", 0, URL),
};
static const struct hyoka__rs_group g14[] = {{HYOKA_RECORD_SUBSIDY, NO_DISC}};

/* ---- 1-5 関連事業 ---- */
static const struct hyoka__rs_col c15[] = {
    COMMON_REST,
    F("番号（関連事業）", 0, NUMBER),
    F("関連事業の事業ID", 0, PROJECT_CODE),
    F("関連事業の事業名", 0, NAME),
    F("関連性", 0, RELATION),
};
static const struct hyoka__rs_group g15[] = {{HYOKA_RECORD_RELATED, NO_DISC}};

/* ---- 2-1 予算・執行_サマリ: a total row per budget year (the （合計）
 * columns), then a row per account ---- */
#define T_ RS_ROW_TOTAL
#define A_ RS_ROW_ACCOUNT
/* The n-th supplementary budget and reserve of an account row. */
#define SUPPLEMENTARY(n) FR("第" #n "次補正予算", 0, SUPPLEMENTARY_##n, A_)
#define RESERVE(n) FR("予備費等" #n, 0, RESERVE_##n, A_)
static const struct hyoka__rs_col c21[] = {
    COMMON_REST,
    FR("予算年度", 0, BUDGET_YEAR, T_ | A_),
    FR("当初予算（合計）", 0, INITIAL, T_),
    FR("補正予算（合計）", 0, SUPPLEMENTARY, T_),
    FR("前年度からの繰越し（合計）", 0, CARRIED_IN, T_),
    FR("予備費等（合計）", 0, RESERVE, T_),
    FR("計（歳出予算現額合計）", 0, APPROPRIATION, T_),
    FR("執行額（合計）", 0, EXECUTION, T_),
    FR("執行率", 0, STATED_EXECUTION_RATE, T_),
    FR("翌年度への繰越し(合計）", 0, CARRIED_OUT, T_),
    FR("翌年度要求額（合計）", 0, REQUEST, T_),
    FR("主な増減理由", 0, CHANGE_REASON, T_),
    FR("その他特記事項", 0, SPECIAL_NOTES, T_),
    FR("会計区分", 0, ACCOUNT_TYPE, A_),
    FR("会計", 0, ACCOUNT, A_),
    FR("勘定", 0, SUBACCOUNT, A_),
    FR("当初予算", 0, INITIAL, A_),
    SUPPLEMENTARY(1), SUPPLEMENTARY(2), SUPPLEMENTARY(3), SUPPLEMENTARY(4), SUPPLEMENTARY(5),
    FR("前年度から繰越し", 0, CARRIED_IN, A_),
    RESERVE(1), RESERVE(2), RESERVE(3), RESERVE(4),
    FR("歳出予算現額", 0, APPROPRIATION, A_),
    FR("執行額", 0, EXECUTION, A_),
    FR("翌年度要求額", 0, REQUEST, A_),
    FR("要望額", 0, PRIORITY_REQUEST, A_),
    FR("備考", 0, NOTES, A_),
};
static const struct hyoka__rs_group g21[] = {{HYOKA_RECORD_BUDGET, NO_DISC}};

/* ---- 2-2 予算種別・歳出予算項目: items under the budget of their year
 * and account ---- */
static const struct hyoka__rs_col c22[] = {
    COMMON_REST,
    PA("予算年度", BUDGET_YEAR),
    PA("会計区分", ACCOUNT_TYPE),
    PA("会計", ACCOUNT),
    PA("勘定", SUBACCOUNT),
    F("予算種別", 0, BUDGET_TYPE),
    F("所管", 0, JURISDICTION),
    F("組織・勘定", 0, ORGANIZATION),
    F("項", 0, ITEM),
    F("目", 0, SUB_ITEM),
    F("歳出予算項目の補足情報", 0, ITEM_NOTE),
    F("予算額（歳出予算項目ごと）", 0, AMOUNT),
    F("翌年度要求額（歳出予算項目ごと）", 0, REQUEST),
    F("備考（歳出予算項目ごと）", 0, NOTES),
};
static const struct hyoka__rs_group g22[] = {{HYOKA_RECORD_BUDGET_ITEM, NO_DISC}};

/* ---- 3-1 目標・実績: one row per activity, four per output or outcome,
 * then the year columns ---- */
static const struct hyoka__rs_col c31[] = {
    COMMON_REST,
    GT("事業に関連するKPIが定められている閣議決定等の名称", KPI_NAME),
    GT("事業に関連するKPIが定められている閣議決定等の該当箇所", KPI_SECTION),
    GT("事業に関連するKPIが定められている閣議決定等のURL", KPI_URL),
    GP("アクティビティ・アウトプット・アウトカムの番号", NUMBER),
    GP("種別（アクティビティ・アウトプット・アウトカム）", KIND),
    GP("アウトカムの期間", TERM),
    GP("成果目標の種類", MEASUREMENT),
    GT("アクティビティ／活動目標／成果目標", GOAL),
    GT("活動指標／成果指標", NAME),
    GT("単位", UNIT),
    GP("改善の上向き／下向き", DIRECTION),
    GT("成果実績及び目標値の根拠として用いた統計・データ名（出典）", SOURCE),
    GT("定性的なアウトカム目標を設定している理由", QUALITATIVE_REASON),
    GT("定性的なアウトカムに関する成果実績", QUALITATIVE_RESULT),
    {"目標年度／目標値／実績値／達成率", NULL, RS_T_LABEL, 0, 0, 0, 0, 0, NULL},
};

const char *const hyoka__rs_goal_labels[RS_GOAL_ROWS] = {"1.目標年度", "2.目標値", "3.実績値", "4.達成率"};
const int hyoka__rs_goal_values[RS_GOAL_ROWS] = {-1, HYOKA_VALUE_TARGET, HYOKA_VALUE_ACTUAL,
                                                 HYOKA_VALUE_STATED_ACHIEVEMENT};

/* ---- 3-2 目標のつながり ---- */
static const struct hyoka__rs_col c32[] = {
    COMMON_REST,
    F("派生元ーアクティビティ・アウトプット・アウトカムの番号", 0, FROM_NUMBER),
    F("派生元ー種別（アクティビティ・アウトプット・アウトカム）", 0, FROM_KIND),
    F("派生元ーアウトカムの期間", 0, FROM_TERM),
    F("派生元ーアクティビティの内容/ 活動目標／成果目標", 0, FROM_GOAL),
    F("派生元ー活動指標／成果指標", 0, FROM_INDICATOR),
    F("派生先ーアクティビティ・アウトプット・アウトカムの番号", 0, TO_NUMBER),
    F("派生先ー種別（アクティビティ・アウトプット・アウトカム）", 0, TO_KIND),
    F("派生先ーアウトカムの期間", 0, TO_TERM),
    F("派生先ー 活動目標／成果目標", 0, TO_GOAL),
    F("派生先ー活動指標／成果指標", 0, TO_INDICATOR),
    F("後続アウトカムへのつながり", 0, CONNECTION),
    F("アウトカムを複数段階で設定できない理由", 0, SINGLE_STAGE_REASON),
};
static const struct hyoka__rs_group g32[] = {{HYOKA_RECORD_LINK, NO_DISC}};

/* ---- 4-1 点検・評価: the evaluations of the jp-rs-review scheme, then
 * the amounts reflected and the findings ---- */
static const struct hyoka__rs_col c41[] = {
    COMMON_REST,
    EC("事業所管部局による点検・改善ー点検結果", SELF, "check_result"),
    EC("事業所管部局による点検・改善ー改善の方向性", SELF, "improvement"),
    EC("事業所管部局による点検・改善－目標年度における効果測定に関する評価", SELF, "effect_measurement"),
    EV("外部有識者による点検ー最終実施年度", EXTERNAL, FISCAL_YEAR),
    EC("外部有識者による点検ー点検対象", EXTERNAL, "scope"),
    EC("外部有識者による点検ー対象の理由", EXTERNAL, "reason"),
    EC("外部有識者による点検ー所見", EXTERNAL, "findings"),
    EC("公開プロセス結果概要", COMMITTEE, "public_process"),
    EV("行政事業レビュー推進チームの所見", COMMITTEE, VERDICT),
    EC("行政事業レビュー推進チームの所見の詳細", COMMITTEE, "opinion"),
    EV("所見を踏まえた改善点／概算要求における反映状況", COMMITTEE, BUDGET),
    EC("所見を踏まえた改善点／概算要求における反映状況の詳細", COMMITTEE, "reflection"),
    F("反映額（一般会計）", 0, AMOUNT),
    F("反映額（特別会計）－会計", 1, ACCOUNT),
    F("反映額（特別会計）－勘定", 1, SUBACCOUNT),
    F("反映額（特別会計）－反映額", 1, AMOUNT),
    F("過去に受けた指摘事項－区分", 2, CATEGORY),
    F("過去に受けた指摘事項－取りまとめ年度", 2, FISCAL_YEAR),
    F("過去に受けた指摘事項－取りまとめ内容", 2, CONTENT),
    F("過去に受けた指摘事項－対応状況", 2, RESPONSE),
    F("その他の指摘事項－調査等の名称", 3, SURVEY),
    F("その他の指摘事項－指摘年度", 3, FISCAL_YEAR),
    F("その他の指摘事項－指摘内容", 3, CONTENT),
    F("その他の指摘事項－対応状況", 3, RESPONSE),
};
static const struct hyoka__rs_group g41[] = {
    {HYOKA_RECORD_REFLECTION, HYOKA_FIELD_ACCOUNT_TYPE, "一般会計", 0},
    {HYOKA_RECORD_REFLECTION, HYOKA_FIELD_ACCOUNT_TYPE, "特別会計", 0},
    {HYOKA_RECORD_FINDING, HYOKA_FIELD_OTHER, NULL, 0},
    {HYOKA_RECORD_FINDING, HYOKA_FIELD_OTHER, NULL, 1},
};

/* ---- 5-1 支出情報: a row per block, then per recipient a row followed
 * by its contracts' rows (group: 0 block, 1 recipient, 2 contract) ---- */
#define B_ RS_ROW_BLOCK
#define R_ RS_ROW_RECIPIENT
#define K_ RS_ROW_CONTRACT
static const struct hyoka__rs_col c51[] = {
    COMMON_REST,
    FR("支出先ブロック番号", 0, BLOCK, B_ | R_ | K_),
    FR("支出先ブロック名", 0, NAME, B_),
    FR("支出先の数", 0, RECIPIENT_COUNT, B_),
    FR("事業を行う上での役割", 0, ROLE, B_),
    FR("ブロックの合計支出額", 0, TOTAL, B_),
    FR("支出先名", 1, NAME, R_ | K_),
    FN("法人番号", 1, CORPORATE_NUMBER, R_ | K_),
    FR("所在地", 1, LOCATION, R_ | K_),
    FN("法人種別", 1, CORPORATE_TYPE, R_ | K_),
    FR("その他支出先", 1, OTHER, R_ | K_),
    FR("支出先の合計支出額", 1, TOTAL, R_),
    FR("契約概要", 2, SUMMARY, K_),
    FR("金額", 2, AMOUNT, K_),
    FR("契約方式等", 2, METHOD, K_),
    FR("具体的な契約方式等", 2, METHOD_DETAIL, K_),
    FR("入札者数", 2, BIDDERS, K_),
    FR("落札率", 2, WINNING_BID_RATIO, K_),
    FR("一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（支出額10億円以上）", 2, SINGLE_BID_REASON, K_),
    FR("その他の契約", 2, OTHER, K_),
};
static const struct hyoka__rs_group g51[] = {
    {HYOKA_RECORD_BLOCK, NO_DISC}, {HYOKA_RECORD_RECIPIENT, NO_DISC}, {HYOKA_RECORD_CONTRACT, NO_DISC}};

/* ---- 5-2 支出ブロックのつながり ---- */
static const struct hyoka__rs_col c52[] = {
    COMMON_REST,
    F("支出元の支出先ブロック", 0, FROM_BLOCK),
    F("支出元の支出先ブロック名", 0, FROM_NAME),
    F("担当組織からの支出", 0, FROM_ORGANIZATION),
    F("支出先の支出先ブロック", 0, TO_BLOCK),
    F("支出先の支出先ブロック名", 0, TO_NAME),
    F("資金の流れの補足情報", 0, NOTES),
    F("国自らが支出する間接経費", 0, INDIRECT_COST),
    F("国自らが支出する間接経費の項目", 0, INDIRECT_ITEM),
    F("国自らが支出する間接経費の金額", 0, INDIRECT_AMOUNT),
};
static const struct hyoka__rs_group g52[] = {{HYOKA_RECORD_FLOW, NO_DISC}};

/* ---- 5-3 費目・使途: expenses under the block of their number ---- */
static const struct hyoka__rs_col c53[] = {
    COMMON_REST,
    PA("支出先ブロック番号", BLOCK),
    F("支出先名", 0, NAME),
    FN("法人番号", 0, CORPORATE_NUMBER, RS_ROW_ANY),
    F("契約概要", 0, SUMMARY),
    F("費目", 0, COST_ITEM),
    F("使途", 0, USE),
    F("金額", 0, AMOUNT),
};
static const struct hyoka__rs_group g53[] = {{HYOKA_RECORD_EXPENSE, NO_DISC}};

/* ---- 5-4 国庫債務負担行為等による契約 ---- */
#define MY_ "（国庫債務負担行為等による契約）"
static const struct hyoka__rs_col c54[] = {
    COMMON_REST,
    F("支出先ブロック" MY_, 0, BLOCK),
    F("契約先名" MY_, 0, NAME),
    FN("契約先の法人番号" MY_, 0, CORPORATE_NUMBER, RS_ROW_ANY),
    F("契約先の所在地" MY_, 0, LOCATION),
    FN("契約先の法人種別" MY_, 0, CORPORATE_TYPE, RS_ROW_ANY),
    F("契約概要（契約名）" MY_, 0, SUMMARY),
    F("その他の契約", 0, OTHER),
    F("契約額" MY_, 0, AMOUNT),
    F("契約方式等" MY_, 0, METHOD),
    F("具体的な契約方式等" MY_, 0, METHOD_DETAIL),
    F("入札者数（応募者数）" MY_, 0, BIDDERS),
    F("落札率（％）" MY_, 0, WINNING_BID_RATIO),
    F("一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（契約額10億円以上）" MY_, 0, SINGLE_BID_REASON),
};
static const struct hyoka__rs_group g54[] = {{HYOKA_RECORD_MULTIYEAR_CONTRACT, NO_DISC}};

/* ---- 6-1 その他備考 ---- */
static const struct hyoka__rs_col c61[] = {
    COMMON_REST,
    PT("備考", OTHER_NOTES),
};

#define NO_GROUPS NULL, 0

const struct hyoka__rs_table hyoka__rs_tables[HYOKA_RS_TABLE_COUNT] = {
    [HYOKA_RS_ORGANIZATION] = {"1-1", "基本情報_組織情報", COLS(c11), COLS(g11), RS_SHAPE_RECORDS, -1, false},
    [HYOKA_RS_OVERVIEW] = {"1-2", "基本情報_事業概要等", COLS(c12), NO_GROUPS, RS_SHAPE_RECORDS, -1, false},
    [HYOKA_RS_POLICIES] = {"1-3", "基本情報_政策・施策、法令等", COLS(c13), COLS(g13), RS_SHAPE_RECORDS, -1, false},
    [HYOKA_RS_SUBSIDIES] = {"1-4", "基本情報_補助率等", COLS(c14), COLS(g14), RS_SHAPE_RECORDS, -1, false},
    [HYOKA_RS_RELATED] = {"1-5", "基本情報_関連事業", COLS(c15), COLS(g15), RS_SHAPE_RECORDS, -1, false},
    [HYOKA_RS_BUDGETS] = {"2-1", "予算・執行_サマリ", COLS(c21), COLS(g21), RS_SHAPE_RECORDS, -1, true},
    [HYOKA_RS_BUDGET_ITEMS] = {"2-2", "予算・執行_予算種別・歳出予算項目", COLS(c22), COLS(g22), RS_SHAPE_RECORDS,
                               HYOKA_RECORD_BUDGET, false},
    [HYOKA_RS_GOALS] = {"3-1", "効果発現経路_目標・実績", COLS(c31), NO_GROUPS, RS_SHAPE_GOALS, -1, false},
    [HYOKA_RS_LINKS] = {"3-2", "効果発現経路_目標のつながり", COLS(c32), COLS(g32), RS_SHAPE_RECORDS, -1, false},
    [HYOKA_RS_REVIEW] = {"4-1", "点検・評価", COLS(c41), COLS(g41), RS_SHAPE_RECORDS, -1, false},
    [HYOKA_RS_SPENDING] = {"5-1", "支出先_支出情報", COLS(c51), COLS(g51), RS_SHAPE_SPENDING, -1, false},
    [HYOKA_RS_FLOWS] = {"5-2", "支出先_支出ブロックのつながり", COLS(c52), COLS(g52), RS_SHAPE_RECORDS, -1, false},
    [HYOKA_RS_EXPENSES] = {"5-3", "支出先_費目・使途", COLS(c53), COLS(g53), RS_SHAPE_RECORDS, HYOKA_RECORD_BLOCK,
                           false},
    [HYOKA_RS_MULTIYEAR] = {"5-4", "支出先_国庫債務負担行為等による契約", COLS(c54), COLS(g54), RS_SHAPE_RECORDS, -1,
                            false},
    [HYOKA_RS_NOTES] = {"6-1", "その他備考", COLS(c61), NO_GROUPS, RS_SHAPE_RECORDS, -1, false},
};

const char *hyoka_rs_table_name(int table)
{
    return table >= 0 && table < HYOKA_RS_TABLE_COUNT ? hyoka__rs_tables[table].name : NULL;
}

const char *hyoka_rs_table_title(int table)
{
    return table >= 0 && table < HYOKA_RS_TABLE_COUNT ? hyoka__rs_tables[table].title : NULL;
}

int hyoka_rs_options_init(hyoka_rs_options *options)
{
    if (!options)
        return hyoka__fail(HYOKA_EINVAL, "hyoka_rs_options_init: options is NULL");
    memset(options, 0, sizeof *options);
    options->size = sizeof *options;
    options->max_field = (size_t)1 << 20;
    options->max_row = (size_t)4 << 20;
    options->max_diagnostics = 1000;
    options->max_table = (size_t)1 << 30;
    options->flags = 0;
    options->year = 0;
    return HYOKA_OK;
}

int hyoka__rs_check_options(const char *fn, const hyoka_rs_options *options, hyoka_rs_options *out)
{
    int rc;
    hyoka_rs_options_init(out);
    rc = hyoka__options_take(fn, "hyoka_rs_options_init", options, out, sizeof *out);
    if (rc != HYOKA_OK)
        return rc;
    if (out->max_field == 0 || out->max_row == 0 || out->max_table == 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: max_field, max_row and max_table must be positive", fn);
    if (out->flags & ~HYOKA_WRITE_REPLACE)
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", fn, out->flags & ~HYOKA_WRITE_REPLACE);
    if (out->year != 0 && (out->year < 1868 || out->year > 9999))
        return hyoka__fail(HYOKA_EINVAL, "%s: year %d is not a fiscal year (1868..9999)", fn, (int)out->year);
    return HYOKA_OK;
}
