package cn.egov.projects.persistence.mybatis;

import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.scripting.xmltags.DynamicContext;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The XML language for a dynamic statement whose SQL text depends on nothing but its {@code int} parameter
 * {@code parts} (a bit set): the {@code <if>}s and {@code <trim>} are evaluated once per value of {@code parts} and
 * the resulting SQL and parameter mappings kept, instead of being evaluated and parsed again on every call. The
 * statement must bind no additional parameters ({@code <bind>}, {@code <foreach>}); its other parameters are bound
 * as usual, only with {@code #{}}.
 */
public final class PartsCachedLanguageDriver extends XMLLanguageDriver {

    /** The parameter that decides the SQL text. */
    public static final String PARTS = "parts";

    /** What every dynamic statement binds: the parameter object and the database id. */
    private static final Set<String> ALWAYS_BOUND = Set.of(DynamicContext.PARAMETER_OBJECT_KEY,
            DynamicContext.DATABASE_ID_KEY);

    /** More distinct values than this are evaluated each time (the values in use are few: stages of a life). */
    private static final int MAX_CACHED = 4096;

    @Override
    public SqlSource createSqlSource(Configuration configuration, XNode script, Class<?> parameterType) {
        return new Cached(configuration, super.createSqlSource(configuration, script, parameterType));
    }

    private static final class Cached implements SqlSource {
        private final Configuration configuration;
        private final SqlSource dynamic;
        private final Map<Integer, SqlSource> byParts = new ConcurrentHashMap<>();

        Cached(Configuration configuration, SqlSource dynamic) {
            this.configuration = configuration;
            this.dynamic = dynamic;
        }

        @Override
        public BoundSql getBoundSql(Object parameterObject) {
            if (!(parameterObject instanceof Map<?, ?> params) || !(params.get(PARTS) instanceof Integer parts)) {
                throw new IllegalArgumentException("a statement in " + PartsCachedLanguageDriver.class.getSimpleName()
                        + " needs the int parameter '" + PARTS + "'");
            }
            SqlSource cached = byParts.get(parts);
            if (cached == null) {
                BoundSql boundSql = dynamic.getBoundSql(parameterObject);
                Set<String> bound = new HashSet<>(boundSql.getAdditionalParameters().keySet());
                bound.removeAll(ALWAYS_BOUND);
                if (!bound.isEmpty()) {
                    throw new IllegalStateException("a statement in " + PartsCachedLanguageDriver.class.getSimpleName()
                            + " must bind no additional parameters: " + bound);
                }
                if (byParts.size() >= MAX_CACHED) {
                    return boundSql;
                }
                cached = new StaticSqlSource(configuration, boundSql.getSql(), boundSql.getParameterMappings());
                byParts.putIfAbsent(parts, cached);
            }
            return cached.getBoundSql(parameterObject);
        }
    }
}
