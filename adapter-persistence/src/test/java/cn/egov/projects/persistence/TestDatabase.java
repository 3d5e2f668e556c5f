package cn.egov.projects.persistence;

/** A database made for one test class (or one test): where it is, and how to throw it away afterwards. */
interface TestDatabase extends AutoCloseable {

    DatabaseSettings settings();

    boolean isPostgreSql();

    /** Removes the database; the {@link Database} opened on it must be closed first. */
    @Override
    void close();
}
