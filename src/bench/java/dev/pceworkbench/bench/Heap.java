package dev.pceworkbench.bench;

/** Heap figures shared by the probes. */
final class Heap {
    private Heap() {
    }

    /** The used heap after three collections a little apart: what the live objects retain. */
    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
