package io.columba.executor.system;

import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import java.util.List;

/** The rows of a system table as computed for one query: column names, their types, and the rows. */
public record SystemTable(List<String> names, List<DataType> types, List<Block> blocks) {

    public SystemTable {
        names = List.copyOf(names);
        types = List.copyOf(types);
        blocks = List.copyOf(blocks);
    }
}
