/*
 * The four seed sheets built through the public API (see seeds.h, and
 * docs/seeds.md for the box-by-box mapping and every modelling decision).
 *
 * Figures are written here as the sheets print them ("16,627" 千円,
 * "1.33" 人, "平成 18 年度") and converted with hyoka's own parsers
 * (hyoka_decimal_parse_printed(), hyoka_yen_from_thousands(),
 * hyoka_fiscal_year_parse(), hyoka_date_parse()), so a builder reads like
 * the sheet and exercises those parsers as well.
 *
 * Texts are the sheet's cells as transcribed in seeds/: the box's own label
 * is left out, whitespace inside a cell is kept, and a box printed on
 * several lines or paragraphs is joined with "\n".
 */
#include "seeds.h"

#include <stddef.h>
#include <stdint.h>

#define TRY(expr)                  \
    do {                           \
        rc = (expr);               \
        if (rc != HYOKA_OK)        \
            goto fail;             \
    } while (0)

#define NTS HYOKA_NTS

/* ------------------------------------------------------------------------ */
/* Texts of the sheets                                                       */

static const char S1_PURPOSE[] =
    "情報資産に関する脅威や対処方法を職員一人ひとりに理解してもらい、セキュリティ意識を向上させる。 結果として、市全体としてのセキュリティレベルを向上させる。";
static const char S1_TARGET[] =
    "保育士、現業職を除く課長級以下の職員 (eラーニングについては消防、医療センター、水道部は対象外)";
static const char S1_BACKGROUND[] =
    "情報漏えい事件の8割は人的原因によるとの報告もあり、また、市では多くの個人情報のみならず、行政運営上重要な情報も保持していることから、職員一人ひとりの情報資産に対するセキュリティ意識を向上させる必要がある。";
static const char S1_ACTIVITIES[] =
    "■eラーニングについて\n"
    "①情報統計課にてeラーニング受講対象者を選定する(毎月40人~100人程度)\n"
    "②情報統計課にて受講対象者情報をeラーニングシステムに登録する\n"
    "③情報統計課にて受講決定通知を作成し、各課へ送付する\n"
    "④受講対象者はeラーニングを実施する(受講期間は2ヶ月間)\n"
    "⑤情報統計課にて受講期限間近にシステムにて受講状況を確認し、各所属長宛に未実施者の受講催促を行う。\n"
    "※このほか、外部派遣講師による情報セキュリティ研修や各種通知等による、セキュリティレベルの向上に向けた取り組みもしている。";
static const char S1_USAGE_DEF[] =
    "eラーニングの受講決定通知を送付した職員数+外部派遣講師による研修会に参加した人数(累積)";
static const char S1_OUTCOME_DEF[] =
    "eラーニングまたは外部派遣講師による研修会の参加者数(累積)/保育士、現業職を除く課長級以下の職員(約1800人)";
static const char S1_IMPROVED[] =
    "eラーニングの研修終了報告書をブラウザにて作成するようにした。それにより、理解度や意見等をシステムにて分析・管理することが可能となり、当課職員の作業負担を軽減できた。";
static const char S1_ISSUES[] =
    "保育士・消防職員・医療センター職員・水道部職員へ対象を拡大する。";
static const char S1_GOAL1_WHAT[] =
    "eラーニングによる情報セキュリティ研修を完了する。";
static const char S1_GOAL1_LEVEL[] =
    "対象となる職員すべてに受講通知を行う。";
static const char S1_GOAL2_WHAT[] =
    "情報セキュリティ実施手順の各所属への浸透を図る。";
static const char S1_GOAL2_LEVEL[] =
    "全ての所属より、実施手順を作成・提出してもらう。 情報セキュリティセルフチェックを実施してもらう。";
static const char S1_REASON[] =
    "eラーニングについては未受講職員がいなくなり、また、リースが終了することから事業を縮小する。今後はLASDECが無償で提供するeラーニングが活用できるか検討する。 ②情報セキュリティ実施手順については職員への周知の徹底や、セルフチェック等による実施状況の確認などを行う。 ③外部派遣講師による研修は、現在LASDECから無償で派遣してもらっているが、今後は派遣が困難になる可能性があり、職員が講師を務めることも検討する。";
static const char S2_LEGAL[] =
    "個人情報保護条例(平成15年8月1日施行)、情報セキュリティポリシー";
static const char S2_TARGET[] =
    "市が保有する個人情報";
static const char S2_PURPOSE[] =
    "市が保有する行政情報及び市民の個人情報を適正に管理し保護するため、必要な対策を講じる。 ○情報セキュリティポリシーの運用 ○セキュリティ研修実施等による職員意識の啓発";
static const char S2_DONE[] =
    "○情報公開・個人情報保護審査会を随時開催し、個人情報保護に係る重要事項の審議等を行った。 ○社会保障・税番号制度に合わせた個人情報保護条例の改正を行い、関連規程等についても改定を行った。 ○最新の状況に対応すべく、情報セキュリティポリシーの改定を行った。 ○セキュリティ研修を実施し職員における個人情報の適正な取扱いを啓蒙した。 ○道警との連携によるセキュリティ講習会を開催し、サイバー攻撃等に対する職員の意識を高めた。 ○各種情報事故についてまとめたセキュリティニュースを掲示し、セキュリティ意識の啓発に努めた。";
static const char S2_PLANNED[] =
    "○最新のセキュリティポリシーに合わせた運用を具体化し、順次実施する。 ○職員向けセキュリティ研修やセキュリティニュースの掲示等を継続し、引き続きセキュリティ意識の維持向上に努める。";
static const char S2_PLAN_CELL[] =
    "最新セキュリティポリシーの運用の順次実施 セキュリティ研修の実施 関連書籍等の購入";
static const char S2_PREV_DIRECTION[] =
    "現状継続とする。";
static const char S2_PRIMARY_DIRECTION[] =
    "個人情報保護条例の制定と運用、情報セキュリティポリシーの制定と運用、社会保障と税番号制度への対応などを行い、経常的な運用の段階に入っているため、政策事業としては終了する。";
static const char S2_SECONDARY_DIRECTION[] =
    "引き続き個人情報を適正に管理し、保護すること。";
static const char S2_RELEVANCE[] =
    "市が保有する個人情報情報は市民全体の情報資産であり、これを守る社会的責務が市に課せられているとともに市民のプライバシー保護を図る上で必要な事務事業である。";
static const char S2_ACHIEVEMENT[] =
    "市の保有する個人情報について開示、訂正、利用停止等の請求権を確保し、市民の自己情報コントロール権を尊重する個人情報保護制度は、市民の権利・利益を守るため有効に機能している。";
static const char S2_IMPROVEMENT[] =
    "個人情報を漏えいなどの事故から守るためには、制度やシステムの整備、情報を取り扱う職員のセキュリティ意識醸成・向上といった地道な施策が必要であり、大きく成果を向上させる代替策などは難しい。";
static const char S2_ECONOMY[] =
    "条例等に基づいた個人情報開示請求の事務を行っており、人的な負担を減らすことは難しい。また、セキュリティを維持するための継続的な啓発は必須であり、現状規模程度の職員向けのセキュリティ研修も必要と考える。";
static const char S3_PURPOSE[] =
    "行政サービス、内部事務を実施するための情報システムにおける、情報の漏えい・改ざんや非常時のデータの保持等への安全対策を実施することで、安全、安心な市民サービスの提供と情報資産の安全の確保を図る。";
static const char S3_GOAL[] =
    "情報喪失、情報漏えい等の事故の発生を防止、情報システムの安全な運用を図る。";
static const char S3_REASON[] =
    "技術的・人的なセキュリティ対策を予定どおりに実施できた。";
static const char S3_CONTRIBUTION_BASIS[] =
    "市民サービスの提供及び行政事務の基盤である電算システムに対する脅威に対応するためには、セキュリティ確保は必要不可欠であり、予定どおり安全対策が推進できている。";
static const char S3_DIRECTION[] =
    "情報喪失や情報漏えいなどが発生しないよう技術的、人的な対策について、引き続き取組みを図る。";
static const char S3_CHILD_PURPOSE[] =
    "情報システムにおける、技術的・人的な安全対策を実施することで、安全、安心な市民サービスの提供と情報資産の安全の確保を図る。";
static const char S3_CHILD_GOAL[] =
    "情報喪失、情報漏えい事故の発生を防止、情報システムの安全な運用を図る。";
static const char S3_CHILD_DIRECTION[] =
    "技術的な対策については、限られた予算、人員の中で、費用対効果が最適となるよう、より最新の技術動向に即した取組みやデータの遠隔地などへのバックアップに引き続き取り組む。人的な対策については、定期的な職員研修とともに、啓発の取組みを着実に継続する。";
static const char S3_CHILD_TARGET[] =
    "庁内組織、職員、委託先等";
static const char S3_DONE[] =
    "1. 情報セキュリティの推進\n"
    "行政サービスや内部事務を実施するための情報システムにおいて、情報の漏えい・改ざん防止対策や、非常時のデータの保持等への安全対策を実施することで、安全、安心な市民サービスの提供と情報資産の安全の確保に努めた。";
static const char S3_CHILD_DONE[] =
    "1. 情報セキュリティ対策の推進\n"
    "人的な対策として、定期的なパスワード変更を行うとともに、情報セキュリティについての全庁的な研修やeラーニング※、異動時期や年末年始におけるパソコンなどの取り扱いについての注意喚起など、職員への啓発を実施した。\n"
    "技術的な対策として、情報機器へのウイルス対策ソフトの適用や安全な設定更新に努めるとともに、ファイアウォール※やメール、インターネット接続関連機器の更新を行い、セキュリティ強化を図った。\n"
    "※ eラーニング…主にインターネットを利用して、パソコン等で行う学習形態のこと\n"
    "※ ファイアウォール…組織内のコンピュータネットワークへ外部から侵入されるのを防ぐ装置\n"
    "2. 電算データの退避及びバックアップの実施\n"
    "データの消滅防止を図るとともに、事故や災害発生時の被害を最小限に抑えるため、住民情報システム、財務会計システム、文書管理システム、ファイルサーバなどにおいて日々データのバックアップを実施したほかそれらを定期的に遠隔地へ保管するなどの対策を行った。\n"
    "3. 使用済み記録媒体の適正な処分\n"
    "不要となったCD-ROMなど、記録媒体の廃棄物からの情報漏えいを防ぐため、専門の事業者へ委託し、市で不要となった記録媒体を適正に廃棄処分した。";
static const char S4_SUMMARY[] =
    "情報セキュリティポリシーは、本市が所管する情報資産の「機密性」「完全性」及び「可用性」を確保するため、通信ネットワークを介しての様々な脅威に対する抑止、予防、検知及び回復について、組織的かつ計画的に取り組むための統一の方針であり、ポリシーを実践するに当たっての基本的な考えと方策を定めている。本市では当該ポリシーを平成15年3月1日付で制定・施行した。\n"
    "平成20年度に合併に併せ現状のポリシーを見直し、新たにセキュリティポリシーを改訂した。\n"
    "また平成24年度には、ガイドラインの改正に伴い、災害対応等の追記、組織体制の変更等の一部改正、平成27年度には、社会保障・税番号制度の導入に伴う総務省ガイドラインの改定にあわせて情報セキュリティに関する統一の窓口の設置等の一部改定を行った。";
static const char S4_DONE[] =
    "・総務省セキュリティポリシーの見直しに伴い真岡市セキュリティポリシーの見直しを実施 ・セキュリティ研修の実施（新規採用職員、全職員、管理職向け）";
static const char S4_PLANNED[] =
    "・新しいセキュリティポリシーに関する研修の実施（新規採用職員、全職員、管理職向け）";
static const char S4_TARGET[] =
    "本市の所有する情報資産、真岡市職員数";
static const char S4_INTENT[] =
    "・職員に情報セキュリティポリシーの内容を周知し、その取扱いについて適正に処理できるようにする。 ・セキュリティポリシーの内容に、事務処理上で矛盾が生じていないかを定期的にチェックし最適な運用を確保する。";
static const char S4_RESULT[] =
    "ネットワークを安全に利用できる運用体制を整備し、信頼性の高い情報システムを構築する。";
static const char S4_BACKGROUND[] =
    "本市の情報化を推進するうえで、成文化した情報セキュリティに関する指針が必要となった。";
static const char S4_ENVIRONMENT[] =
    "情報通信機器の利用に関するセキュリティ対策については、電子計算組織管理運営要綱（昭和61年8月19日施行）や個人情報保護条例（平成11年3月26日施行）により対応してきた。\n"
    "その後、住民基本台帳ネットワーク運用に対応した、緊急時対応計画・管理規定（平成14年7月23日施行）を作成した。しかし、従来のままの規定では内容に不備な部分があり、組織として意思統一され、成文化した情報セキュリティポリシーの策定、及びリスク分析による実施手順に沿った適正な運用が必要となった。\n"
    "また、ネットワークが複雑化・多様化し、外部からの不正侵入やコンピュータウイルス、内部からの情報漏洩に対応するため、精度の高い対策が必要となった。\n"
    "平成27年度に社会保障・税番号制度が導入され、平成28年1月から順次、個人番号の利用が開始されたことに伴い、更に強靱なネットワークの構築が求められ、ネットワーク分離を実施した。";
static const char S4_OPINIONS[] =
    "セキュリティポリシーを策定しただけで安心するのではなく、その内容を理解して、指針に沿った運用ができるよう徹底する必要がある。（電算担当者）";

/* ------------------------------------------------------------------------ */
/* Helpers: each returns HYOKA_OK or the status of the call that failed.     */

/* A fiscal year as the sheet writes it ("平成 18 年度", "平成32年度"). */
static int fiscal_year(const char *printed, int32_t *out)
{
    return hyoka_fiscal_year_parse(printed, NTS, out, NULL);
}

/* A date as the sheet writes it ("平成20年5月15日", "平成20年12月"). */
static int date_of(const char *printed, int32_t *out)
{
    return hyoka_date_parse(printed, NTS, out, NULL);
}

/* An amount printed in 千円 ("16,627"), in yen. */
static int thousands(const char *printed, int64_t *yen)
{
    hyoka_decimal k;
    int rc = hyoka_decimal_parse_printed(printed, NTS, &k);
    if (rc == HYOKA_OK)
        rc = hyoka_yen_from_thousands(&k, yen);
    return rc;
}

/* A whole count as printed ("1,054"). */
static int count_of(const char *printed, int64_t *out)
{
    hyoka_decimal d;
    int rc = hyoka_decimal_parse_printed(printed, NTS, &d);
    if (rc == HYOKA_OK && hyoka_decimal_scale(&d) != 0)
        rc = HYOKA_ESYNTAX;
    if (rc == HYOKA_OK)
        rc = hyoka_decimal_to_int(&d, HYOKA_ROUND_DOWN, out);
    return rc;
}

/* A number as printed, with its printed places ("0.30", "98.3", "1,096"). */
static int number(const char *printed, hyoka_decimal *out)
{
    return hyoka_decimal_parse_printed(printed, NTS, out);
}

/* Create a project and hand it to the portfolio at once, so that a later
 * failure is cleaned up by freeing the portfolio. */
static int new_project(hyoka_portfolio *pf, hyoka_project **out)
{
    hyoka_project *p = NULL;
    int rc = hyoka_project_new(&p);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_portfolio_add_project(pf, p);
    if (rc != HYOKA_OK) {
        hyoka_project_free(p);
        return rc;
    }
    *out = p;
    return HYOKA_OK;
}

/* The same for a sub-project (細事業). */
static int new_child(hyoka_project *parent, hyoka_project **out)
{
    hyoka_project *c = NULL;
    int rc = hyoka_project_new(&c);
    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka_project_add_child(parent, c);
    if (rc != HYOKA_OK) {
        hyoka_project_free(c);
        return rc;
    }
    *out = c;
    return HYOKA_OK;
}

static int text(hyoka_project *p, int field, const char *value)
{
    return hyoka_project_set_text(p, field, value, NTS);
}

static int policy(hyoka_project *p, const char *level, const char *code, const char *name)
{
    return hyoka_project_add_class(p, HYOKA_CLASS_POLICY, level, NTS, code, NTS, name, NTS);
}

static int account(hyoka_project *p, const char *level, const char *code, const char *name)
{
    return hyoka_project_add_class(p, HYOKA_CLASS_ACCOUNT, level, NTS, code, NTS, name, NTS);
}

static int extension(hyoka_project *p, const char *key, const char *value)
{
    return hyoka_project_set_extension(p, key, NTS, value, NTS);
}

/* A cost year of the fiscal year printed as @p year, in phase @p phase. */
static int add_year(hyoka_project *p, const char *year, int phase, hyoka_costs **out)
{
    int32_t fy = 0;
    int rc = fiscal_year(year, &fy);
    if (rc == HYOKA_OK)
        rc = hyoka_project_add_year(p, fy, out);
    if (rc == HYOKA_OK)
        rc = hyoka_costs_set_phase(*out, phase);
    return rc;
}

/* A money field of a cost year, printed in 千円. */
static int money(hyoka_costs *c, int field, const char *printed)
{
    int64_t yen = 0;
    int rc = thousands(printed, &yen);
    if (rc == HYOKA_OK)
        rc = hyoka_costs_set(c, field, yen);
    return rc;
}

/* A count field of a cost year (利用数). */
static int count(hyoka_costs *c, int field, const char *printed)
{
    int64_t n = 0;
    int rc = count_of(printed, &n);
    if (rc == HYOKA_OK)
        rc = hyoka_costs_set(c, field, n);
    return rc;
}

/* The four specific sources and the general revenue, all printed in 千円
 * (NULL: the sheet leaves the cell blank or has no such row). */
static int funding(hyoka_costs *c, const char *national, const char *prefectural, const char *bonds,
                   const char *other, const char *general)
{
    const char *printed[5] = {national, prefectural, bonds, other, general};
    const int fields[5] = {HYOKA_COST_NATIONAL, HYOKA_COST_PREFECTURAL, HYOKA_COST_BONDS, HYOKA_COST_OTHER,
                           HYOKA_COST_GENERAL};
    for (int i = 0; i < 5; i++) {
        if (printed[i]) {
            int rc = money(c, fields[i], printed[i]);
            if (rc != HYOKA_OK)
                return rc;
        }
    }
    return HYOKA_OK;
}

/* A figure as the sheet printed it, in @p unit. */
static int stated(hyoka_costs *c, int figure, const char *printed, int unit)
{
    hyoka_decimal d;
    int rc = number(printed, &d);
    if (rc == HYOKA_OK)
        rc = hyoka_costs_set_stated(c, figure, &d, unit);
    return rc;
}

/* A staff line. Decimals as printed, money in 千円; NULL leaves a field
 * missing. */
static int staff(hyoka_costs *c, int category, const char *headcount, const char *fte, const char *hours,
                 const char *unit_cost, const char *amount)
{
    hyoka_staff *s = NULL;
    const char *decimals[3] = {headcount, fte, hours};
    const int dec_fields[3] = {HYOKA_STAFF_HEADCOUNT, HYOKA_STAFF_FTE, HYOKA_STAFF_HOURS};
    const char *moneys[2] = {unit_cost, amount};
    const int money_fields[2] = {HYOKA_STAFF_UNIT_COST, HYOKA_STAFF_AMOUNT};
    int rc = hyoka_costs_add_staff(c, category, &s);

    for (int i = 0; rc == HYOKA_OK && i < 3; i++) {
        hyoka_decimal d;
        if (!decimals[i])
            continue;
        rc = number(decimals[i], &d);
        if (rc == HYOKA_OK)
            rc = hyoka_staff_set_decimal(s, dec_fields[i], &d);
    }
    for (int i = 0; rc == HYOKA_OK && i < 2; i++) {
        int64_t yen = 0;
        if (!moneys[i])
            continue;
        rc = thousands(moneys[i], &yen);
        if (rc == HYOKA_OK)
            rc = hyoka_staff_set_amount(s, money_fields[i], yen);
    }
    return rc;
}

/* An indicator with its name, unit and definition (NULL: not printed). */
static int indicator(hyoka_project *p, int kind, const char *name, const char *unit, const char *definition,
                     hyoka_indicator **out)
{
    int rc = hyoka_project_add_indicator(p, kind, out);
    if (rc == HYOKA_OK)
        rc = hyoka_indicator_set_text(*out, HYOKA_INDICATOR_NAME, name, NTS);
    if (rc == HYOKA_OK && unit)
        rc = hyoka_indicator_set_text(*out, HYOKA_INDICATOR_UNIT, unit, NTS);
    if (rc == HYOKA_OK && definition)
        rc = hyoka_indicator_set_text(*out, HYOKA_INDICATOR_DEFINITION, definition, NTS);
    return rc;
}

/* One value of an indicator: the fiscal year and the number as printed. */
static int value(hyoka_indicator *ind, const char *year, int field, const char *printed)
{
    int32_t fy = 0;
    hyoka_decimal d;
    int rc = fiscal_year(year, &fy);
    if (rc == HYOKA_OK)
        rc = number(printed, &d);
    if (rc == HYOKA_OK)
        rc = hyoka_indicator_set_value(ind, fy, field, &d);
    return rc;
}

/* One row of an indicator table: @p n cells for the years @p years,
 * each stored as @p field, or as @p last_field for the last cell (a
 * forecast column). NULL cells are blank on the sheet. */
static int row(hyoka_indicator *ind, const char *const *years, const char *const *cells, size_t n, int field,
               int last_field)
{
    for (size_t i = 0; i < n; i++) {
        int rc;
        if (!cells[i])
            continue;
        rc = value(ind, years[i], i + 1 == n ? last_field : field, cells[i]);
        if (rc != HYOKA_OK)
            return rc;
    }
    return HYOKA_OK;
}

/* An evaluation at @p stage of the fiscal year printed as @p year. */
static int evaluation(hyoka_project *p, int stage, const char *year, const char *scheme, const char *verdict,
                      const char *budget, hyoka_evaluation **out)
{
    int32_t fy = 0;
    int rc = fiscal_year(year, &fy);
    if (rc == HYOKA_OK)
        rc = hyoka_project_add_evaluation(p, stage, out);
    if (rc == HYOKA_OK)
        rc = hyoka_evaluation_set_fiscal_year(*out, fy);
    if (rc == HYOKA_OK)
        rc = hyoka_evaluation_set_text(*out, HYOKA_EVAL_SCHEME, scheme, NTS);
    if (rc == HYOKA_OK && verdict)
        rc = hyoka_evaluation_set_text(*out, HYOKA_EVAL_VERDICT, verdict, NTS);
    if (rc == HYOKA_OK && budget)
        rc = hyoka_evaluation_set_text(*out, HYOKA_EVAL_BUDGET, budget, NTS);
    return rc;
}

static int answer(hyoka_evaluation *e, const char *criterion, const char *value_code)
{
    return hyoka_evaluation_set_answer(e, criterion, NTS, value_code, NTS);
}

static int comment(hyoka_evaluation *e, const char *key, const char *value_text)
{
    return hyoka_evaluation_set_comment(e, key, NTS, value_text, NTS);
}

/* A goal whose deadline is printed as an era month ("平成20年12月"). */
static int goal(hyoka_evaluation *e, const char *what, const char *level, const char *by)
{
    int32_t date = 0;
    int rc = date_of(by, &date);
    if (rc == HYOKA_OK)
        rc = hyoka_evaluation_add_goal(e, what, NTS, level, NTS, date);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Seed 001: 所沢市 平成20年度事務事業評価表(一般用), 010802                  */

int seed001_build(hyoka_portfolio **out)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *e = NULL;
    int32_t fy = 0, date = 0;
    int rc;

    if (!out)
        return HYOKA_EINVAL;
    TRY(hyoka_portfolio_new(&pf));
    /* Not printed: the municipality's code, and the population (chosen to
     * reproduce the printed 市民一人当たり, see docs/seeds.md). */
    TRY(hyoka_portfolio_set_municipality(pf, "所沢市", NTS, "112089", NTS));
    TRY(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    TRY(fiscal_year("平成 18 年度", &fy));
    TRY(hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_POPULATION, 338000));
    TRY(fiscal_year("平成 19 年度", &fy));
    TRY(hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_POPULATION, 339300));

    TRY(new_project(pf, &p));
    /* ① 事務事業名・担当 */
    TRY(hyoka_project_set_code(p, "010802", NTS));
    TRY(hyoka_project_set_name(p, "情報セキュリティ対策推進事業", NTS));
    TRY(text(p, HYOKA_TEXT_DEPARTMENT, "総合政策部"));
    TRY(text(p, HYOKA_TEXT_SECTION, "情報統計課"));
    TRY(text(p, HYOKA_TEXT_GROUP, "情報推進・汎用機グループ"));
    TRY(text(p, HYOKA_TEXT_PHONE, "2998-9036"));
    /* 開始年度 平成 15 年度 → 終了年度 平成 年度 (blank: open-ended). */
    TRY(fiscal_year("平成 15 年度", &fy));
    TRY(hyoka_project_set_period_years(p, fy, 0));
    /* ② 事業の概要 */
    TRY(hyoka_project_set_duty(p, HYOKA_DUTY_AUTONOMOUS));
    TRY(policy(p, "政策", "8", "計画の推進に向け"));
    TRY(policy(p, "施策", "1", "市民との協働"));
    TRY(policy(p, "中柱", "3", "行政サービスの向上"));
    TRY(policy(p, "小柱", "1", "個人情報保護対策の充実"));
    TRY(account(p, "会計", NULL, "一般会計"));
    TRY(text(p, HYOKA_TEXT_BACKGROUND, S1_BACKGROUND));
    /* ③ 事業の内容 */
    TRY(text(p, HYOKA_TEXT_PURPOSE, S1_PURPOSE));
    TRY(text(p, HYOKA_TEXT_TARGET, S1_TARGET));
    TRY(text(p, HYOKA_TEXT_ACTIVITIES_DONE, S1_ACTIVITIES));
    /* Boxes with no field of their own, kept under the sheet's labels. */
    TRY(extension(p, "部課コード", "010800"));
    TRY(extension(p, "分野別計画・指針", "所沢市電子市役所推進アクションプランⅡ\n所沢市情報セキュリティ基本方針"));
    TRY(extension(p, "H19市民意識調査における施策の順位", "43施策中 12 位"));
    TRY(extension(p, "実施計画における位置づけ", "H19 ○ H20 ○"));
    TRY(extension(p, "行政改革大綱における行動計画への位置づけ", "3411 電子市役所アクションプランⅢの策定"));
    TRY(extension(p, "利用数の考え方", S1_USAGE_DEF));
    TRY(extension(p, "二次評価実施の有無", "無し"));
    TRY(extension(p, "環境基本計画における位置づけ", "無し"));
    TRY(extension(p, "次世代育成支援行動計画における位置づけ", "無し"));

    /* ⑤ 経費 (千円), with ③ 利用数 and the 市民一人当たり / 利用数一単位あたり rows. */
    TRY(add_year(p, "平成 18 年度", HYOKA_PHASE_SETTLED, &c));
    TRY(money(c, HYOKA_COST_INITIAL_BUDGET, "0"));
    TRY(money(c, HYOKA_COST_SETTLEMENT, "0"));
    TRY(staff(c, HYOKA_CATEGORY_REGULAR, NULL, "1.33", NULL, NULL, "12,236"));
    TRY(funding(c, NULL, NULL, NULL, NULL, "12,236"));
    TRY(count(c, HYOKA_COST_USAGE, "166"));
    TRY(stated(c, HYOKA_FIG_TOTAL_COST, "12,236", HYOKA_UNIT_THOUSAND_YEN));
    TRY(stated(c, HYOKA_FIG_PER_CAPITA, "36.2", HYOKA_UNIT_YEN));
    TRY(stated(c, HYOKA_FIG_UNIT_COST, "73,710.8", HYOKA_UNIT_YEN));

    TRY(add_year(p, "平成 19 年度", HYOKA_PHASE_SETTLED, &c));
    TRY(money(c, HYOKA_COST_INITIAL_BUDGET, "0"));
    TRY(money(c, HYOKA_COST_SETTLEMENT, "0"));
    TRY(staff(c, HYOKA_CATEGORY_REGULAR, NULL, "1.77", NULL, NULL, "16,627"));
    TRY(funding(c, NULL, NULL, NULL, NULL, "16,627"));
    TRY(count(c, HYOKA_COST_USAGE, "1,054"));
    TRY(stated(c, HYOKA_FIG_TOTAL_COST, "16,627", HYOKA_UNIT_THOUSAND_YEN));
    TRY(stated(c, HYOKA_FIG_PER_CAPITA, "49.0", HYOKA_UNIT_YEN));
    TRY(stated(c, HYOKA_FIG_UNIT_COST, "15,775.5", HYOKA_UNIT_YEN));

    TRY(add_year(p, "平成 20 年度", HYOKA_PHASE_BUDGET, &c));
    TRY(money(c, HYOKA_COST_INITIAL_BUDGET, "0"));
    TRY(funding(c, NULL, NULL, NULL, NULL, "0"));

    /* ③ 対象数 (target size), then ⑥ 指標. */
    {
        static const char *const years[2] = {"平成 18 年度", "平成 19 年度"};
        static const char *const size[2] = {"1800", "1800"}; /* printed 約1800 */
        TRY(indicator(p, HYOKA_KIND_TARGET, "対象数", "人", NULL, &ind));
        TRY(row(ind, years, size, 2, HYOKA_VALUE_ACTUAL, HYOKA_VALUE_ACTUAL));
    }
    {
        static const char *const years[3] = {"H 18", "H 19", "H20"};
        static const char *const elearning[3] = {"42", "819", "400"}; /* H20見込み 400人程度 */
        static const char *const lectures[3] = {"124", "69", NULL};  /* H20見込み 未定 */
        static const char *const targets[3] = {"10", "60", "80"};
        static const char *const actuals[3] = {"9", "59", NULL};
        static const char *const rates[3] = {"90.0", "98.3", NULL};

        TRY(indicator(p, HYOKA_KIND_ACTIVITY, "eラーニング受講対象者数", "人", "受講通知を送付した人数の合計", &ind));
        TRY(row(ind, years, elearning, 3, HYOKA_VALUE_ACTUAL, HYOKA_VALUE_FORECAST));
        TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_LONG_TERM_NOTE, "未定", NTS));

        TRY(indicator(p, HYOKA_KIND_ACTIVITY, "外部派遣講師による研修会", "人", "研修会の参加人数", &ind));
        TRY(row(ind, years, lectures, 3, HYOKA_VALUE_ACTUAL, HYOKA_VALUE_FORECAST));
        TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_LONG_TERM_NOTE, "年60~120人程度", NTS));

        /* 単位 % is printed on the summary page; direction 1 = 実績値の拡大を図る. */
        TRY(indicator(p, HYOKA_KIND_OUTCOME, "情報セキュリティ研修受講率", "%", S1_OUTCOME_DEF, &ind));
        TRY(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE));
        TRY(row(ind, years, targets, 3, HYOKA_VALUE_TARGET, HYOKA_VALUE_TARGET));
        TRY(row(ind, years, actuals, 3, HYOKA_VALUE_ACTUAL, HYOKA_VALUE_ACTUAL));
        TRY(row(ind, years, rates, 3, HYOKA_VALUE_STATED_ACHIEVEMENT, HYOKA_VALUE_STATED_ACHIEVEMENT));
    }

    /* ④ 前年評価: 平成19年度事務事業評価結果, final evaluation = 二次評価. */
    TRY(evaluation(p, HYOKA_STAGE_SECONDARY, "平成19年度", "jp-standard", "improve", "status_quo", &e));
    TRY(comment(e, "improvements", S1_IMPROVED));

    /* ⑦ 一次評価 of the 平成 20 年度 sheet (direction for 平成21年度). */
    TRY(evaluation(p, HYOKA_STAGE_PRIMARY, "平成 20 年度", "jp-standard", "improve", "status_quo", &e));
    TRY(date_of("平成20年5月15日", &date));
    TRY(hyoka_evaluation_set_date(e, date));
    TRY(hyoka_evaluation_set_text(e, HYOKA_EVAL_EVALUATOR, "情報統計課長 小山 一", NTS));
    TRY(comment(e, "target_review", "対象を拡大する"));
    TRY(comment(e, "implementer", "市"));
    TRY(comment(e, "implementer_review", "無"));
    TRY(comment(e, "integration", "類似事業がない"));
    TRY(comment(e, "user_charge", "無"));
    TRY(comment(e, "user_charge_review", "無"));
    TRY(comment(e, "issues", S1_ISSUES));
    TRY(comment(e, "reason", S1_REASON));
    TRY(goal(e, S1_GOAL1_WHAT, S1_GOAL1_LEVEL, "平成20年12月"));
    TRY(goal(e, S1_GOAL2_WHAT, S1_GOAL2_LEVEL, "平成21年2月"));

    *out = pf;
    return HYOKA_OK;
fail:
    hyoka_portfolio_free(pf);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Seed 002: 00832 個人情報セキュリティ対策事業 (推進計画 evaluation)           */

/* The city's vocabulary (評価区分 and 【評価項目】), built through the API. */
static int seed002_scheme(hyoka_portfolio *pf)
{
    static const struct {
        const char *code, *label, *options[3]; /* labels of 3, 2, 1 */
    } criteria[4] = {
        {"relevance", "妥当性", {"妥当", "どちらかという妥当", "妥当でない"}},
        {"achievement", "達成度", {"あがっている", "どちらかといえばあがっている", "あがっていない"}},
        {"improvement", "成果向上", {"余地なし", "余地あり", "余地大きい"}},
        {"economy", "経済性", {"余地なし", "余地あり", "余地大きい"}},
    };
    static const struct {
        const char *code, *label;
        int group;
    } verdicts[7] = {
        {"expand", "拡大", HYOKA_VERDICT_CONTINUE},
        {"maintain", "現状継続", HYOKA_VERDICT_CONTINUE},
        {"review", "要検討", HYOKA_VERDICT_CONTINUE},
        {"revise", "見直し", HYOKA_VERDICT_CONTINUE},
        {"integrate", "統合", HYOKA_VERDICT_CONTINUE},
        {"abolish", "休止・廃止", HYOKA_VERDICT_END},
        {"end", "終了", HYOKA_VERDICT_END},
    };
    static const char *const option_codes[3] = {"3", "2", "1"};
    hyoka_scheme *s = NULL;
    int rc = hyoka_scheme_new(&s, SEED002_SCHEME_ID, NTS);

    for (size_t i = 0; rc == HYOKA_OK && i < 4; i++) {
        size_t index = 0;
        rc = hyoka_scheme_add_criterion(s, criteria[i].code, NTS, criteria[i].label, NTS, NULL, &index);
        for (int k = 0; rc == HYOKA_OK && k < 3; k++) {
            hyoka_decimal score = hyoka_decimal_from_int(3 - k);
            rc = hyoka_scheme_add_option(s, index, option_codes[k], NTS, criteria[i].options[k], NTS, &score);
        }
    }
    for (size_t i = 0; rc == HYOKA_OK && i < 7; i++)
        rc = hyoka_scheme_add_verdict(s, verdicts[i].code, NTS, verdicts[i].label, NTS, verdicts[i].group);
    if (rc == HYOKA_OK)
        rc = hyoka_portfolio_add_scheme(pf, s);
    if (rc != HYOKA_OK)
        hyoka_scheme_free(s);
    return rc;
}

int seed002_build(hyoka_portfolio **out)
{
    static const char *const years[4] = {"平成28年度", "平成29年度", "平成30年度", "平成31年度"};
    /* 決算額、当初予算額又は推進計画額 and 一般財源 (千円). */
    static const char *const amounts[4] = {"223", "436", "437", "437"};
    static const char *const totals[4] = {"2,743", "2,956", "2,957", "2,957"};
    static const int phases[4] = {HYOKA_PHASE_SETTLED, HYOKA_PHASE_BUDGET, HYOKA_PHASE_PLAN, HYOKA_PHASE_PLAN};
    static const int amount_fields[4] = {HYOKA_COST_SETTLEMENT, HYOKA_COST_INITIAL_BUDGET,
                                         HYOKA_COST_INITIAL_BUDGET, HYOKA_COST_INITIAL_BUDGET};
    static const char *const plan_keys[8] = {
        "事業の計画・実績/平成28年度/計画", "事業の計画・実績/平成28年度/実績",
        "事業の計画・実績/平成29年度/計画", "事業の計画・実績/平成29年度/実績",
        "事業の計画・実績/平成30年度/計画", "事業の計画・実績/平成30年度/実績",
        "事業の計画・実績/平成31年度/計画", "事業の計画・実績/平成31年度/実績",
    };
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_evaluation *e = NULL;
    int32_t start = 0, end = 0, fy = 0;
    int rc;

    if (!out)
        return HYOKA_EINVAL;
    TRY(hyoka_portfolio_new(&pf));
    /* The sheet names no municipality. The 2016 population is chosen to
     * reproduce the printed 市民一人当たりの負担額 46.5 (docs/seeds.md). */
    TRY(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    TRY(fiscal_year("平成28年度", &fy));
    TRY(hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_POPULATION, 58990));
    TRY(seed002_scheme(pf));

    TRY(new_project(pf, &p));
    TRY(hyoka_project_set_code(p, "00832", NTS));
    TRY(hyoka_project_set_name(p, "個人情報セキュリティ対策事業", NTS));
    TRY(text(p, HYOKA_TEXT_DEPARTMENT, "総務部")); /* 担当部署 総務部行政管理課 */
    TRY(text(p, HYOKA_TEXT_SECTION, "行政管理課"));
    TRY(text(p, HYOKA_TEXT_PHONE, "内線3504"));
    /* 【基本情報】 */
    TRY(hyoka_project_set_duty(p, HYOKA_DUTY_AUTONOMOUS));
    TRY(text(p, HYOKA_TEXT_LEGAL_BASIS, S2_LEGAL));
    TRY(fiscal_year("平成15年度", &start));
    TRY(fiscal_year("平成29年度", &end));
    TRY(hyoka_project_set_period_years(p, start, end));
    TRY(account(p, "会計", NULL, "一般会計"));
    TRY(extension(p, "ソフト・ハード区分", "ソフト事業"));
    TRY(extension(p, "補助単独区分", "単独"));
    TRY(extension(p, "新規継続区分", "継続"));
    /* 【事業概要】 */
    TRY(policy(p, "章", "5", "快適な生活環境のまち"));
    TRY(policy(p, "節", "9", "情報公開・広報広聴の充実"));
    TRY(policy(p, "施策", "3", "個人情報の保護"));
    TRY(text(p, HYOKA_TEXT_TARGET, S2_TARGET));
    TRY(text(p, HYOKA_TEXT_PURPOSE, S2_PURPOSE));
    TRY(text(p, HYOKA_TEXT_ACTIVITIES_DONE, S2_DONE));       /* 28年度まで */
    TRY(text(p, HYOKA_TEXT_ACTIVITIES_PLANNED, S2_PLANNED)); /* 29年度 */
    /* 【事業の計画・実績】: one extension per cell. */
    for (size_t i = 0; i < 8; i++)
        TRY(extension(p, plan_keys[i], S2_PLAN_CELL));
    TRY(extension(p, "法律で実施が義務付けられている事務事業か", "法律の義務付けあり"));

    /* 【事業費の推移】 (千円) */
    for (size_t i = 0; i < 4; i++) {
        TRY(add_year(p, years[i], phases[i], &c));
        TRY(money(c, amount_fields[i], amounts[i]));
        TRY(funding(c, "0", "0", "0", "0", amounts[i]));
        TRY(stated(c, HYOKA_FIG_EXPENSE, amounts[i], HYOKA_UNIT_THOUSAND_YEN)); /* ① 合計 */
        TRY(staff(c, HYOKA_CATEGORY_REGULAR, NULL, "0.30", NULL, "8,400", "2,520"));
        TRY(staff(c, HYOKA_CATEGORY_REAPPOINTED, NULL, "0.00", NULL, "4,500", "0"));
        TRY(stated(c, HYOKA_FIG_TOTAL_COST, totals[i], HYOKA_UNIT_THOUSAND_YEN)); /* 総事業費①+④ */
    }

    /* 【評価指標】 */
    {
        static const char *const target90[4] = {"90", "90", "90", "90"};
        static const char *const outcome_targets[4] = {"53.6", "50.1", "50.1", "50.1"};

        TRY(indicator(p, HYOKA_KIND_ACTIVITY, "開示請求数等(件数)", "件", NULL, &ind));
        TRY(hyoka_indicator_set_not_settable(ind, 1));
        TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NOT_SETTABLE_REASON, "設定困難", NTS));
        TRY(value(ind, years[0], HYOKA_VALUE_ACTUAL, "19"));

        TRY(indicator(p, HYOKA_KIND_ACTIVITY, "審査会開催数(回数)", "回", NULL, &ind));
        TRY(hyoka_indicator_set_not_settable(ind, 1));
        TRY(hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NOT_SETTABLE_REASON, "設定困難", NTS));
        TRY(value(ind, years[0], HYOKA_VALUE_ACTUAL, "0"));

        TRY(indicator(p, HYOKA_KIND_ACTIVITY, "情報セキュリティ研修受講者数", "人", NULL, &ind));
        TRY(row(ind, years, target90, 4, HYOKA_VALUE_TARGET, HYOKA_VALUE_TARGET));
        TRY(value(ind, years[0], HYOKA_VALUE_ACTUAL, "87"));

        TRY(indicator(p, HYOKA_KIND_OUTCOME, "市民一人当たりの負担額", "円/人", "総事業費/市内総人口", &ind));
        TRY(hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_DECREASE));
        TRY(row(ind, years, outcome_targets, 4, HYOKA_VALUE_TARGET, HYOKA_VALUE_TARGET));
        TRY(value(ind, years[0], HYOKA_VALUE_ACTUAL, "46.5"));
    }

    /* 【評価結果・評価コメント】 (平成30年度に向けた具体的な方向性). */
    TRY(evaluation(p, HYOKA_STAGE_SECONDARY, "平成28年度", SEED002_SCHEME_ID, "maintain", NULL, &e));
    TRY(comment(e, "direction", S2_PREV_DIRECTION));

    TRY(evaluation(p, HYOKA_STAGE_PRIMARY, "平成29年度", SEED002_SCHEME_ID, "end", NULL, &e));
    TRY(comment(e, "direction", S2_PRIMARY_DIRECTION));
    /* 【評価項目】 and 【民間活力の活用性評価】(事業担当部局が評価). */
    TRY(answer(e, "relevance", "3"));
    TRY(answer(e, "achievement", "3"));
    TRY(answer(e, "improvement", "3"));
    TRY(answer(e, "economy", "3"));
    TRY(comment(e, "relevance", S2_RELEVANCE));
    TRY(comment(e, "achievement", S2_ACHIEVEMENT));
    TRY(comment(e, "improvement", S2_IMPROVEMENT));
    TRY(comment(e, "economy", S2_ECONOMY));
    TRY(comment(e, "private_sector", "民間等での実施または市民等との協働の可能性はない。"));

    TRY(evaluation(p, HYOKA_STAGE_SECONDARY, "平成29年度", SEED002_SCHEME_ID, "end", NULL, &e));
    TRY(comment(e, "direction", S2_SECONDARY_DIRECTION));

    *out = pf;
    return HYOKA_OK;
fail:
    hyoka_portfolio_free(pf);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Seed 003: 1379 情報化安全対策事業 and its 細事業 01 (平成24年度)             */

/* The cost year both blocks print (the 細事業 is the only one, so the
 * parent's figures are its figures). Staff FTEs are printed in the 細事業
 * block (職員数 0.60, 再任用職員数 0.00). */
static int seed003_year(hyoka_project *p)
{
    hyoka_costs *c = NULL;
    int rc = add_year(p, "平成24年度", HYOKA_PHASE_SETTLED, &c);

    if (rc == HYOKA_OK)
        rc = money(c, HYOKA_COST_SETTLEMENT, "5,917"); /* 事業費(決算額) */
    if (rc == HYOKA_OK)
        rc = funding(c, "0", "0", "0", "0", "5,917"); /* 国府支出金 0 is both 国 and 府 */
    if (rc == HYOKA_OK)
        rc = money(c, HYOKA_COST_DEBT_SERVICE, "0");
    if (rc == HYOKA_OK)
        rc = staff(c, HYOKA_CATEGORY_REGULAR, NULL, "0.60", NULL, NULL, "4,761");
    if (rc == HYOKA_OK)
        rc = staff(c, HYOKA_CATEGORY_REAPPOINTED, NULL, "0.00", NULL, NULL, NULL);
    if (rc == HYOKA_OK)
        rc = stated(c, HYOKA_FIG_TOTAL_COST, "10,678", HYOKA_UNIT_THOUSAND_YEN);
    if (rc == HYOKA_OK)
        rc = stated(c, HYOKA_FIG_EXPENSE, "5,917", HYOKA_UNIT_THOUSAND_YEN);
    if (rc == HYOKA_OK)
        rc = stated(c, HYOKA_FIG_PERSONNEL, "4,761", HYOKA_UNIT_THOUSAND_YEN);
    if (rc == HYOKA_OK)
        rc = stated(c, HYOKA_FIG_PER_CAPITA, "95", HYOKA_UNIT_YEN);
    if (rc == HYOKA_OK)
        rc = stated(c, HYOKA_FIG_PER_HOUSEHOLD, "226", HYOKA_UNIT_YEN);
    return rc;
}

int seed003_build(hyoka_portfolio **out)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL, *child = NULL;
    hyoka_evaluation *e = NULL;
    int32_t fy = 0;
    int rc;

    if (!out)
        return HYOKA_EINVAL;
    TRY(hyoka_portfolio_new(&pf));
    /* No municipality printed. Population and households are chosen to
     * reproduce 一人あたり 95 and 世帯あたり 226, which this city prints in
     * whole yen (docs/seeds.md). */
    TRY(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));
    TRY(fiscal_year("平成24年度", &fy));
    TRY(hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_POPULATION, 112400));
    TRY(hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_HOUSEHOLDS, 47248));
    TRY(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_CAPITA, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));
    TRY(hyoka_portfolio_set_rounding(pf, HYOKA_FIG_PER_HOUSEHOLD, 0, HYOKA_ROUND_HALF_UP, HYOKA_UNIT_YEN));

    TRY(new_project(pf, &p));
    TRY(hyoka_project_set_code(p, "1379", NTS)); /* 整理番号 */
    TRY(hyoka_project_set_name(p, "情報化安全対策事業", NTS));
    TRY(text(p, HYOKA_TEXT_DEPARTMENT, "総務部")); /* 所管課 総務部行政改革課 */
    TRY(text(p, HYOKA_TEXT_SECTION, "行政改革課"));
    TRY(policy(p, "まちづくりの目標(章)", "5", "自律協働都市"));
    TRY(policy(p, "施策分野(節)", "03", "情報化"));
    TRY(policy(p, "施策", "03", "情報資産に対する脅威に対応する"));
    TRY(text(p, HYOKA_TEXT_PURPOSE, S3_PURPOSE));
    TRY(text(p, HYOKA_TEXT_INTENT, S3_GOAL)); /* 目標 */
    TRY(text(p, HYOKA_TEXT_ACTIVITIES_DONE, S3_DONE));
    TRY(seed003_year(p));
    /* コスト情報・評価 and 貢献度: 総合評価 B is a rating, not a verdict. */
    TRY(evaluation(p, HYOKA_STAGE_SELF, "平成24年度", "jp-standard", NULL, NULL, &e));
    TRY(answer(e, "relevance", "A"));
    TRY(answer(e, "efficiency", "A"));
    TRY(answer(e, "effectiveness", "B"));
    TRY(answer(e, "contribution", "A"));
    TRY(comment(e, "overall_rating", "B"));
    TRY(comment(e, "reason", S3_REASON));
    TRY(comment(e, "contribution", S3_CONTRIBUTION_BASIS));
    TRY(comment(e, "direction", S3_DIRECTION));

    /* 細事業 01 */
    TRY(new_child(p, &child));
    TRY(hyoka_project_set_code(child, "01", NTS));
    TRY(hyoka_project_set_name(child, "情報化安全対策事業", NTS));
    TRY(text(child, HYOKA_TEXT_PURPOSE, S3_CHILD_PURPOSE));
    TRY(text(child, HYOKA_TEXT_INTENT, S3_CHILD_GOAL));
    TRY(text(child, HYOKA_TEXT_TARGET, S3_CHILD_TARGET)); /* 対象者 */
    TRY(text(child, HYOKA_TEXT_ACTIVITIES_DONE, S3_CHILD_DONE));
    TRY(extension(child, "事業優先順位", "1"));
    TRY(extension(child, "事業実施主体", "直営"));
    TRY(extension(child, "事業開始年度", "平成15年度以前"));
    TRY(seed003_year(child));
    TRY(evaluation(child, HYOKA_STAGE_SELF, "平成24年度", "jp-standard", NULL, NULL, &e));
    TRY(answer(e, "relevance", "A"));
    TRY(answer(e, "efficiency", "A"));
    TRY(answer(e, "effectiveness", "B"));
    TRY(comment(e, "direction", S3_CHILD_DIRECTION));

    *out = pf;
    return HYOKA_OK;
fail:
    hyoka_portfolio_free(pf);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Seed 004: 真岡市 事務事業評価 現状把握の部 (28–32年度)                       */

int seed004_build(hyoka_portfolio **out)
{
    /* 32年度 is written past the end of 平成 (it is 2020, 令和2年度). */
    static const char *const years[5] = {"平成28年度", "平成29年度", "平成30年度", "平成31年度", "平成32年度"};
    static const int phases[5] = {HYOKA_PHASE_SETTLED, HYOKA_PHASE_SETTLED, HYOKA_PHASE_SETTLED,
                                  HYOKA_PHASE_SETTLED, HYOKA_PHASE_FORECAST};
    static const char *const expense[5] = {"243", "243", "243", "358", "495"};
    static const char *const hours[5] = {"220", "220", "220", "300", "220"};
    static const char *const personnel[5] = {"914", "913", "917", "1,213", "889"};
    static const char *const total[5] = {"1,157", "1,156", "1,160", "1,571", "1,384"};
    static const struct {
        int kind;
        const char *name, *unit, *cells[5];
    } indicators[7] = {
        {HYOKA_KIND_ACTIVITY, "研修会等の開催回数", "回", {"2", "5", "3", "4", "4"}},
        {HYOKA_KIND_ACTIVITY, "メール、課長会議等による情報提供の回数", "回", {"41", "36", "37", "39", "47"}},
        {HYOKA_KIND_TARGET, "真岡市職員数", "人", {"470", "467", "472", "485", "487"}},
        {HYOKA_KIND_TARGET, "ネットワーク接続機器台数", "台", {"665", "708", "850", "898", "916"}},
        {HYOKA_KIND_TARGET, "各課が保有する個人情報の項目件数", "件", {"1,096", "1,141", "1,127", "1,122", "1,122"}},
        {HYOKA_KIND_OUTCOME, "職員がポリシーに従った運用ができている割合", "%", {"100", "100", "100", "100", "100"}},
        {HYOKA_KIND_UPPER_OUTCOME, "市民が市の情報の取扱いについて信頼している割合", "%",
         {"100", "100", "100", "100", "100"}},
    };
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL;
    hyoka_costs *c = NULL;
    hyoka_indicator *ind = NULL;
    int32_t start = 0;
    int rc;

    if (!out)
        return HYOKA_EINVAL;
    TRY(hyoka_portfolio_new(&pf));
    /* The code 092096 is not printed (public 全国地方公共団体コード of 真岡市). */
    TRY(hyoka_portfolio_set_municipality(pf, "真岡市", NTS, "092096", NTS));
    TRY(hyoka_portfolio_set_amount_unit(pf, HYOKA_UNIT_THOUSAND_YEN));

    TRY(new_project(pf, &p));
    /* No project code is printed; a project needs one (P001), so the
     * transcriber assigns "G-1-01" (政策 G, 施策 1, first project) and says so. */
    TRY(hyoka_project_set_code(p, "G-1-01", NTS));
    TRY(hyoka_project_set_name(p, "真岡市セキュリティポリシー遵守運用事業", NTS));
    TRY(hyoka_project_set_extension(p, "code_note", NTS, "no code printed on the sheet; assigned by the transcriber", NTS));
    TRY(text(p, HYOKA_TEXT_DEPARTMENT, "総務部")); /* 担当 総務部 情報政策課 情報管理係 */
    TRY(text(p, HYOKA_TEXT_SECTION, "情報政策課"));
    TRY(text(p, HYOKA_TEXT_GROUP, "情報管理係"));
    TRY(policy(p, "政策", "G", "効率的で市民にわかりやすいまちづくり"));
    TRY(policy(p, "施策", "1", "市民本位の窓口サービスの向上"));
    TRY(account(p, "会計", "1", "一般会計"));
    TRY(account(p, "款", "2", "総務費"));
    TRY(account(p, "項", "1", "総務管理費"));
    TRY(account(p, "目", "1", "一般管理費"));
    /* 事業期間: 単年度繰返（開始年度 平成14年度～）. */
    TRY(hyoka_project_set_period(p, HYOKA_PERIOD_RECURRING));
    TRY(fiscal_year("平成14年度", &start));
    TRY(hyoka_project_set_period_years(p, start, 0));
    TRY(text(p, HYOKA_TEXT_SUMMARY, S4_SUMMARY));
    /* (1) 事務事業の目的と指標 ①–④ */
    TRY(text(p, HYOKA_TEXT_ACTIVITIES_DONE, S4_DONE));       /* 31年度実績 */
    TRY(text(p, HYOKA_TEXT_ACTIVITIES_PLANNED, S4_PLANNED)); /* 32年度計画 */
    TRY(text(p, HYOKA_TEXT_TARGET, S4_TARGET));
    TRY(text(p, HYOKA_TEXT_INTENT, S4_INTENT));
    TRY(text(p, HYOKA_TEXT_RESULT, S4_RESULT));
    /* (3) 事務事業の環境変化・市民意見等 */
    TRY(text(p, HYOKA_TEXT_BACKGROUND, S4_BACKGROUND));
    TRY(text(p, HYOKA_TEXT_ENVIRONMENT, S4_ENVIRONMENT));
    TRY(text(p, HYOKA_TEXT_OPINIONS, S4_OPINIONS));

    /* (2) 総事業費の推移 (千円). The 見込 amount of 32年度 has no field of
     * its own: it is held as the initial budget. */
    for (size_t i = 0; i < 5; i++) {
        TRY(add_year(p, years[i], phases[i], &c));
        TRY(money(c, i < 4 ? HYOKA_COST_SETTLEMENT : HYOKA_COST_INITIAL_BUDGET, expense[i]));
        TRY(funding(c, "0", "0", "0", "0", expense[i]));
        TRY(stated(c, HYOKA_FIG_EXPENSE, expense[i], HYOKA_UNIT_THOUSAND_YEN)); /* 事業費計(A) */
        TRY(staff(c, HYOKA_CATEGORY_REGULAR, "4", NULL, hours[i], NULL, personnel[i]));
        TRY(stated(c, HYOKA_FIG_PERSONNEL, personnel[i], HYOKA_UNIT_THOUSAND_YEN)); /* 人件費計(B) */
        TRY(stated(c, HYOKA_FIG_TOTAL_COST, total[i], HYOKA_UNIT_THOUSAND_YEN));   /* (A)+(B) */
    }

    /* ⑤–⑧ 指標: 28–31年度(実績) are actuals, 32年度(見込) a forecast. */
    for (size_t i = 0; i < 7; i++) {
        TRY(indicator(p, indicators[i].kind, indicators[i].name, indicators[i].unit, NULL, &ind));
        TRY(row(ind, years, indicators[i].cells, 5, HYOKA_VALUE_ACTUAL, HYOKA_VALUE_FORECAST));
    }

    *out = pf;
    return HYOKA_OK;
fail:
    hyoka_portfolio_free(pf);
    return rc;
}

/* ------------------------------------------------------------------------ */

int seed_build(int number, hyoka_portfolio **out)
{
    static const seed_builder_fn builders[SEED_COUNT] = {seed001_build, seed002_build, seed003_build,
                                                         seed004_build};
    if (number < 1 || number > SEED_COUNT || !out)
        return HYOKA_EINVAL;
    return builders[number - 1](out);
}
