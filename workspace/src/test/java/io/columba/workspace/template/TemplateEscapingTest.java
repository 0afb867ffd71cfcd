package io.columba.workspace.template;

import static io.columba.workspace.template.TemplateTestSupport.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile parameter values: whatever a request sends, each value stays inside the literal or identifier the
 * template put it in, and runaway templates stop at a limit instead of exhausting the server.
 */
class TemplateEscapingTest {
    private static final List<String> HOSTILE = List.of(
            "'; DROP TABLE users; --",
            "\\'; DROP TABLE users; --",
            "\\",
            "a\\\\'b\\",
            "' OR '1'='1",
            "\" OR \"1\"=\"1",
            "`; DROP TABLE t; `",
            "/* comment */ x -- y\n z",
            "\n\r\t\0\u001a\b",
            "é日本語🎉\u200b\u202egnp.exe",
            "%_%\\%",
            "{{ x }}{% end %}{# #}",
            "''''",
            "x".repeat(1_000_000) + "'");

    /** The value ClickHouse reads back: Tinybird escapes % and \x1a in a way ClickHouse keeps. */
    private static String asClickHouseReadsIt(String value) {
        return value.replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("\u001a", "\\z")
                .replace("\\\\", "\\");
    }

    private static void assertSingleLiteral(String sql, String prefix, String suffix, String expectedValue) {
        assertThat(sql).startsWith(prefix).endsWith(suffix);
        int start = prefix.length();
        int end = ClickHouseLiteralScanner.end(sql, start);
        assertThat(end).as("the literal ends where the template put its end").isEqualTo(sql.length() - suffix.length());
        if (expectedValue != null) {
            assertThat(ClickHouseLiteralScanner.decode(sql, start, end)).isEqualTo(expectedValue);
        }
    }

    @Test
    void stringValuesStayInsideTheirLiteral() {
        for (String value : HOSTILE) {
            for (String template : List.of("SELECT {{ x }} AS v", "SELECT {{ String(x) }} AS v")) {
                String sql = render(template, "x", value);
                assertSingleLiteral(sql, "SELECT ", " AS v", asClickHouseReadsIt(value));
            }
        }
    }

    @Test
    void identifiersStayInsideTheirBackquotes() {
        for (String value : HOSTILE) {
            String safe = value.replace("\"", "");
            assertSingleLiteral(render("SELECT {{ symbol(x) }} FROM t", "x", value), "SELECT ", " FROM t", null);
            String column = render("SELECT {{ column(x) }} FROM t", "x", safe.replace(".", ""));
            assertSingleLiteral(column, "SELECT ", " FROM t", null);
        }
        assertThat(render("{{ column(x) }}", "x", "a`.b")).isEqualTo("`a\\``.`b`");
    }

    @Test
    void arrayElementsStayInsideTheirLiterals() {
        for (String value : HOSTILE) {
            String element = value.replace(",", "");
            String sql = render("SELECT {{ Array(x, 'String') }} AS v", "x", element + "," + element);
            String inner = sql.substring("SELECT [".length(), sql.length() - "] AS v".length());
            int first = ClickHouseLiteralScanner.end(inner, 0);
            assertThat(inner.charAt(first)).isEqualTo(',');
            assertThat(ClickHouseLiteralScanner.end(inner, first + 1)).isEqualTo(inner.length());
        }
    }

    @Test
    void listsRenderedAsPythonReprStayInsideTheirQuotes() {
        for (String value : HOSTILE) {
            String element = value.replace(",", "");
            String sql = render("SELECT {{ split_to_array(x) }} AS v", "x", element + ",b");
            String inner = sql.substring("SELECT [".length(), sql.length() - "] AS v".length());
            int first = ClickHouseLiteralScanner.end(inner, 0);
            assertThat(inner.substring(first)).isEqualTo(", 'b'");
        }
    }

    @Test
    void aValueThatStartsLikeADateIsStillQuoted() {
        String sql = render("WHERE t > {{ DateTime(x) }} AND 1", "x", "2024-01-01 00:00:00' OR '1'='1");

        assertSingleLiteral(sql, "WHERE t > ", " AND 1", "2024-01-01 00:00:00' OR '1'='1");
    }

    @Test
    void helpersThatWriteRawSqlRefuseWhatCouldEscape() {
        assertThat(render("FROM {{ table(x) }}", "x", "db.events")).isEqualTo("FROM db.events");
        for (String value : List.of("t; DROP TABLE x", "t WHERE 1", "t--", "t/**/", "t)")) {
            assertThatThrownBy(() -> render("FROM {{ table(x) }}", "x", value))
                    .hasMessageStartingWith("Template Syntax Error: table() expects a table name");
        }
        assertThatThrownBy(() -> render("{{ symbol(x, '') }}", "x", "a b"))
                .hasMessage("Template Syntax Error: symbol() quote must be '`' or '\"'");
        assertThat(render("{{ columns(x, 'a', fn='sum') }}", "x", "b) as c, secret(`d"))
                .isEqualTo("sum(`b) as c`) as `b) as c`,sum(`secret(\\`d`) as `secret(\\`d`");
        assertThat(render("{{ sql_unescape(x, '%') }}", "x", "50%' OR 1=1 --")).isEqualTo("'50%\\' OR 1=1 --'");
        assertThat(render("{{ sql_and(a=x) }}", "x", "'; DROP")).isEqualTo("a = '\\'; DROP'");
        assertThat(render("{{ backend_hint(x) }}", "x", "h\nDROP TABLE t"))
                .isEqualTo("-- backend_hint h\\nDROP TABLE t\n");
    }

    @Test
    void parameterValuesAreNeverParsedAsTemplates() {
        assertThat(render("{{ x }}", "x", "{{ error('boom') }}")).isEqualTo("'{{ error(\\'boom\\') }}'");
        assertThat(render("{{ JSON(x)['a'] }}", "x", "{\"a\": \"' OR 1=1\"}")).isEqualTo("'\\' OR 1=1'");
    }

    @Test
    void runawayTemplatesStopAtALimit() {
        assertThatThrownBy(() -> render("{% while True %}{% end %}"))
                .hasMessage("Template Syntax Error: too many loop iterations (more than 1000000)");
        assertThatThrownBy(() -> render("{% try %}{% while True %}{% end %}{% except %}caught{% end %}"))
                .hasMessage("Template Syntax Error: too many loop iterations (more than 1000000)");
        assertThatThrownBy(() -> render("{{ len('a' * 100000000) }}"))
                .hasMessage("Template Syntax Error: value too large: more than 16000000 characters or items");
        assertThatThrownBy(() -> render("{% for i in range(100000000) %}{% end %}"))
                .hasMessage("Template Syntax Error: value too large: more than 16000000 characters or items");
        assertThatThrownBy(() -> render("{% set a = 3 %}{% for i in range(20) %}{% set a = a * a %}{% end %}"))
                .hasMessage("Template Syntax Error: integer too large (more than 4096 bits)");
        String megabyte = "x".repeat(1_000_000);
        assertThatThrownBy(() -> Template.parseTemplateText("{% for i in range(100) %}{{ x }}{% end %}")
                        .render(Map.of("x", List.of(megabyte))))
                .hasMessage("Template Syntax Error: rendered SQL too long (more than 64000000 characters)");
        assertThatThrownBy(() -> render("{{ JSON(x) }}", "x", "[".repeat(10_000)))
                .hasMessageContaining("maximum recursion depth exceeded while decoding a JSON array");
    }
}
