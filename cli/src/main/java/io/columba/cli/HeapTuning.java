package io.columba.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * JVM settings the server wants whatever way it was launched. After a heavy query the JVM gives heap memory back to
 * the system (G1 shrinks the heap to keep at most {@code MaxHeapFreeRatio}% of it free, 70% by default); the next
 * queries then fault and zero those pages again, in the query threads: on ClickBench a light query right after a
 * heavy one ran up to 10 times slower (0.07 s became 0.6-0.85 s, mostly kernel time). A server keeps what it has
 * committed instead, as a database does its caches: {@code MaxHeapFreeRatio} is a manageable flag, set here to 100
 * unless the command line set it.
 */
final class HeapTuning {
    private HeapTuning() {}

    /** Stops the heap from shrinking; returns whether the setting was changed. */
    static boolean keepCommittedHeap() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption option = hotspot.getVMOption("MaxHeapFreeRatio");
            if (option.getOrigin() != VMOption.Origin.DEFAULT) {
                return false;
            }
            hotspot.setVMOption("MaxHeapFreeRatio", "100");
            return true;
        } catch (RuntimeException | LinkageError e) {
            // Another JVM, or the flag is not manageable there: run with its defaults.
            return false;
        }
    }
}
