package io.columba.ingest.json;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The quarantine table of a data source, {@code <name>_quarantine}, as Tinybird has it: every column of the data
 * source as {@code Nullable(String)}, then {@code c__error_column Array(String)}, {@code c__error Array(String)},
 * {@code c__import_id Nullable(String)} and {@code insertion_date DateTime}.
 */
public final class QuarantineTable {
    public static final String SUFFIX = "_quarantine";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private QuarantineTable() {}

    public static String name(String table) {
        return table + SUFFIX;
    }

    /** {@code CREATE TABLE IF NOT EXISTS} of the quarantine table of {@code schema}'s table. */
    public static String createStatement(IngestSchema schema) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ")
                .append(quote(name(schema.table())))
                .append(" (");
        for (IngestColumn column : schema.columns()) {
            sql.append(quote(column.name())).append(" Nullable(String), ");
        }
        return sql.append("`c__error_column` Array(String), `c__error` Array(String), ")
                .append("`c__import_id` Nullable(String), `insertion_date` DateTime")
                .append(") ENGINE = MergeTree ORDER BY insertion_date")
                .toString();
    }

    /** Now, in UTC, as a DateTime value. */
    public static String insertionDate() {
        return LocalDateTime.now(ZoneOffset.UTC).format(DATE_TIME);
    }

    public static String quote(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
