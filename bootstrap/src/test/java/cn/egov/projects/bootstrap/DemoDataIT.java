package cn.egov.projects.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ListProjectsQuery;
import cn.egov.projects.application.view.AccountView;
import cn.egov.projects.application.view.ProjectAssignments;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code --demo} data written through the real use cases on an embedded database: every step goes through
 * (none is refused), and the classified project is known to the people the secrecy office named into its scope —
 * who took it to its funding opinion — and to nobody else of their roles. An integration test: the demonstration
 * accounts' password hashes alone take half a minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("演示数据：全部步骤办理成功；涉密项目由保密部门指定的人员办理到资金安排意见，其他人看不到")
class DemoDataIT {

    private static final String PASSWORD = "Demo-Test-Password";

    private Application application;
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final List<String> demoOnly = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> warnings = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.WARN) && e.getFormattedMessage().contains("refused")) {
                refusals.add(e.getFormattedMessage());
            }
            if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
                demoOnly.add(e.getFormattedMessage());
            }
        }
    };

    @BeforeAll
    void fill() throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "demo-");
        Settings settings = Settings.parse(List.of("--db-url", "jdbc:h2:file:" + home.toAbsolutePath().resolve("egov")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "--uploads-dir",
                home.resolve("uploads").toString(), "--demo"), Map.of());
        Logger demo = (Logger) LoggerFactory.getLogger(DemoData.class);
        warnings.start();
        demo.addAppender(warnings);
        application = Application.open(settings);
        try {
            assertThat(application.demoData().orElseThrow().fillIfEmpty(application::hasNoAccounts,
                    LocalDate.of(2026, 3, 2), PASSWORD)).isTrue();
        } finally {
            demo.detachAppender(warnings);
        }
    }

    @AfterAll
    void close() {
        if (application != null) {
            application.close();
        }
    }

    /** The demonstration accounts' user ids by username, read by the administrator (one slow password check). */
    private Map<String, String> userIds;

    /** The person of a demonstration account, as the account stands. */
    private Caller as(String username) {
        if (userIds == null) {
            Caller admin = new Caller(application.accounts().authenticate("admin", PASSWORD.toCharArray())
                    .orElseThrow(), "test", "-");
            userIds = application.web().workplace().accountAdmin().listAccounts(admin).stream()
                    .collect(Collectors.toMap(AccountView::username, AccountView::userId));
        }
        return new Caller(application.accounts().current(userIds.get(username)).orElseThrow(), "test", "-");
    }

    private List<ProjectSummary> projects(String username) {
        return application.useCases().listProjects().list(as(username), new ListProjectsQuery(ProjectListFilter.none(),
                1, 200)).items();
    }

    private ProjectSummary classified() {
        return projects("secrecy").stream().filter(ProjectSummary::classified).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("演示数据的每一步都办理成功，没有被拒绝的步骤")
    void noStepIsRefused() {
        assertThat(refusals).isEmpty();
    }

    @Test
    @DisplayName("涉密项目：大数据局蒋经办、市财政局、市委网信办、市审计局被指定进入知悉范围并看得到，已提出资金安排意见；大数据局其他人员和专家看不到")
    void theClassifiedProjectIsKnownInsideItsScopeOnly() {
        ProjectSummary secret = classified();
        assertThat(secret.state()).isEqualTo(ProjectState.FUNDING_PROPOSED);
        for (String inside : List.of("bdb-secret", "finance", "cybersec", "audit", "gaj", "secrecy")) {
            assertThat(projects(inside)).as(inside).extracting(ProjectSummary::id).contains(secret.id());
        }
        for (String outside : List.of("bdb", "expert", "wjw")) {
            assertThat(projects(outside)).as(outside).extracting(ProjectSummary::id).doesNotContain(secret.id());
            assertThatThrownBy(() -> application.useCases().getProject().get(as(outside), secret.id()))
                    .as(outside).isInstanceOf(NotFoundException.class);
        }
        ProjectAssignments named = application.web().workplace().assignments().assignments(as("secrecy"), secret.id());
        assertThat(named.assigned()).extracting(ProjectAssignments.Person::username)
                .containsExactlyInAnyOrder("bdb-secret", "finance", "cybersec", "audit");
        assertThat(named.assigned()).extracting(ProjectAssignments.Person::purpose)
                .containsOnly(AssignmentPurpose.SCOPE);
    }

    @Test
    @DisplayName("评审专家由大数据管理局指定：评审中的项目本单位看不到评审专家，评审结束后可以看到")
    void theReviewExpertIsTheBureaus() {
        List<ProjectSummary> reviewed = projects("expert");
        assertThat(reviewed).isNotEmpty();
        ProjectSummary underReview = reviewed.stream().filter(p -> p.state() == ProjectState.UNDER_REVIEW)
                .findFirst().orElseThrow();
        ProjectSummary after = reviewed.stream().filter(p -> p.state() == ProjectState.REVIEWED).findFirst()
                .orElseThrow();
        String unit = Map.of("TC-GAJ", "gaj", "TC-WJW", "wjw", "TC-JYJ", "jyj").get(underReview.unit().code());
        var assignments = application.web().workplace().assignments();
        assertThat(assignments.assignments(as(unit), underReview.id()).assigned()).isEmpty();
        assertThat(assignments.assignments(as("bdb"), underReview.id()).assigned())
                .extracting(ProjectAssignments.Person::purpose).containsExactly(AssignmentPurpose.REVIEW);
        String afterUnit = Map.of("TC-GAJ", "gaj", "TC-WJW", "wjw", "TC-JYJ", "jyj").get(after.unit().code());
        assertThat(assignments.assignments(as(afterUnit), after.id()).assigned())
                .extracting(ProjectAssignments.Person::username).containsExactly("expert");
    }

    @Test
    @DisplayName("演示时在 DEMO ONLY 之下打印三类管理员的动态口令密钥（base32及算法），用其动态口令即可登录")
    void theAdministratorsSecretsArePrintedUnderDemoOnly() {
        int banner = demoOnly.indexOf("================ DEMO ONLY — 演示数据，仅供演示 ================");
        assertThat(banner).isNotNegative();
        for (String admin : List.of("admin", "secadmin", "auditadmin")) {
            String line = demoOnly.stream().filter(l -> l.startsWith("demo " + admin + ": TOTP secret (base32) "))
                    .findFirst().orElseThrow(() -> new AssertionError("no secret printed for " + admin));
            assertThat(demoOnly.indexOf(line)).isGreaterThan(banner);
            assertThat(line).contains("algorithm SHA1").contains("otpauth://totp/egov-projects:" + admin + "?secret=");
            String secret = line.substring(("demo " + admin + ": TOTP secret (base32) ").length()).split(" ")[0];
            assertThat(secret).matches("[A-Z2-7]{32}");
            var actor = application.accounts().authenticate(admin, PASSWORD.toCharArray()).orElseThrow();
            var secondFactor = application.web().workplace().secondFactor();
            assertThat(secondFactor.requirement(actor))
                    .isEqualTo(cn.egov.projects.application.port.in.SecondFactorUseCase.Requirement.CODE);
            String code = OneTimeCodes.now(new OneTimeCodes.Secret(secret, "SHA1"));
            assertThat(secondFactor.verifyAtSignIn(actor, admin, code,
                    cn.egov.projects.application.port.in.SignInUseCase.Channel.SESSION, "test", "127.0.0.1"))
                    .isInstanceOf(cn.egov.projects.application.port.in.SecondFactorUseCase.Accepted.class);
        }
    }
}
