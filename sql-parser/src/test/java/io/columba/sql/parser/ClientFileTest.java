package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.OutputFile;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.explain.ExplainAstPrinter;
import org.junit.jupiter.api.Test;

/** {@code SELECT ... INTO OUTFILE} and {@code INSERT ... FROM INFILE}: files of the client, kept in the AST. */
class ClientFileTest {
    @Test
    void intoOutfileKeepsTheFileItsModeAndCompression() {
        SelectStatement select = (SelectStatement) SqlParser.parse(
                "SELECT 1 UNION ALL SELECT 2 INTO OUTFILE 'out.csv.gz' APPEND AND STDOUT COMPRESSION 'gz' LEVEL 3"
                        + " FORMAT CSV SETTINGS max_threads = 1");
        assertThat(select.intoOutfile()).isEqualTo("out.csv.gz");
        assertThat(select.outputFile()).isEqualTo(new OutputFile("out.csv.gz", true, false, true, "gz", 3L));
        assertThat(select.format()).isEqualTo("CSV");
        assertThat(select.settings()).containsOnlyKeys("max_threads");
        assertThat(((SelectStatement) SqlParser.parse("SELECT 1")).intoOutfile())
                .isNull();
    }

    @Test
    void intoOutfilePrintsItsFileAndCompressionBeforeTheFormat() {
        assertThat(ExplainAstPrinter.print(SqlParser.parse(
                        "SELECT 'a' INTO OUTFILE '/dev/null' TRUNCATE COMPRESSION 'zstd' LEVEL 9 FORMAT Parquet")))
                .isEqualTo("""
                        SelectWithUnionQuery (children 5)
                         ExpressionList (children 1)
                          SelectQuery (children 1)
                           ExpressionList (children 1)
                            Literal 'a'
                         Literal '/dev/null'
                         Literal 'zstd'
                         Literal UInt64_9
                         Identifier Parquet
                        """);
    }

    @Test
    void intoOutfileTakesOnlyStdoutAndLevelAsItsWords() {
        assertThatThrownBy(() -> SqlParser.parse("SELECT 1 INTO OUTFILE 'f' AND stderr"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("STDOUT");
        assertThatThrownBy(() -> SqlParser.parse("SELECT 1 INTO OUTFILE 'f' COMPRESSION 'gz' DEGREE 3"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("LEVEL");
        assertThatThrownBy(() -> SqlParser.parse("SELECT 1 INTO OUTFILE f")).isInstanceOf(SqlSyntaxException.class);
    }

    @Test
    void fromInfileKeepsTheFileItsCompressionAndFormat() {
        InsertStatement insert = (InsertStatement)
                SqlParser.parse("INSERT INTO db.t (a, b) FROM INFILE 'in.csv.gz' COMPRESSION 'gzip' FORMAT CSV");
        assertThat(insert.fromInfile()).isEqualTo("in.csv.gz");
        assertThat(insert.infileCompression()).isEqualTo("gzip");
        assertThat(insert.format()).isEqualTo("CSV");
        assertThat(insert.columns()).containsExactly("a", "b");
        InsertStatement plain = (InsertStatement) SqlParser.parse("INSERT INTO t VALUES (1)");
        assertThat(plain.fromInfile()).isNull();
        assertThat(plain.infileCompression()).isNull();
    }

    @Test
    void fromInfilePrintsTheFileFirstAndTakesNoValues() {
        assertThat(ExplainAstPrinter.print(SqlParser.parse("INSERT INTO foo FROM INFILE '/dev/null' COMPRESSION 'gz'")))
                .isEqualTo("""
                        InsertQuery   (children 3)
                         Literal '/dev/null'
                         Literal 'gz'
                         Identifier foo
                        """);
        assertThatThrownBy(() -> SqlParser.parse("INSERT INTO t FROM INFILE 'f' VALUES (1)"))
                .isInstanceOf(SqlSyntaxException.class);
    }
}
