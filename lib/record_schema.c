/* The schema of records (record_schema.h): fields with their document
 * names and types, kinds with their names, labels, fields and children.
 * The labels are the column headings of the national review sheets'
 * open data (行政事業レビュー, RS system), shortened where the heading
 * repeats the table's name. */
#include "record_schema.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Every field once: enumerator, document name, type. */
#define FIELDS(X)                                          \
    X(BUDGET_YEAR, "budget_year", FISCAL_YEAR)             \
    X(ACCOUNT_TYPE, "account_type", TEXT)                  \
    X(ACCOUNT, "account", TEXT)                            \
    X(SUBACCOUNT, "subaccount", TEXT)                      \
    X(INITIAL, "initial", MONEY)                           \
    X(SUPPLEMENTARY, "supplementary", MONEY)               \
    X(SUPPLEMENTARY_1, "supplementary_1", MONEY)           \
    X(SUPPLEMENTARY_2, "supplementary_2", MONEY)           \
    X(SUPPLEMENTARY_3, "supplementary_3", MONEY)           \
    X(SUPPLEMENTARY_4, "supplementary_4", MONEY)           \
    X(SUPPLEMENTARY_5, "supplementary_5", MONEY)           \
    X(CARRIED_IN, "carried_in", MONEY)                     \
    X(RESERVE, "reserve", MONEY)                           \
    X(RESERVE_1, "reserve_1", MONEY)                       \
    X(RESERVE_2, "reserve_2", MONEY)                       \
    X(RESERVE_3, "reserve_3", MONEY)                       \
    X(RESERVE_4, "reserve_4", MONEY)                       \
    X(APPROPRIATION, "appropriation", MONEY)               \
    X(EXECUTION, "execution", MONEY)                       \
    X(STATED_EXECUTION_RATE, "stated_execution_rate", DECIMAL) \
    X(CARRIED_OUT, "carried_out", MONEY)                   \
    X(REQUEST, "request", MONEY)                           \
    X(PRIORITY_REQUEST, "priority_request", MONEY)         \
    X(CHANGE_REASON, "change_reason", TEXT)                \
    X(SPECIAL_NOTES, "special_notes", TEXT)                \
    X(NOTES, "notes", TEXT)                                \
    X(BUDGET_TYPE, "budget_type", TEXT)                    \
    X(JURISDICTION, "jurisdiction", TEXT)                  \
    X(ORGANIZATION, "organization", TEXT)                  \
    X(ITEM, "item", TEXT)                                  \
    X(SUB_ITEM, "sub_item", TEXT)                          \
    X(ITEM_NOTE, "item_note", TEXT)                        \
    X(AMOUNT, "amount", MONEY)                             \
    X(BLOCK, "block", TEXT)                                \
    X(NAME, "name", TEXT)                                  \
    X(RECIPIENT_COUNT, "recipient_count", INTEGER)         \
    X(ROLE, "role", TEXT)                                  \
    X(TOTAL, "total", MONEY)                               \
    X(CORPORATE_NUMBER, "corporate_number", TEXT)          \
    X(LOCATION, "location", TEXT)                          \
    X(CORPORATE_TYPE, "corporate_type", TEXT)              \
    X(OTHER, "other", FLAG)                                \
    X(SUMMARY, "summary", TEXT)                            \
    X(METHOD, "method", TEXT)                              \
    X(METHOD_DETAIL, "method_detail", TEXT)                \
    X(BIDDERS, "bidders", INTEGER)                         \
    X(WINNING_BID_RATIO, "winning_bid_ratio", DECIMAL)     \
    X(SINGLE_BID_REASON, "single_bid_reason", TEXT)        \
    X(COST_ITEM, "cost_item", TEXT)                        \
    X(USE, "use", TEXT)                                    \
    X(FROM_BLOCK, "from_block", TEXT)                      \
    X(FROM_NAME, "from_name", TEXT)                        \
    X(FROM_ORGANIZATION, "from_organization", FLAG)        \
    X(TO_BLOCK, "to_block", TEXT)                          \
    X(TO_NAME, "to_name", TEXT)                            \
    X(INDIRECT_COST, "indirect_cost", TEXT)                \
    X(INDIRECT_ITEM, "indirect_item", TEXT)                \
    X(INDIRECT_AMOUNT, "indirect_amount", MONEY)           \
    X(NUMBER, "number", INTEGER)                           \
    X(MINISTRY, "ministry", TEXT)                          \
    X(POLICY, "policy", TEXT)                              \
    X(MEASURE, "measure", TEXT)                            \
    X(URL, "url", TEXT)                                    \
    X(LAW_NUMBER, "law_number", TEXT)                      \
    X(LAW_ID, "law_id", TEXT)                              \
    X(ARTICLE, "article", TEXT)                            \
    X(PARAGRAPH, "paragraph", TEXT)                        \
    X(SUBPARAGRAPH, "subparagraph", TEXT)                  \
    X(TARGET, "target", TEXT)                              \
    X(RATE, "rate", TEXT)                                  \
    X(LIMIT, "limit", TEXT)                                \
    X(PROJECT_CODE, "project_code", TEXT)                  \
    X(RELATION, "relation", TEXT)                          \
    X(BUREAU, "bureau", TEXT)                              \
    X(DEPARTMENT, "department", TEXT)                      \
    X(SECTION, "section", TEXT)                            \
    X(OFFICE, "office", TEXT)                              \
    X(TEAM, "team", TEXT)                                  \
    X(GROUP, "group", TEXT)                                \
    X(FROM_NUMBER, "from_number", INTEGER)                 \
    X(FROM_KIND, "from_kind", TEXT)                        \
    X(FROM_TERM, "from_term", TEXT)                        \
    X(FROM_GOAL, "from_goal", TEXT)                        \
    X(FROM_INDICATOR, "from_indicator", TEXT)              \
    X(TO_NUMBER, "to_number", INTEGER)                     \
    X(TO_KIND, "to_kind", TEXT)                            \
    X(TO_TERM, "to_term", TEXT)                            \
    X(TO_GOAL, "to_goal", TEXT)                            \
    X(TO_INDICATOR, "to_indicator", TEXT)                  \
    X(CONNECTION, "connection", TEXT)                      \
    X(SINGLE_STAGE_REASON, "single_stage_reason", TEXT)    \
    X(CATEGORY, "category", TEXT)                          \
    X(SURVEY, "survey", TEXT)                              \
    X(FISCAL_YEAR, "fiscal_year", FISCAL_YEAR)             \
    X(CONTENT, "content", TEXT)                            \
    X(RESPONSE, "response", TEXT)

#define FIELD_NAME(e, name, type) [HYOKA_FIELD_##e] = name,
#define FIELD_TYPE(e, name, type) [HYOKA_FIELD_##e] = HYOKA_TYPE_##type,

const char *const hyoka__record_field_names[] = {FIELDS(FIELD_NAME)};
const unsigned char hyoka__record_field_types[] = {FIELDS(FIELD_TYPE)};

_Static_assert(COUNT_OF(hyoka__record_field_names) == HYOKA__RECORD_FIELD_COUNT, "a field without a name");
_Static_assert(COUNT_OF(hyoka__record_field_types) == HYOKA__RECORD_FIELD_COUNT, "a field without a type");

const char *const hyoka__record_kind_names[] = {
    [HYOKA_RECORD_BUDGET] = "budgets",
    [HYOKA_RECORD_BUDGET_ITEM] = "items",
    [HYOKA_RECORD_BLOCK] = "blocks",
    [HYOKA_RECORD_RECIPIENT] = "recipients",
    [HYOKA_RECORD_CONTRACT] = "contracts",
    [HYOKA_RECORD_EXPENSE] = "expenses",
    [HYOKA_RECORD_FLOW] = "flows",
    [HYOKA_RECORD_MULTIYEAR_CONTRACT] = "multiyear_contracts",
    [HYOKA_RECORD_POLICY] = "policies",
    [HYOKA_RECORD_LAW] = "laws",
    [HYOKA_RECORD_PLAN] = "plans",
    [HYOKA_RECORD_SUBSIDY] = "subsidies",
    [HYOKA_RECORD_RELATED] = "related",
    [HYOKA_RECORD_ORGANIZATION] = "organizations",
    [HYOKA_RECORD_LINK] = "links",
    [HYOKA_RECORD_FINDING] = "findings",
    [HYOKA_RECORD_REFLECTION] = "reflections",
};

_Static_assert(COUNT_OF(hyoka__record_kind_names) == HYOKA__RECORD_KIND_COUNT, "a kind without a name");

/* ------------------------------------------------------------------------ */
/* The fields of each kind                                                   */

#define F(e, label) {HYOKA_FIELD_##e, label}

static const struct hyoka__kind_field budget[] = {
    F(BUDGET_YEAR, "予算年度"),
    F(ACCOUNT_TYPE, "会計区分"),
    F(ACCOUNT, "会計"),
    F(SUBACCOUNT, "勘定"),
    F(INITIAL, "当初予算"),
    F(SUPPLEMENTARY, "補正予算"),
    F(SUPPLEMENTARY_1, "第1次補正予算"),
    F(SUPPLEMENTARY_2, "第2次補正予算"),
    F(SUPPLEMENTARY_3, "第3次補正予算"),
    F(SUPPLEMENTARY_4, "第4次補正予算"),
    F(SUPPLEMENTARY_5, "第5次補正予算"),
    F(CARRIED_IN, "前年度からの繰越し"),
    F(RESERVE, "予備費等"),
    F(RESERVE_1, "予備費等1"),
    F(RESERVE_2, "予備費等2"),
    F(RESERVE_3, "予備費等3"),
    F(RESERVE_4, "予備費等4"),
    F(APPROPRIATION, "歳出予算現額"),
    F(EXECUTION, "執行額"),
    F(STATED_EXECUTION_RATE, "執行率"),
    F(CARRIED_OUT, "翌年度への繰越し"),
    F(REQUEST, "翌年度要求額"),
    F(PRIORITY_REQUEST, "要望額"),
    F(CHANGE_REASON, "主な増減理由"),
    F(SPECIAL_NOTES, "その他特記事項"),
    F(NOTES, "備考"),
};

static const struct hyoka__kind_field budget_item[] = {
    F(BUDGET_TYPE, "予算種別"),
    F(JURISDICTION, "所管"),
    F(ORGANIZATION, "組織・勘定"),
    F(ITEM, "項"),
    F(SUB_ITEM, "目"),
    F(ITEM_NOTE, "歳出予算項目の補足情報"),
    F(AMOUNT, "予算額"),
    F(REQUEST, "翌年度要求額"),
    F(NOTES, "備考"),
};

static const struct hyoka__kind_field block[] = {
    F(BLOCK, "支出先ブロック番号"),
    F(NAME, "支出先ブロック名"),
    F(RECIPIENT_COUNT, "支出先の数"),
    F(ROLE, "事業を行う上での役割"),
    F(TOTAL, "ブロックの合計支出額"),
};

static const struct hyoka__kind_field recipient[] = {
    F(NAME, "支出先名"),
    F(CORPORATE_NUMBER, "法人番号"),
    F(LOCATION, "所在地"),
    F(CORPORATE_TYPE, "法人種別"),
    F(OTHER, "その他支出先"),
    F(TOTAL, "支出先の合計支出額"),
};

static const struct hyoka__kind_field contract[] = {
    F(SUMMARY, "契約概要"),
    F(AMOUNT, "金額"),
    F(METHOD, "契約方式等"),
    F(METHOD_DETAIL, "具体的な契約方式等"),
    F(BIDDERS, "入札者数"),
    F(WINNING_BID_RATIO, "落札率"),
    F(SINGLE_BID_REASON, "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策"),
    F(OTHER, "その他の契約"),
};

static const struct hyoka__kind_field expense[] = {
    F(NAME, "支出先名"),
    F(CORPORATE_NUMBER, "法人番号"),
    F(SUMMARY, "契約概要"),
    F(COST_ITEM, "費目"),
    F(USE, "使途"),
    F(AMOUNT, "金額"),
};

static const struct hyoka__kind_field flow[] = {
    F(FROM_BLOCK, "支出元の支出先ブロック"),
    F(FROM_NAME, "支出元の支出先ブロック名"),
    F(FROM_ORGANIZATION, "担当組織からの支出"),
    F(TO_BLOCK, "支出先の支出先ブロック"),
    F(TO_NAME, "支出先の支出先ブロック名"),
    F(NOTES, "資金の流れの補足情報"),
    F(INDIRECT_COST, "国自らが支出する間接経費"),
    F(INDIRECT_ITEM, "国自らが支出する間接経費の項目"),
    F(INDIRECT_AMOUNT, "国自らが支出する間接経費の金額"),
};

static const struct hyoka__kind_field multiyear_contract[] = {
    F(BLOCK, "支出先ブロック"),
    F(NAME, "契約先名"),
    F(CORPORATE_NUMBER, "契約先の法人番号"),
    F(LOCATION, "契約先の所在地"),
    F(CORPORATE_TYPE, "契約先の法人種別"),
    F(SUMMARY, "契約概要（契約名）"),
    F(AMOUNT, "契約額"),
    F(METHOD, "契約方式等"),
    F(METHOD_DETAIL, "具体的な契約方式等"),
    F(BIDDERS, "入札者数（応募者数）"),
    F(WINNING_BID_RATIO, "落札率（％）"),
    F(SINGLE_BID_REASON, "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策"),
    F(OTHER, "その他の契約"),
};

static const struct hyoka__kind_field policy[] = {
    F(NUMBER, "番号"),
    F(MINISTRY, "政策所管府省庁"),
    F(POLICY, "政策"),
    F(MEASURE, "施策"),
    F(URL, "政策・施策URL"),
};

static const struct hyoka__kind_field law[] = {
    F(NUMBER, "番号"),
    F(NAME, "法令名"),
    F(LAW_NUMBER, "法令番号"),
    F(LAW_ID, "法令ID"),
    F(ARTICLE, "条"),
    F(PARAGRAPH, "項"),
    F(SUBPARAGRAPH, "号・号の細分"),
};

static const struct hyoka__kind_field plan[] = {
    F(NUMBER, "番号"),
    F(NAME, "計画通知名"),
    F(URL, "計画通知等URL"),
};

static const struct hyoka__kind_field subsidy[] = {
    F(NUMBER, "番号"),
    F(TARGET, "補助対象"),
    F(RATE, "補助率"),
    F(LIMIT, "補助上限等"),
    F(URL, "補助率URL"),
};

static const struct hyoka__kind_field related[] = {
    F(NUMBER, "番号"),
    F(PROJECT_CODE, "関連事業の事業ID"),
    F(NAME, "関連事業の事業名"),
    F(RELATION, "関連性"),
};

static const struct hyoka__kind_field organization[] = {
    F(NUMBER, "番号"),
    F(MINISTRY, "府省庁"),
    F(BUREAU, "局・庁"),
    F(DEPARTMENT, "部"),
    F(SECTION, "課"),
    F(OFFICE, "室"),
    F(TEAM, "班"),
    F(GROUP, "係"),
};

static const struct hyoka__kind_field link[] = {
    F(FROM_NUMBER, "派生元の番号"),
    F(FROM_KIND, "派生元の種別"),
    F(FROM_TERM, "派生元のアウトカムの期間"),
    F(FROM_GOAL, "派生元のアクティビティの内容・活動目標・成果目標"),
    F(FROM_INDICATOR, "派生元の活動指標・成果指標"),
    F(TO_NUMBER, "派生先の番号"),
    F(TO_KIND, "派生先の種別"),
    F(TO_TERM, "派生先のアウトカムの期間"),
    F(TO_GOAL, "派生先の活動目標・成果目標"),
    F(TO_INDICATOR, "派生先の活動指標・成果指標"),
    F(CONNECTION, "後続アウトカムへのつながり"),
    F(SINGLE_STAGE_REASON, "アウトカムを複数段階で設定できない理由"),
};

static const struct hyoka__kind_field finding[] = {
    F(OTHER, "その他の指摘事項"),
    F(CATEGORY, "区分"),
    F(SURVEY, "調査等の名称"),
    F(FISCAL_YEAR, "年度"),
    F(CONTENT, "内容"),
    F(RESPONSE, "対応状況"),
};

static const struct hyoka__kind_field reflection[] = {
    F(ACCOUNT_TYPE, "会計区分"),
    F(ACCOUNT, "会計"),
    F(SUBACCOUNT, "勘定"),
    F(AMOUNT, "反映額"),
};

/* ------------------------------------------------------------------------ */
/* Kinds                                                                     */

#define FIELDS_OF(a) (a), COUNT_OF(a)
#define UNDER_PROJECT HYOKA_UNSET

const struct hyoka__kind_def hyoka__record_kinds[] = {
    [HYOKA_RECORD_BUDGET] = {"予算・執行", UNDER_PROJECT, FIELDS_OF(budget), 1, {HYOKA_RECORD_BUDGET_ITEM}},
    [HYOKA_RECORD_BUDGET_ITEM] = {"予算種別・歳出予算項目", HYOKA_RECORD_BUDGET, FIELDS_OF(budget_item), 0, {0}},
    [HYOKA_RECORD_BLOCK] = {"支出先ブロック", UNDER_PROJECT, FIELDS_OF(block), 2,
                            {HYOKA_RECORD_RECIPIENT, HYOKA_RECORD_EXPENSE}},
    [HYOKA_RECORD_RECIPIENT] = {"支出先", HYOKA_RECORD_BLOCK, FIELDS_OF(recipient), 1, {HYOKA_RECORD_CONTRACT}},
    [HYOKA_RECORD_CONTRACT] = {"契約", HYOKA_RECORD_RECIPIENT, FIELDS_OF(contract), 0, {0}},
    [HYOKA_RECORD_EXPENSE] = {"費目・使途", HYOKA_RECORD_BLOCK, FIELDS_OF(expense), 0, {0}},
    [HYOKA_RECORD_FLOW] = {"支出ブロックのつながり", UNDER_PROJECT, FIELDS_OF(flow), 0, {0}},
    [HYOKA_RECORD_MULTIYEAR_CONTRACT] = {"国庫債務負担行為等による契約", UNDER_PROJECT, FIELDS_OF(multiyear_contract),
                                         0, {0}},
    [HYOKA_RECORD_POLICY] = {"政策・施策", UNDER_PROJECT, FIELDS_OF(policy), 0, {0}},
    [HYOKA_RECORD_LAW] = {"根拠法令", UNDER_PROJECT, FIELDS_OF(law), 0, {0}},
    [HYOKA_RECORD_PLAN] = {"関係する計画・通知等", UNDER_PROJECT, FIELDS_OF(plan), 0, {0}},
    [HYOKA_RECORD_SUBSIDY] = {"補助率等", UNDER_PROJECT, FIELDS_OF(subsidy), 0, {0}},
    [HYOKA_RECORD_RELATED] = {"関連事業", UNDER_PROJECT, FIELDS_OF(related), 0, {0}},
    [HYOKA_RECORD_ORGANIZATION] = {"その他担当組織", UNDER_PROJECT, FIELDS_OF(organization), 0, {0}},
    [HYOKA_RECORD_LINK] = {"目標のつながり", UNDER_PROJECT, FIELDS_OF(link), 0, {0}},
    [HYOKA_RECORD_FINDING] = {"指摘事項", UNDER_PROJECT, FIELDS_OF(finding), 0, {0}},
    [HYOKA_RECORD_REFLECTION] = {"反映額", UNDER_PROJECT, FIELDS_OF(reflection), 0, {0}},
};

_Static_assert(COUNT_OF(hyoka__record_kinds) == HYOKA__RECORD_KIND_COUNT, "a kind without a definition");
_Static_assert(COUNT_OF(budget) <= HYOKA__RECORD_MAX_FIELDS, "too many fields for a record's bits");
