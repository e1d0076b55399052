#!/usr/bin/python3
"""Re-measures tests/python/lines.json: each line run as the reference console view runs it
(../shared/conformance/django_ref/myapp/console.py, `run_line`), with `datetime` and `timedelta`
at hand, by /usr/bin/python3 (CPython 3.11.2, Debian bookworm).

    /usr/bin/python3 tests/python/lines.py && npx prettier --write tests/python/lines.json
"""
import json
import os
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, 'lines.json')


def run_line(line):
    env = {'timedelta': timedelta, 'datetime': datetime}
    try:
        try:
            code = compile(line, '<console>', 'eval')
        except SyntaxError:
            code = None
        if code is not None:
            value = eval(code, env)
            return '' if value is None else repr(value)
        exec(compile(line, '<console>', 'exec'), env)
        return ''
    except BaseException as exc:
        name = type(exc).__name__
        text = str(exc)
        if isinstance(exc, SyntaxError):
            text = exc.msg
        elif isinstance(exc, KeyError) and exc.args:
            text = repr(exc.args[0])
        return '%s: %s' % (name, text) if text else name


with open(PATH) as f:
    data = json.load(f)
data['lines'] = [[line, run_line(line)] for line, _ in data['lines']]
with open(PATH, 'w') as f:
    json.dump(data, f, ensure_ascii=False)
