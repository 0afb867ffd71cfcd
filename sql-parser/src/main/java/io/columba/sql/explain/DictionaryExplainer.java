package io.columba.sql.explain;

import io.columba.sql.ast.CreateDictionaryStatement;
import io.columba.sql.ast.CreateDictionaryStatement.Attribute;
import io.columba.sql.ast.CreateDictionaryStatement.KeyValue;
import io.columba.sql.ast.CreateDictionaryStatement.KeyValueFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE DICTIONARY as ClickHouse prints it: the attributes as {@code DictionaryAttributeDeclaration}s, then a
 * {@code Dictionary definition} of the primary key, {@code FunctionWithKeyValueArguments} source, lifetime, layout,
 * range and settings, each a {@code pair} per key.
 */
final class DictionaryExplainer {
    private final ExpressionExplainer expressions;

    DictionaryExplainer(ExpressionExplainer expressions) {
        this.expressions = expressions;
    }

    ExplainNode create(CreateDictionaryStatement create) {
        List<ExplainNode> children = new ArrayList<>();
        if (create.database() != null) {
            children.add(StatementExplainer.identifier(create.database()));
        }
        children.add(StatementExplainer.identifier(create.name()));
        List<ExplainNode> attributes = new ArrayList<>();
        for (Attribute attribute : create.attributes()) {
            attributes.add(attribute(attribute));
        }
        children.add(ExplainNode.of("ExpressionList", attributes));
        children.add(definition(create));
        if (create.comment() != null) {
            children.add(ExplainNode.leaf("Literal " + LiteralDump.quoted(create.comment())));
        }
        String name = (create.database() == null ? "" : create.database() + " ") + create.name();
        return ExplainNode.of("CreateQuery " + name, children);
    }

    private ExplainNode attribute(Attribute attribute) {
        List<ExplainNode> children = new ArrayList<>();
        children.add(DataTypeExplainer.type(attribute.type()));
        if (attribute.defaultValue() != null) {
            children.add(expressions.expression(attribute.defaultValue()));
        }
        if (attribute.expression() != null) {
            children.add(expressions.expression(attribute.expression()));
        }
        return ExplainNode.of("DictionaryAttributeDeclaration " + attribute.name(), children);
    }

    private ExplainNode definition(CreateDictionaryStatement create) {
        List<ExplainNode> children = new ArrayList<>();
        if (!create.primaryKey().isEmpty()) {
            children.add(expressions.list(create.primaryKey()));
        }
        if (create.source() != null) {
            children.add(function(create.source()));
        }
        if (create.lifetime() != null) {
            children.add(ExplainNode.leaf("Dictionary lifetime"));
        }
        if (create.layout() != null) {
            children.add(
                    ExplainNode.of("Dictionary layout", pairs(create.layout().pairs())));
        }
        if (create.range() != null) {
            children.add(ExplainNode.leaf("Dictionary range"));
        }
        if (create.settings() != null) {
            children.add(ExplainNode.leaf("Dictionary settings"));
        }
        return ExplainNode.of("Dictionary definition", children);
    }

    private ExplainNode function(KeyValueFunction function) {
        return ExplainNode.of("FunctionWithKeyValueArguments  " + function.name(), pairs(function.pairs()));
    }

    private ExplainNode pairs(List<KeyValue> pairs) {
        List<ExplainNode> children = new ArrayList<>();
        for (KeyValue pair : pairs) {
            children.add(ExplainNode.of(
                    "pair", pair.value() != null ? expressions.expression(pair.value()) : pairs(pair.pairs())));
        }
        return ExplainNode.of("ExpressionList", children);
    }
}
