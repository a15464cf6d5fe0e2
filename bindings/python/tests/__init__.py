"""Tests of the hyoka Python binding (unittest).

Run from bindings/python:  python3 -m unittest discover -s tests -t .
with HYOKA_LIBRARY pointing at libhyoka.so.1 (meson test sets it).
"""
