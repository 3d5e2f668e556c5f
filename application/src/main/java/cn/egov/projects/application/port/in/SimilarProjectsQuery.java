package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.DuplicateCheck;

/**
 * Which projects and resources look like a project.
 *
 * @param minScore the lowest score shown, {@value DuplicateCheck#LOWEST_MIN_SCORE} to 1; null for
 *                 {@value DuplicateCheck#DEFAULT_MIN_SCORE}
 * @param limit    how many at most, 1 to {@value DuplicateCheck#MAX_LIMIT}; null for
 *                 {@value DuplicateCheck#DEFAULT_LIMIT}
 */
public record SimilarProjectsQuery(ProjectId projectId, Double minScore, Integer limit) {

    public SimilarProjectsQuery {
        projectId = Check.project(projectId);
        minScore = minScore == null ? DuplicateCheck.DEFAULT_MIN_SCORE : minScore;
        if (minScore.isNaN() || minScore < DuplicateCheck.LOWEST_MIN_SCORE || minScore > 1) {
            throw new InvalidCommandException("minScore", "相似度阈值应在" + DuplicateCheck.LOWEST_MIN_SCORE + "至1之间");
        }
        limit = limit == null ? DuplicateCheck.DEFAULT_LIMIT : limit;
        if (limit < 1 || limit > DuplicateCheck.MAX_LIMIT) {
            throw new InvalidCommandException("limit", "列出条数应在1至" + DuplicateCheck.MAX_LIMIT + "之间");
        }
    }
}
