package cn.egov.projects.domain.resource;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.RuleCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The information-resource catalogue (资源目录) of one project: the resources its unit registers as the project
 * builds them (Art. 6), tidied before acceptance (Art. 23: 资源目录整理情况). An aggregate of its own, beside the
 * project, with its own version: it changes while the project's other records do not.
 *
 * <p>Its rules: the catalogue changes only while the project has not ended ({@link ProjectState#isFinal()}:
 * 办结、终止、评审未通过 → {@code ART23_CATALOGUE_CLOSED}); two resources of one project never bear the same name
 * (compared without case, width or white space → {@code ART23_CATALOGUE_NAME_TAKEN}); it holds at most
 * {@value #MAX_ENTRIES} resources ({@code ART23_CATALOGUE_FULL}). A refused change changes nothing.
 */
public final class ResourceCatalogue {

    /** The most resources one project's catalogue holds. */
    public static final int MAX_ENTRIES = 200;

    private final ProjectId project;
    private long version;
    private final List<ResourceEntry> entries;

    private ResourceCatalogue(ProjectId project, long version, List<ResourceEntry> entries) {
        this.project = Objects.requireNonNull(project, "project");
        this.version = version;
        this.entries = new ArrayList<>(entries);
    }

    /** The catalogue of a project that has registered nothing yet (version 0: never saved). */
    public static ResourceCatalogue empty(ProjectId project) {
        return new ResourceCatalogue(project, 0, List.of());
    }

    /** A catalogue as stored, its entries in the order they were registered; only persistence adapters call this. */
    public static ResourceCatalogue restore(ProjectId project, long version, List<ResourceEntry> entries) {
        if (version < 1) {
            throw new IllegalArgumentException("a stored catalogue has a version of 1 or more: " + version);
        }
        return new ResourceCatalogue(project, version, entries);
    }

    /** Whether the catalogue of a project in this state may change. */
    public static boolean isOpenIn(ProjectState state) {
        return !state.isFinal();
    }

    /** Registers a new resource. */
    public Outcome register(ResourceEntry entry, ProjectState state, PolicyPack pack) {
        Objects.requireNonNull(entry, "entry");
        Outcome closed = closed(state, pack);
        if (closed.isRefused()) {
            return closed;
        }
        if (entries.size() >= MAX_ENTRIES) {
            return Outcome.refused(pack.violation(RuleCode.ART23_CATALOGUE_FULL,
                    "本项目已登记" + entries.size() + "项资源，上限为" + MAX_ENTRIES + "项"));
        }
        if (entry(entry.id()).isPresent()) {
            throw new IllegalArgumentException("resource " + entry.id() + " is already in the catalogue");
        }
        Outcome taken = nameTaken(entry.content(), null, pack);
        if (taken.isRefused()) {
            return taken;
        }
        entries.add(entry);
        return Outcome.allowed();
    }

    /** Replaces what is written of a resource already registered. */
    public Outcome revise(ResourceEntry revised, ProjectState state, PolicyPack pack) {
        Objects.requireNonNull(revised, "revised");
        int at = indexOf(revised.id());
        Outcome closed = closed(state, pack);
        if (closed.isRefused()) {
            return closed;
        }
        Outcome taken = nameTaken(revised.content(), revised.id(), pack);
        if (taken.isRefused()) {
            return taken;
        }
        entries.set(at, revised);
        return Outcome.allowed();
    }

    /** Takes a resource out of the catalogue. */
    public Outcome remove(UUID id, ProjectState state, PolicyPack pack) {
        int at = indexOf(id);
        Outcome closed = closed(state, pack);
        if (closed.isRefused()) {
            return closed;
        }
        entries.remove(at);
        return Outcome.allowed();
    }

    private static Outcome closed(ProjectState state, PolicyPack pack) {
        if (isOpenIn(state)) {
            return Outcome.allowed();
        }
        return Outcome.refused(pack.violation(RuleCode.ART23_CATALOGUE_CLOSED, "本项目" + state.zh()));
    }

    private Outcome nameTaken(ResourceDescription content, UUID except, PolicyPack pack) {
        String key = content.nameKey();
        for (ResourceEntry e : entries) {
            if (!e.id().equals(except) && e.content().nameKey().equals(key)) {
                return Outcome.refused(pack.violation(RuleCode.ART23_CATALOGUE_NAME_TAKEN,
                        "本项目已登记资源「" + e.name() + "」"));
            }
        }
        return Outcome.allowed();
    }

    private int indexOf(UUID id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("resource " + id + " is not in the catalogue of project " + project);
    }

    public Optional<ResourceEntry> entry(UUID id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public ProjectId project() {
        return project;
    }

    /** The version saved last, 0 for a catalogue never saved. */
    public long version() {
        return version;
    }

    /** The resources in the order they were registered. */
    public List<ResourceEntry> entries() {
        return List.copyOf(entries);
    }

    /** Called by the persistence adapter once the catalogue is saved at a new version. */
    public void markSaved(long newVersion) {
        this.version = newVersion;
    }
}
