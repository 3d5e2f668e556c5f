package cn.egov.projects.application.port.out;

import java.util.function.Supplier;

/**
 * One transaction per use case: the state change, its audit record and the deadlines and reminders it creates
 * commit together, or — when {@code work} throws — not at all.
 */
public interface TransactionPort {

    <T> T inTransaction(Supplier<T> work);
}
