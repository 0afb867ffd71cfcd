package io.columba.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A query result drawn as an aligned table, like ClickHouse's PrettyCompact: names on the top border, numbers
 * right-aligned, strings as TabSeparated writes them (escapes kept visible), NULL for {@code \N}.
 */
final class ResultTable {
    private static final Pattern NUMERIC = Pattern.compile("(Nullable\\()?(U?Int\\d+|Float\\d+|Decimal.*)\\)?");

    private final List<String> names;
    private final List<Boolean> rightAligned;
    private final List<String[]> rows;

    private ResultTable(List<String> names, List<Boolean> rightAligned, List<String[]> rows) {
        this.names = names;
        this.rightAligned = rightAligned;
        this.rows = rows;
    }

    /** Reads the TabSeparatedWithNamesAndTypes text of a result: a names line, a types line, then rows. */
    static ResultTable fromTabSeparatedWithNamesAndTypes(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 2) {
            return new ResultTable(List.of(), List.of(), List.of());
        }
        List<String> names = List.of(lines[0].split("\t", -1));
        List<Boolean> rightAligned = new ArrayList<>();
        for (String type : lines[1].split("\t", -1)) {
            rightAligned.add(NUMERIC.matcher(type).matches());
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            String[] values = lines[i].split("\t", -1);
            for (int c = 0; c < values.length; c++) {
                if (values[c].equals("\\N")) {
                    values[c] = "NULL";
                }
            }
            rows.add(values);
        }
        return new ResultTable(names, rightAligned, rows);
    }

    String render() {
        if (names.isEmpty() || (names.size() == 1 && names.get(0).isEmpty())) {
            return "Ok.\n";
        }
        int[] widths = new int[names.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = length(names.get(c));
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], length(cell(row, c)));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append('┌');
        for (int c = 0; c < widths.length; c++) {
            out.append('─').append(names.get(c)).append("─".repeat(widths[c] - length(names.get(c)) + 1));
            out.append(c + 1 < widths.length ? '┬' : '┐');
        }
        out.append('\n');
        for (String[] row : rows) {
            out.append('│');
            for (int c = 0; c < widths.length; c++) {
                String value = cell(row, c);
                String padding = " ".repeat(widths[c] - length(value));
                out.append(' ')
                        .append(rightAligned.get(c) ? padding + value : value + padding)
                        .append(" │");
            }
            out.append('\n');
        }
        out.append('└');
        for (int c = 0; c < widths.length; c++) {
            out.append("─".repeat(widths[c] + 2)).append(c + 1 < widths.length ? '┴' : '┘');
        }
        out.append('\n');
        out.append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(" in set.\n");
        return out.toString();
    }

    private static String cell(String[] row, int column) {
        return column < row.length ? row[column] : "";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
