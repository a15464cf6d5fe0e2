/**
 * @file figures.h
 * @brief Every figure an evaluation sheet prints, computed exactly, and
 *        portfolio roll-ups (docs/guide.md, Figures: every formula,
 *        rounding and reason; the figures of records are in record.h).
 *
 * Figures are computed from the data each time they are asked for; nothing
 * is cached and nothing is changed. Money figures come back in yen as a
 * decimal of scale 0; every other figure is rounded once, at the end, by the
 * rule in force for it (hyoka_portfolio_rounding(): the document's override
 * or the default), and per-head figures are expressed in the rule's unit.
 *
 * A figure that cannot be computed returns ::HYOKA_EUNAVAILABLE and says why
 * through a ::hyoka_reason — that is distinct from a figure that is 0.
 *
 * Context: a cost year reads its project's portfolio (denominators,
 * rounding) when the project belongs to one, and its project's previous
 * fiscal year for changes. Without a portfolio the defaults apply and only
 * the year's own population and households are known.
 */
#ifndef HYOKA_FIGURES_H
#define HYOKA_FIGURES_H

#include "common.h"
#include "types.h"
#include "decimal.h"

HYOKA_BEGIN_DECLS

/** Why a figure is unavailable. Values are never renumbered. */
typedef enum hyoka_reason {
    HYOKA_REASON_NONE = 0,             /**< "none": the figure is available. */
    HYOKA_REASON_NO_EXPENSE = 1,       /**< "no_expense": no settlement, final or initial budget. */
    HYOKA_REASON_NO_POPULATION = 2,    /**< "no_population": no population for the fiscal year. */
    HYOKA_REASON_NO_HOUSEHOLDS = 3,    /**< "no_households": no households for the fiscal year. */
    HYOKA_REASON_NO_USAGE = 4,         /**< "no_usage": no usage count (利用数). */
    HYOKA_REASON_NO_BENEFICIARIES = 5, /**< "no_beneficiaries": no beneficiary count. */
    HYOKA_REASON_ZERO_DENOMINATOR = 6, /**< "zero_denominator": the divisor is 0. */
    HYOKA_REASON_NO_FINAL_BUDGET = 7,  /**< "no_final_budget": execution rate without a final budget. */
    HYOKA_REASON_NO_SETTLEMENT = 8,    /**< "no_settlement": execution rate without a settlement. */
    HYOKA_REASON_NO_PREVIOUS_YEAR = 9, /**< "no_previous_year": no figure for the previous fiscal year. */
    HYOKA_REASON_NO_GENERAL = 10,      /**< "no_general_revenue": general revenue not given. */
    HYOKA_REASON_NO_TARGET = 11,       /**< "no_target": indicator value without a target. */
    HYOKA_REASON_TARGET_ZERO = 12,     /**< "target_zero": the target is 0. */
    HYOKA_REASON_NO_ACTUAL = 13,       /**< "no_actual": no actual value. */
    HYOKA_REASON_NOT_SETTABLE = 14,    /**< "not_settable": the indicator is marked 設定困難. */
    HYOKA_REASON_NO_DIRECTION = 15,    /**< "no_direction": the indicator has no direction. */
    HYOKA_REASON_ACTUAL_ZERO = 16,     /**< "actual_zero": decrease rule with an actual of 0. */
    HYOKA_REASON_NO_SCHEME = 17,       /**< "no_scheme": the evaluation's scheme is unknown. */
    HYOKA_REASON_NO_SCORES = 18,       /**< "no_scores": no answer carries a score. */
    HYOKA_REASON_ZERO_WEIGHT = 19,     /**< "zero_weight": the scored criteria weigh 0 in total. */
    HYOKA_REASON_NO_BANDS = 20,        /**< "no_bands": no rating band applies (none defined, or the score is below every band). */
    HYOKA_REASON_NOT_A_FIGURE = 21,    /**< "not_a_figure": the figure does not apply to this object. */
    HYOKA_REASON_NO_YEAR = 22,         /**< "no_year": no entry for that fiscal year. */
    HYOKA_REASON_BAD_ANSWER = 23,      /**< "bad_answer": an answer is not an option or number of its criterion. */
    HYOKA_REASON_NO_APPROPRIATION = 24,/**< "no_appropriation": a budget record without an appropriation (歳出予算現額). */
    HYOKA_REASON_NO_EXECUTION = 25,    /**< "no_execution": a budget record without an execution (執行額). */
    HYOKA_REASON_NO_CARRIED_OUT = 26,  /**< "no_carried_out": a budget record without the amount carried to the next year. */
    HYOKA_REASON_NO_TOTAL = 27,        /**< "no_total": no total row (a budget without an account) for the budget year. */
    HYOKA_REASON_NO_CONTRACTS = 28,    /**< "no_contracts": a block without a contract amount. */
    HYOKA_REASON_OVERFLOW = 29         /**< "overflow" (since 1.1): the figure, or an amount it is made of, does not fit in 64-bit yen (diagnostic C009); the functions computing one figure return ::HYOKA_ERANGE with this reason. */
} hyoka_reason;

/** The document name of a reason (@p reason, a ::hyoka_reason): "no_population"...; NULL when unknown. Static, owned by the library. */
HYOKA_API const char *hyoka_reason_name(int reason);

/**
 * A sentence explaining a reason (@p reason, a ::hyoka_reason), in English
 * or Japanese by @p lang, a ::hyoka_lang ("no population for the fiscal
 * year" / "当該年度の人口がない").
 * @return a static string owned by the library; NULL when unknown.
 */
HYOKA_API const char *hyoka_reason_message(int reason, int lang);

/**
 * Compute a figure of a cost year (docs/guide.md, Figures, gives each
 * formula, rounding and reason in full):
 * - EXPENSE: settlement if the phase is settled (or, without a phase, if a
 *   settlement is given), else final budget, else initial budget.
 * - PERSONNEL: Σ staff lines; a line costs FTE × unit cost or hours × hourly
 *   rate where those are given (rounded to the yen by the personnel rule),
 *   otherwise its stated amount (a line with neither costs 0).
 * - DEBT_SERVICE, INDIRECT_COSTS: as given (0 when missing).
 * - TOTAL_COST: expense + personnel + debt service + indirect costs.
 * - GENERAL_REVENUE: as given; SPECIFIC_REVENUE: Σ the other five sources.
 * - PER_CAPITA, PER_HOUSEHOLD, UNIT_COST, PER_BENEFICIARY: total ÷
 *   population, households, usage, beneficiaries (the year's own count, else
 *   the portfolio's denominator for that fiscal year).
 * - EXECUTION_RATE: settlement ÷ final budget × 100.
 * - PERSONNEL_SHARE: personnel ÷ total × 100; GENERAL_REVENUE_SHARE:
 *   general revenue ÷ expense × 100.
 * - TOTAL_COST_CHANGE: (total − previous year's total) ÷ previous × 100.
 *
 * @param costs  the cost year.
 * @param figure a ::hyoka_figure from EXPENSE to TOTAL_COST_CHANGE.
 * @param out    receives the figure (money in yen, scale 0); unchanged
 *               unless ::HYOKA_OK.
 * @param reason receives ::HYOKA_REASON_NONE or why it is unavailable (a
 *               ::hyoka_reason); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EUNAVAILABLE, ::HYOKA_ERANGE (overflow; since
 *         1.1 @p reason then receives ::HYOKA_REASON_OVERFLOW),
 *         ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_costs_figure(const hyoka_costs *costs, int figure, hyoka_decimal *out, int *reason);

/**
 * Every figure of a cost year in one call (since 1.1): values[i] and
 * reasons[i] hold figure ::HYOKA_FIG_EXPENSE + i, for i below min(@p count,
 * n), where n is the number of cost-year figures this version computes (15:
 * EXPENSE .. TOTAL_COST_CHANGE); later versions may add figures at the end.
 * The year's expense, personnel and total are computed once. Each entry is
 * exactly what hyoka_costs_figure() gives for that figure:
 * - reasons[i] = ::HYOKA_REASON_NONE (0): values[i] is the figure;
 * - reasons[i] > 0, a ::hyoka_reason: the figure is unavailable (the call
 *   returned ::HYOKA_EUNAVAILABLE); values[i] is left unchanged;
 * - reasons[i] < 0, a ::hyoka_status: computing the figure failed with that
 *   status (::HYOKA_ERANGE on overflow), recorded as the thread's last
 *   error; values[i] is left unchanged.
 * Unavailable figures are not recorded as the thread's last error.
 *
 * @param costs   the cost year.
 * @param values  @p count decimals, owned by the caller (may be NULL when
 *                @p count is 0).
 * @param reasons @p count ints, owned by the caller (may be NULL when
 *                @p count is 0).
 * @param count   the length of both arrays.
 * @return n (the number of figures this version knows: call with count 0
 *         to ask), or ::HYOKA_EINVAL (NULL argument; nothing is filled).
 */
HYOKA_API int hyoka_costs_figures(const hyoka_costs *costs, hyoka_decimal *values, int *reasons, size_t count);

/**
 * The cost of one staff line in yen (FTE × unit cost, hours × hourly rate,
 * or the stated amount), as counted in PERSONNEL. @p reason (may be NULL)
 * receives ::HYOKA_REASON_NONE or why it is unavailable (a ::hyoka_reason).
 * @return ::HYOKA_OK, ::HYOKA_EUNAVAILABLE (nothing to cost it with),
 *         ::HYOKA_ERANGE (with ::HYOKA_REASON_OVERFLOW since 1.1), ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_staff_cost(const hyoka_staff *staff, int64_t *out, int *reason);

/**
 * Compute a figure of an indicator for one fiscal year:
 * - ACHIEVEMENT (達成率): actual ÷ target × 100 for increase; target ÷
 *   actual × 100 for decrease; for maintain, 100 when actual equals target,
 *   otherwise the decrease rule above the target and the increase rule
 *   below it. Unavailable when not settable, without a target, with a
 *   target of 0, without an actual, or without a direction.
 * - CHANGE: (actual − previous year's actual) ÷ previous × 100.
 *
 * @param indicator   the indicator.
 * @param fiscal_year the fiscal year.
 * @param figure      the ::hyoka_figure ACHIEVEMENT or CHANGE.
 * @param out         receives the figure; unchanged unless ::HYOKA_OK.
 * @param reason      receives ::HYOKA_REASON_NONE or why it is unavailable
 *                    (a ::hyoka_reason); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EUNAVAILABLE, ::HYOKA_ERANGE, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_indicator_figure(const hyoka_indicator *indicator, int32_t fiscal_year, int figure,
                                     hyoka_decimal *out, int *reason);

/**
 * Every figure of an indicator for one fiscal year in one call (since
 * 1.1): values[i] and reasons[i] hold figure ::HYOKA_FIG_ACHIEVEMENT + i
 * (ACHIEVEMENT, CHANGE), for i below min(@p count, n), n = 2 in this
 * version; later versions may add figures at the end. Entries are exactly
 * what hyoka_indicator_figure() gives, encoded as in hyoka_costs_figures()
 * (reasons[i]: 0 = set, > 0 a ::hyoka_reason, < 0 a ::hyoka_status).
 * @param indicator   the indicator.
 * @param fiscal_year the fiscal year.
 * @param values      @p count decimals, owned by the caller.
 * @param reasons     @p count ints, owned by the caller.
 * @param count       the length of both arrays.
 * @return n, or ::HYOKA_EINVAL (NULL argument; nothing is filled).
 */
HYOKA_API int hyoka_indicator_figures(const hyoka_indicator *indicator, int32_t fiscal_year, hyoka_decimal *values,
                                      int *reasons, size_t count);

/**
 * The weighted score of an evaluation: Σ weightᵢ × scoreᵢ ÷ Σ weightᵢ over
 * the criteria answered with a score (an option with a score, or a number
 * for a numeric criterion), rounded by the SCORE rule. The scheme is looked
 * up with hyoka_portfolio_find_scheme() (missing scheme id: jp-standard).
 * @p reason (may be NULL) receives ::HYOKA_REASON_NONE or why the score is
 * unavailable (a ::hyoka_reason).
 * @return ::HYOKA_OK, ::HYOKA_EUNAVAILABLE, ::HYOKA_ERANGE, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_evaluation_score(const hyoka_evaluation *evaluation, hyoka_decimal *out, int *reason);

/**
 * The rating band of an evaluation's score: the band with the highest
 * minimum at or below the exact (unrounded) score; the scheme's
 * missing-data rating when a required criterion is unanswered.
 * @param code  receives the band's code (borrowed from the scheme); may be NULL.
 * @param label receives the band's label; may be NULL.
 * @param evaluation the evaluation.
 * @param reason receives ::HYOKA_REASON_NONE or why the figure is unavailable (::hyoka_reason); may be NULL.
 * @return ::HYOKA_OK, ::HYOKA_EUNAVAILABLE, ::HYOKA_ERANGE, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_evaluation_rating(const hyoka_evaluation *evaluation, const char **code,
                                      const char **label, int *reason);

/** How a roll-up groups projects. */
typedef enum hyoka_group_by {
    HYOKA_GROUP_FISCAL_YEAR = 0, /**< by fiscal year (key "2007"). */
    HYOKA_GROUP_DEPARTMENT = 1,  /**< by department (部); key "" when missing. */
    HYOKA_GROUP_POLICY = 2,      /**< by policy node at a depth (key: the codes of the path to that depth joined by "/", a level's name standing in for a missing code). */
    HYOKA_GROUP_VERDICT = 3      /**< by the final verdict code (latest fiscal year, highest stage); "" when none. */
} hyoka_group_by;

/**
 * A table of totals by group, computed from a portfolio (hyoka_rollup_new())
 * or from projects added one at a time (hyoka_rollup_start(), since 1.1).
 * Owned by the caller.
 */
typedef struct hyoka_rollup hyoka_rollup;

/**
 * Total the money figures of a portfolio's projects (top-level projects;
 * sub-projects are part of their parents' sheets and not added again) by
 * group.
 * @param group_by    a ::hyoka_group_by.
 * @param depth       for ::HYOKA_GROUP_POLICY, the depth of the node (1 =
 *                    first level); ignored otherwise.
 * @param fiscal_year only that fiscal year's cost years, or 0 for all.
 * @param out         receives the roll-up, owned by the caller
 *                    (hyoka_rollup_free()). It does not refer to the
 *                    portfolio after this call.
 * @param portfolio the portfolio.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM. (Before 1.1,
 *         ::HYOKA_ERANGE when a sum overflowed; since 1.1 that total alone
 *         is unavailable: hyoka_rollup_total() says so.)
 */
HYOKA_API int hyoka_rollup_new(hyoka_rollup **out, const hyoka_portfolio *portfolio, int group_by, int depth,
                               int32_t fiscal_year);

/** Free a roll-up; NULL is ignored. */
HYOKA_API void hyoka_rollup_free(hyoka_rollup *rollup);

/** Number of groups (rows), sorted by key (fiscal years numerically). */
HYOKA_API size_t hyoka_rollup_count(const hyoka_rollup *rollup);

/** The key of a row, borrowed from the roll-up; NULL when out of range. */
HYOKA_API const char *hyoka_rollup_key(const hyoka_rollup *rollup, size_t row);

/** The number of projects in a row (0 when out of range). */
HYOKA_API size_t hyoka_rollup_projects(const hyoka_rollup *rollup, size_t row);

/**
 * A total of a row: the sum of a money figure (@p figure, a ::hyoka_figure
 * from EXPENSE to SPECIFIC_REVENUE) over the row's cost years.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND (row out of range),
 *         ::HYOKA_ERANGE (since 1.1: the total, or that figure of one of
 *         the row's cost years, does not fit in 64-bit yen; the row's other
 *         totals are still given).
 */
HYOKA_API int hyoka_rollup_total(const hyoka_rollup *rollup, size_t row, int figure, int64_t *out);

/** Projects ordered by one figure. Owned by the caller. */
typedef struct hyoka_ranking hyoka_ranking;

/**
 * Rank a portfolio's top-level projects by a cost-year figure of one fiscal
 * year, or by the latest evaluation's SCORE. Projects whose figure is
 * unavailable come last, in document order.
 * @param figure      a ::hyoka_figure (cost-year figures or SCORE).
 * @param fiscal_year the fiscal year (ignored for SCORE).
 * @param descending  nonzero: largest first.
 * @param out         receives the ranking (hyoka_ranking_free()). It
 *                    borrows the portfolio's projects: valid while the
 *                    portfolio is neither changed nor freed.
 * @param portfolio the portfolio.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM. (Before 1.1,
 *         ::HYOKA_ERANGE when a figure overflowed; since 1.1 that project
 *         is unavailable with ::HYOKA_REASON_OVERFLOW.)
 */
HYOKA_API int hyoka_ranking_new(hyoka_ranking **out, const hyoka_portfolio *portfolio, int figure,
                                int32_t fiscal_year, int descending);

/** Free a ranking; NULL is ignored. */
HYOKA_API void hyoka_ranking_free(hyoka_ranking *ranking);

/** Number of entries (every top-level project). */
HYOKA_API size_t hyoka_ranking_count(const hyoka_ranking *ranking);

/**
 * An entry of the ranking: its project (borrowed), and its figure or why it
 * is unavailable (@p reason, a ::hyoka_reason). Outputs may be NULL. For a
 * ranking built by hyoka_ranking_start() and hyoka_ranking_add(), which
 * keep no project, @p project receives NULL: use hyoka_ranking_entry().
 * @return ::HYOKA_OK when the figure is available, ::HYOKA_EUNAVAILABLE
 *         when not (project and reason still set), ::HYOKA_ENOTFOUND (out
 *         of range), ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_ranking_at(const hyoka_ranking *ranking, size_t index, hyoka_project **project,
                               hyoka_decimal *value, int *reason);

/**
 * An empty roll-up, to which top-level projects are added one at a time
 * with hyoka_rollup_add() (available since 1.1): for a stream of projects
 * (stream.h), whose projects are released one after the other, so that
 * memory holds the groups and not the portfolio. Adding every top-level
 * project of a portfolio, in any order, gives exactly the roll-up of
 * hyoka_rollup_new() (which is built this way).
 * @param out         receives the roll-up, owned by the caller
 *                    (hyoka_rollup_free()).
 * @param group_by    a ::hyoka_group_by.
 * @param depth       for ::HYOKA_GROUP_POLICY, the depth of the node (1 or
 *                    more); ignored otherwise.
 * @param fiscal_year only that fiscal year's cost years, or 0 for all.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL @p out, unknown @p group_by,
 *         policy depth below 1, fiscal year outside 1868..9999 other than
 *         0), ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_rollup_start(hyoka_rollup **out, int group_by, int depth, int32_t fiscal_year);

/**
 * Add one top-level project to a roll-up made by hyoka_rollup_start()
 * (available since 1.1): its cost years of the roll-up's fiscal year (all
 * when 0) go to their group, as in hyoka_rollup_new(). Figures are
 * computed in the project's own portfolio (denominators, rounding,
 * schemes), so a project of a stream counts as in its document. The
 * roll-up copies what it needs and keeps no reference to @p project,
 * which the caller may free or release right after. Rows stay sorted by
 * key: reading between two adds gives the roll-up of the projects added
 * so far. A figure that overflows makes that total unavailable
 * (hyoka_rollup_total() returns ::HYOKA_ERANGE), not the call.
 * @param rollup  the roll-up, changed.
 * @param project a top-level project (not a sub-project), borrowed.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL argument, or a sub-project),
 *         ::HYOKA_ENOMEM; on failure the roll-up is unchanged.
 */
HYOKA_API int hyoka_rollup_add(hyoka_rollup *rollup, const hyoka_project *project);

/**
 * An empty ranking, to which top-level projects are added one at a time
 * with hyoka_ranking_add() (available since 1.1), for a stream of
 * projects. Adding every top-level project of a portfolio in document
 * order gives the order, values and reasons of hyoka_ranking_new() (which
 * is built this way); ties and unavailable entries keep the order of the
 * adds.
 * @param out         receives the ranking, owned by the caller
 *                    (hyoka_ranking_free()).
 * @param figure      a ::hyoka_figure (cost-year figures or SCORE).
 * @param fiscal_year the fiscal year, 1868..9999 (ignored for SCORE).
 * @param descending  nonzero: largest first.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL @p out, a figure that is
 *         neither a cost-year figure nor SCORE), ::HYOKA_ERANGE (a fiscal
 *         year outside 1868..9999 for a cost-year figure), ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_ranking_start(hyoka_ranking **out, int figure, int32_t fiscal_year, int descending);

/**
 * Add one top-level project to a ranking made by hyoka_ranking_start()
 * (available since 1.1). The ranking computes the project's figure (in the
 * project's own portfolio) and copies its code, name and figure or reason;
 * it keeps no reference to @p project, which the caller may free or
 * release right after. The entries are ordered when next read (the first
 * read after adds sorts them: as for every handle, one thread at a time).
 * @param ranking the ranking, changed.
 * @param project a top-level project (not a sub-project), borrowed.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL argument, a sub-project, or a
 *         ranking made by hyoka_ranking_new()), ::HYOKA_ENOMEM; on failure
 *         the ranking is unchanged. An unavailable or overflowing figure
 *         is not a failure: the entry is unavailable with its reason.
 */
HYOKA_API int hyoka_ranking_add(hyoka_ranking *ranking, const hyoka_project *project);

/**
 * An entry of any ranking (available since 1.1): the project's code and
 * name (borrowed from the ranking, valid until hyoka_ranking_free(), for
 * a ranking built by adds; for one of hyoka_ranking_new(), borrowed from
 * the project, as hyoka_ranking_at() gives it; NULL when the project has
 * none), its figure or why it is unavailable
 * (@p reason, a ::hyoka_reason). Outputs may be NULL.
 * @return ::HYOKA_OK when the figure is available, ::HYOKA_EUNAVAILABLE
 *         when not (code, name and reason still set; @p value unchanged),
 *         ::HYOKA_ENOTFOUND (out of range), ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_ranking_entry(const hyoka_ranking *ranking, size_t index, const char **code, const char **name,
                                  hyoka_decimal *value, int *reason);

/**
 * The figure by which a ranking ranks a top-level project (available since
 * 1.1): the value or reason hyoka_ranking_add() would enter for it (its
 * figure of the ranking's fiscal year, the first cost year of that year,
 * or its score), without adding it. With hyoka_ranking_add_entry(), a
 * caller who learns only at the end which of several rankings it needs
 * can keep the figures of a stream's projects and build that one ranking
 * alone. Nothing is kept of @p project.
 * @param ranking the ranking (its figure and fiscal year), borrowed; not
 *                changed.
 * @param project a top-level project, borrowed.
 * @param value   receives the figure when available; may be NULL.
 * @param reason  receives ::HYOKA_REASON_NONE, or why the figure is
 *                unavailable (a ::hyoka_reason); may be NULL.
 * @return ::HYOKA_OK when the figure is available, ::HYOKA_EUNAVAILABLE
 *         when not (@p reason set, @p value unchanged; an overflowing
 *         figure is unavailable with ::HYOKA_REASON_OVERFLOW),
 *         ::HYOKA_EINVAL (NULL ranking or project, or a sub-project),
 *         ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_ranking_figure(const hyoka_ranking *ranking, const hyoka_project *project, hyoka_decimal *value,
                                   int *reason);

/**
 * Add an entry from its values to a ranking made by hyoka_ranking_start()
 * (available since 1.1): a code and a name, and a figure or why it is
 * unavailable, as hyoka_ranking_entry() gives them back. The entry is
 * ordered with the others exactly as an entry of hyoka_ranking_add() with
 * the same figure or reason (hyoka_ranking_figure() gives them): adding
 * every top-level project's figure in document order gives the ranking
 * of hyoka_ranking_new(). The ranking copies @p code and @p name; it keeps
 * no reference to its arguments.
 * @param ranking the ranking, changed.
 * @param code    the code, copied; NULL when none.
 * @param name    the name, copied; NULL when none.
 * @param value   the figure when @p reason is ::HYOKA_REASON_NONE
 *                (required then), borrowed; ignored otherwise (may be
 *                NULL).
 * @param reason  ::HYOKA_REASON_NONE for an available figure, else why it
 *                is unavailable (a ::hyoka_reason): such an entry comes
 *                after every available one, in the order of the adds.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL ranking, NULL @p value for an
 *         available figure, @p reason not a ::hyoka_reason, or a ranking
 *         made by hyoka_ranking_new()), ::HYOKA_ENOMEM; on failure the
 *         ranking is unchanged.
 */
HYOKA_API int hyoka_ranking_add_entry(hyoka_ranking *ranking, const char *code, const char *name,
                                      const hyoka_decimal *value, int reason);

HYOKA_END_DECLS

#endif /* HYOKA_FIGURES_H */
