/**
 * @file hyoka.h
 * @brief Umbrella header: include this one to use hyoka.
 *
 * hyoka is a C library for public-sector program evaluation (事務事業評価):
 * it holds programs, their multi-year costs, indicators and evaluation
 * verdicts, validates them, computes every figure an evaluation sheet prints,
 * and reads and writes them in open formats.
 */
#ifndef HYOKA_HYOKA_H
#define HYOKA_HYOKA_H

#include "common.h"
#include "error.h"
#include "version.h"
#include "alloc.h"
#include "decimal.h"
#include "yen.h"
#include "calendar.h"
#include "types.h"
#include "portfolio.h"
#include "project.h"
#include "costs.h"
#include "indicator.h"
#include "scheme.h"
#include "evaluation.h"
#include "record.h"
#include "figures.h"
#include "report.h"
#include "json.h"
#include "csv.h"
#include "rs.h"
#include "html.h"
#include "stream.h"

#endif /* HYOKA_HYOKA_H */
