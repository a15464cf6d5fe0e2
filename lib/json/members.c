/* The hyoka/1 vocabulary of the reader and what each member does: the
 * names of the members of each kind of object (a key is looked up in the
 * table of its frame's kind), the names of enumerated values, and the
 * handlers that put a member's value into the model, converted where it
 * stands (convert.c) or by opening a frame for an object or array. */
#include "reader.h"

#include <stdio.h>

/* ------------------------------------------------------------------------ */
/* Names                                                                     */

#define N(lit) {lit, sizeof(lit) - 1}

/* The figure names of vocab.h, as member names of "rounding" and "stated". */
#define FIGURE_MEMBER_(name) N(name),
static const struct hyoka__json_name figure_names[HYOKA__FIGURE_COUNT] = {HYOKA__FIGURE_NAME_LIST(FIGURE_MEMBER_)};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Member names by object kind, in the order of their ids (reader.h). */
static const struct hyoka__json_name root_members[] = {
    N("format"), N("amount_unit"), N("municipality"), N("denominators"), N("rounding"), N("stated_tolerance"),
    N("schemes"), N("projects"), N("achievement_rule"),
};
static const struct hyoka__json_name muni_members[] = {N("name"), N("code")};
static const struct hyoka__json_name denom_members[] = {N("fiscal_year"), N("population"), N("households")};
static const struct hyoka__json_name rule_members[] = {N("places"), N("mode"), N("unit")};
static const struct hyoka__json_name scheme_members[] = {
    N("id"), N("name"), N("criteria"), N("verdicts"), N("budget_directions"), N("rating"),
};
static const struct hyoka__json_name crit_members[] = {
    N("code"), N("label"), N("weight"), N("required"), N("options"), N("range"),
};
static const struct hyoka__json_name option_members[] = {N("code"), N("label"), N("score")};
static const struct hyoka__json_name range_members[] = {N("min"), N("max")};
static const struct hyoka__json_name verdict_members[] = {N("code"), N("label"), N("group")};
static const struct hyoka__json_name budget_members[] = {N("code"), N("label"), N("kind")};
static const struct hyoka__json_name rating_members[] = {N("bands"), N("missing")};
static const struct hyoka__json_name band_members[] = {N("min"), N("code"), N("label")};
static const struct hyoka__json_name missing_members[] = {N("code"), N("label")};
static const struct hyoka__json_name project_members[] = {
    N("code"), N("name"), N("organization"), N("policy"), N("account"), N("duty"), N("period"), N("start_fiscal_year"),
    N("end_fiscal_year"), N("legal_basis"), N("texts"), N("years"), N("indicators"), N("evaluations"), N("children"),
    N("extensions"),
};
static const struct hyoka__json_name org_members[] = {
    N("department"), N("section"), N("group"), N("head"), N("contact"), N("phone"),
};
static const struct hyoka__json_name class_members[] = {N("level"), N("code"), N("name")};
static const struct hyoka__json_name texts_members[] = {
    N("purpose"), N("target"), N("intent"), N("result"), N("summary"), N("background"), N("environment"),
    N("opinions"), N("activities_done"), N("activities_planned"),
};
static const struct hyoka__json_name year_members[] = {
    N("fiscal_year"), N("phase"), N("initial_budget"), N("final_budget"), N("settlement"), N("funding"), N("staff"),
    N("debt_service"), N("indirect_costs"), N("usage"), N("beneficiaries"), N("population"), N("households"),
    N("stated"),
};
static const struct hyoka__json_name funding_members[] = {
    N("national"), N("prefectural"), N("bonds"), N("user_charges"), N("other"), N("general"),
};
static const struct hyoka__json_name staff_members[] = {
    N("category"), N("headcount"), N("fte"), N("hours"), N("unit_cost"), N("hourly_rate"), N("amount"),
};
static const struct hyoka__json_name statedobj_members[] = {N("value"), N("unit")};
static const struct hyoka__json_name ind_members[] = {
    N("kind"), N("name"), N("unit"), N("definition"), N("direction"), N("not_settable"), N("not_settable_reason"),
    N("values"), N("long_term_target"),
};
static const struct hyoka__json_name ivalue_members[] = {
    N("fiscal_year"), N("target"), N("actual"), N("forecast"), N("stated_achievement"),
};
static const struct hyoka__json_name longterm_members[] = {N("value"), N("fiscal_year"), N("note")};
static const struct hyoka__json_name eval_members[] = {
    N("stage"), N("scheme"), N("fiscal_year"), N("date"), N("evaluator"), N("verdict"), N("budget"), N("scores"),
    N("expected"), N("comments"), N("goals"),
};
static const struct hyoka__json_name expected_members[] = {N("outcome"), N("cost")};
static const struct hyoka__json_name goal_members[] = {N("what"), N("level"), N("by")};

const struct hyoka__json_kind hyoka__json_kinds[KIND_COUNT_] = {
    [K_ROOT] = {root_members, COUNT(root_members)},
    [K_MUNI] = {muni_members, COUNT(muni_members)},
    [K_DENOM] = {denom_members, COUNT(denom_members)},
    [K_ROUNDING] = {figure_names, HYOKA__FIGURE_COUNT},
    [K_RULE] = {rule_members, COUNT(rule_members)},
    [K_SCHEME] = {scheme_members, COUNT(scheme_members)},
    [K_CRIT] = {crit_members, COUNT(crit_members)},
    [K_OPTION] = {option_members, COUNT(option_members)},
    [K_RANGE] = {range_members, COUNT(range_members)},
    [K_VERDICT] = {verdict_members, COUNT(verdict_members)},
    [K_BUDGET] = {budget_members, COUNT(budget_members)},
    [K_RATING] = {rating_members, COUNT(rating_members)},
    [K_BAND] = {band_members, COUNT(band_members)},
    [K_MISSING] = {missing_members, COUNT(missing_members)},
    [K_PROJECT] = {project_members, COUNT(project_members)},
    [K_ORG] = {org_members, COUNT(org_members)},
    [K_CLASS] = {class_members, COUNT(class_members)},
    [K_TEXTS] = {texts_members, COUNT(texts_members)},
    [K_YEAR] = {year_members, COUNT(year_members)},
    [K_FUNDING] = {funding_members, COUNT(funding_members)},
    [K_STAFF] = {staff_members, COUNT(staff_members)},
    [K_STATED] = {figure_names, HYOKA__YEAR_FIGURE_COUNT},
    [K_STATEDOBJ] = {statedobj_members, COUNT(statedobj_members)},
    [K_IND] = {ind_members, COUNT(ind_members)},
    [K_IVALUE] = {ivalue_members, COUNT(ivalue_members)},
    [K_LONGTERM] = {longterm_members, COUNT(longterm_members)},
    [K_EVAL] = {eval_members, COUNT(eval_members)},
    [K_EXPECTED] = {expected_members, COUNT(expected_members)},
    [K_GOAL] = {goal_members, COUNT(goal_members)},
};

/* ------------------------------------------------------------------------ */
/* Member handlers                                                           */

int hyoka__json_year_bit(unsigned char *map, int32_t y, int set)
{
    size_t i = (size_t)(y - HYOKA__YEAR_MIN);
    int was = (map[i / 8] >> (i % 8)) & 1;
    if (set)
        map[i / 8] |= (unsigned char)(1u << (i % 8));
    else
        map[i / 8] &= (unsigned char)~(1u << (i % 8));
    return was;
}

/* Add a code to a duplicate set; S004 when it is there already. */
static int unique_code(struct hyoka__json_reader *r, int set, const struct hyoka__json_tok *t, const char *code,
                       const char *what_en, const char *what_ja)
{
    int dup = 0;
    char q[HYOKA__EXCERPT_MAX];
    if (!code)
        return 0;
    if (hyoka__strset_add(&r->sets[set], code, strlen(code), &dup))
        return hyoka__json_nomem(r);
    if (dup)
        return hyoka__json_detail(r, t->pos, PM_VALUE, HYOKA__S004, "duplicate %s%.0s \"%s\"", "%.0s%sの重複 \"%s\"", what_en, what_ja,
                                hyoka__excerpt(t->s, t->n, q));
    return 0;
}

/* The implied unit of a stated figure, or UNIT_IMPLIED when not known yet. */
unsigned char hyoka__json_implied_unit(struct hyoka__json_reader *r, int fig)
{
    /* Not known yet while the setting it depends on may still come. */
    if ((hyoka__is_money_figure(fig) && !r->unit_seen) || (hyoka__is_per_head_figure(fig) && !r->rounding_seen)) {
        r->need_fixup = 1;
        return UNIT_IMPLIED;
    }
    return (unsigned char)hyoka__implied_unit(r->pf, r->pf->amount_unit, fig);
}

int hyoka__json_set_stated(struct hyoka__json_reader *r, hyoka_costs *c, int fig, const hyoka_decimal *d,
                           unsigned char unit)
{
    if (!hyoka__costs_stated_block(c))
        return hyoka__json_nomem(r);
    c->st->value[fig] = *d;
    c->st->unit[fig] = (unsigned char)hyoka__stated_unit(fig, unit);
    c->stated_present |= 1u << fig;
    return 0;
}

/* Store a string-map entry (extensions, comments, scores). */
int hyoka__json_map_member(struct hyoka__json_reader *r, struct hyoka__json_frame *f, const char *key, size_t klen,
                           struct hyoka__json_tok *t)
{
    struct hyoka__kvlist *l;
    struct hyoka__kv *kv;
    char *k, *v;
    int rc;

    if (f->kind == K_EXT)
        l = f->aux ? &((hyoka_record *)f->obj)->extensions : &((hyoka_project *)f->obj)->extensions;
    else if (f->kind == K_COMMENTS)
        l = &((hyoka_evaluation *)f->obj)->comments;
    else
        l = &((hyoka_evaluation *)f->obj)->answers;
    if (t->type != T_STRING && !(f->kind == K_SCORES && t->type == T_NUMBER)) {
        if (f->kind == K_SCORES)
            return hyoka__json_wrong_types(r, t, "a string or a number", "文字列または数値");
        return hyoka__json_wrong_type(r, t, T_STRING);
    }
    if (klen == 0)
        return hyoka__json_detail(r, f->key - 1, PM_VALUE, HYOKA__S004, "empty key", "空のキー");
    if (memchr(key, '\0', klen))
        return hyoka__json_detail(r, f->key - 1, PM_VALUE, HYOKA__S004, "the NUL character (\\u0000) cannot be stored in a key", "NUL文字 (\\u0000) はキーに保存できない");
    if ((int64_t)klen > HYOKA__TEXT_MAX)
        return hyoka__json_detail(r, f->key - 1, PM_VALUE, HYOKA__S004, "key of %zu bytes is too long", "%zu バイトのキーが長すぎる", klen);
    rc = hyoka__json_storable(r, t); /* (a number has no NUL) */
    if (rc <= 0)
        return rc;
    if (hyoka__grow((void **)&l->items, &l->cap, l->count, sizeof *l->items) != HYOKA_OK)
        return hyoka__json_nomem(r);
    k = hyoka__strndup(key, klen);
    v = hyoka__strndup(t->s, t->n);
    if (!k || !v) {
        hyoka__free(k);
        hyoka__free(v);
        return hyoka__json_nomem(r);
    }
    kv = &l->items[l->count++];
    kv->key = k;
    kv->value = v;
    return 0;
}

static int m_root(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_portfolio *pf = f->obj;
    int ok;

    switch (mid) {
    case R_FORMAT:
        if (t->type != T_STRING)
            return hyoka__json_wrong_type(r, t, T_STRING);
        if (t->n != 7 || memcmp(t->s, "hyoka/1", 7) != 0)
            return hyoka__json_value_problem(r, t, HYOKA__VAL_NOT_FORMAT, 0);
        return 0;
    case R_AMOUNT_UNIT: {
        int u = HYOKA_UNIT_YEN;
        size_t before = r->errors;
        int rc = hyoka__json_get_enum(r, t, HYOKA_ENUM_UNIT, &u);
        r->unit_seen = 1;
        if (r->errors != before)
            r->unit_bad = 1;
        pf->amount_unit = u;
        return rc;
    }
    case R_MUNICIPALITY:
        return hyoka__json_open_container(r, t, K_MUNI, pf, 0);
    case R_DENOMINATORS:
        return hyoka__json_open_container(r, t, A_DENOMS, pf, 0);
    case R_ROUNDING:
        return hyoka__json_open_container(r, t, K_ROUNDING, pf, 0);
    case R_TOLERANCE:
        return hyoka__json_get_count(r, t, &pf->stated_tolerance, &ok);
    case R_ACHIEVEMENT_RULE:
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_ACHIEVEMENT_RULE, &pf->achievement_rule);
    case R_SCHEMES:
        hyoka__strset_reset(&r->sets[SET_SCHEME]);
        return hyoka__json_open_container(r, t, A_SCHEMES, pf, 0);
    case R_PROJECTS:
        if (!r->unit_seen && t->type == T_ARRAY)
            r->money_milli = 1;
        return hyoka__json_open_container(r, t, A_PROJECTS, pf, 0);
    }
    return 0;
}

static int m_muni(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_portfolio *pf = f->obj;
    if (mid == MU_NAME)
        return hyoka__json_get_text(r, t, &pf->municipality_name);
    if (t->type == T_STRING && !t->has_nul && hyoka_municipality_code_check(t->s, t->n) != HYOKA_OK) {
        char q[HYOKA__EXCERPT_MAX];
        return hyoka__json_detail(r, t->pos, PM_VALUE, HYOKA__S004, "\"%s\" is not a municipality code (6 digits, last the check digit)", "\"%s\" は全国地方公共団体コード (6桁、末尾は検査数字) ではない",
                                hyoka__excerpt(t->s, t->n, q));
    }
    return hyoka__json_get_text(r, t, &pf->municipality_code);
}

static int m_denom(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    struct hyoka__denominator *d = f->obj;
    int64_t v = 0;
    int ok = 0, rc;

    if (mid == D_YEAR) {
        int32_t y = 0;
        rc = hyoka__json_get_year(r, t, &y);
        if (rc || !y)
            return rc;
        d->fiscal_year = y;
        if (hyoka__json_year_bit(r->denom_years, y, 1))
            return hyoka__json_value_problem(r, t, HYOKA__VAL_YEAR_TWICE, 0);
        d->fiscal_year = y;
        return 0;
    }
    rc = hyoka__json_get_count(r, t, &v, &ok);
    if (ok) {
        if (mid == D_POPULATION)
            d->population = v;
        else
            d->households = v;
        d->present |= mid == D_POPULATION ? 1u : 2u;
    }
    return rc;
}

static int m_rule(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    struct hyoka__rounding_rule *rule = f->obj;
    int v = 0, rc;

    switch (mid) {
    case RU_PLACES: {
        int64_t places = 0;
        int ok;
        size_t before = r->errors;
        rc = hyoka__json_get_count(r, t, &places, &ok);
        if (rc || r->errors != before)
            return rc;
        if (places > HYOKA_DECIMAL_MAX_SCALE)
            return hyoka__json_value_problem(r, t, HYOKA__VAL_PLACES, 0);
        rule->places = (unsigned char)places;
        return 0;
    }
    case RU_MODE:
        rc = hyoka__json_get_enum(r, t, HYOKA_ENUM_ROUNDING, &v);
        rule->mode = (unsigned char)v;
        return rc;
    default: {
        size_t before = r->errors;
        v = HYOKA_UNIT_YEN;
        rc = hyoka__json_get_enum(r, t, HYOKA_ENUM_UNIT, &v);
        if (rc || r->errors != before)
            return rc;
        if (v != HYOKA_UNIT_YEN && !hyoka__is_per_head_figure(f->aux))
            return hyoka__json_detail(r, t->pos, PM_VALUE, HYOKA__S004, "only per-head figures can be shown in thousand yen", "千円で表示できるのは一人当たり等の単位当たりの数値だけ");
        rule->unit = (unsigned char)v;
        return 0;
    }
    }
}

static int m_scheme(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_scheme *s = f->obj;
    int rc;

    switch (mid) {
    case SC_ID:
        rc = hyoka__json_get_code(r, t, &s->id);
        if (rc == 0 && t->type == T_STRING && s->id && s->id[0])
            rc = unique_code(r, SET_SCHEME, t, s->id, "scheme id", "評価体系のID");
        return rc;
    case SC_NAME:
        return hyoka__json_get_text(r, t, &s->name);
    case SC_CRITERIA:
        hyoka__strset_reset(&r->sets[SET_CRIT]);
        return hyoka__json_open_container(r, t, A_CRITERIA, s, 0);
    case SC_VERDICTS:
        hyoka__strset_reset(&r->sets[SET_VERDICT]);
        return hyoka__json_open_container(r, t, A_VERDICTS, s, 0);
    case SC_BUDGETS:
        hyoka__strset_reset(&r->sets[SET_BUDGET]);
        return hyoka__json_open_container(r, t, A_BUDGETS, s, 0);
    default:
        return hyoka__json_open_container(r, t, K_RATING, s, 0);
    }
}

static int m_crit(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    struct hyoka__criterion *c = f->obj;
    int rc, ok;

    switch (mid) {
    case CR_CODE: {
        char *old = c->code;
        rc = hyoka__json_get_code(r, t, &c->code);
        if (rc == 0 && c->code != old && c->code[0])
            rc = unique_code(r, SET_CRIT, t, c->code, "criterion code", "評価項目のコード");
        return rc;
    }
    case CR_LABEL:
        return hyoka__json_get_text(r, t, &c->label);
    case CR_WEIGHT:
        return hyoka__json_get_decimal(r, t, &c->weight, 1, &ok);
    case CR_REQUIRED:
        return hyoka__json_get_bool(r, t, &c->required);
    case CR_OPTIONS:
        hyoka__strset_reset(&r->sets[SET_OPTION]);
        return hyoka__json_open_container(r, t, A_OPTIONS, c, 0);
    default:
        if (t->type == T_OBJECT)
            c->numeric = 1;
        return hyoka__json_open_container(r, t, K_RANGE, c, 0);
    }
}

static int m_option(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    struct hyoka__option *o = f->obj;
    int rc;

    switch (mid) {
    case OP_CODE: {
        char *old = o->code;
        rc = hyoka__json_get_code(r, t, &o->code);
        if (rc == 0 && o->code != old && o->code[0])
            rc = unique_code(r, SET_OPTION, t, o->code, "option code", "選択肢のコード");
        return rc;
    }
    case OP_LABEL:
        return hyoka__json_get_text(r, t, &o->label);
    default:
        return hyoka__json_get_decimal(r, t, &o->score, 0, &o->has_score);
    }
}

static int m_range(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    struct hyoka__criterion *c = f->obj;
    if (mid == RA_MIN)
        return hyoka__json_get_decimal(r, t, &c->min, 0, &c->has_min);
    return hyoka__json_get_decimal(r, t, &c->max, 0, &c->has_max);
}

static int m_verdict(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    struct hyoka__verdict *v = f->obj;
    int rc;
    if (mid == VE_CODE) {
        char *old = v->code;
        rc = hyoka__json_get_code(r, t, &v->code);
        if (rc == 0 && v->code != old && v->code[0])
            rc = unique_code(r, SET_VERDICT, t, v->code, "verdict code", "総合評価のコード");
        return rc;
    }
    if (mid == VE_LABEL)
        return hyoka__json_get_text(r, t, &v->label);
    return hyoka__json_get_enum(r, t, HYOKA_ENUM_VERDICT_GROUP, &v->group);
}

static int m_budget(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    struct hyoka__budget *b = f->obj;
    int rc;
    if (mid == BU_CODE) {
        char *old = b->code;
        rc = hyoka__json_get_code(r, t, &b->code);
        if (rc == 0 && b->code != old && b->code[0])
            rc = unique_code(r, SET_BUDGET, t, b->code, "budget direction code", "予算の方向性のコード");
        return rc;
    }
    if (mid == BU_LABEL)
        return hyoka__json_get_text(r, t, &b->label);
    return hyoka__json_get_enum(r, t, HYOKA_ENUM_BUDGET_KIND, &b->kind);
}

static int m_rating(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_scheme *s = f->obj;
    if (mid == RT_BANDS) {
        hyoka__strset_reset(&r->sets[SET_BAND]);
        return hyoka__json_open_container(r, t, A_BANDS, s, 0);
    }
    return hyoka__json_open_container(r, t, K_MISSING, s, 0);
}

static int m_band(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    struct hyoka__band *b = f->obj;
    int rc, ok = 0;
    switch (mid) {
    case BA_MIN:
        rc = hyoka__json_get_decimal(r, t, &b->min, 0, &ok);
        if (ok) {
            f->has_value = 1;
            r->band_pos[f->aux] = t->pos;
        }
        return rc;
    case BA_CODE: {
        char *old = b->code;
        rc = hyoka__json_get_code(r, t, &b->code);
        if (rc == 0 && b->code != old && b->code[0])
            rc = unique_code(r, SET_BAND, t, b->code, "band code", "評定のコード");
        return rc;
    }
    default:
        return hyoka__json_get_text(r, t, &b->label);
    }
}

static int m_missing(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_scheme *s = f->obj;
    if (mid == MI_CODE)
        return hyoka__json_get_code(r, t, &s->missing_code);
    return hyoka__json_get_text(r, t, &s->missing_label);
}

static int m_project(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_project *p = f->obj;
    switch (mid) {
    case P_CODE:
        return hyoka__json_get_text(r, t, &p->text[HYOKA_TEXT_CODE]);
    case P_NAME:
        return hyoka__json_get_text(r, t, &p->text[HYOKA_TEXT_NAME]);
    case P_ORG:
        return hyoka__json_open_container(r, t, K_ORG, p, 0);
    case P_POLICY:
        return hyoka__json_open_container(r, t, A_CLASS, p, HYOKA_CLASS_POLICY);
    case P_ACCOUNT:
        return hyoka__json_open_container(r, t, A_CLASS, p, HYOKA_CLASS_ACCOUNT);
    case P_DUTY:
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_DUTY, &p->duty);
    case P_PERIOD:
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_PERIOD, &p->period);
    case P_START:
        return hyoka__json_get_year(r, t, &p->start_year);
    case P_END:
        return hyoka__json_get_year(r, t, &p->end_year);
    case P_LEGAL:
        return hyoka__json_get_text(r, t, &p->text[HYOKA_TEXT_LEGAL_BASIS]);
    case P_TEXTS:
        return hyoka__json_open_container(r, t, K_TEXTS, p, 0);
    case P_YEARS:
        return hyoka__json_open_container(r, t, A_YEARS, p, 0);
    case P_INDICATORS:
        return hyoka__json_open_container(r, t, A_INDS, p, 0);
    case P_EVALUATIONS:
        return hyoka__json_open_container(r, t, A_EVALS, p, 0);
    case P_CHILDREN:
        return hyoka__json_open_container(r, t, A_CHILDREN, p, 0);
    default:
        return hyoka__json_open_container(r, t, K_EXT, p, 0);
    }
}

static int m_year(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_costs *c = f->obj;
    int field, ok = 0, rc;

    switch (mid) {
    case Y_YEAR:
        return hyoka__json_get_year(r, t, &c->fiscal_year);
    case Y_PHASE:
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_PHASE, &c->phase);
    case Y_FUNDING:
        return hyoka__json_open_container(r, t, K_FUNDING, c, 0);
    case Y_STAFF:
        return hyoka__json_open_container(r, t, A_STAFF, c, 0);
    case Y_STATED:
        return hyoka__json_open_container(r, t, K_STATED, c, 0);
    case Y_INITIAL: field = HYOKA_COST_INITIAL_BUDGET; break;
    case Y_FINAL: field = HYOKA_COST_FINAL_BUDGET; break;
    case Y_SETTLEMENT: field = HYOKA_COST_SETTLEMENT; break;
    case Y_DEBT: field = HYOKA_COST_DEBT_SERVICE; break;
    case Y_INDIRECT: field = HYOKA_COST_INDIRECT; break;
    default:
        field = HYOKA_COST_USAGE + (mid - Y_USAGE);
        rc = hyoka__json_get_count(r, t, &c->value[field], &ok);
        if (ok)
            c->present |= 1u << field;
        return rc;
    }
    rc = hyoka__json_get_money(r, t, &c->value[field], 0, &ok);
    if (ok)
        c->present |= 1u << field;
    return rc;
}

static int m_funding(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_costs *c = f->obj;
    int field = HYOKA_COST_NATIONAL + mid, ok = 0;
    int rc = hyoka__json_get_money(r, t, &c->value[field], 0, &ok);
    if (ok)
        c->present |= 1u << field;
    return rc;
}

static int m_staff(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_staff *s = f->obj;
    int ok = 0, rc, field;

    if (mid == ST_CATEGORY)
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_STAFF_CATEGORY, &s->category);
    field = mid - ST_HEADCOUNT;
    if (field <= HYOKA_STAFF_HOURS)
        rc = hyoka__json_get_decimal(r, t, &s->dec[field], 1, &ok);
    else
        rc = hyoka__json_get_money(r, t, &s->amount[field - HYOKA_STAFF_UNIT_COST], 1, &ok);
    if (ok)
        s->present |= 1u << field;
    return rc;
}

static int m_stated(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_costs *c = f->obj;
    hyoka_decimal d;
    int ok = 0, rc;

    if (t->type == T_OBJECT)
        return hyoka__json_open_container(r, t, K_STATEDOBJ, c, mid);
    rc = hyoka__json_get_decimal(r, t, &d, 0, &ok);
    if (ok && hyoka__json_set_stated(r, c, mid, &d, hyoka__json_implied_unit(r, mid)))
        return -1;
    return rc;
}

static int m_statedobj(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    int ok = 0, rc, v = 0;
    size_t before;

    if (mid == SO_VALUE) {
        rc = hyoka__json_get_decimal(r, t, &f->dec, 0, &ok);
        if (ok)
            f->has_value = 1;
        return rc;
    }
    before = r->errors;
    rc = hyoka__json_get_enum(r, t, HYOKA_ENUM_UNIT, &v);
    if (rc || r->errors != before)
        return rc;
    if (v != HYOKA_UNIT_YEN && hyoka__is_percentage_figure(f->aux))
        return hyoka__json_detail(r, t->pos, PM_VALUE, HYOKA__S004, "a percentage has no unit", "百分率に単位はない");
    f->unit = (unsigned char)v;
    return 0;
}

static int m_ind(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_indicator *ind = f->obj;
    switch (mid) {
    case IN_KIND:
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_INDICATOR_KIND, &ind->kind);
    case IN_NAME:
        return hyoka__json_get_text(r, t, &ind->text[HYOKA_INDICATOR_NAME]);
    case IN_UNIT:
        return hyoka__json_get_text(r, t, &ind->text[HYOKA_INDICATOR_UNIT]);
    case IN_DEFINITION:
        return hyoka__json_get_text(r, t, &ind->text[HYOKA_INDICATOR_DEFINITION]);
    case IN_DIRECTION:
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_DIRECTION, &ind->direction);
    case IN_NOT_SETTABLE:
        return hyoka__json_get_bool(r, t, &ind->not_settable);
    case IN_REASON:
        return hyoka__json_get_text(r, t, &ind->text[HYOKA_INDICATOR_NOT_SETTABLE_REASON]);
    case IN_VALUES:
        return hyoka__json_open_container(r, t, A_IVALUES, ind, 0);
    default:
        return hyoka__json_open_container(r, t, K_LONGTERM, ind, 0);
    }
}

static int m_ivalue(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    struct hyoka__ivalue *v = f->obj;
    int ok = 0, rc;

    if (mid == IV_YEAR) {
        int32_t y = 0;
        rc = hyoka__json_get_year(r, t, &y);
        if (rc || !y)
            return rc;
        v->fiscal_year = y;
        if (hyoka__json_year_bit(r->value_years, y, 1))
            return hyoka__json_value_problem(r, t, HYOKA__VAL_YEAR_TWICE, 0);
        v->fiscal_year = y;
        return 0;
    }
    rc = hyoka__json_get_decimal(r, t, &v->v[mid - IV_TARGET], 0, &ok);
    if (ok)
        v->present |= 1u << (mid - IV_TARGET);
    return rc;
}

static int m_longterm(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_indicator *ind = f->obj;
    if (mid == LT_VALUE)
        return hyoka__json_get_decimal(r, t, &ind->long_term, 0, &ind->has_long_term);
    if (mid == LT_YEAR)
        return hyoka__json_get_year(r, t, &ind->long_term_year);
    return hyoka__json_get_text(r, t, &ind->text[HYOKA_INDICATOR_LONG_TERM_NOTE]);
}

static int m_eval(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    hyoka_evaluation *e = f->obj;
    switch (mid) {
    case EV_STAGE:
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_STAGE, &e->stage);
    case EV_SCHEME:
        return hyoka__json_get_text(r, t, &e->text[HYOKA_EVAL_SCHEME]);
    case EV_YEAR:
        return hyoka__json_get_year(r, t, &e->fiscal_year);
    case EV_DATE:
        return hyoka__json_get_date(r, t, &e->date);
    case EV_EVALUATOR:
        return hyoka__json_get_text(r, t, &e->text[HYOKA_EVAL_EVALUATOR]);
    case EV_VERDICT:
        return hyoka__json_get_text(r, t, &e->text[HYOKA_EVAL_VERDICT]);
    case EV_BUDGET:
        return hyoka__json_get_text(r, t, &e->text[HYOKA_EVAL_BUDGET]);
    case EV_SCORES:
        return hyoka__json_open_container(r, t, K_SCORES, e, 0);
    case EV_EXPECTED:
        return hyoka__json_open_container(r, t, K_EXPECTED, e, 0);
    case EV_COMMENTS:
        return hyoka__json_open_container(r, t, K_COMMENTS, e, 0);
    default:
        return hyoka__json_open_container(r, t, A_GOALS, e, 0);
    }
}

int hyoka__json_on_member(struct hyoka__json_reader *r, struct hyoka__json_frame *f, int mid, struct hyoka__json_tok *t)
{
    if (mid >= hyoka__json_kinds[f->kind].count)
        return hyoka__json_more_member(r, f, mid, t);
    switch (f->kind) {
    case K_ROOT: return m_root(r, f, mid, t);
    case K_MUNI: return m_muni(r, f, mid, t);
    case K_DENOM: return m_denom(r, f, mid, t);
    case K_ROUNDING: {
        struct hyoka__rounding_rule *rule = &((hyoka_portfolio *)f->obj)->rounding[mid];
        if (t->type == T_OBJECT) {
            rule->set = 1;
            rule->places = (unsigned char)hyoka__default_places(mid);
            rule->mode = HYOKA_ROUND_HALF_UP;
            rule->unit = HYOKA_UNIT_YEN;
        }
        return hyoka__json_open_container(r, t, K_RULE, rule, mid);
    }
    case K_RULE: return m_rule(r, f, mid, t);
    case K_SCHEME: return m_scheme(r, f, mid, t);
    case K_CRIT: return m_crit(r, f, mid, t);
    case K_OPTION: return m_option(r, f, mid, t);
    case K_RANGE: return m_range(r, f, mid, t);
    case K_VERDICT: return m_verdict(r, f, mid, t);
    case K_BUDGET: return m_budget(r, f, mid, t);
    case K_RATING: return m_rating(r, f, mid, t);
    case K_BAND: return m_band(r, f, mid, t);
    case K_MISSING: return m_missing(r, f, mid, t);
    case K_PROJECT: return m_project(r, f, mid, t);
    case K_ORG: return hyoka__json_get_text(r, t, &((hyoka_project *)f->obj)->text[HYOKA_TEXT_DEPARTMENT + mid]);
    case K_CLASS: {
        struct hyoka__class_level *l = f->obj;
        return hyoka__json_get_text(r, t, mid == CL_LEVEL ? &l->level : mid == CL_CODE ? &l->code : &l->name);
    }
    case K_TEXTS: return hyoka__json_get_text(r, t, &((hyoka_project *)f->obj)->text[HYOKA_TEXT_PURPOSE + mid]);
    case K_YEAR: return m_year(r, f, mid, t);
    case K_FUNDING: return m_funding(r, f, mid, t);
    case K_STAFF: return m_staff(r, f, mid, t);
    case K_STATED: return m_stated(r, f, mid, t);
    case K_STATEDOBJ: return m_statedobj(r, f, mid, t);
    case K_IND: return m_ind(r, f, mid, t);
    case K_IVALUE: return m_ivalue(r, f, mid, t);
    case K_LONGTERM: return m_longterm(r, f, mid, t);
    case K_EVAL: return m_eval(r, f, mid, t);
    case K_EXPECTED: {
        hyoka_evaluation *e = f->obj;
        if (mid == EX_OUTCOME)
            return hyoka__json_get_enum(r, t, HYOKA_ENUM_EXPECTED_OUTCOME, &e->expected_outcome);
        return hyoka__json_get_enum(r, t, HYOKA_ENUM_EXPECTED_COST, &e->expected_cost);
    }
    case K_GOAL: {
        struct hyoka__goal *g = f->obj;
        if (mid == G_WHAT)
            return hyoka__json_get_text(r, t, &g->what);
        if (mid == G_LEVEL)
            return hyoka__json_get_text(r, t, &g->level);
        return hyoka__json_get_date(r, t, &g->by);
    }
    default:
        return 0;
    }
}
