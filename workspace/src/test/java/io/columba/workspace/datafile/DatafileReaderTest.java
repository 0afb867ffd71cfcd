package io.columba.workspace.datafile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatafileReaderTest {
    @Test
    void blocksEndAtTheNextKeywordAtColumnZeroAndKeepSqlWrittenThere() {
        List<Directive> directives = DatafileReader.read("p.pipe", """
                NODE first
                SQL >

                SELECT a
                    FROM t
                # a comment
                WHERE b

                TYPE endpoint
                """);

        assertThat(directives).extracting(Directive::keyword).containsExactly("NODE", "SQL", "TYPE");
        Directive sql = directives.get(1);
        assertThat(sql.blockLines()).containsExactly("SELECT a", "    FROM t", "", "WHERE b");
        assertThat(sql.blockFirstLine()).isEqualTo(4);
        assertThat(directives.get(2).value()).isEqualTo("endpoint");
    }

    @Test
    void stripsOnePairOfMatchingQuotes() {
        assertThat(DatafileReader.unquote("\"MergeTree\"")).isEqualTo("MergeTree");
        assertThat(DatafileReader.unquote("'x'")).isEqualTo("x");
        assertThat(DatafileReader.unquote("\"a'")).isEqualTo("\"a'");
        assertThat(DatafileReader.unquote("\"\"")).isEmpty();
    }
}
