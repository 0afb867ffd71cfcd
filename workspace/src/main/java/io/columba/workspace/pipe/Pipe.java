package io.columba.workspace.pipe;

import io.columba.storage.error.ColumbaException;
import io.columba.workspace.datafile.PipeDefinition;
import io.columba.workspace.datafile.PipeNode;
import io.columba.workspace.template.Template;
import io.columba.workspace.template.TemplateException;
import io.columba.workspace.template.TemplateParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pipe ready to serve: its definition and the parsed template of each node's SQL. Immutable. */
public final class Pipe {
    private final PipeDefinition definition;
    private final Map<String, Template> templates;

    private Pipe(PipeDefinition definition, Map<String, Template> templates) {
        this.definition = definition;
        this.templates = templates;
    }

    /**
     * Parses the SQL template of every node of {@code definition}.
     *
     * @throws ColumbaException naming the pipe, the node and the line when a node's template does not parse
     */
    static Pipe of(PipeDefinition definition) {
        Map<String, Template> templates = new LinkedHashMap<>();
        for (PipeNode node : definition.nodes()) {
            try {
                templates.put(node.name(), Template.parse(node.sql()));
            } catch (TemplateException e) {
                throw new ColumbaException(
                        e.errorCode(),
                        "pipe " + definition.name() + ", node " + node.name() + " (SQL from line " + node.sqlLine()
                                + "): " + e.getMessage(),
                        e);
            }
        }
        return new Pipe(definition, templates);
    }

    public String name() {
        return definition.name();
    }

    public PipeDefinition definition() {
        return definition;
    }

    /** Whether the pipe answers on {@code /v0/pipes/<name>.<format>}: it has a {@code TYPE endpoint} node. */
    public boolean isEndpoint() {
        return definition.endpointNode() != null;
    }

    public Template template(PipeNode node) {
        return templates.get(node.name());
    }

    /** The parameters of {@code node}'s own template, in order of first use. */
    public List<TemplateParameter> parameters(PipeNode node) {
        return template(node).parameters();
    }

    /**
     * The parameters of all nodes, each name once: a typed declaration wins over an untyped use, and the first
     * typed declaration over later ones.
     */
    public List<TemplateParameter> parameters() {
        Map<String, TemplateParameter> byName = new LinkedHashMap<>();
        for (PipeNode node : definition.nodes()) {
            for (TemplateParameter parameter : parameters(node)) {
                TemplateParameter known = byName.get(parameter.name());
                if (known == null || (isUntyped(known) && !isUntyped(parameter))) {
                    byName.put(parameter.name(), parameter);
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static boolean isUntyped(TemplateParameter parameter) {
        return parameter.type().equals("String") && parameter.defaultValue() == null && !parameter.required();
    }
}
