/**
 * @file record.h
 * @brief Records: lists of typed fields that hang off a project (budget
 *        and execution by account, spending blocks, recipients and their
 *        contracts, policies, laws, findings...), as the national review
 *        sheets (行政事業レビュー, RS system) and many municipal sheets
 *        print them.
 *
 * One mechanism serves every kind of record, driven by one schema: each
 * ::hyoka_record_kind accepts its own fields (::hyoka_record_field), each
 * field has one ::hyoka_field_type, and a kind hangs either under a project
 * or under a record of one other kind (items under budgets, recipients
 * under blocks, contracts under recipients, expenses under blocks).
 * hyoka_record_field_type() and hyoka_record_kind_parent() answer the
 * schema at run time; names of kinds and fields come from hyoka_enum_name()
 * with ::HYOKA_ENUM_RECORD_KIND and ::HYOKA_ENUM_RECORD_FIELD.
 *
 * Ownership: a record is made by hyoka_project_add_record() or
 * hyoka_record_add_child() and belongs to that project or parent record;
 * callers borrow it, and it is freed with its owner (or by the matching
 * remove function). Copies and equality of projects include their records.
 *
 * Every field is in one of three states (::hyoka_field_state): missing
 * (never given: not 0), set, or not applicable (the sheet printed `-`).
 * Getters return 1 when the field is set, 0 when it is missing or not
 * applicable, and a negative status for bad arguments; their output is
 * untouched unless they return 1. A setter given a field its record's kind
 * does not have, or a value of another type, fails with ::HYOKA_EINVAL
 * naming the field and the kind, and changes nothing. Texts follow the
 * rules of project.h (UTF-8, copied; NULL makes the field missing).
 */
#ifndef HYOKA_RECORD_H
#define HYOKA_RECORD_H

#include "common.h"
#include "types.h"
#include "decimal.h"

HYOKA_BEGIN_DECLS

/**
 * Kinds of records, named by the member that holds them in hyoka/1 (a
 * project's member, or a record's for the kinds that hang under another
 * kind). Values are never renumbered; new kinds are appended.
 */
typedef enum hyoka_record_kind {
    HYOKA_RECORD_BUDGET = 0,              /**< "budgets": budget and execution of one budget year (予算・執行), by account; one without an account is the total row (合計). */
    HYOKA_RECORD_BUDGET_ITEM = 1,         /**< "items": a line of the budget by type and expenditure item (予算種別・歳出予算項目); under a budget. */
    HYOKA_RECORD_BLOCK = 2,               /**< "blocks": a spending block (支出先ブロック). */
    HYOKA_RECORD_RECIPIENT = 3,           /**< "recipients": a recipient (支出先) of a block; under a block. */
    HYOKA_RECORD_CONTRACT = 4,            /**< "contracts": a contract or payment to a recipient (契約); under a recipient. */
    HYOKA_RECORD_EXPENSE = 5,             /**< "expenses": an expense item and its use (費目・使途); under a block. */
    HYOKA_RECORD_FLOW = 6,                /**< "flows": money flowing into a block (支出ブロックのつながり). */
    HYOKA_RECORD_MULTIYEAR_CONTRACT = 7,  /**< "multiyear_contracts": a contract under a multi-year obligation (国庫債務負担行為等による契約). */
    HYOKA_RECORD_POLICY = 8,              /**< "policies": a policy and measure the project serves (政策・施策). */
    HYOKA_RECORD_LAW = 9,                 /**< "laws": a legal basis (根拠法令). */
    HYOKA_RECORD_PLAN = 10,               /**< "plans": a related plan or notice (関係する計画・通知等). */
    HYOKA_RECORD_SUBSIDY = 11,            /**< "subsidies": a subsidy rate (補助率等). */
    HYOKA_RECORD_RELATED = 12,            /**< "related": a related project (関連事業). */
    HYOKA_RECORD_ORGANIZATION = 13,       /**< "organizations": another organisation in charge (その他担当組織). */
    HYOKA_RECORD_LINK = 14,               /**< "links": a link of the logic model from one node to the next (目標のつながり). */
    HYOKA_RECORD_FINDING = 15,            /**< "findings": a finding of an earlier review or another body, and the response (指摘事項). */
    HYOKA_RECORD_REFLECTION = 16          /**< "reflections": an amount by which the review changed the budget request, by account (反映額). */
} hyoka_record_kind;

/** Types of record fields. */
typedef enum hyoka_field_type {
    HYOKA_TYPE_TEXT = 0,       /**< "text": UTF-8 text, kept exactly. */
    HYOKA_TYPE_MONEY = 1,      /**< "money": yen as int64_t (any sign); sums are overflow-checked. */
    HYOKA_TYPE_DECIMAL = 2,    /**< "decimal": an exact ::hyoka_decimal, written places kept. */
    HYOKA_TYPE_INTEGER = 3,    /**< "integer": a count or a number, int64_t ≥ 0. */
    HYOKA_TYPE_FLAG = 4,       /**< "flag": true or false (0 or 1). */
    HYOKA_TYPE_FISCAL_YEAR = 5 /**< "fiscal_year": a fiscal year, 1868..9999. */
} hyoka_field_type;

/** The state of a record field. */
typedef enum hyoka_field_state {
    HYOKA_STATE_MISSING = 0,       /**< "missing": never given (not 0). */
    HYOKA_STATE_SET = 1,           /**< "set": has a value. */
    HYOKA_STATE_NOT_APPLICABLE = 2 /**< "not_applicable": the sheet printed `-` (not for text fields, which keep what was printed). */
} hyoka_field_state;

/**
 * Fields of records, one enumeration for every kind: a kind accepts only
 * its own (hyoka_record_field_type() says which and with what type). The
 * names are the members of hyoka/1; the kinds that have a field and its
 * label on the national sheets follow. Values are never renumbered; new
 * fields are appended.
 */
typedef enum hyoka_record_field {
    HYOKA_FIELD_BUDGET_YEAR = 0,            /**< "budget_year" (fiscal year): budgets: 予算年度. */
    HYOKA_FIELD_ACCOUNT_TYPE = 1,           /**< "account_type" (text): budgets, reflections: 会計区分 (一般会計, 特別会計). */
    HYOKA_FIELD_ACCOUNT = 2,                /**< "account" (text): budgets, reflections: 会計. */
    HYOKA_FIELD_SUBACCOUNT = 3,             /**< "subaccount" (text): budgets, reflections: 勘定. */
    HYOKA_FIELD_INITIAL = 4,                /**< "initial" (money): budgets: 当初予算. */
    HYOKA_FIELD_SUPPLEMENTARY = 5,          /**< "supplementary" (money): budgets: 補正予算 (total of the supplementary budgets, as the total row prints it). */
    HYOKA_FIELD_SUPPLEMENTARY_1 = 6,        /**< "supplementary_1" (money): budgets: 第1次補正予算. */
    HYOKA_FIELD_SUPPLEMENTARY_2 = 7,        /**< "supplementary_2" (money): budgets: 第2次補正予算. */
    HYOKA_FIELD_SUPPLEMENTARY_3 = 8,        /**< "supplementary_3" (money): budgets: 第3次補正予算. */
    HYOKA_FIELD_SUPPLEMENTARY_4 = 9,        /**< "supplementary_4" (money): budgets: 第4次補正予算. */
    HYOKA_FIELD_SUPPLEMENTARY_5 = 10,       /**< "supplementary_5" (money): budgets: 第5次補正予算. */
    HYOKA_FIELD_CARRIED_IN = 11,            /**< "carried_in" (money): budgets: 前年度からの繰越し. */
    HYOKA_FIELD_RESERVE = 12,               /**< "reserve" (money): budgets: 予備費等 (total, as the total row prints it). */
    HYOKA_FIELD_RESERVE_1 = 13,             /**< "reserve_1" (money): budgets: 予備費等1. */
    HYOKA_FIELD_RESERVE_2 = 14,             /**< "reserve_2" (money): budgets: 予備費等2. */
    HYOKA_FIELD_RESERVE_3 = 15,             /**< "reserve_3" (money): budgets: 予備費等3. */
    HYOKA_FIELD_RESERVE_4 = 16,             /**< "reserve_4" (money): budgets: 予備費等4. */
    HYOKA_FIELD_APPROPRIATION = 17,         /**< "appropriation" (money): budgets: 歳出予算現額 (計). */
    HYOKA_FIELD_EXECUTION = 18,             /**< "execution" (money): budgets: 執行額. */
    HYOKA_FIELD_STATED_EXECUTION_RATE = 19, /**< "stated_execution_rate" (decimal): budgets: 執行率 as printed (a ratio, 0.70699). */
    HYOKA_FIELD_CARRIED_OUT = 20,           /**< "carried_out" (money): budgets: 翌年度への繰越し. */
    HYOKA_FIELD_REQUEST = 21,               /**< "request" (money): budgets, items: 翌年度要求額. */
    HYOKA_FIELD_PRIORITY_REQUEST = 22,      /**< "priority_request" (money): budgets: 要望額 (requested under a priority frame). */
    HYOKA_FIELD_CHANGE_REASON = 23,         /**< "change_reason" (text): budgets: 主な増減理由. */
    HYOKA_FIELD_SPECIAL_NOTES = 24,         /**< "special_notes" (text): budgets: その他特記事項. */
    HYOKA_FIELD_NOTES = 25,                 /**< "notes" (text): budgets, items: 備考; flows: 資金の流れの補足情報. */
    HYOKA_FIELD_BUDGET_TYPE = 26,           /**< "budget_type" (text): items: 予算種別 (当初予算, 第1次補正予算, 前年度から繰越し...). */
    HYOKA_FIELD_JURISDICTION = 27,          /**< "jurisdiction" (text): items: 所管. */
    HYOKA_FIELD_ORGANIZATION = 28,          /**< "organization" (text): items: 組織・勘定. */
    HYOKA_FIELD_ITEM = 29,                  /**< "item" (text): items: 項. */
    HYOKA_FIELD_SUB_ITEM = 30,              /**< "sub_item" (text): items: 目. */
    HYOKA_FIELD_ITEM_NOTE = 31,             /**< "item_note" (text): items: 歳出予算項目の補足情報. */
    HYOKA_FIELD_AMOUNT = 32,                /**< "amount" (money): items: 予算額; contracts, expenses: 金額; multi-year contracts: 契約額; reflections: 反映額. */
    HYOKA_FIELD_BLOCK = 33,                 /**< "block" (text): blocks, multi-year contracts: 支出先ブロック ("A", "B"...). */
    HYOKA_FIELD_NAME = 34,                  /**< "name" (text): blocks: 支出先ブロック名; recipients, expenses: 支出先名; multi-year contracts: 契約先名; laws: 法令名; plans: 計画通知名; related: 関連事業の事業名. */
    HYOKA_FIELD_RECIPIENT_COUNT = 35,       /**< "recipient_count" (integer): blocks: 支出先の数. */
    HYOKA_FIELD_ROLE = 36,                  /**< "role" (text): blocks: 事業を行う上での役割. */
    HYOKA_FIELD_TOTAL = 37,                 /**< "total" (money): blocks: ブロックの合計支出額; recipients: 支出先の合計支出額. */
    HYOKA_FIELD_CORPORATE_NUMBER = 38,      /**< "corporate_number" (text): recipients, expenses, multi-year contracts: 法人番号 (13 digits, kept as text). */
    HYOKA_FIELD_LOCATION = 39,              /**< "location" (text): recipients, multi-year contracts: 所在地. */
    HYOKA_FIELD_CORPORATE_TYPE = 40,        /**< "corporate_type" (text): recipients, multi-year contracts: 法人種別 (a code such as 301). */
    HYOKA_FIELD_OTHER = 41,                 /**< "other" (flag): recipients: その他支出先; contracts, multi-year contracts: その他の契約; findings: an other body's finding (その他の指摘事項) rather than an earlier review's. */
    HYOKA_FIELD_SUMMARY = 42,               /**< "summary" (text): contracts, expenses, multi-year contracts: 契約概要. */
    HYOKA_FIELD_METHOD = 43,                /**< "method" (text): contracts, multi-year contracts: 契約方式等 (一般競争契約（最低価格）, 随意契約（少額）...). */
    HYOKA_FIELD_METHOD_DETAIL = 44,         /**< "method_detail" (text): contracts, multi-year contracts: 具体的な契約方式等. */
    HYOKA_FIELD_BIDDERS = 45,               /**< "bidders" (integer): contracts, multi-year contracts: 入札者数 (応募者数). */
    HYOKA_FIELD_WINNING_BID_RATIO = 46,     /**< "winning_bid_ratio" (decimal): contracts, multi-year contracts: 落札率 (%). */
    HYOKA_FIELD_SINGLE_BID_REASON = 47,     /**< "single_bid_reason" (text): contracts, multi-year contracts: 一者応札・一者応募又は競争性のない随意契約となった理由及び改善策. */
    HYOKA_FIELD_COST_ITEM = 48,             /**< "cost_item" (text): expenses: 費目. */
    HYOKA_FIELD_USE = 49,                   /**< "use" (text): expenses: 使途. */
    HYOKA_FIELD_FROM_BLOCK = 50,            /**< "from_block" (text): flows: 支出元の支出先ブロック. */
    HYOKA_FIELD_FROM_NAME = 51,             /**< "from_name" (text): flows: 支出元の支出先ブロック名. */
    HYOKA_FIELD_FROM_ORGANIZATION = 52,     /**< "from_organization" (flag): flows: 担当組織からの支出. */
    HYOKA_FIELD_TO_BLOCK = 53,              /**< "to_block" (text): flows: 支出先の支出先ブロック. */
    HYOKA_FIELD_TO_NAME = 54,               /**< "to_name" (text): flows: 支出先の支出先ブロック名. */
    HYOKA_FIELD_INDIRECT_COST = 55,         /**< "indirect_cost" (text): flows: 国自らが支出する間接経費. */
    HYOKA_FIELD_INDIRECT_ITEM = 56,         /**< "indirect_item" (text): flows: 国自らが支出する間接経費の項目. */
    HYOKA_FIELD_INDIRECT_AMOUNT = 57,       /**< "indirect_amount" (money): flows: 国自らが支出する間接経費の金額. */
    HYOKA_FIELD_NUMBER = 58,                /**< "number" (integer): policies, laws, plans, subsidies, related, organizations: 番号. */
    HYOKA_FIELD_MINISTRY = 59,              /**< "ministry" (text): policies: 政策所管府省庁; organizations: 府省庁. */
    HYOKA_FIELD_POLICY = 60,                /**< "policy" (text): policies: 政策. */
    HYOKA_FIELD_MEASURE = 61,               /**< "measure" (text): policies: 施策. */
    HYOKA_FIELD_URL = 62,                   /**< "url" (text): policies: 政策・施策URL; plans: 計画通知等URL; subsidies: 補助率URL. */
    HYOKA_FIELD_LAW_NUMBER = 63,            /**< "law_number" (text): laws: 法令番号. */
    HYOKA_FIELD_LAW_ID = 64,                /**< "law_id" (text): laws: 法令ID. */
    HYOKA_FIELD_ARTICLE = 65,               /**< "article" (text): laws: 条. */
    HYOKA_FIELD_PARAGRAPH = 66,             /**< "paragraph" (text): laws: 項. */
    HYOKA_FIELD_SUBPARAGRAPH = 67,          /**< "subparagraph" (text): laws: 号・号の細分. */
    HYOKA_FIELD_TARGET = 68,                /**< "target" (text): subsidies: 補助対象. */
    HYOKA_FIELD_RATE = 69,                  /**< "rate" (text): subsidies: 補助率 (as printed: "1/2", "委託、2/3補助"...). */
    HYOKA_FIELD_LIMIT = 70,                 /**< "limit" (text): subsidies: 補助上限等. */
    HYOKA_FIELD_PROJECT_CODE = 71,          /**< "project_code" (text): related: 関連事業の事業ID. */
    HYOKA_FIELD_RELATION = 72,              /**< "relation" (text): related: 関連性. */
    HYOKA_FIELD_BUREAU = 73,                /**< "bureau" (text): organizations: 局・庁. */
    HYOKA_FIELD_DEPARTMENT = 74,            /**< "department" (text): organizations: 部. */
    HYOKA_FIELD_SECTION = 75,               /**< "section" (text): organizations: 課. */
    HYOKA_FIELD_OFFICE = 76,                /**< "office" (text): organizations: 室. */
    HYOKA_FIELD_TEAM = 77,                  /**< "team" (text): organizations: 班. */
    HYOKA_FIELD_GROUP = 78,                 /**< "group" (text): organizations: 係. */
    HYOKA_FIELD_FROM_NUMBER = 79,           /**< "from_number" (integer): links: 派生元の番号. */
    HYOKA_FIELD_FROM_KIND = 80,             /**< "from_kind" (text): links: 派生元の種別 (アクティビティ, アウトプット, アウトカム). */
    HYOKA_FIELD_FROM_TERM = 81,             /**< "from_term" (text): links: 派生元のアウトカムの期間. */
    HYOKA_FIELD_FROM_GOAL = 82,             /**< "from_goal" (text): links: 派生元のアクティビティの内容・活動目標・成果目標. */
    HYOKA_FIELD_FROM_INDICATOR = 83,        /**< "from_indicator" (text): links: 派生元の活動指標・成果指標. */
    HYOKA_FIELD_TO_NUMBER = 84,             /**< "to_number" (integer): links: 派生先の番号. */
    HYOKA_FIELD_TO_KIND = 85,               /**< "to_kind" (text): links: 派生先の種別. */
    HYOKA_FIELD_TO_TERM = 86,               /**< "to_term" (text): links: 派生先のアウトカムの期間. */
    HYOKA_FIELD_TO_GOAL = 87,               /**< "to_goal" (text): links: 派生先の活動目標・成果目標. */
    HYOKA_FIELD_TO_INDICATOR = 88,          /**< "to_indicator" (text): links: 派生先の活動指標・成果指標. */
    HYOKA_FIELD_CONNECTION = 89,            /**< "connection" (text): links: 後続アウトカムへのつながり. */
    HYOKA_FIELD_SINGLE_STAGE_REASON = 90,   /**< "single_stage_reason" (text): links: アウトカムを複数段階で設定できない理由. */
    HYOKA_FIELD_CATEGORY = 91,              /**< "category" (text): findings: 区分 (of an earlier review's finding). */
    HYOKA_FIELD_SURVEY = 92,                /**< "survey" (text): findings: 調査等の名称 (of an other body's finding). */
    HYOKA_FIELD_FISCAL_YEAR = 93,           /**< "fiscal_year" (fiscal year): findings: 取りまとめ年度, 指摘年度. */
    HYOKA_FIELD_CONTENT = 94,               /**< "content" (text): findings: 取りまとめ内容, 指摘内容. */
    HYOKA_FIELD_RESPONSE = 95               /**< "response" (text): findings: 対応状況. */
} hyoka_record_field;

/* ---- Schema ---- */

/**
 * The type of a field in a kind of record.
 * @param kind  a ::hyoka_record_kind.
 * @param field a ::hyoka_record_field.
 * @return the ::hyoka_field_type; ::HYOKA_ENOTFOUND when @p kind has no
 *         such field; ::HYOKA_EINVAL for an unknown kind or field.
 */
HYOKA_API int hyoka_record_field_type(int kind, int field);

/**
 * Where records of a kind hang.
 * @param kind   a ::hyoka_record_kind.
 * @param parent receives the kind of record they hang under, or
 *               ::HYOKA_UNSET when they hang under a project.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (unknown kind, NULL @p parent).
 */
HYOKA_API int hyoka_record_kind_parent(int kind, int *parent);

/* ---- Records of a project ---- */

/**
 * Append a record to a project.
 * @param kind a ::hyoka_record_kind that hangs under a project.
 * @param out  receives the record (every field missing), owned by
 *             @p project; may be NULL.
 * @param project the project.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL, unknown kind, or a kind that
 *         hangs under another record), ::HYOKA_ENOMEM (nothing added).
 */
HYOKA_API int hyoka_project_add_record(hyoka_project *project, int kind, hyoka_record **out);

/** Number of a project's records of @p kind, a ::hyoka_record_kind (0 for NULL or a bad kind). */
HYOKA_API size_t hyoka_project_record_count(const hyoka_project *project, int kind);

/** A project's record of @p kind (a ::hyoka_record_kind) at @p index (in order of adding), borrowed; NULL when out of range. */
HYOKA_API hyoka_record *hyoka_project_record_at(const hyoka_project *project, int kind, size_t index);

/**
 * Remove and free a project's record of @p kind (a ::hyoka_record_kind) at @p index (with its child records); later ones move up.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND (index out of range).
 */
HYOKA_API int hyoka_project_remove_record(hyoka_project *project, int kind, size_t index);

/* ---- Child records ---- */

/**
 * Append a child record (an item to a budget, a recipient or an expense to
 * a block, a contract to a recipient).
 * @param kind a ::hyoka_record_kind that hangs under @p record's kind.
 * @param out  receives the child, owned by @p record; may be NULL.
 * @param record the parent record.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL, unknown kind, or a kind that
 *         does not hang under @p record's kind), ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_record_add_child(hyoka_record *record, int kind, hyoka_record **out);

/** Number of a record's children of @p kind, a ::hyoka_record_kind (0 for NULL or a bad kind). */
HYOKA_API size_t hyoka_record_child_count(const hyoka_record *record, int kind);

/** A record's child of @p kind (a ::hyoka_record_kind) at @p index, borrowed; NULL when out of range. */
HYOKA_API hyoka_record *hyoka_record_child_at(const hyoka_record *record, int kind, size_t index);

/** Remove and free the child of @p kind (a ::hyoka_record_kind) at @p index (with its own children). @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_record_remove_child(hyoka_record *record, int kind, size_t index);

/**
 * The kind (::hyoka_record_kind) of a record; ::HYOKA_EINVAL for NULL.
 * (Named `_of` because C gives the enumeration's name to its type.)
 */
HYOKA_API int hyoka_record_kind_of(const hyoka_record *record);

/** The record @p record hangs under, borrowed; NULL for a project's own record (or NULL). */
HYOKA_API hyoka_record *hyoka_record_parent(const hyoka_record *record);

/** The project @p record belongs to (through its parent records), borrowed; NULL for NULL. */
HYOKA_API hyoka_project *hyoka_record_project(const hyoka_record *record);

/* ---- Fields ----
 * In every function below, @p field is a ::hyoka_record_field of the
 * record's kind (hyoka_record_field_type() says which type it has).
 */

/**
 * The state of a field (::hyoka_field_state).
 * @return the state, or ::HYOKA_EINVAL (NULL, or a field the kind does not have).
 */
HYOKA_API int hyoka_record_field_state(const hyoka_record *record, int field);

/**
 * Mark a field not applicable (the sheet printed `-`): distinct from
 * missing and from any value. Not for text fields, which keep the text as
 * printed.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL, a field of another kind, a text field).
 */
HYOKA_API int hyoka_record_set_not_applicable(hyoka_record *record, int field);

/** Make a field missing, whatever its type. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_record_clear(hyoka_record *record, int field);

/**
 * Set a text field.
 * @param text UTF-8, copied; NULL makes the field missing.
 * @param len  its length in bytes, or ::HYOKA_NTS.
 * @param record the record.
 * @param field a ::hyoka_record_field of type text in the record's kind.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ELIMIT,
 *         ::HYOKA_ENOMEM (unchanged on failure).
 */
HYOKA_API int hyoka_record_set_text(hyoka_record *record, int field, const char *text, size_t len);

/** A text field, borrowed from the record; NULL when missing or on bad arguments. */
HYOKA_API const char *hyoka_record_text(const hyoka_record *record, int field);

/** Set a money field, in yen (any sign). @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_record_set_money(hyoka_record *record, int field, int64_t yen);

/** Read a money field in yen. @return 1 set, 0 missing or not applicable, ::HYOKA_EINVAL. */
HYOKA_API int hyoka_record_money(const hyoka_record *record, int field, int64_t *out);

/**
 * Set a decimal field.
 * @param value the value (copied), with its places; NULL makes the field missing.
 * @param record the record.
 * @param field a ::hyoka_record_field of type decimal in the record's kind.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL (also for a malformed decimal).
 */
HYOKA_API int hyoka_record_set_decimal(hyoka_record *record, int field, const hyoka_decimal *value);

/** Read a decimal field. @return 1 set, 0 missing or not applicable, ::HYOKA_EINVAL. */
HYOKA_API int hyoka_record_decimal(const hyoka_record *record, int field, hyoka_decimal *out);

/** Set an integer field (a count or a number, ≥ 0). @return ::HYOKA_OK or ::HYOKA_EINVAL (also for a negative value). */
HYOKA_API int hyoka_record_set_integer(hyoka_record *record, int field, int64_t value);

/** Read an integer field. @return 1 set, 0 missing or not applicable, ::HYOKA_EINVAL. */
HYOKA_API int hyoka_record_integer(const hyoka_record *record, int field, int64_t *out);

/** Set a flag field: nonzero is true, 0 false. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_record_set_flag(hyoka_record *record, int field, int value);

/** Read a flag field into @p out (0 or 1). @return 1 set, 0 missing or not applicable, ::HYOKA_EINVAL. */
HYOKA_API int hyoka_record_flag(const hyoka_record *record, int field, int *out);

/** Set a fiscal-year field (1868..9999). @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE. */
HYOKA_API int hyoka_record_set_fiscal_year(hyoka_record *record, int field, int32_t fiscal_year);

/** Read a fiscal-year field. @return 1 set, 0 missing or not applicable, ::HYOKA_EINVAL. */
HYOKA_API int hyoka_record_fiscal_year(const hyoka_record *record, int field, int32_t *out);

/* ---- Extensions ---- */

/**
 * Set an extension of a record: a string any reader or ledger can attach
 * (the RS reader keeps columns it does not know here, keyed by their
 * header), preserved exactly. As hyoka_project_set_extension().
 * @param key   UTF-8, non-empty.
 * @param value UTF-8; NULL removes the key.
 * @param record the record.
 * @param key_len length of @p key in bytes, or ::HYOKA_NTS.
 * @param value_len length of @p value in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ELIMIT, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_record_set_extension(hyoka_record *record, const char *key, size_t key_len,
                                         const char *value, size_t value_len);

/** The value of an extension key, borrowed; NULL when absent. */
HYOKA_API const char *hyoka_record_extension(const hyoka_record *record, const char *key, size_t key_len);

/** Number of a record's extensions. */
HYOKA_API size_t hyoka_record_extension_count(const hyoka_record *record);

/**
 * Read the extension at @p index (insertion order). Outputs may be NULL and
 * receive borrowed strings.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND.
 */
HYOKA_API int hyoka_record_extension_at(const hyoka_record *record, size_t index, const char **key,
                                        const char **value);

/* ---- Figures ---- */

/**
 * Compute a figure of a record, exactly, rounded once by the rule in force
 * for it (the project's portfolio's rounding, else the default):
 * - UNSPENT (不用額) of a budget: appropriation − execution − carried_out,
 *   in yen.
 * - APPROPRIATION_RATE (執行率) of a budget: execution ÷ appropriation, a
 *   ratio (default 5 places, half up: 0.70699).
 * - ACCOUNT_SHARE of a budget with an account: its appropriation ÷ the
 *   appropriation of the total row (the project's budget of the same
 *   budget year without an account) × 100.
 * - SINGLE_BIDDER_SHARE and NONCOMPETITIVE_SHARE of a block: the amounts
 *   of its contracts (those of all its recipients, counting those with an
 *   amount) with one bidder, or made by a non-competitive method (a 随意契約
 *   other than 企画競争 and 公募), ÷ the amounts of all of them × 100.
 * A missing or not-applicable operand makes the figure unavailable, never 0.
 *
 * @param record the record.
 * @param figure a ::hyoka_figure from UNSPENT to NONCOMPETITIVE_SHARE
 *               (others are unavailable: ::HYOKA_REASON_NOT_A_FIGURE).
 * @param out    receives the figure; unchanged unless ::HYOKA_OK.
 * @param reason receives ::HYOKA_REASON_NONE or why the figure is
 *               unavailable (::hyoka_reason); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EUNAVAILABLE, ::HYOKA_ERANGE (overflow),
 *         ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_record_figure(const hyoka_record *record, int figure, hyoka_decimal *out, int *reason);

HYOKA_END_DECLS

#endif /* HYOKA_RECORD_H */
