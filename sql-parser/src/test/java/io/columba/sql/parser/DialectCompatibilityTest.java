package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.sql.ast.AlterCommand;
import io.columba.sql.ast.AlterStatement;
import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.ColumnTransformer;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.Lambda;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.TableReference;
import org.junit.jupiter.api.Test;

/** Spellings of other SQL dialects that ClickHouse reads as its own clauses, and the AST they become here. */
class DialectCompatibilityTest {
    private static SelectQuery select(String sql) {
        return ((SelectStatement) SqlParser.parse(sql)).query().selects().get(0);
    }

    @Test
    void fetchFirstIsLimitAndOffset() {
        SelectQuery select = select("SELECT x FROM t ORDER BY x OFFSET 2 ROWS FETCH NEXT 3 ROWS WITH TIES");
        assertThat(ExpressionFormatter.format(select.limit())).isEqualTo("3");
        assertThat(ExpressionFormatter.format(select.offset())).isEqualTo("2");
        assertThat(select.limitWithTies()).isTrue();
        SelectQuery only = select("SELECT x FROM t ORDER BY x FETCH FIRST 5 ROWS ONLY");
        assertThat(ExpressionFormatter.format(only.limit())).isEqualTo("5");
        assertThat(only.offset()).isNull();
        assertThat(only.limitWithTies()).isFalse();
    }

    @Test
    void substringFromForIsSubstringOfThreeArguments() {
        assertThat(ExpressionFormatter.format(
                        select("SELECT substring('foo' FROM 2 FOR 1)").columns().get(0)))
                .isEqualTo("substring('foo', 2, 1)");
        assertThat(ExpressionFormatter.format(
                        select("SELECT SUBSTRING(s FROM 2) FROM t").columns().get(0)))
                .isEqualTo("SUBSTRING(s, 2)");
        assertThat(ExpressionFormatter.format(
                        select("SELECT extract(YEAR FROM d) FROM t").columns().get(0)))
                .isEqualTo("toYear(d)");
    }

    @Test
    void finalAfterTheAliasIsTheTablesFinal() {
        TableReference table =
                (TableReference) select("SELECT * FROM t AS a FINAL").from();
        assertThat(table.fin()).isTrue();
        assertThat(table.alias()).isEqualTo("a");
    }

    @Test
    void applyTakesALambdaAndExceptARegexpWithoutParentheses() {
        Asterisk star = (Asterisk) select("SELECT * EXCEPT 'b.*' APPLY x -> toString(x) FROM t")
                .columns()
                .get(0);
        assertThat(star.transformers().get(0))
                .isEqualTo(new ColumnTransformer.Except(java.util.List.of(), "b.*", false));
        ColumnTransformer.Apply apply =
                (ColumnTransformer.Apply) star.transformers().get(1);
        assertThat(((Lambda) apply.function()).parameters()).containsExactly("x");
    }

    @Test
    void alterColumnTypeIsModifyColumn() {
        AlterStatement alter =
                (AlterStatement) SqlParser.parse("ALTER TABLE t ALTER COLUMN x TYPE Float64, (DROP COLUMN y)");
        assertThat(alter.commands())
                .containsExactly(
                        new AlterCommand.ModifyColumn("x", "Float64", null, false),
                        new AlterCommand.DropColumn("y", false));
    }

    @Test
    void createTableAsAnotherTableMayFollowTheEngine() {
        CreateTableStatement create = (CreateTableStatement) SqlParser.parse("CREATE TABLE t2 ENGINE = Memory AS t1");
        assertThat(create.asTable()).isEqualTo("t1");
        assertThat(create.engine().name()).isEqualTo("Memory");
    }

    @Test
    void aSettingWithoutValueIsOne() {
        SelectStatement select = (SelectStatement) SqlParser.parse("SELECT 1 FORMAT TSV SETTINGS log_queries");
        assertThat(ExpressionFormatter.format(select.settings().get("log_queries")))
                .isEqualTo("1");
        AlterStatement alter =
                (AlterStatement) SqlParser.parse("ALTER TABLE t MODIFY SETTING index_granularity = 10, FREEZE");
        assertThat(alter.commands()).hasSize(2);
    }

    @Test
    void aNameAfterAnExpressionIsItsTupleElement() {
        assertThat(ExpressionFormatter.format(
                        select("SELECT reverse(t).a, x.y[1].z FROM s").columns().get(1)))
                .isEqualTo("tupleElement(arrayElement(x.y, 1), 'z')");
        assertThat(ExpressionFormatter.format(
                        select("SELECT a.b.c FROM s").columns().get(0)))
                .isEqualTo("a.b.c");
    }

    @Test
    void hexadecimalFloatsHaveABinaryExponent() {
        SelectQuery select = select("SELECT 0x1.8p-1, 0x1_0p0");
        assertThat(select.columns())
                .containsExactly(new Literal(Literal.Kind.FLOAT64, 0.75), new Literal(Literal.Kind.FLOAT64, 16.0));
    }
}
