/**
 * @file scheme.h
 * @brief Evaluation schemes: the criteria, verdicts, budget directions and
 *        rating bands of one evaluation practice.
 *
 * Four schemes are built in and shared read-only: `jp-standard`,
 * `us-omb-part`, `oecd-dac` and `jp-rs-review` (since 1.1; see
 * docs/schemes.md for their contents).
 * Any other practice is built with hyoka_scheme_new() and the add functions,
 * or read from a document, and added to a portfolio. Mutating a built-in
 * scheme returns ::HYOKA_ESTATE; copy it first (hyoka_scheme_copy()).
 *
 * Codes are compared byte for byte. Texts follow the rules of project.h.
 */
#ifndef HYOKA_SCHEME_H
#define HYOKA_SCHEME_H

#include "common.h"
#include "types.h"
#include "decimal.h"

HYOKA_BEGIN_DECLS

/**
 * Create an empty scheme.
 * @param id  its identifier (non-empty UTF-8), as evaluations refer to it.
 * @param out receives the scheme, owned by the caller until added to a
 *            portfolio (hyoka_portfolio_add_scheme()).
 * @param len length in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ELIMIT, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_scheme_new(hyoka_scheme **out, const char *id, size_t len);

/**
 * Free a scheme the caller owns. NULL and built-in schemes are ignored; a
 * scheme owned by a portfolio must not be freed this way.
 */
HYOKA_API void hyoka_scheme_free(hyoka_scheme *scheme);

/**
 * Deep copy (a copy of a built-in scheme is an ordinary, mutable scheme
 * with the same id).
 * @param out receives the copy, owned by the caller.
 * @param scheme the scheme.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_scheme_copy(const hyoka_scheme *scheme, hyoka_scheme **out);

/** 1 when both schemes hold the same id, name, criteria (weights, required flags, ranges, options and scores), verdicts, budget directions, bands and missing-data rating, in order; else 0. */
HYOKA_API int hyoka_scheme_equal(const hyoka_scheme *a, const hyoka_scheme *b);

/**
 * A built-in scheme by id ("jp-standard", "us-omb-part", "oecd-dac").
 * @return a scheme owned by the library, valid for the life of the process
 *         and safe to read from any thread; NULL when there is none.
 */
HYOKA_API const hyoka_scheme *hyoka_scheme_builtin(const char *id, size_t len);

/** Number of built-in schemes. */
HYOKA_API size_t hyoka_scheme_builtin_count(void);

/** The built-in scheme at @p index (owned by the library), or NULL. */
HYOKA_API const hyoka_scheme *hyoka_scheme_builtin_at(size_t index);

/** 1 for a built-in scheme, else 0. */
HYOKA_API int hyoka_scheme_is_builtin(const hyoka_scheme *scheme);

/** The identifier, borrowed. */
HYOKA_API const char *hyoka_scheme_id(const hyoka_scheme *scheme);

/** The display name, borrowed; NULL when missing. */
HYOKA_API const char *hyoka_scheme_name(const hyoka_scheme *scheme);

/** Set the display name; NULL clears it. @return ::HYOKA_OK or an error as for texts; ::HYOKA_ESTATE for a built-in. */
HYOKA_API int hyoka_scheme_set_name(hyoka_scheme *scheme, const char *name, size_t len);

/**
 * Append a criterion (評価項目).
 * @param code   its code (non-empty, unique within the scheme).
 * @param label  its label; may be NULL.
 * @param weight its weight in the score (≥ 0); NULL means 1.
 * @param index  receives the criterion's index; may be NULL.
 * @param scheme the scheme.
 * @param code_len length of @p code in bytes, or ::HYOKA_NTS.
 * @param label_len length of @p label in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EEXIST, ::HYOKA_EENCODING,
 *         ::HYOKA_ELIMIT, ::HYOKA_ENOMEM, ::HYOKA_ESTATE.
 */
HYOKA_API int hyoka_scheme_add_criterion(hyoka_scheme *scheme, const char *code, size_t code_len,
                                         const char *label, size_t label_len,
                                         const hyoka_decimal *weight, size_t *index);

/** Number of criteria. */
HYOKA_API size_t hyoka_scheme_criterion_count(const hyoka_scheme *scheme);

/**
 * Read a criterion. Outputs may be NULL; strings are borrowed.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND.
 */
HYOKA_API int hyoka_scheme_criterion_at(const hyoka_scheme *scheme, size_t index,
                                        const char **code, const char **label, hyoka_decimal *weight);

/** Find a criterion by code. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_scheme_find_criterion(const hyoka_scheme *scheme, const char *code, size_t len,
                                          size_t *index);

/**
 * Mark a criterion required: when an evaluation leaves it unanswered, the
 * rating is the scheme's missing-data rating (us-omb-part: Results Not
 * Demonstrated).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND, ::HYOKA_ESTATE.
 */
HYOKA_API int hyoka_scheme_set_required(hyoka_scheme *scheme, size_t criterion, int required);

/** 1 when the criterion is required, 0 when not or out of range. */
HYOKA_API int hyoka_scheme_required(const hyoka_scheme *scheme, size_t criterion);

/**
 * Append an answer option to a categorical criterion.
 * @param score the option's score, or NULL when it has none.
 * @param scheme the scheme.
 * @param criterion index of the criterion (hyoka_scheme_criterion_count()).
 * @param code UTF-8 code, compared byte for byte.
 * @param code_len length of @p code in bytes, or ::HYOKA_NTS.
 * @param label UTF-8 label, or NULL.
 * @param label_len length of @p label in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND (criterion),
 *         ::HYOKA_EEXIST (code already an option), ::HYOKA_ESTATE (the
 *         criterion is numeric, or the scheme is built in), ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_scheme_add_option(hyoka_scheme *scheme, size_t criterion,
                                      const char *code, size_t code_len,
                                      const char *label, size_t label_len,
                                      const hyoka_decimal *score);

/** Number of options of a criterion. */
HYOKA_API size_t hyoka_scheme_option_count(const hyoka_scheme *scheme, size_t criterion);

/**
 * Read an option. Outputs may be NULL; @p has_score gets 1 when the option
 * has a score (then written to @p score).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND.
 */
HYOKA_API int hyoka_scheme_option_at(const hyoka_scheme *scheme, size_t criterion, size_t option,
                                     const char **code, const char **label,
                                     hyoka_decimal *score, int *has_score);

/**
 * Make a criterion numeric: answers are numbers within [min, max], and the
 * number is the score. Either bound may be NULL (open).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (min > max), ::HYOKA_ENOTFOUND,
 *         ::HYOKA_ESTATE (the criterion has options, or built in).
 */
HYOKA_API int hyoka_scheme_set_range(hyoka_scheme *scheme, size_t criterion,
                                     const hyoka_decimal *min, const hyoka_decimal *max);

/**
 * Read the range of a numeric criterion. Outputs may be NULL; @p has_min
 * and @p has_max tell whether each bound is given.
 * @return 1 for a numeric criterion, 0 for a categorical one, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_scheme_range(const hyoka_scheme *scheme, size_t criterion,
                                 hyoka_decimal *min, int *has_min, hyoka_decimal *max, int *has_max);

/**
 * Append a verdict (総合評価).
 * @param group a ::hyoka_verdict_group.
 * @param scheme the scheme.
 * @param code UTF-8 code, compared byte for byte.
 * @param code_len length of @p code in bytes, or ::HYOKA_NTS.
 * @param label UTF-8 label, or NULL.
 * @param label_len length of @p label in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EEXIST, ::HYOKA_ESTATE, ::HYOKA_ENOMEM...
 */
HYOKA_API int hyoka_scheme_add_verdict(hyoka_scheme *scheme, const char *code, size_t code_len,
                                       const char *label, size_t label_len, int group);

/** Number of verdicts. */
HYOKA_API size_t hyoka_scheme_verdict_count(const hyoka_scheme *scheme);

/** Read a verdict; @p group receives a ::hyoka_verdict_group. Outputs may be NULL. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_scheme_verdict_at(const hyoka_scheme *scheme, size_t index,
                                      const char **code, const char **label, int *group);

/** Find a verdict by code. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_scheme_find_verdict(const hyoka_scheme *scheme, const char *code, size_t len,
                                        size_t *index);

/**
 * Append a budget direction (予算の方向性).
 * @param kind a ::hyoka_budget_kind: what the direction does to the budget.
 * @param scheme the scheme.
 * @param code UTF-8 code, compared byte for byte.
 * @param code_len length of @p code in bytes, or ::HYOKA_NTS.
 * @param label UTF-8 label, or NULL.
 * @param label_len length of @p label in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EEXIST, ::HYOKA_ESTATE, ::HYOKA_ENOMEM...
 */
HYOKA_API int hyoka_scheme_add_budget(hyoka_scheme *scheme, const char *code, size_t code_len,
                                      const char *label, size_t label_len, int kind);

/** Number of budget directions. */
HYOKA_API size_t hyoka_scheme_budget_count(const hyoka_scheme *scheme);

/** Read a budget direction; @p kind receives a ::hyoka_budget_kind. Outputs may be NULL. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_scheme_budget_at(const hyoka_scheme *scheme, size_t index,
                                     const char **code, const char **label, int *kind);

/** Find a budget direction by code. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_scheme_find_budget(const hyoka_scheme *scheme, const char *code, size_t len,
                                       size_t *index);

/**
 * Add a rating band: a weighted score at or above @p min (and below the
 * next higher band) earns this rating. Bands are kept sorted by @p min,
 * highest first.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EEXIST (same code or same
 *         min), ::HYOKA_ESTATE, ::HYOKA_ENOMEM...
 */
HYOKA_API int hyoka_scheme_add_band(hyoka_scheme *scheme, const hyoka_decimal *min,
                                    const char *code, size_t code_len,
                                    const char *label, size_t label_len);

/** Number of rating bands. */
HYOKA_API size_t hyoka_scheme_band_count(const hyoka_scheme *scheme);

/** Read a band (highest first). Outputs may be NULL. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_scheme_band_at(const hyoka_scheme *scheme, size_t index,
                                   hyoka_decimal *min, const char **code, const char **label);

/**
 * Set the rating given when a required criterion is unanswered; NULL
 * @p code removes it.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ESTATE, ::HYOKA_ENOMEM...
 */
HYOKA_API int hyoka_scheme_set_missing_rating(hyoka_scheme *scheme, const char *code, size_t code_len,
                                              const char *label, size_t label_len);

/**
 * Read the missing-data rating. Outputs may be NULL.
 * @return 1 when set, 0 when not, ::HYOKA_EINVAL.
 */
HYOKA_API int hyoka_scheme_missing_rating(const hyoka_scheme *scheme, const char **code, const char **label);

HYOKA_END_DECLS

#endif /* HYOKA_SCHEME_H */
