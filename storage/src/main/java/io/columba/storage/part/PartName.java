package io.columba.storage.part;

/**
 * A part's identity, also its folder name: {@code <partition>_<minBlock>_<maxBlock>_<level>}. An insert makes
 * {@code P_N_N_0}; a merge of blocks a..b makes {@code P_a_b_(level+1)}.
 */
public record PartName(String partitionId, long minBlock, long maxBlock, int level) {

    @Override
    public String toString() {
        return partitionId + "_" + minBlock + "_" + maxBlock + "_" + level;
    }

    /** Parses a folder name; returns null when it is not a part name. */
    public static PartName parse(String name) {
        String[] pieces = name.split("_");
        if (pieces.length < 4) {
            return null;
        }
        try {
            int n = pieces.length;
            String partition = String.join("_", java.util.Arrays.copyOf(pieces, n - 3));
            return new PartName(
                    partition,
                    Long.parseLong(pieces[n - 3]),
                    Long.parseLong(pieces[n - 2]),
                    Integer.parseInt(pieces[n - 1]));
        } catch (NumberFormatException notAPart) {
            return null;
        }
    }
}
