package cn.egov.projects.persistence.mybatis;

import org.apache.ibatis.executor.keygen.NoKeyGenerator;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.reflection.ParamNameResolver;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several writes sent to PostgreSQL as one statement text, in one round trip: the mapped statements a mapper's write
 * methods name are recorded ({@link #recorder}) with the parameters they would bind, and {@link #execute} runs their
 * SQL joined by {@code ;} as one prepared statement, whose update count is the first write's. PostgreSQL's JDBC driver
 * sends the parts together and waits once; the first failing part fails the whole, and the transaction with it.
 * Every part is bound exactly as MyBatis would bind it alone (same type handlers, same values).
 *
 * <p>Only for inserts, updates and deletes without generated keys, and only where the caller needs no update count
 * but the first. H2 does not take several statements in one prepared statement: there the writes run one by one.
 */
public final class WriteBatch {

    /** The mapped statement that runs a batch (registered by {@link #register}). */
    public static final String STATEMENT = WriteBatch.class.getName() + ".execute";

    private final Configuration configuration;
    private final List<String> statements = new ArrayList<>();
    private final StringBuilder sql = new StringBuilder();
    private final List<ParameterMapping> mappings = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();

    public WriteBatch(Configuration configuration) {
        this.configuration = configuration;
    }

    /** Adds the statement that runs batches to a configuration. */
    public static void register(Configuration configuration) {
        configuration.addMappedStatement(new MappedStatement.Builder(configuration, STATEMENT,
                parameter -> ((WriteBatch) parameter).boundSql(), SqlCommandType.UPDATE).build());
    }

    /**
     * A mapper whose write methods add their statement to this batch instead of running it; they return 0 (or
     * nothing). Its other methods are refused.
     */
    public <T> T recorder(Class<T> mapper) {
        Map<Method, ParamNameResolver> resolvers = new HashMap<>();
        Object proxy = Proxy.newProxyInstance(mapper.getClassLoader(), new Class<?>[] {mapper}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "write batch of " + mapper.getSimpleName();
                };
            }
            ParamNameResolver names = resolvers.computeIfAbsent(method, m -> new ParamNameResolver(configuration, m));
            add(mapper.getName() + "." + method.getName(), names.getNamedParams(args));
            Class<?> returns = method.getReturnType();
            return returns == int.class ? (Object) 0 : returns == long.class ? (Object) 0L : null;
        });
        return mapper.cast(proxy);
    }

    /** Adds a mapped statement with its parameter object. */
    public void add(String statementId, Object parameter) {
        MappedStatement ms = configuration.getMappedStatement(statementId);
        SqlCommandType type = ms.getSqlCommandType();
        if (type != SqlCommandType.INSERT && type != SqlCommandType.UPDATE && type != SqlCommandType.DELETE
                || !(ms.getKeyGenerator() instanceof NoKeyGenerator)) {
            throw new IllegalArgumentException(statementId + " is no plain insert, update or delete");
        }
        BoundSql bound = ms.getBoundSql(parameter);
        if (sql.length() > 0) {
            sql.append(";\n");
        }
        sql.append(bound.getSql());
        for (ParameterMapping m : bound.getParameterMappings()) {
            if (m.getMode() == ParameterMode.OUT) {
                throw new IllegalArgumentException(statementId + " has an OUT parameter");
            }
            String name = "__w" + mappings.size();
            mappings.add(new ParameterMapping.Builder(configuration, name, m.getTypeHandler())
                    .javaType(m.getJavaType()).jdbcType(m.getJdbcType()).build());
            values.put(name, valueOf(bound, parameter, m.getProperty()));
        }
        statements.add(statementId.substring(statementId.lastIndexOf('.') + 1));
    }

    /** The value MyBatis's parameter handler would bind for the property (its order of lookups). */
    private Object valueOf(BoundSql bound, Object parameter, String property) {
        if (bound.hasAdditionalParameter(property)) {
            return bound.getAdditionalParameter(property);
        }
        if (parameter == null) {
            return null;
        }
        if (configuration.getTypeHandlerRegistry().hasTypeHandler(parameter.getClass())) {
            return parameter;
        }
        return configuration.newMetaObject(parameter).getValue(property);
    }

    /** The short names of the statements added, in order (tests see what a batch wrote). */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Runs the batch in the session: one round trip. @return the update count of the first statement */
    public int execute(SqlSession session) {
        if (statements.isEmpty()) {
            throw new IllegalStateException("an empty write batch");
        }
        return session.update(STATEMENT, this);
    }

    private BoundSql boundSql() {
        BoundSql bound = new BoundSql(configuration, sql.toString(), mappings, this);
        values.forEach(bound::setAdditionalParameter);
        return bound;
    }
}
