package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.ColumnTransformer;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.SelectIntersectExcept;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.SelectUnion;
import io.columba.sql.explain.ExplainAstPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * INTERSECT / EXCEPT, WINDOW and QUALIFY: nested and printed as ClickHouse's parser does, and refused by
 * {@link SelectUnion#selects()}, the view of readers that know only the plain clauses.
 */
class SetOperationAndWindowTest {
    private static SelectUnion union(String sql) {
        return ((SelectStatement) SqlParser.parse(sql)).query();
    }

    @Test
    void intersectBindsTighterThanExceptAndExceptTakesTheWholeLeftSide() {
        SelectUnion union = union("SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3 INTERSECT DISTINCT SELECT 4");
        assertThat(union.elements()).hasSize(1);
        SelectIntersectExcept except = (SelectIntersectExcept) union.elements().get(0);
        assertThat(except.operator()).isEqualTo(SelectIntersectExcept.Operator.EXCEPT);
        assertThat(except.mode()).isEqualTo(SelectIntersectExcept.Mode.DEFAULT);
        assertThat(((SelectUnion) except.left()).elements()).hasSize(2);
        assertThat(((SelectUnion) except.left()).distinctUnions()).containsExactly(false);
        SelectIntersectExcept intersect = (SelectIntersectExcept) except.right();
        assertThat(intersect.operator()).isEqualTo(SelectIntersectExcept.Operator.INTERSECT);
        assertThat(intersect.mode()).isEqualTo(SelectIntersectExcept.Mode.DISTINCT);
        assertThat(intersect.left()).isInstanceOf(SelectQuery.class);
    }

    @Test
    void intersectPrintsAsClickHousesSelectIntersectExceptQuery() {
        assertThat(ExplainAstPrinter.print(SqlParser.parse("SELECT 'a' INTERSECT SELECT 'b'"))
                        .stripTrailing())
                .isEqualTo("""
                        SelectWithUnionQuery (children 1)
                         ExpressionList (children 1)
                          SelectIntersectExceptQuery (children 2)
                           SelectQuery (children 1)
                            ExpressionList (children 1)
                             Literal 'a'
                           SelectQuery (children 1)
                            ExpressionList (children 1)
                             Literal 'b'""");
    }

    @Test
    void exceptAfterAnAsteriskIsStillItsColumnTransformer() {
        SelectQuery select = union("SELECT * EXCEPT (a) FROM t").selects().get(0);
        assertThat(((Asterisk) select.columns().get(0)).transformers())
                .containsExactly(new ColumnTransformer.Except(List.of("a"), null, false));
        assertThat(union("SELECT * FROM t EXCEPT SELECT * FROM u").elements().get(0))
                .isInstanceOf(SelectIntersectExcept.class);
    }

    @Test
    void namedWindowsAndQualifyAreKeptOnTheSelect() {
        SelectQuery select = (SelectQuery) union("""
                        SELECT sum(x) OVER w AS s, max(x) OVER (w ORDER BY y) FROM t
                        WINDOW w AS (PARTITION BY k) QUALIFY s > 1 ORDER BY s""").elements().get(0);
        assertThat(select.windows()).hasSize(1);
        assertThat(select.windows().get(0).name()).isEqualTo("w");
        assertThat(select.windows().get(0).spec().partitionBy()).hasSize(1);
        assertThat(ExpressionFormatter.format(select.qualify())).isEqualTo("greater(s, 1)");
        assertThat(select.namedWindowReferences()).isTrue();
        FunctionCall extended = (FunctionCall) select.columns().get(1);
        assertThat(extended.window().parent()).isEqualTo("w");
        assertThat(extended.window().reference()).isFalse();
        assertThat(ExpressionFormatter.format(extended)).isEqualTo("max(x) OVER (w ORDER BY y ASC)");
        assertThat(select.clausesBeyondPlainSelect()).containsExactly("WINDOW", "QUALIFY", "OVER with a window name");
    }

    @Test
    void readersOfPlainSelectsAreRefusedWhatTheyWouldIgnore() {
        assertThat(union("SELECT 1 UNION ALL SELECT 2").selects()).hasSize(2);
        assertThat(union("SELECT sum(x) OVER (PARTITION BY y) FROM t").selects())
                .hasSize(1);
        assertThatThrownBy(() -> union("SELECT 1 INTERSECT SELECT 1").selects())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("INTERSECT is not supported yet");
        assertThatThrownBy(() -> union("SELECT 1 EXCEPT ALL SELECT 2").selects())
                .hasMessage("EXCEPT is not supported yet");
        assertThatThrownBy(() -> union("SELECT x FROM t QUALIFY x > 1").selects())
                .hasMessage("QUALIFY is not supported yet");
        assertThatThrownBy(() -> union("SELECT 1 WINDOW w AS ()").selects()).hasMessage("WINDOW is not supported yet");
        assertThatThrownBy(() -> union("SELECT sum(x) OVER w FROM t").selects())
                .hasMessage("OVER with a window name is not supported yet");
    }

    @Test
    void windowDefinitionsPrintTheirListsAndFrameOffsets() {
        String printed = ExplainAstPrinter.print(SqlParser.parse(
                "SELECT sum(x) OVER (PARTITION BY k ORDER BY y ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"));
        assertThat(printed).contains("""
                     WindowDefinition (children 3)
                      ExpressionList (children 1)
                       Identifier k
                      ExpressionList (children 1)
                       OrderByElement (children 1)
                        Identifier y
                      Literal UInt64_1
                """);
    }

    @Test
    void operatorsOfOtherDialectsBecomeClickHouseFunctions() {
        SelectQuery select = union("SELECT 7 DIV 2, 7 mod 2, +3, a IS NOT DISTINCT FROM b, a IS DISTINCT FROM b IN (1),"
                        + " EXISTS (SELECT 1)")
                .selects()
                .get(0);
        assertThat(select.columns().stream().map(ExpressionFormatter::format).toList())
                .containsExactly(
                        "intDiv(7, 2)",
                        "modulo(7, 2)",
                        "3",
                        "isNotDistinctFrom(a, b)",
                        "isDistinctFrom(a, in(b, 1))",
                        "exists(_subquery)");
    }

    @Test
    void withRecursiveIsKeptAndRefusedToPlainReaders() {
        SelectUnion union = union("WITH RECURSIVE t AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM t) SELECT n FROM t");
        assertThat(((SelectQuery) union.elements().get(0)).recursiveWith()).isTrue();
        assertThatThrownBy(union::selects).hasMessage("WITH RECURSIVE is not supported yet");
    }
}
