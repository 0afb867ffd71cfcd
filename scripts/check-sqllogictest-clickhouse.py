#!/usr/bin/env python3
"""Runs the sqllogictest files of testdata/sql against a real ClickHouse (the 18.16 peer) over HTTP.

    scripts/clickhouse-peer.sh start
    scripts/check-sqllogictest-clickhouse.py                 # every testdata/sql/**/*.test
    scripts/check-sqllogictest-clickhouse.py FILE.test ...   # only these files
    CLICKHOUSE_URL=http://127.0.0.1:8123 scripts/check-sqllogictest-clickhouse.py

Each file runs in a fresh database (CREATE DATABASE, then the `database` URL parameter; dropped afterwards).
Each statement is the POST body; a query gets " FORMAT TabSeparated" appended unless it ends with a FORMAT
clause (on a new line, so a trailing "-- comment" cannot hide it). A record preceded directly by a "# skip-clickhouse: <reason>" line is skipped. Prints one line per
mismatch (file:line) and ends with "N passed, N failed, N skipped"; exits 1 if anything failed.

Record format (DuckDB-style; records are separated by blank lines):
    statement ok | statement error | query <I|R|T per column> [rowsort|nosort]
    <SQL, possibly several lines; INSERT ... FORMAT X is followed by its inline data lines>
    ----                      (query: expected TabSeparated rows; statement error: the error NAME)
An expected line "<blank>" stands for an empty output line (the one before WITH TOTALS' row).
"""

import glob
import os
import re
import time
import sys
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_URL = "http://127.0.0.1:18123"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP_MARKER = re.compile(r"^#\s*skip-clickhouse\s*:")
FORMAT_AT_END = re.compile(r"\bFORMAT\s+\w+\s*;?\s*$", re.IGNORECASE)
# An INSERT carrying inline data: "INSERT INTO t [(cols)] FORMAT X\n<data>"; never append FORMAT to those.
INSERT_WITH_FORMAT = re.compile(r"^\s*INSERT\b[^\n]*\bFORMAT\s+\w+", re.IGNORECASE)
QUERY_LETTERS = re.compile(r"^[IRT]+$")
# An expected line standing for an empty output line, which would otherwise end the record.
BLANK_LINE = "<blank>"

# ClickHouse error codes (src/Common/ErrorCodes.cpp). 18.16 prints only the number; newer servers also print
# "(NAME)", which is used directly when present.
ERROR_NAMES = {
    1: "UNSUPPORTED_METHOD", 2: "UNSUPPORTED_PARAMETER", 3: "UNEXPECTED_END_OF_FILE", 4: "EXPECTED_END_OF_FILE",
    6: "CANNOT_PARSE_TEXT", 7: "INCORRECT_NUMBER_OF_COLUMNS", 8: "THERE_IS_NO_COLUMN",
    9: "SIZES_OF_COLUMNS_DOESNT_MATCH", 10: "NOT_FOUND_COLUMN_IN_BLOCK", 11: "POSITION_OUT_OF_BOUND",
    12: "PARAMETER_OUT_OF_BOUND", 13: "SIZES_OF_COLUMNS_IN_TUPLE_DOESNT_MATCH", 15: "DUPLICATE_COLUMN",
    16: "NO_SUCH_COLUMN_IN_TABLE", 420: "CANNOT_UPDATE_COLUMN", 524: "ALTER_OF_COLUMN_IS_FORBIDDEN", 17: "DELIMITER_IN_STRING_LITERAL_DOESNT_MATCH",
    18: "CANNOT_INSERT_ELEMENT_INTO_CONSTANT_COLUMN", 19: "SIZE_OF_FIXED_STRING_DOESNT_MATCH",
    20: "NUMBER_OF_COLUMNS_DOESNT_MATCH", 21: "CANNOT_READ_ALL_DATA_FROM_TAB_SEPARATED_INPUT",
    22: "CANNOT_PARSE_ALL_VALUE_FROM_TAB_SEPARATED_INPUT", 23: "CANNOT_READ_FROM_ISTREAM",
    24: "CANNOT_WRITE_TO_OSTREAM", 25: "CANNOT_PARSE_ESCAPE_SEQUENCE", 26: "CANNOT_PARSE_QUOTED_STRING",
    27: "CANNOT_PARSE_INPUT_ASSERTION_FAILED", 28: "CANNOT_PRINT_FLOAT_OR_DOUBLE_NUMBER",
    29: "CANNOT_PRINT_INTEGER", 30: "CANNOT_READ_SIZE_OF_COMPRESSED_CHUNK", 31: "CANNOT_READ_COMPRESSED_CHUNK",
    32: "ATTEMPT_TO_READ_AFTER_EOF", 33: "CANNOT_READ_ALL_DATA", 34: "TOO_MANY_ARGUMENTS_FOR_FUNCTION",
    35: "TOO_FEW_ARGUMENTS_FOR_FUNCTION", 36: "BAD_ARGUMENTS", 37: "UNKNOWN_ELEMENT_IN_AST",
    38: "CANNOT_PARSE_DATE", 39: "TOO_LARGE_SIZE_COMPRESSED", 40: "CHECKSUM_DOESNT_MATCH",
    41: "CANNOT_PARSE_DATETIME", 42: "NUMBER_OF_ARGUMENTS_DOESNT_MATCH", 43: "ILLEGAL_TYPE_OF_ARGUMENT",
    44: "ILLEGAL_COLUMN", 45: "ILLEGAL_NUMBER_OF_RESULT_COLUMNS", 46: "UNKNOWN_FUNCTION",
    47: "UNKNOWN_IDENTIFIER", 48: "NOT_IMPLEMENTED", 49: "LOGICAL_ERROR", 50: "UNKNOWN_TYPE",
    51: "EMPTY_LIST_OF_COLUMNS_QUERIED", 52: "COLUMN_QUERIED_MORE_THAN_ONCE", 53: "TYPE_MISMATCH",
    54: "STORAGE_DOESNT_ALLOW_PARAMETERS", 55: "STORAGE_REQUIRES_PARAMETER", 56: "UNKNOWN_STORAGE",
    57: "TABLE_ALREADY_EXISTS", 58: "TABLE_METADATA_ALREADY_EXISTS", 59: "ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER",
    60: "UNKNOWN_TABLE", 61: "ONLY_FILTER_COLUMN_IN_BLOCK", 62: "SYNTAX_ERROR", 63: "UNKNOWN_AGGREGATE_FUNCTION",
    64: "CANNOT_READ_AGGREGATE_FUNCTION_FROM_TEXT", 65: "CANNOT_WRITE_AGGREGATE_FUNCTION_AS_TEXT",
    66: "NOT_A_COLUMN", 67: "ILLEGAL_KEY_OF_AGGREGATION", 68: "CANNOT_GET_SIZE_OF_FIELD",
    376: "CANNOT_PARSE_UUID", 407: "DECIMAL_OVERFLOW", 691: "UNKNOWN_ELEMENT_OF_ENUM", 695: "CANNOT_PARSE_IPV4",
    696: "CANNOT_PARSE_IPV6", 223: "UNEXPECTED_AST_STRUCTURE",
    69: "ARGUMENT_OUT_OF_BOUND", 70: "CANNOT_CONVERT_TYPE", 71: "CANNOT_WRITE_AFTER_END_OF_BUFFER",
    72: "CANNOT_PARSE_NUMBER", 73: "UNKNOWN_FORMAT", 74: "CANNOT_READ_FROM_FILE_DESCRIPTOR",
    75: "CANNOT_WRITE_TO_FILE_DESCRIPTOR", 76: "CANNOT_OPEN_FILE", 77: "CANNOT_CLOSE_FILE",
    78: "UNKNOWN_TYPE_OF_QUERY", 79: "INCORRECT_FILE_NAME", 80: "INCORRECT_QUERY", 81: "UNKNOWN_DATABASE",
    82: "DATABASE_ALREADY_EXISTS", 83: "DIRECTORY_DOESNT_EXIST", 84: "DIRECTORY_ALREADY_EXISTS",
    85: "FORMAT_IS_NOT_SUITABLE_FOR_INPUT", 90: "EMPTY_LIST_OF_COLUMNS_PASSED", 92: "EMPTY_DATA_PASSED",
    107: "FILE_DOESNT_EXIST", 108: "NO_DATA_TO_INSERT", 113: "THERE_IS_NO_SESSION", 115: "UNKNOWN_SETTING",
    116: "THERE_IS_NO_DEFAULT_VALUE", 117: "INCORRECT_DATA", 119: "ENGINE_REQUIRED",
    122: "INCOMPATIBLE_COLUMNS", 123: "UNKNOWN_TYPE_OF_AST_NODE", 124: "INCORRECT_ELEMENT_OF_SET",
    125: "INCORRECT_RESULT_OF_SCALAR_SUBQUERY", 126: "CANNOT_GET_RETURN_TYPE", 127: "ILLEGAL_INDEX",
    128: "TOO_LARGE_ARRAY_SIZE", 129: "FUNCTION_IS_SPECIAL", 130: "CANNOT_READ_ARRAY_FROM_TEXT",
    131: "TOO_LARGE_STRING_SIZE", 133: "AGGREGATE_FUNCTION_DOESNT_ALLOW_PARAMETERS",
    134: "PARAMETERS_TO_AGGREGATE_FUNCTIONS_MUST_BE_LITERALS", 135: "ZERO_ARRAY_OR_TUPLE_INDEX",
    141: "SAMPLING_NOT_SUPPORTED", 144: "FIRST_DATE_IS_BIGGER_THAN_LAST_DATE",
    146: "QUERY_SECTION_DOESNT_MAKE_SENSE", 151: "INDEX_OF_COLUMN_IN_SORT_CLAUSE_IS_OUT_OF_RANGE",
    152: "UNKNOWN_DIRECTION_OF_SORTING", 153: "ILLEGAL_DIVISION", 154: "AGGREGATE_FUNCTION_NOT_APPLICABLE",
    155: "UNKNOWN_RELATION", 158: "TOO_MANY_ROWS", 159: "TIMEOUT_EXCEEDED", 160: "TOO_SLOW",
    161: "TOO_MANY_COLUMNS", 162: "TOO_DEEP_SUBQUERIES", 164: "READONLY", 167: "TOO_DEEP_AST",
    168: "TOO_BIG_AST", 169: "BAD_TYPE_OF_FIELD", 170: "BAD_GET", 174: "CYCLIC_ALIASES",
    178: "MULTIPLE_ALIASES_FOR_EXPRESSION", 179: "MULTIPLE_EXPRESSIONS_FOR_ALIAS", 181: "ILLEGAL_FINAL",
    182: "ILLEGAL_PREWHERE", 183: "UNEXPECTED_EXPRESSION", 184: "ILLEGAL_AGGREGATION",
    190: "SIZES_OF_ARRAYS_DOESNT_MATCH", 192: "UNKNOWN_USER", 193: "WRONG_PASSWORD", 194: "REQUIRED_PASSWORD",
    202: "TOO_MANY_SIMULTANEOUS_QUERIES", 206: "ALIAS_REQUIRED", 207: "AMBIGUOUS_IDENTIFIER",
    209: "SOCKET_TIMEOUT", 210: "NETWORK_ERROR", 211: "EMPTY_QUERY", 215: "NOT_AN_AGGREGATE",
    218: "TABLE_IS_DROPPED", 219: "DATABASE_NOT_EMPTY", 223: "UNEXPECTED_AST_STRUCTURE",
    229: "QUERY_IS_TOO_LARGE", 241: "MEMORY_LIMIT_EXCEEDED", 242: "TABLE_IS_READ_ONLY",
    248: "INVALID_PARTITION_VALUE", 252: "TOO_MANY_PARTS", 258: "UNION_ALL_RESULT_STRUCTURES_MISMATCH",
    290: "LIMIT_EXCEEDED", 305: "TABLE_WAS_NOT_DROPPED", 306: "TOO_DEEP_RECURSION",
    309: "FUNCTION_CANNOT_HAVE_PARAMETERS", 321: "VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE",
    349: "CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN", 352: "AMBIGUOUS_COLUMN_NAME",
    359: "TABLE_SIZE_EXCEEDS_MAX_DROP_SIZE_LIMIT", 370: "DATA_TYPE_CANNOT_BE_USED_IN_TABLES",
    377: "ILLEGAL_SYNTAX_FOR_DATA_TYPE", 378: "DATA_TYPE_CANNOT_HAVE_ARGUMENTS", 386: "NO_COMMON_TYPE",
    394: "QUERY_WAS_CANCELLED", 395: "FUNCTION_THROW_IF_VALUE_IS_NON_ZERO", 396: "TOO_MANY_ROWS_OR_BYTES",
    186: "UNSUPPORTED_COLLATION_LOCALE", 358: "INTO_OUTFILE_NOT_ALLOWED", 407: "DECIMAL_OVERFLOW", 440: "INVALID_LIMIT_EXPRESSION", 497: "ACCESS_DENIED",
    516: "AUTHENTICATION_FAILED",
}

# 18.16: "Code: 60, e.displayText() = DB::Exception: ..."; newer: "Code: 60. DB::Exception: ... (UNKNOWN_TABLE)".
ERROR_CODE = re.compile(r"Code: (\d+)[.,]")
ERROR_NAME_SUFFIX = re.compile(r"\(([A-Z][A-Z0-9_]{2,})\)(?: \(version [^)]*\))?\s*$")


class Record:
    """One statement or query of a test file."""

    def __init__(self, kind, line, sql, expected, letters="", sort_mode="nosort", skip_reason=None):
        self.kind = kind  # "ok", "error" or "query"
        self.line = line  # 1-based line of the record header
        self.sql = sql
        self.expected = expected  # list of lines after "----" (None when there is no "----")
        self.letters = letters
        self.sort_mode = sort_mode
        self.skip_reason = skip_reason


class ParseError(Exception):
    pass


def parse_file(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    records = []
    i = 0
    pending_skip = None
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped == "":
            pending_skip = None
            i += 1
            continue
        if stripped.startswith("#"):
            if SKIP_MARKER.match(stripped):
                pending_skip = stripped.split(":", 1)[1].strip() or "no reason given"
            i += 1
            continue
        header_line = i + 1
        words = stripped.split()
        if words[0] == "statement" and len(words) == 2 and words[1] in ("ok", "error"):
            kind, letters, sort_mode = words[1], "", "nosort"
        elif words[0] == "query" and len(words) in (2, 3) and QUERY_LETTERS.match(words[1]):
            kind, letters = "query", words[1]
            sort_mode = words[2] if len(words) == 3 else "nosort"
            if sort_mode not in ("rowsort", "nosort"):
                raise ParseError(f"{path}:{header_line}: unknown sort mode '{sort_mode}'")
        else:
            raise ParseError(f"{path}:{header_line}: expected 'statement ok|error' or 'query <IRT...>', got: {line}")
        i += 1
        body = []
        while i < len(lines) and lines[i].strip() != "" and lines[i] != "----":
            body.append(lines[i])
            i += 1
        expected = None
        if i < len(lines) and lines[i] == "----":
            i += 1
            expected = []
            while i < len(lines) and lines[i] != "":
                expected.append("" if lines[i] == BLANK_LINE else lines[i])
                i += 1
        if not body:
            raise ParseError(f"{path}:{header_line}: record without SQL")
        if kind == "query" and expected is None:
            raise ParseError(f"{path}:{header_line}: query without '----'")
        if kind == "ok" and expected is not None:
            raise ParseError(f"{path}:{header_line}: 'statement ok' must not have '----'")
        records.append(Record(kind, header_line, "\n".join(body), expected, letters, sort_mode, pending_skip))
        pending_skip = None
    return records


class ClickHouseError(Exception):
    def __init__(self, code, name, message):
        super().__init__(message)
        self.code = code
        self.name = name
        self.message = message


class ClickHouse:
    def __init__(self, url):
        self.url = url.rstrip("/") + "/"

    def execute(self, sql, database=None):
        params = {"wait_end_of_query": "1"}
        if database:
            params["database"] = database
        request = urllib.request.Request(
            self.url + "?" + urllib.parse.urlencode(params), data=sql.encode("utf-8"), method="POST")
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                body = response.read().decode("utf-8", errors="replace")
                header_code = response.headers.get("X-ClickHouse-Exception-Code")
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", errors="replace")
            raise self.error(body, e.headers.get("X-ClickHouse-Exception-Code")) from None
        # An exception raised after the response started streaming is appended to a 200 body.
        if header_code or re.search(r"(^|\n)Code: \d+[.,] (e\.displayText\(\) = )?DB::Exception", body):
            raise self.error(body, header_code)
        return body

    @staticmethod
    def error(body, header_code):
        match = ERROR_CODE.search(body)
        code = int(header_code) if header_code else (int(match.group(1)) if match else -1)
        name_match = ERROR_NAME_SUFFIX.search(body.strip())
        name = name_match.group(1) if name_match else ERROR_NAMES.get(code, f"CODE_{code}")
        return ClickHouseError(code, name, body.strip())


def query_text(sql):
    if INSERT_WITH_FORMAT.match(sql) or FORMAT_AT_END.search(sql):
        return sql
    # On its own line, so that a trailing "-- comment" in the query cannot swallow it.
    return sql.rstrip().rstrip(";") + "\nFORMAT TabSeparated"


def result_lines(body):
    lines = body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def describe(lines, limit=20):
    shown = lines[:limit]
    text = "\n".join("      " + line.replace("\t", "<TAB>") for line in shown)
    if len(lines) > limit:
        text += f"\n      ... ({len(lines) - limit} more lines)"
    return text or "      (no rows)"


def check_record(client, database, record):
    """Returns None when the record passes, else a one-line (or few-line) description of the mismatch."""
    first_sql_line = record.sql.split("\n", 1)[0]
    if record.kind == "ok":
        try:
            client.execute(record.sql, database)
            if MUTATION.match(record.sql):
                wait_for_mutations(client, database)
            return None
        except ClickHouseError as e:
            return f"statement failed: {first_sql_line}\n    {e.name}: {one_line(e.message)}"
    if record.kind == "error":
        try:
            client.execute(record.sql, database)
        except ClickHouseError as e:
            expected = "\n".join(record.expected or []).strip()
            if not expected or expected == e.name:
                return None
            return f"expected error {expected}, got {e.name}: {first_sql_line}\n    {one_line(e.message)}"
        return f"statement succeeded but an error was expected: {first_sql_line}"
    for expected_line in record.expected:
        if expected_line and len(expected_line.split("\t")) != len(record.letters):
            return (f"expected row has {len(expected_line.split(chr(9)))} columns but the header says "
                    f"'{record.letters}': {expected_line!r}")
    try:
        actual = result_lines(client.execute(query_text(record.sql), database))
    except ClickHouseError as e:
        return f"query failed: {first_sql_line}\n    {e.name}: {one_line(e.message)}"
    expected = list(record.expected)
    if record.sort_mode == "rowsort":
        actual.sort()
        expected.sort()
    if actual == expected:
        return None
    return (f"wrong result: {first_sql_line}\n    expected:\n{describe(expected)}\n    actual:\n{describe(actual)}")


# 18.16 runs ALTER TABLE ... DELETE/UPDATE in the background (no mutations_sync yet); Columba runs them to the
# end before answering, so the check waits for ClickHouse to finish before the next record.
MUTATION = re.compile(r"(?is)^\s*ALTER\s+TABLE\s+.*\b(DELETE|UPDATE)\b")


def wait_for_mutations(client, database, timeout_seconds=60):
    deadline = time.time() + timeout_seconds
    while time.time() < deadline:
        pending = client.execute(
            f"SELECT count() FROM system.mutations WHERE database = '{database}' AND is_done = 0 FORMAT TabSeparated")
        if pending.strip() == "0":
            return
        time.sleep(0.1)
    raise ClickHouseError(-1, "TIMEOUT", f"mutations in {database} did not finish in {timeout_seconds} s")


def one_line(text, limit=300):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


def run_file(client, path, file_index, counts):
    display = os.path.relpath(path, REPO_ROOT) if path.startswith(REPO_ROOT) else path
    try:
        records = parse_file(path)
    except ParseError as e:
        print(f"{e}")
        counts["failed"] += 1
        return
    database = f"columba_slt_{os.getpid()}_{file_index}"
    client.execute(f"DROP DATABASE IF EXISTS {database}")
    client.execute(f"CREATE DATABASE {database}")
    try:
        for record in records:
            if record.skip_reason is not None:
                counts["skipped"] += 1
                continue
            problem = check_record(client, database, record)
            if problem is None:
                counts["passed"] += 1
            else:
                counts["failed"] += 1
                print(f"{display}:{record.line}: {problem}")
    finally:
        client.execute(f"DROP DATABASE IF EXISTS {database}")


def main(argv):
    paths = argv[1:] or sorted(glob.glob(os.path.join(REPO_ROOT, "testdata", "sql", "**", "*.test"), recursive=True))
    if not paths:
        print("no .test files found", file=sys.stderr)
        return 1
    client = ClickHouse(os.environ.get("CLICKHOUSE_URL", DEFAULT_URL))
    try:
        client.execute("SELECT 1")
    except (urllib.error.URLError, ConnectionError) as e:
        print(f"cannot reach ClickHouse at {client.url}: {e} (start it with scripts/clickhouse-peer.sh start)",
              file=sys.stderr)
        return 1
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for index, path in enumerate(paths):
        try:
            run_file(client, os.path.abspath(path), index, counts)
        except (urllib.error.URLError, ConnectionError, TimeoutError, ClickHouseError) as e:
            # The server went away or refused the per-file database: report it and go on with the next file.
            print(f"{path}: aborted: {e}")
            counts["failed"] += 1
    print(f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
