package io.columba.storage.index;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * A data skipping index of a table: {@code INDEX name expression TYPE kind(parameters) GRANULARITY granularity}.
 * Each part keeps one summary per {@code granularity} granules of the expression's values; a scan skips the
 * granules whose summary proves a condition false.
 *
 * @param name the index name (its file is {@code skp_idx_<name>.idx})
 * @param kind what the summary holds
 * @param parameters the kind's numeric parameters as written (set's N, bloom_filter's false-positive rate, ...)
 * @param granularity granules per summary
 * @param type the expression's type
 * @param expression evaluates the expression over a part's rows (all table columns)
 * @param column the table column the expression is, or null when it is a computed expression
 */
public record SkipIndex(
        String name,
        Kind kind,
        List<Double> parameters,
        int granularity,
        DataType type,
        Expression expression,
        String column) {

    /** The summary kinds ClickHouse offers. */
    public enum Kind {
        MINMAX,
        SET,
        BLOOM_FILTER,
        TOKENBF_V1,
        NGRAMBF_V1
    }

    /** The index expression, computed by whoever bound it (the executor). */
    @FunctionalInterface
    public interface Expression {
        Column evaluate(Block rows);
    }

    public SkipIndex {
        parameters = List.copyOf(parameters);
        if (granularity < 1) {
            throw new IllegalArgumentException("index granularity must be positive, got " + granularity);
        }
    }

    /** The file of this index in a part folder. */
    public String fileName() {
        return "skp_idx_" + name.replaceAll("[^A-Za-z0-9_]", "_") + ".idx";
    }
}
