package io.columba.sql.ast;

import java.util.List;

/**
 * One rule of a table's TTL: {@code expression [DELETE | RECOMPRESS CODEC(...) | TO DISK|VOLUME [IF EXISTS] 'name']
 * [WHERE condition] [GROUP BY keys [SET column = aggregate, ...]]}; {@code move} is {@code "DISK 'name'"}-like text
 * for a move rule, null for a delete; {@code where} null when absent; {@code recompress} the codecs of a RECOMPRESS
 * rule, {@code groupBy} and {@code set} (aliases named by the column they set) those of a roll-up rule, all empty
 * when absent.
 */
public record TtlRule(
        Expression expression,
        String move,
        Expression where,
        List<String> recompress,
        List<Expression> groupBy,
        List<Alias> set) {

    public TtlRule {
        recompress = List.copyOf(recompress);
        groupBy = List.copyOf(groupBy);
        set = List.copyOf(set);
    }

    public TtlRule(Expression expression, String move, Expression where) {
        this(expression, move, where, List.of(), List.of(), List.of());
    }
}
