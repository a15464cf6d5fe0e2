/*
 * The four seed sheets (docs/seeds.md) built through the public API.
 *
 * Each builder makes a new portfolio holding one sheet exactly as printed:
 * the municipality (when the sheet names it), the denominators the printed
 * per-head figures need, the schemes the evaluations follow, and the one
 * project of the sheet with everything it prints. docs/seeds.md maps every
 * box of every sheet to the call that holds it, explains each modelling
 * decision, and lists what the model cannot hold.
 *
 * Later tests (figures, validation, JSON, CSV, HTML) reuse these builders:
 * what a sheet gets wrong (seed 001's unit cost 15,775.5, seed 002's 終了
 * beside planned spending...) is kept as printed, so those tests can check
 * that hyoka reports it.
 *
 * Contract of every builder:
 * - on success returns HYOKA_OK and stores in *out a portfolio owned by the
 *   caller (release it with hyoka_portfolio_free());
 * - on failure returns the first failing status (HYOKA_ENOMEM under an
 *   allocation failure), frees everything it made and leaves *out
 *   unchanged;
 * - uses the public API only, and nothing but hyoka's allocator.
 */
#ifndef HYOKA_TESTS_SEEDS_H
#define HYOKA_TESTS_SEEDS_H

#include <hyoka/hyoka.h>

/** Number of seed sheets. */
#define SEED_COUNT 4

/** Id of the evaluation scheme of seed 002's city (built by seed002_build()). */
#define SEED002_SCHEME_ID "city-002"

/** Seed 001: 所沢市, 010802 情報セキュリティ対策推進事業 (平成20年度事務事業評価表). */
int seed001_build(hyoka_portfolio **out);

/** Seed 002: 00832 個人情報セキュリティ対策事業 (平成28–31年度, scheme "city-002"). */
int seed002_build(hyoka_portfolio **out);

/** Seed 003: 1379 情報化安全対策事業 with its 細事業 01 (平成24年度). */
int seed003_build(hyoka_portfolio **out);

/** Seed 004: 真岡市, 真岡市セキュリティポリシー遵守運用事業 (28–32年度; no code printed). */
int seed004_build(hyoka_portfolio **out);

/** A seed builder. */
typedef int (*seed_builder_fn)(hyoka_portfolio **out);

/**
 * Build seed @p number (1 to SEED_COUNT).
 * @return as the builders; HYOKA_EINVAL for another number or a NULL @p out.
 */
int seed_build(int number, hyoka_portfolio **out);

#endif /* HYOKA_TESTS_SEEDS_H */
