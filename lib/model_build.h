/* Building and freeing the records of the domain model: the life cycle of
 * the records a project owns (for the model's own modules), and the
 * reader-only twins of public adders and setters, which skip a check the
 * reader makes itself in less than linear time. Not installed. */
#ifndef HYOKA_MODEL_BUILD_H
#define HYOKA_MODEL_BUILD_H

#include "model.h"

/* ---- Life cycle of owned records (each module) ----
 *
 * The _new functions trust their arguments: the public adders
 * (hyoka_project_add_year()...) and the readers check them first. */

int hyoka__costs_new(hyoka_project *owner, int32_t fiscal_year, hyoka_costs **out);
void hyoka__costs_free(hyoka_costs *c);
int hyoka__costs_copy(const hyoka_costs *src, hyoka_project *owner, hyoka_costs **out);
int hyoka__costs_equal(const hyoka_costs *a, const hyoka_costs *b);
/* The stated block of a cost year, allocated (zeroed) on first use; NULL
 * when out of memory (costs.c). */
struct hyoka__stated *hyoka__costs_stated_block(hyoka_costs *c);

int hyoka__indicator_new(hyoka_project *owner, int kind, hyoka_indicator **out);
void hyoka__indicator_free(hyoka_indicator *ind);
int hyoka__indicator_copy(const hyoka_indicator *src, hyoka_project *owner, hyoka_indicator **out);
int hyoka__indicator_equal(const hyoka_indicator *a, const hyoka_indicator *b);

int hyoka__evaluation_new(hyoka_project *owner, int stage, hyoka_evaluation **out);
void hyoka__evaluation_free(hyoka_evaluation *e);
int hyoka__evaluation_copy(const hyoka_evaluation *src, hyoka_project *owner, hyoka_evaluation **out);
int hyoka__evaluation_equal(const hyoka_evaluation *a, const hyoka_evaluation *b);

/* Records (record.c). A new record of @p kind, every field missing, of
 * @p project under @p parent (NULL: the project's own); NULL when out of
 * memory (nothing recorded). The records of a project: freed, copied (to
 * @p owner, which has none yet) and compared, every kind. */
hyoka_record *hyoka__record_new(int kind, hyoka_project *project, hyoka_record *parent);
void hyoka__record_free(hyoka_record *r);
void hyoka__project_records_free(hyoka_project *p);
int hyoka__project_records_copy(const hyoka_project *src, hyoka_project *owner);
int hyoka__project_records_equal(const hyoka_project *a, const hyoka_project *b);
/* The list of a project's records of @p kind, made on first use; NULL when
 * out of memory (nothing recorded). */
struct hyoka__vec *hyoka__project_record_list(hyoka_project *p, int kind);

/* Free a scheme regardless of its owned flag (not a built-in). */
void hyoka__scheme_destroy(hyoka_scheme *s);

/* Free a project regardless of owner links. */
void hyoka__project_destroy(hyoka_project *p);
/* HYOKA_OK when @p p has no owner yet (neither a parent project nor a
 * portfolio); else HYOKA_ESTATE, recorded for public function @p fn, which
 * calls the project @p what ("child"...). */
int hyoka__project_check_unowned(const char *fn, const char *what, const hyoka_project *p);

/* ---- Reader-only adders ---- */

/* For readers that check that an indicator's fiscal years are unique
 * themselves, in less than linear time: append an entry for @p fiscal_year
 * without looking for it, validated as by hyoka_indicator_add_year(); set
 * a field of the last entry, validated as by hyoka_indicator_set_value()
 * (the same messages). HYOKA_OK, or an error with the indicator unchanged. */
int hyoka__indicator_append_year(hyoka_indicator *indicator, int32_t fiscal_year);
int hyoka__indicator_set_last_value(hyoka_indicator *indicator, int field, const hyoka_decimal *value);

/* The public adders of schemes and their parts for readers that keep the
 * codes in a hash themselves: @p exists says whether the code (the id) is
 * taken, found by the caller, instead of a search of the list. Otherwise
 * the same checks in the same order, the same results and messages. */
int hyoka__portfolio_add_scheme(hyoka_portfolio *portfolio, hyoka_scheme *scheme, int exists);
int hyoka__scheme_add_criterion(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,
                                size_t label_len, const hyoka_decimal *weight, size_t *index, int exists);
int hyoka__scheme_add_option(hyoka_scheme *scheme, size_t criterion, const char *code, size_t code_len,
                             const char *label, size_t label_len, const hyoka_decimal *score, int exists);
int hyoka__scheme_add_verdict(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,
                              size_t label_len, int group, int exists);
int hyoka__scheme_add_budget(hyoka_scheme *scheme, const char *code, size_t code_len, const char *label,
                             size_t label_len, int kind, int exists);
/* The band with the code, if any, is given by its min (@p code_min, NULL
 * for none); the bands must be as hyoka_scheme_add_band() keeps them
 * (sorted by min, highest first, no two alike), which finds the rest by
 * binary search. *index: where the new band went. */
int hyoka__scheme_add_band(hyoka_scheme *scheme, const hyoka_decimal *min, const char *code, size_t code_len,
                           const char *label, size_t label_len, const hyoka_decimal *code_min, size_t *index);

#endif /* HYOKA_MODEL_BUILD_H */
