/* What the parts of hyoka-metrics/1 share (metrics.c writes the document,
 * metrics_records.c the figures of a project's records): a figure's member
 * from the result of its computation, and the reasons of those that are
 * unavailable. Not installed. */
#ifndef HYOKA_JSON_METRICS_H
#define HYOKA_JSON_METRICS_H

#include "output.h"

/* At most as many unavailable figures as the figures of a cost year. */
#define HYOKA__METRICS_UNAVAILABLE HYOKA__YEAR_FIGURE_COUNT

/* The figures of one object that were unavailable, and why (figure -1:
 * an evaluation's rating). */
struct hyoka__metrics_unavailable {
    int figure[HYOKA__METRICS_UNAVAILABLE];
    int reason[HYOKA__METRICS_UNAVAILABLE];
    int count;
};

/* Write the member of @p figure: its value, or null (noted in @p u) when
 * @p rc is HYOKA_EUNAVAILABLE; another failure is the writer's. */
void hyoka__metrics_figure(struct hyoka__json_writer *w, struct hyoka__metrics_unavailable *u, int figure, int rc,
                           const hyoka_decimal *value, int reason);
/* The member "unavailable" of an object, when @p u holds anything: each
 * figure's name and its reason as a sentence (with @p fiscal_year, 0 for
 * none). */
void hyoka__metrics_unavailable_write(struct hyoka__json_writer *w, const struct hyoka__metrics_unavailable *u,
                                      int32_t fiscal_year);

/* The members "budgets" and "blocks" of a project, each only when the
 * project has such records (metrics_records.c). */
void hyoka__metrics_records(struct hyoka__json_writer *w, const hyoka_project *p);

#endif /* HYOKA_JSON_METRICS_H */
