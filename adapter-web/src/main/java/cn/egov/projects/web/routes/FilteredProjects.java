package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ListProjectsQuery;
import cn.egov.projects.application.port.in.ListProjectsUseCase;
import cn.egov.projects.application.port.in.ToDo;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.web.http.BadRequestException;
import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The project list's filter ({@code year, unit, state, category, q}) as the lists and exports apply it: every project
 * it finds (bounded: a larger list must be narrowed first), and the overdue deadlines of those projects only, so that
 * the project list's overdue view, its export and the overdue workbook hold exactly the same rows.
 */
final class FilteredProjects {

    /** The most rows an export of a list holds; a larger list must be narrowed first. */
    static final int MAX_ROWS = 5_000;

    /** The names of the project list's filter, in the order they are described. */
    static final List<String> NAMES = List.of("year", "unit", "state", "category", "q");

    private FilteredProjects() {
    }

    /** The filter of a query (paging ignored); 400 for a bad value. */
    static ProjectListFilter filter(MultiMap params) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        for (String name : NAMES) {
            if (params.contains(name)) {
                copy.add(name, params.get(name));
            }
        }
        return ProjectRoutes.query(copy).filter();
    }

    /** Whether the query names any of the filter's fields. */
    static boolean given(MultiMap params) {
        return NAMES.stream().anyMatch(name -> QueryParams.text(params, name) != null);
    }

    /** The filter as given, e.g. "year=2025&q=平台", for the audit record and the sheet's title. */
    static String described(MultiMap params, List<String> names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String value = QueryParams.text(params, name);
            if (value != null) {
                parts.add(name + "=" + value);
            }
        }
        return String.join("&", parts);
    }

    /** Every project the filter finds among those the caller may see; 400 beyond {@link #MAX_ROWS}. Blocking. */
    static List<ProjectSummary> all(ListProjectsUseCase lists, Caller caller, ProjectListFilter filter) {
        List<ProjectSummary> rows = new ArrayList<>();
        int page = 1;
        while (true) {
            var found = lists.list(caller, new ListProjectsQuery(filter, page, 200));
            tooMany(found.total(), "个项目");
            rows.addAll(found.items());
            if (found.items().isEmpty() || rows.size() >= found.total()) {
                return rows;
            }
            page++;
        }
    }

    /**
     * The overdue deadlines of the projects the filter finds; all of them when the query names no filter. Blocking.
     *
     * @param lists the project list; null: no filter applied
     */
    static List<ToDo> overdue(List<ToDo> overdue, ListProjectsUseCase lists, Caller caller, MultiMap params,
                              ProjectListFilter filter) {
        if (lists == null || !given(params)) {
            return overdue;
        }
        Set<String> ids = new HashSet<>();
        all(lists, caller, filter).forEach(p -> ids.add(p.id().toString()));
        return overdue.stream().filter(t -> ids.contains(t.due().projectId().toString())).toList();
    }

    /**
     * Refuses an export of more than {@link #MAX_ROWS} rows (400, in Chinese).
     *
     * @param what the rows' measure word and noun, e.g. "个项目", "条记录"
     */
    static void tooMany(long total, String what) {
        if (total > MAX_ROWS) {
            throw new BadRequestException(null, "筛选结果共" + total + what + "，超过导出上限" + MAX_ROWS
                    + what.substring(0, 1) + "，请先缩小筛选范围", "more than " + MAX_ROWS + " rows; narrow the filter");
        }
    }
}
