/* The example of docs/guide.md ("A sheet in the API"): part of seed 001
 * built through the API, its figures computed and its printed unit cost
 * checked. Built and run by the test guide-example. */
#include <stdio.h>
#include <hyoka/hyoka.h>

int main(void)
{
    hyoka_portfolio *pf = NULL;
    hyoka_project *p = NULL;
    hyoka_costs *y = NULL;
    hyoka_staff *s = NULL;
    hyoka_indicator *ind = NULL;
    hyoka_decimal fte, v, target, actual;
    hyoka_report *report = NULL;
    char buf[HYOKA_DECIMAL_STRING_MAX];
    int reason = 0;

    /* 所沢市, population of 平成19年度 */
    if (hyoka_portfolio_new(&pf) != HYOKA_OK)
        return 1;
    hyoka_portfolio_set_municipality(pf, "所沢市", HYOKA_NTS, "112089", HYOKA_NTS);
    hyoka_portfolio_set_denominator(pf, 2007, HYOKA_COST_POPULATION, 339300);

    /* ① 事務事業名, 事業コード, 所管 */
    hyoka_project_new(&p);
    hyoka_project_set_code(p, "010802", HYOKA_NTS);
    hyoka_project_set_name(p, "情報セキュリティ対策推進事業", HYOKA_NTS);
    hyoka_project_set_text(p, HYOKA_TEXT_DEPARTMENT, "総合政策部", HYOKA_NTS);
    if (hyoka_portfolio_add_project(pf, p) != HYOKA_OK) { /* the portfolio now owns p */
        hyoka_project_free(p);
        hyoka_portfolio_free(pf);
        return 1;
    }

    /* ⑤ 経費, 平成19年度 column: settled, 決算 0, 正規職員 1.77 人 16,627 千円, 利用数 1,054 */
    hyoka_project_add_year(p, 2007, &y);
    hyoka_costs_set_phase(y, HYOKA_PHASE_SETTLED);
    hyoka_costs_set(y, HYOKA_COST_SETTLEMENT, 0);
    hyoka_costs_set(y, HYOKA_COST_USAGE, 1054);
    hyoka_costs_add_staff(y, HYOKA_CATEGORY_REGULAR, &s);
    hyoka_decimal_parse("1.77", HYOKA_NTS, &fte);
    hyoka_staff_set_decimal(s, HYOKA_STAFF_FTE, &fte);
    hyoka_staff_set_amount(s, HYOKA_STAFF_AMOUNT, 16627000);
    /* what the sheet printed, kept to be checked */
    hyoka_decimal_parse("15775.5", HYOKA_NTS, &v);
    hyoka_costs_set_stated(y, HYOKA_FIG_UNIT_COST, &v, HYOKA_UNIT_YEN);

    /* ⑥ 指標: 成果 情報セキュリティ研修受講率, 目標 60 実績 59 */
    hyoka_project_add_indicator(p, HYOKA_KIND_OUTCOME, &ind);
    hyoka_indicator_set_text(ind, HYOKA_INDICATOR_NAME, "情報セキュリティ研修受講率", HYOKA_NTS);
    hyoka_indicator_set_text(ind, HYOKA_INDICATOR_UNIT, "%", HYOKA_NTS);
    hyoka_indicator_set_direction(ind, HYOKA_DIRECTION_INCREASE);
    target = hyoka_decimal_from_int(60);
    actual = hyoka_decimal_from_int(59);
    hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_TARGET, &target);
    hyoka_indicator_set_value(ind, 2007, HYOKA_VALUE_ACTUAL, &actual);

    /* The figures the sheet prints, computed */
    if (hyoka_costs_figure(y, HYOKA_FIG_PER_CAPITA, &v, &reason) == HYOKA_OK &&
        hyoka_decimal_format(&v, 0, buf, sizeof buf, NULL) == HYOKA_OK)
        printf("市民一人当たり %s 円\n", buf);                        /* 49.0 */
    if (hyoka_costs_figure(y, HYOKA_FIG_UNIT_COST, &v, &reason) == HYOKA_OK &&
        hyoka_decimal_format(&v, HYOKA_DECIMAL_FMT_GROUPING, buf, sizeof buf, NULL) == HYOKA_OK)
        printf("利用数一単位あたり %s 円\n", buf);                    /* 15,775.1 */
    if (hyoka_indicator_figure(ind, 2007, HYOKA_FIG_ACHIEVEMENT, &v, &reason) == HYOKA_OK &&
        hyoka_decimal_format(&v, 0, buf, sizeof buf, NULL) == HYOKA_OK)
        printf("達成率 %s %%\n", buf);                                /* 98.3 */

    /* What the sheet got wrong */
    hyoka_report_new(&report);
    hyoka_validate(pf, report);
    for (size_t i = 0; i < hyoka_report_count(report); i++)
        printf("%s %s: %s\n", hyoka_report_code(report, i), hyoka_report_path(report, i),
               hyoka_report_message(report, i, HYOKA_LANG_JA));
    hyoka_report_free(report);
    hyoka_portfolio_free(pf);     /* frees the project, its years and indicators */
    return 0;
}
