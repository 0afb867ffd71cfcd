import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The DuckDB side of {@code scripts/bench-clickbench.sh}, run as a single-file program with the DuckDB JDBC jar on
 * the class path. Two modes:
 *
 * <pre>
 * java -cp duckdb_jdbc.jar DuckDbPeer.java load DB_FILE CREATE_SQL HITS_TSV
 * java -cp duckdb_jdbc.jar DuckDbPeer.java serve DB_FILE PORT
 * </pre>
 *
 * {@code load} creates {@code DB_FILE} afresh from the table of {@code CREATE_SQL} and the rows of {@code HITS_TSV},
 * checkpoints it, and prints {@code load_seconds<TAB>S} on stdout. {@code serve} answers {@code POST /} on loopback
 * with the query in the body: 200 and the rows as tab-separated text ({@code \N} for NULL), or 500 and the error.
 * The benchmark driver times the HTTP round trip, as it does for Columba and ClickHouse, so all three systems are
 * measured the same way and can be run in alternation.
 */
public final class DuckDbPeer {
    private DuckDbPeer() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("load")) {
            load(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else if (args.length == 3 && args[0].equals("serve")) {
            serve(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            System.err.println("usage: DuckDbPeer load DB_FILE CREATE_SQL HITS_TSV | serve DB_FILE PORT");
            System.exit(2);
        }
    }

    private static void load(Path database, Path create, Path tsv) throws Exception {
        Files.deleteIfExists(database);
        Files.deleteIfExists(Path.of(database + ".wal"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(create));
            long started = System.nanoTime();
            Thread heartbeat = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        Thread.sleep(10_000);
                        System.err.printf(
                                Locale.ROOT, "duckdb: loading, %.0f s so far%n", (System.nanoTime() - started) / 1e9);
                    }
                } catch (InterruptedException e) {
                    // the load is over
                }
            });
            statement.execute("INSERT INTO hits SELECT * FROM read_csv('" + tsv.toAbsolutePath()
                    + "', delim='\\t', header=false, quote='', escape='', nullstr='\\N', auto_detect=false,"
                    + " columns=" + columnsOf(statement) + ")");
            statement.execute("CHECKPOINT");
            heartbeat.interrupt();
            System.out.printf(Locale.ROOT, "load_seconds\t%.2f%n", (System.nanoTime() - started) / 1e9);
        }
    }

    /** The {@code columns={...}} argument of read_csv, from the table just created. */
    private static String columnsOf(Statement statement) throws SQLException {
        StringBuilder columns = new StringBuilder("{");
        try (ResultSet rows = statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = 'hits' ORDER BY ordinal_position")) {
            while (rows.next()) {
                if (columns.length() > 1) {
                    columns.append(", ");
                }
                columns.append('\'')
                        .append(rows.getString(1))
                        .append("': '")
                        .append(rows.getString(2))
                        .append('\'');
            }
        }
        return columns.append('}').toString();
    }

    private static void serve(Path database, int port) throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            // DuckDB takes 80% of the RAM by default; Columba's and ClickHouse's servers stay up beside it.
            statement.execute("SET memory_limit = '" + System.getProperty("duckdb.memory", "8GB") + "'");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        // One query at a time on the one connection, like the other two systems are driven.
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(connection, exchange);
            }
        });
        server.start();
        System.err.println("duckdb: serving " + database + " on http://127.0.0.1:" + port + "/");
    }

    private static synchronized void answer(Connection connection, HttpExchange exchange) throws IOException {
        String sql = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = 200;
        String body;
        try (Statement statement = connection.createStatement()) {
            body = execute(statement, sql);
        } catch (SQLException e) {
            status = 500;
            body = String.valueOf(e.getMessage());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/tab-separated-values; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String execute(Statement statement, String sql) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData meta = resultSet.getMetaData();
            int columns = meta.getColumnCount();
            while (resultSet.next()) {
                for (int column = 1; column <= columns; column++) {
                    if (column > 1) {
                        rows.append('\t');
                    }
                    Object value = resultSet.getObject(column);
                    rows.append(value == null ? "\\N" : escape(value.toString()));
                }
                rows.append('\n');
            }
        }
        return rows.toString();
    }

    /** TabSeparated escaping, as ClickHouse writes string values. */
    private static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }
}
