package io.columba.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import io.columba.storage.error.ColumbaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code testdata/sql/**}{@code /*.test} file (sqllogictest format, STYLE.md §7) against a fresh
 * database each; expected rows are ClickHouse's TabSeparated output (a line {@code <blank>} is an empty one).
 */
class SqlLogicTest {
    @TempDir
    Path temporary;

    @TestFactory
    Stream<DynamicTest> testFiles() throws IOException {
        Path root = findTestData();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        // -Dsqllogictest.filter=types/ runs only the files whose path contains the text (while working on them).
        String filter = System.getProperty("sqllogictest.filter", "");
        return files.stream()
                .filter(file -> root.relativize(file).toString().contains(filter))
                .map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> run(file)));
    }

    static Path findTestData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata/sql");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "testdata/sql not found above " + Path.of("").toAbsolutePath());
    }

    private record TestRecord(int line, String kind, String header, String sql, List<String> expected) {}

    private void run(Path file) throws IOException {
        List<TestRecord> records = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        Path folder = Files.createTempDirectory(temporary, "db");
        try (Database database = Database.open(folder)) {
            for (TestRecord record : records) {
                check(file, database, record);
            }
        }
    }

    private static void check(Path file, Database database, TestRecord record) {
        String where = file.getFileName() + ":" + record.line() + ": " + record.sql();
        switch (record.kind()) {
            case "statement ok" -> {
                try {
                    database.execute(record.sql(), QuerySettings.DEFAULTS);
                } catch (ColumbaException e) {
                    fail(where + "\nfailed with " + e.toClickHouseText());
                }
            }
            case "statement error" -> {
                try {
                    database.execute(record.sql(), QuerySettings.DEFAULTS);
                    fail(where + "\nsucceeded but an error was expected: " + record.expected());
                } catch (ColumbaException e) {
                    if (!record.expected().isEmpty()) {
                        assertThat(e.errorCode().name())
                                .as(where + "\n" + e.getMessage())
                                .isEqualTo(record.expected().get(0));
                    }
                }
            }
            default -> {
                List<String> actual;
                try {
                    actual = render(database.execute(record.sql(), QuerySettings.DEFAULTS));
                } catch (ColumbaException e) {
                    fail(where + "\nfailed with " + e.toClickHouseText());
                    return;
                }
                List<String> expected = new ArrayList<>(record.expected());
                String[] header = record.header().split("\\s+");
                if (header.length > 2 && header[2].equals("rowsort")) {
                    actual.sort(Comparator.naturalOrder());
                    expected.sort(Comparator.naturalOrder());
                }
                assertThat(String.join("\n", actual)).as(where).isEqualTo(String.join("\n", expected));
            }
        }
    }

    private static List<String> render(QueryResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OutputFormats.write(result, "TabSeparated", FormatSettings.CLICKHOUSE, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(
                Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)));
    }

    private static List<TestRecord> parse(List<String> lines) {
        List<TestRecord> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            String header = line.strip();
            String kind = header.startsWith("statement ok")
                    ? "statement ok"
                    : header.startsWith("statement error")
                            ? "statement error"
                            : header.startsWith("query") ? "query" : null;
            if (kind == null) {
                throw new IllegalStateException("line " + start + ": unknown record '" + line + "'");
            }
            i++;
            StringBuilder sql = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
                sql.append(sql.isEmpty() ? "" : "\n").append(lines.get(i));
                i++;
            }
            List<String> expected = new ArrayList<>();
            if (i < lines.size() && lines.get(i).equals("----")) {
                i++;
                while (i < lines.size() && !lines.get(i).isEmpty()) {
                    // "<blank>" stands for an empty output line, which would otherwise end the record.
                    expected.add(lines.get(i).equals("<blank>") ? "" : lines.get(i));
                    i++;
                }
            }
            records.add(new TestRecord(start, kind, header, sql.toString(), expected));
        }
        return records;
    }
}
