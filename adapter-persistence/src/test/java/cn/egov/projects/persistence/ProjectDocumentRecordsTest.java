package cn.egov.projects.persistence;

import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of a document's records is remembered by the record object and copied into the next save of the project
 * ({@code RememberedJson}): that holds only while no record in a snapshot can change once made. This walks the
 * snapshots of every kind of life the tests know and holds each value in them to that.
 */
@DisplayName("项目快照中的每个值创建后都不可再改（文档沿用已写出记录的JSON的前提）")
class ProjectDocumentRecordsTest {

    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Short.class, Byte.class, Character.class, Double.class, Float.class, BigDecimal.class, UUID.class);

    @Test
    @DisplayName("完整生命周期、补充申报后终止、计划例外、未通过评审：快照中只有文字、日期、金额、枚举、记录和不可改的列表")
    void everyValueInTheSnapshotsIsImmutable() {
        List<Project> lives = List.of(
                Lifecycles.fullLife(new UnitId("TC-GAJ"), p -> {
                }),
                Lifecycles.supplementaryTerminated(new UnitId("TC-GAJ"), p -> {
                }),
                Lifecycles.plannedWithExceptions(new UnitId("TC-GAJ"), p -> {
                }),
                Lifecycles.rejected(new UnitId("TC-GAJ"), p -> {
                }));
        List<String> mutable = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        int[] records = {0};
        for (Project life : lives) {
            walk(life.snapshot(), "snapshot", mutable, seen, records);
        }
        assertThat(mutable).as("values that could change after they were written").isEmpty();
        assertThat(records[0]).as("records walked").isGreaterThan(40);
    }

    private static void walk(Object value, String path, List<String> mutable, Map<Object, Boolean> seen,
                             int[] records) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        Class<?> type = value.getClass();
        if (IMMUTABLE.contains(type) || type.isEnum() || (value instanceof Temporal && type.getName()
                .startsWith("java.time.")) || type == LocalDate.class) {
            return;
        }
        if (type.isRecord()) {
            records[0]++;
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    walk(c.getAccessor().invoke(value), path + "." + c.getName(), mutable, seen, records);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(path + "." + c.getName(), e);
                }
            }
            return;
        }
        if (value instanceof Collection<?> collection) {
            if (!unmodifiable(collection)) {
                mutable.add(path + " (" + type.getName() + ")");
            }
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", mutable, seen, records);
            }
            return;
        }
        if (type.isArray() || value instanceof Map<?, ?>) {
            mutable.add(path + " (" + type.getName() + ")");
            return;
        }
        // another class of the domain (an amount): final, and nothing in it can be set again
        if (!Modifier.isFinal(type.getModifiers())) {
            mutable.add(path + " (" + type.getName() + ": not final)");
            return;
        }
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            if (!Modifier.isFinal(f.getModifiers())) {
                mutable.add(path + "." + f.getName() + " (" + type.getName() + ": a field that is not final)");
                continue;
            }
            try {
                f.setAccessible(true);
                walk(f.get(value), path + "." + f.getName(), mutable, seen, records);
            } catch (ReflectiveOperationException | RuntimeException e) {
                mutable.add(path + "." + f.getName() + " (" + type.getName() + ": cannot be looked at)");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean unmodifiable(Collection<?> collection) {
        try {
            ((Collection<Object>) collection).add(null);
            return false;
        } catch (UnsupportedOperationException | NullPointerException refused) {
            // a collection may refuse null and take other changes: an unmodifiable one refuses any change
            try {
                ((Collection<Object>) collection).retainAll(List.of());
                return false;
            } catch (UnsupportedOperationException alsoRefused) {
                return true;
            }
        }
    }
}
