package cn.egov.projects.benchmarks;

/** One side of the comparison: runs whole lifecycles, each on a new project, on any thread. */
interface Engine extends AutoCloseable {

    String name();

    /** One project from its draft to its final accounts ({@link Days#STEPS} calls). */
    void lifecycle();

    @Override
    void close();
}
