package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.DropTableStatement;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.ParallelWithStatement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.ShowObjectsStatement;
import io.columba.sql.ast.SubqueryExpression;
import io.columba.sql.ast.TruncateStatement;
import io.columba.sql.explain.ExplainAstPrinter;
import org.junit.jupiter.api.Test;

/** Smaller forms of ClickHouse's dialect: PARALLEL WITH, SHOW TABLES WHERE, interval strings, lexer cases. */
class OneOffSyntaxTest {
    private static String firstColumn(String sql) {
        SelectQuery select = (SelectQuery)
                ((SelectStatement) SqlParser.parse(sql)).query().elements().get(0);
        return ExpressionFormatter.format(select.columns().get(0));
    }

    @Test
    void parallelWithRunsStatementsSideBySide() {
        ParallelWithStatement parallel = (ParallelWithStatement)
                SqlParser.parse("DROP TABLE a PARALLEL WITH TRUNCATE b PARALLEL WITH DROP TABLE c");
        assertThat(parallel.statements())
                .hasSize(3)
                .hasExactlyElementsOfTypes(DropTableStatement.class, TruncateStatement.class, DropTableStatement.class);
        assertThat(ExplainAstPrinter.print(parallel)).startsWith("ParallelWithQuery 3 DropQuery__a (children 3)\n");
        assertThat(SqlParser.parse("INSERT INTO t SELECT 1 PARALLEL WITH TRUNCATE t"))
                .isInstanceOf(ParallelWithStatement.class);
    }

    @Test
    void showTablesTakesAWhereCondition() {
        ShowObjectsStatement show =
                (ShowObjectsStatement) SqlParser.parse("SHOW TABLES IN system WHERE engine LIKE '%System%' LIMIT 2");
        assertThat(show.database()).isEqualTo("system");
        assertThat(ExpressionFormatter.format(show.where())).isEqualTo("like(engine, '%System%')");
        assertThat(ExpressionFormatter.format(show.limit())).isEqualTo("2");
    }

    @Test
    void extractTakesTheUnitsSpellingsOfIntervals() {
        assertThat(firstColumn("SELECT EXTRACT(YYYY FROM d)")).isEqualTo("toYear(d)");
        assertThat(firstColumn("SELECT EXTRACT(SQL_TSI_MONTH FROM d)")).isEqualTo("toMonth(d)");
        assertThat(firstColumn("SELECT EXTRACT(hours FROM d)")).isEqualTo("toHour(d)");
    }

    @Test
    void anIntervalStringOfSeveralUnitsIsATupleOfIntervals() {
        assertThat(firstColumn("SELECT INTERVAL '2 days'")).isEqualTo("toIntervalDay(2)");
        assertThat(firstColumn("SELECT INTERVAL '-1 SECOND 2 MINUTE'"))
                .isEqualTo("tuple(toIntervalSecond(-1), toIntervalMinute(2))");
        assertThatThrownBy(() -> SqlParser.parse("SELECT INTERVAL '1 day 2'"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("a count and a unit");
    }

    @Test
    void aCommonTableExpressionMayNameItsColumns() {
        SelectQuery select =
                (SelectQuery) ((SelectStatement) SqlParser.parse("WITH t (a, b) AS (SELECT 1, 2) SELECT b FROM t"))
                        .query()
                        .elements()
                        .get(0);
        assertThat(((SubqueryExpression) select.with().get(0).expression()).columnAliases())
                .containsExactly("a", "b");
        assertThat(select.commonTableExpressions()).containsExactly("t");
    }

    @Test
    void slashCommentsAndOddHexStringsLexAsInClickHouse() {
        assertThat(firstColumn("// a comment\nSELECT 1")).isEqualTo("1");
        assertThat(firstColumn("SELECT x'0' = '\\0'")).isEqualTo("equals('\0', '\0')");
    }

    @Test
    void aGranularityFrom2To31OnIsOneEntryPerPart() {
        CreateTableStatement create = (CreateTableStatement)
                SqlParser.parse(
                        "CREATE TABLE t (k UInt64, INDEX i k TYPE bloom_filter GRANULARITY 2147483648) ENGINE = MergeTree ORDER BY k");
        assertThat(create.indexes().get(0).granularity()).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> SqlParser.parse(
                        "CREATE TABLE t (k UInt64, INDEX i k TYPE minmax GRANULARITY 0) ENGINE = MergeTree ORDER BY k"))
                .isInstanceOf(SqlSyntaxException.class);
    }
}
