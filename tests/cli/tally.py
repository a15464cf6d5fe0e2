"""The report of the scripts of tests/cli: one line per check, then
"N passed, N failed" and exit status 1 when a check failed."""
import sys

passed = failed = 0


def check(ok, what, detail=''):
    global passed, failed
    if ok:
        passed += 1
        print('ok      ' + what)
    else:
        failed += 1
        print('FAILED  ' + what + (('\n' + detail) if detail else ''))


def finish():
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)
