// Parser of the ClickHouse SQL dialect: operators bind as in ClickHouse (earlier alternatives bind tighter).
parser grammar ClickHouseParser;

options { tokenVocab = ClickHouseLexer; }

@parser::members {
    // The lower bound of BETWEEN is parsed at the precedence of its upper bound (one above BETWEEN's own), so it
    // never takes the AND of BETWEEN, also when prediction sees no context (SLL). ANTLR calls a left-recursive
    // rule with a precedence only at the right edge of an alternative; these two hooks do it for the lower bound.
    private int checkedPrecedence;
    private int boundPrecedence = -1;

    /** The next expression is the lower bound of a BETWEEN whose alternative has just checked its precedence. */
    private void betweenBound() {
        boundPrecedence = checkedPrecedence + 1;
    }

    @Override
    public boolean precpred(RuleContext context, int precedence) {
        checkedPrecedence = precedence;
        return super.precpred(context, precedence);
    }

    @Override
    public void enterRecursionRule(ParserRuleContext context, int state, int ruleIndex, int precedence) {
        int bound = boundPrecedence;
        boundPrecedence = -1;
        super.enterRecursionRule(context, state, ruleIndex, bound >= 0 ? bound : precedence);
    }
}

// FORMAT may follow any statement, as in ClickHouse; outside SELECT, SHOW and the like it formats no rows.
statementEof: statement (formatClause settingsClause?)? SEMICOLON? EOF;
expressionEof: expr EOF;

statement
    : selectUnion formatClause? settingsClause?                         # selectStatement
    | createTable                                                       # createTableStatement
    | createDatabase                                                    # createDatabaseStatement
    | createView                                                        # createViewStatement
    | createDictionary                                                  # createDictionaryStatement
    | CREATE INDEX (IF NOT EXISTS)? identifier ON tableIdentifier expr TYPE columnType (GRANULARITY DECIMAL_LITERAL)?  # createIndexStatement
    | DROP (TEMPORARY? TABLE | VIEW | DICTIONARY | DATABASE) (IF EXISTS)? tableIdentifier (COMMA tableIdentifier)* onCluster? (SYNC | NO DELAY)? settingsClause?  # dropTableStatement
    | EXPLAIN explainKind? (settingItem (COMMA settingItem)*)? statement  # explainStatement
    | SYSTEM (~SEMICOLON)+                                              # systemStatement
    | (DETACH | ATTACH) (TABLE | VIEW | DICTIONARY)? (IF NOT? EXISTS)? tableIdentifier uuidClause? onCluster? PERMANENTLY? SYNC?  # detachStatement
    | SHOW CREATE (TEMPORARY? TABLE | VIEW | DICTIONARY)? tableIdentifier formatClause? settingsClause?  # showCreateStatement
    | CHECK TABLE tableIdentifier (PARTITION expr | PART STRING_LITERAL)? settingsClause?     # checkStatement
    | USE identifier                                                    # useStatement
    | insert                                                            # insertStatement
    | (DESCRIBE | DESC) TABLE? tableIdentifier formatClause?            # describeStatement
    | (DESCRIBE | DESC) TABLE? (tableFunction | LPAREN selectUnion RPAREN) settingsClause? formatClause? settingsClause?  # describeSourceStatement
    | SHOW TABLES formatClause? settingsClause?                         # showTablesStatement
    | SHOW (TABLES | DATABASES | DICTIONARIES) ((FROM | IN) identifier)? (NOT? (LIKE | ILIKE) STRING_LITERAL)?
      (LIMIT expr)? formatClause?                                       # showObjectsStatement
    | KILL (QUERY_KEYWORD | MUTATION) onCluster? WHERE expr (SYNC | ASYNC | TEST)? formatClause? settingsClause?  # killStatement
    | CREATE (OR REPLACE)? FUNCTION (IF NOT EXISTS)? identifier onCluster? AS expr  # createFunctionStatement
    | administration                                                    # administrationStatement
    | EXISTS TABLE? tableIdentifier formatClause?                       # existsStatement
    | OPTIMIZE TABLE tableIdentifier onCluster? partitionSpec? FINAL? (DEDUPLICATE (BY exprList)?)? CLEANUP? settingsClause?  # optimizeStatement
    | UPDATE tableIdentifier SET assignment (COMMA assignment)* (IN partitionSpec)? WHERE expr settingsClause?  # updateStatement
    | TRUNCATE TEMPORARY? TABLE? (IF EXISTS)? tableIdentifier onCluster? settingsClause?  # truncateStatement
    | RENAME TABLE renamePair (COMMA renamePair)*                        # renameStatement
    | EXCHANGE TABLES tableIdentifier AND tableIdentifier               # exchangeStatement
    | ALTER TABLE tableIdentifier onCluster? alterCommandItem (COMMA alterCommandItem)* settingsClause?  # alterStatement
    | DELETE FROM tableIdentifier onCluster? WHERE expr settingsClause?  # deleteStatement
    | SET settingItem (COMMA settingItem)*                              # setStatement
    ;

// Statements Columba recognizes but does not model: access control, transactions, SHOW of grants and columns.
administration
    : (CREATE | ALTER) (USER | ROLE | QUOTA | ROW POLICY | POLICY | SETTINGS PROFILE | PROFILE) (~SEMICOLON)*
    | CREATE NAMED COLLECTION (~SEMICOLON)*
    | DROP (USER | ROLE | QUOTA | ROW POLICY | POLICY | SETTINGS PROFILE | PROFILE | FUNCTION | WORKLOAD | RESOURCE
        | NAMED COLLECTION) (~SEMICOLON)*
    | (GRANT | REVOKE) (~SEMICOLON)+
    | SHOW CREATE (USER | USERS | ROLE | ROLES | QUOTA | QUOTAS | ROW POLICY | POLICY | SETTINGS PROFILE | PROFILE)
        (~SEMICOLON)*
    | SHOW (GRANTS | PRIVILEGES | COLUMNS | FIELDS | INDEX | INDEXES | FUNCTIONS | SETTING) (~SEMICOLON)*
    | BEGIN TRANSACTION? | COMMIT | ROLLBACK | SET TRANSACTION (~SEMICOLON)*
    | SET DEFAULT? ROLE (~SEMICOLON)*
    | CREATE (OR REPLACE)? (WORKLOAD | RESOURCE) (~SEMICOLON)*
    | (BACKUP | RESTORE | UNDROP) (~SEMICOLON)+
    | RENAME (DATABASE | DICTIONARY) (~SEMICOLON)+
    | EXCHANGE DICTIONARIES (~SEMICOLON)+
    | SHOW (SETTINGS | TEMPORARY | TABLE | DATABASE | EXTENDED | FULL) (~SEMICOLON)*
    | SHOW CREATE DATABASE (~SEMICOLON)+
    | EXISTS (DICTIONARY | VIEW | DATABASE | TEMPORARY) (~SEMICOLON)+
    | (DETACH | ATTACH) (DATABASE | TEMPORARY) (~SEMICOLON)+
    | TRUNCATE (DATABASE | ALL) (~SEMICOLON)+
    | EXPLAIN CURRENT TRANSACTION
    ;
renamePair: tableIdentifier TO tableIdentifier;
// UUID 'x': the table's id in an Atomic database; Columba keeps no ids.
uuidClause: UUID STRING_LITERAL;
onCluster: ON CLUSTER (identifier | STRING_LITERAL);
explainKind: AST | SYNTAX | QUERY_KEYWORD TREE | PLAN | PIPELINE | ESTIMATE | TABLE OVERRIDE;

// A command may stand in parentheses: ALTER TABLE t (DELETE WHERE x), (UPDATE y = 1 WHERE z).
alterCommandItem: alterCommand | LPAREN alterCommand RPAREN;
alterCommand
    : DELETE (IN partitionSpec)? WHERE expr                             # alterDelete
    | UPDATE assignment (COMMA assignment)* (IN partitionSpec)? WHERE expr  # alterUpdate
    | ADD COLUMN (IF NOT EXISTS)? columnDeclaration (AFTER columnName | FIRST)?  # alterAddColumn
    | DROP COLUMN (IF EXISTS)? columnName                               # alterDropColumn
    | MODIFY COLUMN (IF EXISTS)? columnName columnType (DEFAULT expr)?  # alterModifyColumn
    | MODIFY COLUMN (IF EXISTS)? columnDeclaration (AFTER columnName | FIRST)?  # alterModifyColumnDeclaration
    | MODIFY COLUMN (IF EXISTS)? columnName
      (REMOVE identifier | MODIFY SETTING settingAssignment (COMMA settingAssignment)* | RESET SETTING identifier (COMMA identifier)*)  # alterModifyColumnProperty
    | RENAME COLUMN (IF EXISTS)? columnName TO columnName               # alterRenameColumn
    | ALTER COLUMN (IF EXISTS)? columnName TYPE columnType              # alterColumnType
    | (CLEAR | MATERIALIZE) COLUMN (IF EXISTS)? columnName (IN partitionSpec)?  # alterColumnData
    | COMMENT COLUMN (IF EXISTS)? columnName STRING_LITERAL             # alterCommentColumn
    | ADD INDEX (IF NOT EXISTS)? indexDeclarationBody (AFTER identifier | FIRST)?  # alterAddIndex
    | (DROP | CLEAR | MATERIALIZE) INDEX (IF EXISTS)? identifier (IN partitionSpec)?  # alterIndex
    | ADD PROJECTION (IF NOT EXISTS)? projectionDeclarationBody         # alterAddProjection
    | (DROP | CLEAR | MATERIALIZE) PROJECTION (IF EXISTS)? identifier (IN partitionSpec)?  # alterProjection
    | ADD CONSTRAINT (IF NOT EXISTS)? identifier (CHECK | ASSUME) expr  # alterAddConstraint
    | DROP CONSTRAINT (IF EXISTS)? identifier                           # alterDropConstraint
    | (ADD | MODIFY) STATISTICS (IF NOT EXISTS)? exprList TYPE exprList # alterAddStatistics
    | (DROP | CLEAR | MATERIALIZE) STATISTICS (IF EXISTS)? (ALL | exprList)  # alterStatistics
    | (DROP DETACHED | DROP | DETACH | ATTACH | FREEZE | UNFREEZE | FETCH) partitionSpec
      (FROM (STRING_LITERAL | tableIdentifier))? (WITH identifier STRING_LITERAL)?  # alterPartition
    | REPLACE partitionSpec FROM tableIdentifier                        # alterReplacePartition
    | MOVE partitionSpec TO (TABLE tableIdentifier | DISK STRING_LITERAL | VOLUME STRING_LITERAL)  # alterMovePartition
    | (FREEZE | UNFREEZE) (WITH identifier STRING_LITERAL)?              # alterFreezeAll
    | MODIFY SETTING settingAssignment (COMMA settingAssignment)*                   # alterModifySetting
    | RESET SETTING identifier (COMMA identifier)*                      # alterResetSetting
    | MODIFY TTL ttlRule (COMMA ttlRule)*                               # alterModifyTtl
    | MODIFY QUERY_KEYWORD selectUnion                                  # alterModifyQuery
    | MODIFY ORDER BY expr                                              # alterModifyOrderBy
    | MODIFY SAMPLE BY expr                                             # alterModifySampleBy
    | MODIFY COMMENT STRING_LITERAL                                     # alterModifyComment
    | REMOVE (TTL | SAMPLE BY)                                          # alterRemove
    | MATERIALIZE TTL (IN partitionSpec)?                               # alterMaterializeTtl
    | APPLY (DELETED MASK | PATCHES) (IN partitionSpec)?                # alterApply
    | REWRITE PARTS (IN partitionSpec)?                                 # alterRewriteParts
    ;
// PARTITION expr | PARTITION ID 'id' | PARTITION ALL | PART 'name'
partitionSpec
    : PARTITION ALL
    | PARTITION identifier STRING_LITERAL
    | PARTITION expr
    | PART (STRING_LITERAL | QUERY_PARAMETER)
    ;
assignment: identifier EQ_SINGLE expr;

formatClause: FORMAT identifier;

// SELECT

// INTERSECT binds tighter than UNION and EXCEPT; the builder nests them as ClickHouse does.
selectUnion: selectQuery (setOperator selectQuery)*;
setOperator: (UNION | INTERSECT | EXCEPT) (ALL | DISTINCT)?;

selectQuery
    : withClause? SELECT (DISTINCT distinctOn? | ALL)? selectItemList
      fromClause?
      prewhereClause?
      whereClause?
      groupByClause?
      (WITH TOTALS)?
      havingClause?
      windowClause?
      qualifyClause?
      orderByClause?
      interpolateClause?
      limitByClause?
      limitClause?
      settingsClause?                                                   # plainSelect
    | LPAREN selectUnion RPAREN                                         # nestedSelect
    ;

// DISTINCT ON (a, b) is LIMIT 1 BY a, b.
distinctOn: ON LPAREN exprList RPAREN;
withClause: WITH RECURSIVE? withItem (COMMA withItem)*;
withItem
    : expr AS identifier                                                # withExpression
    | identifier AS LPAREN selectUnion RPAREN                           # withSubquery
    ;

selectItemList: selectItem (COMMA selectItem)* COMMA?;
selectItem: expr aliasClause?;

fromClause: FROM tableExpression joinElement*;
joinElement
    : COMMA tableExpression                                             # commaJoin
    | GLOBAL? joinKind? JOIN tableExpression joinConstraint?            # tableJoin
    | LEFT? ARRAY JOIN exprList                                         # arrayJoin
    ;
joinKind
    : joinStrictness? (INNER | LEFT | RIGHT | FULL) OUTER? joinStrictness?
    | joinStrictness
    | CROSS
    | PASTE
    ;
joinStrictness: ANY | ALL | ASOF | SEMI | ANTI;
joinConstraint
    : ON expr                                                           # joinOn
    | USING (LPAREN exprList RPAREN | exprList)                         # joinUsing
    ;
tableExpression
    : tableIdentifier FINAL? aliasClause? FINAL? sampleClause?          # tableReference
    | tableFunction FINAL? aliasClause?                                 # tableFunctionReference
    | LPAREN selectUnion RPAREN aliasClause?                            # subqueryReference
    | LPAREN EXPLAIN explainKind? (settingItem (COMMA settingItem)*)? selectUnion RPAREN aliasClause?  # explainReference
    ;
tableFunction: identifier LPAREN exprList? RPAREN | viewFunction;
// view(SELECT ...) takes a bare SELECT, in FROM and as an argument of another table function.
viewFunction: VIEW LPAREN selectUnion RPAREN;
tableIdentifier: (identifier DOT)? identifier;

// SAMPLE 1/10 OFFSET 1/2: ratios as ClickHouse reads them, a number or a number over a number.
sampleClause: SAMPLE sampleRatio (OFFSET sampleRatio)?;
sampleRatio: (DECIMAL_LITERAL | FLOATING_LITERAL) (SLASH (DECIMAL_LITERAL | FLOATING_LITERAL))?;
prewhereClause: PREWHERE aliasedExpr;
whereClause: WHERE aliasedExpr;
groupByClause: GROUP BY (groupingSets | LPAREN exprList RPAREN | exprList) (WITH (ROLLUP | CUBE))?;
groupingSets: GROUPING SETS LPAREN groupingSet (COMMA groupingSet)* RPAREN;
groupingSet: LPAREN exprList? RPAREN | expr;
limitByClause: LIMIT expr ((COMMA | OFFSET) expr)? BY exprList;
havingClause: HAVING aliasedExpr;
windowClause: WINDOW windowDefinition (COMMA windowDefinition)*;
windowDefinition: identifier AS LPAREN windowSpec RPAREN;
qualifyClause: QUALIFY aliasedExpr;
orderByClause: ORDER BY orderItem (COMMA orderItem)*;
orderItem
    : aliasedExpr (ASCENDING | DESCENDING | ASC | DESC)? (NULLS (FIRST | LAST))? (COLLATE STRING_LITERAL)?
      (WITH FILL (FROM fillFrom=expr)? (TO fillTo=expr)? (STEP fillStep=expr)? (STALENESS fillStaleness=expr)?)?
    ;
// INTERPOLATE (x AS x + 1, y): what WITH FILL puts into the columns of the rows it adds.
interpolateClause: INTERPOLATE (LPAREN (interpolateItem (COMMA interpolateItem)*)? RPAREN)?;
interpolateItem: identifier (AS expr)?;
limitClause
    : LIMIT expr COMMA expr (WITH TIES)?                                # limitWithCommaOffset
    | LIMIT expr (OFFSET expr)? (WITH TIES)?                            # limitWithOffset
    | (OFFSET expr (ROW | ROWS))? FETCH (FIRST | NEXT) expr (ROW | ROWS) (ONLY | WITH TIES)  # fetchLimit
    | OFFSET expr (ROW | ROWS)?                                         # offsetOnly
    ;
settingsClause: SETTINGS settingItem (COMMA settingItem)*;
settingItem: identifier (EQ_SINGLE expr)?;
// In ALTER a setting needs its value: MODIFY SETTING a = 1, FREEZE freezes, it sets no FREEZE.
settingAssignment: identifier EQ_SINGLE expr;

// CREATE TABLE

createTable
    : (CREATE (OR REPLACE)? | REPLACE) TEMPORARY? TABLE (IF NOT EXISTS)? tableIdentifier uuidClause? onCluster?
      (LPAREN tableElement (COMMA tableElement)* COMMA? RPAREN)?
      (AS (tableIdentifier | tableFunction))?
      engineClause?
      (COMMENT STRING_LITERAL)?
      (AS (selectUnion | LPAREN selectUnion RPAREN | tableIdentifier | tableFunction))?
    ;
createDatabase: CREATE DATABASE (IF NOT EXISTS)? identifier onCluster? engineClause? (COMMENT STRING_LITERAL)?;
createView
    : CREATE (OR REPLACE)? MATERIALIZED? VIEW (IF NOT EXISTS)? tableIdentifier uuidClause? onCluster?
      (TO tableIdentifier)?
      (LPAREN tableElement (COMMA tableElement)* COMMA? RPAREN)?
      engineClause? POPULATE?
      AS selectUnion
      (COMMENT STRING_LITERAL)?
    ;
// CREATE DICTIONARY: its clauses come in any order, as ClickHouse reads them.
createDictionary
    : (CREATE (OR REPLACE)? | REPLACE) DICTIONARY (IF NOT EXISTS)? tableIdentifier onCluster?
      LPAREN dictionaryAttribute (COMMA dictionaryAttribute)* COMMA? RPAREN
      dictionaryClause*
      (COMMENT STRING_LITERAL)?
    ;
dictionaryAttribute
    : identifier columnType
      (DEFAULT expr | EXPRESSION expr | HIERARCHICAL | BIDIRECTIONAL | INJECTIVE | IS_OBJECT_ID)*
    ;
dictionaryClause
    : PRIMARY KEY exprList                                              # dictionaryPrimaryKey
    | SOURCE LPAREN keyValueFunction RPAREN                             # dictionarySource
    | LIFETIME LPAREN (DECIMAL_LITERAL | keyValuePairs) RPAREN          # dictionaryLifetime
    | LAYOUT LPAREN keyValueFunction RPAREN                             # dictionaryLayout
    | RANGE LPAREN keyValuePairs RPAREN                                 # dictionaryRange
    | SETTINGS LPAREN settingItem (COMMA settingItem)* RPAREN           # dictionarySettings
    ;
// SOURCE(CLICKHOUSE(HOST 'h' PORT 9000)): a name and pairs of a key and a value, the value maybe pairs again.
keyValueFunction: identifier (LPAREN keyValuePairs? RPAREN)?;
keyValuePairs: keyValuePair (COMMA? keyValuePair)*;
keyValuePair: identifier (expr | identifier? LPAREN keyValuePairs? RPAREN);
tableElement
    : INDEX indexDeclarationBody
    | PROJECTION projectionDeclarationBody
    | CONSTRAINT identifier (CHECK | ASSUME) expr
    | columnDeclaration
    ;
indexDeclarationBody: identifier expr TYPE columnType (GRANULARITY DECIMAL_LITERAL)?;
projectionDeclarationBody: identifier LPAREN projectionSelect RPAREN (WITH SETTINGS LPAREN settingItem (COMMA settingItem)* RPAREN)?;
projectionSelect: withClause? SELECT selectItemList (GROUP BY exprList)? (ORDER BY exprList)?;
// A column's name: nested columns are written n.a.
columnName: identifier (DOT identifier)*;
columnDeclaration
    : columnName columnType? (NOT? NULL_SQL)? ((DEFAULT | MATERIALIZED | ALIAS | EPHEMERAL) expr?)? (COMMENT STRING_LITERAL)?
      (CODEC LPAREN columnType (COMMA columnType)* RPAREN)? (STATISTICS LPAREN exprList RPAREN)? (TTL expr)?
    ;
engineClause: ENGINE EQ_SINGLE? engineExpr engineItem* | engineItem+;
engineExpr: identifier (LPAREN exprList? RPAREN)?;
ttlRule: expr (DELETE | TO identifier STRING_LITERAL)? (WHERE expr)?;
engineItem
    : PARTITION BY expr                                                 # partitionByItem
    | ORDER BY expr                                                     # orderByItem
    | PRIMARY KEY expr                                                  # primaryKeyItem
    | SAMPLE BY expr                                                    # sampleByItem
    | TTL ttlRule (COMMA ttlRule)*                                      # ttlItem
    | settingsClause                                                    # engineSettingsItem
    ;

columnType
    : identifier LPAREN (columnTypeArgument (COMMA columnTypeArgument)* COMMA?)? RPAREN
    | identifier
    ;
columnTypeArgument
    : columnType
    | DASH? literal (EQ_SINGLE DASH? literal)?
    | compoundIdentifier columnType
    | identifier EQ_SINGLE expr
    | identifier compoundIdentifier  // JSON(SKIP a.b)
    ;

// INSERT (INSERT ... FORMAT <data> is split before parsing: the data never reaches the lexer)

insert
    : INSERT INTO insertTarget insertColumns? settingsClause? VALUES (valuesRow (COMMA? valuesRow)*)?  # insertValues
    | INSERT INTO insertTarget insertColumns? settingsClause? FORMAT identifier                    # insertFormat
    | INSERT INTO insertTarget insertColumns? settingsClause? selectUnion                           # insertSelect
    ;
insertTarget
    : TABLE? tableIdentifier                                            # insertIntoTable
    | TABLE? FUNCTION tableFunction (PARTITION BY expr)?                # insertIntoFunction
    ;
// INSERT INTO t (*) lists every column, as no list does.
insertColumns: LPAREN (ASTERISK | compoundIdentifier (COMMA compoundIdentifier)* COMMA?) RPAREN;
valuesRow: LPAREN exprList? RPAREN;

// Expressions

// An alias stands where ClickHouse reads an "expression with optional alias": in lists, parentheses and clauses,
// never as an operator (1 AS a + 1 is an error), so an expression never takes the AS of CAST(x AS T) or WITH x AS y.
exprList: aliasedExpr (COMMA aliasedExpr)* COMMA?;
aliasedExpr: expr (AS identifier)?;

expr
    : literal                                                           # literalExpr
    | QUERY_PARAMETER                                                   # queryParameterExpr
    | ASTERISK columnTransformer*                                       # asteriskExpr
    | compoundIdentifier DOT ASTERISK columnTransformer*                # qualifiedAsteriskExpr
    | CASE caseSubject=expr? (WHEN aliasedExpr THEN aliasedExpr)+ (ELSE aliasedExpr)? END  # caseExpr
    | viewFunction                                                      # viewExpr
    | CAST LPAREN expr AS columnType RPAREN                             # castExpr
    | CAST LPAREN expr COMMA expr RPAREN                                # castFunctionExpr
    | INTERVAL aliasedExpr IDENTIFIER                                   # intervalExpr
    | INTERVAL STRING_LITERAL                                           # intervalStringExpr
    | identifier LPAREN identifier FROM expr RPAREN                     # extractExpr
    | identifier LPAREN (LEADING | TRAILING | BOTH) expr FROM expr RPAREN  # trimExpr
    | identifier LPAREN expr FROM expr (FOR expr)? RPAREN                # substringFromExpr
    | (DATE | TIMESTAMP) STRING_LITERAL                                 # typedLiteralExpr
    | identifier LPAREN (DISTINCT? exprList)? RPAREN
        (LPAREN (DISTINCT? exprList)? RPAREN)?
        ((IGNORE | RESPECT) NULLS)?
        (FILTER LPAREN WHERE filter=expr RPAREN)?
        (OVER (LPAREN windowSpec RPAREN | windowName))?                 # functionExpr
    | EXISTS LPAREN selectUnion RPAREN                                  # existsExpr
    | LPAREN selectUnion RPAREN                                         # subqueryExpr
    | LPAREN aliasedExpr RPAREN                                         # parenExpr
    | LPAREN (aliasedExpr COMMA (aliasedExpr (COMMA aliasedExpr)* COMMA?)?)? RPAREN  # tupleExpr
    | LBRACKET exprList? RBRACKET                                       # arrayExpr
    | LBRACE (expr COLON expr (COMMA expr COLON expr)*)? RBRACE         # mapExpr
    | compoundIdentifier                                                # columnExpr
    | expr LBRACKET expr RBRACKET                                       # arrayElementExpr
    | expr DOT DECIMAL_LITERAL                                          # tupleElementExpr
    | expr DOT identifier                                               # tupleElementNameExpr
    | expr FLOATING_LITERAL                                             # tupleElementShortExpr
    | expr DOUBLE_COLON columnType                                      # castOperatorExpr
    | DASH expr                                                         # negateExpr
    | PLUS expr                                                         # unaryPlusExpr
    | expr (ASTERISK | SLASH | PERCENT | DIV | MOD) expr                # multiplicativeExpr
    | expr (PLUS | DASH) expr                                           # additiveExpr
    | expr CONCAT expr                                                  # concatExpr
    | expr (EQ_DOUBLE | EQ_SINGLE | NOT_EQ) (ANY | ALL) LPAREN selectUnion RPAREN  # quantifiedComparisonExpr
    | expr (EQ_DOUBLE | EQ_SINGLE | NOT_EQ | LE | GE | LT | GT | NULL_SAFE_EQ) expr  # comparisonExpr
    | expr NOT? (LIKE | ILIKE) expr                                     # likeExpr
    | expr GLOBAL? NOT? IN expr                                         # inExpr
    | expr IS NOT? NULL_SQL                                             # isNullExpr
    | expr IS NOT? DISTINCT FROM expr                                   # distinctFromExpr
    | expr NOT? BETWEEN {betweenBound();} expr AND expr                                   # betweenExpr
    | NOT expr                                                          # notExpr
    | expr AND expr                                                     # andExpr
    | expr OR expr                                                      # orExpr
    | <assoc = right> expr QUERY expr COLON expr                        # ternaryExpr
    | identifier ARROW expr                                             # lambdaExpr
    | LPAREN (identifier (COMMA identifier)*)? RPAREN ARROW expr        # lambdaTupleExpr
    ;

// * EXCEPT (a) REPLACE (a + 1 AS a) APPLY (sum)
columnTransformer
    : APPLY (LPAREN expr RPAREN | identifier ARROW expr | identifier)   # applyTransformer
    | EXCEPT STRICT? (LPAREN (STRING_LITERAL | columnName (COMMA columnName)*) RPAREN | STRING_LITERAL | columnName)  # exceptTransformer
    | REPLACE STRICT? (LPAREN replacement (COMMA replacement)* RPAREN | replacement)  # replaceTransformer
    ;
replacement: expr AS identifier;
// A window may extend a named one: OVER (w ORDER BY x). The name is no keyword, so PARTITION starts no name here.
windowSpec: windowName? (PARTITION BY exprList)? (ORDER BY orderItem (COMMA orderItem)*)? windowFrame?;
windowName: IDENTIFIER | BACKQUOTED_IDENTIFIER | DOUBLE_QUOTED_IDENTIFIER;
windowFrame: (ROWS | RANGE) (BETWEEN frameBound AND frameBound | frameBound);
frameBound
    : UNBOUNDED PRECEDING
    | UNBOUNDED FOLLOWING
    | CURRENT ROW
    | expr (PRECEDING | FOLLOWING)
    ;

compoundIdentifier: identifier (DOT identifierPart)*;
// JSON subcolumns: json.^prefix (a sub-object) and json.path.:Type (a path of one type).
// json.arr[].x: the elements of a JSON array, each a JSON object.
identifierPart: (identifier | CARET identifier | COLON identifier) (LBRACKET RBRACKET)*;

literal
    : (DECIMAL_LITERAL | HEXADECIMAL_LITERAL | BINARY_LITERAL | FLOATING_LITERAL | INF | NAN_SQL)
    | STRING_LITERAL
    | HEX_STRING_LITERAL
    | HEREDOC
    | NULL_SQL
    | TRUE
    | FALSE
    ;

// After AS any name may stand, keywords too (FROM t AS left); without it, only names that start no clause.
aliasClause: AS identifier | alias;
alias: IDENTIFIER | BACKQUOTED_IDENTIFIER | DOUBLE_QUOTED_IDENTIFIER | aliasKeyword;

// NOT is no name: as in ClickHouse, NOT (x) = 1 is not(x = 1), and a name would make SLL prediction read NOT x = 1
// as a column NOT.
identifier: IDENTIFIER | BACKQUOTED_IDENTIFIER | DOUBLE_QUOTED_IDENTIFIER | QUERY_PARAMETER | keyword;

// Keywords that may stand as a bare alias (the clause keywords may not).
aliasKeyword
    : ADD | SET | ALIAS | IGNORE | RESPECT | AST | DETACH | ATTACH | CHECK | USE | PERMANENTLY | TOTALS | ROLLUP | CUBE | GROUPING | SETS | ROW | ROWS | RANGE | PRECEDING | FOLLOWING | UNBOUNDED | CURRENT | EPHEMERAL | POPULATE | REPLACE | EXPLAIN | CLUSTER | DICTIONARY | ESTIMATE | PIPELINE | PLAN | QUERY_KEYWORD | SYNC | SYNTAX | SYSTEM | TREE | VIEW | OVERRIDE | SOURCE | LIFETIME | LAYOUT | EXPRESSION | HIERARCHICAL | INJECTIVE | IS_OBJECT_ID | BIDIRECTIONAL | FUNCTION | COLLATE | FILL | STEP | STALENESS | TIES | INTERPOLATE | MATERIALIZE | ASSUME | PROJECTION | CLEAR | FREEZE | UNFREEZE | FETCH | MOVE | PART | DETACHED | CONSTRAINT | STATISTICS | RESET | SETTING | REMOVE | APPLY | DELETED | MASK | PATCHES | REWRITE | PARTS | VOLUME | DISK | CLEANUP | STRICT | USER | USERS | ROLE | ROLES | QUOTA | QUOTAS | POLICY | PROFILE | GRANT | REVOKE | GRANTS | COLUMNS | FIELDS | INDEXES | BEGIN | COMMIT | ROLLBACK | TRANSACTION | WORKLOAD | RESOURCE | NAMED | COLLECTION | KILL | PRIVILEGES | FUNCTIONS | DATABASES | DICTIONARIES | MUTATION | ASYNC | TEST | LEADING | TRAILING | BOTH | DATE | TIMESTAMP | FILTER | CODEC | COMMENT | GRANULARITY | INDEX | MATERIALIZED | SAMPLE | TTL | TYPE | AFTER | ALTER | ASCENDING | CASE | CAST | COLUMN | CREATE | DATABASE | DEDUPLICATE | DEFAULT
    | DELETE | DESCENDING | DESCRIBE | DROP | END | ENGINE | EXCHANGE | EXISTS | FIRST | IF | INF | INSERT | INTERVAL | INTO
    | KEY | LAST | MODIFY | NAN_SQL | NULLS | OPTIMIZE | PARTITION | PRIMARY | RENAME | SHOW | TABLE | TABLES | TEMPORARY | TO
    | TRUNCATE | UPDATE | VALUES | DIV | MOD | RECURSIVE | NO | DELAY | BACKUP | RESTORE | UNDROP | EXTENDED | NEXT | ONLY | UUID | FOR
    ;

keyword
    : aliasKeyword
    | ALL | ANY | ARRAY | ANTI | ASOF | CROSS | FULL | INNER | LEFT | OUTER | PASTE | RIGHT | SEMI
    | AND | AS | ASC | BETWEEN | BY | DESC | DISTINCT | ELSE | FALSE | FINAL | FORMAT | FROM | GLOBAL | GROUP
    | HAVING | ILIKE | IN | IS | JOIN | LIKE | LIMIT | NULL_SQL | OFFSET | ON | OR | ORDER | OVER | PREWHERE | SELECT
    | SETTINGS | EXCEPT | INTERSECT | QUALIFY | WINDOW | THEN | TRUE | UNION | USING | WHEN | WHERE | WITH
    ;
