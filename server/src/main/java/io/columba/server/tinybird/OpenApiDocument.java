package io.columba.server.tinybird;

import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.template.TemplateParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 document of {@code GET /v0/pipes/openapi.json}: one path {@code /<pipe>.{format}} per endpoint
 * pipe the token may read (the server URL ends in {@code /v0/pipes}, as Tinybird's does), with the output format
 * as a path parameter, {@code q} and the pipe's template parameters as query parameters. Each template parameter
 * keeps its description, whether it is required, and in its schema its type, default, example and enum values:
 * {@code Int8..UInt256} are integers (with format {@code int32}/{@code int64} where they fit), {@code Float32/64}
 * numbers, {@code Boolean} booleans, {@code Date} strings of format {@code date}, {@code DateTime[64]} strings of
 * format {@code date-time} (sent as {@code YYYY-MM-DD HH:MM:SS}), and {@code Array(T)} arrays of T sent
 * comma-separated. Tokens go as {@code ?token=} or a Bearer header.
 */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static Map<String, Object> of(List<Pipe> endpoints, String serverUrl) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.0");
        document.put(
                "info",
                ordered(
                        "title",
                        "API endpoints",
                        "description",
                        "The workspace's published pipes, each answering in JSON, NDJSON or CSV.",
                        "version",
                        "1.0.0"));
        document.put("servers", List.of(Map.of("url", serverUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Pipe pipe : endpoints) {
            paths.put("/" + pipe.name() + ".{format}", Map.of("get", operation(pipe)));
        }
        document.put("paths", paths);
        document.put("components", components());
        document.put("security", List.of(Map.of("TokenQuery", List.of()), Map.of("BearerAuth", List.of())));
        return document;
    }

    private static Map<String, Object> operation(Pipe pipe) {
        String description = pipe.definition().description();
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", description == null ? pipe.name() : firstLine(description));
        if (description != null) {
            operation.put("description", description);
        }
        operation.put("operationId", pipe.name());
        operation.put(
                "tags",
                pipe.definition().tags().isEmpty()
                        ? List.of("endpoints")
                        : pipe.definition().tags());
        List<Object> parameters = new ArrayList<>();
        parameters.add(formatParameter());
        parameters.add(ordered(
                "in",
                "query",
                "name",
                "q",
                "required",
                false,
                "description",
                "SQL to run over the endpoint's result, read as the table _ (e.g. SELECT count() FROM _)",
                "schema",
                Map.of("type", "string")));
        for (TemplateParameter parameter : pipe.parameters()) {
            parameters.add(parameter(parameter));
        }
        operation.put("parameters", parameters);
        operation.put("responses", responses());
        return operation;
    }

    private static Map<String, Object> formatParameter() {
        List<String> extensions = new ArrayList<>();
        for (PipeFormat format : PipeFormat.values()) {
            extensions.add(format.extension());
        }
        return ordered(
                "in",
                "path",
                "name",
                "format",
                "required",
                true,
                "description",
                "Response format: " + String.join(", ", extensions),
                "schema",
                ordered("type", "string", "enum", extensions, "default", "json"));
    }

    private static Map<String, Object> parameter(TemplateParameter parameter) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("in", "query");
        described.put("name", parameter.name());
        described.put("required", parameter.required());
        if (parameter.description() != null) {
            described.put("description", parameter.description());
        }
        Map<String, Object> schema = schema(parameter.type());
        if (parameter.defaultValue() != null) {
            schema.put("default", parameter.defaultValue());
        }
        if (parameter.example() != null) {
            schema.put("example", parameter.example());
        }
        if (!parameter.enumValues().isEmpty()) {
            schema.put("enum", parameter.enumValues());
        }
        described.put("schema", schema);
        if (parameter.type().startsWith("Array(")) {
            described.put("style", "form");
            described.put("explode", false);
        }
        return described;
    }

    /** The JSON Schema of a template type: {@code Int32}, {@code DateTime}, {@code Array(String)}... */
    static Map<String, Object> schema(String type) {
        if (type.startsWith("Array(") && type.endsWith(")")) {
            return ordered("type", "array", "items", schema(type.substring("Array(".length(), type.length() - 1)));
        }
        return switch (type) {
            case "Int8", "Int16", "Int32", "UInt8", "UInt16" -> ordered("type", "integer", "format", "int32");
            case "Int64", "UInt32" -> ordered("type", "integer", "format", "int64");
            case "UInt64", "Int128", "Int256", "UInt128", "UInt256" -> ordered("type", "integer");
            case "Float32" -> ordered("type", "number", "format", "float");
            case "Float64" -> ordered("type", "number", "format", "double");
            case "Boolean", "bool" -> ordered("type", "boolean");
            case "Date" -> ordered("type", "string", "format", "date");
            case "DateTime", "DateTime64" -> ordered("type", "string", "format", "date-time");
            default -> ordered("type", "string");
        };
    }

    private static Map<String, Object> responses() {
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Result")));
        content.put("application/x-ndjson", Map.of("schema", Map.of("type", "string")));
        content.put("text/csv", Map.of("schema", Map.of("type", "string")));
        responses.put("200", ordered("description", "The endpoint's result", "content", content));
        Map<String, Object> errors = ordered(
                "400", "Bad parameter values, or a query error",
                "403", "The token cannot read this pipe",
                "404", "No such endpoint");
        for (Map.Entry<String, Object> error : errors.entrySet()) {
            responses.put(
                    error.getKey(),
                    ordered(
                            "description",
                            error.getValue(),
                            "content",
                            Map.of(
                                    "application/json",
                                    Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))));
        }
        return responses;
    }

    private static Map<String, Object> components() {
        Map<String, Object> result = ordered(
                "type",
                "object",
                "properties",
                ordered(
                        "meta",
                        ordered(
                                "type",
                                "array",
                                "items",
                                ordered(
                                        "type",
                                        "object",
                                        "properties",
                                        ordered("name", Map.of("type", "string"), "type", Map.of("type", "string")))),
                        "data",
                        ordered("type", "array", "items", Map.of("type", "object")),
                        "rows",
                        Map.of("type", "integer"),
                        "rows_before_limit_at_least",
                        Map.of("type", "integer"),
                        "statistics",
                        ordered(
                                "type",
                                "object",
                                "properties",
                                ordered(
                                        "elapsed",
                                        Map.of("type", "number"),
                                        "rows_read",
                                        Map.of("type", "integer"),
                                        "bytes_read",
                                        Map.of("type", "integer")))));
        Map<String, Object> error = ordered("type", "object", "properties", ordered("error", Map.of("type", "string")));
        return ordered(
                "schemas",
                ordered("Result", result, "Error", error),
                "securitySchemes",
                ordered(
                        "TokenQuery",
                        ordered("type", "apiKey", "in", "query", "name", "token"),
                        "BearerAuth",
                        ordered("type", "http", "scheme", "bearer")));
    }

    /** A map of {@code key, value, key, value...} in that order. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end).strip();
    }
}
