/**
 * @file portfolio.h
 * @brief A portfolio: what one document holds — the municipality, the
 *        population and households per fiscal year, the document's
 *        settings (amount unit, rounding rules, stated tolerance), the
 *        evaluation schemes in use, and the projects.
 *
 * A portfolio is owned by the caller (hyoka_portfolio_new(),
 * hyoka_portfolio_free()). Projects and schemes added to it become its own.
 */
#ifndef HYOKA_PORTFOLIO_H
#define HYOKA_PORTFOLIO_H

#include "common.h"
#include "types.h"

HYOKA_BEGIN_DECLS

/**
 * Create an empty portfolio (amount unit yen, default rounding, tolerance 0).
 * @param out receives the portfolio, owned by the caller.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_portfolio_new(hyoka_portfolio **out);

/** Free a portfolio with all its projects and schemes. NULL is ignored. */
HYOKA_API void hyoka_portfolio_free(hyoka_portfolio *portfolio);

/**
 * Deep copy.
 * @param out receives the copy, owned by the caller.
 * @param portfolio the portfolio.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_portfolio_copy(const hyoka_portfolio *portfolio, hyoka_portfolio **out);

/** Structural equality of everything a portfolio holds, in order. @return 1 or 0 (two NULLs are equal). */
HYOKA_API int hyoka_portfolio_equal(const hyoka_portfolio *a, const hyoka_portfolio *b);

/**
 * Check a 全国地方公共団体コード: six ASCII digits whose last is the check
 * digit of the first five (weights 6, 5, 4, 3, 2; check = (11 − sum mod 11)
 * mod 10), so 112089 (所沢市) passes and 112088 fails.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL, or wrong check digit),
 *         ::HYOKA_ESYNTAX (not six digits).
 */
HYOKA_API int hyoka_municipality_code_check(const char *code, size_t len);

/**
 * Set the municipality. Both parts are replaced: a NULL @p name or @p code
 * makes that part missing.
 * @param name UTF-8 name (所沢市), or NULL for missing.
 * @param code its 6-digit code, verified with hyoka_municipality_code_check(), or NULL.
 * @param portfolio the portfolio.
 * @param name_len length of @p name in bytes, or ::HYOKA_NTS.
 * @param code_len length of @p code in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ESYNTAX, ::HYOKA_EENCODING,
 *         ::HYOKA_ELIMIT, ::HYOKA_ENOMEM (nothing changed on failure).
 */
HYOKA_API int hyoka_portfolio_set_municipality(hyoka_portfolio *portfolio, const char *name, size_t name_len,
                                               const char *code, size_t code_len);

/** The municipality's name, borrowed; NULL when missing. */
HYOKA_API const char *hyoka_portfolio_municipality_name(const hyoka_portfolio *portfolio);

/** The municipality's code, borrowed; NULL when missing. */
HYOKA_API const char *hyoka_portfolio_municipality_code(const hyoka_portfolio *portfolio);

/**
 * Set the population or the number of households of a fiscal year.
 * @param which the ::hyoka_cost_field ::HYOKA_COST_POPULATION or
 *              ::HYOKA_COST_HOUSEHOLDS (costs.h).
 * @param value ≥ 0.
 * @param portfolio the portfolio.
 * @param fiscal_year the fiscal year (1868..9999).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE (year), ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_portfolio_set_denominator(hyoka_portfolio *portfolio, int32_t fiscal_year, int which,
                                              int64_t value);

/**
 * Read a denominator: @p which is the ::hyoka_cost_field
 * ::HYOKA_COST_POPULATION or ::HYOKA_COST_HOUSEHOLDS.
 * @return 1 present, 0 missing, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_portfolio_denominator(const hyoka_portfolio *portfolio, int32_t fiscal_year, int which,
                                          int64_t *out);

/**
 * Make a denominator missing (the year's entry stays): @p which is the
 * ::hyoka_cost_field ::HYOKA_COST_POPULATION or ::HYOKA_COST_HOUSEHOLDS.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_portfolio_clear_denominator(hyoka_portfolio *portfolio, int32_t fiscal_year, int which);

/** Number of fiscal years that have a denominator entry (in order of first setting). */
HYOKA_API size_t hyoka_portfolio_denominator_count(const hyoka_portfolio *portfolio);

/** The fiscal year of the denominator entry at @p index; 0 when out of range. */
HYOKA_API int32_t hyoka_portfolio_denominator_year_at(const hyoka_portfolio *portfolio, size_t index);

/** The unit in which the document writes amounts (::hyoka_unit). */
HYOKA_API int hyoka_portfolio_amount_unit(const hyoka_portfolio *portfolio);

/** Set the unit in which the document writes amounts, a ::hyoka_unit. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_portfolio_set_amount_unit(hyoka_portfolio *portfolio, int unit);

/**
 * Override the rounding of a figure for this document.
 * @param figure a ::hyoka_figure.
 * @param places 0..18 decimal places.
 * @param mode   a ::hyoka_rounding.
 * @param unit   for per-head figures (per_capita, per_household, unit_cost,
 *               per_beneficiary) the unit they are shown in
 *               (::hyoka_unit); otherwise ::HYOKA_UNIT_YEN.
 * @param portfolio the portfolio.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_portfolio_set_rounding(hyoka_portfolio *portfolio, int figure, int places, int mode, int unit);

/**
 * The rounding in force for a figure (@p figure, a ::hyoka_figure). Outputs
 * may be NULL; they receive the override or, without one, the default
 * (money whole yen half_up; appropriation_rate 5 places half_up; every
 * other figure 1 place half_up; per-head figures in yen): @p places,
 * @p mode (a ::hyoka_rounding) and @p unit (a ::hyoka_unit).
 * @return 1 when overridden, 0 when the default applies, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_portfolio_rounding(const hyoka_portfolio *portfolio, int figure, int *places, int *mode,
                                       int *unit);

/** Remove the rounding override of @p figure, a ::hyoka_figure. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_portfolio_clear_rounding(hyoka_portfolio *portfolio, int figure);

/**
 * Set the tolerance for stated figures, in units of the stated figure's
 * last place (0: must match exactly after rounding).
 * @return ::HYOKA_OK or ::HYOKA_EINVAL (negative).
 */
HYOKA_API int hyoka_portfolio_set_stated_tolerance(hyoka_portfolio *portfolio, int64_t ulps);

/** The stated tolerance (0 for NULL). */
HYOKA_API int64_t hyoka_portfolio_stated_tolerance(const hyoka_portfolio *portfolio);

/**
 * Set what ACHIEVEMENT does with an indicator without a direction: @p rule,
 * a ::hyoka_achievement_rule (default ::HYOKA_ACHIEVEMENT_BY_DIRECTION).
 * hyoka_rs_read_dir() and hyoka_rs_read_tables() set ::HYOKA_ACHIEVEMENT_RATIO.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL. @since 1.1
 */
HYOKA_API int hyoka_portfolio_set_achievement_rule(hyoka_portfolio *portfolio, int rule);

/** The achievement rule, a ::hyoka_achievement_rule (the default for NULL). @since 1.1 */
HYOKA_API int hyoka_portfolio_achievement_rule(const hyoka_portfolio *portfolio);

/**
 * Add a scheme. On success the portfolio owns @p scheme.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EEXIST (the portfolio has a
 *         scheme with that id), ::HYOKA_ESTATE (built in, or already owned),
 *         ::HYOKA_ENOMEM (the caller still owns @p scheme).
 */
HYOKA_API int hyoka_portfolio_add_scheme(hyoka_portfolio *portfolio, hyoka_scheme *scheme);

/** Number of schemes held by the portfolio (built-ins not counted). */
HYOKA_API size_t hyoka_portfolio_scheme_count(const hyoka_portfolio *portfolio);

/** The scheme at @p index, borrowed; NULL when out of range. */
HYOKA_API hyoka_scheme *hyoka_portfolio_scheme_at(const hyoka_portfolio *portfolio, size_t index);

/**
 * Find a scheme by id: the portfolio's own first, then the built-ins.
 * @return a borrowed scheme, or NULL.
 */
HYOKA_API const hyoka_scheme *hyoka_portfolio_find_scheme(const hyoka_portfolio *portfolio, const char *id,
                                                          size_t len);

/** Remove and free the scheme at @p index. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_portfolio_remove_scheme(hyoka_portfolio *portfolio, size_t index);

/**
 * Append a project. On success the portfolio owns @p project. A code
 * already used is accepted and reported by validation (P003).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ESTATE (already owned),
 *         ::HYOKA_ENOMEM (the caller still owns @p project).
 */
HYOKA_API int hyoka_portfolio_add_project(hyoka_portfolio *portfolio, hyoka_project *project);

/** Number of (top-level) projects. */
HYOKA_API size_t hyoka_portfolio_project_count(const hyoka_portfolio *portfolio);

/** The project at @p index, borrowed; NULL when out of range. */
HYOKA_API hyoka_project *hyoka_portfolio_project_at(const hyoka_portfolio *portfolio, size_t index);

/** The first top-level project with this code, borrowed; NULL when none. */
HYOKA_API hyoka_project *hyoka_portfolio_find_project(const hyoka_portfolio *portfolio, const char *code,
                                                      size_t len);

/** Remove and free the project at @p index; later projects move up. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_portfolio_remove_project(hyoka_portfolio *portfolio, size_t index);

/** The portfolio that owns @p project (directly, or through its parent projects), or NULL. */
HYOKA_API hyoka_portfolio *hyoka_project_portfolio(const hyoka_project *project);

HYOKA_END_DECLS

#endif /* HYOKA_PORTFOLIO_H */
