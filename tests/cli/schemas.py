"""The JSON Schemas of docs/schemas/, for the scripts of tests/cli.

available() is False when the jsonschema module (Debian: python3-jsonschema)
is missing; problems(kind, doc) lists what is wrong with doc, a document of
kind 'hyoka-1', 'hyoka-check-1', 'hyoka-metrics-1' or 'hyoka-summary-1'."""
import json
import os

try:
    import jsonschema
except ImportError:  # the callers skip
    jsonschema = None

_validators = {}


def available():
    return jsonschema is not None


def problems(root, kind, doc):
    if kind not in _validators:
        with open(os.path.join(root, 'docs', 'schemas', kind + '.schema.json'), encoding='utf-8') as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        _validators[kind] = jsonschema.Draft202012Validator(schema)
    return ['%s: %s' % ('/'.join(str(p) for p in e.absolute_path), e.message[:200])
            for e in _validators[kind].iter_errors(doc)]


# The kind of what the program prints, by command.
OUTPUT_KIND = {'check': 'hyoka-check-1', 'metrics': 'hyoka-metrics-1', 'summary': 'hyoka-summary-1',
               'convert': 'hyoka-1'}
