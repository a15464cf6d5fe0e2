/*
 * The four seed sheets, built by tests/seeds.c, read back field by field.
 *
 * The expected values below are this file's own transcription of the
 * sheets (in yen and exact decimals as the model holds them), not the
 * builders' constants: every field the builders set is compared with it,
 * every field they leave alone must read back as missing (so that missing
 * and zero are told apart), and every count (years, staff lines,
 * indicators, values, evaluations, answers, comments, goals, children,
 * extensions, schemes) must match. Copies made with hyoka_portfolio_copy()
 * and hyoka_project_copy() must be equal and read back the same.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyoka/hyoka.h>

#include "failalloc.h"
#include "seeds.h"


#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define NTS HYOKA_NTS
#define K HYOKA_UNIT_THOUSAND_YEN
#define Y HYOKA_UNIT_YEN
#define NO_DENOM INT64_MIN

#define PROJECT_TEXTS (HYOKA_TEXT_ACTIVITIES_PLANNED + 1)
#define COST_FIELDS (HYOKA_COST_HOUSEHOLDS + 1)
#define YEAR_FIGURES (HYOKA_FIG_TOTAL_COST_CHANGE + 1)
#define FIGURES (HYOKA_FIG_SCORE + 1)
#define STAFF_FIELDS (HYOKA_STAFF_AMOUNT + 1)
#define INDICATOR_TEXTS (HYOKA_INDICATOR_LONG_TERM_NOTE + 1)
#define VALUE_FIELDS (HYOKA_VALUE_STATED_ACHIEVEMENT + 1)
#define EVAL_TEXTS (HYOKA_EVAL_BUDGET + 1)

/* ------------------------------------------------------------------------ */
/* Expected values: the shapes                                               */

/* A stated figure: the number as printed and its unit; value NULL = not stated. */
typedef struct {
    const char *value;
    int unit;
} exp_stated;

/* A staff line, indexed by hyoka_staff_field: decimals as written
 * ("0.30"), money as whole yen in decimal ("8400000"); NULL = missing. */
typedef struct {
    int category;
    const char *f[STAFF_FIELDS];
} exp_staff;

/* A cost year: v[] indexed by hyoka_cost_field (yen or counts in decimal,
 * NULL = missing), stated[] indexed by hyoka_figure. */
typedef struct {
    int32_t fiscal_year;
    int phase;
    const char *v[COST_FIELDS];
    exp_stated stated[YEAR_FIGURES];
    size_t nstaff;
    exp_staff staff[2];
} exp_year;

/* One fiscal year of an indicator, indexed by hyoka_value_field. */
typedef struct {
    int32_t fiscal_year;
    const char *v[VALUE_FIELDS];
} exp_value;

typedef struct {
    int kind, direction, not_settable;
    const char *text[INDICATOR_TEXTS];
    const char *long_term; /* NULL = missing */
    int32_t long_term_year;
    size_t nvalues;
    exp_value values[5];
} exp_indicator;

/* Key-value lists end at the first NULL key. */
typedef struct {
    const char *key, *value;
} exp_kv;

typedef struct {
    const char *what, *level;
    int32_t by;
} exp_goal;

typedef struct {
    int stage;
    int32_t fiscal_year, date;
    const char *text[EVAL_TEXTS];
    int expected_outcome, expected_cost;
    exp_kv answers[8];
    exp_kv comments[12];
    size_t ngoals;
    exp_goal goals[2];
} exp_evaluation;

/* Classification levels end at the first all-NULL entry. */
typedef struct {
    const char *level, *code, *name;
} exp_class;

typedef struct exp_project {
    const char *text[PROJECT_TEXTS];
    int duty, period;
    int32_t start, end;
    exp_class policy[6], account[6];
    const exp_year *years;
    size_t nyears;
    const exp_indicator *indicators;
    size_t nindicators;
    const exp_evaluation *evaluations;
    size_t nevaluations;
    exp_kv extensions[16];
    const struct exp_project *children;
    size_t nchildren;
} exp_project;

typedef struct {
    const char *code, *label, *score;
} exp_option;

typedef struct {
    const char *code, *label, *weight;
    size_t noptions;
    exp_option options[3];
} exp_criterion;

typedef struct {
    const char *code, *label;
    int group;
} exp_verdict;

typedef struct {
    const char *id, *name;
    size_t ncriteria;
    exp_criterion criteria[4];
    size_t nverdicts;
    exp_verdict verdicts[7];
} exp_scheme;

typedef struct {
    int32_t fiscal_year;
    int64_t population, households; /* NO_DENOM = missing */
} exp_denominator;

typedef struct {
    int set, places, mode, unit;
} exp_rounding;

typedef struct {
    const char *label;
    const char *municipality_name, *municipality_code;
    int amount_unit;
    int64_t tolerance;
    size_t ndenominators;
    exp_denominator denominators[2];
    exp_rounding rounding[FIGURES]; /* indexed by hyoka_figure; set 0 = default */
    const exp_scheme *schemes;
    size_t nschemes;
    const exp_project *project;
} exp_portfolio;

/* ------------------------------------------------------------------------ */
/* Expected values: the texts as printed                                     */

#define X1_PURPOSE \
    "情報資産に関する脅威や対処方法を職員一人ひとりに理解してもらい、セキュリティ意識を向上させる。 結果として、市全体としてのセキュリティレベルを向上させる。"
#define X1_TARGET \
    "保育士、現業職を除く課長級以下の職員 (eラーニングについては消防、医療センター、水道部は対象外)"
#define X1_BACKGROUND \
    "情報漏えい事件の8割は人的原因によるとの報告もあり、また、市では多くの個人情報のみならず、行政運営上重要な情報も保持していることから、職員一人ひとりの情報資産に対するセキュリティ意識を向上させる必要がある。"
#define X1_ACTIVITIES \
    "■eラーニングについて\n" \
    "①情報統計課にてeラーニング受講対象者を選定する(毎月40人~100人程度)\n" \
    "②情報統計課にて受講対象者情報をeラーニングシステムに登録する\n" \
    "③情報統計課にて受講決定通知を作成し、各課へ送付する\n" \
    "④受講対象者はeラーニングを実施する(受講期間は2ヶ月間)\n" \
    "⑤情報統計課にて受講期限間近にシステムにて受講状況を確認し、各所属長宛に未実施者の受講催促を行う。\n" \
    "※このほか、外部派遣講師による情報セキュリティ研修や各種通知等による、セキュリティレベルの向上に向けた取り組みもしている。"
#define X1_USAGE_DEF \
    "eラーニングの受講決定通知を送付した職員数+外部派遣講師による研修会に参加した人数(累積)"
#define X1_OUTCOME_DEF \
    "eラーニングまたは外部派遣講師による研修会の参加者数(累積)/保育士、現業職を除く課長級以下の職員(約1800人)"
#define X1_IMPROVED \
    "eラーニングの研修終了報告書をブラウザにて作成するようにした。それにより、理解度や意見等をシステムにて分析・管理することが可能となり、当課職員の作業負担を軽減できた。"
#define X1_ISSUES \
    "保育士・消防職員・医療センター職員・水道部職員へ対象を拡大する。"
#define X1_GOAL1_WHAT \
    "eラーニングによる情報セキュリティ研修を完了する。"
#define X1_GOAL1_LEVEL \
    "対象となる職員すべてに受講通知を行う。"
#define X1_GOAL2_WHAT \
    "情報セキュリティ実施手順の各所属への浸透を図る。"
#define X1_GOAL2_LEVEL \
    "全ての所属より、実施手順を作成・提出してもらう。 情報セキュリティセルフチェックを実施してもらう。"
#define X1_REASON \
    "eラーニングについては未受講職員がいなくなり、また、リースが終了することから事業を縮小する。今後はLASDECが無償で提供するeラーニングが活用できるか検討する。 ②情報セキュリティ実施手順については職員への周知の徹底や、セルフチェック等による実施状況の確認などを行う。 ③外部派遣講師による研修は、現在LASDECから無償で派遣してもらっているが、今後は派遣が困難になる可能性があり、職員が講師を務めることも検討する。"
#define X2_LEGAL \
    "個人情報保護条例(平成15年8月1日施行)、情報セキュリティポリシー"
#define X2_TARGET \
    "市が保有する個人情報"
#define X2_PURPOSE \
    "市が保有する行政情報及び市民の個人情報を適正に管理し保護するため、必要な対策を講じる。 ○情報セキュリティポリシーの運用 ○セキュリティ研修実施等による職員意識の啓発"
#define X2_DONE \
    "○情報公開・個人情報保護審査会を随時開催し、個人情報保護に係る重要事項の審議等を行った。 ○社会保障・税番号制度に合わせた個人情報保護条例の改正を行い、関連規程等についても改定を行った。 ○最新の状況に対応すべく、情報セキュリティポリシーの改定を行った。 ○セキュリティ研修を実施し職員における個人情報の適正な取扱いを啓蒙した。 ○道警との連携によるセキュリティ講習会を開催し、サイバー攻撃等に対する職員の意識を高めた。 ○各種情報事故についてまとめたセキュリティニュースを掲示し、セキュリティ意識の啓発に努めた。"
#define X2_PLANNED \
    "○最新のセキュリティポリシーに合わせた運用を具体化し、順次実施する。 ○職員向けセキュリティ研修やセキュリティニュースの掲示等を継続し、引き続きセキュリティ意識の維持向上に努める。"
#define X2_PLAN_CELL \
    "最新セキュリティポリシーの運用の順次実施 セキュリティ研修の実施 関連書籍等の購入"
#define X2_PREV_DIRECTION \
    "現状継続とする。"
#define X2_PRIMARY_DIRECTION \
    "個人情報保護条例の制定と運用、情報セキュリティポリシーの制定と運用、社会保障と税番号制度への対応などを行い、経常的な運用の段階に入っているため、政策事業としては終了する。"
#define X2_SECONDARY_DIRECTION \
    "引き続き個人情報を適正に管理し、保護すること。"
#define X2_RELEVANCE \
    "市が保有する個人情報情報は市民全体の情報資産であり、これを守る社会的責務が市に課せられているとともに市民のプライバシー保護を図る上で必要な事務事業である。"
#define X2_ACHIEVEMENT \
    "市の保有する個人情報について開示、訂正、利用停止等の請求権を確保し、市民の自己情報コントロール権を尊重する個人情報保護制度は、市民の権利・利益を守るため有効に機能している。"
#define X2_IMPROVEMENT \
    "個人情報を漏えいなどの事故から守るためには、制度やシステムの整備、情報を取り扱う職員のセキュリティ意識醸成・向上といった地道な施策が必要であり、大きく成果を向上させる代替策などは難しい。"
#define X2_ECONOMY \
    "条例等に基づいた個人情報開示請求の事務を行っており、人的な負担を減らすことは難しい。また、セキュリティを維持するための継続的な啓発は必須であり、現状規模程度の職員向けのセキュリティ研修も必要と考える。"
#define X3_PURPOSE \
    "行政サービス、内部事務を実施するための情報システムにおける、情報の漏えい・改ざんや非常時のデータの保持等への安全対策を実施することで、安全、安心な市民サービスの提供と情報資産の安全の確保を図る。"
#define X3_GOAL \
    "情報喪失、情報漏えい等の事故の発生を防止、情報システムの安全な運用を図る。"
#define X3_REASON \
    "技術的・人的なセキュリティ対策を予定どおりに実施できた。"
#define X3_CONTRIBUTION_BASIS \
    "市民サービスの提供及び行政事務の基盤である電算システムに対する脅威に対応するためには、セキュリティ確保は必要不可欠であり、予定どおり安全対策が推進できている。"
#define X3_DIRECTION \
    "情報喪失や情報漏えいなどが発生しないよう技術的、人的な対策について、引き続き取組みを図る。"
#define X3_CHILD_PURPOSE \
    "情報システムにおける、技術的・人的な安全対策を実施することで、安全、安心な市民サービスの提供と情報資産の安全の確保を図る。"
#define X3_CHILD_GOAL \
    "情報喪失、情報漏えい事故の発生を防止、情報システムの安全な運用を図る。"
#define X3_CHILD_DIRECTION \
    "技術的な対策については、限られた予算、人員の中で、費用対効果が最適となるよう、より最新の技術動向に即した取組みやデータの遠隔地などへのバックアップに引き続き取り組む。人的な対策については、定期的な職員研修とともに、啓発の取組みを着実に継続する。"
#define X3_CHILD_TARGET \
    "庁内組織、職員、委託先等"
#define X3_DONE \
    "1. 情報セキュリティの推進\n" \
    "行政サービスや内部事務を実施するための情報システムにおいて、情報の漏えい・改ざん防止対策や、非常時のデータの保持等への安全対策を実施することで、安全、安心な市民サービスの提供と情報資産の安全の確保に努めた。"
#define X3_CHILD_DONE \
    "1. 情報セキュリティ対策の推進\n" \
    "人的な対策として、定期的なパスワード変更を行うとともに、情報セキュリティについての全庁的な研修やeラーニング※、異動時期や年末年始におけるパソコンなどの取り扱いについての注意喚起など、職員への啓発を実施した。\n" \
    "技術的な対策として、情報機器へのウイルス対策ソフトの適用や安全な設定更新に努めるとともに、ファイアウォール※やメール、インターネット接続関連機器の更新を行い、セキュリティ強化を図った。\n" \
    "※ eラーニング…主にインターネットを利用して、パソコン等で行う学習形態のこと\n" \
    "※ ファイアウォール…組織内のコンピュータネットワークへ外部から侵入されるのを防ぐ装置\n" \
    "2. 電算データの退避及びバックアップの実施\n" \
    "データの消滅防止を図るとともに、事故や災害発生時の被害を最小限に抑えるため、住民情報システム、財務会計システム、文書管理システム、ファイルサーバなどにおいて日々データのバックアップを実施したほかそれらを定期的に遠隔地へ保管するなどの対策を行った。\n" \
    "3. 使用済み記録媒体の適正な処分\n" \
    "不要となったCD-ROMなど、記録媒体の廃棄物からの情報漏えいを防ぐため、専門の事業者へ委託し、市で不要となった記録媒体を適正に廃棄処分した。"
#define X4_SUMMARY \
    "情報セキュリティポリシーは、本市が所管する情報資産の「機密性」「完全性」及び「可用性」を確保するため、通信ネットワークを介しての様々な脅威に対する抑止、予防、検知及び回復について、組織的かつ計画的に取り組むための統一の方針であり、ポリシーを実践するに当たっての基本的な考えと方策を定めている。本市では当該ポリシーを平成15年3月1日付で制定・施行した。\n" \
    "平成20年度に合併に併せ現状のポリシーを見直し、新たにセキュリティポリシーを改訂した。\n" \
    "また平成24年度には、ガイドラインの改正に伴い、災害対応等の追記、組織体制の変更等の一部改正、平成27年度には、社会保障・税番号制度の導入に伴う総務省ガイドラインの改定にあわせて情報セキュリティに関する統一の窓口の設置等の一部改定を行った。"
#define X4_DONE \
    "・総務省セキュリティポリシーの見直しに伴い真岡市セキュリティポリシーの見直しを実施 ・セキュリティ研修の実施（新規採用職員、全職員、管理職向け）"
#define X4_PLANNED \
    "・新しいセキュリティポリシーに関する研修の実施（新規採用職員、全職員、管理職向け）"
#define X4_TARGET \
    "本市の所有する情報資産、真岡市職員数"
#define X4_INTENT \
    "・職員に情報セキュリティポリシーの内容を周知し、その取扱いについて適正に処理できるようにする。 ・セキュリティポリシーの内容に、事務処理上で矛盾が生じていないかを定期的にチェックし最適な運用を確保する。"
#define X4_RESULT \
    "ネットワークを安全に利用できる運用体制を整備し、信頼性の高い情報システムを構築する。"
#define X4_BACKGROUND \
    "本市の情報化を推進するうえで、成文化した情報セキュリティに関する指針が必要となった。"
#define X4_ENVIRONMENT \
    "情報通信機器の利用に関するセキュリティ対策については、電子計算組織管理運営要綱（昭和61年8月19日施行）や個人情報保護条例（平成11年3月26日施行）により対応してきた。\n" \
    "その後、住民基本台帳ネットワーク運用に対応した、緊急時対応計画・管理規定（平成14年7月23日施行）を作成した。しかし、従来のままの規定では内容に不備な部分があり、組織として意思統一され、成文化した情報セキュリティポリシーの策定、及びリスク分析による実施手順に沿った適正な運用が必要となった。\n" \
    "また、ネットワークが複雑化・多様化し、外部からの不正侵入やコンピュータウイルス、内部からの情報漏洩に対応するため、精度の高い対策が必要となった。\n" \
    "平成27年度に社会保障・税番号制度が導入され、平成28年1月から順次、個人番号の利用が開始されたことに伴い、更に強靱なネットワークの構築が求められ、ネットワーク分離を実施した。"
#define X4_OPINIONS \
    "セキュリティポリシーを策定しただけで安心するのではなく、その内容を理解して、指針に沿った運用ができるよう徹底する必要がある。（電算担当者）"

/* ------------------------------------------------------------------------ */
/* Seed 001: 所沢市 010802                                                    */

static const exp_year s1_years[] = {
    {2006, HYOKA_PHASE_SETTLED,
     {[HYOKA_COST_INITIAL_BUDGET] = "0", [HYOKA_COST_SETTLEMENT] = "0", [HYOKA_COST_GENERAL] = "12236000",
      [HYOKA_COST_USAGE] = "166"},
     {[HYOKA_FIG_TOTAL_COST] = {"12236", K}, [HYOKA_FIG_PER_CAPITA] = {"36.2", Y},
      [HYOKA_FIG_UNIT_COST] = {"73710.8", Y}},
     1, {{HYOKA_CATEGORY_REGULAR, {[HYOKA_STAFF_FTE] = "1.33", [HYOKA_STAFF_AMOUNT] = "12236000"}}}},
    {2007, HYOKA_PHASE_SETTLED,
     {[HYOKA_COST_INITIAL_BUDGET] = "0", [HYOKA_COST_SETTLEMENT] = "0", [HYOKA_COST_GENERAL] = "16627000",
      [HYOKA_COST_USAGE] = "1054"},
     {[HYOKA_FIG_TOTAL_COST] = {"16627", K}, [HYOKA_FIG_PER_CAPITA] = {"49.0", Y},
      [HYOKA_FIG_UNIT_COST] = {"15775.5", Y}},
     1, {{HYOKA_CATEGORY_REGULAR, {[HYOKA_STAFF_FTE] = "1.77", [HYOKA_STAFF_AMOUNT] = "16627000"}}}},
    {2008, HYOKA_PHASE_BUDGET, {[HYOKA_COST_INITIAL_BUDGET] = "0", [HYOKA_COST_GENERAL] = "0"}, {{NULL, 0}}, 0,
     {{0, {NULL}}}},
};

static const exp_indicator s1_indicators[] = {
    {HYOKA_KIND_TARGET, HYOKA_UNSET, 0, {[HYOKA_INDICATOR_NAME] = "対象数", [HYOKA_INDICATOR_UNIT] = "人"}, NULL, 0, 2,
     {{2006, {[HYOKA_VALUE_ACTUAL] = "1800"}}, {2007, {[HYOKA_VALUE_ACTUAL] = "1800"}}}},
    {HYOKA_KIND_ACTIVITY, HYOKA_UNSET, 0,
     {[HYOKA_INDICATOR_NAME] = "eラーニング受講対象者数", [HYOKA_INDICATOR_UNIT] = "人",
      [HYOKA_INDICATOR_DEFINITION] = "受講通知を送付した人数の合計", [HYOKA_INDICATOR_LONG_TERM_NOTE] = "未定"},
     NULL, 0, 3,
     {{2006, {[HYOKA_VALUE_ACTUAL] = "42"}}, {2007, {[HYOKA_VALUE_ACTUAL] = "819"}},
      {2008, {[HYOKA_VALUE_FORECAST] = "400"}}}},
    {HYOKA_KIND_ACTIVITY, HYOKA_UNSET, 0,
     {[HYOKA_INDICATOR_NAME] = "外部派遣講師による研修会", [HYOKA_INDICATOR_UNIT] = "人",
      [HYOKA_INDICATOR_DEFINITION] = "研修会の参加人数", [HYOKA_INDICATOR_LONG_TERM_NOTE] = "年60~120人程度"},
     NULL, 0, 2, {{2006, {[HYOKA_VALUE_ACTUAL] = "124"}}, {2007, {[HYOKA_VALUE_ACTUAL] = "69"}}}},
    {HYOKA_KIND_OUTCOME, HYOKA_DIRECTION_INCREASE, 0,
     {[HYOKA_INDICATOR_NAME] = "情報セキュリティ研修受講率", [HYOKA_INDICATOR_UNIT] = "%",
      [HYOKA_INDICATOR_DEFINITION] = X1_OUTCOME_DEF},
     NULL, 0, 3,
     {{2006, {[HYOKA_VALUE_TARGET] = "10", [HYOKA_VALUE_ACTUAL] = "9", [HYOKA_VALUE_STATED_ACHIEVEMENT] = "90.0"}},
      {2007, {[HYOKA_VALUE_TARGET] = "60", [HYOKA_VALUE_ACTUAL] = "59", [HYOKA_VALUE_STATED_ACHIEVEMENT] = "98.3"}},
      {2008, {[HYOKA_VALUE_TARGET] = "80"}}}},
};

static const exp_evaluation s1_evaluations[] = {
    {HYOKA_STAGE_SECONDARY, 2007, 0,
     {[HYOKA_EVAL_SCHEME] = "jp-standard", [HYOKA_EVAL_VERDICT] = "improve", [HYOKA_EVAL_BUDGET] = "status_quo"},
     HYOKA_UNSET, HYOKA_UNSET, {{NULL, NULL}}, {{"improvements", X1_IMPROVED}}, 0, {{NULL, NULL, 0}}},
    {HYOKA_STAGE_PRIMARY, 2008, 20080515,
     {[HYOKA_EVAL_EVALUATOR] = "情報統計課長 小山 一", [HYOKA_EVAL_SCHEME] = "jp-standard",
      [HYOKA_EVAL_VERDICT] = "improve", [HYOKA_EVAL_BUDGET] = "status_quo"},
     HYOKA_UNSET, HYOKA_UNSET, {{NULL, NULL}},
     {{"target_review", "対象を拡大する"},
      {"implementer", "市"},
      {"implementer_review", "無"},
      {"integration", "類似事業がない"},
      {"user_charge", "無"},
      {"user_charge_review", "無"},
      {"issues", X1_ISSUES},
      {"reason", X1_REASON}},
     2, {{X1_GOAL1_WHAT, X1_GOAL1_LEVEL, 20081200}, {X1_GOAL2_WHAT, X1_GOAL2_LEVEL, 20090200}}},
};

static const exp_project s1_project = {
    {[HYOKA_TEXT_CODE] = "010802", [HYOKA_TEXT_NAME] = "情報セキュリティ対策推進事業",
     [HYOKA_TEXT_DEPARTMENT] = "総合政策部", [HYOKA_TEXT_SECTION] = "情報統計課",
     [HYOKA_TEXT_GROUP] = "情報推進・汎用機グループ", [HYOKA_TEXT_PHONE] = "2998-9036",
     [HYOKA_TEXT_PURPOSE] = X1_PURPOSE, [HYOKA_TEXT_TARGET] = X1_TARGET, [HYOKA_TEXT_BACKGROUND] = X1_BACKGROUND,
     [HYOKA_TEXT_ACTIVITIES_DONE] = X1_ACTIVITIES},
    HYOKA_DUTY_AUTONOMOUS, HYOKA_UNSET, 2003, 0,
    {{"政策", "8", "計画の推進に向け"},
     {"施策", "1", "市民との協働"},
     {"中柱", "3", "行政サービスの向上"},
     {"小柱", "1", "個人情報保護対策の充実"}},
    {{"会計", NULL, "一般会計"}},
    s1_years, LEN(s1_years), s1_indicators, LEN(s1_indicators), s1_evaluations, LEN(s1_evaluations),
    {{"部課コード", "010800"},
     {"分野別計画・指針", "所沢市電子市役所推進アクションプランⅡ\n所沢市情報セキュリティ基本方針"},
     {"H19市民意識調査における施策の順位", "43施策中 12 位"},
     {"実施計画における位置づけ", "H19 ○ H20 ○"},
     {"行政改革大綱における行動計画への位置づけ", "3411 電子市役所アクションプランⅢの策定"},
     {"利用数の考え方", X1_USAGE_DEF},
     {"二次評価実施の有無", "無し"},
     {"環境基本計画における位置づけ", "無し"},
     {"次世代育成支援行動計画における位置づけ", "無し"}},
    NULL, 0,
};

static const exp_portfolio s1_portfolio = {
    "seed 001", "所沢市", "112089", HYOKA_UNIT_THOUSAND_YEN, 0,
    2, {{2006, 338000, NO_DENOM}, {2007, 339300, NO_DENOM}},
    {{0, 0, 0, 0}}, NULL, 0, &s1_project,
};

/* ------------------------------------------------------------------------ */
/* Seed 002: 00832                                                           */

#define S2_FUNDING(general) \
    [HYOKA_COST_NATIONAL] = "0", [HYOKA_COST_PREFECTURAL] = "0", [HYOKA_COST_BONDS] = "0", \
    [HYOKA_COST_OTHER] = "0", [HYOKA_COST_GENERAL] = general
#define S2_STAFF                                                                                            \
    {{HYOKA_CATEGORY_REGULAR,                                                                                  \
      {[HYOKA_STAFF_FTE] = "0.30", [HYOKA_STAFF_UNIT_COST] = "8400000", [HYOKA_STAFF_AMOUNT] = "2520000"}}, \
     {HYOKA_CATEGORY_REAPPOINTED,                                                                              \
      {[HYOKA_STAFF_FTE] = "0.00", [HYOKA_STAFF_UNIT_COST] = "4500000", [HYOKA_STAFF_AMOUNT] = "0"}}}

static const exp_year s2_years[] = {
    {2016, HYOKA_PHASE_SETTLED, {[HYOKA_COST_SETTLEMENT] = "223000", S2_FUNDING("223000")},
     {[HYOKA_FIG_EXPENSE] = {"223", K}, [HYOKA_FIG_TOTAL_COST] = {"2743", K}}, 2, S2_STAFF},
    {2017, HYOKA_PHASE_BUDGET, {[HYOKA_COST_INITIAL_BUDGET] = "436000", S2_FUNDING("436000")},
     {[HYOKA_FIG_EXPENSE] = {"436", K}, [HYOKA_FIG_TOTAL_COST] = {"2956", K}}, 2, S2_STAFF},
    {2018, HYOKA_PHASE_PLAN, {[HYOKA_COST_INITIAL_BUDGET] = "437000", S2_FUNDING("437000")},
     {[HYOKA_FIG_EXPENSE] = {"437", K}, [HYOKA_FIG_TOTAL_COST] = {"2957", K}}, 2, S2_STAFF},
    {2019, HYOKA_PHASE_PLAN, {[HYOKA_COST_INITIAL_BUDGET] = "437000", S2_FUNDING("437000")},
     {[HYOKA_FIG_EXPENSE] = {"437", K}, [HYOKA_FIG_TOTAL_COST] = {"2957", K}}, 2, S2_STAFF},
};

static const exp_indicator s2_indicators[] = {
    {HYOKA_KIND_ACTIVITY, HYOKA_UNSET, 1,
     {[HYOKA_INDICATOR_NAME] = "開示請求数等(件数)", [HYOKA_INDICATOR_UNIT] = "件",
      [HYOKA_INDICATOR_NOT_SETTABLE_REASON] = "設定困難"},
     NULL, 0, 1, {{2016, {[HYOKA_VALUE_ACTUAL] = "19"}}}},
    {HYOKA_KIND_ACTIVITY, HYOKA_UNSET, 1,
     {[HYOKA_INDICATOR_NAME] = "審査会開催数(回数)", [HYOKA_INDICATOR_UNIT] = "回",
      [HYOKA_INDICATOR_NOT_SETTABLE_REASON] = "設定困難"},
     NULL, 0, 1, {{2016, {[HYOKA_VALUE_ACTUAL] = "0"}}}},
    {HYOKA_KIND_ACTIVITY, HYOKA_UNSET, 0,
     {[HYOKA_INDICATOR_NAME] = "情報セキュリティ研修受講者数", [HYOKA_INDICATOR_UNIT] = "人"}, NULL, 0, 4,
     {{2016, {[HYOKA_VALUE_TARGET] = "90", [HYOKA_VALUE_ACTUAL] = "87"}},
      {2017, {[HYOKA_VALUE_TARGET] = "90"}},
      {2018, {[HYOKA_VALUE_TARGET] = "90"}},
      {2019, {[HYOKA_VALUE_TARGET] = "90"}}}},
    {HYOKA_KIND_OUTCOME, HYOKA_DIRECTION_DECREASE, 0,
     {[HYOKA_INDICATOR_NAME] = "市民一人当たりの負担額", [HYOKA_INDICATOR_UNIT] = "円/人",
      [HYOKA_INDICATOR_DEFINITION] = "総事業費/市内総人口"},
     NULL, 0, 4,
     {{2016, {[HYOKA_VALUE_TARGET] = "53.6", [HYOKA_VALUE_ACTUAL] = "46.5"}},
      {2017, {[HYOKA_VALUE_TARGET] = "50.1"}},
      {2018, {[HYOKA_VALUE_TARGET] = "50.1"}},
      {2019, {[HYOKA_VALUE_TARGET] = "50.1"}}}},
};

static const exp_evaluation s2_evaluations[] = {
    {HYOKA_STAGE_SECONDARY, 2016, 0, {[HYOKA_EVAL_SCHEME] = "city-002", [HYOKA_EVAL_VERDICT] = "maintain"},
     HYOKA_UNSET, HYOKA_UNSET, {{NULL, NULL}}, {{"direction", X2_PREV_DIRECTION}}, 0, {{NULL, NULL, 0}}},
    {HYOKA_STAGE_PRIMARY, 2017, 0, {[HYOKA_EVAL_SCHEME] = "city-002", [HYOKA_EVAL_VERDICT] = "end"},
     HYOKA_UNSET, HYOKA_UNSET,
     {{"relevance", "3"}, {"achievement", "3"}, {"improvement", "3"}, {"economy", "3"}},
     {{"direction", X2_PRIMARY_DIRECTION},
      {"relevance", X2_RELEVANCE},
      {"achievement", X2_ACHIEVEMENT},
      {"improvement", X2_IMPROVEMENT},
      {"economy", X2_ECONOMY},
      {"private_sector", "民間等での実施または市民等との協働の可能性はない。"}},
     0, {{NULL, NULL, 0}}},
    {HYOKA_STAGE_SECONDARY, 2017, 0, {[HYOKA_EVAL_SCHEME] = "city-002", [HYOKA_EVAL_VERDICT] = "end"},
     HYOKA_UNSET, HYOKA_UNSET, {{NULL, NULL}}, {{"direction", X2_SECONDARY_DIRECTION}}, 0, {{NULL, NULL, 0}}},
};

static const exp_project s2_project = {
    {[HYOKA_TEXT_CODE] = "00832", [HYOKA_TEXT_NAME] = "個人情報セキュリティ対策事業",
     [HYOKA_TEXT_DEPARTMENT] = "総務部", [HYOKA_TEXT_SECTION] = "行政管理課", [HYOKA_TEXT_PHONE] = "内線3504",
     [HYOKA_TEXT_LEGAL_BASIS] = X2_LEGAL, [HYOKA_TEXT_TARGET] = X2_TARGET, [HYOKA_TEXT_PURPOSE] = X2_PURPOSE,
     [HYOKA_TEXT_ACTIVITIES_DONE] = X2_DONE, [HYOKA_TEXT_ACTIVITIES_PLANNED] = X2_PLANNED},
    HYOKA_DUTY_AUTONOMOUS, HYOKA_UNSET, 2003, 2017,
    {{"章", "5", "快適な生活環境のまち"}, {"節", "9", "情報公開・広報広聴の充実"}, {"施策", "3", "個人情報の保護"}},
    {{"会計", NULL, "一般会計"}},
    s2_years, LEN(s2_years), s2_indicators, LEN(s2_indicators), s2_evaluations, LEN(s2_evaluations),
    {{"ソフト・ハード区分", "ソフト事業"},
     {"補助単独区分", "単独"},
     {"新規継続区分", "継続"},
     {"事業の計画・実績/平成28年度/計画", X2_PLAN_CELL},
     {"事業の計画・実績/平成28年度/実績", X2_PLAN_CELL},
     {"事業の計画・実績/平成29年度/計画", X2_PLAN_CELL},
     {"事業の計画・実績/平成29年度/実績", X2_PLAN_CELL},
     {"事業の計画・実績/平成30年度/計画", X2_PLAN_CELL},
     {"事業の計画・実績/平成30年度/実績", X2_PLAN_CELL},
     {"事業の計画・実績/平成31年度/計画", X2_PLAN_CELL},
     {"事業の計画・実績/平成31年度/実績", X2_PLAN_CELL},
     {"法律で実施が義務付けられている事務事業か", "法律の義務付けあり"}},
    NULL, 0,
};

#define S2_OPTIONS(l3, l2, l1) 3, {{"3", l3, "3"}, {"2", l2, "2"}, {"1", l1, "1"}}

static const exp_scheme s2_schemes[] = {
    {"city-002", NULL, 4,
     {{"relevance", "妥当性", "1", S2_OPTIONS("妥当", "どちらかという妥当", "妥当でない")},
      {"achievement", "達成度", "1", S2_OPTIONS("あがっている", "どちらかといえばあがっている", "あがっていない")},
      {"improvement", "成果向上", "1", S2_OPTIONS("余地なし", "余地あり", "余地大きい")},
      {"economy", "経済性", "1", S2_OPTIONS("余地なし", "余地あり", "余地大きい")}},
     7,
     {{"expand", "拡大", HYOKA_VERDICT_CONTINUE},
      {"maintain", "現状継続", HYOKA_VERDICT_CONTINUE},
      {"review", "要検討", HYOKA_VERDICT_CONTINUE},
      {"revise", "見直し", HYOKA_VERDICT_CONTINUE},
      {"integrate", "統合", HYOKA_VERDICT_CONTINUE},
      {"abolish", "休止・廃止", HYOKA_VERDICT_END},
      {"end", "終了", HYOKA_VERDICT_END}}},
};

static const exp_portfolio s2_portfolio = {
    "seed 002", NULL, NULL, HYOKA_UNIT_THOUSAND_YEN, 0,
    1, {{2016, 58990, NO_DENOM}},
    {{0, 0, 0, 0}}, s2_schemes, LEN(s2_schemes), &s2_project,
};

/* ------------------------------------------------------------------------ */
/* Seed 003: 1379 and its 細事業 01                                           */

static const exp_year s3_years[] = {
    {2012, HYOKA_PHASE_SETTLED,
     {[HYOKA_COST_SETTLEMENT] = "5917000", [HYOKA_COST_NATIONAL] = "0", [HYOKA_COST_PREFECTURAL] = "0",
      [HYOKA_COST_BONDS] = "0", [HYOKA_COST_OTHER] = "0", [HYOKA_COST_GENERAL] = "5917000",
      [HYOKA_COST_DEBT_SERVICE] = "0"},
     {[HYOKA_FIG_EXPENSE] = {"5917", K}, [HYOKA_FIG_PERSONNEL] = {"4761", K}, [HYOKA_FIG_TOTAL_COST] = {"10678", K},
      [HYOKA_FIG_PER_CAPITA] = {"95", Y}, [HYOKA_FIG_PER_HOUSEHOLD] = {"226", Y}},
     2,
     {{HYOKA_CATEGORY_REGULAR, {[HYOKA_STAFF_FTE] = "0.60", [HYOKA_STAFF_AMOUNT] = "4761000"}},
      {HYOKA_CATEGORY_REAPPOINTED, {[HYOKA_STAFF_FTE] = "0.00"}}}},
};

static const exp_evaluation s3_evaluations[] = {
    {HYOKA_STAGE_SELF, 2012, 0, {[HYOKA_EVAL_SCHEME] = "jp-standard"}, HYOKA_UNSET, HYOKA_UNSET,
     {{"relevance", "A"}, {"efficiency", "A"}, {"effectiveness", "B"}, {"contribution", "A"}},
     {{"overall_rating", "B"}, {"reason", X3_REASON}, {"contribution", X3_CONTRIBUTION_BASIS}, {"direction", X3_DIRECTION}},
     0, {{NULL, NULL, 0}}},
};

static const exp_evaluation s3_child_evaluations[] = {
    {HYOKA_STAGE_SELF, 2012, 0, {[HYOKA_EVAL_SCHEME] = "jp-standard"}, HYOKA_UNSET, HYOKA_UNSET,
     {{"relevance", "A"}, {"efficiency", "A"}, {"effectiveness", "B"}}, {{"direction", X3_CHILD_DIRECTION}}, 0,
     {{NULL, NULL, 0}}},
};

static const exp_project s3_children[] = {
    {{[HYOKA_TEXT_CODE] = "01", [HYOKA_TEXT_NAME] = "情報化安全対策事業", [HYOKA_TEXT_PURPOSE] = X3_CHILD_PURPOSE,
      [HYOKA_TEXT_INTENT] = X3_CHILD_GOAL, [HYOKA_TEXT_TARGET] = X3_CHILD_TARGET,
      [HYOKA_TEXT_ACTIVITIES_DONE] = X3_CHILD_DONE},
     HYOKA_UNSET, HYOKA_UNSET, 0, 0, {{NULL, NULL, NULL}}, {{NULL, NULL, NULL}},
     s3_years, LEN(s3_years), NULL, 0, s3_child_evaluations, LEN(s3_child_evaluations),
     {{"事業優先順位", "1"}, {"事業実施主体", "直営"}, {"事業開始年度", "平成15年度以前"}},
     NULL, 0},
};

static const exp_project s3_project = {
    {[HYOKA_TEXT_CODE] = "1379", [HYOKA_TEXT_NAME] = "情報化安全対策事業", [HYOKA_TEXT_DEPARTMENT] = "総務部",
     [HYOKA_TEXT_SECTION] = "行政改革課", [HYOKA_TEXT_PURPOSE] = X3_PURPOSE, [HYOKA_TEXT_INTENT] = X3_GOAL,
     [HYOKA_TEXT_ACTIVITIES_DONE] = X3_DONE},
    HYOKA_UNSET, HYOKA_UNSET, 0, 0,
    {{"まちづくりの目標(章)", "5", "自律協働都市"},
     {"施策分野(節)", "03", "情報化"},
     {"施策", "03", "情報資産に対する脅威に対応する"}},
    {{NULL, NULL, NULL}},
    s3_years, LEN(s3_years), NULL, 0, s3_evaluations, LEN(s3_evaluations),
    {{NULL, NULL}},
    s3_children, LEN(s3_children),
};

static const exp_portfolio s3_portfolio = {
    "seed 003", NULL, NULL, HYOKA_UNIT_THOUSAND_YEN, 0,
    1, {{2012, 112400, 47248}},
    {[HYOKA_FIG_PER_CAPITA] = {1, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN},
     [HYOKA_FIG_PER_HOUSEHOLD] = {1, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN}},
    NULL, 0, &s3_project,
};

/* ------------------------------------------------------------------------ */
/* Seed 004: 真岡市                                                           */

#define S4_YEAR(fy, phase, amount_field, expense, general, hours, personnel, ep, total)                       \
    {fy, phase,                                                                                             \
     {[amount_field] = expense, [HYOKA_COST_NATIONAL] = "0", [HYOKA_COST_PREFECTURAL] = "0",                \
      [HYOKA_COST_BONDS] = "0", [HYOKA_COST_OTHER] = "0", [HYOKA_COST_GENERAL] = general},                   \
     {[HYOKA_FIG_EXPENSE] = {ep, K}, [HYOKA_FIG_PERSONNEL] = {personnel, K}, [HYOKA_FIG_TOTAL_COST] = {total, K}}, \
     1,                                                                                                     \
     {{HYOKA_CATEGORY_REGULAR,                                                                                 \
       {[HYOKA_STAFF_HEADCOUNT] = "4", [HYOKA_STAFF_HOURS] = hours, [HYOKA_STAFF_AMOUNT] = personnel "000"}}}}

static const exp_year s4_years[] = {
    S4_YEAR(2016, HYOKA_PHASE_SETTLED, HYOKA_COST_SETTLEMENT, "243000", "243000", "220", "914", "243", "1157"),
    S4_YEAR(2017, HYOKA_PHASE_SETTLED, HYOKA_COST_SETTLEMENT, "243000", "243000", "220", "913", "243", "1156"),
    S4_YEAR(2018, HYOKA_PHASE_SETTLED, HYOKA_COST_SETTLEMENT, "243000", "243000", "220", "917", "243", "1160"),
    S4_YEAR(2019, HYOKA_PHASE_SETTLED, HYOKA_COST_SETTLEMENT, "358000", "358000", "300", "1213", "358", "1571"),
    S4_YEAR(2020, HYOKA_PHASE_FORECAST, HYOKA_COST_INITIAL_BUDGET, "495000", "495000", "220", "889", "495",
            "1384"),
};

#define S4_VALUES(a, b, c, d, f)                                                                           \
    5, {{2016, {[HYOKA_VALUE_ACTUAL] = a}}, {2017, {[HYOKA_VALUE_ACTUAL] = b}}, {2018, {[HYOKA_VALUE_ACTUAL] = c}}, \
        {2019, {[HYOKA_VALUE_ACTUAL] = d}}, {2020, {[HYOKA_VALUE_FORECAST] = f}}}
#define S4_IND(kind, name, unit) \
    kind, HYOKA_UNSET, 0, {[HYOKA_INDICATOR_NAME] = name, [HYOKA_INDICATOR_UNIT] = unit}, NULL, 0

static const exp_indicator s4_indicators[] = {
    {S4_IND(HYOKA_KIND_ACTIVITY, "研修会等の開催回数", "回"), S4_VALUES("2", "5", "3", "4", "4")},
    {S4_IND(HYOKA_KIND_ACTIVITY, "メール、課長会議等による情報提供の回数", "回"), S4_VALUES("41", "36", "37", "39", "47")},
    {S4_IND(HYOKA_KIND_TARGET, "真岡市職員数", "人"), S4_VALUES("470", "467", "472", "485", "487")},
    {S4_IND(HYOKA_KIND_TARGET, "ネットワーク接続機器台数", "台"), S4_VALUES("665", "708", "850", "898", "916")},
    {S4_IND(HYOKA_KIND_TARGET, "各課が保有する個人情報の項目件数", "件"),
     S4_VALUES("1096", "1141", "1127", "1122", "1122")},
    {S4_IND(HYOKA_KIND_OUTCOME, "職員がポリシーに従った運用ができている割合", "%"),
     S4_VALUES("100", "100", "100", "100", "100")},
    {S4_IND(HYOKA_KIND_UPPER_OUTCOME, "市民が市の情報の取扱いについて信頼している割合", "%"),
     S4_VALUES("100", "100", "100", "100", "100")},
};

static const exp_project s4_project = {
    {[HYOKA_TEXT_CODE] = "G-1-01", [HYOKA_TEXT_NAME] = "真岡市セキュリティポリシー遵守運用事業", [HYOKA_TEXT_DEPARTMENT] = "総務部",
     [HYOKA_TEXT_SECTION] = "情報政策課", [HYOKA_TEXT_GROUP] = "情報管理係", [HYOKA_TEXT_SUMMARY] = X4_SUMMARY,
     [HYOKA_TEXT_ACTIVITIES_DONE] = X4_DONE, [HYOKA_TEXT_ACTIVITIES_PLANNED] = X4_PLANNED,
     [HYOKA_TEXT_TARGET] = X4_TARGET, [HYOKA_TEXT_INTENT] = X4_INTENT, [HYOKA_TEXT_RESULT] = X4_RESULT,
     [HYOKA_TEXT_BACKGROUND] = X4_BACKGROUND, [HYOKA_TEXT_ENVIRONMENT] = X4_ENVIRONMENT,
     [HYOKA_TEXT_OPINIONS] = X4_OPINIONS},
    HYOKA_UNSET, HYOKA_PERIOD_RECURRING, 2002, 0,
    {{"政策", "G", "効率的で市民にわかりやすいまちづくり"}, {"施策", "1", "市民本位の窓口サービスの向上"}},
    {{"会計", "1", "一般会計"}, {"款", "2", "総務費"}, {"項", "1", "総務管理費"}, {"目", "1", "一般管理費"}},
    s4_years, LEN(s4_years), s4_indicators, LEN(s4_indicators), NULL, 0,
    {{"code_note", "no code printed on the sheet; assigned by the transcriber"}, {NULL, NULL}},
    NULL, 0,
};

static const exp_portfolio s4_portfolio = {
    "seed 004", "真岡市", "092096", HYOKA_UNIT_THOUSAND_YEN, 0,
    0, {{0, 0, 0}},
    {{0, 0, 0, 0}}, NULL, 0, &s4_project,
};

static const exp_portfolio *const expected[SEED_COUNT] = {&s1_portfolio, &s2_portfolio, &s3_portfolio,
                                                         &s4_portfolio};

/* ------------------------------------------------------------------------ */
/* Comparison helpers: on a mismatch they print where it happened and fail.  */

static char where[512];

static void set_where(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void set_where(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(where, sizeof where, fmt, ap);
    va_end(ap);
}

static void expect_str_(const char *got, const char *want, const char *what, const char *file, int line)
{
    if ((got == NULL) != (want == NULL) || (got && strcmp(got, want) != 0)) {
        print_error("%s: %s: got %s%s%s, want %s%s%s\n", where, what, got ? "\"" : "", got ? got : "NULL",
                    got ? "\"" : "", want ? "\"" : "", want ? want : "NULL", want ? "\"" : "");
        _fail(file, line);
    }
}

static void expect_int_(int64_t got, int64_t want, const char *what, const char *file, int line)
{
    if (got != want) {
        print_error("%s: %s: got %lld, want %lld\n", where, what, (long long)got, (long long)want);
        _fail(file, line);
    }
}

/* @p got (present: @p rc == 1) against the decimal text @p want (NULL:
 * must be missing). Places count: "0.30" is not "0.3". */
static void expect_dec_(int rc, const hyoka_decimal *got, const char *want, const char *what, const char *file,
                        int line)
{
    hyoka_decimal w = {{0, 0}};
    char buf[HYOKA_DECIMAL_STRING_MAX] = "";

    if (!want) {
        if (rc != 0) {
            print_error("%s: %s: present (rc %d), want missing\n", where, what, rc);
            _fail(file, line);
        }
        return;
    }
    if (rc != 1) {
        print_error("%s: %s: missing (rc %d), want %s\n", where, what, rc, want);
        _fail(file, line);
    }
    if (hyoka_decimal_parse(want, NTS, &w) != HYOKA_OK) {
        print_error("%s: %s: bad expected value %s\n", where, what, want);
        _fail(file, line);
    }
    if (!hyoka_decimal_identical(got, &w)) {
        hyoka_decimal_format(got, 0, buf, sizeof buf, NULL);
        print_error("%s: %s: got %s, want %s\n", where, what, buf, want);
        _fail(file, line);
    }
}

/* An int64 read back (present: @p rc == 1) against a decimal integer text
 * @p want (NULL: must be missing, rc 0). */
static void expect_opt_(int rc, int64_t got, const char *want, const char *what, const char *file, int line)
{
    if (!want) {
        if (rc != 0) {
            print_error("%s: %s: present (rc %d, value %lld), want missing\n", where, what, rc, (long long)got);
            _fail(file, line);
        }
        return;
    }
    if (rc != 1) {
        print_error("%s: %s: missing (rc %d), want %s\n", where, what, rc, want);
        _fail(file, line);
    }
    expect_int_(got, strtoll(want, NULL, 10), what, file, line);
}

#define EXPECT_STR(got, want) expect_str_((got), (want), #got, __FILE__, __LINE__)
#define EXPECT_INT(got, want) expect_int_((int64_t)(got), (int64_t)(want), #got, __FILE__, __LINE__)
#define EXPECT_DEC(rc, got, want, what) expect_dec_((rc), (got), (want), (what), __FILE__, __LINE__)
#define EXPECT_OPT(rc, got, want, what) expect_opt_((rc), (got), (want), (what), __FILE__, __LINE__)

static const char *name_of(int which, int value)
{
    const char *n = hyoka_enum_name(which, value);
    return n ? n : "?";
}

/* ------------------------------------------------------------------------ */
/* Readers                                                                   */

static void check_year(const hyoka_costs *c, const exp_year *x, const char *ctx)
{
    set_where("%s / year %d", ctx, (int)x->fiscal_year);
    EXPECT_INT(hyoka_costs_fiscal_year(c), x->fiscal_year);
    EXPECT_INT(hyoka_costs_phase(c), x->phase);
    for (int f = 0; f < COST_FIELDS; f++) {
        int64_t v = INT64_MIN;
        int rc = hyoka_costs_get(c, f, &v);
        set_where("%s / year %d / %s", ctx, (int)x->fiscal_year, name_of(HYOKA_ENUM_COST_FIELD, f));
        EXPECT_OPT(rc, v, x->v[f], "hyoka_costs_get");
    }
    for (int f = 0; f < YEAR_FIGURES; f++) {
        hyoka_decimal d = {{0, 0}};
        int unit = -99;
        int rc = hyoka_costs_stated(c, f, &d, &unit);
        set_where("%s / year %d / stated %s", ctx, (int)x->fiscal_year, name_of(HYOKA_ENUM_FIGURE, f));
        EXPECT_DEC(rc, &d, x->stated[f].value, "hyoka_costs_stated");
        if (x->stated[f].value)
            EXPECT_INT(unit, x->stated[f].unit);
    }
    set_where("%s / year %d", ctx, (int)x->fiscal_year);
    EXPECT_INT(hyoka_costs_staff_count(c), x->nstaff);
    for (size_t i = 0; i < x->nstaff; i++) {
        const hyoka_staff *s = hyoka_costs_staff_at(c, i);
        const exp_staff *xs = &x->staff[i];
        set_where("%s / year %d / staff %zu", ctx, (int)x->fiscal_year, i);
        assert_non_null(s);
        EXPECT_INT(hyoka_staff_category(s), xs->category);
        for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS; f++) {
            hyoka_decimal d = {{0, 0}};
            int rc = hyoka_staff_get_decimal(s, f, &d);
            set_where("%s / year %d / staff %zu / %s", ctx, (int)x->fiscal_year, i,
                      name_of(HYOKA_ENUM_STAFF_FIELD, f));
            EXPECT_DEC(rc, &d, xs->f[f], "hyoka_staff_get_decimal");
        }
        for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT; f++) {
            int64_t v = INT64_MIN;
            int rc = hyoka_staff_get_amount(s, f, &v);
            set_where("%s / year %d / staff %zu / %s", ctx, (int)x->fiscal_year, i,
                      name_of(HYOKA_ENUM_STAFF_FIELD, f));
            EXPECT_OPT(rc, v, xs->f[f], "hyoka_staff_get_amount");
        }
    }
    assert_null(hyoka_costs_staff_at(c, x->nstaff));
}

static void check_indicator(const hyoka_indicator *ind, const exp_indicator *x, const char *ctx, size_t index)
{
    hyoka_decimal lt = {{0, 0}};
    int32_t lt_year = -1;
    int rc;

    set_where("%s / indicator %zu (%s)", ctx, index, x->text[HYOKA_INDICATOR_NAME]);
    EXPECT_INT(hyoka_indicator_kind(ind), x->kind);
    EXPECT_INT(hyoka_indicator_direction(ind), x->direction);
    EXPECT_INT(hyoka_indicator_not_settable(ind), x->not_settable);
    for (int f = 0; f < INDICATOR_TEXTS; f++) {
        set_where("%s / indicator %zu / %s", ctx, index, name_of(HYOKA_ENUM_INDICATOR_TEXT, f));
        EXPECT_STR(hyoka_indicator_text(ind, f), x->text[f]);
    }
    set_where("%s / indicator %zu / long-term target", ctx, index);
    rc = hyoka_indicator_long_term(ind, &lt, &lt_year);
    EXPECT_DEC(rc, &lt, x->long_term, "hyoka_indicator_long_term");
    if (x->long_term)
        EXPECT_INT(lt_year, x->long_term_year);
    set_where("%s / indicator %zu", ctx, index);
    EXPECT_INT(hyoka_indicator_year_count(ind), x->nvalues);
    for (size_t i = 0; i < x->nvalues; i++) {
        const exp_value *xv = &x->values[i];
        EXPECT_INT(hyoka_indicator_year_at(ind, i), xv->fiscal_year);
        for (int f = 0; f < VALUE_FIELDS; f++) {
            hyoka_decimal d = {{0, 0}};
            set_where("%s / indicator %zu / %d %s", ctx, index, (int)xv->fiscal_year,
                      name_of(HYOKA_ENUM_VALUE_FIELD, f));
            rc = hyoka_indicator_value(ind, xv->fiscal_year, f, &d);
            EXPECT_DEC(rc, &d, xv->v[f], "hyoka_indicator_value");
        }
    }
    set_where("%s / indicator %zu", ctx, index);
    EXPECT_INT(hyoka_indicator_year_at(ind, x->nvalues), 0);
}

static size_t kv_count(const exp_kv *kv, size_t cap)
{
    size_t n = 0;
    while (n < cap && kv[n].key)
        n++;
    return n;
}

static void check_evaluation(const hyoka_evaluation *e, const exp_evaluation *x, const char *ctx, size_t index)
{
    size_t n;

    set_where("%s / evaluation %zu (%s %d)", ctx, index, name_of(HYOKA_ENUM_STAGE, x->stage),
              (int)x->fiscal_year);
    EXPECT_INT(hyoka_evaluation_stage(e), x->stage);
    EXPECT_INT(hyoka_evaluation_fiscal_year(e), x->fiscal_year);
    EXPECT_INT(hyoka_evaluation_date(e), x->date);
    EXPECT_INT(hyoka_evaluation_expected_outcome(e), x->expected_outcome);
    EXPECT_INT(hyoka_evaluation_expected_cost(e), x->expected_cost);
    for (int f = 0; f < EVAL_TEXTS; f++) {
        set_where("%s / evaluation %zu / %s", ctx, index, name_of(HYOKA_ENUM_EVALUATION_TEXT, f));
        EXPECT_STR(hyoka_evaluation_text(e, f), x->text[f]);
    }

    set_where("%s / evaluation %zu / answers", ctx, index);
    n = kv_count(x->answers, LEN(x->answers));
    EXPECT_INT(hyoka_evaluation_answer_count(e), n);
    for (size_t i = 0; i < n; i++) {
        const char *k = NULL, *v = NULL;
        assert_int_equal(hyoka_evaluation_answer_at(e, i, &k, &v), HYOKA_OK);
        EXPECT_STR(k, x->answers[i].key);
        EXPECT_STR(v, x->answers[i].value);
        EXPECT_STR(hyoka_evaluation_answer(e, x->answers[i].key, NTS), x->answers[i].value);
    }
    assert_int_equal(hyoka_evaluation_answer_at(e, n, NULL, NULL), HYOKA_ENOTFOUND);

    set_where("%s / evaluation %zu / comments", ctx, index);
    n = kv_count(x->comments, LEN(x->comments));
    EXPECT_INT(hyoka_evaluation_comment_count(e), n);
    for (size_t i = 0; i < n; i++) {
        const char *k = NULL, *v = NULL;
        assert_int_equal(hyoka_evaluation_comment_at(e, i, &k, &v), HYOKA_OK);
        EXPECT_STR(k, x->comments[i].key);
        EXPECT_STR(v, x->comments[i].value);
        EXPECT_STR(hyoka_evaluation_comment(e, x->comments[i].key, NTS), x->comments[i].value);
    }
    assert_int_equal(hyoka_evaluation_comment_at(e, n, NULL, NULL), HYOKA_ENOTFOUND);

    set_where("%s / evaluation %zu / goals", ctx, index);
    EXPECT_INT(hyoka_evaluation_goal_count(e), x->ngoals);
    for (size_t i = 0; i < x->ngoals; i++) {
        const char *what = NULL, *level = NULL;
        int32_t by = -1;
        assert_int_equal(hyoka_evaluation_goal_at(e, i, &what, &level, &by), HYOKA_OK);
        EXPECT_STR(what, x->goals[i].what);
        EXPECT_STR(level, x->goals[i].level);
        EXPECT_INT(by, x->goals[i].by);
    }
    assert_int_equal(hyoka_evaluation_goal_at(e, x->ngoals, NULL, NULL, NULL), HYOKA_ENOTFOUND);
}

static void check_class(const hyoka_project *p, int kind, const exp_class *x, size_t cap, const char *ctx)
{
    size_t n = 0;
    while (n < cap && (x[n].level || x[n].code || x[n].name))
        n++;
    set_where("%s / %s path", ctx, name_of(HYOKA_ENUM_CLASS_KIND, kind));
    EXPECT_INT(hyoka_project_class_count(p, kind), n);
    for (size_t i = 0; i < n; i++) {
        const char *level = "?", *code = "?", *name = "?";
        set_where("%s / %s path / level %zu", ctx, name_of(HYOKA_ENUM_CLASS_KIND, kind), i);
        assert_int_equal(hyoka_project_class_at(p, kind, i, &level, &code, &name), HYOKA_OK);
        EXPECT_STR(level, x[i].level);
        EXPECT_STR(code, x[i].code);
        EXPECT_STR(name, x[i].name);
    }
    assert_int_equal(hyoka_project_class_at(p, kind, n, NULL, NULL, NULL), HYOKA_ENOTFOUND);
}

static void check_project(const hyoka_project *p, const exp_project *x, const char *ctx)
{
    char here[256];
    size_t n;

    snprintf(here, sizeof here, "%s / project %s", ctx,
             x->text[HYOKA_TEXT_CODE] ? x->text[HYOKA_TEXT_CODE] : "(no code)");
    set_where("%s", here);
    assert_non_null(p);
    for (int f = 0; f < PROJECT_TEXTS; f++) {
        set_where("%s / %s", here, name_of(HYOKA_ENUM_PROJECT_TEXT, f));
        EXPECT_STR(hyoka_project_text(p, f), x->text[f]);
    }
    set_where("%s", here);
    EXPECT_STR(hyoka_project_code(p), x->text[HYOKA_TEXT_CODE]);
    EXPECT_STR(hyoka_project_name(p), x->text[HYOKA_TEXT_NAME]);
    EXPECT_INT(hyoka_project_duty(p), x->duty);
    EXPECT_INT(hyoka_project_period(p), x->period);
    EXPECT_INT(hyoka_project_start_year(p), x->start);
    EXPECT_INT(hyoka_project_end_year(p), x->end);
    check_class(p, HYOKA_CLASS_POLICY, x->policy, LEN(x->policy), here);
    check_class(p, HYOKA_CLASS_ACCOUNT, x->account, LEN(x->account), here);

    set_where("%s", here);
    EXPECT_INT(hyoka_project_year_count(p), x->nyears);
    for (size_t i = 0; i < x->nyears; i++) {
        const hyoka_costs *c = hyoka_project_year_at(p, i);
        assert_non_null(c);
        assert_ptr_equal(hyoka_project_find_year(p, x->years[i].fiscal_year), c);
        check_year(c, &x->years[i], here);
    }
    set_where("%s", here);
    assert_null(hyoka_project_year_at(p, x->nyears));

    EXPECT_INT(hyoka_project_indicator_count(p), x->nindicators);
    for (size_t i = 0; i < x->nindicators; i++) {
        const hyoka_indicator *ind = hyoka_project_indicator_at(p, i);
        assert_non_null(ind);
        check_indicator(ind, &x->indicators[i], here, i);
    }
    set_where("%s", here);
    assert_null(hyoka_project_indicator_at(p, x->nindicators));

    EXPECT_INT(hyoka_project_evaluation_count(p), x->nevaluations);
    for (size_t i = 0; i < x->nevaluations; i++) {
        const hyoka_evaluation *e = hyoka_project_evaluation_at(p, i);
        assert_non_null(e);
        check_evaluation(e, &x->evaluations[i], here, i);
    }
    set_where("%s", here);
    assert_null(hyoka_project_evaluation_at(p, x->nevaluations));

    set_where("%s / extensions", here);
    n = kv_count(x->extensions, LEN(x->extensions));
    EXPECT_INT(hyoka_project_extension_count(p), n);
    for (size_t i = 0; i < n; i++) {
        const char *k = NULL, *v = NULL;
        assert_int_equal(hyoka_project_extension_at(p, i, &k, &v), HYOKA_OK);
        EXPECT_STR(k, x->extensions[i].key);
        EXPECT_STR(v, x->extensions[i].value);
        EXPECT_STR(hyoka_project_extension(p, x->extensions[i].key, NTS), x->extensions[i].value);
    }
    assert_int_equal(hyoka_project_extension_at(p, n, NULL, NULL), HYOKA_ENOTFOUND);

    set_where("%s / sub-projects", here);
    EXPECT_INT(hyoka_project_child_count(p), x->nchildren);
    for (size_t i = 0; i < x->nchildren; i++) {
        const hyoka_project *child = hyoka_project_child_at(p, i);
        assert_non_null(child);
        assert_ptr_equal(hyoka_project_parent(child), p);
        check_project(child, &x->children[i], here);
    }
    set_where("%s / sub-projects", here);
    assert_null(hyoka_project_child_at(p, x->nchildren));
}

static void check_scheme(const hyoka_scheme *s, const exp_scheme *x, const char *ctx)
{
    set_where("%s / scheme %s", ctx, x->id);
    assert_non_null(s);
    assert_int_equal(hyoka_scheme_is_builtin(s), 0);
    EXPECT_STR(hyoka_scheme_id(s), x->id);
    EXPECT_STR(hyoka_scheme_name(s), x->name);
    EXPECT_INT(hyoka_scheme_criterion_count(s), x->ncriteria);
    for (size_t i = 0; i < x->ncriteria; i++) {
        const exp_criterion *xc = &x->criteria[i];
        const char *code = NULL, *label = NULL;
        hyoka_decimal weight = {{0, 0}}, want = {{0, 0}};
        size_t found = 99;

        set_where("%s / scheme %s / criterion %s", ctx, x->id, xc->code);
        assert_int_equal(hyoka_scheme_criterion_at(s, i, &code, &label, &weight), HYOKA_OK);
        EXPECT_STR(code, xc->code);
        EXPECT_STR(label, xc->label);
        assert_int_equal(hyoka_decimal_parse(xc->weight, NTS, &want), HYOKA_OK);
        assert_int_equal(hyoka_decimal_cmp(&weight, &want), 0); /* NULL weight means 1 */
        assert_int_equal(hyoka_scheme_find_criterion(s, xc->code, NTS, &found), HYOKA_OK);
        EXPECT_INT(found, i);
        EXPECT_INT(hyoka_scheme_required(s, i), 0);
        EXPECT_INT(hyoka_scheme_range(s, i, NULL, NULL, NULL, NULL), 0); /* categorical */
        EXPECT_INT(hyoka_scheme_option_count(s, i), xc->noptions);
        for (size_t k = 0; k < xc->noptions; k++) {
            hyoka_decimal score = {{0, 0}};
            int has_score = -1;
            assert_int_equal(hyoka_scheme_option_at(s, i, k, &code, &label, &score, &has_score), HYOKA_OK);
            EXPECT_STR(code, xc->options[k].code);
            EXPECT_STR(label, xc->options[k].label);
            EXPECT_DEC(has_score, &score, xc->options[k].score, "option score");
        }
    }
    set_where("%s / scheme %s / verdicts", ctx, x->id);
    EXPECT_INT(hyoka_scheme_verdict_count(s), x->nverdicts);
    for (size_t i = 0; i < x->nverdicts; i++) {
        const char *code = NULL, *label = NULL;
        int group = -99;
        assert_int_equal(hyoka_scheme_verdict_at(s, i, &code, &label, &group), HYOKA_OK);
        EXPECT_STR(code, x->verdicts[i].code);
        EXPECT_STR(label, x->verdicts[i].label);
        EXPECT_INT(group, x->verdicts[i].group);
    }
    EXPECT_INT(hyoka_scheme_budget_count(s), 0);
    EXPECT_INT(hyoka_scheme_band_count(s), 0);
    EXPECT_INT(hyoka_scheme_missing_rating(s, NULL, NULL), 0);
}

static void check_portfolio(const hyoka_portfolio *pf, const exp_portfolio *x, const char *how)
{
    char ctx[64];

    snprintf(ctx, sizeof ctx, "%s (%s)", x->label, how);
    set_where("%s", ctx);
    assert_non_null(pf);
    EXPECT_STR(hyoka_portfolio_municipality_name(pf), x->municipality_name);
    EXPECT_STR(hyoka_portfolio_municipality_code(pf), x->municipality_code);
    EXPECT_INT(hyoka_portfolio_amount_unit(pf), x->amount_unit);
    EXPECT_INT(hyoka_portfolio_stated_tolerance(pf), x->tolerance);

    EXPECT_INT(hyoka_portfolio_denominator_count(pf), x->ndenominators);
    for (size_t i = 0; i < x->ndenominators; i++) {
        const exp_denominator *xd = &x->denominators[i];
        int64_t v = INT64_MIN;
        int rc;
        set_where("%s / denominators %d", ctx, (int)xd->fiscal_year);
        EXPECT_INT(hyoka_portfolio_denominator_year_at(pf, i), xd->fiscal_year);
        rc = hyoka_portfolio_denominator(pf, xd->fiscal_year, HYOKA_COST_POPULATION, &v);
        EXPECT_INT(rc, xd->population != NO_DENOM);
        if (xd->population != NO_DENOM)
            EXPECT_INT(v, xd->population);
        rc = hyoka_portfolio_denominator(pf, xd->fiscal_year, HYOKA_COST_HOUSEHOLDS, &v);
        EXPECT_INT(rc, xd->households != NO_DENOM);
        if (xd->households != NO_DENOM)
            EXPECT_INT(v, xd->households);
    }
    set_where("%s", ctx);
    EXPECT_INT(hyoka_portfolio_denominator_year_at(pf, x->ndenominators), 0);

    for (int f = 0; f < FIGURES; f++) {
        int places = -1, mode = -1, unit = -1;
        int rc = hyoka_portfolio_rounding(pf, f, &places, &mode, &unit);
        set_where("%s / rounding %s", ctx, name_of(HYOKA_ENUM_FIGURE, f));
        EXPECT_INT(rc, x->rounding[f].set);
        if (x->rounding[f].set) {
            EXPECT_INT(places, x->rounding[f].places);
            EXPECT_INT(mode, x->rounding[f].mode);
            EXPECT_INT(unit, x->rounding[f].unit);
        }
    }

    set_where("%s", ctx);
    EXPECT_INT(hyoka_portfolio_scheme_count(pf), x->nschemes);
    for (size_t i = 0; i < x->nschemes; i++) {
        const hyoka_scheme *s = hyoka_portfolio_scheme_at(pf, i);
        check_scheme(s, &x->schemes[i], ctx);
        set_where("%s", ctx);
        assert_ptr_equal(hyoka_portfolio_find_scheme(pf, x->schemes[i].id, NTS), s);
    }
    assert_null(hyoka_portfolio_scheme_at(pf, x->nschemes));

    set_where("%s", ctx);
    EXPECT_INT(hyoka_portfolio_project_count(pf), 1);
    check_project(hyoka_portfolio_project_at(pf, 0), x->project, ctx);
    set_where("%s", ctx);
    assert_null(hyoka_portfolio_project_at(pf, 1));
    assert_ptr_equal(hyoka_project_portfolio(hyoka_portfolio_project_at(pf, 0)), pf);
    if (x->project->text[HYOKA_TEXT_CODE])
        assert_ptr_equal(hyoka_portfolio_find_project(pf, x->project->text[HYOKA_TEXT_CODE], NTS),
                         hyoka_portfolio_project_at(pf, 0));
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                     */

static hyoka_portfolio *build(int number)
{
    hyoka_portfolio *pf = NULL;
    int rc = seed_build(number, &pf);
    if (rc != HYOKA_OK)
        print_error("seed %03d: build failed: %s (%s)\n", number, hyoka_status_name(rc), hyoka_error_last());
    assert_int_equal(rc, HYOKA_OK);
    assert_non_null(pf);
    return pf;
}

/* Build a seed and read back every field. */
static void test_model(void **state)
{
    int number = *(const int *)*state;
    hyoka_portfolio *pf = build(number);
    check_portfolio(pf, expected[number - 1], "built");
    hyoka_portfolio_free(pf);
}

/* hyoka_project_copy() of a project and of each of its sub-projects is
 * equal to it, has no owner, and stops being equal once changed. */
static void check_project_copies(const hyoka_project *p, const exp_project *x)
{
    hyoka_project *copy = NULL;

    assert_int_equal(hyoka_project_copy(p, &copy), HYOKA_OK);
    assert_non_null(copy);
    assert_ptr_not_equal(copy, p);
    assert_int_equal(hyoka_project_equal(p, copy), 1);
    assert_int_equal(hyoka_project_equal(copy, p), 1);
    assert_null(hyoka_project_parent(copy));
    assert_null(hyoka_project_portfolio(copy));
    check_project(copy, x, "project copy");
    assert_int_equal(hyoka_project_set_extension(copy, "test.changed", NTS, "1", NTS), HYOKA_OK);
    assert_int_equal(hyoka_project_equal(p, copy), 0);
    hyoka_project_free(copy);

    for (size_t i = 0; i < x->nchildren; i++)
        check_project_copies(hyoka_project_child_at(p, i), &x->children[i]);
}

static void test_copy(void **state)
{
    int number = *(const int *)*state;
    const exp_portfolio *x = expected[number - 1];
    hyoka_portfolio *pf = build(number);
    hyoka_portfolio *copy = NULL;

    assert_int_equal(hyoka_portfolio_copy(pf, &copy), HYOKA_OK);
    assert_non_null(copy);
    assert_ptr_not_equal(copy, pf);
    assert_int_equal(hyoka_portfolio_equal(pf, copy), 1);
    assert_int_equal(hyoka_portfolio_equal(copy, pf), 1);
    check_portfolio(copy, x, "portfolio copy");
    /* The copy is deep: its projects belong to it. */
    assert_ptr_not_equal(hyoka_portfolio_project_at(copy, 0), hyoka_portfolio_project_at(pf, 0));
    assert_ptr_equal(hyoka_project_portfolio(hyoka_portfolio_project_at(copy, 0)), copy);
    assert_int_equal(hyoka_project_equal(hyoka_portfolio_project_at(pf, 0), hyoka_portfolio_project_at(copy, 0)),
                     1);

    check_project_copies(hyoka_portfolio_project_at(pf, 0), x->project);

    /* Equality sees a change anywhere, and the original is untouched. */
    assert_int_equal(hyoka_portfolio_set_stated_tolerance(copy, 1), HYOKA_OK);
    assert_int_equal(hyoka_portfolio_equal(pf, copy), 0);
    hyoka_portfolio_free(copy);
    check_portfolio(pf, x, "original after copy");
    hyoka_portfolio_free(pf);
}

/* Every evaluation names a scheme the portfolio resolves (its own or a
 * built-in), and its verdict, budget direction and answers are codes of
 * that scheme: the seeds carry no E001 of their own making. */
static void check_scheme_refs(const hyoka_portfolio *pf, const hyoka_project *p)
{
    for (size_t i = 0; i < hyoka_project_evaluation_count(p); i++) {
        const hyoka_evaluation *e = hyoka_project_evaluation_at(p, i);
        const char *id = hyoka_evaluation_text(e, HYOKA_EVAL_SCHEME);
        const char *verdict = hyoka_evaluation_text(e, HYOKA_EVAL_VERDICT);
        const char *budget = hyoka_evaluation_text(e, HYOKA_EVAL_BUDGET);
        const hyoka_scheme *s = hyoka_portfolio_find_scheme(pf, id ? id : "jp-standard", NTS);
        size_t index = 0;

        set_where("project %s / evaluation %zu / scheme %s", hyoka_project_code(p), i, id ? id : "(default)");
        if (!s) {
            print_error("%s: scheme not found\n", where);
            fail();
        }
        if (verdict && hyoka_scheme_find_verdict(s, verdict, NTS, &index) != HYOKA_OK) {
            print_error("%s: verdict %s not in the scheme\n", where, verdict);
            fail();
        }
        if (budget && hyoka_scheme_find_budget(s, budget, NTS, &index) != HYOKA_OK) {
            print_error("%s: budget direction %s not in the scheme\n", where, budget);
            fail();
        }
        for (size_t a = 0; a < hyoka_evaluation_answer_count(e); a++) {
            const char *criterion = NULL, *answer = NULL;
            int found = 0;
            assert_int_equal(hyoka_evaluation_answer_at(e, a, &criterion, &answer), HYOKA_OK);
            if (hyoka_scheme_find_criterion(s, criterion, NTS, &index) != HYOKA_OK) {
                print_error("%s: criterion %s not in the scheme\n", where, criterion);
                fail();
            }
            if (hyoka_scheme_range(s, index, NULL, NULL, NULL, NULL) == 1)
                continue; /* numeric: any number in range */
            for (size_t k = 0; k < hyoka_scheme_option_count(s, index); k++) {
                const char *code = NULL;
                assert_int_equal(hyoka_scheme_option_at(s, index, k, &code, NULL, NULL, NULL), HYOKA_OK);
                if (strcmp(code, answer) == 0)
                    found = 1;
            }
            if (!found) {
                print_error("%s: answer %s is not an option of criterion %s\n", where, answer, criterion);
                fail();
            }
        }
    }
    for (size_t i = 0; i < hyoka_project_child_count(p); i++)
        check_scheme_refs(pf, hyoka_project_child_at(p, i));
}

static void test_scheme_refs(void **state)
{
    (void)state;
    for (int n = 1; n <= SEED_COUNT; n++) {
        hyoka_portfolio *pf = build(n);
        check_scheme_refs(pf, hyoka_portfolio_project_at(pf, 0));
        hyoka_portfolio_free(pf);
    }
}

/* The denominators the builders choose (the sheets print none) give back
 * the per-head figures the sheets print, with the portfolio's rounding:
 * computed here with exact decimals, independently of the figures module. */
static void expect_quotient(const hyoka_portfolio *pf, int figure, int64_t total, int64_t denominator,
                            const char *want)
{
    hyoka_decimal a = hyoka_decimal_from_int(total), b = hyoka_decimal_from_int(denominator), q;
    int places = -1, mode = -1;
    char buf[HYOKA_DECIMAL_STRING_MAX];

    assert_true(hyoka_portfolio_rounding(pf, figure, &places, &mode, NULL) >= 0);
    assert_int_equal(hyoka_decimal_div(&a, &b, places, mode, &q), HYOKA_OK);
    assert_int_equal(hyoka_decimal_format(&q, 0, buf, sizeof buf, NULL), HYOKA_OK);
    if (strcmp(buf, want) != 0) {
        print_error("%lld / %lld = %s, want %s\n", (long long)total, (long long)denominator, buf, want);
        fail();
    }
}

static int64_t denominator(const hyoka_portfolio *pf, int32_t fy, int which)
{
    int64_t v = 0;
    assert_int_equal(hyoka_portfolio_denominator(pf, fy, which, &v), 1);
    return v;
}

static void test_denominators(void **state)
{
    hyoka_portfolio *pf;
    (void)state;

    /* Seed 001: 市民一人当たり 36.2 and 49.0; 利用数一単位あたり 73,710.8
     * matches, 15,775.5 does not (16,627,000 / 1,054 is 15,775.1: C005). */
    pf = build(1);
    expect_quotient(pf, HYOKA_FIG_PER_CAPITA, 12236000, denominator(pf, 2006, HYOKA_COST_POPULATION), "36.2");
    expect_quotient(pf, HYOKA_FIG_PER_CAPITA, 16627000, denominator(pf, 2007, HYOKA_COST_POPULATION), "49.0");
    expect_quotient(pf, HYOKA_FIG_UNIT_COST, 12236000, 166, "73710.8");
    expect_quotient(pf, HYOKA_FIG_UNIT_COST, 16627000, 1054, "15775.1");
    hyoka_portfolio_free(pf);

    /* Seed 002: 市民一人当たりの負担額 46.5 (2016) = 総事業費 / 市内総人口. */
    pf = build(2);
    expect_quotient(pf, HYOKA_FIG_PER_CAPITA, 2743000, denominator(pf, 2016, HYOKA_COST_POPULATION), "46.5");
    hyoka_portfolio_free(pf);

    /* Seed 003: 一人あたり 95 and 世帯あたり 226, whole yen. */
    pf = build(3);
    expect_quotient(pf, HYOKA_FIG_PER_CAPITA, 10678000, denominator(pf, 2012, HYOKA_COST_POPULATION), "95");
    expect_quotient(pf, HYOKA_FIG_PER_HOUSEHOLD, 10678000, denominator(pf, 2012, HYOKA_COST_HOUSEHOLDS), "226");
    hyoka_portfolio_free(pf);
}

/* The year notations the sheets print, as the builders read them. */
static void test_sheet_years(void **state)
{
    static const struct {
        const char *text;
        int32_t year;
        unsigned past_end;
    } cases[] = {
        {"平成 15 年度", 2003, 0}, {"平成 18 年度", 2006, 0}, {"H 19", 2007, 0}, {"H20", 2008, 0},
        {"平成14年度", 2002, 0},   {"平成24年度", 2012, 0},   {"平成29年度", 2017, 0},
        {"平成31年度", 2019, 0},   {"平成32年度", 2020, HYOKA_CAL_PAST_ERA_END},
    };
    int32_t date = 0;
    (void)state;

    for (size_t i = 0; i < LEN(cases); i++) {
        int32_t fy = 0;
        unsigned flags = 0;
        set_where("%s", cases[i].text);
        EXPECT_INT(hyoka_fiscal_year_parse(cases[i].text, NTS, &fy, &flags), HYOKA_OK);
        EXPECT_INT(fy, cases[i].year);
        EXPECT_INT(flags & HYOKA_CAL_PAST_ERA_END, cases[i].past_end);
    }
    assert_int_equal(hyoka_date_parse("平成20年5月15日", NTS, &date, NULL), HYOKA_OK);
    assert_int_equal(date, 20080515);
    assert_int_equal(hyoka_date_parse("平成21年2月", NTS, &date, NULL), HYOKA_OK);
    assert_int_equal(date, 20090200);
}

static void test_bad_arguments(void **state)
{
    hyoka_portfolio *pf = NULL;
    (void)state;

    assert_int_equal(seed_build(0, &pf), HYOKA_EINVAL);
    assert_int_equal(seed_build(SEED_COUNT + 1, &pf), HYOKA_EINVAL);
    assert_null(pf);
    assert_int_equal(seed_build(1, NULL), HYOKA_EINVAL);
    assert_int_equal(seed001_build(NULL), HYOKA_EINVAL);
    assert_int_equal(seed002_build(NULL), HYOKA_EINVAL);
    assert_int_equal(seed003_build(NULL), HYOKA_EINVAL);
    assert_int_equal(seed004_build(NULL), HYOKA_EINVAL);
}

/* Under every allocation failure a builder returns HYOKA_ENOMEM, leaves
 * *out alone and frees everything (failalloc counts the blocks). */
struct sweep_ctx {
    seed_builder_fn fn;
};

static int build_copy_free(void *ctx)
{
    const struct sweep_ctx *c = ctx;
    hyoka_portfolio *pf = NULL, *copy = NULL;
    int rc = c->fn(&pf);

    if (rc != HYOKA_OK) {
        assert_null(pf);
        return rc;
    }
    rc = hyoka_portfolio_copy(pf, &copy);
    if (rc == HYOKA_OK) {
        assert_int_equal(hyoka_portfolio_equal(pf, copy), 1);
        hyoka_portfolio_free(copy);
    } else {
        assert_null(copy);
    }
    hyoka_portfolio_free(pf);
    return rc;
}

static void test_allocation_failures(void **state)
{
    static const seed_builder_fn fns[SEED_COUNT] = {seed001_build, seed002_build, seed003_build, seed004_build};
    int number = *(const int *)*state;
    struct sweep_ctx ctx = {fns[number - 1]};
    long n = failalloc_sweep(build_copy_free, &ctx);
    assert_true(n > 0);
}

static const int seed_numbers[SEED_COUNT] = {1, 2, 3, 4};

/* A test run on seed n, named after both ("test_model/seed001"). */
#define SEED_TEST(fn, n) {#fn "/seed00" #n, fn, NULL, NULL, (void *)&seed_numbers[(n) - 1]}

int main(void)
{
    const struct CMUnitTest tests[] = {
        SEED_TEST(test_model, 1),
        SEED_TEST(test_model, 2),
        SEED_TEST(test_model, 3),
        SEED_TEST(test_model, 4),
        SEED_TEST(test_copy, 1),
        SEED_TEST(test_copy, 2),
        SEED_TEST(test_copy, 3),
        SEED_TEST(test_copy, 4),
        cmocka_unit_test(test_scheme_refs),
        cmocka_unit_test(test_denominators),
        cmocka_unit_test(test_sheet_years),
        cmocka_unit_test(test_bad_arguments),
        SEED_TEST(test_allocation_failures, 1),
        SEED_TEST(test_allocation_failures, 2),
        SEED_TEST(test_allocation_failures, 3),
        SEED_TEST(test_allocation_failures, 4),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
