package io.columba.executor.system;

import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.aggregate.AggregateFunction;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code system.functions}: every registered name, an alias pointing at its function's name in
 * {@code alias_to}; after ClickHouse 18.16's columns, the registry's {@code description} and runnable
 * {@code examples} as later versions have them. Sorted by name.
 */
final class FunctionsTable {
    private FunctionsTable() {}

    private record Row(
            boolean aggregate, boolean caseInsensitive, String aliasTo, String description, String example) {}

    static SystemTable read(FunctionRegistry functions) {
        Map<String, Row> byName = new TreeMap<>();
        for (ScalarFunction function : functions.scalarFunctions()) {
            add(
                    byName,
                    false,
                    function.name(),
                    function.aliases(),
                    function.caseInsensitive(),
                    function.description(),
                    function.example());
        }
        for (AggregateFunction function : functions.aggregateFunctions()) {
            add(
                    byName,
                    true,
                    function.name(),
                    function.aliases(),
                    function.caseInsensitive(),
                    function.description(),
                    function.example());
        }
        for (io.columba.executor.function.PlannedFunction function : functions.plannedFunctions()) {
            add(
                    byName,
                    function.aggregate(),
                    function.name(),
                    function.aliases(),
                    function.caseInsensitive(),
                    function.description(),
                    function.example());
        }
        SystemRows rows = new SystemRows()
                .column("name", StringType.STRING)
                .column("is_aggregate", IntegerType.UINT8)
                .column("case_insensitive", IntegerType.UINT8)
                .column("alias_to", StringType.STRING)
                .column("description", StringType.STRING)
                .column("examples", StringType.STRING);
        for (Map.Entry<String, Row> entry : byName.entrySet()) {
            Row row = entry.getValue();
            rows.row(
                    entry.getKey(),
                    row.aggregate(),
                    row.caseInsensitive(),
                    row.aliasTo(),
                    row.description(),
                    row.example());
        }
        return rows.build();
    }

    private static void add(
            Map<String, Row> byName,
            boolean aggregate,
            String name,
            List<String> aliases,
            boolean caseInsensitive,
            String description,
            String example) {
        byName.putIfAbsent(name, new Row(aggregate, caseInsensitive, "", description, example));
        for (String alias : aliases) {
            byName.putIfAbsent(alias, new Row(aggregate, caseInsensitive, name, description, example));
        }
    }
}
