package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.StringType;
import java.util.List;

/** Functions about the server rather than the data: the database a query runs in. */
public final class ServerFunctions {
    private ServerFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(SimpleScalarFunction.of(
                "currentDatabase",
                "The database the query runs in: always default, the one database that holds tables.",
                "SELECT count() FROM system.tables WHERE database = currentDatabase()",
                (types, args) -> {
                    Operands.expectCount("currentDatabase", types, 0, 0);
                    StringColumnBuilder name = new StringColumnBuilder(1);
                    name.append("default");
                    var value = name.build();
                    return new Binding(StringType.STRING, (columns, rows) -> new ConstantColumn(value, rows));
                }));
    }
}
