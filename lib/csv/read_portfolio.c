/* The rows of the tables that describe the portfolio as a whole: the
 * document (settings, municipality, rounding rules, as key/value rows),
 * the denominators and the schemes (one row per scheme element). */
#include "read_internal.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* document                                                                 */

/* The keys of the document table other than rounding.FIGURE.PART. */
enum { DK_FORMAT, DK_AMOUNT_UNIT, DK_NAME, DK_CODE, DK_TOLERANCE, DK_ACHIEVEMENT_RULE, DK_COUNT };
static const char *const doc_keys[DK_COUNT] = {
    "format", "amount_unit", "municipality.name", "municipality.code", "stated_tolerance", "achievement_rule",
};

void hyoka__csv_document_row(struct hyoka__csv_reader *r)
{
    struct hyoka__csv_docstate *st = &r->doc;
    const char *key, *s;
    size_t kn, n;
    char q[HYOKA__EXCERPT_MAX];
    int k, rc;

    if (!hyoka__csv_required_text(r, DOC_KEY, &key, &kn))
        return;
    /* the value's pointer: "/" + key with '.' as '/' */
    r->item.len = 0;
    hyoka__csv_item_cat(r, "/");
    if (!r->log.fatal) {
        if (!hyoka__buf_put(&r->item, key, kn))
            hyoka__csv_fatal(&r->log, r->item.err);
        for (size_t i = 1; !r->log.fatal && i < r->item.len; i++)
            if (r->item.data[i] == '.')
                r->item.data[i] = '/';
    }
    for (k = 0; k < DK_COUNT; k++)
        if (strlen(doc_keys[k]) == kn && memcmp(doc_keys[k], key, kn) == 0)
            break;
    if (k < DK_COUNT) {
        if (st->seen & (1u << k)) {
            hyoka__csv_cdiag(r, DOC_KEY, HYOKA__V005, "key %s given twice", "キー %s が重複",
                             doc_keys[k]);
            return;
        }
        st->seen |= 1u << k;
    }
    switch (k) {
    case DK_FORMAT:
        if (!hyoka__csv_required_text(r, DOC_VALUE, &s, &n))
            return;
        if (n != 7 || memcmp(s, "hyoka/1", 7) != 0)
            hyoka__csv_value_problem(r, DOC_VALUE, HYOKA__VAL_NOT_FORMAT, 0, s, n);
        return;
    case DK_AMOUNT_UNIT: {
        int unit;
        if (hyoka__csv_get_enum(r, DOC_VALUE, HYOKA_ENUM_UNIT, &unit) > 0)
            r->pf->amount_unit = unit;
        return;
    }
    case DK_NAME:
    case DK_CODE: {
        char **slot = k == DK_NAME ? &st->name : &st->code;
        if (hyoka__csv_get_text(r, DOC_VALUE, &s, &n) <= 0)
            return;
        *slot = hyoka__strndup(s, n);
        if (!*slot) {
            hyoka__csv_fatal(&r->log, hyoka__nomem());
            return;
        }
        if (k == DK_NAME) {
            st->name_len = n;
        } else {
            st->code_len = n;
            st->code_row = r->rec.row;
            st->code_field = (size_t)r->map[DOC_VALUE] + 1;
        }
        return;
    }
    case DK_TOLERANCE: {
        int64_t v;
        if (hyoka__csv_get_count(r, DOC_VALUE, &v) > 0)
            r->pf->stated_tolerance = v;
        return;
    }
    case DK_ACHIEVEMENT_RULE: {
        int rule;
        if (hyoka__csv_get_enum(r, DOC_VALUE, HYOKA_ENUM_ACHIEVEMENT_RULE, &rule) > 0)
            r->pf->achievement_rule = rule;
        return;
    }
    default:
        break;
    }
    /* rounding.FIGURE.PART */
    if (kn > 9 && memcmp(key, "rounding.", 9) == 0) {
        const char *fig = key + 9, *dot = memchr(fig, '.', kn - 9);
        int figure, part = -1;
        if (dot && hyoka_enum_value(HYOKA_ENUM_FIGURE, fig, (size_t)(dot - fig), &figure) == HYOKA_OK) {
            size_t pn = kn - (size_t)(dot + 1 - key);
            static const char *const parts[3] = {"places", "mode", "unit"};
            for (int i = 0; i < 3; i++)
                if (strlen(parts[i]) == pn && memcmp(parts[i], dot + 1, pn) == 0)
                    part = i;
            if (part >= 0) {
                int v = 0;
                int64_t places = 0;
                if (st->rnd[figure].given & (1u << part)) {
                    hyoka__csv_cdiag(r, DOC_KEY, HYOKA__V005, "key %s given twice", "キー %s が重複",
                                     hyoka__excerpt(key, kn, q));
                    return;
                }
                if (!st->rnd[figure].given && !st->rnd[figure].bad) {
                    st->rnd[figure].row = r->rec.row;
                    st->rnd[figure].field = (size_t)r->map[DOC_KEY] + 1;
                }
                if (part == 0) {
                    rc = hyoka__csv_required(r, DOC_VALUE, hyoka__csv_get_count(r, DOC_VALUE, &places));
                    if (rc > 0 && places > HYOKA_DECIMAL_MAX_SCALE) {
                        hyoka__csv_cell_problem(r, DOC_VALUE, HYOKA__VAL_PLACES);
                        rc = -1;
                    }
                    v = (int)places;
                } else {
                    int which = part == 1 ? HYOKA_ENUM_ROUNDING : HYOKA_ENUM_UNIT;
                    rc = hyoka__csv_required(r, DOC_VALUE, hyoka__csv_get_enum(r, DOC_VALUE, which, &v));
                }
                if (rc < 0) {
                    st->rnd[figure].bad = 1;
                    return;
                }
                st->rnd[figure].given |= 1u << part;
                if (part == 0)
                    st->rnd[figure].places = v;
                else if (part == 1)
                    st->rnd[figure].mode = v;
                else
                    st->rnd[figure].unit = v;
                return;
            }
        }
    }
    hyoka__csv_cdiag(r, DOC_KEY, HYOKA__V004, "unknown key \"%s\"", "未知のキー「%s」",
                     hyoka__excerpt(key, kn, q));
}

/* A setting a model setter refused, with the setter's message. */
static void setter_problem(struct hyoka__csv_reader *r, int64_t row, size_t field, const char *ptr, int code,
                           const char *colname)
{
    char why[HYOKA__CSV_FIRST_MAX];
    hyoka__csv_copy_message(why, sizeof why, hyoka_error_last());
    hyoka__csv_diag(&r->log, row, field, colname, ptr, code, HYOKA__DETAIL_EN, HYOKA__DETAIL_JA, why, why);
}

void hyoka__csv_document_finish(struct hyoka__csv_reader *r)
{
    struct hyoka__csv_docstate *st = &r->doc;
    int rc;

    if (!r->log.fatal && (st->name || st->code)) {
        rc = hyoka_portfolio_set_municipality(r->pf, st->name, st->name ? st->name_len : 0, st->code,
                                              st->code ? st->code_len : 0);
        if (rc == HYOKA_ENOMEM)
            hyoka__csv_fatal(&r->log, rc);
        else if (rc != HYOKA_OK)
            setter_problem(r, st->code ? st->code_row : 0, st->code ? st->code_field : 0,
                           st->code ? "/municipality/code" : "/municipality/name",
                           rc == HYOKA_ELIMIT ? HYOKA__V007 : HYOKA__V005, "value");
    }
    for (int f = 0; f < HYOKA__FIGURE_COUNT && !r->log.fatal; f++) {
        const char *fname = hyoka__figure_names[f];
        char ptr[64];
        if (!st->rnd[f].given || st->rnd[f].bad)
            continue;
        snprintf(ptr, sizeof ptr, "/rounding/%s", fname);
        if ((st->rnd[f].given & 3u) != 3u) {
            hyoka__csv_diag(&r->log, st->rnd[f].row, st->rnd[f].field, "key", ptr, HYOKA__V005,
                            "the rounding of %s needs both places and mode",
                            "%s の丸めには places と mode の両方が必要", fname);
            continue;
        }
        rc = hyoka_portfolio_set_rounding(r->pf, f, st->rnd[f].places, st->rnd[f].mode,
                                          (st->rnd[f].given & 4u) ? st->rnd[f].unit : HYOKA_UNIT_YEN);
        if (rc == HYOKA_ENOMEM)
            hyoka__csv_fatal(&r->log, rc);
        else if (rc != HYOKA_OK)
            setter_problem(r, st->rnd[f].row, st->rnd[f].field, ptr, HYOKA__V005, "key");
    }
}

void hyoka__csv_document_release(struct hyoka__csv_reader *r)
{
    hyoka__free(r->doc.name);
    hyoka__free(r->doc.code);
    memset(&r->doc, 0, sizeof r->doc);
}

/* ------------------------------------------------------------------------ */
/* denominators                                                             */

void hyoka__csv_denominator_row(struct hyoka__csv_reader *r)
{
    hyoka_portfolio *pf = r->pf;
    int32_t fy;
    int64_t v;
    size_t idx = pf->denominator_count;
    int rc;

    hyoka__csv_item_cat(r, "/denominators/");
    hyoka__csv_item_idx(r, idx);
    if (hyoka__csv_required(r, DEN_FY, hyoka__csv_get_year(r, DEN_FY, &fy)) < 0)
        return;
    for (size_t i = 0; i < pf->denominator_count; i++)
        if (pf->denominators[i].fiscal_year == fy) {
            hyoka__csv_cell_problem(r, DEN_FY, HYOKA__VAL_YEAR_TWICE);
            return;
        }
    /* make the entry, then fill it */
    rc = hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_POPULATION, 0);
    if (!hyoka__csv_set_ok(r, DEN_FY, rc))
        return;
    hyoka_portfolio_clear_denominator(pf, fy, HYOKA_COST_POPULATION);
    if (hyoka__csv_get_count(r, DEN_POPULATION, &v) > 0)
        hyoka__csv_set_ok(r, DEN_POPULATION, hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_POPULATION, v));
    if (hyoka__csv_get_count(r, DEN_HOUSEHOLDS, &v) > 0)
        hyoka__csv_set_ok(r, DEN_HOUSEHOLDS, hyoka_portfolio_set_denominator(pf, fy, HYOKA_COST_HOUSEHOLDS, v));
}

/* ------------------------------------------------------------------------ */
/* schemes                                                                  */

/* The schemes and their codes are in the key set while the schemes table
 * is read, which alone fills them: the portfolio's scheme ids (tag
 * EL_SCHEME), a scheme's criteria, verdicts, budget directions and bands
 * (tag EL_CRITERION, EL_VERDICT, EL_BUDGET, EL_BAND; a band's value is its
 * min's place in r->bmins) and the options of its criterion j (tag
 * EL_COUNT + j). The model's copy of a code is the text of the cell
 * (it refuses one with a NUL), so a lookup of the cell finds what a search
 * of the list would. */

/* The item of @p owner and @p tag with @p code: true and *index, or false. */
static bool find_code(const struct hyoka__csv_reader *r, const void *owner, size_t tag, const char *code, size_t n,
                      size_t *index)
{
    const struct hyoka__strset_entry *e = hyoka__strset_get(&r->keys, owner, tag, code, n);
    if (!e)
        return false;
    *index = e->value;
    return true;
}

/* Room in the key set for the code a row adds. false (fatal) when there is
 * no memory. */
static bool code_room(struct hyoka__csv_reader *r)
{
    if (hyoka__strset_reserve(&r->keys) == 0)
        return true;
    hyoka__csv_fatal(&r->log, hyoka__nomem());
    return false;
}

/* Record the code just added at @p index (the model's copy, borrowed). */
static void code_added(struct hyoka__csv_reader *r, const void *owner, size_t tag, const char *stored, size_t index)
{
    int dup;
    (void)hyoka__strset_put(&r->keys, owner, tag, stored, strlen(stored), index, &dup); /* (room reserved) */
}

void hyoka__csv_band_mins_free(struct hyoka__csv_reader *r)
{
    hyoka__free(r->bmins);
    r->bmins = NULL;
    r->nbmins = r->bmincap = 0;
}

static hyoka_scheme *find_scheme(const struct hyoka__csv_reader *r, const char *id, size_t n, size_t *index)
{
    if (!find_code(r, r->pf, EL_SCHEME, id, n, index))
        return NULL;
    return r->pf->schemes.items[*index];
}

/* The criterion named by the criterion column. */
static bool scheme_criterion(struct hyoka__csv_reader *r, const hyoka_scheme *s, size_t *j)
{
    const char *c;
    size_t cn;
    char q[HYOKA__EXCERPT_MAX];

    if (!hyoka__csv_required_text(r, SC_CRITERION, &c, &cn))
        return false;
    if (!find_code(r, s, EL_CRITERION, c, cn, j)) {
        hyoka__csv_cdiag(r, SC_CRITERION, HYOKA__V006,
                         "criterion \"%s\" is not defined above in this scheme",
                         "評価項目「%s」がこの評価体系の上の行で定義されていない",
                         hyoka__excerpt(c, cn, q));
        return false;
    }
    hyoka__csv_item_cat(r, "/criteria/");
    hyoka__csv_item_idx(r, *j);
    return true;
}

/* An element with a code: the code is required; the item pointer is led
 * on by @p member ("/verdicts/") and the element's index @p index. */
static bool coded_element(struct hyoka__csv_reader *r, const char *code, const char *member, size_t index)
{
    if (hyoka__csv_required(r, SC_CODE, code ? 1 : 0) < 0)
        return false;
    hyoka__csv_item_cat(r, member);
    hyoka__csv_item_idx(r, index);
    return true;
}

void hyoka__csv_scheme_row(struct hyoka__csv_reader *r)
{
    hyoka_portfolio *pf = r->pf;
    hyoka_scheme *s;
    const char *id, *el, *code = NULL, *label = NULL;
    size_t idn, eln, cn = 0, ln = 0, si = 0, j, k;
    int element, rc;
    bool bad = false, had;
    hyoka_decimal d1, d2;
    char q[HYOKA__EXCERPT_MAX];

    if (!hyoka__csv_required_text(r, SC_SCHEME, &id, &idn) ||
        hyoka__csv_required(r, SC_ELEMENT, hyoka__csv_get_raw(r, SC_ELEMENT, &el, &eln)) < 0)
        return;
    for (element = 0; element < EL_COUNT; element++)
        if (strlen(hyoka__csv_element_names[element]) == eln && memcmp(hyoka__csv_element_names[element], el, eln) == 0)
            break;
    if (element == EL_COUNT) {
        hyoka__csv_cdiag(r, SC_ELEMENT, HYOKA__V005,
            "unknown element \"%s\" (expected one of: scheme, criterion, option, range, verdict, budget, band, missing)",
            "未知の要素「%s」(次のどれか: scheme, criterion, option, range, verdict, budget, band, missing)",
            hyoka__excerpt(el, eln, q));
        return;
    }
    for (int c = 0; c < SC_COUNT; c++)
        if (!(hyoka__csv_element_cols[element] & (1u << c)) && hyoka__csv_cell_given(r, c)) {
            hyoka__csv_cdiag(r, c, HYOKA__V005, "column %s is not used by %s rows; leave it empty",
                             "%s 列は %s の行では使わない: 空にする", r->t->cols[c].name,
                             hyoka__csv_element_names[element]);
            bad = true;
        }
    if (bad)
        return;
    s = find_scheme(r, id, idn, &si);
    r->scheme_row = element == EL_SCHEME;
    if (element == EL_SCHEME) {
        hyoka_scheme *ns = NULL;
        if (s) {
            hyoka__csv_cdiag(r, SC_SCHEME, HYOKA__V005, "scheme \"%s\" given twice",
                             "評価体系「%s」が重複", hyoka__excerpt(id, idn, q));
            return;
        }
        hyoka__csv_item_cat(r, "/schemes/");
        hyoka__csv_item_idx(r, pf->schemes.count);
        if (!code_room(r) || !hyoka__csv_set_ok(r, SC_SCHEME, hyoka_scheme_new(&ns, id, idn)))
            return;
        if (hyoka__csv_get_text(r, SC_LABEL, &label, &ln) > 0)
            hyoka__csv_set_ok(r, SC_LABEL, hyoka_scheme_set_name(ns, label, ln));
        rc = r->log.fatal ? r->log.fatal : hyoka__portfolio_add_scheme(pf, ns, 0);
        if (rc == HYOKA_OK)
            code_added(r, pf, EL_SCHEME, ns->id, pf->schemes.count - 1);
        else {
            hyoka_scheme_free(ns);
            if (rc == HYOKA_ENOMEM)
                hyoka__csv_fatal(&r->log, rc);
            else if (!r->log.fatal)
                hyoka__csv_set_ok(r, SC_SCHEME, rc);
        }
        return;
    }
    if (!s) {
        hyoka__csv_cdiag(r, SC_SCHEME, HYOKA__V006,
                         "scheme \"%s\" is not defined above (no scheme row)",
                         "評価体系「%s」が上の行で定義されていない (scheme の行がない)",
                         hyoka__excerpt(id, idn, q));
        return;
    }
    hyoka__csv_item_cat(r, "/schemes/");
    hyoka__csv_item_idx(r, si);
    if (hyoka__csv_get_text(r, SC_CODE, &code, &cn) <= 0)
        code = NULL;
    if (hyoka__csv_get_text(r, SC_LABEL, &label, &ln) <= 0)
        label = NULL;
    switch (element) {
    case EL_CRITERION: {
        int req = 0, hw;
        if (!coded_element(r, code, "/criteria/", s->criterion_count))
            return;
        hw = hyoka__csv_get_decimal(r, SC_WEIGHT, &d1);
        if (hw < 0 || hyoka__csv_get_bool(r, SC_REQUIRED, &req) < 0 || !code_room(r))
            return;
        had = find_code(r, s, EL_CRITERION, code, cn, &j);
        if (!hyoka__csv_set_ok(r, SC_CODE, hyoka__scheme_add_criterion(s, code, cn, label, label ? ln : 0,
                                                                       hw > 0 ? &d1 : NULL, &j, had)))
            return;
        code_added(r, s, EL_CRITERION, s->criteria[j].code, j);
        if (req)
            hyoka__csv_set_ok(r, SC_REQUIRED, hyoka_scheme_set_required(s, j, 1));
        return;
    }
    case EL_OPTION: {
        int hs;
        if (!scheme_criterion(r, s, &j) || !coded_element(r, code, "/options/", s->criteria[j].option_count))
            return;
        hs = hyoka__csv_get_decimal(r, SC_SCORE, &d1);
        if (hs < 0 || !code_room(r))
            return;
        had = find_code(r, s, EL_COUNT + j, code, cn, &k);
        if (hyoka__csv_set_ok(r, SC_CODE, hyoka__scheme_add_option(s, j, code, cn, label, label ? ln : 0,
                                                                   hs > 0 ? &d1 : NULL, had)))
            code_added(r, s, EL_COUNT + j, s->criteria[j].options[s->criteria[j].option_count - 1].code,
                       s->criteria[j].option_count - 1);
        return;
    }
    case EL_RANGE: {
        int hmin, hmax;
        if (!scheme_criterion(r, s, &j))
            return;
        hyoka__csv_item_cat(r, "/range");
        if (s->criteria[j].numeric) {
            hyoka__csv_cdiag(r, SC_CRITERION, HYOKA__V005, "range given twice for this criterion",
                             "この評価項目の範囲が重複");
            return;
        }
        hmin = hyoka__csv_get_decimal(r, SC_MIN, &d1);
        hmax = hyoka__csv_get_decimal(r, SC_MAX, &d2);
        if (hmin >= 0 && hmax >= 0)
            hyoka__csv_set_ok(r, SC_CRITERION,
                              hyoka_scheme_set_range(s, j, hmin > 0 ? &d1 : NULL, hmax > 0 ? &d2 : NULL));
        return;
    }
    case EL_VERDICT: {
        int g;
        if (!coded_element(r, code, "/verdicts/", s->verdict_count))
            return;
        if (hyoka__csv_required(r, SC_GROUP, hyoka__csv_get_enum(r, SC_GROUP, HYOKA_ENUM_VERDICT_GROUP, &g)) <= 0 ||
            !code_room(r))
            return;
        had = find_code(r, s, EL_VERDICT, code, cn, &k);
        if (hyoka__csv_set_ok(r, SC_CODE, hyoka__scheme_add_verdict(s, code, cn, label, label ? ln : 0, g, had)))
            code_added(r, s, EL_VERDICT, s->verdicts[s->verdict_count - 1].code, s->verdict_count - 1);
        return;
    }
    case EL_BUDGET: {
        int kind;
        if (!coded_element(r, code, "/budget_directions/", s->budget_count))
            return;
        if (hyoka__csv_required(r, SC_KIND, hyoka__csv_get_enum(r, SC_KIND, HYOKA_ENUM_BUDGET_KIND, &kind)) <= 0 ||
            !code_room(r))
            return;
        had = find_code(r, s, EL_BUDGET, code, cn, &k);
        if (hyoka__csv_set_ok(r, SC_CODE, hyoka__scheme_add_budget(s, code, cn, label, label ? ln : 0, kind, had)))
            code_added(r, s, EL_BUDGET, s->budgets[s->budget_count - 1].code, s->budget_count - 1);
        return;
    }
    case EL_BAND:
        hyoka__csv_item_cat(r, "/rating/bands/");
        hyoka__csv_item_idx(r, s->band_count);
        if (hyoka__csv_required(r, SC_MIN, hyoka__csv_get_decimal(r, SC_MIN, &d1)) <= 0 ||
            hyoka__csv_required(r, SC_CODE, code ? 1 : 0) <= 0 || !code_room(r))
            return;
        rc = hyoka__grow((void **)&r->bmins, &r->bmincap, r->nbmins, sizeof *r->bmins);
        if (rc != HYOKA_OK) {
            hyoka__csv_fatal(&r->log, rc);
            return;
        }
        /* The band with the code is found by its min. */
        had = find_code(r, s, EL_BAND, code, cn, &k);
        if (!hyoka__csv_set_ok(r, SC_CODE,
                               hyoka__scheme_add_band(s, &d1, code, cn, label, label ? ln : 0,
                                                      had ? &r->bmins[k] : NULL, &j)))
            return;
        r->bmins[r->nbmins] = d1;
        code_added(r, s, EL_BAND, s->bands[j].code, r->nbmins++);
        return;
    case EL_MISSING:
        hyoka__csv_item_cat(r, "/rating/missing");
        if (s->missing_code) {
            hyoka__csv_cdiag(r, SC_ELEMENT, HYOKA__V005,
                             "missing-data rating given twice for this scheme", "この評価体系の欠測時の評定が重複");
            return;
        }
        if (hyoka__csv_required(r, SC_CODE, code ? 1 : 0) > 0)
            hyoka__csv_set_ok(r, SC_CODE, hyoka_scheme_set_missing_rating(s, code, cn, label, label ? ln : 0));
        return;
    default:
        return;
    }
}
