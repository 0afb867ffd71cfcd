package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NestingDepthTest {
    @Test
    void statementsNestingPastTheLimitAreRefusedBeforeParsingWithThePosition() {
        String open = "SELECT (".repeat(20_000) + "1";
        assertThatThrownBy(() -> SqlParser.parse(open)).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
            assertThat(e.nestingTooDeep()).isTrue();
            assertThat(e.position()).isEqualTo(8 * (NestingDepth.MAX_DEPTH + 1)); // the 501st "("
            assertThat(e.getMessage()).startsWith("Maximum parse depth (500) exceeded");
        });
        String closed = "SELECT " + "[".repeat(1_000) + "1" + "]".repeat(1_000);
        assertThatThrownBy(() -> SqlParser.parse(closed))
                .isInstanceOfSatisfying(
                        SqlSyntaxException.class,
                        e -> assertThat(e.nestingTooDeep()).isTrue());
        assertThatThrownBy(() -> SqlParser.parseExpression("(".repeat(600) + "1" + ")".repeat(600)))
                .isInstanceOf(SqlSyntaxException.class);
    }

    @Test
    void nestingWithinTheLimitParsesAndBracketsInLiteralsOrCommentsDoNotCount() {
        assertThat(SqlParser.parse("SELECT " + "(".repeat(100) + "1" + ")".repeat(100)))
                .isNotNull();
        String deepText = "(".repeat(2_000);
        assertThat(SqlParser.parse("SELECT '" + deepText + "', `" + deepText + "` FROM t"))
                .isNotNull();
        assertThat(SqlParser.parse("SELECT 1 -- " + deepText + "\n/* " + deepText + " */"))
                .isNotNull();
        assertThatThrownBy(() -> SqlParser.parse("SELECT (1"))
                .isInstanceOfSatisfying(
                        SqlSyntaxException.class,
                        e -> assertThat(e.nestingTooDeep()).isFalse());
    }
}
