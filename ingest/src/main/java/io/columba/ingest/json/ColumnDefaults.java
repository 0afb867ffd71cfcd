package io.columba.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values of DEFAULT expressions, as column text: evaluated by the database ({@code SELECT CAST((expr) AS T)}),
 * once for constants, once per batch for expressions that call a function (such as {@code now()}). An expression
 * that does not evaluate on its own (it reads another column) gives no value.
 */
public final class ColumnDefaults {
    private final Database database;
    private final Map<String, Evaluated> constants = new ConcurrentHashMap<>();

    /** The text of a default value (null: NULL), or {@code failure} saying why there is none. */
    public record Evaluated(String text, String failure) {}

    public ColumnDefaults(Database database) {
        this.database = database;
    }

    /** A per-batch view: function calls are evaluated once for the batch. */
    public Batch batch() {
        return new Batch();
    }

    /** The defaults of one batch of rows. */
    public final class Batch {
        private final Map<String, Evaluated> evaluated = new java.util.HashMap<>();

        public Evaluated of(IngestColumn column) {
            String expression = column.defaultExpression();
            String key = expression + "\u0000" + column.type().name();
            if (expression.indexOf('(') < 0) {
                return constants.computeIfAbsent(key, k -> evaluate(column));
            }
            return evaluated.computeIfAbsent(key, k -> evaluate(column));
        }
    }

    private Evaluated evaluate(IngestColumn column) {
        String sql = "SELECT CAST((" + column.defaultExpression() + ") AS "
                + column.type().name() + ") AS v";
        try {
            QueryResult result = database.execute(sql, QuerySettings.forReading());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutputFormats.write(result, "JSONEachRow", FormatSettings.CLICKHOUSE, out);
            JsonNode row = JsonValues.MAPPER.readTree(out.toByteArray());
            return new Evaluated(JsonValues.text(row.get("v"), column.type()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return new Evaluated(
                    null, "DEFAULT " + column.defaultExpression() + " cannot be evaluated: " + e.getMessage());
        }
    }
}
