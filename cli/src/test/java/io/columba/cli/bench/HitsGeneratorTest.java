package io.columba.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.cli.bench.HitsColumns.Column;
import io.columba.cli.bench.HitsGenerator.Format;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator's output: deterministic, 105 well-typed fields per line, CSV consistent with TSV. */
class HitsGeneratorTest {
    /** Two full chunks and a partial one. */
    private static final int ROWS = 2 * HitsChunkWriter.CHUNK_ROWS + 4321;

    private static final HitsRows ONE_THREAD = HitsRows.generate(ROWS, 1, Format.tsv, 1);

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void theBytesDependOnTheSeedAndNotOnTheThreads() {
        assertThat(HitsRows.generate(ROWS, 1, Format.tsv, 3).bytes()).isEqualTo(ONE_THREAD.bytes());
        assertThat(HitsRows.generate(ROWS, 1, Format.tsv, 2).bytes()).isEqualTo(ONE_THREAD.bytes());
        assertThat(HitsRows.generate(ROWS, 2, Format.tsv, 2).bytes()).isNotEqualTo(ONE_THREAD.bytes());
    }

    @Test
    void everyLineHas105FieldsOfTheTablesTypes() {
        List<String> lines = ONE_THREAD.lines();
        assertThat(lines).hasSize(ROWS);
        assertThat(ONE_THREAD.text())
                .endsWith("\n")
                .doesNotContain("\\")
                .doesNotContain("\"")
                .doesNotContain("\r");
        for (String line : lines) {
            String[] fields = line.split("\t", -1);
            assertThat(fields).as(line).hasSize(HitsColumns.ALL.size());
            for (int i = 0; i < fields.length; i++) {
                assertWellTyped(HitsColumns.ALL.get(i), fields[i]);
            }
        }
    }

    @Test
    void csvQuotesStringsAndDatesAndHoldsTheSameValues() {
        List<String> csv = HitsRows.generate(ROWS, 1, Format.csv, 2).lines();
        List<String> tsv = ONE_THREAD.lines();
        assertThat(csv).hasSize(ROWS);
        for (int row = 0; row < ROWS; row += 97) {
            String[] expected = tsv.get(row).split("\t", -1);
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < expected.length; i++) {
                fields.add(HitsColumns.ALL.get(i).quotedInCsv() ? '"' + expected[i] + '"' : expected[i]);
            }
            // numbers never hold a comma, so the expected line is the (quoted) fields joined by commas
            assertThat(csv.get(row)).isEqualTo(String.join(",", fields));
        }
    }

    @Test
    void clickBenchsMagicValuesAreThere() {
        Map<String, Long> counters = new HashMap<>();
        boolean magicUser = false;
        for (String line : ONE_THREAD.lines()) {
            String[] fields = line.split("\t", -1);
            counters.merge(fields[column("CounterID")], 1L, Long::sum);
            magicUser |= fields[column("UserID")].equals(Long.toString(HitsUser.MAGIC_USER_ID));
        }
        String top = counters.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        assertThat(top).isEqualTo("62");
        assertThat(magicUser).isTrue();
        assertThat(ONE_THREAD.text()).contains("\t" + HitsChunkWriter.MAGIC_REFERER_HASH + "\t");
    }

    @Test
    void zeroRowsIsAnEmptyFile() {
        assertThat(HitsRows.generate(0, 1, Format.tsv, 2).bytes()).isEmpty();
    }

    @Test
    void theColumnsAreClickBenchs() {
        assertThat(HitsColumns.ALL).hasSize(105);
        assertThat(HitsColumns.ALL.stream().map(Column::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("Int16", "Int32", "Int64", "String", "Date", "DateTime");
        assertThat(HitsColumns.ALL.get(0).name()).isEqualTo("WatchID");
        assertThat(HitsColumns.ALL.get(104).name()).isEqualTo("CLID");
    }

    private static void assertWellTyped(Column column, String value) {
        switch (column.type()) {
            case "Int16" -> assertThat(Long.parseLong(value)).as(column.name()).isBetween(-32768L, 32767L);
            case "Int32" ->
                assertThat(Long.parseLong(value)).as(column.name()).isBetween((long) Integer.MIN_VALUE, (long)
                        Integer.MAX_VALUE);
            case "Int64" -> Long.parseLong(value);
            case "Date" ->
                assertThat(LocalDate.parse(value)).isBetween(LocalDate.of(2013, 7, 1), LocalDate.of(2013, 7, 31));
            case "DateTime" ->
                assertThat(LocalDateTime.parse(value, DATE_TIME).toLocalDate())
                        .isBetween(LocalDate.of(2013, 7, 1), LocalDate.of(2013, 7, 31));
            default -> assertThat(value).as(column.name()).doesNotContain("\t", "\n");
        }
    }

    static int column(String name) {
        for (int i = 0; i < HitsColumns.ALL.size(); i++) {
            if (HitsColumns.ALL.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
