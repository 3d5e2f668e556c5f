package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.view.AuditFilter;

/** A page of the audit trail by filter. Pages count from 1; at most 200 rows a page. */
public record AuditQuery(AuditFilter filter, int page, int size) {

    /** The last page that may be asked for. */
    public static final int MAX_PAGE = 1_000_000;

    public AuditQuery {
        filter = filter == null ? AuditFilter.none() : filter;
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidCommandException("page", "页码应为1至" + MAX_PAGE);
        }
        if (size < 1 || size > 200) {
            throw new InvalidCommandException("size", "每页条数应为1至200");
        }
        if (filter.from().isPresent() && filter.to().isPresent() && !filter.from().get().isBefore(filter.to().get())) {
            throw new InvalidCommandException("to", "结束日期应晚于开始日期");
        }
    }
}
