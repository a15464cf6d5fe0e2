/* Records (record.h): typed fields hanging off a project or off another
 * record, as the schema (record_schema.c) says for each kind.
 *
 * A record is one block: its header and one value per field of its kind
 * (the kind's fields in schema order), so it comes from one allocation,
 * carved from the portfolio's arena while a reader fills it. Two bit sets
 * say which fields are set and which are not applicable; a field in
 * neither is missing. Child records hang in one list per child kind, a
 * project's records in one list per kind, made on the first record (most
 * municipal projects have none). The tree of kinds is at most three deep
 * (block, recipient, contract), so copying, comparing and freeing recurse.
 *
 * Setters check every argument before they change anything, so a failure
 * leaves the record as it was. */
#include "model_build.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Life cycle                                                                */

hyoka_record *hyoka__record_new(int kind, hyoka_project *project, hyoka_record *parent)
{
    size_t n = hyoka__record_kinds[kind].field_count;
    hyoka_record *r = hyoka__calloc(1, sizeof *r + n * sizeof r->v[0]); /* n: a few dozen at most */

    if (r) {
        r->kind = kind;
        r->project = project;
        r->parent = parent;
    }
    return r;
}

static void list_free(struct hyoka__vec *v)
{
    for (size_t i = 0; i < v->count; i++)
        hyoka__record_free(v->items[i]);
    hyoka__vec_release(v);
}

void hyoka__record_free(hyoka_record *r)
{
    const struct hyoka__kind_def *k;

    if (!r)
        return;
    k = &hyoka__record_kinds[r->kind];
    for (size_t i = 0; i < k->field_count; i++)
        if (hyoka__record_field_types[k->fields[i].field] == HYOKA_TYPE_TEXT)
            hyoka__free(r->v[i].text);
    for (size_t c = 0; c < k->child_count; c++)
        list_free(&r->children[c]);
    hyoka__kv_release(&r->extensions);
    hyoka__free(r);
}

void hyoka__project_records_free(hyoka_project *p)
{
    if (!p->records)
        return;
    for (int k = 0; k < HYOKA__RECORD_KIND_COUNT; k++)
        list_free(&p->records[k]);
    hyoka__free(p->records);
    p->records = NULL;
}

struct hyoka__vec *hyoka__project_record_list(hyoka_project *p, int kind)
{
    if (!p->records) {
        p->records = hyoka__calloc(HYOKA__RECORD_KIND_COUNT, sizeof *p->records);
        if (!p->records)
            return NULL;
    }
    return &p->records[kind];
}

/* ------------------------------------------------------------------------ */
/* Copy and equality                                                         */

static int list_copy(const struct hyoka__vec *src, hyoka_project *project, hyoka_record *parent,
                     struct hyoka__vec *dst);

static int record_copy(const hyoka_record *src, hyoka_project *project, hyoka_record *parent, hyoka_record **out)
{
    const struct hyoka__kind_def *k = &hyoka__record_kinds[src->kind];
    hyoka_record *r = hyoka__record_new(src->kind, project, parent);
    int rc = HYOKA_OK;

    if (!r)
        return hyoka__nomem();
    r->set = src->set;
    r->na = src->na;
    for (size_t i = 0; i < k->field_count && rc == HYOKA_OK; i++) {
        if (hyoka__record_field_types[k->fields[i].field] == HYOKA_TYPE_TEXT)
            rc = hyoka__str_copy(src->v[i].text, &r->v[i].text);
        else
            r->v[i] = src->v[i];
    }
    for (size_t c = 0; c < k->child_count && rc == HYOKA_OK; c++)
        rc = list_copy(&src->children[c], project, r, &r->children[c]);
    if (rc == HYOKA_OK)
        rc = hyoka__kv_copy(&src->extensions, &r->extensions);
    if (rc != HYOKA_OK) {
        hyoka__record_free(r);
        return rc;
    }
    *out = r;
    return HYOKA_OK;
}

static int list_copy(const struct hyoka__vec *src, hyoka_project *project, hyoka_record *parent,
                     struct hyoka__vec *dst)
{
    int rc = hyoka__reserve((void **)&dst->items, &dst->cap, src->count, sizeof *dst->items, src->count);

    /* On failure the caller frees what is in dst. */
    for (size_t i = 0; rc == HYOKA_OK && i < src->count; i++) {
        hyoka_record *r = NULL;
        rc = record_copy(src->items[i], project, parent, &r);
        if (rc == HYOKA_OK)
            dst->items[dst->count++] = r;
    }
    return rc;
}

int hyoka__project_records_copy(const hyoka_project *src, hyoka_project *owner)
{
    int rc = HYOKA_OK;

    if (!src->records)
        return HYOKA_OK;
    owner->records = hyoka__calloc(HYOKA__RECORD_KIND_COUNT, sizeof *owner->records);
    if (!owner->records)
        return hyoka__nomem();
    for (int k = 0; k < HYOKA__RECORD_KIND_COUNT && rc == HYOKA_OK; k++)
        rc = list_copy(&src->records[k], owner, NULL, &owner->records[k]);
    if (rc != HYOKA_OK)
        hyoka__project_records_free(owner);
    return rc;
}

static int list_equal(const struct hyoka__vec *a, const struct hyoka__vec *b);

static int record_equal(const hyoka_record *a, const hyoka_record *b)
{
    const struct hyoka__kind_def *k = &hyoka__record_kinds[a->kind];

    if (a->kind != b->kind || a->set != b->set || a->na != b->na)
        return 0;
    for (size_t i = 0; i < k->field_count; i++) {
        if (!((a->set >> i) & 1u))
            continue;
        switch (hyoka__record_field_types[k->fields[i].field]) {
        case HYOKA_TYPE_TEXT:
            if (!hyoka__str_equal(a->v[i].text, b->v[i].text))
                return 0;
            break;
        case HYOKA_TYPE_DECIMAL:
            if (!hyoka_decimal_identical(&a->v[i].d, &b->v[i].d))
                return 0;
            break;
        default:
            if (a->v[i].i != b->v[i].i)
                return 0;
        }
    }
    for (size_t c = 0; c < k->child_count; c++)
        if (!list_equal(&a->children[c], &b->children[c]))
            return 0;
    return hyoka__kv_equal(&a->extensions, &b->extensions);
}

static int list_equal(const struct hyoka__vec *a, const struct hyoka__vec *b)
{
    if (a->count != b->count)
        return 0;
    for (size_t i = 0; i < a->count; i++)
        if (!record_equal(a->items[i], b->items[i]))
            return 0;
    return 1;
}

int hyoka__project_records_equal(const hyoka_project *a, const hyoka_project *b)
{
    static const struct hyoka__vec none = {NULL, 0, 0};

    if (!a->records && !b->records)
        return 1;
    for (int k = 0; k < HYOKA__RECORD_KIND_COUNT; k++)
        if (!list_equal(a->records ? &a->records[k] : &none, b->records ? &b->records[k] : &none))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Schema                                                                    */

static int check_kind(const char *fn, int kind)
{
    HYOKA__CHECK_ENUM_IN(fn, kind, RECORD_KIND);
    return HYOKA_OK;
}

int hyoka_record_field_type(int kind, int field)
{
    int rc = check_kind(__func__, kind);

    if (rc != HYOKA_OK)
        return rc;
    HYOKA__CHECK_ENUM(field, RECORD_FIELD);
    if (hyoka__record_slot(kind, field) < 0)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: \"%s\" is not a field of \"%s\" records", __func__,
                           hyoka__record_field_names[field], hyoka__record_kind_names[kind]);
    return hyoka__record_field_types[field];
}

int hyoka_record_kind_parent(int kind, int *parent)
{
    int rc = check_kind(__func__, kind);

    if (rc != HYOKA_OK)
        return rc;
    HYOKA__CHECK_NULL(parent);
    *parent = hyoka__record_kinds[kind].parent;
    return HYOKA_OK;
}

/* ------------------------------------------------------------------------ */
/* Records of a project, child records                                       */

static int check_index(const char *fn, size_t index, size_t count, int kind)
{
    if (index >= count)
        return hyoka__fail(HYOKA_ENOTFOUND, "%s: index %zu is out of range (%zu \"%s\" records)", fn, index, count,
                           hyoka__record_kind_names[kind]);
    return HYOKA_OK;
}

/* Append a new record of @p kind to @p list. */
static int add_to(struct hyoka__vec *list, int kind, hyoka_project *project, hyoka_record *parent,
                  hyoka_record **out)
{
    hyoka_record *r;
    int rc = hyoka__grow((void **)&list->items, &list->cap, list->count, sizeof *list->items);

    if (rc != HYOKA_OK)
        return rc;
    r = hyoka__record_new(kind, project, parent);
    if (!r)
        return hyoka__nomem();
    list->items[list->count++] = r;
    if (out)
        *out = r;
    return HYOKA_OK;
}

int hyoka_project_add_record(hyoka_project *project, int kind, hyoka_record **out)
{
    struct hyoka__vec *list;
    int rc;

    HYOKA__CHECK_NULL(project);
    rc = check_kind(__func__, kind);
    if (rc != HYOKA_OK)
        return rc;
    if (hyoka__record_kinds[kind].parent != HYOKA_UNSET)
        return hyoka__fail(HYOKA_EINVAL, "%s: \"%s\" records hang under \"%s\" records, not under a project", __func__,
                           hyoka__record_kind_names[kind],
                           hyoka__record_kind_names[hyoka__record_kinds[kind].parent]);
    list = hyoka__project_record_list(project, kind);
    if (!list)
        return hyoka__nomem();
    return add_to(list, kind, project, NULL, out);
}

static size_t count_of(const struct hyoka__vec *list)
{
    return list ? list->count : 0;
}

static hyoka_record *item_of(const struct hyoka__vec *list, size_t index)
{
    return list && index < list->count ? list->items[index] : NULL;
}

/* The project's list of @p kind, or NULL when it has none (or bad arguments). */
static const struct hyoka__vec *project_list(const hyoka_project *project, int kind)
{
    if (!project || !project->records || kind < 0 || kind >= HYOKA__RECORD_KIND_COUNT)
        return NULL;
    return &project->records[kind];
}

size_t hyoka_project_record_count(const hyoka_project *project, int kind)
{
    return count_of(project_list(project, kind));
}

hyoka_record *hyoka_project_record_at(const hyoka_project *project, int kind, size_t index)
{
    return item_of(project_list(project, kind), index);
}

int hyoka_project_remove_record(hyoka_project *project, int kind, size_t index)
{
    const struct hyoka__vec *list;
    int rc;

    HYOKA__CHECK_NULL(project);
    rc = check_kind(__func__, kind);
    if (rc != HYOKA_OK)
        return rc;
    list = project_list(project, kind);
    rc = check_index(__func__, index, list ? list->count : 0, kind);
    if (rc != HYOKA_OK)
        return rc;
    hyoka__record_free(hyoka__vec_remove(&project->records[kind], index));
    return HYOKA_OK;
}

/* The child list of @p record for @p kind; -1 (error recorded) when the
 * kind does not hang under the record's. */
static int child_slot(const char *fn, const hyoka_record *record, int kind)
{
    int rc, slot;

    HYOKA__CHECK_NULL_IN(fn, record);
    rc = check_kind(fn, kind);
    if (rc != HYOKA_OK)
        return rc;
    slot = hyoka__record_child_slot(record->kind, kind);
    if (slot < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: \"%s\" records do not hang under \"%s\" records", fn,
                           hyoka__record_kind_names[kind], hyoka__record_kind_names[record->kind]);
    return slot;
}

int hyoka_record_add_child(hyoka_record *record, int kind, hyoka_record **out)
{
    int slot = child_slot("hyoka_record_add_child", record, kind);

    if (slot < 0)
        return slot;
    return add_to(&record->children[slot], kind, record->project, record, out);
}

/* A child list without recording an error (NULL on bad arguments). */
static const struct hyoka__vec *child_list(const hyoka_record *record, int kind)
{
    int slot;

    if (!record || kind < 0 || kind >= HYOKA__RECORD_KIND_COUNT)
        return NULL;
    slot = hyoka__record_child_slot(record->kind, kind);
    return slot < 0 ? NULL : &record->children[slot];
}

size_t hyoka_record_child_count(const hyoka_record *record, int kind)
{
    return count_of(child_list(record, kind));
}

hyoka_record *hyoka_record_child_at(const hyoka_record *record, int kind, size_t index)
{
    return item_of(child_list(record, kind), index);
}

int hyoka_record_remove_child(hyoka_record *record, int kind, size_t index)
{
    int slot = child_slot(__func__, record, kind);
    int rc;

    if (slot < 0)
        return slot;
    rc = check_index(__func__, index, record->children[slot].count, kind);
    if (rc != HYOKA_OK)
        return rc;
    hyoka__record_free(hyoka__vec_remove(&record->children[slot], index));
    return HYOKA_OK;
}

int hyoka_record_kind_of(const hyoka_record *record)
{
    HYOKA__CHECK_NULL(record);
    return record->kind;
}

hyoka_record *hyoka_record_parent(const hyoka_record *record)
{
    return record ? record->parent : NULL;
}

hyoka_project *hyoka_record_project(const hyoka_record *record)
{
    return record ? record->project : NULL;
}

/* ------------------------------------------------------------------------ */
/* Fields                                                                    */

#define ANY_TYPE (-1)

/* The slot of @p field in @p r, for function @p fn wanting a field of
 * @p type (or ANY_TYPE). HYOKA_OK, or HYOKA_EINVAL naming field and kind. */
static int field_slot(const char *fn, const hyoka_record *r, int field, int type, int *slot)
{
    int i;

    *slot = -1; /* set on every path (gcc -O2 cannot see that callers stop on an error) */
    if (!r)
        return hyoka__fail_null(fn, "record");
    HYOKA__CHECK_ENUM_IN(fn, field, RECORD_FIELD);
    i = hyoka__record_slot(r->kind, field);
    if (i < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: \"%s\" is not a field of \"%s\" records", fn,
                           hyoka__record_field_names[field], hyoka__record_kind_names[r->kind]);
    if (type != ANY_TYPE && hyoka__record_field_types[field] != type) {
        int want = hyoka__record_field_types[field];
        return hyoka__fail(HYOKA_EINVAL, "%s: \"%s\" of \"%s\" records is a %s field, not a %s field", fn,
                           hyoka__record_field_names[field], hyoka__record_kind_names[r->kind],
                           hyoka_enum_name(HYOKA_ENUM_FIELD_TYPE, want), hyoka_enum_name(HYOKA_ENUM_FIELD_TYPE, type));
    }
    *slot = i;
    return HYOKA_OK;
}

/* Forget the value of slot @p i (its text freed) and both of its bits. */
static void slot_clear(hyoka_record *r, int i)
{
    if (hyoka__record_field_types[hyoka__record_kinds[r->kind].fields[i].field] == HYOKA_TYPE_TEXT)
        hyoka__free(r->v[i].text);
    memset(&r->v[i], 0, sizeof r->v[i]);
    r->set &= ~((uint64_t)1 << i);
    r->na &= ~((uint64_t)1 << i);
}

/* Store a scalar value in slot @p i: set, not "not applicable". */
static void slot_put(hyoka_record *r, int i, const union hyoka__rvalue *v)
{
    r->v[i] = *v;
    r->set |= (uint64_t)1 << i;
    r->na &= ~((uint64_t)1 << i);
}

int hyoka_record_field_state(const hyoka_record *record, int field)
{
    int i, rc = field_slot("hyoka_record_field_state", record, field, ANY_TYPE, &i);

    if (rc != HYOKA_OK)
        return rc;
    if ((record->set >> i) & 1u)
        return HYOKA_STATE_SET;
    return (record->na >> i) & 1u ? HYOKA_STATE_NOT_APPLICABLE : HYOKA_STATE_MISSING;
}

int hyoka_record_set_not_applicable(hyoka_record *record, int field)
{
    int i, rc = field_slot(__func__, record, field, ANY_TYPE, &i);

    if (rc != HYOKA_OK)
        return rc;
    if (hyoka__record_field_types[field] == HYOKA_TYPE_TEXT)
        return hyoka__fail(HYOKA_EINVAL, "%s: \"%s\" is a text field: it keeps the text as printed", __func__,
                           hyoka__record_field_names[field]);
    slot_clear(record, i);
    record->na |= (uint64_t)1 << i;
    return HYOKA_OK;
}

int hyoka_record_clear(hyoka_record *record, int field)
{
    int i, rc = field_slot("hyoka_record_clear", record, field, ANY_TYPE, &i);

    if (rc != HYOKA_OK)
        return rc;
    slot_clear(record, i);
    return HYOKA_OK;
}

int hyoka_record_set_text(hyoka_record *record, int field, const char *text, size_t len)
{
    int i, rc = field_slot(__func__, record, field, HYOKA_TYPE_TEXT, &i);

    if (rc != HYOKA_OK)
        return rc;
    rc = hyoka__text_set_field(&record->v[i].text, __func__, hyoka__record_field_names[field], text, len);
    if (rc != HYOKA_OK)
        return rc;
    if (record->v[i].text)
        record->set |= (uint64_t)1 << i;
    else
        record->set &= ~((uint64_t)1 << i);
    return HYOKA_OK;
}

const char *hyoka_record_text(const hyoka_record *record, int field)
{
    int i;

    if (!record || field < 0 || field >= HYOKA__RECORD_FIELD_COUNT ||
        hyoka__record_field_types[field] != HYOKA_TYPE_TEXT)
        return NULL;
    i = hyoka__record_slot(record->kind, field);
    return i < 0 ? NULL : record->v[i].text;
}

/* Set a field of @p type held as int64 (money, integer, flag, fiscal year). */
static int set_int(const char *fn, hyoka_record *record, int field, int type, int64_t value)
{
    union hyoka__rvalue v;
    int i, rc = field_slot(fn, record, field, type, &i);

    if (rc != HYOKA_OK)
        return rc;
    if (type == HYOKA_TYPE_INTEGER && value < 0)
        return hyoka__fail(HYOKA_EINVAL, "%s: \"%s\" is a count or a number: %lld is negative", fn,
                           hyoka__record_field_names[field], (long long)value);
    if (type == HYOKA_TYPE_FISCAL_YEAR && (value < HYOKA__YEAR_MIN || value > HYOKA__YEAR_MAX))
        return hyoka__fail_year(fn, hyoka__record_field_names[field], value);
    memset(&v, 0, sizeof v);
    v.i = value;
    slot_put(record, i, &v);
    return HYOKA_OK;
}

/* Find field @p field of @p type for getter @p fn: 1 set (a copy of its value
 * in *value), 0 not, or an error. */
static int get_value(const char *fn, const hyoka_record *record, int field, int type,
                     union hyoka__rvalue *value)
{
    int i, rc = field_slot(fn, record, field, type, &i);

    if (rc != HYOKA_OK)
        return rc;
    if (!((record->set >> i) & 1u))
        return 0;
    *value = record->v[i];
    return 1;
}

/* Read an int64-held field of @p type: 1 set, 0 not, or an error. */
static int get_int(const char *fn, const hyoka_record *record, int field, int type, int64_t *out)
{
    union hyoka__rvalue v = {0};
    int rc = get_value(fn, record, field, type, &v);

    if (rc == 1 && out)
        *out = v.i;
    return rc;
}

int hyoka_record_set_money(hyoka_record *record, int field, int64_t yen)
{
    return set_int("hyoka_record_set_money", record, field, HYOKA_TYPE_MONEY, yen);
}

int hyoka_record_money(const hyoka_record *record, int field, int64_t *out)
{
    return get_int("hyoka_record_money", record, field, HYOKA_TYPE_MONEY, out);
}

int hyoka_record_set_integer(hyoka_record *record, int field, int64_t value)
{
    return set_int("hyoka_record_set_integer", record, field, HYOKA_TYPE_INTEGER, value);
}

int hyoka_record_integer(const hyoka_record *record, int field, int64_t *out)
{
    return get_int("hyoka_record_integer", record, field, HYOKA_TYPE_INTEGER, out);
}

int hyoka_record_set_flag(hyoka_record *record, int field, int value)
{
    return set_int("hyoka_record_set_flag", record, field, HYOKA_TYPE_FLAG, value != 0);
}

int hyoka_record_flag(const hyoka_record *record, int field, int *out)
{
    int64_t v = 0;
    int rc = get_int("hyoka_record_flag", record, field, HYOKA_TYPE_FLAG, &v);

    if (rc == 1 && out)
        *out = (int)v;
    return rc;
}

int hyoka_record_set_fiscal_year(hyoka_record *record, int field, int32_t fiscal_year)
{
    return set_int("hyoka_record_set_fiscal_year", record, field, HYOKA_TYPE_FISCAL_YEAR, fiscal_year);
}

int hyoka_record_fiscal_year(const hyoka_record *record, int field, int32_t *out)
{
    int64_t v = 0;
    int rc = get_int("hyoka_record_fiscal_year", record, field, HYOKA_TYPE_FISCAL_YEAR, &v);

    if (rc == 1 && out)
        *out = (int32_t)v;
    return rc;
}

int hyoka_record_set_decimal(hyoka_record *record, int field, const hyoka_decimal *value)
{
    union hyoka__rvalue v;
    int i, rc = field_slot(__func__, record, field, HYOKA_TYPE_DECIMAL, &i);

    if (rc != HYOKA_OK)
        return rc;
    if (!value) {
        slot_clear(record, i);
        return HYOKA_OK;
    }
    rc = hyoka__check_decimal(__func__, hyoka__record_field_names[field], value);
    if (rc != HYOKA_OK)
        return rc;
    memset(&v, 0, sizeof v);
    v.d = *value;
    slot_put(record, i, &v);
    return HYOKA_OK;
}

int hyoka_record_decimal(const hyoka_record *record, int field, hyoka_decimal *out)
{
    union hyoka__rvalue v = {0};
    int rc = get_value("hyoka_record_decimal", record, field, HYOKA_TYPE_DECIMAL, &v);

    if (rc == 1 && out)
        *out = v.d;
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Extensions                                                                */

/* hyoka_record_set_extension(), hyoka_record_extension(), hyoka_record_extension_count(),
 * hyoka_record_extension_at(). */
HYOKA__EXTENSIONS(record)
