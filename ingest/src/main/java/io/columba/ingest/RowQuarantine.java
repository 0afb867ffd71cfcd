package io.columba.ingest;

import io.columba.executor.format.TypedDelimitedParser;
import io.columba.ingest.json.IngestColumn;
import io.columba.ingest.json.IngestSchema;
import io.columba.ingest.json.QuarantineRows;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes the rows of a CSV or TSV append whose values do not convert to their columns, as the data source's
 * quarantine rows, so that the other rows are appended. A batch whose insert fails is parsed again in halves, with
 * the parser the insert uses, down to the rows at fault; each of those is split into fields, and each field parsed
 * alone names the columns at fault ({@code value 'x' on column 'c' is not UInt32}, as the Events API says). A row
 * with the wrong number of fields is quarantined too; a batch all of whose rows parse failed for another reason,
 * and that failure stands.
 */
public final class RowQuarantine {
    private final IngestSchema schema;
    private final QuarantineRows rows;
    private final int spillChars;
    private final Consumer<String> spill;

    /** Quarantine rows of {@code schema}'s data source, marked with {@code importId}, all held until the end. */
    public RowQuarantine(IngestSchema schema, String importId) {
        this(schema, importId, Integer.MAX_VALUE, text -> {});
    }

    /**
     * As above, but whenever the rows held reach {@code spillChars} characters of JSON after a batch, they go to
     * {@code spill} (which inserts them into the quarantine table), so that a file of mostly bad rows does not fill
     * the memory; {@link #rows} then gives the rest.
     */
    public RowQuarantine(IngestSchema schema, String importId, int spillChars, Consumer<String> spill) {
        this.schema = schema;
        this.rows = new QuarantineRows(schema.columnNames(), importId);
        this.spillChars = spillChars;
        this.spill = spill;
    }

    /** Rows quarantined so far. */
    public int count() {
        return rows.count();
    }

    /** The quarantined rows not spilled yet, as JSONEachRow text for the quarantine table. */
    public String rows() {
        return rows.text();
    }

    /**
     * Inserts (through {@code insert}) the rows of {@code batch} that parse as {@code columns} (empty: all the data
     * source's), quarantining the others; throws {@code failure}, the batch's own, when every row parses. Returns
     * the rows inserted.
     */
    long insertConverting(
            ColumbaException failure,
            byte[] batch,
            RowStarts starts,
            InputFormat format,
            List<String> columns,
            Consumer<byte[]> insert) {
        List<IngestColumn> targets = targets(columns);
        List<DataType> types = new ArrayList<>(targets.size());
        for (IngestColumn target : targets) {
            types.add(target.type());
        }
        char delimiter = format == InputFormat.TSV ? '\t' : ',';
        List<Integer> bad = new ArrayList<>();
        findBad(batch, starts, 0, starts.count(), delimiter, types, bad);
        if (bad.isEmpty()) {
            throw failure;
        }
        ByteArrayOutputStream good = new ByteArrayOutputStream(batch.length);
        int next = 0;
        for (int row = 0; row < starts.count(); row++) {
            int from = starts.start(row);
            int to = starts.start(row + 1);
            if (next < bad.size() && bad.get(next) == row) {
                next++;
                quarantine(DelimitedFields.split(batch, from, to, delimiter), batch, delimiter, targets, types);
            } else {
                good.write(batch, from, to - from);
            }
        }
        long inserted = starts.count() - bad.size();
        if (inserted > 0) {
            insert.accept(good.toByteArray());
        }
        if (rows.heldChars() >= spillChars) {
            String held = rows.drain();
            if (!held.isEmpty()) {
                spill.accept(held);
            }
        }
        return inserted;
    }

    private List<IngestColumn> targets(List<String> columns) {
        if (columns.isEmpty()) {
            return schema.columns();
        }
        List<IngestColumn> targets = new ArrayList<>(columns.size());
        for (String name : columns) {
            IngestColumn column = column(name);
            if (column == null) {
                throw new ColumbaException(
                        ErrorCode.NO_SUCH_COLUMN_IN_TABLE, "No column " + name + " in " + schema.table());
            }
            targets.add(column);
        }
        return targets;
    }

    private IngestColumn column(String name) {
        for (IngestColumn column : schema.columns()) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        return null;
    }

    /** Adds to {@code bad}, in order, the rows of {@code [from, to)} that do not parse, halving the range. */
    private static void findBad(
            byte[] batch, RowStarts starts, int from, int to, char delimiter, List<DataType> types, List<Integer> bad) {
        if (parses(batch, starts.start(from), starts.start(to), delimiter, types)) {
            return;
        }
        if (to - from == 1) {
            bad.add(from);
            return;
        }
        int middle = (from + to) >>> 1;
        findBad(batch, starts, from, middle, delimiter, types, bad);
        findBad(batch, starts, middle, to, delimiter, types, bad);
    }

    private static boolean parses(byte[] batch, int from, int to, char delimiter, List<DataType> types) {
        try {
            TypedDelimitedParser.parse(batch, from, to, delimiter, types);
            return true;
        } catch (ColumbaException | IllegalArgumentException doesNotParse) {
            return false;
        }
    }

    private void quarantine(
            DelimitedFields fields, byte[] batch, char delimiter, List<IngestColumn> targets, List<DataType> types) {
        String[] values = new String[schema.columns().size()];
        for (int f = 0; f < Math.min(fields.count(), targets.size()); f++) {
            values[schema.columns().indexOf(targets.get(f))] = fields.text(f);
        }
        List<String> errorColumns = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (fields.count() != targets.size()) {
            errorColumns.add("");
            errors.add("expected " + targets.size() + " fields, found " + fields.count());
        } else {
            for (int f = 0; f < fields.count(); f++) {
                if (!parses(batch, fields.start(f), fields.end(f), delimiter, List.of(types.get(f)))) {
                    String name = targets.get(f).name();
                    errorColumns.add(name);
                    errors.add("value '" + fields.text(f) + "' on column '" + name + "' is not "
                            + types.get(f).name());
                }
            }
        }
        if (errors.isEmpty()) {
            errorColumns.add("");
            errors.add("the row does not parse as " + types);
        }
        rows.add(values, errorColumns, errors);
    }
}
