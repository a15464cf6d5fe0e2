/* json_write: the canonical hyoka/1 writer (docs/format.md):
 * hyoka_json_write() and hyoka_json_write_file(). The writer and the JSON
 * tokens are in output.c; hyoka-metrics/1 and the JSON form of a report in
 * metrics.c.
 *
 * Output goes into one byte buffer (util/buf.h): in memory, or sent to the
 * file as it fills (util/fsio.h). The first failure is remembered and
 * every later write does nothing, so the walk simply runs to its end and
 * the caller sees the first error.
 *
 * Canonical form (the rules docs/format.md leaves to the writer are marked
 * "decided"):
 * - Members in the order of the tables of docs/format.md; missing members
 *   omitted, never null; empty arrays and objects omitted except "projects".
 *   Array elements are never omitted: an element with nothing in it is {}.
 * - Pretty: two-space indentation, ": " after keys, one member or element
 *   per line, empty containers as {} / [], and a final newline (decided).
 *   Compact: no whitespace at all and no final newline (decided).
 * - Strings: raw UTF-8; only '"', '\\' and U+0000..U+001F are escaped
 *   (\b \f \n \r \t, others \u00XX); '/' is not escaped.
 * - "amount_unit" is always written (decided), right after "format".
 * - Money in the document's unit: yen as integers, thousand_yen as the
 *   shortest exact decimal number (2520, 1068.978, 2520.5, -0.5).
 * - Decimals: numbers when whole (scale 0), strings with their places
 *   otherwise ("0.30"). Stated figures (the "stated" object and an
 *   indicator's "stated_achievement", decided) are always strings; a stated
 *   figure whose stored unit differs from the unit implied for it is
 *   written {"value": "...", "unit": "..."}.
 * - Booleans ("not_settable", "required") only when true (decided for
 *   "required" by analogy with "not_settable").
 * - A numeric criterion with neither bound is written "range": {} (decided:
 *   the only empty object written, since omitting it would lose that the
 *   criterion is numeric).
 * - A criterion's "weight" and a verdict's "group" and a budget direction's
 *   "kind" are always written (they always have a value).
 *
 * Sub-project trees are walked without recursion, like the model does, so
 * a deep tree cannot overflow the stack. */
#include "output.h"
#include "additions.h"
#include "hyoka/json.h"
#include "util/fsio.h"

/* The member names (those of docs/format.md) come from vocab.h. */

#define HAS(bits, field) (((bits) >> (unsigned)(field)) & 1u)

/* ------------------------------------------------------------------------ */
/* hyoka/1                                                                   */

static void write_class_path(struct hyoka__json_writer *w, const char *name, const struct hyoka__class_path *path)
{
    if (path->count == 0)
        return;
    hyoka__json_key(w, name);
    hyoka__json_open(w, '[');
    for (size_t i = 0; i < path->count; i++) {
        const struct hyoka__class_level *l = &path->items[i];

        hyoka__json_sep(w);
        hyoka__json_open(w, '{');
        hyoka__json_m_string(w, "level", l->level);
        hyoka__json_m_string(w, "code", l->code);
        hyoka__json_m_string(w, "name", l->name);
        hyoka__json_close(w, '}');
    }
    hyoka__json_close(w, ']');
}

static void write_kv(struct hyoka__json_writer *w, const char *name, const struct hyoka__kvlist *l)
{
    if (l->count == 0)
        return;
    hyoka__json_key(w, name);
    hyoka__json_open(w, '{');
    for (size_t i = 0; i < l->count; i++) {
        hyoka__json_key_text(w, l->items[i].key);
        hyoka__json_put_string(w, l->items[i].value);
    }
    hyoka__json_close(w, '}');
}

static void write_staff(struct hyoka__json_writer *w, const hyoka_staff *s)
{
    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    hyoka__json_m_enum(w, "category", HYOKA_ENUM_STAFF_CATEGORY, s->category);
    for (int f = HYOKA_STAFF_HEADCOUNT; f <= HYOKA_STAFF_HOURS; f++)
        if (HAS(s->present, f)) {
            hyoka__json_key(w, hyoka__staff_field_names[f]);
            hyoka__json_put_decimal(w, &s->dec[f], false);
        }
    for (int f = HYOKA_STAFF_UNIT_COST; f <= HYOKA_STAFF_AMOUNT; f++)
        if (HAS(s->present, f)) {
            hyoka__json_key(w, hyoka__staff_field_names[f]);
            hyoka__json_put_money(w, s->amount[f - HYOKA_STAFF_UNIT_COST]);
        }
    hyoka__json_close(w, '}');
}

static void write_costs(struct hyoka__json_writer *w, const hyoka_costs *c)
{
    uint32_t p = c->present;

    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    hyoka__json_m_int(w, "fiscal_year", c->fiscal_year);
    hyoka__json_m_enum(w, "phase", HYOKA_ENUM_PHASE, c->phase);
    for (int f = HYOKA_COST_INITIAL_BUDGET; f <= HYOKA_COST_SETTLEMENT; f++)
        if (HAS(p, f)) {
            hyoka__json_key(w, hyoka__cost_field_names[f]);
            hyoka__json_put_money(w, c->value[f]);
        }
    if (p & (((1u << (HYOKA__FUNDING_LAST + 1)) - 1) & ~((1u << HYOKA__FUNDING_FIRST) - 1))) {
        hyoka__json_key(w, "funding");
        hyoka__json_open(w, '{');
        for (int f = HYOKA__FUNDING_FIRST; f <= HYOKA__FUNDING_LAST; f++)
            if (HAS(p, f)) {
                hyoka__json_key(w, hyoka__cost_field_names[f]);
                hyoka__json_put_money(w, c->value[f]);
            }
        hyoka__json_close(w, '}');
    }
    if (c->staff.count > 0) {
        hyoka__json_key(w, "staff");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < c->staff.count; i++)
            write_staff(w, c->staff.items[i]);
        hyoka__json_close(w, ']');
    }
    if (HAS(p, HYOKA_COST_DEBT_SERVICE)) {
        hyoka__json_key(w, "debt_service");
        hyoka__json_put_money(w, c->value[HYOKA_COST_DEBT_SERVICE]);
    }
    if (HAS(p, HYOKA_COST_INDIRECT)) {
        hyoka__json_key(w, "indirect_costs");
        hyoka__json_put_money(w, c->value[HYOKA_COST_INDIRECT]);
    }
    for (int f = HYOKA_COST_USAGE; f <= HYOKA_COST_HOUSEHOLDS; f++)
        if (HAS(p, f))
            hyoka__json_m_int(w, hyoka__cost_field_names[f], c->value[f]);
    if (c->stated_present) {
        hyoka__json_key(w, "stated");
        hyoka__json_open(w, '{');
        for (int f = 0; f < HYOKA__YEAR_FIGURE_COUNT; f++) {
            if (!HAS(c->stated_present, f))
                continue;
            hyoka__json_key(w, hyoka__figure_names[f]);
            if (c->st->unit[f] == hyoka__implied_unit(w->pf, w->unit, f)) {
                hyoka__json_put_decimal(w, &c->st->value[f], true);
            } else {
                hyoka__json_open(w, '{');
                hyoka__json_key(w, "value");
                hyoka__json_put_decimal(w, &c->st->value[f], true);
                hyoka__json_m_enum(w, "unit", HYOKA_ENUM_UNIT, c->st->unit[f]);
                hyoka__json_close(w, '}');
            }
        }
        hyoka__json_close(w, '}');
    }
    hyoka__json_close(w, '}');
}

static void write_indicator(struct hyoka__json_writer *w, const hyoka_indicator *ind)
{
    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    hyoka__json_m_enum(w, "kind", HYOKA_ENUM_INDICATOR_KIND, ind->kind);
    hyoka__json_m_string(w, "name", ind->text[HYOKA_INDICATOR_NAME]);
    hyoka__json_m_string(w, "unit", ind->text[HYOKA_INDICATOR_UNIT]);
    hyoka__json_m_string(w, "definition", ind->text[HYOKA_INDICATOR_DEFINITION]);
    hyoka__json_m_enum(w, "direction", HYOKA_ENUM_DIRECTION, ind->direction);
    if (ind->not_settable) {
        hyoka__json_key(w, "not_settable");
        hyoka__json_put(w, "true", 4);
    }
    hyoka__json_m_string(w, "not_settable_reason", ind->text[HYOKA_INDICATOR_NOT_SETTABLE_REASON]);
    if (ind->value_count > 0) {
        hyoka__json_key(w, "values");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < ind->value_count; i++) {
            const struct hyoka__ivalue *v = &ind->values[i];

            hyoka__json_sep(w);
            hyoka__json_open(w, '{');
            hyoka__json_m_int(w, "fiscal_year", v->fiscal_year);
            for (int f = 0; f < HYOKA__VALUE_FIELD_COUNT; f++)
                if (HAS(v->present, f)) {
                    hyoka__json_key(w, hyoka__value_field_names[f]);
                    hyoka__json_put_decimal(w, &v->v[f], f == HYOKA_VALUE_STATED_ACHIEVEMENT);
                }
            hyoka__json_close(w, '}');
        }
        hyoka__json_close(w, ']');
    }
    if (ind->has_long_term || ind->long_term_year != 0 || ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE]) {
        hyoka__json_key(w, "long_term_target");
        hyoka__json_open(w, '{');
        if (ind->has_long_term) {
            hyoka__json_key(w, "value");
            hyoka__json_put_decimal(w, &ind->long_term, false);
        }
        hyoka__json_m_year(w, "fiscal_year", ind->long_term_year);
        hyoka__json_m_string(w, "note", ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE]);
        hyoka__json_close(w, '}');
    }
    hyoka__json_write_indicator_additions(w, ind);
    hyoka__json_close(w, '}');
}

static void write_evaluation(struct hyoka__json_writer *w, const hyoka_evaluation *e)
{
    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    hyoka__json_m_enum(w, "stage", HYOKA_ENUM_STAGE, e->stage);
    hyoka__json_m_string(w, "scheme", e->text[HYOKA_EVAL_SCHEME]);
    hyoka__json_m_year(w, "fiscal_year", e->fiscal_year);
    hyoka__json_m_date(w, "date", e->date);
    hyoka__json_m_string(w, "evaluator", e->text[HYOKA_EVAL_EVALUATOR]);
    hyoka__json_m_string(w, "verdict", e->text[HYOKA_EVAL_VERDICT]);
    hyoka__json_m_string(w, "budget", e->text[HYOKA_EVAL_BUDGET]);
    write_kv(w, "scores", &e->answers);
    if (e->expected_outcome != HYOKA_UNSET || e->expected_cost != HYOKA_UNSET) {
        hyoka__json_key(w, "expected");
        hyoka__json_open(w, '{');
        hyoka__json_m_enum(w, "outcome", HYOKA_ENUM_EXPECTED_OUTCOME, e->expected_outcome);
        hyoka__json_m_enum(w, "cost", HYOKA_ENUM_EXPECTED_COST, e->expected_cost);
        hyoka__json_close(w, '}');
    }
    write_kv(w, "comments", &e->comments);
    if (e->goal_count > 0) {
        hyoka__json_key(w, "goals");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < e->goal_count; i++) {
            const struct hyoka__goal *g = &e->goals[i];

            hyoka__json_sep(w);
            hyoka__json_open(w, '{');
            hyoka__json_m_string(w, "what", g->what);
            hyoka__json_m_string(w, "level", g->level);
            hyoka__json_m_date(w, "by", g->by);
            hyoka__json_close(w, '}');
        }
        hyoka__json_close(w, ']');
    }
    hyoka__json_close(w, '}');
}

static bool doc_project_head(struct hyoka__json_writer *w, const hyoka_project *p)
{
    hyoka__json_open(w, '{');
    hyoka__json_m_string(w, "code", p->text[HYOKA_TEXT_CODE]);
    hyoka__json_m_string(w, "name", p->text[HYOKA_TEXT_NAME]);
    hyoka__json_write_text_group(w, p, HYOKA__IN_ORGANIZATION, "organization");
    write_class_path(w, "policy", &p->cls[HYOKA_CLASS_POLICY]);
    write_class_path(w, "account", &p->cls[HYOKA_CLASS_ACCOUNT]);
    hyoka__json_m_enum(w, "duty", HYOKA_ENUM_DUTY, p->duty);
    hyoka__json_m_enum(w, "period", HYOKA_ENUM_PERIOD, p->period);
    hyoka__json_m_year(w, "start_fiscal_year", p->start_year);
    hyoka__json_m_year(w, "end_fiscal_year", p->end_year);
    hyoka__json_m_string(w, "legal_basis", p->text[HYOKA_TEXT_LEGAL_BASIS]);
    hyoka__json_write_text_group(w, p, HYOKA__IN_TEXTS, "texts");
    if (p->years.count > 0) {
        hyoka__json_key(w, "years");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < p->years.count; i++)
            write_costs(w, p->years.items[i]);
        hyoka__json_close(w, ']');
    }
    if (p->indicators.count > 0) {
        hyoka__json_key(w, "indicators");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < p->indicators.count; i++)
            write_indicator(w, p->indicators.items[i]);
        hyoka__json_close(w, ']');
    }
    if (p->evaluations.count > 0) {
        hyoka__json_key(w, "evaluations");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < p->evaluations.count; i++)
            write_evaluation(w, p->evaluations.items[i]);
        hyoka__json_close(w, ']');
    }
    hyoka__json_write_project_additions(w, p);
    if (p->children.count == 0)
        return false;
    hyoka__json_key(w, "children");
    hyoka__json_open(w, '[');
    return true;
}

static void doc_project_tail(struct hyoka__json_writer *w, const hyoka_project *p)
{
    write_kv(w, "extensions", &p->extensions);
    hyoka__json_close(w, '}');
}

static void write_scheme(struct hyoka__json_writer *w, const hyoka_scheme *s)
{
    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    hyoka__json_m_string(w, "id", s->id);
    hyoka__json_m_string(w, "name", s->name);
    if (s->criterion_count > 0) {
        hyoka__json_key(w, "criteria");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < s->criterion_count; i++) {
            const struct hyoka__criterion *c = &s->criteria[i];

            hyoka__json_sep(w);
            hyoka__json_open(w, '{');
            hyoka__json_m_string(w, "code", c->code);
            hyoka__json_m_string(w, "label", c->label);
            hyoka__json_key(w, "weight");
            hyoka__json_put_decimal(w, &c->weight, false);
            if (c->required) {
                hyoka__json_key(w, "required");
                hyoka__json_put(w, "true", 4);
            }
            if (c->option_count > 0) {
                hyoka__json_key(w, "options");
                hyoka__json_open(w, '[');
                for (size_t j = 0; j < c->option_count; j++) {
                    const struct hyoka__option *o = &c->options[j];

                    hyoka__json_sep(w);
                    hyoka__json_open(w, '{');
                    hyoka__json_m_string(w, "code", o->code);
                    hyoka__json_m_string(w, "label", o->label);
                    if (o->has_score) {
                        hyoka__json_key(w, "score");
                        hyoka__json_put_decimal(w, &o->score, false);
                    }
                    hyoka__json_close(w, '}');
                }
                hyoka__json_close(w, ']');
            }
            if (c->numeric) {
                hyoka__json_key(w, "range");
                hyoka__json_open(w, '{');
                if (c->has_min) {
                    hyoka__json_key(w, "min");
                    hyoka__json_put_decimal(w, &c->min, false);
                }
                if (c->has_max) {
                    hyoka__json_key(w, "max");
                    hyoka__json_put_decimal(w, &c->max, false);
                }
                hyoka__json_close(w, '}');
            }
            hyoka__json_close(w, '}');
        }
        hyoka__json_close(w, ']');
    }
    if (s->verdict_count > 0) {
        hyoka__json_key(w, "verdicts");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < s->verdict_count; i++) {
            hyoka__json_sep(w);
            hyoka__json_open(w, '{');
            hyoka__json_m_string(w, "code", s->verdicts[i].code);
            hyoka__json_m_string(w, "label", s->verdicts[i].label);
            hyoka__json_m_enum(w, "group", HYOKA_ENUM_VERDICT_GROUP, s->verdicts[i].group);
            hyoka__json_close(w, '}');
        }
        hyoka__json_close(w, ']');
    }
    if (s->budget_count > 0) {
        hyoka__json_key(w, "budget_directions");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < s->budget_count; i++) {
            hyoka__json_sep(w);
            hyoka__json_open(w, '{');
            hyoka__json_m_string(w, "code", s->budgets[i].code);
            hyoka__json_m_string(w, "label", s->budgets[i].label);
            hyoka__json_m_enum(w, "kind", HYOKA_ENUM_BUDGET_KIND, s->budgets[i].kind);
            hyoka__json_close(w, '}');
        }
        hyoka__json_close(w, ']');
    }
    if (s->band_count > 0 || s->missing_code) {
        hyoka__json_key(w, "rating");
        hyoka__json_open(w, '{');
        if (s->band_count > 0) {
            hyoka__json_key(w, "bands");
            hyoka__json_open(w, '[');
            for (size_t i = 0; i < s->band_count; i++) {
                hyoka__json_sep(w);
                hyoka__json_open(w, '{');
                hyoka__json_key(w, "min");
                hyoka__json_put_decimal(w, &s->bands[i].min, false);
                hyoka__json_m_string(w, "code", s->bands[i].code);
                hyoka__json_m_string(w, "label", s->bands[i].label);
                hyoka__json_close(w, '}');
            }
            hyoka__json_close(w, ']');
        }
        if (s->missing_code) {
            hyoka__json_key(w, "missing");
            hyoka__json_open(w, '{');
            hyoka__json_m_string(w, "code", s->missing_code);
            hyoka__json_m_string(w, "label", s->missing_label);
            hyoka__json_close(w, '}');
        }
        hyoka__json_close(w, '}');
    }
    hyoka__json_close(w, '}');
}

void hyoka__json_doc_head(struct hyoka__json_writer *w, const hyoka_portfolio *pf)
{
    bool any_rounding = false;

    hyoka__json_open(w, '{');
    hyoka__json_key(w, "format");
    hyoka__json_put(w, "\"hyoka/1\"", 9);
    hyoka__json_m_enum(w, "amount_unit", HYOKA_ENUM_UNIT, w->unit);
    if (pf->municipality_name || pf->municipality_code) {
        hyoka__json_key(w, "municipality");
        hyoka__json_open(w, '{');
        hyoka__json_m_string(w, "name", pf->municipality_name);
        hyoka__json_m_string(w, "code", pf->municipality_code);
        hyoka__json_close(w, '}');
    }
    if (pf->denominator_count > 0) {
        hyoka__json_key(w, "denominators");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < pf->denominator_count; i++) {
            const struct hyoka__denominator *d = &pf->denominators[i];

            hyoka__json_sep(w);
            hyoka__json_open(w, '{');
            hyoka__json_m_int(w, "fiscal_year", d->fiscal_year);
            if (d->present & 1u)
                hyoka__json_m_int(w, "population", d->population);
            if (d->present & 2u)
                hyoka__json_m_int(w, "households", d->households);
            hyoka__json_close(w, '}');
        }
        hyoka__json_close(w, ']');
    }
    for (int f = 0; f < HYOKA__FIGURE_COUNT; f++)
        any_rounding = any_rounding || pf->rounding[f].set;
    if (any_rounding) {
        hyoka__json_key(w, "rounding");
        hyoka__json_open(w, '{');
        for (int f = 0; f < HYOKA__FIGURE_COUNT; f++) {
            const struct hyoka__rounding_rule *r = &pf->rounding[f];

            if (!r->set)
                continue;
            hyoka__json_key(w, hyoka__figure_names[f]);
            hyoka__json_open(w, '{');
            hyoka__json_m_int(w, "places", r->places);
            hyoka__json_m_enum(w, "mode", HYOKA_ENUM_ROUNDING, r->mode);
            if (hyoka__is_per_head_figure(f))
                hyoka__json_m_enum(w, "unit", HYOKA_ENUM_UNIT, r->unit);
            hyoka__json_close(w, '}');
        }
        hyoka__json_close(w, '}');
    }
    if (pf->stated_tolerance != 0)
        hyoka__json_m_int(w, "stated_tolerance", pf->stated_tolerance);
    if (pf->achievement_rule != HYOKA_ACHIEVEMENT_BY_DIRECTION)
        hyoka__json_m_enum(w, "achievement_rule", HYOKA_ENUM_ACHIEVEMENT_RULE, pf->achievement_rule);
    if (pf->schemes.count > 0) {
        hyoka__json_key(w, "schemes");
        hyoka__json_open(w, '[');
        for (size_t i = 0; i < pf->schemes.count; i++)
            write_scheme(w, pf->schemes.items[i]);
        hyoka__json_close(w, ']');
    }
    hyoka__json_key(w, "projects");
    hyoka__json_open(w, '[');
}

void hyoka__json_doc_project(struct hyoka__json_writer *w, const hyoka_project *p)
{
    hyoka__json_write_project_tree(w, p, doc_project_head, doc_project_tail);
}

void hyoka__json_doc_tail(struct hyoka__json_writer *w)
{
    hyoka__json_close(w, ']');
    hyoka__json_close(w, '}');
}

static void write_document(struct hyoka__json_writer *w, const hyoka_portfolio *pf)
{
    hyoka__json_doc_head(w, pf);
    for (size_t i = 0; i < pf->projects.count && w->out.err == HYOKA_OK; i++)
        hyoka__json_doc_project(w, pf->projects.items[i]);
    hyoka__json_doc_tail(w);
}

int hyoka_json_write(const hyoka_portfolio *portfolio, unsigned flags, char **out, size_t *len)
{
    struct hyoka__json_writer w;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(out);
    if (flags & ~(HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN))
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", __func__,
                           flags & ~(HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN));
    hyoka__json_writer_init(&w, !(flags & HYOKA_WRITE_COMPACT), NULL, NULL);
    w.pf = portfolio;
    w.unit = (flags & HYOKA_WRITE_YEN) ? HYOKA_UNIT_YEN : portfolio->amount_unit;
    write_document(&w, portfolio);
    return hyoka__json_writer_finish(&w, out, len);
}

/* ------------------------------------------------------------------------ */
/* Writing a file                                                            */

/* The text goes to the file as it is made, through a bounded buffer, by
 * the policy of util/fsio.h: a regular file is replaced atomically (a new
 * file beside it, flushed to disk, renamed over it: readers see the old
 * file or the whole new one, and a failure leaves the old one); a device,
 * FIFO or standard stream is written in place. */
int hyoka_json_write_file(const hyoka_portfolio *portfolio, unsigned flags, const char *path)
{
    struct hyoka__json_writer w;
    struct hyoka__file_out f;
    int rc;

    HYOKA__CHECK_NULL(portfolio);
    HYOKA__CHECK_NULL(path);
    if (!path[0])
        return hyoka__fail(HYOKA_EINVAL, "%s: path is empty", __func__);
    if (flags & ~(HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN))
        return hyoka__fail(HYOKA_EINVAL, "%s: unknown flags 0x%x", __func__,
                           flags & ~(HYOKA_WRITE_COMPACT | HYOKA_WRITE_YEN));
    rc = hyoka__fsio_open(&f, __func__, path);
    if (rc != HYOKA_OK)
        return rc;
    hyoka__json_writer_init(&w, !(flags & HYOKA_WRITE_COMPACT), hyoka__fsio_write, &f);
    w.pf = portfolio;
    w.unit = (flags & HYOKA_WRITE_YEN) ? HYOKA_UNIT_YEN : portfolio->amount_unit;
    write_document(&w, portfolio);
    rc = hyoka__json_writer_finish(&w, NULL, NULL);
    hyoka__buf_free(&w.out);
    if (rc != HYOKA_OK) {
        hyoka__fsio_abort(&f);
        return rc;
    }
    return hyoka__fsio_commit(&f);
}
