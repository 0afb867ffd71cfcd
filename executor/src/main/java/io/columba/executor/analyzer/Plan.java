package io.columba.executor.analyzer;

import io.columba.executor.operator.LimitOperator;
import io.columba.executor.operator.Operator;
import io.columba.storage.type.DataType;
import java.util.List;

/** A planned query: the root operator and its output columns; {@code limit} is the LIMIT operator or null. */
public record Plan(Operator root, List<String> names, List<DataType> types, LimitOperator limit) {}
