/**
 * @file evaluation.h
 * @brief An evaluation of a project (評価): who judged it, when, under which
 *        scheme, and what they decided.
 *
 * Evaluations are created by hyoka_project_add_evaluation() and owned by
 * their project. The verdict, the budget direction and the criterion
 * answers are stored as given; whether the scheme knows them is checked by
 * validation (code E001), never by the setters, so nothing is dropped.
 * Texts follow the rules of project.h.
 */
#ifndef HYOKA_EVALUATION_H
#define HYOKA_EVALUATION_H

#include "common.h"
#include "types.h"

HYOKA_BEGIN_DECLS

/** Text fields of an evaluation. */
typedef enum hyoka_evaluation_field {
    HYOKA_EVAL_EVALUATOR = 0, /**< "evaluator": 記入者・評価者. */
    HYOKA_EVAL_SCHEME = 1,    /**< "scheme": id of the scheme followed (missing means "jp-standard"). */
    HYOKA_EVAL_VERDICT = 2,   /**< "verdict": code of the overall verdict (総合評価). */
    HYOKA_EVAL_BUDGET = 3     /**< "budget": code of the budget direction (予算). */
} hyoka_evaluation_field;

/** The stage (::hyoka_stage) or ::HYOKA_UNSET. */
HYOKA_API int hyoka_evaluation_stage(const hyoka_evaluation *evaluation);

/** Set the stage, a ::hyoka_stage; ::HYOKA_UNSET clears it. @return ::HYOKA_OK or ::HYOKA_EINVAL. */
HYOKA_API int hyoka_evaluation_set_stage(hyoka_evaluation *evaluation, int stage);

/** The fiscal year evaluated, 0 when missing. */
HYOKA_API int32_t hyoka_evaluation_fiscal_year(const hyoka_evaluation *evaluation);

/** Set the fiscal year evaluated (1868..9999, 0 clears). @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE. */
HYOKA_API int hyoka_evaluation_set_fiscal_year(hyoka_evaluation *evaluation, int32_t fiscal_year);

/** The date of the evaluation as YYYYMMDD (calendar.h), 0 when missing. */
HYOKA_API int32_t hyoka_evaluation_date(const hyoka_evaluation *evaluation);

/**
 * Set the date (a YYYYMMDD value from calendar.h; 0 clears).
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE (not a valid date).
 */
HYOKA_API int hyoka_evaluation_set_date(hyoka_evaluation *evaluation, int32_t date);

/**
 * Set a text field (::hyoka_evaluation_field); NULL makes it missing.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_EENCODING, ::HYOKA_ELIMIT, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_evaluation_set_text(hyoka_evaluation *evaluation, int field, const char *text, size_t len);

/** A text field (@p field, a ::hyoka_evaluation_field), borrowed; NULL when missing. */
HYOKA_API const char *hyoka_evaluation_text(const hyoka_evaluation *evaluation, int field);

/** The expected outcome (::hyoka_expected_outcome) or ::HYOKA_UNSET. */
HYOKA_API int hyoka_evaluation_expected_outcome(const hyoka_evaluation *evaluation);

/** The expected cost (::hyoka_expected_cost) or ::HYOKA_UNSET. */
HYOKA_API int hyoka_evaluation_expected_cost(const hyoka_evaluation *evaluation);

/**
 * Set the expected effect: @p outcome is a ::hyoka_expected_outcome and
 * @p cost a ::hyoka_expected_cost; either may be ::HYOKA_UNSET.
 * @return ::HYOKA_OK or ::HYOKA_EINVAL (nothing changed).
 */
HYOKA_API int hyoka_evaluation_set_expected(hyoka_evaluation *evaluation, int outcome, int cost);

/**
 * Record the answer to a criterion (an option code such as "A", or a number
 * as text for numeric criteria). Setting an existing criterion replaces the
 * answer in place; NULL @p value removes it.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL (NULL evaluation, empty criterion),
 *         ::HYOKA_EENCODING, ::HYOKA_ELIMIT, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_evaluation_set_answer(hyoka_evaluation *evaluation, const char *criterion, size_t criterion_len,
                                          const char *value, size_t value_len);

/** The answer to a criterion, borrowed; NULL when unanswered. */
HYOKA_API const char *hyoka_evaluation_answer(const hyoka_evaluation *evaluation, const char *criterion,
                                              size_t criterion_len);

/** Number of answers. */
HYOKA_API size_t hyoka_evaluation_answer_count(const hyoka_evaluation *evaluation);

/** Read the answer at @p index (order of first setting). Outputs may be NULL. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_evaluation_answer_at(const hyoka_evaluation *evaluation, size_t index,
                                         const char **criterion, const char **value);

/**
 * Set a free comment under a key ("reason", "issues", "improvements"...).
 * Existing keys are replaced in place; NULL @p text removes the key.
 * @return as hyoka_evaluation_set_answer().
 */
HYOKA_API int hyoka_evaluation_set_comment(hyoka_evaluation *evaluation, const char *key, size_t key_len,
                                           const char *text, size_t text_len);

/** The comment under @p key, borrowed; NULL when absent. */
HYOKA_API const char *hyoka_evaluation_comment(const hyoka_evaluation *evaluation, const char *key, size_t key_len);

/** Number of comments. */
HYOKA_API size_t hyoka_evaluation_comment_count(const hyoka_evaluation *evaluation);

/** Read the comment at @p index. Outputs may be NULL. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_evaluation_comment_at(const hyoka_evaluation *evaluation, size_t index,
                                          const char **key, const char **text);

/**
 * Append a goal (今期目標): what, to what level, by when.
 * @param what  UTF-8 or NULL.
 * @param level UTF-8 or NULL.
 * @param by    a YYYYMMDD date (day 00 for a month), or 0 when not given.
 * @param evaluation the evaluation.
 * @param what_len length of @p what in bytes, or ::HYOKA_NTS.
 * @param level_len length of @p level in bytes, or ::HYOKA_NTS.
 * @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ERANGE (bad date), ::HYOKA_EENCODING, ::HYOKA_ELIMIT, ::HYOKA_ENOMEM.
 */
HYOKA_API int hyoka_evaluation_add_goal(hyoka_evaluation *evaluation, const char *what, size_t what_len,
                                        const char *level, size_t level_len, int32_t by);

/** Number of goals. */
HYOKA_API size_t hyoka_evaluation_goal_count(const hyoka_evaluation *evaluation);

/** Read a goal. Outputs may be NULL. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_evaluation_goal_at(const hyoka_evaluation *evaluation, size_t index,
                                       const char **what, const char **level, int32_t *by);

/** Remove a goal. @return ::HYOKA_OK, ::HYOKA_EINVAL, ::HYOKA_ENOTFOUND. */
HYOKA_API int hyoka_evaluation_remove_goal(hyoka_evaluation *evaluation, size_t index);

HYOKA_END_DECLS

#endif /* HYOKA_EVALUATION_H */
