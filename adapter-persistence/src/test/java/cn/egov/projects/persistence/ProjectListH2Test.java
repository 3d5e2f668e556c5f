package cn.egov.projects.persistence;

import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.persistence.project.ListCriteria;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("项目列表（H2）")
class ProjectListH2Test extends ProjectListContractTest {

    private static final String DAO = "cn.egov.projects.persistence.project.ProjectDao.";

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }

    @Test
    @DisplayName("大数据局人员的列表：一页按(created_on, id)索引顺序只读该页，总数只读索引，都不读项目文档")
    void aPageAndItsTotalAreReadFromIndexes() throws SQLException {
        Configuration mapped = database.sessions().configuration();
        ListCriteria all = new ListCriteria(null, false, List.of(), null, null, null, null, null, 20, 0);
        String page = mapped.getMappedStatement(DAO + "list").getBoundSql(all).getSql();
        assertThat(plan(page, 20, 0)).contains("project_created_on_idx").contains("index sorted");
        assertThat(plan(mapped.getMappedStatement(DAO + "count").getBoundSql(all).getSql()))
                .contains("project_state_list_idx");

        ListCriteria declared = new ListCriteria(null, false, List.of(), null, null, null, ProjectState.DECLARED,
                null, 20, 0);
        assertThat(plan(mapped.getMappedStatement(DAO + "count").getBoundSql(declared).getSql(), "DECLARED"))
                .contains("project_state_list_idx: state = ?1");

        // the projects one was assigned (an expert, say): read by their primary key, not in a walk of every row
        UUID assigned = UUID.randomUUID();
        ListCriteria only = new ListCriteria(null, false, List.of(), List.of(assigned), null, null, null, null, 20, 0);
        assertThat(plan(mapped.getMappedStatement(DAO + "list").getBoundSql(only).getSql(), assigned, 20, 0))
                .containsIgnoringCase("primary_key").doesNotContain("project_created_on_idx");
    }

    @Test
    @DisplayName("按状态、单位、年度及其组合筛选的列表：一页按对应索引的顺序读取，不读出全部匹配项目再排序")
    void aFilteredPageIsReadInTheOrderOfItsFiltersIndex() throws SQLException {
        Configuration mapped = database.sessions().configuration();
        record Case(ListCriteria criteria, String index, Object... parameters) {
        }
        List<Case> cases = List.of(
                new Case(new ListCriteria(null, false, List.of(), null, null, null, ProjectState.DECLARED, null, 50,
                        0), "project_state_list_idx", "DECLARED", 50, 0),
                new Case(new ListCriteria(null, false, List.of(), null, null, "TC-GAJ", null, null, 20, 40),
                        "project_unit_list_idx", "TC-GAJ", 20, 40),
                new Case(new ListCriteria("TC-GAJ", true, List.of(), null, null, null, ProjectState.DECLARED, null,
                        20, 0), "project_state_list_idx", "TC-GAJ", "DECLARED", 20, 0),
                new Case(new ListCriteria(null, false, List.of(), null, 2026, null, null, null, 20, 0),
                        "project_year_list_idx", 2026, 20, 0),
                new Case(new ListCriteria(null, false, List.of(), null, 2026, null, ProjectState.DECLARED, null, 20,
                        0), "project_state_list_idx", 2026, "DECLARED", 20, 0),
                new Case(new ListCriteria(null, false, List.of(), null, null, null, null,
                        cn.egov.projects.domain.catalog.Category.BUSINESS_SYSTEM, 20, 0), "project_created_on_idx",
                        "BUSINESS_SYSTEM", 20, 0));
        for (Case c : cases) {
            String sql = mapped.getMappedStatement(DAO + "list").getBoundSql(c.criteria()).getSql();
            assertThat(plan(sql, c.parameters())).as(c.criteria().lead())
                    .contains(c.index()).contains("index sorted");
        }
    }

    @Test
    @DisplayName("项目状态只在一个索引中：每一步改变状态只改写一个索引项，列表的其他列随索引项带出，不读项目行")
    void theStateIsInOneIndexOnly() throws SQLException {
        Map<String, List<String>> indexes = new TreeMap<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA."
                     + "INDEX_COLUMNS WHERE TABLE_NAME = 'project' ORDER BY INDEX_NAME, ORDINAL_POSITION");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                indexes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        assertThat(indexes.entrySet().stream().filter(e -> e.getValue().contains("state")).map(Map.Entry::getKey))
                .containsExactly("project_state_list_idx");
        assertThat(indexes.get("project_state_list_idx"))
                .containsExactly("state", "created_on", "id", "unit", "plan_year", "classified");
        assertThat(indexes.get("project_unit_list_idx"))
                .containsExactly("unit", "created_on", "id", "plan_year", "classified");
        assertThat(indexes.get("project_year_list_idx")).containsExactly("plan_year", "created_on", "id", "classified");
    }

    /** H2's plan of a statement with its parameters, as text. */
    private String plan(String sql, Object... parameters) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                return plan.toString();
            }
        }
    }
}
