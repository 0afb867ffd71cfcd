import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DuckDB side of {@code scripts/bench-clickbench.sh}, run as a single-file program with the DuckDB JDBC jar on
 * the class path:
 *
 * <pre>
 * java -cp duckdb_jdbc.jar DuckDbPeer.java DB_FILE CREATE_SQL HITS_TSV QUERIES_SQL RUNS OUT_DIR
 * </pre>
 *
 * Loads {@code HITS_TSV} into {@code DB_FILE} once (kept between runs), then runs every query of {@code QUERIES_SQL}
 * once cold and {@code RUNS} times hot. Writes {@code OUT_DIR/times.tsv} (query, load or hot seconds) and one
 * {@code OUT_DIR/qN.tsv} per query with its rows as tab-separated text.
 */
public final class DuckDbPeer {
    private DuckDbPeer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: DuckDbPeer DB_FILE CREATE_SQL HITS_TSV QUERIES_SQL RUNS OUT_DIR");
            System.exit(2);
        }
        Path database = Path.of(args[0]);
        Path create = Path.of(args[1]);
        Path tsv = Path.of(args[2]);
        Path queries = Path.of(args[3]);
        int runs = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        Files.createDirectories(out);
        List<String> times = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            double load = loadIfEmpty(statement, create, tsv);
            if (load >= 0) {
                times.add("load\t" + format(load));
            }
            List<String> lines = Files.readAllLines(queries).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
            for (int i = 0; i < lines.size(); i++) {
                String sql = lines.get(i).replaceAll(";$", "");
                times.add("Q" + i + "\t" + format(runQuery(statement, sql, runs, out.resolve("q" + i + ".tsv"))));
                System.err.printf("duckdb: Q%d of %d done%n", i, lines.size() - 1);
            }
        }
        Files.write(out.resolve("times.tsv"), times);
    }

    private static double loadIfEmpty(Statement statement, Path create, Path tsv) throws Exception {
        try (ResultSet tables = statement.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'hits'")) {
            tables.next();
            if (tables.getLong(1) > 0) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM hits")) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        return -1;
                    }
                }
                statement.execute("DROP TABLE hits");
            }
        }
        statement.execute(Files.readString(create));
        System.err.println("duckdb: loading " + tsv);
        long started = System.nanoTime();
        statement.execute("INSERT INTO hits SELECT * FROM read_csv('" + tsv.toAbsolutePath()
                + "', delim='\\t', header=false, quote='', escape='', nullstr='\\N', auto_detect=false,"
                + " columns=" + columnsOf(statement) + ")");
        return (System.nanoTime() - started) / 1e9;
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

    /** Runs {@code sql} once to warm up and {@code runs} more times; returns the fastest hot run in seconds. */
    private static double runQuery(Statement statement, String sql, int runs, Path result) throws Exception {
        List<String> rows = execute(statement, sql);
        Files.write(result, rows);
        double best = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            execute(statement, sql);
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }
        return best;
    }

    private static List<String> execute(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData meta = resultSet.getMetaData();
            int columns = meta.getColumnCount();
            while (resultSet.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    if (column > 1) {
                        row.append('\t');
                    }
                    Object value = resultSet.getObject(column);
                    row.append(value == null ? "\\N" : value.toString());
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.4f", seconds);
    }
}
