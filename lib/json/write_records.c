/* The hyoka/1 writer's side of what version 1.1 added (additions.h): a
 * project's "organization" and "texts" objects (with their 1.1 members),
 * the members added to projects and indicators, and records, written
 * generically from the record schema (record_schema.h). Everything is
 * written only when present, so a document without any of it is written
 * as 1.0 wrote it. Canonical form as write.c says: members in document
 * order, missing ones omitted; a field not applicable is the string "-";
 * flags are written true or false whenever given; decimals as numbers when
 * whole, else strings with their places; every record of a list is
 * written, {} when it has nothing. */
#include "output.h"
#include "additions.h"
#include "hyoka/record.h"

#define HAS(bits, i) (((bits) >> (unsigned)(i)) & 1u)

void hyoka__json_write_text_group(struct hyoka__json_writer *w, const hyoka_project *p, int in, const char *name)
{
    int j, f;

    for (j = 0; (f = hyoka__json_text_group(in, j)) >= 0 && !p->text[f]; j++)
        ;
    if (f < 0)
        return;
    hyoka__json_key(w, name);
    hyoka__json_open(w, '{');
    for (j = 0; (f = hyoka__json_text_group(in, j)) >= 0; j++)
        if (p->text[f])
            hyoka__json_m_string(w, strchr(hyoka__project_text_names[f], '.') + 1, p->text[f]);
    hyoka__json_close(w, '}');
}

static void key_of(struct hyoka__json_writer *w, const struct hyoka__json_addition *a)
{
    hyoka__json_key_n(w, a->name, a->len);
}

static void put_bool(struct hyoka__json_writer *w, int b)
{
    if (b)
        hyoka__json_put(w, "true", 4);
    else
        hyoka__json_put(w, "false", 5);
}

/* ------------------------------------------------------------------------ */
/* Records                                                                   */

static void write_list(struct hyoka__json_writer *w, int kind, const struct hyoka__vec *list);

static void write_record(struct hyoka__json_writer *w, const hyoka_record *rec)
{
    const struct hyoka__kind_def *k = &hyoka__record_kinds[rec->kind];
    struct hyoka__json_addition a;

    hyoka__json_sep(w);
    hyoka__json_open(w, '{');
    for (size_t i = 0; i < k->field_count; i++) {
        const union hyoka__rvalue *v = &rec->v[i];
        if (!HAS(rec->set | rec->na, i))
            continue;
        hyoka__json_key(w, hyoka__record_field_names[k->fields[i].field]);
        if (HAS(rec->na, i)) {
            hyoka__json_put(w, "\"-\"", 3);
            continue;
        }
        switch (hyoka__record_field_types[k->fields[i].field]) {
        case HYOKA_TYPE_TEXT:
            hyoka__json_put_string(w, v->text);
            break;
        case HYOKA_TYPE_MONEY:
            hyoka__json_put_money(w, v->i);
            break;
        case HYOKA_TYPE_DECIMAL:
            hyoka__json_put_decimal(w, &v->d, false);
            break;
        case HYOKA_TYPE_FLAG:
            put_bool(w, v->i != 0);
            break;
        default: /* integers, fiscal years */
            hyoka__json_put_int(w, v->i);
            break;
        }
    }
    for (size_t c = 0; c < k->child_count; c++)
        write_list(w, k->children[c], &rec->children[c]);
    if (rec->extensions.count > 0 && hyoka__json_addition(HYOKA__IN_RECORD, 0, &a)) {
        key_of(w, &a);
        hyoka__json_open(w, '{');
        for (size_t i = 0; i < rec->extensions.count; i++) {
            hyoka__json_key_text(w, rec->extensions.items[i].key);
            hyoka__json_put_string(w, rec->extensions.items[i].value);
        }
        hyoka__json_close(w, '}');
    }
    hyoka__json_close(w, '}');
}

static void write_list(struct hyoka__json_writer *w, int kind, const struct hyoka__vec *list)
{
    if (list->count == 0)
        return;
    hyoka__json_key(w, hyoka__record_kind_names[kind]);
    hyoka__json_open(w, '[');
    for (size_t i = 0; i < list->count; i++)
        write_record(w, list->items[i]);
    hyoka__json_close(w, ']');
}

/* ------------------------------------------------------------------------ */
/* Projects and indicators                                                   */

/* A flag of the project, when given. */
static void write_flag(struct hyoka__json_writer *w, const hyoka_project *p, const struct hyoka__json_addition *a)
{
    if (!HAS(p->flags_set, a->which))
        return;
    key_of(w, a);
    put_bool(w, HAS(p->flags_value, a->which));
}

void hyoka__json_write_project_additions(struct hyoka__json_writer *w, const hyoka_project *p)
{
    struct hyoka__json_addition a, m;

    for (int j = 0; hyoka__json_addition(HYOKA__IN_PROJECT, j, &a); j++) {
        switch (a.what) {
        case HYOKA__ADD_PROJECT_TEXT:
            if (p->text[a.which]) {
                key_of(w, &a);
                hyoka__json_put_string(w, p->text[a.which]);
            }
            break;
        case HYOKA__ADD_FLAG:
            write_flag(w, p, &a);
            break;
        case HYOKA__ADD_METHODS: {
            int any = 0;
            for (int i = 0; hyoka__json_addition(HYOKA__IN_METHODS, i, &m); i++)
                any = any || HAS(p->flags_set, m.which);
            if (!any)
                break;
            key_of(w, &a);
            hyoka__json_open(w, '{');
            for (int i = 0; hyoka__json_addition(HYOKA__IN_METHODS, i, &m); i++)
                write_flag(w, p, &m);
            hyoka__json_close(w, '}');
            break;
        }
        default: /* records */
            if (p->records)
                write_list(w, a.which, &p->records[a.which]);
            break;
        }
    }
}

void hyoka__json_write_indicator_additions(struct hyoka__json_writer *w, const hyoka_indicator *ind)
{
    struct hyoka__json_addition a, b;

    for (int j = 0; hyoka__json_addition(HYOKA__IN_INDICATOR, j, &a); j++) {
        switch (a.what) {
        case HYOKA__ADD_NUMBER:
            if (ind->number != HYOKA_UNSET) {
                key_of(w, &a);
                hyoka__json_put_int(w, ind->number);
            }
            break;
        case HYOKA__ADD_TERM:
            hyoka__json_m_enum(w, a.name, HYOKA_ENUM_TERM, ind->term);
            break;
        case HYOKA__ADD_MEASUREMENT:
            hyoka__json_m_enum(w, a.name, HYOKA_ENUM_MEASUREMENT, ind->measurement);
            break;
        case HYOKA__ADD_INDICATOR_TEXT:
            hyoka__json_m_string(w, a.name, ind->text[a.which]);
            break;
        case HYOKA__ADD_TARGET_YEAR:
            hyoka__json_m_year(w, a.name, ind->target_year);
            break;
        default: /* the baseline */
            if (!ind->has_baseline && ind->baseline_year == 0)
                break;
            key_of(w, &a);
            hyoka__json_open(w, '{');
            if (ind->has_baseline && hyoka__json_addition(HYOKA__IN_BASELINE, 0, &b)) {
                key_of(w, &b);
                hyoka__json_put_decimal(w, &ind->baseline, false);
            }
            if (hyoka__json_addition(HYOKA__IN_BASELINE, 1, &b))
                hyoka__json_m_year(w, b.name, ind->baseline_year);
            hyoka__json_close(w, '}');
            break;
        }
    }
}
