package cn.egov.projects.domain.project;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Copies of a project's snapshot with one part changed, as a project of an older release may have been stored. */
public final class Snapshots {

    private Snapshots() {
    }

    /** The snapshot with another profile (one without performance goals, say). */
    public static Project.Snapshot withProfile(Project.Snapshot snapshot, ProjectProfile profile) {
        return with(snapshot, "profile", profile);
    }

    /** The snapshot with one component replaced. */
    public static Project.Snapshot with(Project.Snapshot snapshot, String component, Object value) {
        try {
            RecordComponent[] components = Project.Snapshot.class.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getName().equals(component) ? value
                        : components[i].getAccessor().invoke(snapshot);
            }
            Constructor<Project.Snapshot> canonical = Project.Snapshot.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
