package cn.egov.projects.persistence;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

import java.util.ArrayList;
import java.util.List;

/**
 * A MyBatis plugin that records the statements each thread runs (their mapper method names), so that a test can
 * see what a load or a save cost in round trips. Recording is per thread and starts with {@link #start}.
 */
@Intercepts({
        @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class})})
public final class StatementCounter implements Interceptor {

    private final ThreadLocal<List<String>> recorded = new ThreadLocal<>();

    /** Starts recording on this thread, forgetting what was recorded before. */
    public void start() {
        recorded.set(new ArrayList<>());
    }

    /** What this thread ran since {@link #start}: the statements' short names, e.g. {@code insertDeadlines}. */
    public List<String> statements() {
        List<String> list = recorded.get();
        return list == null ? List.of() : List.copyOf(list);
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        List<String> list = recorded.get();
        if (list != null) {
            String id = ((MappedStatement) invocation.getArgs()[0]).getId();
            list.add(id.substring(id.lastIndexOf('.') + 1));
        }
        return invocation.proceed();
    }
}
