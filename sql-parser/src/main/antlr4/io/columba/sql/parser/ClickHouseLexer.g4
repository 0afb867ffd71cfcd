// Lexer of the ClickHouse SQL dialect. Keywords are case-insensitive; identifiers keep their case.
lexer grammar ClickHouseLexer;

options { caseInsensitive = true; }

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

// Literals.
HEXADECIMAL_LITERAL: '0' 'X' [0-9A-F] ([0-9A-F] | '_' [0-9A-F])*;
BINARY_LITERAL: '0' 'B' [01] ([01] | '_' [01])*;
FLOATING_LITERAL
    : DIGITS '.' DIGITS? EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;
DECIMAL_LITERAL: DIGITS;
STRING_LITERAL: '\'' ( ~['\\] | '\\' . | '\'\'' )* '\'';

fragment DIGITS: [0-9] ([0-9] | '_' [0-9])*;
fragment EXPONENT: 'E' [+-]? [0-9]+;

// Identifiers.
IDENTIFIER: [A-Z_\u0080-\uFFFF] [A-Z_0-9\u0080-\uFFFF]*;
BACKQUOTED_IDENTIFIER: '`' ( ~[`\\] | '\\' . | '``' )* '`';
DOUBLE_QUOTED_IDENTIFIER: '"' ( ~["\\] | '\\' . | '""' )* '"';
QUERY_PARAMETER: '{' [ \t]* [A-Z_] [A-Z_0-9]* [ \t]* ':' ~[}]+ '}';

// Operators and punctuation.
ARROW: '->';
ASTERISK: '*';
BACKQUOTE: '`';
COLON: ':';
COMMA: ',';
CONCAT: '||';
DASH: '-';
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
NOT_EQ: '!=' | '<>';
PERCENT: '%';
PLUS: '+';
QUERY: '?';
RBRACE: '}';
RBRACKET: ']';
RPAREN: ')';
SEMICOLON: ';';
SLASH: '/';

// Skipped.
MULTI_LINE_COMMENT: '/*' .*? '*/' -> skip;
SINGLE_LINE_COMMENT: ('--' | '#') ~[\r\n]* -> skip;
WHITESPACE: [ \t\r\n\f\u000B]+ -> skip;
