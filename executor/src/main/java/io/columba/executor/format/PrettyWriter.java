package io.columba.executor.format;

import io.columba.executor.QueryResult;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.Date32Type;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.LowCardinalityType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.UuidType;
import io.columba.storage.type.WideIntegerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pretty formats as ClickHouse 18.16 writes them: a table per block of 65,536 rows (its block size), widths
 * measured over the whole block, numbers and dates aligned right, NULL as {@code ᴺᵁᴸᴸ}, names in bold unless the
 * format is a {@code NoEscapes} one (or {@code output_format_pretty_color=0}); after
 * {@code output_format_pretty_max_rows} rows the rest is only counted and a note says so. {@code MonoBlock} squashes
 * blocks until they hold that many rows, so the first table holds all the rows shown.
 */
final class PrettyWriter {
    /** The box drawing of Pretty, PrettyCompact, or the spaces of PrettySpace. */
    enum Style {
        PRETTY,
        COMPACT,
        SPACE
    }

    private static final int BLOCK_ROWS = 65536;
    private static final byte[] NULL = "ᴺᵁᴸᴸ".getBytes(StandardCharsets.UTF_8);
    private static final String BOLD = "\033[1m";
    private static final String RESET = "\033[0m";

    private final Style style;
    private final boolean color;
    private final int maxRows;
    private final int maxPadWidth;
    private final OutputStream out;
    private long totalRows;

    private PrettyWriter(Style style, boolean color, FormatSettings settings, OutputStream out) {
        this.style = style;
        this.color = color && settings.prettyColor();
        this.maxRows = settings.prettyMaxRows();
        this.maxPadWidth = settings.prettyMaxColumnPadWidth();
        this.out = out;
    }

    static void write(
            QueryResult result,
            Style style,
            boolean color,
            boolean monoBlock,
            FormatSettings settings,
            OutputStream out)
            throws IOException {
        PrettyWriter writer = new PrettyWriter(style, color, settings, out);
        int chunkRows = monoBlock ? Math.max(BLOCK_ROWS, settings.prettyMaxRows()) : BLOCK_ROWS;
        List<Block> pending = new ArrayList<>();
        long pendingRows = 0;
        for (Block block : result.blocks()) {
            if (writer.totalRows >= writer.maxRows) {
                writer.totalRows += block.rowCount(); // only counted from here on
                continue;
            }
            pending.add(block);
            pendingRows += block.rowCount();
            while (pendingRows >= chunkRows) {
                Block all = Block.concat(pending, result.columnTypes());
                writer.block(result.columnNames(), result.columnTypes(), all.slice(0, chunkRows));
                pending.clear();
                pending.add(all.slice(chunkRows, all.rowCount() - chunkRows));
                pendingRows -= chunkRows;
            }
        }
        if (pendingRows > 0) {
            writer.block(result.columnNames(), result.columnTypes(), Block.concat(pending, result.columnTypes()));
        }
        if (writer.totalRows >= writer.maxRows) {
            writer.text((style == Style.SPACE ? "\nShowed first " : "  Showed first ") + writer.maxRows + ".\n");
        }
        if (result.totals() != null && !monoBlock) {
            // WITH TOTALS: a table of its own, laid out on the totals row alone (18.16's MonoBlock leaves it out).
            PrettyWriter totals = new PrettyWriter(style, color, settings, out);
            totals.text("\nTotals:\n");
            totals.block(result.columnNames(), result.columnTypes(), result.totals());
        }
    }

    /** One block's cells as text and their widths; the widths of its names. */
    private record Cells(byte[][][] values, int[][] widths, int[] maxWidths, int[] nameWidths) {}

    private void block(List<String> names, List<DataType> types, Block block) throws IOException {
        if (totalRows >= maxRows) {
            totalRows += block.rowCount();
            return;
        }
        Cells cells = cells(names, types, block);
        int shown = (int) Math.min(block.rowCount(), maxRows - totalRows);
        switch (style) {
            case PRETTY -> pretty(names, types, cells, shown);
            case COMPACT -> compact(names, types, cells, shown);
            case SPACE -> space(names, types, cells, shown);
        }
        totalRows += block.rowCount();
    }

    private Cells cells(List<String> names, List<DataType> types, Block block) {
        int columns = names.size();
        int rows = block.rowCount();
        byte[][][] values = new byte[columns][rows][];
        int[][] widths = new int[columns][rows];
        int[] maxWidths = new int[columns];
        int[] nameWidths = new int[columns];
        int prefix = 2;
        for (int c = 0; c < columns; c++) {
            Column column = block.column(c);
            for (int row = 0; row < rows; row++) {
                byte[] text = text(column, types.get(c), row);
                values[c][row] = text;
                widths[c][row] = Math.min(maxPadWidth, DisplayWidth.of(text, 0, text.length, prefix));
                maxWidths[c] = Math.max(maxWidths[c], widths[c][row]);
            }
            byte[] name = names.get(c).getBytes(StandardCharsets.UTF_8);
            nameWidths[c] = Math.min(maxPadWidth, DisplayWidth.of(name, 0, name.length, 0));
            maxWidths[c] = Math.max(maxWidths[c], nameWidths[c]);
            prefix += maxWidths[c] + 3;
        }
        return new Cells(values, widths, maxWidths, nameWidths);
    }

    /** A value as ClickHouse's serializeText writes it: strings as their bytes, NULL as ᴺᵁᴸᴸ. */
    private static byte[] text(Column column, DataType type, int row) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        int at = plain == column ? row : 0;
        if (plain.isNull(at)) {
            return NULL;
        }
        DataType base = type.withoutNullable();
        if (plain instanceof StringColumn strings && (base instanceof StringType || base instanceof FixedStringType)) {
            return strings.getBytes(at);
        }
        return TextValues.plainText(plain, type, at).getBytes(StandardCharsets.UTF_8);
    }

    /** ClickHouse's shouldAlignRightInPrettyFormats: the number types, which Date and DateTime are there. */
    static boolean alignsRight(DataType type) {
        DataType base = type.withoutNullable();
        if (base instanceof LowCardinalityType lowCardinality) {
            base = lowCardinality.inner().withoutNullable();
        }
        return base instanceof IntegerType
                || base instanceof FloatType
                || base instanceof DecimalType
                || base instanceof WideIntegerType
                || base instanceof DateType
                || base instanceof Date32Type
                || base instanceof DateTimeType
                || base instanceof DateTime64Type
                || base instanceof UuidType;
    }

    private void pretty(List<String> names, List<DataType> types, Cells cells, int shown) throws IOException {
        int[] widths = cells.maxWidths();
        text(rule("┏", "━", "┳", "┓", widths));
        text("┃ ");
        header(names, types, cells, " ┃ ", " ", true);
        text(" ┃\n");
        text(rule("┡", "━", "╇", "┩", widths));
        String between = rule("├", "─", "┼", "┤", widths);
        for (int row = 0; row < shown; row++) {
            text(row == 0 ? "" : between);
            valuesRow(types, cells, row, "│ ", " │ ", " │\n");
        }
        text(rule("└", "─", "┴", "┘", widths));
    }

    private void compact(List<String> names, List<DataType> types, Cells cells, int shown) throws IOException {
        int[] widths = cells.maxWidths();
        text("┌─");
        header(names, types, cells, "─┬─", "─", false);
        text("─┐\n");
        for (int row = 0; row < shown; row++) {
            valuesRow(types, cells, row, "│ ", " │ ", " │\n");
        }
        text(rule("└", "─", "┴", "┘", widths));
    }

    private void space(List<String> names, List<DataType> types, Cells cells, int shown) throws IOException {
        header(names, types, cells, "   ", " ", false);
        text("\n\n");
        for (int row = 0; row < shown; row++) {
            valuesRow(types, cells, row, "", "   ", "\n");
        }
    }

    /**
     * The names, each padded to its column's width with {@code pad} on the side away from its alignment; in bold
     * (with its padding when {@code boldPadding}, as Pretty does) unless colors are off.
     */
    private void header(
            List<String> names, List<DataType> types, Cells cells, String separator, String pad, boolean boldPadding)
            throws IOException {
        for (int c = 0; c < names.size(); c++) {
            text(c == 0 ? "" : separator);
            String padding = pad.repeat(Math.max(0, cells.maxWidths()[c] - cells.nameWidths()[c]));
            boolean right = alignsRight(types.get(c));
            text(color && boldPadding ? BOLD : "");
            text(right ? padding : "");
            text(color && !boldPadding ? BOLD : "");
            text(names.get(c));
            text(color && !boldPadding ? RESET : "");
            text(right ? "" : padding);
            text(color && boldPadding ? RESET : "");
        }
    }

    private void valuesRow(List<DataType> types, Cells cells, int row, String start, String separator, String end)
            throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(start.getBytes(StandardCharsets.UTF_8));
        for (int c = 0; c < types.size(); c++) {
            if (c > 0) {
                line.writeBytes(separator.getBytes(StandardCharsets.UTF_8));
            }
            byte[] padding = " "
                    .repeat(Math.max(0, cells.maxWidths()[c] - cells.widths()[c][row]))
                    .getBytes(StandardCharsets.US_ASCII);
            boolean right = alignsRight(types.get(c));
            line.writeBytes(right ? padding : new byte[0]);
            line.writeBytes(cells.values()[c][row]);
            line.writeBytes(right ? new byte[0] : padding);
        }
        line.writeBytes(end.getBytes(StandardCharsets.UTF_8));
        line.writeTo(out);
    }

    private static String rule(String left, String line, String cross, String right, int[] widths) {
        StringBuilder rule = new StringBuilder(left);
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : cross).append(line.repeat(widths[c] + 2));
        }
        return rule.append(right).append('\n').toString();
    }

    private void text(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
