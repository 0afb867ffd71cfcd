package io.columba.workspace.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TableNameRewriterTest {
    private static final Map<String, String> NODES = Map.of("filtered", "SELECT 1 AS x", "ids", "SELECT 2");

    private static String rewrite(String sql) {
        return TableNameRewriter.rewrite(sql, NODES::get);
    }

    @Test
    void replacesANodeInFromWithAnAliasedSubquery() {
        assertThat(rewrite("SELECT x FROM filtered WHERE x > 0"))
                .isEqualTo("SELECT x FROM (\nSELECT 1 AS x\n) AS filtered WHERE x > 0");
    }

    @Test
    void keepsAnAliasWrittenAfterTheName() {
        assertThat(rewrite("SELECT f.x FROM filtered AS f")).isEqualTo("SELECT f.x FROM (\nSELECT 1 AS x\n) AS f");
        assertThat(rewrite("SELECT f.x FROM filtered f")).isEqualTo("SELECT f.x FROM (\nSELECT 1 AS x\n) f");
    }

    @Test
    void replacesJoinedAndInSetNames() {
        assertThat(rewrite("SELECT * FROM t LEFT JOIN filtered USING x WHERE y IN ids"))
                .isEqualTo(
                        "SELECT * FROM t LEFT JOIN (\nSELECT 1 AS x\n) AS filtered USING x WHERE y IN (\nSELECT 2\n)");
    }

    @Test
    void leavesNamesOutsideTablePositionsStringsCommentsQualifiedNamesAndFunctions() {
        String sql = "SELECT filtered, 'FROM filtered' FROM db.filtered -- FROM filtered\n"
                + "UNION ALL SELECT 1 FROM filtered(1) /* FROM ids */";

        assertThat(rewrite(sql)).isEqualTo(sql);
    }

    @Test
    void readsQuotedNamesAndKeepsTheirQuotesInTheAlias() {
        assertThat(rewrite("SELECT * FROM `filtered`")).isEqualTo("SELECT * FROM (\nSELECT 1 AS x\n) AS `filtered`");
    }

    @Test
    void isCaseInsensitiveForKeywordsOnly() {
        assertThat(rewrite("select * from filtered")).isEqualTo("select * from (\nSELECT 1 AS x\n) AS filtered");
        assertThat(rewrite("select * from FILTERED")).isEqualTo("select * from FILTERED");
    }
}
