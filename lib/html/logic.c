/* html/logic: the logic model of a project (効果発現経路) as an SVG
 * diagram: its numbered indicators as boxes in columns — activities
 * (`action`), outputs (`activity`), then outcomes by term (short, medium,
 * long; an outcome without a term with the short ones) — in document order
 * within a column, and the links records (目標のつながり) as arrows from one
 * box to the next. The layout depends only on the document: the same
 * project always gives the same picture. Every text is escaped; a box shows
 * the start of its goal and has the whole of it in its <title>. Nothing is
 * written for a project without numbered indicators. */
#include "html_internal.h"

#define COLUMNS 5
#define BOX_W 180
#define BOX_H 46
#define COL_W 220
#define ROW_H 60
#define TOP 28
#define LEFT 8
/* Code points of a goal shown in a box before "…". */
#define SHOWN 14

static const char *const column_en[COLUMNS] = {"Activities", "Outputs", "Short-term outcomes",
                                               "Medium-term outcomes", "Long-term outcomes"};
static const char *const column_ja[COLUMNS] = {"アクティビティ", "アウトプット", "短期アウトカム", "中期アウトカム",
                                               "長期アウトカム"};

/* The column of an indicator of the logic model, or -1. */
static int diagram_column(const hyoka_indicator *ind)
{
    if (hyoka_indicator_number(ind, NULL) != 1)
        return -1;
    switch (hyoka_indicator_kind(ind)) {
    case HYOKA_KIND_ACTION:
        return 0;
    case HYOKA_KIND_ACTIVITY:
        return 1;
    case HYOKA_KIND_OUTCOME:
        switch (hyoka_indicator_term(ind)) {
        case HYOKA_TERM_MEDIUM:
            return 3;
        case HYOKA_TERM_LONG:
            return 4;
        default:
            return 2;
        }
    default:
        return -1;
    }
}

/* The column a link names by its kind and term texts as the sheets print
 * them (アクティビティ, アウトプット, アウトカム; 短期, 中期, 長期), or -1. */
static int column_named(const char *kind, const char *term)
{
    if (!kind)
        return -1;
    if (strstr(kind, "アクティビティ"))
        return 0;
    if (strstr(kind, "アウトプット"))
        return 1;
    if (!strstr(kind, "アウトカム"))
        return -1;
    if (term && strstr(term, "中期"))
        return 3;
    if (term && strstr(term, "長期"))
        return 4;
    return 2;
}

/* Where the boxes are: per indicator its column and row (-1: not drawn). */
struct layout {
    int *col, *row;
    int rows[COLUMNS];
    int used[COLUMNS]; /* the x position of each column that has boxes, else -1 */
    int width, height;
};

/* The box of the node (column, number), or -1. */
static int find_node(const hyoka_project *p, const struct layout *l, int col, int64_t number)
{
    for (size_t i = 0; i < p->indicators.count; i++) {
        int64_t nb;
        if (l->col[i] == col && hyoka_indicator_number(p->indicators.items[i], &nb) == 1 && nb == number)
            return (int)i;
    }
    return -1;
}

/* The first code points of @p s, and "…" when there are more. */
static void put_start(struct hyoka__html_out *o, const char *s)
{
    size_t i = 0;
    int shown = 0;
    char cut[SHOWN * 4 + 1];

    while (s[i] && shown < SHOWN) {
        i++;
        while (((unsigned char)s[i] & 0xC0u) == 0x80u)
            i++;
        shown++;
    }
    memcpy(cut, s, i);
    cut[i] = '\0';
    hyoka__html_esc(o, cut);
    if (s[i])
        hyoka__html_puts(o, "\xE2\x80\xA6");
}

static void draw_box(struct hyoka__html_out *o, const hyoka_indicator *ind, int x, int y, int col)
{
    const char *goal = ind->text[HYOKA_INDICATOR_GOAL];
    const char *name = ind->text[HYOKA_INDICATOR_NAME];
    const char *shown = goal ? goal : name ? name : "";
    int64_t number = 0;

    (void)hyoka_indicator_number(ind, &number);
    hyoka__html_putf(o, "<g class=\"node\" data-column=\"%d\" data-number=\"%lld\"><title>", col, (long long)number);
    hyoka__html_esc(o, shown);
    if (goal && name) {
        hyoka__html_puts(o, " / ");
        hyoka__html_esc(o, name);
    }
    hyoka__html_putf(o,
                     "</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\" "
                     "stroke=\"#1f3b5c\"/>",
                     x, y, BOX_W, BOX_H, col == 0 ? "#edf0f4" : "#fff");
    hyoka__html_putf(o, "<text x=\"%d\" y=\"%d\">%lld</text>", x + 6, y + 17, (long long)number);
    hyoka__html_putf(o, "<text x=\"%d\" y=\"%d\">", x + 6, y + 36);
    put_start(o, shown);
    hyoka__html_puts(o, "</text></g>\n");
}

static void draw_links(struct hyoka__html_out *o, const hyoka_project *p, const struct layout *l)
{
    size_t n = hyoka_project_record_count(p, HYOKA_RECORD_LINK);

    for (size_t i = 0; i < n; i++) {
        const hyoka_record *k = hyoka_project_record_at(p, HYOKA_RECORD_LINK, i);
        int64_t from_nb, to_nb;
        int from, to, fc, tc;
        int x1, y1, x2, y2;

        fc = column_named(hyoka_record_text(k, HYOKA_FIELD_FROM_KIND), hyoka_record_text(k, HYOKA_FIELD_FROM_TERM));
        tc = column_named(hyoka_record_text(k, HYOKA_FIELD_TO_KIND), hyoka_record_text(k, HYOKA_FIELD_TO_TERM));
        if (fc < 0 || tc < 0 || hyoka_record_integer(k, HYOKA_FIELD_FROM_NUMBER, &from_nb) != 1 ||
            hyoka_record_integer(k, HYOKA_FIELD_TO_NUMBER, &to_nb) != 1)
            continue;
        from = find_node(p, l, fc, from_nb);
        to = find_node(p, l, tc, to_nb);
        if (from < 0 || to < 0)
            continue;
        x1 = l->used[fc] + BOX_W;
        y1 = TOP + l->row[from] * ROW_H + BOX_H / 2;
        x2 = l->used[tc];
        y2 = TOP + l->row[to] * ROW_H + BOX_H / 2;
        if (fc == tc) { /* within a column: from the bottom of one box to the top of the other */
            x1 = x2 = l->used[fc] + BOX_W / 2;
            y1 = TOP + l->row[from] * ROW_H + (l->row[to] > l->row[from] ? BOX_H : 0);
            y2 = TOP + l->row[to] * ROW_H + (l->row[to] > l->row[from] ? 0 : BOX_H);
        }
        hyoka__html_putf(o,
                         "<line class=\"link\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4d4d4d\" "
                         "stroke-width=\"1.2\"/><circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#4d4d4d\"/>\n",
                         x1, y1, x2, y2, x2, y2);
    }
}

void hyoka__html_logic_model(struct hyoka__html_out *o, const hyoka_project *p, int depth, unsigned seq)
{
    size_t n = p->indicators.count;
    struct layout l;
    int x = LEFT, maxrows = 0, any = 0;

    for (size_t i = 0; i < n && !any; i++)
        any = diagram_column(p->indicators.items[i]) >= 0;
    if (!any)
        return;
    l.col = hyoka__malloc_array(n, 2 * sizeof *l.col); /* the columns, then the rows */
    if (!l.col) {
        hyoka__html_fail(o, hyoka__nomem());
        return;
    }
    l.row = l.col + n;
    for (int c = 0; c < COLUMNS; c++)
        l.rows[c] = 0;
    for (size_t i = 0; i < n; i++) {
        int c = diagram_column(p->indicators.items[i]);
        l.col[i] = c;
        l.row[i] = c < 0 ? -1 : l.rows[c]++;
    }
    for (int c = 0; c < COLUMNS; c++) {
        l.used[c] = l.rows[c] ? x : -1;
        if (l.rows[c]) {
            x += COL_W;
            if (l.rows[c] > maxrows)
                maxrows = l.rows[c];
        }
    }
    l.width = x - (COL_W - BOX_W) + LEFT;
    l.height = TOP + maxrows * ROW_H;

    hyoka__html_section_open(o, "logic-model", depth, "Logic model", "効果発現経路");
    hyoka__html_putf(o, "<figure class=\"chart logic-chart\" data-project=\"%u\">\n", seq);
    hyoka__html_putf(o,
                     "<svg class=\"chart-svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
                     "data-project=\"%u\" aria-label=\"",
                     l.width, l.height, seq);
    hyoka__html_puts_tr(o, "Logic model: activities, outputs and outcomes",
                        "効果発現経路: アクティビティ・アウトプット・アウトカム");
    hyoka__html_puts(o, "\">\n<title>");
    hyoka__html_puts_tr(o, "Logic model", "効果発現経路");
    hyoka__html_puts(o, "</title>\n");
    for (int c = 0; c < COLUMNS; c++)
        if (l.used[c] >= 0) {
            hyoka__html_putf(o, "<text class=\"column\" x=\"%d\" y=\"%d\" font-weight=\"600\">", l.used[c], TOP - 10);
            hyoka__html_puts_tr(o, column_en[c], column_ja[c]);
            hyoka__html_puts(o, "</text>\n");
        }
    draw_links(o, p, &l);
    for (size_t i = 0; i < n; i++)
        if (l.col[i] >= 0)
            draw_box(o, p->indicators.items[i], l.used[l.col[i]], TOP + l.row[i] * ROW_H, l.col[i]);
    hyoka__html_puts(o, "</svg>\n<figcaption>");
    hyoka__html_puts_tr(o, "Each box is a numbered node of the sheet; a line ends at the node it leads to (dot).",
                        "枠はシートの番号付きの項目、線は次の項目(点の側)へのつながり。");
    hyoka__html_puts(o, "</figcaption>\n</figure>\n</section>\n");
    hyoka__free(l.col);
}
