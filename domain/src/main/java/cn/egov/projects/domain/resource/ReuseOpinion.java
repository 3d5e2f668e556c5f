package cn.egov.projects.domain.resource;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.RuleCode;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The Bureau's opinion on reuse and duplicate construction of a declared project (Art. 1: 实现资源共享，避免重复建设;
 * Art. 6: 以政务信息资源开发、整合和利用为主线): no duplication, partly duplicate (existing projects or resources can be
 * reused), or duplicate construction (not to be approved), naming the projects and resources it finds alike, with a
 * comment. Given while the declaration is under review ({@link #mayBeRecordedIn}); a later opinion replaces an
 * earlier one as the project's, and every one stays on record.
 *
 * <p>Its constructor throws {@link ResourceFieldException} naming the field: a comment missing or too long, too
 * many references, the same one twice, the project itself, or a finding of duplication that names nothing.
 */
public record ReuseOpinion(UUID id, ProjectId project, ReuseVerdict verdict, String comment,
                           List<SimilarReference> similar, String recordedBy, Instant recordedAt) {

    /** The longest comment. */
    public static final int MAX_COMMENT = 2_000;

    /** The most projects and resources an opinion names. */
    public static final int MAX_SIMILAR = 20;

    public ReuseOpinion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        if (verdict == null) {
            throw new ResourceFieldException("verdict", "审查结论不能为空");
        }
        comment = FieldTexts.required(comment, "comment", "审查意见", MAX_COMMENT);
        similar = List.copyOf(similar == null ? List.of() : similar);
        if (similar.size() > MAX_SIMILAR) {
            throw new ResourceFieldException("similar", "列明的相似项目和资源不能超过" + MAX_SIMILAR + "项");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < similar.size(); i++) {
            SimilarReference r = similar.get(i);
            if (r.project().equals(project)) {
                throw new ResourceFieldException("similar[" + i + "].projectId", "不能把本项目或本项目的资源列为相似项目");
            }
            if (!seen.add(r.project() + "/" + r.resource())) {
                throw new ResourceFieldException("similar[" + i + "]", "同一项目或资源列明了两次");
            }
        }
        if (verdict.namesSimilar() && similar.isEmpty()) {
            throw new ResourceFieldException("similar", "结论为「" + verdict.zh() + "」的，须列明相似的项目或资源");
        }
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /**
     * Whether an opinion may be given on a project in this state: after the declaration, before the review's
     * opinion (DECLARED, UNDER_REVIEW); otherwise {@code ART6_REUSE_REVIEW_CLOSED}.
     */
    public static Outcome mayBeRecordedIn(ProjectState state, PolicyPack pack) {
        if (state == ProjectState.DECLARED || state == ProjectState.UNDER_REVIEW) {
            return Outcome.allowed();
        }
        return Outcome.refused(pack.violation(RuleCode.ART6_REUSE_REVIEW_CLOSED, "本项目" + state.zh()));
    }
}
