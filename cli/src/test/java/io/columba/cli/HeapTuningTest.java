package io.columba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapTuningTest {
    @Test
    void theServerKeepsTheHeapItCommittedUnlessTheCommandLineSaysOtherwise() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        boolean defaulted =
                hotspot.getVMOption("MaxHeapFreeRatio").getOrigin() == com.sun.management.VMOption.Origin.DEFAULT;
        assertThat(HeapTuning.keepCommittedHeap()).isEqualTo(defaulted);
        if (defaulted) {
            assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("100");
        }
        assertThat(HeapTuning.keepCommittedHeap())
                .as("set once, then left as it is")
                .isFalse();
    }
}
