package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.SubqueryExpression;
import io.columba.sql.ast.SubqueryTable;
import io.columba.sql.ast.TableFunctionReference;
import io.columba.sql.explain.ExplainAstPrinter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlParserTest {
    @Test
    void operatorsBecomeClickHouseFunctionsWithTheirPrecedence() {
        SelectStatement select = (SelectStatement) SqlParser.parse("SELECT 1 + 2 * -x AND NOT y = 'a''b' FORMAT JSON");
        assertThat(select.format()).isEqualTo("JSON");
        assertThat(ExpressionFormatter.format(
                        select.query().selects().get(0).columns().get(0)))
                .isEqualTo("and(plus(1, multiply(2, negate(x))), not(equals(y, 'a\\'b')))");
    }

    @Test
    void negativeNumbersAreLiteralsAndCountStarHasNoArguments() {
        SelectStatement select = (SelectStatement) SqlParser.parse("select -1, count(*), 1_000, 0x10, 1e3");
        assertThat(select.query().selects().get(0).columns())
                .extracting(ExpressionFormatter::format)
                .containsExactly("-1", "count()", "1000", "16", "1000");
    }

    @Test
    void extractFromIsTheCalendarFunctionOfItsUnit() {
        // ClickHouse 18.16 names extract(minute FROM t) toMinute(t).
        SelectStatement select = (SelectStatement) SqlParser.parse(
                "SELECT extract(minute FROM t), EXTRACT(YEAR FROM d + 1), extract(s, 'a(b)'), Extract(Day from t)");
        assertThat(select.query().selects().get(0).columns())
                .extracting(ExpressionFormatter::format)
                .containsExactly("toMinute(t)", "toYear(plus(d, 1))", "extract(s, 'a(b)')", "toDayOfMonth(t)");
        assertThatThrownBy(() -> SqlParser.parse("SELECT extract(fortnight FROM t)"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("position 16")
                .hasMessageContaining("(line 1, col 16)")
                .satisfies(e -> assertThat(((SqlSyntaxException) e).position()).isEqualTo(16));
        assertThatThrownBy(() -> SqlParser.parse("SELECT 1,\n  toMinute(minute FROM t)"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("(line 2, col 19)")
                .hasMessageContaining("only EXTRACT takes FROM")
                .satisfies(e -> {
                    SqlSyntaxException syntax = (SqlSyntaxException) e;
                    assertThat(syntax.position()).isEqualTo(29);
                    assertThat(syntax.line()).isEqualTo(2);
                    assertThat(syntax.column()).isEqualTo(19);
                });
    }

    @Test
    void bracketedArraysOfLiteralsAreNamedAsWrittenAndOthersAsArrayCalls() {
        // Column names as ClickHouse 18.16 gives them for the same SELECT.
        SelectStatement select = (SelectStatement)
                SqlParser.parse("SELECT [1,2], [-1], ['a''b', NULL], array(1, 2), [1, 2+3], [[1],[2]], [], [x]");
        assertThat(select.query().selects().get(0).columns())
                .extracting(ExpressionFormatter::format)
                .containsExactly(
                        "[1, 2]",
                        "[-1]",
                        "['a\\'b', NULL]",
                        "array(1, 2)",
                        "array(1, plus(2, 3))",
                        "array([1], [2])",
                        "array()",
                        "array(x)");
    }

    @Test
    void insertDataAfterTheFormatNameNeverReachesTheLexer() {
        InsertStatement insert = (InsertStatement)
                SqlParser.parse("INSERT INTO t (a, b) FORMAT JSONEachRow\n{\"a\": 1, \"b\": \"it's\"}\n");
        assertThat(insert.format()).isEqualTo("JSONEachRow");
        assertThat(insert.columns()).containsExactly("a", "b");
        assertThat(insert.data()).isEqualTo("{\"a\": 1, \"b\": \"it's\"}\n");
    }

    @Test
    void insertOfAsteriskColumnsListsEveryColumn() {
        InsertStatement insert = (InsertStatement) SqlParser.parse("INSERT INTO t (*) VALUES (1, 'a')");
        assertThat(insert.asteriskColumns()).isTrue();
        assertThat(insert.columns()).isEmpty();
        assertThat(ExplainAstPrinter.print(insert)).isEqualTo("""
                        InsertQuery   (children 2)
                         Identifier t
                         ExpressionList (children 1)
                          Asterisk
                        """);
        assertThat(((InsertStatement) SqlParser.parse("INSERT INTO t VALUES (1)")).asteriskColumns())
                .isFalse();
    }

    @Test
    void syntaxErrorsGiveThePositionLineAndColumn() {
        assertThatThrownBy(() -> SqlParser.parse("SELECT a\nFROM t WHERE a = = 1"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("failed at position 27")
                .hasMessageContaining("line 2, col 18")
                .satisfies(e -> {
                    SqlSyntaxException syntax = (SqlSyntaxException) e;
                    assertThat(syntax.line()).isEqualTo(2);
                    assertThat(syntax.column()).isEqualTo(18);
                });
        assertThatThrownBy(() -> SqlParser.parse("SELECT 'unterminated"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("position 8");
        assertThatThrownBy(() -> SqlParser.parse("SELECT 1; SELECT 2")).isInstanceOf(SqlSyntaxException.class);
        assertThatThrownBy(() -> SqlParser.parse("SELECT $doc$never closed"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void heredocsAreStringsTakenAsWritten() {
        SelectStatement select = (SelectStatement) SqlParser.parse("SELECT $$a\\b$$, $doc$x $do$ 'y'$doc$, $$$$");
        assertThat(select.query().selects().get(0).columns())
                .extracting(ExpressionFormatter::format)
                .containsExactly("'a\\\\b'", "'x $do$ \\'y\\''", "''");
    }

    @Test
    void clickHouseSpellingsBecomeTheCallsClickHouseMakesOfThem() {
        SelectStatement select = (SelectStatement) SqlParser.parse("SELECT INTERVAL '2 days', NOT (a = 1), trim(s),"
                + " first_value(b) RESPECT NULLS, last_value(b) IGNORE NULLS, a <=> b, -1::Int32, []::Array(String),"
                + "\u3000json.^a, json.b.:`Int64`, x::Decimal(20,5), arrayMap((x) -> x, [1])");
        assertThat(select.query().selects().get(0).columns())
                .extracting(ExpressionFormatter::format)
                .containsExactly(
                        "toIntervalDay(2)",
                        "not(equals(a, 1))",
                        "trimBoth(s)",
                        "first_value_respect_nulls(b)",
                        "last_value(b)",
                        "isNotDistinctFrom(a, b)",
                        "CAST('-1', 'Int32')",
                        "CAST('[]', 'Array(String)')",
                        "json.^`a`",
                        "json.b.:`Int64`",
                        "CAST(x, 'Decimal(20, 5)')",
                        "arrayMap(lambda(tuple(x), x), [1])");
        assertThatThrownBy(() -> SqlParser.parse("SELECT INTERVAL '2 fortnights'"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("(line 1, col 17)");
    }

    @Test
    void explainInFromIsASubqueryOfViewExplain() {
        SelectStatement select = (SelectStatement)
                SqlParser.parse("SELECT explain FROM (EXPLAIN indexes = 1, actions = 1 SELECT 1) AS e");
        SubqueryTable from = (SubqueryTable) select.query().selects().get(0).from();
        assertThat(from.alias()).isEqualTo("e");
        TableFunctionReference function =
                (TableFunctionReference) from.query().selects().get(0).from();
        assertThat(ExpressionFormatter.format(function.function()))
                .isEqualTo("viewExplain('EXPLAIN', 'indexes = 1, actions = 1', _subquery)");
        assertThat(function.function().arguments().get(2)).isInstanceOf(SubqueryExpression.class);
    }

    @Test
    void distinctOnIsLimitOneByAndOnlyAWrittenNumberFoldsItsMinus() {
        SelectQuery select = ((SelectStatement) SqlParser.parse("SELECT DISTINCT ON (a, b) a, -(-1), - -1, -1 FROM t"))
                .query()
                .selects()
                .get(0);
        assertThat(select.distinct()).isFalse();
        assertThat(ExpressionFormatter.format(select.limitBy().length())).isEqualTo("1");
        assertThat(select.limitBy().by())
                .extracting(ExpressionFormatter::format)
                .containsExactly("a", "b");
        assertThat(select.columns())
                .extracting(ExpressionFormatter::format)
                .containsExactly("a", "negate(-1)", "negate(-1)", "-1");
        assertThatThrownBy(() -> SqlParser.parse("SELECT DISTINCT ON (a) a FROM t LIMIT 1 BY a"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("(line 1, col 33)");
    }

    @Test
    void theFormatOfAnExplainedSelectIsTheExplainsChild() {
        assertThat(ExplainAstPrinter.print(SqlParser.parse("EXPLAIN SYNTAX SELECT 1 FORMAT CSV")))
                .isEqualTo("""
                        Explain EXPLAIN SYNTAX (children 2)
                         SelectWithUnionQuery (children 1)
                          ExpressionList (children 1)
                           SelectQuery (children 1)
                            ExpressionList (children 1)
                             Literal UInt64_1
                         Identifier CSV
                        """);
    }

    @Test
    void aliasesStandWhereClickHouseReadsAnExpressionWithOptionalAlias() {
        SelectQuery select = ((SelectStatement) SqlParser.parse("SELECT (1 AS a) + a, f(x AS y), [2 AS z], CASE WHEN b"
                        + " THEN 3 AS c END, INTERVAL 4 AS d DAY FROM t WHERE e AS w ORDER BY g AS o"))
                .query()
                .selects()
                .get(0);
        List<String> aliases = new ArrayList<>();
        select.columns().forEach(column -> collectAliases(column, aliases));
        collectAliases(select.where(), aliases);
        collectAliases(select.orderBy().get(0).expression(), aliases);
        assertThat(aliases).containsExactly("a", "y", "z", "c", "d", "w", "o");
        // As in ClickHouse 18.16: an alias is no operand, and CAST's AS names the type.
        assertThatThrownBy(() -> SqlParser.parse("SELECT 1 AS a + 1")).isInstanceOf(SqlSyntaxException.class);
        assertThatThrownBy(() -> SqlParser.parse("SELECT CAST(1 AS a AS String)"))
                .isInstanceOf(SqlSyntaxException.class);
    }

    private static void collectAliases(Expression expression, List<String> aliases) {
        if (expression instanceof Alias alias) {
            aliases.add(alias.name());
            collectAliases(alias.expression(), aliases);
        } else if (expression instanceof FunctionCall call) {
            call.arguments().forEach(argument -> collectAliases(argument, aliases));
        }
    }

    @Test
    void betweenTakesTheFirstAndAndNotTakesTheComparison() {
        SelectQuery select = ((SelectStatement) SqlParser.parse(
                        "SELECT x BETWEEN 1 + 1 AND 3 AND y, NOT (1) = 2," + " x NOT BETWEEN a = 1 AND b AND NOT c"))
                .query()
                .selects()
                .get(0);
        assertThat(select.columns())
                .extracting(ExpressionFormatter::format)
                .containsExactly(
                        "and(and(greaterOrEquals(x, plus(1, 1)), lessOrEquals(x, 3)), y)",
                        "not(equals(1, 2))",
                        "and(or(less(x, equals(a, 1)), greater(x, b)), not(c))");
        assertThatThrownBy(() -> SqlParser.parse("SELECT x BETWEEN 1 OR 2 AND 3"))
                .isInstanceOf(SqlSyntaxException.class);
    }
}
