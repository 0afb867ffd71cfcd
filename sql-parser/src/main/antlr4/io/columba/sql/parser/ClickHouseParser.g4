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

    /**
     * INTERVAL starts an interval unless a clause or an alias follows it: {@code x + interval AS y} names a column,
     * since ANTLR would otherwise read AS as the operand and y as the unit.
     */
    private boolean intervalAhead() {
        int next = _input.LA(2);
        return next != ClickHouseLexer.AS && next != ClickHouseLexer.FROM && next != ClickHouseLexer.COMMA
                && next != ClickHouseLexer.RPAREN && next != Token.EOF && next != ClickHouseLexer.SEMICOLON;
    }

    /** ANY or ALL of a subquery right after a comparison operator: {@code x = ANY (SELECT ...)}. */
    private boolean quantifiedAhead() {
        int quantifier = _input.LA(1);
        int query = _input.LA(3);
        if ((quantifier != ClickHouseLexer.ANY && quantifier != ClickHouseLexer.ALL)
                || _input.LA(2) != ClickHouseLexer.LPAREN
                || (query != ClickHouseLexer.SELECT && query != ClickHouseLexer.WITH)) {
            return false;
        }
        return switch (_input.LA(-1)) {
            case ClickHouseLexer.EQ_DOUBLE, ClickHouseLexer.EQ_SINGLE, ClickHouseLexer.NOT_EQ, ClickHouseLexer.LE,
                    ClickHouseLexer.GE, ClickHouseLexer.LT, ClickHouseLexer.GT -> true;
            default -> false;
        };
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
// s1 PARALLEL WITH s2: statements that run at the same time.
statementEof: statement (PARALLEL WITH statement)* (formatClause settingsClause?)? SEMICOLON? EOF;
expressionEof: expr EOF;
// WITH x AS (...) INSERT INTO t SELECT ...: an entry of its own, which SqlParser picks when INSERT follows a WITH,
// so that the choice between a SELECT and an INSERT after WITH never costs a look past the whole WITH clause.
withInsertEof: withClause insert SEMICOLON? EOF;

statement
    : selectUnion intoOutfileClause? formatClause? settingsClause?      # selectStatement
    | createTable                                                       # createTableStatement
    | createDatabase                                                    # createDatabaseStatement
    | createView                                                        # createViewStatement
    | createDictionary                                                  # createDictionaryStatement
    | CREATE UNIQUE? INDEX (IF NOT EXISTS)? identifier ON tableIdentifier (expr | indexKeyList) (TYPE columnType)? (GRANULARITY DECIMAL_LITERAL)?  # createIndexStatement
    | DROP (TEMPORARY? TABLE | TEMPORARY? VIEW | DICTIONARY | DATABASE) (IF EXISTS)? tableIdentifier (COMMA tableIdentifier)* onCluster? (SYNC | NO DELAY)? settingsClause?  # dropTableStatement
    | EXPLAIN explainKind? (settingItem (COMMA settingItem)*)? statement  # explainStatement
    | SYSTEM (~SEMICOLON)+                                              # systemStatement
    | (DETACH | ATTACH) (TABLE | VIEW | DICTIONARY)? (IF NOT? EXISTS)? tableIdentifier uuidClause? onCluster? PERMANENTLY? (SYNC | NO DELAY)?  # detachStatement
    | SHOW CREATE (TEMPORARY? TABLE | VIEW | DICTIONARY)? tableIdentifier formatClause? settingsClause?  # showCreateStatement
    | CHECK TABLE tableIdentifier (PARTITION expr | PART STRING_LITERAL)? settingsClause?     # checkStatement
    | USE identifier                                                    # useStatement
    | insert                                                            # insertStatement
    | (DESCRIBE | DESC) TABLE? tableIdentifier settingsClause? formatClause?  # describeStatement
    | (DESCRIBE | DESC) TABLE? (tableFunction FINAL? | LPAREN selectUnion RPAREN | selectUnion) settingsClause? formatClause? settingsClause?  # describeSourceStatement
    | SHOW TABLES formatClause? settingsClause?                         # showTablesStatement
    | SHOW (TABLES | DATABASES | DICTIONARIES) ((FROM | IN) identifier)? (NOT? (LIKE | ILIKE) STRING_LITERAL | WHERE where=expr)?
      (LIMIT limit=expr)? formatClause?                                 # showObjectsStatement
    | KILL (QUERY_KEYWORD | MUTATION) onCluster? WHERE expr (SYNC | ASYNC | TEST)? formatClause? settingsClause?  # killStatement
    | CREATE (OR REPLACE)? FUNCTION (IF NOT EXISTS)? identifier onCluster? AS expr  # createFunctionStatement
    | administration                                                    # administrationStatement
    | EXISTS TABLE? tableIdentifier settingsClause? formatClause?       # existsStatement
    | OPTIMIZE TABLE tableIdentifier onCluster? partitionSpec? (FINAL | FORCE)? (DEDUPLICATE (BY exprList)?)? CLEANUP? settingsClause?  # optimizeStatement
    | UPDATE tableIdentifier SET assignment (COMMA assignment)* (IN partitionSpec)? WHERE expr settingsClause?  # updateStatement
    | TRUNCATE TEMPORARY? TABLE? (IF EXISTS)? tableIdentifier onCluster? settingsClause?  # truncateStatement
    | RENAME TABLE? (IF EXISTS)? renamePair (COMMA renamePair)* settingsClause?  # renameStatement
    | EXCHANGE TABLES tableIdentifier AND tableIdentifier               # exchangeStatement
    | ALTER TEMPORARY? TABLE tableIdentifier onCluster? alterCommandItem (COMMA alterCommandItem)* settingsClause?  # alterStatement
    | DELETE FROM tableIdentifier onCluster? WHERE expr settingsClause?  # deleteStatement
    | SET settingItem (COMMA settingItem)*                              # setStatement
    | attachTable                                                       # attachTableStatement
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
    | SHOW IDENTIFIER (FROM | IN) (~SEMICOLON)+
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
    | TRUNCATE (DATABASE | ALL | TABLES) (~SEMICOLON)+
    | DROP INDEX (~SEMICOLON)+
    | SHOW IDENTIFIER SETTINGS (~SEMICOLON)*
    | SHOW CREATE TEMPORARY (~SEMICOLON)+
    | ATTACH TABLE tableIdentifier AS REPLICATED
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
    | MODIFY SETTING identifier                                         # alterModifySettingFlag
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
    | PARTITION IDENTIFIER QUERY_PARAMETER
    | PARTITION expr
    | PART (STRING_LITERAL | QUERY_PARAMETER)
    ;
assignment: identifier EQ_SINGLE expr;

formatClause: FORMAT identifier;
// INTO OUTFILE 'f' [APPEND | TRUNCATE] [AND STDOUT] [COMPRESSION 'gz' [LEVEL n]]: the rows go to a file on the client.
intoOutfileClause
    : INTO OUTFILE STRING_LITERAL (APPEND | TRUNCATE)? (AND stdout=IDENTIFIER)?
      (COMPRESSION STRING_LITERAL (level=IDENTIFIER DECIMAL_LITERAL)?)?
    ;

// SELECT

// INTERSECT binds tighter than UNION and EXCEPT; the builder nests them as ClickHouse does.
selectUnion: selectQuery (setOperator selectQuery)*;
setOperator: (UNION | INTERSECT | EXCEPT) (ALL | DISTINCT)?;

selectQuery
    : withClause? leadingFrom=fromClause? SELECT (DISTINCT distinctOn? | ALL)? topClause? selectItemList
      fromClause?
      prewhereClause?
      whereClause?
      groupByClause?
      (WITH (TOTALS | ROLLUP | CUBE))?
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
// TOP n [WITH TIES] is LIMIT n [WITH TIES].
topClause: TOP DECIMAL_LITERAL (WITH TIES)?;
withClause: WITH RECURSIVE? withItem (COMMA withItem)*;
withItem
    // WITH 1 SELECT ...: the name is optional; one alternative, so that prediction never reads the whole expression.
    : expr (AS identifier)?                                             # withExpression
    | identifier columnAliases? AS LPAREN selectUnion RPAREN            # withSubquery
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
    | tableFunction FINAL? aliasClause? FINAL? sampleClause?            # tableFunctionReference
    | LPAREN selectUnion RPAREN (aliasClause columnAliases?)? FINAL? sampleClause?  # subqueryReference
    | LPAREN EXPLAIN explainKind? (settingItem (COMMA settingItem)*)? selectUnion RPAREN aliasClause?  # explainReference
    ;
// A table function's SETTINGS come last among its arguments: s3(..., SETTINGS a = 1).
tableFunction: identifier LPAREN exprList? settingsClause? RPAREN | viewFunction;
// FROM (SELECT 1, 2) AS t(a, b) and WITH t(a, b) AS (SELECT 1, 2) name the subquery's columns.
columnAliases: LPAREN identifier (COMMA identifier)* RPAREN;
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
settingItem: identifier (DOT identifier)* (EQ_SINGLE expr)?;
// In ALTER a setting needs its value: MODIFY SETTING a = 1, FREEZE freezes, it sets no FREEZE.
settingAssignment: identifier EQ_SINGLE expr;

// CREATE TABLE

createTable
    : (CREATE (OR REPLACE)? | REPLACE) TEMPORARY? TABLE (IF NOT EXISTS)? tableIdentifier uuidClause? onCluster?
      (LPAREN tableElement (COMMA tableElement)* COMMA? RPAREN)?
      ((AS | CLONE AS) (tableIdentifier | tableFunction))?
      engineClause?
      (COMMENT STRING_LITERAL)?
      EMPTY?
      (AS (selectUnion | LPAREN selectUnion RPAREN | tableIdentifier | tableFunction))?
    ;
// ATTACH TABLE with its definition, as the server stores it (from a path, with the id of an Atomic database's table).
attachTable
    : ATTACH TABLE (IF NOT EXISTS)? tableIdentifier uuidClause? (FROM STRING_LITERAL)? onCluster?
      LPAREN tableElement (COMMA tableElement)* COMMA? RPAREN
      engineClause?
      (COMMENT STRING_LITERAL)?
    ;
// REFRESH EVERY 1 DAY OFFSET 2 HOUR RANDOMIZE FOR 1 HOUR DEPENDS ON a, b SETTINGS ... APPEND: a view refreshed on a timer.
refreshClause
    : REFRESH (AFTER | EVERY) refreshInterval (OFFSET refreshInterval)? (RANDOMIZE FOR refreshInterval)?
      (DEPENDS ON tableIdentifier (COMMA tableIdentifier)*)? settingsClause? APPEND?
    ;
refreshInterval: (DECIMAL_LITERAL IDENTIFIER)+;
createDatabase: CREATE DATABASE (IF NOT EXISTS)? identifier onCluster? engineClause? (COMMENT STRING_LITERAL)?;
createView
    : (CREATE (OR REPLACE)? | ATTACH) (MATERIALIZED | TEMPORARY)? VIEW (IF NOT EXISTS)? tableIdentifier uuidClause? onCluster?
      refreshClause?
      (TO (INNER uuidClause | tableIdentifier))?
      (LPAREN tableElement (COMMA tableElement)* COMMA? RPAREN)?
      engineClause? (POPULATE | EMPTY)?
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
    | PRIMARY KEY expr
    // MySQL's FOREIGN KEY (a) REFERENCES t (b): ClickHouse reads it and keeps nothing of it.
    | FOREIGN KEY LPAREN exprList RPAREN REFERENCES tableIdentifier LPAREN exprList RPAREN
      (ON (DELETE | UPDATE) (SET (NULL_SQL | DEFAULT) | NO identifier | identifier))*
    | columnDeclaration
    ;
// CREATE INDEX i ON t (a DESC, b): key columns with an order, as SQL writes them.
indexKeyList: LPAREN expr (ASC | DESC) (COMMA expr (ASC | DESC)?)* RPAREN | LPAREN expr (COMMA expr)* COMMA expr (ASC | DESC) (COMMA expr (ASC | DESC)?)* RPAREN;
indexDeclarationBody: identifier expr TYPE columnType (GRANULARITY DECIMAL_LITERAL)?;
// PROJECTION p INDEX x TYPE basic: a projection that is an index of x.
projectionDeclarationBody
    : identifier INDEX expr TYPE columnType
    | identifier LPAREN projectionSelect RPAREN (WITH SETTINGS LPAREN settingItem (COMMA settingItem)* RPAREN)?;
projectionSelect: withClause? SELECT selectItemList (GROUP BY exprList)? (ORDER BY exprList)?;
// A column's name: nested columns are written n.a.
columnName: identifier (DOT identifier)*;
// NULL or NOT NULL may stand before or after the default; MySQL's COLLATE and AUTO_INCREMENT are read and dropped.
columnDeclaration
    : columnName columnType? (COLLATE identifier)? nullability? ((DEFAULT | MATERIALIZED | ALIAS | EPHEMERAL) expr?)?
      nullability? AUTO_INCREMENT? (COMMENT STRING_LITERAL)?
      (CODEC LPAREN columnType (COMMA columnType)* RPAREN)? (STATISTICS LPAREN exprList RPAREN)? (TTL expr)?
      (PRIMARY KEY)? (SETTINGS LPAREN settingItem (COMMA settingItem)* RPAREN)?
    ;
nullability: NOT? NULL_SQL;
engineClause: ENGINE EQ_SINGLE? engineExpr engineItem* | engineItem+;
// A part of a sorting key with its direction: ORDER BY (a, b DESC).
sortingKeyPart: expr (ASC | DESC | ASCENDING | DESCENDING)?;
engineExpr: identifier (LPAREN exprList? RPAREN)?;
// TTL d + INTERVAL 1 DAY [DELETE | RECOMPRESS CODEC(...) | TO DISK [IF EXISTS] 'x'] [WHERE c] [GROUP BY k SET v = max(v)]
ttlRule
    : expr (DELETE | RECOMPRESS CODEC LPAREN columnType (COMMA columnType)* RPAREN | TO identifier (IF EXISTS)? STRING_LITERAL)?
      (WHERE expr)? (GROUP BY exprList (SET assignment (COMMA assignment)*)?)?
    ;
engineItem
    : PARTITION BY expr                                                 # partitionByItem
    | ORDER BY expr                                                     # orderByItem
    | ORDER BY (sortingKeyPart | LPAREN sortingKeyPart (COMMA sortingKeyPart)* RPAREN)  # orderByWithDirectionItem
    | PRIMARY KEY expr                                                  # primaryKeyItem
    | SAMPLE BY expr                                                    # sampleByItem
    | TTL ttlRule (COMMA ttlRule)*                                      # ttlItem
    | settingsClause                                                    # engineSettingsItem
    ;

columnType
    : multiWordType (LPAREN (columnTypeArgument (COMMA columnTypeArgument)* COMMA?)? RPAREN)?
    | identifier LPAREN (columnTypeArgument (COMMA columnTypeArgument)* COMMA?)? RPAREN (UNSIGNED | SIGNED)?
    | identifier (UNSIGNED | SIGNED)?
    ;
// The SQL standard's names of types, in several words: DOUBLE PRECISION, NATIONAL CHARACTER VARYING.
multiWordType
    : IDENTIFIER PRECISION
    | NATIONAL? IDENTIFIER (VARYING | LARGE OBJECT)
    | NATIONAL IDENTIFIER
    ;
columnTypeArgument
    : columnType
    | DASH? literal (EQ_SINGLE DASH? literal)?
    | compoundIdentifier columnType
    | identifier EQ_SINGLE expr
    | identifier compoundIdentifier  // JSON(SKIP a.b)
    | identifier REGEXP STRING_LITERAL  // JSON(SKIP REGEXP 'a.*')
    | LBRACKET (columnTypeArgument (COMMA columnTypeArgument)*)? RBRACKET
    ;

// INSERT (INSERT ... FORMAT <data> is split before parsing: the data never reaches the lexer)

insert
    : INSERT INTO insertTarget insertColumns? settingsClause? VALUES (valuesRow (COMMA? valuesRow)*)?  # insertValues
    | INSERT INTO insertTarget insertColumns? settingsClause? FORMAT identifier                    # insertFormat
    | INSERT INTO insertTarget insertColumns? settingsClause? selectUnion                           # insertSelect
    // FROM INFILE 'f' [COMPRESSION 'gz']: the data comes from a file on the client, maybe through a SELECT of input().
    | INSERT INTO insertTarget insertColumns? FROM INFILE STRING_LITERAL (COMPRESSION STRING_LITERAL)? settingsClause?
      (FORMAT identifier | selectUnion)?                                # insertFromInfile
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
    | GLOBAL_VARIABLE                                                   # globalVariableExpr
    | ASTERISK columnTransformer*                                       # asteriskExpr
    | compoundIdentifier DOT ASTERISK columnTransformer*                # qualifiedAsteriskExpr
    // COLUMNS('regexp') or COLUMNS(a, b) with transformers, or after a table: t.COLUMNS('regexp') (without
    // transformers an unqualified COLUMNS(...) is a function call, as readers of the AST know it).
    | COLUMNS LPAREN exprList RPAREN columnTransformer+                  # columnsMatcherExpr
    | compoundIdentifier DOT COLUMNS LPAREN exprList RPAREN columnTransformer*  # qualifiedColumnsMatcherExpr
    | CASE caseSubject=expr? (WHEN aliasedExpr THEN aliasedExpr)+ (ELSE aliasedExpr)? END  # caseExpr
    | viewFunction                                                      # viewExpr
    // x < ANY (SELECT ...): the right side of a comparison; a predicate, so that SLL never takes it for any(...).
    | {quantifiedAhead()}? (ANY | ALL) LPAREN selectUnion RPAREN        # quantifiedSubqueryExpr
    | CAST LPAREN expr AS columnType RPAREN                             # castExpr
    | CAST LPAREN expr COMMA expr RPAREN                                # castFunctionExpr
    | {intervalAhead()}? INTERVAL aliasedExpr IDENTIFIER                # intervalExpr
    | INTERVAL STRING_LITERAL                                           # intervalStringExpr
    | identifier LPAREN identifier FROM expr RPAREN                     # extractExpr
    | identifier LPAREN (LEADING | TRAILING | BOTH) expr FROM expr RPAREN  # trimExpr
    | identifier LPAREN expr FROM expr (FOR expr)? RPAREN                # substringFromExpr
    | (DATE | TIMESTAMP) STRING_LITERAL                                 # typedLiteralExpr
    | identifier LPAREN ((DISTINCT | ALL)? exprList)? RPAREN
        (LPAREN ((DISTINCT | ALL)? exprList)? RPAREN)?
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
    | expr DOT DASH? DECIMAL_LITERAL                                    # tupleElementExpr
    | expr DOT identifier                                               # tupleElementNameExpr
    | expr FLOATING_LITERAL                                             # tupleElementShortExpr
    | expr DOUBLE_COLON columnType                                      # castOperatorExpr
    | DASH expr                                                         # negateExpr
    | PLUS expr                                                         # unaryPlusExpr
    | expr (ASTERISK | SLASH | PERCENT | DIV | MOD) expr                # multiplicativeExpr
    | expr (PLUS | DASH) expr                                           # additiveExpr
    | expr CONCAT expr                                                  # concatExpr
    | expr (EQ_DOUBLE | EQ_SINGLE | NOT_EQ | LE | GE | LT | GT | NULL_SAFE_EQ) expr  # comparisonExpr
    | expr NOT? (LIKE | ILIKE | REGEXP) expr                            # likeExpr
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
    : APPLY (LPAREN expr RPAREN | identifier ARROW expr | identifier LPAREN exprList? RPAREN | identifier)  # applyTransformer
    | EXCEPT STRICT? (LPAREN (STRING_LITERAL | columnName (COMMA columnName)*) RPAREN | STRING_LITERAL | columnName)  # exceptTransformer
    | REPLACE STRICT? (LPAREN replacement (COMMA replacement)* RPAREN | replacement)  # replaceTransformer
    ;
replacement: expr AS identifier;
// A window may extend a named one: OVER (w ORDER BY x). The name is no keyword, so PARTITION starts no name here.
windowSpec: windowName? (PARTITION BY exprList)? (ORDER BY orderItem (COMMA orderItem)*)? windowFrame?;
windowName: IDENTIFIER | BACKQUOTED_IDENTIFIER | DOUBLE_QUOTED_IDENTIFIER;
windowFrame: (ROWS | RANGE | GROUPS) (BETWEEN frameBound AND frameBound | frameBound);
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
    | BINARY_STRING_LITERAL
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
    | PRECISION | VARYING | LARGE | OBJECT | NATIONAL | UNSIGNED | SIGNED | AUTO_INCREMENT | REFRESH | EVERY | APPEND | RANDOMIZE | DEPENDS | EMPTY | CLONE | RECOMPRESS | FOREIGN | REFERENCES | FORCE | REPLICATED | UNIQUE | GROUPS | PARALLEL | INFILE | COMPRESSION | OUTFILE
    ;

keyword
    : aliasKeyword
    | ALL | ANY | ARRAY | ANTI | ASOF | CROSS | FULL | INNER | LEFT | OUTER | PASTE | RIGHT | SEMI
    | AND | AS | ASC | BETWEEN | BY | DESC | DISTINCT | ELSE | FALSE | FINAL | FORMAT | FROM | GLOBAL | GROUP
    | HAVING | ILIKE | IN | IS | JOIN | LIKE | LIMIT | NULL_SQL | OFFSET | ON | OR | ORDER | OVER | PREWHERE | SELECT
    | SETTINGS | EXCEPT | INTERSECT | QUALIFY | WINDOW | THEN | TRUE | UNION | USING | WHEN | WHERE | WITH | REGEXP | TOP
    ;
