/* The smallest useful embedding of hyoka.
 *
 * Build against an installed hyoka:
 *     cc embed.c -o embed $(pkg-config --cflags --libs hyoka)
 *
 * It checks that the library loaded at run time is the one the headers
 * describe, then computes one figure of an evaluation sheet exactly:
 * a cost of 16,627,000 yen shared by 1,054 users, per user, rounded to
 * one decimal place 四捨五入 (half up). */
#include <stdio.h>

#include <hyoka/hyoka.h>

int main(void)
{
    hyoka_decimal cost, users, per_user;
    char text[HYOKA_DECIMAL_STRING_MAX]; /* always large enough */
    int rc;

    /* A program built with headers of one major version must not run with
     * a library of another: the ABI would not match. */
    if (hyoka_version() / 10000 != HYOKA_VERSION_MAJOR) {
        fprintf(stderr, "embed: built with hyoka %d.x headers, but the library "
                "loaded is %s (major %d)\n", HYOKA_VERSION_MAJOR,
                hyoka_version_string(), hyoka_version() / 10000);
        return 1;
    }
    printf("hyoka %s\n", hyoka_version_string());

    /* Exact decimals: no binary floating point touches the figure. */
    cost = hyoka_decimal_from_int(16627000);
    users = hyoka_decimal_from_int(1054);

    /* Divide, rounding once at the end: 1 place, half up. */
    rc = hyoka_decimal_div(&cost, &users, 1, HYOKA_ROUND_HALF_UP, &per_user);
    if (rc == HYOKA_OK)
        rc = hyoka_decimal_format(&per_user, HYOKA_DECIMAL_FMT_GROUPING,
                                  text, sizeof text, NULL);
    if (rc != HYOKA_OK) {
        /* Every failure has a code and a message for this thread. */
        fprintf(stderr, "embed: %s: %s\n", hyoka_strerror(rc), hyoka_error_last());
        return 1;
    }

    printf("16,627,000 yen / 1,054 users = %s yen per user\n", text);
    return 0;
}
