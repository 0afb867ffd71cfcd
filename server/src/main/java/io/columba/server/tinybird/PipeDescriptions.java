package io.columba.server.tinybird;

import io.columba.workspace.datafile.NodeType;
import io.columba.workspace.datafile.PipeDefinition;
import io.columba.workspace.datafile.PipeNode;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.template.TemplateParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON descriptions of pipes that {@code GET /v0/pipes} and {@code GET /v0/pipes/<name>} answer: name,
 * description, type, endpoint node, copy and materialization targets, and the nodes with their SQL and
 * parameters ({@code {name, type, default, required, description}} plus {@code example}, {@code format},
 * {@code enum} and {@code used_in} when known).
 */
final class PipeDescriptions {
    private PipeDescriptions() {}

    static Map<String, Object> describe(Pipe pipe) {
        PipeDefinition definition = pipe.definition();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", definition.name());
        body.put("name", definition.name());
        body.put("description", definition.description());
        body.put("type", definition.type());
        PipeNode endpoint = definition.endpointNode();
        body.put("endpoint", endpoint == null ? null : endpoint.name());
        body.put("url", endpoint == null ? null : "/v0/pipes/" + definition.name() + ".json");
        body.put("tags", definition.tags());
        PipeNode typed = definition.typedNode();
        body.put("copy_target_datasource", setting(typed, NodeType.COPY, "TARGET_DATASOURCE"));
        body.put("copy_schedule", setting(typed, NodeType.COPY, "COPY_SCHEDULE"));
        body.put("copy_mode", setting(typed, NodeType.COPY, "COPY_MODE"));
        body.put("materialized_datasource", setting(typed, NodeType.MATERIALIZED, "DATASOURCE"));
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (PipeNode node : definition.nodes()) {
            nodes.add(node(pipe, node));
        }
        body.put("nodes", nodes);
        body.put("params", parameters(pipe.parameters()));
        return body;
    }

    private static String setting(PipeNode node, NodeType type, String directive) {
        return node == null || node.type() != type ? null : node.setting(directive);
    }

    private static Map<String, Object> node(Pipe pipe, PipeNode node) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", node.name());
        body.put("name", node.name());
        body.put("sql", node.sql());
        body.put("description", node.description());
        body.put("node_type", node.type().apiName());
        body.put("materialized", node.type() == NodeType.MATERIALIZED ? node.setting("DATASOURCE") : null);
        body.put("params", parameters(pipe.parameters(node)));
        return body;
    }

    static List<Map<String, Object>> parameters(List<TemplateParameter> parameters) {
        List<Map<String, Object>> described = new ArrayList<>();
        for (TemplateParameter parameter : parameters) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", parameter.name());
            body.put("type", parameter.type());
            body.put("default", parameter.defaultValue());
            body.put("required", parameter.required());
            body.put("description", parameter.description());
            if (parameter.example() != null) {
                body.put("example", parameter.example());
            }
            if (parameter.format() != null) {
                body.put("format", parameter.format());
            }
            if (!parameter.enumValues().isEmpty()) {
                body.put("enum", parameter.enumValues());
            }
            if (parameter.usedInFunctionCall()) {
                body.put("used_in", "function_call");
            }
            described.add(body);
        }
        return described;
    }

    /** {@code description} reduced to the attributes named in {@code attrs} ({@code name,endpoint}); all when null. */
    static Map<String, Object> select(Map<String, Object> description, String attributes) {
        if (attributes == null || attributes.isBlank()) {
            return description;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String attribute : attributes.split(",")) {
            String name = attribute.strip();
            if (description.containsKey(name)) {
                selected.put(name, description.get(name));
            }
        }
        return selected;
    }
}
