// Lexer of the ClickHouse SQL dialect. Keywords are case-insensitive; identifiers keep their case.
lexer grammar ClickHouseLexer;

options { caseInsensitive = true; }

@members {
    /** Consumes the heredoc's text and its closing tag (the opening one, matched so far); unclosed, an error. */
    private void readHeredoc() {
        String tag = getText();
        StringBuilder body = new StringBuilder();
        while (_input.LA(1) != org.antlr.v4.runtime.IntStream.EOF) {
            body.appendCodePoint(_input.LA(1));
            getInterpreter().consume(_input);
            int start = body.length() - tag.length();
            if (start >= 0 && body.indexOf(tag, start) == start) {
                return;
            }
        }
        notifyListeners(new org.antlr.v4.runtime.LexerNoViableAltException(this, _input, _tokenStartCharIndex, null));
    }
}

// Keywords (all usable as identifiers where the parser allows it).
ADD: 'ADD';
ALIAS: 'ALIAS';
CODEC: 'CODEC';
COMMENT: 'COMMENT';
GRANULARITY: 'GRANULARITY';
INDEX: 'INDEX';
MATERIALIZED: 'MATERIALIZED';
SAMPLE: 'SAMPLE';
TTL: 'TTL';
TYPE: 'TYPE';
AFTER: 'AFTER';
AST: 'AST';
DETACH: 'DETACH';
ATTACH: 'ATTACH';
CHECK: 'CHECK';
USE: 'USE';
PERMANENTLY: 'PERMANENTLY';
TOTALS: 'TOTALS';
ROLLUP: 'ROLLUP';
CUBE: 'CUBE';
GROUPING: 'GROUPING';
SETS: 'SETS';
ROW: 'ROW';
ROWS: 'ROWS';
OVER: 'OVER';
RANGE: 'RANGE';
PRECEDING: 'PRECEDING';
FOLLOWING: 'FOLLOWING';
UNBOUNDED: 'UNBOUNDED';
CURRENT: 'CURRENT';
EPHEMERAL: 'EPHEMERAL';
POPULATE: 'POPULATE';
REPLACE: 'REPLACE';
EXPLAIN: 'EXPLAIN';
CLUSTER: 'CLUSTER';
DICTIONARY: 'DICTIONARY';
ESTIMATE: 'ESTIMATE';
PIPELINE: 'PIPELINE';
PLAN: 'PLAN';
QUERY_KEYWORD: 'QUERY';
SYNC: 'SYNC';
SYNTAX: 'SYNTAX';
SYSTEM: 'SYSTEM';
TREE: 'TREE';
VIEW: 'VIEW';
OVERRIDE: 'OVERRIDE';
SOURCE: 'SOURCE';
LIFETIME: 'LIFETIME';
LAYOUT: 'LAYOUT';
EXPRESSION: 'EXPRESSION';
HIERARCHICAL: 'HIERARCHICAL';
INJECTIVE: 'INJECTIVE';
IS_OBJECT_ID: 'IS_OBJECT_ID';
BIDIRECTIONAL: 'BIDIRECTIONAL';
FUNCTION: 'FUNCTION';
COLLATE: 'COLLATE';
FILL: 'FILL';
STEP: 'STEP';
STALENESS: 'STALENESS';
TIES: 'TIES';
INTERPOLATE: 'INTERPOLATE';
MATERIALIZE: 'MATERIALIZE';
ASSUME: 'ASSUME';
PROJECTION: 'PROJECTION';
CLEAR: 'CLEAR';
FREEZE: 'FREEZE';
UNFREEZE: 'UNFREEZE';
FETCH: 'FETCH';
MOVE: 'MOVE';
PART: 'PART';
DETACHED: 'DETACHED';
CONSTRAINT: 'CONSTRAINT';
STATISTICS: 'STATISTICS';
RESET: 'RESET';
SETTING: 'SETTING';
REMOVE: 'REMOVE';
APPLY: 'APPLY';
DELETED: 'DELETED';
MASK: 'MASK';
PATCHES: 'PATCHES';
REWRITE: 'REWRITE';
PARTS: 'PARTS';
VOLUME: 'VOLUME';
DISK: 'DISK';
CLEANUP: 'CLEANUP';
STRICT: 'STRICT';
EXCEPT: 'EXCEPT';
INTERSECT: 'INTERSECT';
DIV: 'DIV';
MOD: 'MOD';
RECURSIVE: 'RECURSIVE';
NO: 'NO';
DELAY: 'DELAY';
BACKUP: 'BACKUP';
RESTORE: 'RESTORE';
UNDROP: 'UNDROP';
EXTENDED: 'EXTENDED';
NEXT: 'NEXT';
ONLY: 'ONLY';
UUID: 'UUID';
FOR: 'FOR';
QUALIFY: 'QUALIFY';
WINDOW: 'WINDOW';
USER: 'USER';
USERS: 'USERS';
ROLE: 'ROLE';
ROLES: 'ROLES';
QUOTA: 'QUOTA';
QUOTAS: 'QUOTAS';
POLICY: 'POLICY';
PROFILE: 'PROFILE';
GRANT: 'GRANT';
REVOKE: 'REVOKE';
GRANTS: 'GRANTS';
COLUMNS: 'COLUMNS';
FIELDS: 'FIELDS';
INDEXES: 'INDEXES';
BEGIN: 'BEGIN';
COMMIT: 'COMMIT';
ROLLBACK: 'ROLLBACK';
TRANSACTION: 'TRANSACTION';
WORKLOAD: 'WORKLOAD';
RESOURCE: 'RESOURCE';
NAMED: 'NAMED';
COLLECTION: 'COLLECTION';
KILL: 'KILL';
PRIVILEGES: 'PRIVILEGES';
FUNCTIONS: 'FUNCTIONS';
DATABASES: 'DATABASES';
DICTIONARIES: 'DICTIONARIES';
MUTATION: 'MUTATION';
ASYNC: 'ASYNC';
TEST: 'TEST';
LEADING: 'LEADING';
TRAILING: 'TRAILING';
BOTH: 'BOTH';
DATE: 'DATE';
TIMESTAMP: 'TIMESTAMP';
FILTER: 'FILTER';
ANTI: 'ANTI';
ASOF: 'ASOF';
CROSS: 'CROSS';
FULL: 'FULL';
INNER: 'INNER';
LEFT: 'LEFT';
OUTER: 'OUTER';
PASTE: 'PASTE';
RIGHT: 'RIGHT';
SEMI: 'SEMI';
ALL: 'ALL';
ALTER: 'ALTER';
AND: 'AND';
ANY: 'ANY';
ARRAY: 'ARRAY';
AS: 'AS';
ASC: 'ASC';
ASCENDING: 'ASCENDING';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
COLUMN: 'COLUMN';
CREATE: 'CREATE';
DATABASE: 'DATABASE';
DEDUPLICATE: 'DEDUPLICATE';
DEFAULT: 'DEFAULT';
DELETE: 'DELETE';
DESC: 'DESC';
DESCENDING: 'DESCENDING';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DROP: 'DROP';
ELSE: 'ELSE';
END: 'END';
ENGINE: 'ENGINE';
EXCHANGE: 'EXCHANGE';
EXISTS: 'EXISTS';
FALSE: 'FALSE';
FINAL: 'FINAL';
FIRST: 'FIRST';
FORMAT: 'FORMAT';
FROM: 'FROM';
GLOBAL: 'GLOBAL';
GROUP: 'GROUP';
HAVING: 'HAVING';
IF: 'IF';
ILIKE: 'ILIKE';
IN: 'IN';
INF: 'INF';
INSERT: 'INSERT';
INTERVAL: 'INTERVAL';
IGNORE: 'IGNORE';
RESPECT: 'RESPECT';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
KEY: 'KEY';
LAST: 'LAST';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
MODIFY: 'MODIFY';
NAN_SQL: 'NAN';
NOT: 'NOT';
NULL_SQL: 'NULL';
NULLS: 'NULLS';
OFFSET: 'OFFSET';
ON: 'ON';
OPTIMIZE: 'OPTIMIZE';
OR: 'OR';
ORDER: 'ORDER';
PARTITION: 'PARTITION';
PREWHERE: 'PREWHERE';
PRIMARY: 'PRIMARY';
RENAME: 'RENAME';
SELECT: 'SELECT';
SET: 'SET';
SETTINGS: 'SETTINGS';
SHOW: 'SHOW';
TABLE: 'TABLE';
TABLES: 'TABLES';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TO: 'TO';
TRUNCATE: 'TRUNCATE';
TRUE: 'TRUE';
UNION: 'UNION';
UPDATE: 'UPDATE';
USING: 'USING';
VALUES: 'VALUES';
WHEN: 'WHEN';
WHERE: 'WHERE';
WITH: 'WITH';
// Keywords of DDL and MySQL compatibility, also names.
PRECISION: 'PRECISION';
VARYING: 'VARYING';
LARGE: 'LARGE';
OBJECT: 'OBJECT';
NATIONAL: 'NATIONAL';
UNSIGNED: 'UNSIGNED';
SIGNED: 'SIGNED';
AUTO_INCREMENT: 'AUTO_INCREMENT';
REFRESH: 'REFRESH';
EVERY: 'EVERY';
APPEND: 'APPEND';
RANDOMIZE: 'RANDOMIZE';
DEPENDS: 'DEPENDS';
EMPTY: 'EMPTY';
CLONE: 'CLONE';
RECOMPRESS: 'RECOMPRESS';
FOREIGN: 'FOREIGN';
REFERENCES: 'REFERENCES';
REGEXP: 'REGEXP';
TOP: 'TOP';
FORCE: 'FORCE';
REPLICATED: 'REPLICATED';
UNIQUE: 'UNIQUE';
GROUPS: 'GROUPS';
PARALLEL: 'PARALLEL';
INFILE: 'INFILE';
COMPRESSION: 'COMPRESSION';
OUTFILE: 'OUTFILE';

// Literals.
// x'C328': a string written as the hex digits of its bytes (x'0' is the byte 0, padded on the left).
HEX_STRING_LITERAL: 'X' '\'' [0-9A-F]* '\'';
// b'01000001': a string written as the bits of its bytes.
BINARY_STRING_LITERAL: 'B' '\'' [01]* '\'';
HEXADECIMAL_LITERAL: '0' 'X' [0-9A-F] ([0-9A-F] | '_' [0-9A-F])*;
BINARY_LITERAL: '0' 'B' [01] ([01] | '_' [01])*;
FLOATING_LITERAL
    : DIGITS '.' DIGITS? EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    | '0' 'X' HEX_DIGITS? ('.' HEX_DIGITS?)? 'P' [+-]? DIGITS  // 0x1.8p-1: hexadecimal digits, a binary exponent
    ;
DECIMAL_LITERAL: DIGITS;
STRING_LITERAL: '\'' ( ~['\\] | '\\' . | '\'\'' )* '\'' | '\u2018' ~[\u2019]* '\u2019';

fragment DIGITS: [0-9] ([0-9] | '_' [0-9])*;
fragment HEX_DIGITS: [0-9A-F] ([0-9A-F] | '_' [0-9A-F])*;
fragment EXPONENT: 'E' [+-]? [0-9]+;

// $tag$ text $tag$: the action reads on to the closing tag, which a lexer rule cannot name.
HEREDOC: '$' HEREDOC_TAG? '$' {readHeredoc();};
fragment HEREDOC_TAG: [A-Z_] [A-Z_0-9]*;

// Identifiers.
IDENTIFIER
    : ([A-Z_] | UNICODE_LETTER) ([A-Z_0-9$] | UNICODE_LETTER)*
    | [0-9]+ ([A-Z_] | UNICODE_LETTER) ([A-Z_0-9] | UNICODE_LETTER)*  // 00662_t: a leading digit when not a number
    ;
// Any character past ASCII but the Unicode spaces, which separate tokens as in ClickHouse, and the typographic
// quotes and minus sign, which quote and subtract.
fragment UNICODE_LETTER
    : ~[\u0000-\u007F\u0085\u00A0\u1680\u180E\u2000-\u200D\u2018\u2019\u201C\u201D\u2028\u2029\u202F\u205F\u2060\u2212\u3000\uFEFF]
    ;
BACKQUOTED_IDENTIFIER: '`' ( ~[`\\] | '\\' . | '``' )* '`';
DOUBLE_QUOTED_IDENTIFIER: '"' ( ~["\\] | '\\' . | '""' )* '"' | '\u201C' ~[\u201D]* '\u201D';
// @@version: a MySQL server variable; user@host names an account.
GLOBAL_VARIABLE: '@@' [A-Z_] [A-Z_0-9]*;
AT: '@';
QUERY_PARAMETER: '{' [ \t]* [A-Z_] [A-Z_0-9]* [ \t]* ':' ~[}]+ '}';

// Operators and punctuation.
ARROW: '->';
ASTERISK: '*';
BACKQUOTE: '`';
COLON: ':';
COMMA: ',';
CONCAT: '||';
// The Unicode minus sign too.
DASH: '-' | '\u2212';
DOUBLE_COLON: '::';
DOT: '.';
EQ_DOUBLE: '==';
EQ_SINGLE: '=';
GE: '>=';
GT: '>';
LBRACE: '{';
LBRACKET: '[';
LE: '<=';
LPAREN: '(';
LT: '<';
CARET: '^';
NOT_EQ: '!=' | '<>';
NULL_SAFE_EQ: '<=>';
PERCENT: '%';
PLUS: '+';
QUERY: '?';
RBRACE: '}';
RBRACKET: ']';
RPAREN: ')';
SEMICOLON: ';';
SLASH: '/';

// Skipped.
// Block comments nest, as in ClickHouse.
MULTI_LINE_COMMENT: '/*' (MULTI_LINE_COMMENT | .)*? '*/' -> skip;
// ClickHouse's lexer takes // to the end of the line as a comment too.
SLASH_COMMENT: '//' ~[\r\n]* -> skip;
SINGLE_LINE_COMMENT: ('--' | '#') ~[\r\n]* -> skip;
WHITESPACE: [ \t\r\n\f\u000B\u0085\u00A0\u1680\u180E\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]+ -> skip;
