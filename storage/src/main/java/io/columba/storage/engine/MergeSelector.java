package io.columba.storage.engine;

import io.columba.storage.part.DataPart;
import io.columba.storage.part.PartName;
import java.util.List;

/** Which parts a background merge joins, and the name of the part it makes. */
final class MergeSelector {
    static final int MAX_PARTS_TO_MERGE_AT_ONCE = MergeTreeTable.PARTS_BEFORE_MERGE;
    /** A run of parts is merged only when its rows are at least this many times its largest part's. */
    static final long MERGE_BASE = 2;

    private MergeSelector() {}

    /**
     * The run of adjacent parts to merge: like ClickHouse's size-tiered selector, a run is worth merging only when
     * no part dominates it (its rows are at least {@link #MERGE_BASE} times its largest part's), so a large part is
     * not rewritten for every few small ones; among those, the run that rewrites the fewest rows per part it removes.
     * When none qualifies, the
     * two adjacent parts with the fewest rows.
     */
    static List<DataPart> smallestRun(List<DataPart> partition) {
        int bestStart = -1;
        int bestLength = 0;
        double bestCost = Double.MAX_VALUE;
        for (int start = 0; start < partition.size(); start++) {
            long rows = 0;
            long largest = 0;
            for (int end = start; end < Math.min(partition.size(), start + MAX_PARTS_TO_MERGE_AT_ONCE); end++) {
                long partRows = Math.max(1, partition.get(end).rowCount());
                rows += partRows;
                largest = Math.max(largest, partRows);
                int length = end - start + 1;
                double cost = rows / (double) (length - 1);
                if (length >= 2 && rows >= MERGE_BASE * largest && cost < bestCost) {
                    bestStart = start;
                    bestLength = length;
                    bestCost = cost;
                }
            }
        }
        if (bestStart < 0) {
            long bestRows = Long.MAX_VALUE;
            for (int start = 0; start + 1 < partition.size(); start++) {
                long rows = partition.get(start).rowCount()
                        + partition.get(start + 1).rowCount();
                if (rows < bestRows) {
                    bestStart = start;
                    bestLength = 2;
                    bestRows = rows;
                }
            }
        }
        return partition.subList(bestStart, bestStart + bestLength);
    }

    /** {@code P_min_max_level+1} over adjacent parts of one partition. */
    static PartName mergedName(List<DataPart> sources) {
        PartName first = sources.get(0).name();
        PartName last = sources.get(sources.size() - 1).name();
        int level = 0;
        for (DataPart source : sources) {
            level = Math.max(level, source.name().level());
        }
        return new PartName(first.partitionId(), first.minBlock(), last.maxBlock(), level + 1);
    }
}
