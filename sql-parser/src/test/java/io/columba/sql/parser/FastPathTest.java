package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pipe endpoints parse their SQL on every request, so the statements they send must parse in the parser's first
 * pass (SLL prediction); the second, full-context pass costs several times as much. Each test names the statements
 * that needed it.
 */
class FastPathTest {
    /** Statements of ClickHouse's test queries that parse only in the second pass, when this was last lowered. */
    private static final int RECORDED_SECOND_PASS_STATEMENTS = 1;

    /** Statements shaped like the SQL that Tinybird pipes compile to: WITH expressions, nested ranges, BETWEEN. */
    private static final List<String> PIPE_SHAPED = List.of("""
            SELECT page, visits_now AS visits, hits_now AS hits
            FROM (
                SELECT page, uniqMerge(visits) AS visits_now, countMerge(hits) AS hits_now
                FROM pages_mv
                WHERE day >= (SELECT range_start FROM (
                    WITH
                        toDate(timestampAdd(today(), interval -7 day)) AS range_start,
                        toDate(today()) AS range_end,
                        dateDiff('day', range_start, range_end) + 1 AS days,
                        timestampAdd(range_start, interval -days day) AS previous_start
                    SELECT range_start, range_end, previous_start, days) AS ranges)
                  AND day <= toDate('2024-03-31')
                  AND site = 'example.org'
                GROUP BY page
            ) AS current
            ORDER BY visits_now DESC
            LIMIT toInt32('0'), toInt32('50')""", """
            WITH (SELECT max(ts) FROM events) AS latest, latest - INTERVAL 30 MINUTE AS since
            SELECT count() FROM events
            WHERE ts BETWEEN since AND latest AND NOT isNull(session) AND CAST(status AS String) = '200'
              AND NOT country = 'ES' AND device NOT BETWEEN 1 + 1 AND 3""", """
            WITH recent AS (SELECT session, min(ts) AS first_seen FROM events GROUP BY session)
            SELECT a.day, coalesce(b.visits, 0) AS visits
            FROM (SELECT arrayJoin(range(7)) AS n, today() - n AS day) AS a
            LEFT JOIN (SELECT toDate(first_seen) AS day, uniq(session) AS visits FROM recent GROUP BY day) AS b
                ON a.day = b.day
            ORDER BY a.day""", """
            SELECT toStartOfHour(ts) AS hour, countIf(action = 'click') AS clicks,
                   CASE WHEN device = 'mobile' THEN 'phone' ELSE device END AS kind,
                   arrayFilter(x -> x > 0, [1, -1]) AS positive, CAST(x AS Nullable(String))
            FROM events
            WHERE ts >= now() - INTERVAL 1 DAY AND NOT (country IN ('a', 'b'))
            GROUP BY hour, kind, positive
            ORDER BY hour WITH FILL STEP 3600""");

    @Test
    void pipeShapedStatementsParseInTheFirstPass() {
        assertThat(needingFullContext(PIPE_SHAPED)).isEmpty();
    }

    @Test
    void aStatementThatNeedsTheSecondPassIsToldApart() {
        // Without context, the IN of IN PARTITION reads as the operator IN after the assignment: only LL parses it.
        String statement = "ALTER TABLE t UPDATE n = n + (n NOT IN m) IN PARTITION ID '1' WHERE 1";
        assertThat(SqlParser.parse(statement)).isNotNull();
        assertThat(SqlParser.needsFullContext(statement)).isTrue();
    }

    @Test
    void clickBenchQueriesParseInTheFirstPass() throws IOException {
        Path queries = CorpusConformanceTest.shared("bench/clickbench-queries.sql");
        assumeTrue(queries != null, "skipped: ../shared/bench/clickbench-queries.sql is not beside the project");
        List<String> statements = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(statements).hasSize(43);
        assertThat(needingFullContext(statements)).isEmpty();
    }

    /** The nodes of the web analytics starter kit's pipes that are plain SQL (no template) parse in the first pass. */
    @Test
    void plainNodesOfTheWebAnalyticsPipesParseInTheFirstPass() throws IOException {
        Path project = CorpusConformanceTest.shared("conformance/tinybird/web-analytics-starter-kit");
        assumeTrue(project != null, "skipped: ../shared/conformance/tinybird/web-analytics-starter-kit is absent");
        List<String> statements = new ArrayList<>();
        try (Stream<Path> files = Files.walk(project)) {
            for (Path pipe :
                    files.filter(p -> p.toString().endsWith(".pipe")).sorted().toList()) {
                for (String sql : nodeSql(Files.readString(pipe, StandardCharsets.UTF_8))) {
                    if (!sql.contains("{{")
                            && !sql.contains("{%")
                            && !sql.strip().startsWith("%")) {
                        statements.add(sql);
                    }
                }
            }
        }
        assertThat(statements).hasSizeGreaterThan(10);
        assertThat(needingFullContext(statements)).isEmpty();
    }

    /** Of ClickHouse's own test queries, the statements that parse but only in the second pass do not grow. */
    @Test
    void corpusStatementsThatNeedTheSecondPassDoNotGrow() throws IOException {
        Path corpus = CorpusConformanceTest.corpus();
        assumeTrue(corpus != null, "skipped: ../shared/conformance/clickhouse-selects is not beside the project");
        List<String> secondPass = new ArrayList<>();
        int parsed = 0;
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String statement : CorpusConformanceTest.statements(text)) {
                    try {
                        if (SqlParser.needsFullContext(statement)) {
                            secondPass.add(file.getFileName() + ": " + statement.strip());
                        }
                        parsed++;
                    } catch (SqlSyntaxException notParsed) {
                        // Statements that do not parse are the conformance test's business.
                    }
                }
            }
        }
        System.out.printf("clickhouse-selects: %d of %d statements need the second pass%n", secondPass.size(), parsed);
        secondPass.forEach(statement -> System.out.println("  " + statement.replace('\n', ' ')));
        assertThat(parsed).isGreaterThan(50_000);
        assertThat(secondPass).hasSizeLessThanOrEqualTo(RECORDED_SECOND_PASS_STATEMENTS);
    }

    /** The SQL of each node of a .pipe file: the indented lines after {@code SQL >} (and a template's {@code %}). */
    static List<String> nodeSql(String pipe) {
        List<String> nodes = new ArrayList<>();
        StringBuilder sql = null;
        for (String line : pipe.split("\r?\n", -1)) {
            boolean templateMark =
                    sql != null && sql.toString().isBlank() && line.strip().equals("%");
            if (sql != null && (line.isBlank() || Character.isWhitespace(line.charAt(0)) || templateMark)) {
                sql.append(line).append('\n');
                continue;
            }
            if (sql != null) {
                nodes.add(sql.toString());
                sql = null;
            }
            if (line.strip().equals("SQL >")) {
                sql = new StringBuilder();
            }
        }
        if (sql != null) {
            nodes.add(sql.toString());
        }
        return nodes;
    }

    private static List<String> needingFullContext(List<String> statements) {
        return statements.stream().filter(SqlParser::needsFullContext).toList();
    }
}
