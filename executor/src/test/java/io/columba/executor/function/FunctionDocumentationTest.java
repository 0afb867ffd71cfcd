package io.columba.executor.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.executor.function.aggregate.AggregateFunction;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every function has a description and an example that runs (ClickHouse test 02415). */
class FunctionDocumentationTest {
    @TempDir
    Path folder;

    @Test
    void everyFunctionIsDocumentedAndItsExampleRuns() {
        FunctionRegistry registry = FunctionRegistry.builtin();
        try (Database database = Database.open(folder)) {
            for (ScalarFunction function : registry.scalarFunctions()) {
                assertThat(function.description()).as(function.name()).isNotBlank();
                assertThat(database.execute(function.example(), QuerySettings.DEFAULTS)
                                .rowCount())
                        .as(function.example())
                        .isEqualTo(1);
            }
            for (PlannedFunction function : registry.plannedFunctions()) {
                assertThat(function.description()).as(function.name()).isNotBlank();
                assertThat(database.execute(function.example(), QuerySettings.DEFAULTS)
                                .rowCount())
                        .as(function.example())
                        .isGreaterThanOrEqualTo(1);
            }
            for (AggregateFunction function : registry.aggregateFunctions()) {
                assertThat(function.description()).as(function.name()).isNotBlank();
                assertThat(database.execute(function.example(), QuerySettings.DEFAULTS)
                                .rowCount())
                        .as(function.example())
                        .isEqualTo(1);
            }
        }
    }
}
