package io.columba.server.tinybird;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.InputFormat;
import io.columba.ingest.events.DatasourceAppender;
import io.columba.ingest.events.IngestResult;
import io.columba.ingest.json.IngestSchema;
import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.Workspace;
import io.columba.workspace.datafile.CreateTableWriter;
import io.columba.workspace.datafile.DatasourceDefinition;
import io.columba.workspace.job.Job;
import io.columba.workspace.service.DatasourceOperation;
import io.columba.workspace.service.ServiceDataSources;
import io.columba.workspace.token.Token;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /v0/datasources?name=<ds>&mode=append|replace}: CSV (header optional: a first line naming columns
 * maps them by name), TSV ({@code dialect_delimiter=\t}), NDJSON (by the data source's JSONPaths) or Parquet, from
 * a multipart file or the raw body, gzip or not; the format from {@code format=}, the file name, or the first bytes
 * ({@code PAR1}, <code>{</code>); or, with {@code url=}, downloaded by a job of the Jobs API (the answer is the
 * waiting job). Each upload is a finished {@code import} job too. Rows whose values do not convert go to the data
 * source's quarantine, whatever the format. An append is all or nothing ({@link DatasourceAppender}): a malformed
 * file or a failure leaves no row of it. Replace loads a staging table first, then swaps it in (or, with
 * {@code replace_condition}, swaps only the rows matching it), so a bad file changes nothing. Each load is recorded
 * in {@code tinybird.datasources_ops_log} ({@code append}, {@code replace}, {@code partial_replace}).
 */
final class DatasourceLoader {
    private final Workspace workspace;
    private final Database database;
    private final DatasourceAppender appender;

    DatasourceLoader(Workspace workspace) {
        this.workspace = workspace;
        this.database = workspace.database();
        this.appender = new DatasourceAppender(
                workspace.database(),
                workspace.insertBuffer(),
                workspace.events(),
                workspace.ndjsonAppender(),
                workspace.inserter());
    }

    ApiResponse load(ApiRequest request, Token token, String requestId) {
        UploadedData data = UploadedData.from(request);
        Map<String, List<String>> parameters = new LinkedHashMap<>(RequestParameters.all(request));
        data.fields().forEach((field, value) -> parameters.putIfAbsent(field, List.of(value)));
        String name = RequestParameters.first(parameters, "name");
        String mode =
                Optional.ofNullable(RequestParameters.first(parameters, "mode")).orElse("create");
        if (name == null || name.isBlank()) {
            return ApiResponse.jsonError(400, "The 'name' parameter is required");
        }
        if (!mode.equals("append") && !mode.equals("replace")) {
            return ApiResponse.jsonError(
                    400,
                    "mode=" + mode + " is not supported: data sources are created from the "
                            + "project's .datasource files; use mode=append or mode=replace");
        }
        Optional<IngestSchema> schema = workspace.datasourceCatalog().schema(name);
        if (schema.isEmpty()) {
            return ApiResponse.jsonError(404, "Data Source '" + name + "' not found: it must be created first");
        }
        boolean allowed = mode.equals("append") ? token.canAppendDatasource(name) : token.canManageDatasource(name);
        if (!allowed) {
            return ApiResponse.jsonError(
                    403,
                    "Not enough permissions to " + mode + " to the Data Source '" + name + "': the token needs "
                            + (mode.equals("append")
                                    ? Token.datasourceAppendScope(name)
                                    : Token.DATASOURCES_CREATE_SCOPE)
                            + " or ADMIN");
        }
        Load load =
                new Load(name, mode, schema.get(), parameters, UUID.randomUUID().toString(), requestId);
        String url = RequestParameters.first(parameters, "url");
        if (url != null) {
            return importFromUrl(request, load, url);
        }
        try (InputStream in = new BufferedInputStream(data.open(), 1 << 16)) {
            IngestResult result = run(load, in, data.baseName(), data.baseName() != null ? data.baseName() : "body");
            workspace.jobs().completed("import", load.importId(), load.description(), outcome(result));
            return ApiResponse.json(200, body(name, load.importId(), result));
        } catch (IOException e) {
            workspace.jobs().failed("import", load.importId(), load.description(), e.getMessage());
            return ApiResponse.jsonError(400, "Cannot read the data: " + e.getMessage());
        } catch (RuntimeException e) {
            workspace.jobs().failed("import", load.importId(), load.description(), e.getMessage());
            throw e;
        }
    }

    /** One load's request: the data source, mode, parameters, and the ids it is known by. */
    private record Load(
            String name,
            String mode,
            IngestSchema schema,
            Map<String, List<String>> parameters,
            String importId,
            String requestId) {
        String replaceCondition() {
            String condition = RequestParameters.first(parameters, "replace_condition");
            return mode.equals("replace") && condition != null && !condition.isBlank() ? condition : null;
        }

        Map<String, Object> description() {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("datasource", Map.of("id", ServiceDataSources.resourceId(name), "name", name));
            description.put("mode", mode);
            description.put("import_id", importId);
            return description;
        }
    }

    /**
     * {@code url=}: a job that downloads the file (http or https) into the data folder, then loads it as an
     * upload; answers the waiting job at once, as Tinybird does.
     */
    private ApiResponse importFromUrl(ApiRequest request, Load load, String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return ApiResponse.jsonError(400, "Invalid url '" + url + "': " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return ApiResponse.jsonError(400, "Invalid url '" + url + "': expected an http:// or https:// URL");
        }
        Map<String, Object> description = load.description();
        description.put("url", url);
        Job job = workspace.jobs().submit("import", load.importId(), description, running -> {
            Path file = RemoteFile.download(uri, workspace.dataDirectory().resolve("imports"));
            try (InputStream in = RemoteFile.open(file)) {
                return outcome(run(load, in, RemoteFile.baseName(uri), url));
            } finally {
                Files.deleteIfExists(file);
            }
        });
        String base = JobsApi.baseUrl(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.put("job_id", job.id());
        body.put("job_url", base + JobsApi.PREFIX + "/" + job.id());
        body.put("job", job.toJson(base));
        body.put("status", job.status().apiName());
        body.put("import_id", load.importId());
        body.put("datasource", description.get("datasource"));
        return ApiResponse.json(200, body);
    }

    /** Loads {@code in} as {@code load} says, recorded in the operations log as coming from {@code source}. */
    private IngestResult run(Load load, InputStream in, String baseName, String source) throws IOException {
        String condition = load.replaceCondition();
        DatasourceOperation operation = DatasourceOperation.start(
                        condition != null ? "partial_replace" : load.mode(), load.name())
                .requestId(load.requestId())
                .jobId(load.importId())
                .option("source", source)
                .option("mode", load.mode())
                .option("replace_condition", condition);
        try {
            InputFormat format = format(load.parameters(), baseName, in);
            operation.option("format", format.name().toLowerCase(java.util.Locale.ROOT));
            IngestResult result = load.mode().equals("append")
                    ? append(load.schema(), load.schema().table(), in, format, load.importId())
                    : replace(load.schema(), in, format, load.importId(), condition);
            operation.rows(result.successfulRows(), result.quarantinedRows());
            return result;
        } catch (IOException | RuntimeException e) {
            operation.failed(e.getMessage());
            throw e;
        } finally {
            workspace.services().operations().record(operation);
        }
    }

    private static Map<String, Object> outcome(IngestResult result) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("statistics", Map.of("row_count", result.successfulRows()));
        outcome.put("successful_rows", result.successfulRows());
        outcome.put("quarantined_rows", result.quarantinedRows());
        outcome.put("quarantine_rows", result.quarantinedRows());
        outcome.put("invalid_lines", 0);
        return outcome;
    }

    private IngestResult append(IngestSchema schema, String target, InputStream in, InputFormat format, String importId)
            throws IOException {
        List<String> columns =
                format == InputFormat.CSV || format == InputFormat.TSV ? header(in, schema, format) : List.of();
        return appender.append(schema, target, columns, in, format, importId);
    }

    private IngestResult replace(
            IngestSchema schema, InputStream in, InputFormat format, String importId, String condition)
            throws IOException {
        String table = schema.table();
        DatasourceDefinition definition = workspace
                .definition(table)
                .orElseThrow(() -> new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "Replacing needs the data source's .datasource file in the project; " + table + " has none"));
        String staging = table + "__replace_" + UUID.randomUUID().toString().replace("-", "");
        database.execute(
                CreateTableWriter.createTable(
                        new DatasourceDefinition(staging, null, definition.columns(), definition.engine(), List.of())),
                QuerySettings.DEFAULTS);
        try {
            IngestResult loaded = append(schema, staging, in, format, importId);
            if (loaded.quarantinedRows() > 0) {
                // Swapping in a file with rows missing would silently drop data: the replace is not applied.
                throw new ColumbaException(
                        ErrorCode.INCORRECT_DATA,
                        loaded.quarantinedRows() + " rows of the file could not be converted (see " + schema.table()
                                + "_quarantine); the replace was not applied");
            }
            workspace.insertBuffer().exclusively(table, () -> {
                swap(table, staging, condition);
                return null;
            });
            return loaded;
        } finally {
            database.execute("DROP TABLE IF EXISTS " + DatasourcesApi.quote(staging), QuerySettings.DEFAULTS);
        }
    }

    private void swap(String table, String staging, String condition) {
        String target = DatasourcesApi.quote(table);
        String source = DatasourcesApi.quote(staging);
        if (condition == null || condition.isBlank()) {
            database.execute("EXCHANGE TABLES " + target + " AND " + source, QuerySettings.DEFAULTS);
            return;
        }
        String where = " WHERE (" + condition + ")";
        database.execute("SELECT count() FROM " + target + where, QuerySettings.forReading());
        database.execute("ALTER TABLE " + target + " DELETE" + where, QuerySettings.DEFAULTS);
        database.execute("INSERT INTO " + target + " SELECT * FROM " + source + where, QuerySettings.DEFAULTS);
    }

    /** Reads a CSV or TSV header line if the first line names only columns of the data source, else leaves it. */
    private static List<String> header(InputStream in, IngestSchema schema, InputFormat format) throws IOException {
        in.mark(1 << 16);
        byte[] start = in.readNBytes(1 << 16);
        in.reset();
        String text = new String(start, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        if (end < 0) {
            return List.of();
        }
        String line = text.substring(0, end).replace("\r", "");
        List<String> names = new ArrayList<>();
        for (String field : line.split(format == InputFormat.TSV ? "\t" : ",", -1)) {
            String name = field.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            if (!schema.columnNames().contains(name)) {
                return List.of();
            }
            names.add(name);
        }
        in.skipNBytes(line.length() + (text.charAt(end - 1) == '\r' ? 1 : 0) + 1);
        return names;
    }

    private static InputFormat format(Map<String, List<String>> parameters, String baseName, InputStream in)
            throws IOException {
        String given = RequestParameters.first(parameters, "format");
        String delimiter = RequestParameters.first(parameters, "dialect_delimiter");
        if (given == null && baseName != null) {
            String base = baseName;
            given = base.endsWith(".csv")
                    ? "csv"
                    : base.endsWith(".ndjson") || base.endsWith(".jsonl") || base.endsWith(".json")
                            ? "ndjson"
                            : base.endsWith(".parquet") ? "parquet" : null;
        }
        if (given == null) {
            in.mark(1024);
            byte[] first = in.readNBytes(1024);
            in.reset();
            String start = new String(first, StandardCharsets.UTF_8).stripLeading();
            given = start.startsWith("PAR1") ? "parquet" : start.startsWith("{") ? "ndjson" : "csv";
        }
        return switch (given.toLowerCase(java.util.Locale.ROOT)) {
            case "ndjson", "jsonl", "json" -> InputFormat.NDJSON;
            case "csv" -> delimiter == null || delimiter.equals(",") ? InputFormat.CSV : tsv(delimiter);
            case "tsv" -> InputFormat.TSV;
            case "parquet" -> InputFormat.PARQUET;
            default ->
                throw new ColumbaException(
                        ErrorCode.UNKNOWN_FORMAT,
                        "The format '" + given + "' is not supported: expected csv, ndjson or parquet");
        };
    }

    private static InputFormat tsv(String delimiter) {
        if (delimiter.equals("\t") || delimiter.equals("\\t")) {
            return InputFormat.TSV;
        }
        throw new ColumbaException(
                ErrorCode.BAD_ARGUMENTS,
                "dialect_delimiter='" + delimiter + "' is not supported: expected ',' or a tab");
    }

    private static Map<String, Object> body(String name, String importId, IngestResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", importId);
        body.put("job_id", importId);
        body.put("import_id", importId);
        body.put("status", "done");
        body.put("successful_rows", result.successfulRows());
        body.put("quarantined_rows", result.quarantinedRows());
        body.put("quarantine_rows", result.quarantinedRows());
        body.put("invalid_lines", 0);
        body.put("datasource", Map.of("name", name));
        body.put("error", false);
        return body;
    }
}
