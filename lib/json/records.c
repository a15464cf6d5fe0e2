/* The hyoka/1 reader's side of what version 1.1 added (additions.h): the
 * members added to projects, their "organization" and "texts", and to
 * indicators; the "methods" and "baseline" objects; and records, read
 * generically from the record schema (record_schema.h): a record object
 * has its kind's fields by document name (the string "-" for a field not
 * applicable, except text fields, whose text is kept), then an array per
 * child kind, then "extensions".
 *
 * The parser finds these members through hyoka__json_more_lookup() when
 * the tables of members.c do not have them; their ids follow those of the
 * tables (records have no table: their ids are their members' positions),
 * and hyoka__json_on_member() hands them to hyoka__json_more_member(). */
#include "reader.h"
#include "additions.h"

#include <string.h>

/* aux of an A_RECORDS frame: the kind, and whether the owner is a record
 * (else a project). */
#define UNDER_RECORD 0x100
#define KIND_OF(aux) ((aux) & 0xFF)

/* The objects of the reader that gained members, as HYOKA__IN_*; -1 for others. */
static int added_in(int kind)
{
    switch (kind) {
    case K_PROJECT:
        return HYOKA__IN_PROJECT;
    case K_ORG:
        return HYOKA__IN_ORGANIZATION;
    case K_TEXTS:
        return HYOKA__IN_TEXTS;
    case K_METHODS:
        return HYOKA__IN_METHODS;
    case K_IND:
        return HYOKA__IN_INDICATOR;
    case K_BASELINE:
        return HYOKA__IN_BASELINE;
    default:
        return -1;
    }
}

/* Member @p mid of a record of @p kind: its fields, its child kinds, then
 * "extensions". 0 past the last. */
static int record_member(int kind, int mid, const char **name, size_t *len)
{
    const struct hyoka__kind_def *k = &hyoka__record_kinds[kind];
    struct hyoka__json_addition a;

    if (mid < 0)
        return 0;
    if ((size_t)mid < k->field_count) {
        *name = hyoka__record_field_names[k->fields[mid].field];
    } else if ((size_t)mid < k->field_count + k->child_count) {
        *name = hyoka__record_kind_names[k->children[mid - (int)k->field_count]];
    } else {
        if (!hyoka__json_addition(HYOKA__IN_RECORD, mid - (int)(k->field_count + k->child_count), &a))
            return 0;
        *name = a.name;
    }
    *len = strlen(*name);
    return 1;
}

int hyoka__json_more_lookup(struct hyoka__json_frame *f, const char *k, size_t n)
{
    struct hyoka__json_addition a;
    const char *name;
    size_t len;
    int in, base;

    if (f->kind == K_RECORD) {
        int h = (int)f->hint;
        if (record_member(f->aux, h, &name, &len) && len == n && memcmp(name, k, n) == 0) {
            f->hint = (unsigned)h + 1;
            return h;
        }
        for (int j = 0; record_member(f->aux, j, &name, &len); j++) {
            if (len == n && memcmp(name, k, n) == 0) {
                f->hint = (unsigned)j + 1;
                return j;
            }
        }
        return -1;
    }
    in = added_in(f->kind);
    if (in < 0)
        return -1;
    base = hyoka__json_kinds[f->kind].count;
    for (int j = 0; hyoka__json_addition(in, j, &a); j++)
        if (a.len == n && memcmp(a.name, k, n) == 0)
            return base + j;
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Values                                                                    */

/* A printed "-": a field not applicable. */
static int is_not_applicable(const struct hyoka__json_tok *t)
{
    return t->type == T_STRING && t->n == 1 && t->s[0] == '-';
}

static int record_value(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid,
                        struct hyoka__json_tok *t)
{
    hyoka_record *rec = f->obj;
    const struct hyoka__kind_def *k = &hyoka__record_kinds[rec->kind];
    union hyoka__rvalue *v = &rec->v[mid];
    uint64_t bit = (uint64_t)1 << mid;
    int type, ok = 0, rc;

    if ((size_t)mid >= k->field_count) {
        size_t c = (size_t)mid - k->field_count;
        if (c < k->child_count)
            return hyoka__json_open_container(r, t, A_RECORDS, rec, k->children[c] | UNDER_RECORD);
        return hyoka__json_open_container(r, t, K_EXT, rec, 1);
    }
    type = hyoka__record_field_types[k->fields[mid].field];
    if (type != HYOKA_TYPE_TEXT && is_not_applicable(t)) {
        rec->na |= bit;
        return 0;
    }
    switch (type) {
    case HYOKA_TYPE_TEXT:
        rc = hyoka__json_get_text(r, t, &v->text);
        ok = v->text != NULL;
        break;
    case HYOKA_TYPE_MONEY:
        rc = hyoka__json_get_money(r, t, &v->i, 0, &ok);
        break;
    case HYOKA_TYPE_DECIMAL:
        rc = hyoka__json_get_decimal(r, t, &v->d, 0, &ok);
        break;
    case HYOKA_TYPE_INTEGER:
        rc = hyoka__json_get_count(r, t, &v->i, &ok);
        break;
    case HYOKA_TYPE_FLAG: {
        int b = -1;
        rc = hyoka__json_get_bool(r, t, &b);
        ok = b >= 0;
        v->i = b;
        break;
    }
    default: {
        int32_t y = 0;
        rc = hyoka__json_get_year(r, t, &y);
        ok = y != 0;
        v->i = y;
        break;
    }
    }
    if (ok)
        rec->set |= bit;
    else if (type != HYOKA_TYPE_TEXT)
        memset(v, 0, sizeof *v);
    return rc;
}

/* A project's flag from true or false. */
static int flag_value(struct hyoka__json_reader *r, hyoka_project *p, int flag, struct hyoka__json_tok *t)
{
    int b = -1;
    int rc = hyoka__json_get_bool(r, t, &b);

    if (b >= 0) {
        p->flags_set |= (uint16_t)(1u << flag);
        if (b)
            p->flags_value |= (uint16_t)(1u << flag);
    }
    return rc;
}

int hyoka__json_more_member(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid,
                            struct hyoka__json_tok *t)
{
    struct hyoka__json_addition a;
    hyoka_indicator *ind = f->obj;
    hyoka_project *p = f->obj;
    int64_t n = 0;
    int ok = 0, rc;

    if (f->kind == K_RECORD)
        return record_value(r, f, mid, t);
    if (!hyoka__json_addition(added_in(f->kind), mid - hyoka__json_kinds[f->kind].count, &a))
        return 0;
    switch (a.what) {
    case HYOKA__ADD_PROJECT_TEXT:
        return hyoka__json_get_text(r, t, &p->text[a.which]);
    case HYOKA__ADD_FLAG:
        return flag_value(r, p, a.which, t);
    case HYOKA__ADD_METHODS:
        return hyoka__json_open_container(r, t, K_METHODS, p, 0);
    case HYOKA__ADD_RECORDS:
        return hyoka__json_open_container(r, t, A_RECORDS, p, a.which);
    case HYOKA__ADD_NUMBER:
        rc = hyoka__json_get_count(r, t, &n, &ok);
        if (ok)
            ind->number = n;
        return rc;
    case HYOKA__ADD_TERM:
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_TERM, &ind->term);
    case HYOKA__ADD_MEASUREMENT:
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_MEASUREMENT, &ind->measurement);
    case HYOKA__ADD_INDICATOR_TEXT:
        return hyoka__json_get_text(r, t, &ind->text[a.which]);
    case HYOKA__ADD_TARGET_YEAR:
        return hyoka__json_get_year(r, t, &ind->target_year);
    case HYOKA__ADD_BASELINE:
        return hyoka__json_open_container(r, t, K_BASELINE, ind, 0);
    case HYOKA__ADD_VALUE:
        return hyoka__json_get_decimal(r, t, &ind->baseline, 0, &ind->has_baseline);
    case HYOKA__ADD_FISCAL_YEAR:
        return hyoka__json_get_year(r, t, &ind->baseline_year);
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------------ */
/* Records                                                                   */

int hyoka__json_open_record(struct hyoka__json_reader *r, struct hyoka__json_frame *f)
{
    int kind = KIND_OF(f->aux);
    hyoka_record *parent = (f->aux & UNDER_RECORD) ? f->obj : NULL;
    hyoka_project *p = parent ? parent->project : f->obj;
    struct hyoka__vec *list = parent ? &parent->children[hyoka__record_child_slot(parent->kind, kind)]
                                     : hyoka__project_record_list(p, kind);
    hyoka_record *rec;

    if (!list)
        return hyoka__json_nomem(r);
    rec = hyoka__record_new(kind, p, parent);
    if (!rec)
        return hyoka__json_nomem(r);
    if (hyoka__vec_push(list, rec) != HYOKA_OK) {
        hyoka__record_free(rec);
        return hyoka__json_nomem(r);
    }
    return hyoka__json_push(r, K_RECORD, rec, kind);
}

/* Money of a record and its children held in thousandths: into yen. */
static void record_to_yen(hyoka_record *rec)
{
    const struct hyoka__kind_def *k = &hyoka__record_kinds[rec->kind];

    for (size_t i = 0; i < k->field_count; i++)
        if (hyoka__record_field_types[k->fields[i].field] == HYOKA_TYPE_MONEY && ((rec->set >> i) & 1u))
            rec->v[i].i /= 1000;
    for (size_t c = 0; c < k->child_count; c++)
        for (size_t i = 0; i < rec->children[c].count; i++)
            record_to_yen(rec->children[c].items[i]);
}

void hyoka__json_records_to_yen(hyoka_project *p)
{
    if (!p->records)
        return;
    for (int k = 0; k < HYOKA__RECORD_KIND_COUNT; k++)
        for (size_t i = 0; i < p->records[k].count; i++)
            record_to_yen(p->records[k].items[i]);
}
