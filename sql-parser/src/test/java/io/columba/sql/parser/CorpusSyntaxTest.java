package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.CreateViewStatement;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.SubqueryExpression;
import io.columba.sql.ast.SubqueryTable;
import io.columba.sql.ast.TableFunctionReference;
import io.columba.sql.ast.TtlRule;
import io.columba.sql.explain.ExplainAstPrinter;
import org.junit.jupiter.api.Test;

/** Syntax found in ClickHouse's own tests: what the AST keeps of it. */
class CorpusSyntaxTest {
    private static SelectQuery select(String sql) {
        return ((SelectStatement) SqlParser.parse(sql)).query().selects().get(0);
    }

    private static String formatted(io.columba.sql.ast.Expression expression) {
        return ExpressionFormatter.format(expression);
    }

    @Test
    void columnsMarkedPrimaryKeyMakeTheTablesKey() {
        CreateTableStatement create = (CreateTableStatement) SqlParser.parse(
                "CREATE TABLE t (a String PRIMARY KEY, b Int32 NOT NULL DEFAULT 1, c Int8 PRIMARY KEY)");
        assertThat(formatted(create.columnsPrimaryKey())).isEqualTo("tuple(a, c)");
        assertThat(formatted(create.engine().primaryKey())).isEqualTo("tuple(a, c)");
        assertThat(create.engine().name()).isNull();

        CreateTableStatement element = (CreateTableStatement) SqlParser.parse(
                "CREATE TABLE t (a Int32, b Int32, PRIMARY KEY (a, b)) ENGINE = MergeTree ORDER BY (a, b)");
        assertThat(formatted(element.engine().primaryKey())).isEqualTo("tuple(a, b)");
        assertThat(element.engine().name()).isEqualTo("MergeTree");

        assertThatThrownBy(() -> SqlParser.parse("CREATE TABLE t (a Int32 PRIMARY KEY) ORDER BY a PRIMARY KEY a"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("multiple primary keys");
    }

    @Test
    void aSortingKeyKeepsItsDirections() {
        EngineClause single = ((CreateTableStatement)
                        SqlParser.parse("CREATE TABLE t (i Int32) ENGINE = MergeTree ORDER BY i DESC"))
                .engine();
        assertThat(formatted(single.orderBy())).isEqualTo("i");
        assertThat(single.orderByDescending()).containsExactly(true);

        EngineClause tuple = ((CreateTableStatement)
                        SqlParser.parse("CREATE TABLE t (a Int32, b Int32) ENGINE = MergeTree ORDER BY (a, b DESC)"))
                .engine();
        assertThat(formatted(tuple.orderBy())).isEqualTo("tuple(a, b)");
        assertThat(tuple.orderByDescending()).containsExactly(false, true);

        EngineClause plain = ((CreateTableStatement)
                        SqlParser.parse("CREATE TABLE t (a Int32, b Int32) ENGINE = MergeTree ORDER BY (a, b)"))
                .engine();
        assertThat(plain.orderByWithDirections()).isFalse();
    }

    @Test
    void ttlRulesRollUpAndRecompress() {
        EngineClause engine = ((CreateTableStatement) SqlParser.parse("""
                        CREATE TABLE t (d DateTime, k UInt32, v UInt64) ENGINE = MergeTree ORDER BY (k, d)
                        TTL d + INTERVAL 1 MONTH RECOMPRESS CODEC(ZSTD(17)),
                            d + INTERVAL 1 YEAR WHERE k = 1 GROUP BY k SET v = max(v), d = min(d),
                            d + INTERVAL 2 YEAR TO DISK IF EXISTS 'cold'""")).engine();
        assertThat(engine.ttl()).hasSize(3);
        assertThat(engine.ttl().get(0).recompress()).containsExactly("ZSTD(17)");
        TtlRule rollUp = engine.ttl().get(1);
        assertThat(formatted(rollUp.where())).isEqualTo("equals(k, 1)");
        assertThat(rollUp.groupBy()).extracting(CorpusSyntaxTest::formatted).containsExactly("k");
        assertThat(rollUp.set()).extracting(alias -> alias.name()).containsExactly("v", "d");
        assertThat(engine.ttl().get(2).move()).isEqualTo("DISK 'cold'");
    }

    @Test
    void attachTableAndRefreshableViewsSayWhatTheyAre() {
        CreateTableStatement attached = (CreateTableStatement)
                SqlParser.parse("ATTACH TABLE t UUID '00000000-0000-0000-0000-000000000001' (n UInt8) ENGINE = Memory");
        assertThat(attached.attach()).isTrue();
        assertThat(ExplainAstPrinter.print(attached)).startsWith("AttachQuery t");

        CreateViewStatement view = (CreateViewStatement)
                SqlParser.parse("CREATE MATERIALIZED VIEW v REFRESH EVERY 1 DAY OFFSET 2 HOUR APPEND TO t AS SELECT 1");
        assertThat(view.refresh()).isEqualTo("REFRESH EVERY 1 DAY OFFSET 2 HOUR APPEND");
        assertThat(view.toTable()).isEqualTo("t");
    }

    /** The function a comparison became, and what the subquery on its right selects. */
    private static String quantified(String sql) {
        FunctionCall comparison = (FunctionCall) select(sql).columns().get(0);
        SubqueryExpression right = (SubqueryExpression) comparison.arguments().get(1);
        return comparison.name() + " "
                + formatted(right.query().selects().get(0).columns().get(0));
    }

    @Test
    void comparisonsWithAnyOrAllOfASubqueryAreRewrittenAsClickHouseDoes() {
        assertThat(quantified("SELECT 1 = ANY (SELECT x FROM t)")).isEqualTo("in x");
        assertThat(quantified("SELECT 1 != ALL (SELECT x FROM t)")).isEqualTo("notIn x");
        assertThat(quantified("SELECT 1 < ANY (SELECT x FROM t)")).isEqualTo("less max(*)");
        assertThat(quantified("SELECT 1 < ALL (SELECT x FROM t)")).isEqualTo("less min(*)");
        assertThat(quantified("SELECT 1 >= ANY (SELECT x FROM t)")).isEqualTo("greaterOrEquals min(*)");
        assertThat(quantified("SELECT 1 = ALL (SELECT x FROM t)")).isEqualTo("in singleValueOrNull(*)");
        // any(x) after a comparison is still the aggregate function.
        assertThat(formatted(select("SELECT sum(x) = any(x) FROM t").columns().get(0)))
                .isEqualTo("equals(sum(x), any(x))");
        assertThat(SqlParser.needsFullContext("SELECT 1 < ANY (SELECT number FROM numbers(10))"))
                .isFalse();
    }

    @Test
    void selectTakesTopFromFirstAndRegexp() {
        SelectQuery top = select("SELECT TOP 5 WITH TIES * FROM t ORDER BY x");
        assertThat(formatted(top.limit())).isEqualTo("5");
        assertThat(top.limitWithTies()).isTrue();

        SelectQuery fromFirst = select("FROM numbers(1) SELECT number");
        assertThat(fromFirst.from()).isInstanceOf(TableFunctionReference.class);

        assertThat(formatted(select("SELECT 'ab' REGEXP 'a.*b'").columns().get(0)))
                .isEqualTo("match('ab', 'a.*b')");
        assertThat(formatted(
                        select("SELECT x + interval AS res FROM t").columns().get(0)))
                .isEqualTo("plus(x, interval)");
        assertThat(formatted(select("SELECT INTERVAL 4 h").columns().get(0))).isEqualTo("toIntervalHour(4)");
        assertThat(formatted(select("SELECT 1 \u2212 2").columns().get(0))).isEqualTo("minus(1, 2)");
    }

    @Test
    void tablesInFromKeepTheirSettingsSampleAndColumnNames() {
        TableFunctionReference function = (TableFunctionReference)
                select("SELECT * FROM s3('url', SETTINGS a = 1) SAMPLE 1 / 10").from();
        assertThat(function.settings()).containsOnlyKeys("a");
        assertThat(function.sample()).isNotNull();

        SubqueryTable subquery =
                (SubqueryTable) select("SELECT a FROM (SELECT 1) AS t(a)").from();
        assertThat(subquery.alias()).isEqualTo("t");
        assertThat(subquery.columnAliases()).containsExactly("a");
    }

    @Test
    void insertSelectFromInputKeepsTheDataThatFollowsItsFormat() {
        InsertStatement insert =
                (InsertStatement) SqlParser.parse("INSERT INTO t SELECT * FROM input('x Int') FORMAT CSV\n1\n2\n");
        assertThat(insert.select()).isNotNull();
        assertThat(insert.format()).isEqualTo("CSV");
        assertThat(insert.data()).isEqualTo("1\n2\n");
    }

    @Test
    void withBeforeInsertBelongsToEverySelectInserted() {
        InsertStatement insert =
                (InsertStatement) SqlParser.parse("WITH 2 AS x INSERT INTO t SELECT x UNION ALL SELECT x + 1");
        assertThat(insert.table()).isEqualTo("t");
        assertThat(insert.select().selects())
                .allSatisfy(each -> assertThat(each.with())
                        .extracting(alias -> alias.name())
                        .containsExactly("x"));
        assertThatThrownBy(() -> SqlParser.parse("WITH 2 AS x INSERT INTO t VALUES (1)"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("(line 1, col 13)");
    }

    @Test
    void mysqlTypeNamesAndColumnModifiersParse() {
        CreateTableStatement create = (CreateTableStatement) SqlParser.parse("""
                CREATE TABLE t (a DOUBLE PRECISION, b INT(11) UNSIGNED NOT NULL, c varchar(255) COLLATE binary,
                    d CHAR VARYING, id int AUTO_INCREMENT, e String SETTINGS (max_compress_block_size = 1),
                    FOREIGN KEY (id) REFERENCES p (id) ON DELETE CASCADE)""");
        assertThat(create.columns())
                .extracting(column -> column.type())
                .containsExactly(
                        "DOUBLE PRECISION", "INT(11) UNSIGNED", "varchar(255)", "CHAR VARYING", "int", "String");
    }
}
