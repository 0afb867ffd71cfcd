package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.ColumnTransformer;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Lambda;
import io.columba.sql.ast.OptimizeStatement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.explain.ExplainAstPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns matchers ({@code COLUMNS('regexp')}, {@code t.COLUMNS(a, b)}) and the transformers after them and stars. */
class ColumnsMatcherTest {
    private static Expression firstColumn(String sql) {
        SelectQuery select = (SelectQuery)
                ((SelectStatement) SqlParser.parse(sql)).query().elements().get(0);
        return select.columns().get(0);
    }

    @Test
    void aMatcherWithoutTransformersStaysACallOfColumns() {
        assertThat(firstColumn("SELECT COLUMNS('^a') FROM t")).isInstanceOf(FunctionCall.class);
    }

    @Test
    void aMatcherWithTransformersIsAnAsteriskNarrowedToIt() {
        Asterisk matcher = (Asterisk) firstColumn("SELECT COLUMNS(id, value) EXCEPT (id) APPLY toString FROM t");
        assertThat(matcher.qualifier()).isNull();
        assertThat(ExpressionFormatter.format(matcher.matcher())).isEqualTo("COLUMNS(id, value)");
        assertThat(matcher.transformers())
                .hasSize(2)
                .first()
                .isEqualTo(new ColumnTransformer.Except(List.of("id"), null, false));
        Asterisk qualified = (Asterisk) firstColumn("SELECT db.t.COLUMNS('^c') FROM db.t");
        assertThat(qualified.qualifier()).isEqualTo("db.t");
        assertThat(qualified.transformers()).isEmpty();
        assertThat(ExpressionFormatter.format(qualified)).isEqualTo("db.t.COLUMNS('^c')");
    }

    @Test
    void applyTakesACallOrAClickHouseLambdaWithoutParentheses() {
        Asterisk star = (Asterisk) firstColumn("SELECT * APPLY lambda(tuple(x), x + 1) APPLY quantiles(0.5) FROM t");
        assertThat(((ColumnTransformer.Apply) star.transformers().get(0)).function())
                .isInstanceOf(Lambda.class);
        assertThat(ExpressionFormatter.format(
                        ((ColumnTransformer.Apply) star.transformers().get(1)).function()))
                .isEqualTo("quantiles(0.5)");
    }

    @Test
    void matchersPrintAsClickHousesMatcherNodes() {
        assertThat(ExplainAstPrinter.print(SqlParser.parse("SELECT COLUMNS('a'), t.COLUMNS(a, b) APPLY(sum)")))
                .isEqualTo("""
                        SelectWithUnionQuery (children 1)
                         ExpressionList (children 1)
                          SelectQuery (children 1)
                           ExpressionList (children 2)
                            ColumnsRegexpMatcher
                            QualifiedColumnsListMatcher (children 3)
                             Identifier t
                             ExpressionList (children 2)
                              Identifier a
                              Identifier b
                             ColumnsTransformerList (children 1)
                              ColumnsApplyTransformer
                        """);
    }

    @Test
    void optimizeDeduplicatesByAMatcherAndNamesItsModifiersInItsId() {
        OptimizeStatement optimize =
                (OptimizeStatement) SqlParser.parse("OPTIMIZE TABLE t FINAL DEDUPLICATE BY COLUMNS('.*') EXCEPT mat");
        assertThat(optimize.deduplicateBy()).singleElement().isInstanceOf(Asterisk.class);
        assertThat(ExplainAstPrinter.print(optimize))
                .isEqualTo("OptimizeQuery  t_final_deduplicate (children 1)\n Identifier t\n");
        assertThat(ExplainAstPrinter.print(SqlParser.parse("OPTIMIZE TABLE t FINAL CLEANUP")))
                .startsWith("OptimizeQuery  t_final_cleanup ");
    }
}
