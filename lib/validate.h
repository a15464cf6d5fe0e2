/* Validation's internals shared by its files: the context of one
 * hyoka_validate() call, emitting a diagnostic at the current path, and
 * formatting amounts for messages (validate.c); the checks of a project's
 * records and of the logic model's indicators (validate_records.c). Not
 * installed; docs/validation.md states every rule. */
#ifndef HYOKA_VALIDATE_H
#define HYOKA_VALIDATE_H

#include "codes.h"
#include "figures/internal.h"
#include "util/buf.h"

/* The context of one validation. */
struct hyoka__vctx {
    const hyoka_portfolio *pf;
    hyoka_report *report;
    struct hyoka__buf path;         /* JSON pointer of the object being checked */
    int amount_unit;
    int64_t tolerance;
    struct hyoka__year_index years; /* the cost years of the project being checked */
};

/* Add a diagnostic at the current path, or at the current path followed by
 * "/member" when @p member is not NULL: emit(c, member, HYOKA__MSG(C001),
 * the template's arguments...). */
int hyoka__validate_emit(struct hyoka__vctx *c, const char *member, int code, const char *fmt_en, const char *fmt_ja,
                         ...) HYOKA_PRINTF2(4, 5, 6);

/* Report a stated figure that does not match its computed value (a code
 * with a detail template): "stated NAME S differs from the computed V". */
int hyoka__validate_stated(struct hyoka__vctx *c, int code, const char *member, const char *name_en,
                           const char *name_ja, const hyoka_decimal *stated, const hyoka_decimal *computed,
                           const char *unit_en, const char *unit_ja);

/* An amount in the document's unit, in English and Japanese: 1,068.978
 * thousand yen and 1,068.978千円, or 1,068,978 yen and 1,068,978円. */
struct hyoka__vmoney {
    char en[HYOKA_DECIMAL_STRING_MAX + 16];
    char ja[HYOKA_DECIMAL_STRING_MAX + 16];
};
void hyoka__validate_money(const struct hyoka__vctx *c, int64_t yen, struct hyoka__vmoney *m);

/* The checks of a project's records (budgets, blocks: B001..B005), after
 * its evaluations (validate_records.c). */
int hyoka__validate_records(struct hyoka__vctx *c, const hyoka_project *p);

/* The checks of an indicator of the logic model (I006), after the other
 * checks of the indicator (validate_records.c). */
int hyoka__validate_logic_indicator(struct hyoka__vctx *c, const hyoka_indicator *ind);

#endif /* HYOKA_VALIDATE_H */
