r"""ClickHouse 18.16 spellings of the SQL Columba compiles for a pipe, and a tiny HTTP client for both systems.

18.16 predates some functions the web-analytics pipes use; each rewrite below is an equivalent spelling:
  timestampAdd(d, interval n unit)   -> (d + interval n unit)       (timestampSub likewise with -)
  JSONExtractString(json, 'key')     -> visitParamExtractString(replaceRegexpAll(json, '"\\s*:\\s*', '":'), 'key')
                                        (18.16's visitParam* needs "key": without blanks; top-level string fields)
  anySimpleState / minSimpleState / maxSimpleState(x) -> any / min / max(x)
                                        (SimpleAggregateFunction(f, T) columns are stored as plain T)
  JSONExtractFloat / JSONExtractInt   -> visitParamExtractFloat / visitParamExtractInt (same normalization)
  LIMIT toInt32('5')                 -> LIMIT 5    (18.16 takes only literals in LIMIT and OFFSET)
  range(a, b[, s])                   -> arrayMap(x -> a + x * s, range(toUInt64(intDiv(b - a + s - 1, s))))
  timestamp <op> 'YYYY-MM-DD'        -> timestamp <op> 'YYYY-MM-DD 00:00:00'  (18.16 parses only the long form)
  toStartOfDay(x)                    -> toDateTime(toDate(x))   (18.16 takes only a DateTime, later ones a Date too)
  date <op> (SELECT current_start ...) -> toDateTime(date) <op> (SELECT ...)   (18.16 compares a Date with a
                                        DateTime by their raw numbers, day number against seconds, so
                                        toDate('2024-01-02') >= toDateTime('2024-01-01 00:00:00') is 0 there; later
                                        versions convert the Date. The kpis pipe compares its Date column `date`
                                        with the DateTime bounds toStartOfDay gives; only SQL calling
                                        toStartOfDay gets this rewrite)
  round(x[, n])                      -> floor(y + 0.5) - (1 when y is exactly halfway and floor(y) even), y = x * 10^n
                                        (current ClickHouse rounds a float halfway case to even, round(31.25, 1)
                                        = 31.2; 18.16 away from zero, 31.3: web_vitals_distribution's percentage)
  '\+' in a string literal          -> '\\+'   (an unknown escape keeps its backslash in Columba and current
                                        ClickHouse; 18.16 drops it)
"""

import json
import re
import urllib.error
import urllib.parse
import urllib.request

SIMPLE_STATE = re.compile(r"\b(any|min|max|sum|anyLast)SimpleState\s*\(", re.IGNORECASE)
JSON_EXTRACT = re.compile(r"\bJSONExtract(String|Float|Int|UInt)\s*\(", re.IGNORECASE)
LIMIT_CAST = re.compile(r"(\bLIMIT|\bOFFSET|,)(\s*)toU?Int(?:8|16|32|64)\('(\d+)'\)", re.IGNORECASE)
RANGE = re.compile(r"\brange\s*\(")
DATE_COMPARISON = re.compile(r"(\btimestamp\s*(?:>=|<=|<|>|=)\s*)'(\d{4}-\d{2}-\d{2})'")
TIMESTAMP_ADD = re.compile(r"\b(timestampAdd|timestampSub)\s*\(", re.IGNORECASE)
START_OF_DAY = re.compile(r"\btoStartOfDay\s*\(")
DATE_VS_BOUND = re.compile(
    r"(?<![\w.])((?:\w+\.)?date)(\s*(?:>=|<=|<|>|=)\s*)(\(\s*SELECT\s+(?:current|previous)_(?:start|end)\b)")
ROUND = re.compile(r"\bround\s*\(")


def split_call(sql, open_paren):
    """The top-level arguments of the call whose '(' is at open_paren, and the index after its ')'."""
    depth, quote, start, args, i = 0, None, open_paren + 1, [], open_paren
    while i < len(sql):
        c = sql[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"`":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                args.append(sql[start:i])
                return args, i + 1
        elif c == "," and depth == 1:
            args.append(sql[start:i])
            start = i + 1
        i += 1
    raise ValueError("unbalanced parentheses in: " + sql[open_paren:open_paren + 80])


def rewrite_calls(sql, pattern, replace):
    out, pos = [], 0
    while True:
        match = pattern.search(sql, pos)
        if not match:
            out.append(sql[pos:])
            return "".join(out)
        args, end = split_call(sql, match.end() - 1)
        out.append(sql[pos:match.start()])
        out.append(replace(match, [rewrite_calls(a, pattern, replace) for a in args]))
        pos = end


KNOWN_ESCAPES = set("\\'\"bfrnt0avxN`")


def keep_unknown_escapes(sql):
    """Doubles the backslash of unknown escapes (such as \\+) inside single-quoted literals."""
    out, i, quoted = [], 0, False
    while i < len(sql):
        c = sql[i]
        if quoted and c == "\\" and i + 1 < len(sql):
            out.append(c + ("" if sql[i + 1] in KNOWN_ESCAPES else "\\") + sql[i + 1])
            i += 2
            continue
        if c == "'":
            quoted = not quoted
        out.append(c)
        i += 1
    return "".join(out)


def range_for_18(a):
    """range(end), range(start, end) and range(start, end, step) with 18.16's one-argument range."""
    if len(a) == 1:
        return "range(%s)" % a[0]
    step = a[2] if len(a) == 3 else "1"
    return "arrayMap(x -> (%s) + x * (%s), range(toUInt64(intDiv((%s) - (%s) + (%s) - 1, %s))))" % (
        a[0], step, a[1], a[0], step, step)


def round_half_even(a):
    """round(x[, n]) as current ClickHouse rounds a float: to the nearest, halfway cases to the even neighbour."""
    scale = "exp10(%s)" % (a[1] if len(a) > 1 else "0")
    y = "((%s) * %s)" % (a[0], scale)
    return "((floor(%s + 0.5) - if(%s - floor(%s) = 0.5 AND modulo(floor(%s), 2) = 0, 1, 0)) / %s)" % (
        y, y, y, y, scale)


def for_clickhouse_18(sql):
    """sql in spellings ClickHouse 18.16 knows (see the module docstring)."""
    sql = keep_unknown_escapes(sql)
    sql = SIMPLE_STATE.sub(lambda m: m.group(1) + "(", sql)
    sql = rewrite_calls(
        sql,
        JSON_EXTRACT,
        lambda m, a: "visitParamExtract%s(replaceRegexpAll(%s, '\"\\\\s*:\\\\s*', '\":'), %s)" % (m.group(1), a[0], a[1]),
    )
    sql = rewrite_calls(
        sql,
        RANGE,
        lambda m, a: range_for_18(a),
    )
    sql = LIMIT_CAST.sub(lambda m: m.group(1) + m.group(2) + m.group(3), sql)
    sql = DATE_COMPARISON.sub(lambda m: "%s'%s 00:00:00'" % (m.group(1), m.group(2)), sql)
    sql = rewrite_calls(
        sql,
        TIMESTAMP_ADD,
        lambda m, a: "(%s %s %s)" % (a[0], "+" if m.group(1).lower() == "timestampadd" else "-", a[1]),
    )
    # 18.16's toStartOfDay takes only a DateTime; later versions take a Date too (same day, as a DateTime).
    bounds_are_date_times = START_OF_DAY.search(sql) is not None
    sql = rewrite_calls(sql, START_OF_DAY, lambda m, a: "toDateTime(toDate(%s))" % ", ".join(a))
    if bounds_are_date_times:
        # kpis: its bounds are toStartOfDay DateTimes; 18.16 would compare the Date column's day number with their
        # seconds. (Pipes whose bounds are toDate() Dates, such as top_pages, compare Date with Date already.)
        sql = DATE_VS_BOUND.sub(lambda m: "toDateTime(%s)%s%s" % (m.group(1), m.group(2), m.group(3)), sql)
    sql = rewrite_calls(sql, ROUND, lambda m, a: round_half_even(a))
    return sql


def clickhouse_type(columba_type):
    """The column type for 18.16: SimpleAggregateFunction(f, T) and LowCardinality(T) become T."""
    match = re.fullmatch(r"SimpleAggregateFunction\(\s*\w+\s*,\s*(.+)\)", columba_type)
    if match:
        return clickhouse_type(match.group(1))
    match = re.fullmatch(r"LowCardinality\((.+)\)", columba_type)
    if match:
        return clickhouse_type(match.group(1))
    return columba_type


class Http:
    """POSTs to one base URL; errors raise RuntimeError with the server's message."""

    def __init__(self, base, headers=None, params=None):
        self.base = base.rstrip("/")
        self.headers = headers or {}
        self.params = params or {}

    def request(self, path, params=None, body=None, timeout=600):
        query = dict(self.params)
        query.update(params or {})
        url = self.base + path + ("?" + urllib.parse.urlencode(query, doseq=True) if query else "")
        data = body.encode() if isinstance(body, str) else body
        req = urllib.request.Request(url, data=data, headers=self.headers, method="POST" if data else "GET")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                return response.read().decode()
        except urllib.error.HTTPError as e:
            raise RuntimeError("%s %s: %s" % (e.code, path, e.read().decode(errors="replace")[:2000])) from None

    def json(self, path, params=None, body=None):
        return json.loads(self.request(path, params, body))
