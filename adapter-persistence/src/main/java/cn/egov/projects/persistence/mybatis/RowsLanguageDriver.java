package cn.egov.projects.persistence.mybatis;

import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.builder.SqlSourceBuilder;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.reflection.Reflector;
import org.apache.ibatis.reflection.invoker.Invoker;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The XML language for a multi-row insert written as text, one {@code <foreach collection item separator>} over a
 * list of rows, and text again, with {@code #{item.property}} parameters only inside the {@code <foreach>}:
 *
 * <pre>{@code INSERT INTO t (a, b) VALUES <foreach collection="rows" item="r" separator=",">(#{r.a}, #{r.b})</foreach>}</pre>
 *
 * <p>It binds the same SQL and values as MyBatis's own {@code <foreach>}, without its cost on every call (an OGNL
 * evaluation, a regular expression per parameter of every row, and a parse of the whole generated text): the row's
 * text is parsed once per row class, the statement's text and parameter mappings are kept per number of rows, and
 * each value is read with the row class's getter.
 */
public final class RowsLanguageDriver extends XMLLanguageDriver {

    /** Statements of more rows than this are put together each time (the lists of a project are short). */
    private static final int MAX_CACHED_ROWS = 64;

    @Override
    public SqlSource createSqlSource(Configuration configuration, XNode script, Class<?> parameterType) {
        StringBuilder prefix = new StringBuilder();
        StringBuilder suffix = new StringBuilder();
        Node loop = null;
        NodeList children = script.getNode().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                (loop == null ? prefix : suffix).append(child.getNodeValue());
            } else if (child.getNodeType() == Node.ELEMENT_NODE && "foreach".equals(child.getNodeName())
                    && loop == null) {
                loop = child;
            } else if (child.getNodeType() != Node.COMMENT_NODE) {
                throw invalid(script, "unexpected <" + child.getNodeName() + ">");
            }
        }
        if (loop == null) {
            throw invalid(script, "no <foreach>");
        }
        XNode each = script.newXNode(loop);
        String collection = each.getStringAttribute("collection");
        String item = each.getStringAttribute("item");
        String separator = each.getStringAttribute("separator", "");
        if (collection == null || item == null || each.getStringAttribute("open") != null
                || each.getStringAttribute("close") != null || each.getStringAttribute("index") != null) {
            throw invalid(script, "<foreach> needs collection and item, and takes no open, close or index");
        }
        String row = each.getStringBody("");
        if (prefix.indexOf("#{") >= 0 || suffix.indexOf("#{") >= 0 || prefix.indexOf("${") >= 0
                || suffix.indexOf("${") >= 0 || row.contains("${") || each.getChildren().size() > 0) {
            throw invalid(script, "parameters only as #{" + item + ".property} inside the <foreach>");
        }
        return new Rows(configuration, prefix.toString(), collection, row.replace("#{" + item + ".", "#{"),
                separator, suffix.toString());
    }

    private static BuilderException invalid(XNode script, String why) {
        return new BuilderException(RowsLanguageDriver.class.getSimpleName() + ": " + why + " in "
                + script.getStringAttribute("id"));
    }

    /** A row's text parsed for one row class: its SQL, its parameters and their getters. */
    private record Template(String sql, List<ParameterMapping> mappings, Invoker[] getters) {
    }

    /** The statement for a number of rows: its SQL and parameter mappings, with the name of each row's values. */
    private record Shape(String sql, List<ParameterMapping> mappings, String[][] names) {
    }

    private static final class Rows implements SqlSource {
        private final Configuration configuration;
        private final String prefix;
        private final String collection;
        private final String row;
        private final String separator;
        private final String suffix;
        private final Map<Class<?>, Template> templates = new ConcurrentHashMap<>();
        private final Map<Class<?>, Map<Integer, Shape>> shapes = new ConcurrentHashMap<>();

        Rows(Configuration configuration, String prefix, String collection, String row, String separator,
             String suffix) {
            this.configuration = configuration;
            this.prefix = prefix;
            this.collection = collection;
            this.row = row;
            this.separator = separator;
            this.suffix = suffix;
        }

        @Override
        public BoundSql getBoundSql(Object parameterObject) {
            if (!(parameterObject instanceof Map<?, ?> params) || !(params.get(collection) instanceof List<?> rows)
                    || rows.isEmpty()) {
                throw new IllegalArgumentException("a statement in " + RowsLanguageDriver.class.getSimpleName()
                        + " needs a non-empty list parameter '" + collection + "'");
            }
            Class<?> rowClass = rows.get(0).getClass();
            Template template = templates.computeIfAbsent(rowClass, this::parse);
            int count = rows.size();
            Shape shape = count <= MAX_CACHED_ROWS
                    ? shapes.computeIfAbsent(rowClass, c -> new ConcurrentHashMap<>())
                            .computeIfAbsent(count, n -> shape(template, n))
                    : shape(template, count);
            BoundSql bound = new BoundSql(configuration, shape.sql(), shape.mappings(), parameterObject);
            Invoker[] getters = template.getters();
            for (int i = 0; i < count; i++) {
                Object value = rows.get(i);
                if (value == null || value.getClass() != rowClass) {
                    throw new IllegalArgumentException("rows of one class only, none null: " + rows);
                }
                String[] names = shape.names()[i];
                for (int j = 0; j < getters.length; j++) {
                    bound.setAdditionalParameter(names[j], get(getters[j], value));
                }
            }
            return bound;
        }

        private Template parse(Class<?> rowClass) {
            BoundSql parsed = new SqlSourceBuilder(configuration).parse(row, rowClass, new HashMap<>())
                    .getBoundSql(null);
            Reflector reflector = configuration.getReflectorFactory().findForClass(rowClass);
            List<ParameterMapping> mappings = parsed.getParameterMappings();
            Invoker[] getters = new Invoker[mappings.size()];
            for (int j = 0; j < getters.length; j++) {
                getters[j] = reflector.getGetInvoker(mappings.get(j).getProperty());
            }
            return new Template(parsed.getSql(), List.copyOf(mappings), getters);
        }

        private Shape shape(Template template, int count) {
            StringBuilder sql = new StringBuilder(prefix.length() + suffix.length()
                    + count * (template.sql().length() + separator.length()));
            List<ParameterMapping> mappings = new ArrayList<>(count * template.mappings().size());
            String[][] names = new String[count][template.mappings().size()];
            sql.append(prefix);
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    sql.append(separator);
                }
                sql.append(template.sql());
                for (int j = 0; j < template.mappings().size(); j++) {
                    ParameterMapping m = template.mappings().get(j);
                    names[i][j] = "__row" + i + "_" + j;
                    mappings.add(new ParameterMapping.Builder(configuration, names[i][j], m.getTypeHandler())
                            .javaType(m.getJavaType()).jdbcType(m.getJdbcType()).build());
                }
            }
            sql.append(suffix);
            return new Shape(sql.toString(), List.copyOf(mappings), names);
        }

        private static Object get(Invoker getter, Object row) {
            try {
                return getter.invoke(row, null);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read a value of " + row.getClass().getSimpleName(), e);
            }
        }
    }
}
