package io.columba.jmh;

import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.Kernel;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.StringType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ClickBench Q29's {@code REGEXP_REPLACE(Referer, '^https?://(?:www\.)?([^/]+)/.*$', '\1')} over a block of
 * referers, a third of them empty as in the hits table. Scores are rows per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RegexpReplaceBenchmark {
    static final int ROWS = 65_536;

    private static final String[] REFERERS = {
        "",
        "https://www.google.com/search?q=clickhouse&ie=utf-8",
        "http://yandex.ru/yandsearch?text=foo&lr=213",
        "",
        "https://news.ycombinator.com/item?id=123456",
        "http://www.example.org/some/long/path/to/page.html?utm_source=x",
        "",
        "android-app://com.google.android.gm"
    };

    private Column[] arguments;
    private Kernel kernel;

    @Setup(Level.Trial)
    public void setUp() {
        StringColumnBuilder referers = new StringColumnBuilder(ROWS);
        for (int i = 0; i < ROWS; i++) {
            referers.append(REFERERS[i % REFERERS.length]);
        }
        StringColumnBuilder pattern = new StringColumnBuilder(1);
        pattern.append("^https?://(?:www\\.)?([^/]+)/.*$");
        StringColumnBuilder replacement = new StringColumnBuilder(1);
        replacement.append("\\1");
        arguments = new Column[] {
            referers.build(), new ConstantColumn(pattern.build(), ROWS), new ConstantColumn(replacement.build(), ROWS)
        };
        kernel = FunctionRegistry.builtin()
                .scalar("REGEXP_REPLACE")
                .bind(List.of(StringType.STRING, StringType.STRING, StringType.STRING), List.of())
                .kernel();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Column regexpReplace() {
        return kernel.apply(arguments, ROWS);
    }
}
