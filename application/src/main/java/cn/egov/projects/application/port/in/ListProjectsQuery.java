package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.view.ProjectListFilter;

/** A page of the projects the caller may see. Pages count from 1; at most 200 rows a page. */
public record ListProjectsQuery(ProjectListFilter filter, int page, int size) {

    /** The last page that may be asked for. */
    public static final int MAX_PAGE = 1_000_000;

    public ListProjectsQuery {
        filter = filter == null ? ProjectListFilter.none() : filter;
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidCommandException("page", "页码应为1至" + MAX_PAGE);
        }
        if (size < 1 || size > 200) {
            throw new InvalidCommandException("size", "每页条数应为1至200");
        }
    }
}
