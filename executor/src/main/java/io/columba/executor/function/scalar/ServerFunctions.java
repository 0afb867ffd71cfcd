package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Functions about the server rather than the data: database, user, version, host name, uptime. */
public final class ServerFunctions {
    private ServerFunctions() {}

    /** The ClickHouse release whose behaviour this server follows, as version() reports it. */
    static final String VERSION = "24.8.1.1";

    public static List<ScalarFunction> all() {
        return List.of(
                constantString(
                        "currentDatabase",
                        "The database the query runs in: always default, the one database that holds tables.",
                        "SELECT count() FROM system.tables WHERE database = currentDatabase()",
                        "default"),
                constantString(
                        "currentUser",
                        "The user running the query: always default.",
                        "SELECT currentUser()",
                        "default"),
                constantString(
                        "version",
                        "The ClickHouse version whose dialect this server speaks, as text.",
                        "SELECT version()",
                        VERSION),
                constantString("hostName", "The name of the host the server runs on.", "SELECT hostName()", hostName()),
                SimpleScalarFunction.of(
                        "uptime",
                        "The seconds since the server started, as UInt32.",
                        "SELECT uptime() >= 0",
                        (types, args) -> {
                            Operands.expectCount("uptime", types, 0, 0);
                            return new Binding(IntegerType.UINT32, ValueFunctions.nonDeterministic((columns, rows) -> {
                                long started =
                                        ManagementFactory.getRuntimeMXBean().getStartTime();
                                long seconds = (System.currentTimeMillis() - started) / 1000;
                                return new ConstantColumn(new LongColumn(new long[] {seconds}, null, 1), rows);
                            }));
                        }));
    }

    private static SimpleScalarFunction constantString(String name, String description, String example, String text) {
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            Operands.expectCount(name, types, 0, 0);
            StringColumnBuilder value = new StringColumnBuilder(1);
            value.append(text);
            Column column = value.build();
            return new Binding(StringType.STRING, (columns, rows) -> new ConstantColumn(column, rows));
        });
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null ? "localhost" : fromEnvironment;
        }
    }
}
