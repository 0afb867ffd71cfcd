package io.columba.sql.parser;

import io.columba.sql.ast.CreateDictionaryStatement;
import io.columba.sql.ast.CreateDictionaryStatement.Attribute;
import io.columba.sql.ast.CreateDictionaryStatement.KeyValue;
import io.columba.sql.ast.CreateDictionaryStatement.KeyValueFunction;
import io.columba.sql.ast.CreateDictionaryStatement.Lifetime;
import io.columba.sql.ast.CreateDictionaryStatement.Range;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.Identifier;
import io.columba.sql.parser.ClickHouseParser.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds CREATE DICTIONARY: attributes, and the key-value clauses SOURCE, LIFETIME, LAYOUT, RANGE, SETTINGS. */
final class DictionaryBuilder extends BuilderPart {
    DictionaryBuilder(AstBuilder root) {
        super(root);
    }

    CreateDictionaryStatement createDictionary(CreateDictionaryContext create) {
        List<Attribute> attributes = new ArrayList<>();
        for (DictionaryAttributeContext attribute : create.dictionaryAttribute()) {
            attributes.add(attribute(attribute));
        }
        List<Expression> primaryKey = List.of();
        KeyValueFunction source = null;
        Lifetime lifetime = null;
        KeyValueFunction layout = null;
        Range range = null;
        Map<String, Expression> settings = null;
        for (DictionaryClauseContext clause : create.dictionaryClause()) {
            switch (clause) {
                case DictionaryPrimaryKeyContext key -> primaryKey = exprList(key.exprList());
                case DictionarySourceContext written -> source = keyValueFunction(written.keyValueFunction());
                case DictionaryLifetimeContext written -> lifetime = lifetime(written);
                case DictionaryLayoutContext written -> layout = keyValueFunction(written.keyValueFunction());
                case DictionaryRangeContext written -> range = range(written);
                case DictionarySettingsContext written -> {
                    settings = new LinkedHashMap<>();
                    for (SettingItemContext item : written.settingItem()) {
                        settings.put(settingName(item), settingValue(item));
                    }
                }
                default -> throw new IllegalStateException("unknown dictionary clause");
            }
        }
        String comment = create.STRING_LITERAL() == null ? null : unquoteString(create.STRING_LITERAL());
        return new CreateDictionaryStatement(
                create.NOT() != null,
                database(create.tableIdentifier()),
                table(create.tableIdentifier()),
                attributes,
                primaryKey,
                source,
                lifetime,
                layout,
                range,
                settings,
                comment);
    }

    private Attribute attribute(DictionaryAttributeContext attribute) {
        Expression defaultValue = null;
        Expression expression = null;
        List<String> flags = new ArrayList<>();
        List<ParseTree> children = attribute.children;
        for (int i = 2; i < children.size(); i++) {
            if (!(children.get(i) instanceof TerminalNode word)) {
                continue;
            }
            int type = word.getSymbol().getType();
            if (type == ClickHouseLexer.DEFAULT) {
                defaultValue = expr((ExprContext) children.get(++i));
            } else if (type == ClickHouseLexer.EXPRESSION) {
                expression = expr((ExprContext) children.get(++i));
            } else {
                flags.add(word.getText().toUpperCase(Locale.ROOT));
            }
        }
        return new Attribute(
                identifier(attribute.identifier()), textOf(attribute.columnType()), defaultValue, expression, flags);
    }

    private KeyValueFunction keyValueFunction(KeyValueFunctionContext function) {
        return new KeyValueFunction(
                identifier(function.identifier()).toLowerCase(Locale.ROOT), keyValuePairs(function.keyValuePairs()));
    }

    private List<KeyValue> keyValuePairs(KeyValuePairsContext pairs) {
        List<KeyValue> result = new ArrayList<>();
        if (pairs != null) {
            for (KeyValuePairContext pair : pairs.keyValuePair()) {
                String key = identifier(pair.identifier(0)).toLowerCase(Locale.ROOT);
                result.add(
                        pair.expr() != null
                                ? new KeyValue(key, expr(pair.expr()), List.of())
                                : new KeyValue(key, null, keyValuePairs(pair.keyValuePairs())));
            }
        }
        return result;
    }

    /** {@code LIFETIME(300)} is a maximum alone; {@code LIFETIME(MIN 1 MAX 10)} names both. */
    private Lifetime lifetime(DictionaryLifetimeContext lifetime) {
        if (lifetime.DECIMAL_LITERAL() != null) {
            return new Lifetime(
                    0, Long.parseLong(lifetime.DECIMAL_LITERAL().getText().replace("_", "")));
        }
        long min = 0;
        long max = 0;
        for (KeyValue pair : keyValuePairs(lifetime.keyValuePairs())) {
            long seconds =
                    pair.value() instanceof io.columba.sql.ast.Literal literal && literal.value() instanceof Long value
                            ? value
                            : -1;
            if (seconds < 0 || !pair.key().equals("min") && !pair.key().equals("max")) {
                throw syntaxError(
                        lifetime.getStart(), "expected LIFETIME(seconds) or LIFETIME(MIN seconds MAX seconds)");
            }
            if (pair.key().equals("min")) {
                min = seconds;
            } else {
                max = seconds;
            }
        }
        return new Lifetime(min, max);
    }

    private Range range(DictionaryRangeContext range) {
        String min = null;
        String max = null;
        for (KeyValue pair : keyValuePairs(range.keyValuePairs())) {
            if (!(pair.value() instanceof Identifier attribute)) {
                throw syntaxError(range.getStart(), "expected RANGE(MIN attribute MAX attribute)");
            }
            if (pair.key().equals("min")) {
                min = attribute.fullName();
            } else {
                max = attribute.fullName();
            }
        }
        if (min == null || max == null) {
            throw syntaxError(range.getStart(), "expected RANGE(MIN attribute MAX attribute)");
        }
        return new Range(min, max);
    }
}
