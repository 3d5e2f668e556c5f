package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.crypto.FieldCipher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("项目文档中未变的记录沿用上次写出的JSON：只对同一对象、同一密钥和同一项目；变了的记录重新写出")
class RememberedJsonTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);
    private final FieldCipher cipher = FieldCipher.ephemeral();

    private static AccountablePeople people() {
        return new AccountablePeople(new Person("周建国", "13912345678", "zhoujg@taicang.gov.cn"),
                new Person("吴晓梅", "13812345678", "wuxm@taicang.gov.cn"));
    }

    private static Project.Snapshot draft(AccountablePeople people) {
        ProjectProfile profile = new ProjectProfile("太仓市政务数据平台", 2025, Category.BUSINESS_SYSTEM, Nature.NEW,
                null, null, false, FundingSource.MUNICIPAL, false, false, List.of("平台软件开发"),
                List.of(PerformanceGoal.of("办件时间缩短比例", GoalKind.BENEFIT, "≥30%")),
                List.of(new BudgetLine("平台软件开发", Money.yuan("300000.00"), false)), people);
        return Project.draft(ProjectId.random(), new UnitId("TC-GAJ"), profile, "taicang-2021-40", DAY).snapshot();
    }

    /** The snapshot with one component replaced. */
    private static Project.Snapshot with(Project.Snapshot s, String component, Object value) throws Exception {
        RecordComponent[] components = Project.Snapshot.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(s);
        }
        return Project.Snapshot.class.getDeclaredConstructor(types).newInstance(values);
    }

    private static String text(DocumentText document) {
        return new String(document.utf8(), StandardCharsets.UTF_8);
    }

    private static String project(Project.Snapshot s) {
        return s.id().value().toString();
    }

    @Test
    @DisplayName("写出后，其中的记录按对象记住了JSON，换一个密钥或项目则不算")
    void theRecordsOfAWrittenDocumentAreRememberedForThatCipherAndProjectOnly() {
        Project.Snapshot s = draft(people());
        String document = text(ProjectDocuments.write(s, cipher, true));

        RememberedJson.Raw profile = RememberedJson.REMEMBERED.remembered(s.profile(), cipher, project(s));
        assertThat(profile).isNotNull();
        assertThat(document).contains("\"profile\":" + profile.getValue());
        assertThat(profile.getValue()).contains("太仓市政务数据平台").doesNotContain("13912345678");
        assertThat(RememberedJson.REMEMBERED.remembered(s.profile(), FieldCipher.ephemeral(), project(s))).isNull();
        assertThat(RememberedJson.REMEMBERED.remembered(s.profile(), cipher, UUID.randomUUID().toString())).isNull();
        ProjectProfile equalButAnother = new ProjectProfile(s.profile().name(), s.profile().planYear(),
                s.profile().category(), s.profile().nature(), null, null, false, s.profile().funding(), false, false,
                s.profile().scopeItems(), s.profile().performanceGoals(), s.profile().budgetLines(),
                s.profile().people());
        assertThat(equalButAnother).isEqualTo(s.profile());
        assertThat(RememberedJson.REMEMBERED.remembered(equalButAnother, cipher, project(s))).isNull();

        assertThat(text(ProjectDocuments.write(s, cipher, true))).as("written again: the same bytes")
                .isEqualTo(document);
    }

    @Test
    @DisplayName("不要求记住时（PostgreSQL：读回的文档是新对象）什么也不记，文档相同")
    void withoutRememberingNothingIsKept() {
        Project.Snapshot s = draft(people());
        DocumentText plain = ProjectDocuments.write(s, cipher, false);
        assertThat(RememberedJson.REMEMBERED.remembered(s.profile(), cipher, project(s))).isNull();
        assertThat(RememberedJson.REMEMBERED.remembered(s.profile().people(), cipher, project(s))).isNull();
        assertThat(text(ProjectDocuments.write(s, cipher, true))).isEqualTo(text(plain));
        assertThat(RememberedJson.REMEMBERED.remembered(s.profile(), cipher, project(s))).isNotNull();
    }

    @Test
    @DisplayName("改变了的记录按新内容写出，读回的正是新快照")
    void aChangedRecordIsWrittenAnew() throws Exception {
        Project.Snapshot first = draft(people());
        Deadline open = Deadline.open(UUID.randomUUID(), DeadlineKind.WINDOW_CLOSING, null, DAY, DAY.plusDays(10), false);
        Project.Snapshot withDeadline = with(first, "deadlines", List.of(open));
        ProjectDocuments.write(withDeadline, cipher, true);

        List<Deadline> changed = new ArrayList<>(List.of(open.metOn(DAY.plusDays(2))));
        changed.add(Deadline.open(UUID.randomUUID(), DeadlineKind.WINDOW_CLOSING, null, DAY, DAY.plusDays(20), true));
        Project.Snapshot second = with(withDeadline, "deadlines", List.copyOf(changed));
        DocumentText written = ProjectDocuments.write(second, cipher, true);

        Project.Snapshot read = ProjectDocuments.read(second.id().value(), second.version(), written, cipher);
        assertThat(read).isEqualTo(second);
        assertThat(read.deadlines().get(0).metOn()).isEqualTo(DAY.plusDays(2));
        assertThat(read.profile()).isEqualTo(first.profile());
    }

    @Test
    @DisplayName("列表中的记录：第二条起记住的JSON不带前面的逗号，再次写出的文档逐字节相同、读得回")
    void recordsInAListAreRememberedWithoutTheirCommas() throws Exception {
        Deadline a = Deadline.open(UUID.randomUUID(), DeadlineKind.WINDOW_CLOSING, null, DAY, DAY.plusDays(10), false);
        Deadline b = Deadline.open(UUID.randomUUID(), DeadlineKind.WINDOW_CLOSING, "第二条", DAY, DAY.plusDays(20),
                true);
        Project.Snapshot s = with(draft(people()), "deadlines", List.of(a, b));
        String first = text(ProjectDocuments.write(s, cipher, true));

        RememberedJson.Raw second = RememberedJson.REMEMBERED.remembered(b, cipher, project(s));
        assertThat(second).isNotNull();
        assertThat(second.getValue()).startsWith("{").endsWith("}").contains("第二条");
        assertThat(first).contains("\"deadlines\":[" + RememberedJson.REMEMBERED.remembered(a, cipher, project(s))
                .getValue() + "," + second.getValue() + "]");

        Project.Snapshot again = with(s, "deadlines", List.of(a, b)); // a new list and snapshot, the same records
        DocumentText written = ProjectDocuments.write(again, cipher, true);
        assertThat(text(written)).isEqualTo(first);
        assertThat(ProjectDocuments.read(s.id().value(), s.version(), written, cipher)).isEqualTo(s);
    }

    @Test
    @DisplayName("两个项目共用同一联系人对象：各自文档中的联系方式为各自项目加密，各自读得回")
    void peopleSharedByTwoProjectsAreEncryptedForEach() {
        AccountablePeople shared = people();
        Project.Snapshot a = draft(shared);
        Project.Snapshot b = draft(shared);
        DocumentText da = ProjectDocuments.write(a, cipher, true);
        DocumentText db = ProjectDocuments.write(b, cipher, true);

        assertThat(ProjectDocuments.read(a.id().value(), 1, da, cipher).profile().people()).isEqualTo(shared);
        assertThat(ProjectDocuments.read(b.id().value(), 1, db, cipher).profile().people()).isEqualTo(shared);
        assertThat(RememberedJson.REMEMBERED.remembered(shared, cipher, project(a)))
                .as("b's write took the place of a's").isNull();
        assertThat(RememberedJson.REMEMBERED.remembered(shared, cipher, project(b))).isNotNull();
    }

    @Test
    @DisplayName("不带密钥写出的文档：联系方式为明文，与带密钥写出的互不沿用")
    void withoutACipherNothingIsTakenFromAnEncryptedWrite() {
        Project.Snapshot s = draft(people());
        ProjectDocuments.write(s, cipher, true);
        String plain = text(ProjectDocuments.write(s, null, true));
        assertThat(plain).contains("13912345678");
        assertThat(text(ProjectDocuments.write(s, cipher, true))).doesNotContain("13912345678");
    }
}
