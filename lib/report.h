/* The private interface of the report module is report_internal.h (a
 * header of its own name, so that the ABI baseline, which knows headers by
 * their file name, never takes it for the public report.h). This file
 * only includes it, for the files that still include "report.h". */
#include "report_internal.h"
