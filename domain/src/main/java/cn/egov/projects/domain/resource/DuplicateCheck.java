package cn.egov.projects.domain.resource;

import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.similarity.TextSimilarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which existing projects and catalogued resources look like a project (Art. 1: 避免重复建设; Art. 6), for the
 * person asking: by content ({@link TextSimilarity}: character pairs weighted by TF-IDF, cosine), a project by its
 * name and construction content (建设内容), a resource by its name and description; the project checked by its name,
 * construction content and its own resources' names. A project of another category scores
 * {@value #OTHER_CATEGORY} of its cosine.
 *
 * <p>Only what the person may see is compared, decided by {@link AccessPolicy} for each project offered (a
 * classified project outside their 知悉范围 is left out, its resources with it), and never a draft of another unit
 * (no one outside the unit sees a draft before it is declared); the terms are weighed over those documents only, so
 * nothing the person may not see moves a score. The project checked and its own resources are not compared with
 * themselves.
 *
 * <p>Use: offer every candidate project ({@link #offer(Project)}), then the resources of their catalogues
 * ({@link #offer(ProjectId, ResourceEntry)}), then {@link #rank}. Cost: linear in the text offered (see
 * {@link TextSimilarity}); the caller bounds how many projects and resources it offers.
 */
public final class DuplicateCheck {

    /** The score below which nothing is shown, unless the person asks otherwise. */
    public static final double DEFAULT_MIN_SCORE = 0.2;

    /** The lowest threshold a person may ask for: below it every project shares some pair with every other. */
    public static final double LOWEST_MIN_SCORE = 0.05;

    /** How many results are shown, unless the person asks otherwise. */
    public static final int DEFAULT_LIMIT = 10;

    /** The most results one check shows. */
    public static final int MAX_LIMIT = 50;

    /** The factor of a project of another category (Art. 2) than the one checked. */
    public static final double OTHER_CATEGORY = 0.85;

    static final String PROJECT_NAME = "项目名称";
    static final String SCOPE = "建设内容";
    static final String RESOURCE_NAME = "资源名称";
    static final String RESOURCE_DESCRIPTION = "资源描述";
    static final String OWN_RESOURCES = "本项目资源";

    /** What a check found, and over how much. */
    public record Result(int projectsCompared, int resourcesCompared, List<SimilarItem> items) {

        public Result {
            items = List.copyOf(items);
        }
    }

    /** A project kept for comparison: what a result shows of it. */
    private record Kept(ProjectId id, String name, UnitId unit, ProjectState state, Category category) {
    }

    private final AccessPolicy access;
    private final Actor actor;
    private final Project subject;
    private final TextSimilarity.Document query;
    private final TextSimilarity index = new TextSimilarity();
    private final Map<ProjectId, Kept> projects = new HashMap<>();
    private final Map<String, ResourceEntry> resources = new HashMap<>();
    private final Map<String, Kept> owners = new HashMap<>();
    private int resourceCount;

    /**
     * @param subject          the project checked, which the person may see
     * @param subjectResources its own catalogue's resources
     */
    public DuplicateCheck(AccessPolicy access, Actor actor, Project subject, List<ResourceEntry> subjectResources) {
        this.access = Objects.requireNonNull(access, "access");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.subject = Objects.requireNonNull(subject, "subject");
        List<TextSimilarity.Field> fields = new ArrayList<>(projectFields(subject));
        for (ResourceEntry e : subjectResources) {
            fields.add(new TextSimilarity.Field(OWN_RESOURCES, e.name(), 1.0));
        }
        this.query = new TextSimilarity.Document("subject", fields);
    }

    /**
     * Offers a project to compare with; kept only when the person may see it, it is not the project checked and it
     * is not another unit's draft.
     *
     * @return whether it was kept
     */
    public boolean offer(Project project) {
        if (project.id().equals(subject.id()) || projects.containsKey(project.id())
                || !isExistingTo(access, actor, project)) {
            return false;
        }
        Kept kept = new Kept(project.id(), project.profile().name(), project.unit(), project.state(),
                project.profile().category());
        projects.put(project.id(), kept);
        index.add(new TextSimilarity.Document(projectKey(project.id()), projectFields(project)));
        return true;
    }

    /**
     * Offers a resource of the catalogue of a project offered before; kept only when that project was kept.
     *
     * @return whether it was kept
     */
    public boolean offer(ProjectId project, ResourceEntry entry) {
        Kept owner = projects.get(project);
        String key = "R:" + entry.id();
        if (owner == null || resources.containsKey(key)) {
            return false;
        }
        resources.put(key, entry);
        owners.put(key, owner);
        resourceCount++;
        List<TextSimilarity.Field> fields = new ArrayList<>();
        fields.add(new TextSimilarity.Field(RESOURCE_NAME, entry.name(), 2.0));
        if (entry.content().description() != null) {
            fields.add(new TextSimilarity.Field(RESOURCE_DESCRIPTION, entry.content().description(), 1.0));
        }
        index.add(new TextSimilarity.Document(key, fields));
        return true;
    }

    /**
     * Whether a project exists for a person as something to compare with or to name as alike: they may see it
     * ({@link AccessPolicy}) and it is not another unit's draft.
     */
    public static boolean isExistingTo(AccessPolicy access, Actor actor, Project project) {
        if (!access.canSee(actor, project)) {
            return false;
        }
        boolean ownUnit = actor.role().isUnitRole() && actor.unit().equals(project.unit());
        return project.state() != ProjectState.DRAFT || ownUnit;
    }

    /**
     * The projects and resources that look like the project checked: score at least {@code minScore}, best first,
     * at most {@code limit}.
     */
    public Result rank(double minScore, int limit) {
        if (minScore < LOWEST_MIN_SCORE || minScore > 1) {
            throw new IllegalArgumentException("the threshold is " + LOWEST_MIN_SCORE + " to 1: " + minScore);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("the limit is 1 to " + MAX_LIMIT + ": " + limit);
        }
        Category category = subject.profile().category();
        List<TextSimilarity.Match> matches = index.rank(query, key -> {
            Kept p = key.startsWith("P:") ? projects.get(ProjectId.parse(key.substring(2))) : null;
            return p == null || p.category() == category ? 1.0 : OTHER_CATEGORY;
        }, minScore, limit);
        List<SimilarItem> items = new ArrayList<>(matches.size());
        for (TextSimilarity.Match m : matches) {
            ResourceEntry resource = resources.get(m.key());
            Kept p = resource != null ? owners.get(m.key()) : projects.get(ProjectId.parse(m.key().substring(2)));
            items.add(new SimilarItem(p.id(), p.name(), p.unit(), p.state(), p.category(), resource, m.score(),
                    m.terms(), m.fields()));
        }
        return new Result(projects.size(), resourceCount, items);
    }

    private static String projectKey(ProjectId id) {
        return "P:" + id;
    }

    private static List<TextSimilarity.Field> projectFields(Project project) {
        List<TextSimilarity.Field> fields = new ArrayList<>();
        fields.add(new TextSimilarity.Field(PROJECT_NAME, project.profile().name(), 2.0));
        for (String item : project.profile().scopeItems()) {
            fields.add(new TextSimilarity.Field(SCOPE, item, 1.0));
        }
        return fields;
    }
}
