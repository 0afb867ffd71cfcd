package io.columba.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The share of ClickHouse's own test queries ({@code ../shared/conformance/clickhouse-selects}, 7,131 files) whose
 * every statement parses, but those the corpus marks as rejected by ClickHouse itself ({@code <Explain Error>}):
 * a syntax error is what they should get. The test fails when the share drops below the one recorded here; raise
 * the record when the grammar grows. With {@code -Dcorpus.listFailures=true} the files that do not parse are listed.
 */
class CorpusConformanceTest {
    /** Files of the corpus whose statements all parsed when this was last raised. */
    private static final double RECORDED_PARSE_SHARE = 0.9971;

    /** Files of the corpus whose every statement prints ClickHouse's own EXPLAIN AST, when this was last raised. */
    private static final double RECORDED_IDENTICAL_SHARE = 0.9284;

    static Path corpus() {
        return shared("conformance/clickhouse-selects");
    }

    /** A path under {@code ../shared} beside the project (or beside a folder above it); null when it is not there. */
    static Path shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The corpus's SQL files in name order; the test is skipped when the corpus is not there. */
    private static List<Path> corpusFiles() throws IOException {
        Path corpus = corpus();
        assumeTrue(corpus != null, "skipped: ../shared/conformance/clickhouse-selects is not beside the project");
        try (Stream<Path> list = Files.list(corpus)) {
            return list.filter(path -> path.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theShareOfTheCorpusThatParsesDoesNotDrop() throws IOException {
        List<Path> files = corpusFiles();
        int parsed = 0;
        for (Path file : files) {
            Path expectedFile = file.resolveSibling(file.getFileName() + ".expected.explain.txt");
            String expected = new String(Files.readAllBytes(expectedFile), StandardCharsets.UTF_8);
            if (parsesWhole(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), expected)) {
                parsed++;
            } else if (Boolean.getBoolean("corpus.listFailures")) {
                System.out.println("  does not parse: " + file.getFileName());
            }
        }
        double share = parsed / (double) files.size();
        System.out.printf("clickhouse-selects: %d of %d files parse (%.4f)%n", parsed, files.size(), share);
        assertThat(files).hasSizeGreaterThan(7000);
        assertThat(share).isGreaterThanOrEqualTo(RECORDED_PARSE_SHARE);
    }

    /**
     * The share of the corpus whose EXPLAIN AST we print exactly as ClickHouse did, statement by statement; the
     * commonest reasons for a difference are printed, and every difference is written to
     * {@code target/explain-ast-differences.txt}.
     */
    @Test
    void theShareOfTheCorpusWithClickHousesExplainAstDoesNotDrop() throws IOException {
        List<Path> files = corpusFiles();
        int identical = 0;
        Map<String, Integer> reasons = new HashMap<>();
        StringBuilder differences = new StringBuilder();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Path expectedFile = file.resolveSibling(file.getFileName() + ".expected.explain.txt");
            String expected = new String(Files.readAllBytes(expectedFile), StandardCharsets.UTF_8);
            ExplainComparison comparison = ExplainComparison.compare(statements(text, true), expected);
            if (comparison.identical()) {
                identical++;
                continue;
            }
            reasons.merge(comparison.reason(), 1, Integer::sum);
            differences
                    .append("=== ")
                    .append(file.getFileName())
                    .append(": ")
                    .append(comparison.reason())
                    .append('\n')
                    .append(comparison.detail())
                    .append("\n\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "explain-ast-differences.txt"), differences);
        double share = identical / (double) files.size();
        System.out.printf(
                "clickhouse-selects: %d of %d files print ClickHouse's EXPLAIN AST (%.4f)%n",
                identical, files.size(), share);
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(25)
                .forEach(entry -> System.out.printf("  %5d  %s%n", entry.getValue(), entry.getKey()));
        assertThat(share).isGreaterThanOrEqualTo(RECORDED_IDENTICAL_SHARE);
    }

    /**
     * Whether every statement of a file parses, or fails as ClickHouse's did: a statement whose expected tree is
     * {@code <Explain Error>} may fail, when the file's statements and expected trees pair up one to one.
     */
    private static boolean parsesWhole(String text, String expectedText) {
        List<String> statements = statements(text, true);
        List<String> expected = ExplainComparison.blocks(expectedText);
        boolean paired = statements.size() == expected.size();
        for (int i = 0; i < statements.size(); i++) {
            try {
                SqlParser.parse(statements.get(i));
            } catch (RuntimeException failed) {
                if (!paired || !expected.get(i).equals(ExplainComparison.EXPLAIN_ERROR)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The statements of a file: split at semicolons outside quotes and comments (block comments nest), blank ones dropped. */
    static List<String> statements(String text) {
        return statements(text, false);
    }

    /**
     * The statements of a file; with {@code keepCommentOnly}, a statement of comments alone is kept (as a blank
     * statement), as ClickHouse's client sends it.
     */
    static List<String> statements(String text, boolean keepCommentOnly) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '$'
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && endOfHeredoc(text, i) > i) {
                int end = endOfHeredoc(text, i);
                current.append(text, i, end);
                i = end - 1;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                current.append(keepCommentOnly ? "\n--\n" : "\n");
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                i = endOfBlockComment(text, i) - 1;
                current.append(keepCommentOnly ? "\n--\n" : " ");
            } else if (c == ';') {
                statements.add(current.toString());
                current.setLength(0);
                if (keepCommentOnly) {
                    i = endOfTrailingComment(text, i + 1) - 1;
                }
            } else {
                current.append(c);
            }
        }
        statements.add(current.toString());
        return statements.stream()
                .filter(statement -> !statement.isBlank())
                .map(statement -> statement.replace("\n--\n", "\n"))
                .toList();
    }

    /** Where the heredoc ({@code $tag$ ... $tag$}) that starts at {@code from} ends; {@code from} when none starts there. */
    private static int endOfHeredoc(String text, int from) {
        int tagEnd = from + 1;
        while (tagEnd < text.length()
                && (Character.isLetterOrDigit(text.charAt(tagEnd)) || text.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= text.length() || text.charAt(tagEnd) != '$') {
            return from;
        }
        String tag = text.substring(from, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        return close < 0 ? from : close + tag.length();
    }

    /** Where the block comment that starts at {@code from} ends, after its closing star and slash; they nest. */
    private static int endOfBlockComment(String text, int from) {
        int depth = 0;
        int i = from;
        while (i + 1 < text.length()) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** Where the spaces and {@code --} comment after a semicolon, on its line, end: they belong to that statement. */
    private static int endOfTrailingComment(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i + 1 < text.length() && text.charAt(i) == '-' && text.charAt(i + 1) == '-') {
            while (i < text.length() && text.charAt(i) != '\n') {
                i++;
            }
            return i;
        }
        return from;
    }
}
