package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff's pages in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; nothing is
 * downloaded), against the real application on an embedded H2 database and a clock the test sets: a unit declares a
 * project, is refused in place while no window is open (Art. 7), the Bureau opens the window, reviews, Finance gives
 * its opinion, the Bureau records the approval and issues the plan, and the unit finds its implementation-plan
 * deadline (Art. 13) on 我的待办. A failing step leaves a screenshot under {@code target/browser-screenshots}. Without
 * a browser the test is skipped on a developer's machine and fails in CI ({@code CI} set).
 */
@DisplayName("浏览器中的办理流程：申报、评审、下达计划、我的待办")
class StaffBrowserIT extends BrowserTestSupport {

    /** A clock the test moves: 10:00 in Shanghai on the day set. */
    static final class TestClock implements ClockPort {
        private final AtomicReference<LocalDate> day = new AtomicReference<>();

        TestClock(LocalDate start) {
            day.set(start);
        }

        void set(LocalDate d) {
            day.set(d);
        }

        @Override
        public Instant now() {
            return day.get().atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
        }
    }

    /** The clock travels across months. */
    @Override
    protected Map<String, String> environment() {
        return travellingInTime();
    }

    @Override
    protected void prepare(AccountService accounts) {
        Caller admin = caller("secadmin");
        AccountsForTests.ready(accounts, admin, account("police", "王经办", Role.UNIT_STAFF, "TC-GAJ"));
        AccountsForTests.ready(accounts, admin, account("bureau", "陈大数据", Role.BDB_OFFICER, "TC-DSJ"));
        AccountsForTests.ready(accounts, admin, account("finance", "周财政", Role.FINANCE, "TC-CZJ"));
        AccountsForTests.ready(accounts, admin, account("secrecy", "冯保密", Role.SECRECY, "TC-BMJ"));
        // the units by their full names, as the administrator registers them (the pages show names, not codes)
        application.web().units().createUnit(caller("admin"), new CreateUnitCommand("TC-GAJ", "太仓市公安局",
                Unit.Kind.IMPLEMENTING));
        application.web().units().createUnit(caller("admin"), new CreateUnitCommand("TC-DSJ", "太仓市大数据管理局",
                Unit.Kind.AUTHORITY));
    }

    private WebElement openAction(String action) {
        WebElement details = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-" + action)));
        details.findElement(By.tagName("summary")).click();
        return details;
    }

    private void fill(WebElement form, String name, String value) {
        WebElement input = form.findElement(By.name(name));
        if ("select".equals(input.getTagName())) {
            new Select(input).selectByValue(value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    private void submit(String action) {
        driver.findElement(By.id("submit-" + action)).click();
    }

    private String state() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("state"))).getText();
    }

    private void awaitState(String zh) {
        wait.until(ExpectedConditions.textToBe(By.id("state"), zh));
    }

    @Test
    @DisplayName("实施单位申报（申报期外被拒并显示第七条）→ 大数据局评审 → 财政局意见 → 审定 → 下达计划 → 我的待办出现实施方案期限")
    void declareReviewIssueAndSeeTheDeadline() {
        // the unit drafts a project on the 项目列表 page
        signIn("police");
        String id = draft("智慧公安数据平台", false);
        assertThat(state()).isEqualTo("草稿");

        // no window is open yet: the declaration is refused in place, citing Art. 7
        openAction("DECLARE");
        submit("DECLARE");
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal-DECLARE")));
        wait.until(ExpectedConditions.textToBePresentInElement(refusal, "第七条"));
        assertThat(refusal.getText()).contains("【第七条】");
        assertThat(state()).isEqualTo("草稿");

        // the Bureau opens the window for 2025 in the third quarter of 2024
        signIn("bureau");
        driver.get(base + "/bureau.html");
        WebElement year = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("w-year")));
        year.clear();
        year.sendKeys("2025");
        setDate("w-opens", "2024-08-20");
        setDate("w-closes", "2024-09-30");
        driver.findElement(By.id("open-window")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "2025年度集中申报期"));

        // the unit declares
        signIn("police");
        openProject(id);
        openAction("DECLARE");
        submit("DECLARE");
        awaitState("已申报");

        // the Bureau organises the expert review and records its opinion
        clock.set(LocalDate.of(2024, 10, 10));
        signIn("bureau");
        openProject(id);
        openAction("START_REVIEW");
        submit("START_REVIEW");
        awaitState("专家评审中");
        WebElement review = openAction("RECORD_REVIEW");
        fill(review, "approved", "true");
        fill(review, "experts", "张专家\n赵专家\n钱专家");
        fill(review, "opinion", "建设必要，方案可行");
        submit("RECORD_REVIEW");
        awaitState("评审通过");

        // Finance's funding opinion
        clock.set(LocalDate.of(2024, 11, 15));
        signIn("finance");
        openProject(id);
        WebElement funding = openAction("PROPOSE_FUNDING");
        fill(funding, "amount", "600000");
        fill(funding, "opinion", "同意安排市级财政资金");
        submit("PROPOSE_FUNDING");
        awaitState("已提出资金安排意见");

        // the government's approval, then the annual plan issued on 2025-01-24
        clock.set(LocalDate.of(2024, 12, 20));
        signIn("bureau");
        openProject(id);
        WebElement approval = openAction("RECORD_APPROVAL");
        fill(approval, "approvedBudget", "600000");
        fill(approval, "reference", "太政复〔2024〕88号");
        submit("RECORD_APPROVAL");
        awaitState("市政府已审定");

        clock.set(LocalDate.of(2025, 1, 24));
        driver.get(base + "/bureau.html");
        WebElement planYear = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("p-year")));
        planYear.clear();
        planYear.sendKeys("2025");
        driver.findElement(By.id("load-approved")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pick-" + id)));
        driver.findElement(By.id("p-reference")).sendKeys("太政办〔2025〕5号");
        driver.findElement(By.id("issue-plan")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-issued")));

        // the unit sees its implementation-plan deadline on 我的待办, with its article and action
        signIn("police");
        driver.get(base + "/todo.html");
        WebElement later = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("table-LATER")));
        wait.until(ExpectedConditions.textToBePresentInElement(later, "报送项目实施方案"));
        assertThat(later.getText()).contains("智慧公安数据平台", "报送项目实施方案", "第十三条", "2025-02-24", "报送实施方案");
        // … and on its day in the calendar of the month ahead (today is 2025-01-24, a Friday)
        WebElement due = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("day-2025-02-24")));
        assertThat(due.getText()).contains("24日", "智慧公安数据平台：报送项目实施方案");
        assertThat(driver.findElement(By.id("day-2025-01-24")).getAttribute("class")).contains("today");
        assertThat(driver.findElement(By.id("day-2025-01-20")).getText()).isEqualTo("1月20日");
        // six weeks from Monday 2025-01-20, so that the month after a Friday fits
        assertThat(driver.findElements(By.cssSelector("#month-table tbody td"))).hasSize(42);

        // and the timeline of the project tells who did what under which article
        openProject(id);
        String timeline = driver.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("申报项目", "组织专家评审", "提出资金安排意见", "下达年度实施计划", "第九条");
        // … by name and unit, never by an identifier that means nothing to a person
        assertThat(timeline).contains("王经办（太仓市公安局）", "陈大数据（太仓市大数据管理局）")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(driver.findElement(By.id("facts")).getText()).contains("太仓市公安局（TC-GAJ）");
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("王经办（实施单位经办人员，太仓市公安局）");
        assertThat(driver.findElement(By.id("actions")).getText()).contains("报送实施方案（第十三条）");
        // the statutory deadlines against the actual dates, in a strip and in words
        WebElement strip = driver.findElement(By.cssSelector("#deadline-strip .strip-row[data-kind='IMPL_PLAN']"));
        assertThat(strip.getText()).contains("报送项目实施方案", "2025-01-24 起算，2025-02-24 到期", "待办");
        assertThat(strip.findElement(By.cssSelector(".strip-period")).getSize().getWidth()).isGreaterThan(10);
        assertThat(driver.findElement(By.id("facts")).getText()).contains("警情处置时间缩短比例（效益指标，目标值≥20%）");

        // the Bureau's yearly performance evaluation (Art. 4) lists the project of the 2025 plan in Chinese, and the
        // Bureau records its grade there
        signIn("bureau");
        driver.get(base + "/bureau.html");
        WebElement perfYear = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("perf-year")));
        perfYear.clear();
        perfYear.sendKeys("2025");
        driver.findElement(By.id("perf-load")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("performance-projects"), "智慧公安数据平台"));
        assertThat(driver.findElement(By.id("performance-projects")).getText())
                .contains("项目得分", "建议等级", "评定等级", "计分依据", "尚未报告绩效目标达成情况", "已列入实施计划", "未评定");
        assertThat(driver.findElement(By.id("performance-units")).getText())
                .contains("单位得分", "期限合规率", "太仓市公安局").doesNotContain("TC-GAJ");
        new Select(driver.findElement(By.id("grade-project-" + id + "-grade"))).selectByValue("GOOD");
        driver.findElement(By.id("grade-project-" + id + "-comment")).sendKeys("按计划推进");
        driver.findElement(By.id("grade-project-" + id + "-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("performance-projects"), "按计划推进"));
        assertThat(driver.findElement(By.id("performance-projects")).getText()).contains("良");

        // the Bureau's charts: drawn by the application's own ECharts, each with its table, in Chinese; a fortnight
        // after the implementation plan fell due (2025-02-24) it is overdue
        LocalDate before = clock.today();
        clock.set(LocalDate.of(2025, 3, 10));
        driver.findElement(By.linkText("统计图表")).click();
        awaitPage(d -> d.findElement(By.cssSelector("#canvas-projectsByState[data-rendered='true'] canvas")));
        assertThat(driver.findElement(By.id("title-projectsByState")).getText()).isEqualTo("项目状态分布");
        assertThat(driver.findElement(By.id("title-onTimeByUnit")).getText()).isEqualTo("各单位法定期限按期办结率");
        assertThat(driver.findElements(By.cssSelector(".chart[data-rendered='true'] canvas"))).hasSize(7)
                .allSatisfy(c -> assertThat(c.getSize().getWidth()).isGreaterThan(200));
        assertThat(driver.findElement(By.id("tablebox-projectsByState")).isDisplayed()).isFalse();
        driver.findElement(By.id("toggle-projectsByState")).click();
        assertThat(driver.findElement(By.id("table-projectsByState")).getText())
                .contains("项目状态", "项目数", "已列入实施计划");
        assertThat(driver.findElement(By.id("canvas-projectsByState")).isDisplayed()).isFalse();
        driver.findElement(By.id("toggle-onTimeByUnit")).click();
        assertThat(driver.findElement(By.id("table-onTimeByUnit")).getText()).contains("太仓市公安局", "按期办结率");
        driver.findElement(By.id("toggle-overdueByKind")).click();
        assertThat(driver.findElement(By.id("table-overdueByKind")).getText())
                .contains("计划实施", "报送项目实施方案", "第十三条");
        assertThat(driver.findElement(By.id("xlsx-projectsByState")).getAttribute("href"))
                .endsWith("/api/exports/statistics.xlsx?chart=projectsByState");
        assertThat((String) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('canvas-projectsByCategory'))"
                        + ".getDataURL({type: 'png'}).substring(0, 22)")).isEqualTo("data:image/png;base64,");
        clock.set(before);
    }

    /** Drafts a project on the 项目列表 page as the signed-in unit; returns its id. */
    private String draft(String name, boolean classified) {
        return draft(name, classified, 2025);
    }

    private String draft(String name, boolean classified, int planYear) {
        driver.get(base + "/projects.html");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-form")));
        form.findElement(By.id("pf-name")).clear();
        form.findElement(By.id("pf-name")).sendKeys(name);
        form.findElement(By.id("pf-year")).clear();
        form.findElement(By.id("pf-year")).sendKeys(String.valueOf(planYear));
        if (classified) {
            new Select(form.findElement(By.id("pf-classified"))).selectByValue("true");
        }
        form.findElement(By.id("pf-scope")).sendKeys("数据汇聚平台\n警情分析系统");
        form.findElement(By.id("pf-goals")).sendKeys("警情处置时间缩短比例；效益；≥20%");
        form.findElement(By.id("pf-budget")).clear();
        form.findElement(By.id("pf-budget")).sendKeys("平台软件开发；600000");
        form.findElement(By.id("pf-leader-name")).sendKeys("李分管");
        form.findElement(By.id("pf-leader-mobile")).sendKeys("13900000001");
        form.findElement(By.id("pf-leader-email")).sendKeys("li@tc.gov.cn");
        form.findElement(By.id("pf-resp-name")).sendKeys("王责任");
        form.findElement(By.id("pf-resp-mobile")).sendKeys("13900000002");
        form.findElement(By.id("pf-resp-email")).sendKeys("wang@tc.gov.cn");
        form.findElement(By.id("pf-submit")).click();
        wait.until(ExpectedConditions.urlContains("project.html?id="));
        // the project page renders once its data has arrived: wait for it before reading it
        awaitPage(d -> d.findElement(By.id("state")));
        return driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("id=") + 3);
    }

    @Test
    @DisplayName("涉密项目：大数据局经办人员看不到；保密部门在项目页指定后即可查看，本单位无权指定")
    void secrecyNamesAnOfficerToAClassifiedProject() {
        // a draft is its unit's own, so the project is declared before anyone else looks: in the 2026 window, on a day
        // of its own (the other tests' 2025 window stays theirs to open), the clock set back afterwards
        LocalDate before = clock.today();
        clock.set(LocalDate.of(2025, 8, 20));
        Caller bureauNow = new Caller(application.accounts().authenticate("bureau", PASSWORD.toCharArray())
                .orElseThrow(), "it", "-");
        application.useCases().openDeclarationWindow().openWindow(bureauNow, new OpenDeclarationWindowCommand(2026,
                LocalDate.of(2025, 8, 20), LocalDate.of(2025, 9, 30)));
        signIn("police");
        String id = draft("涉密专网改造", true, 2026);
        assertThat(driver.findElement(By.id("facts")).getText()).contains("涉密项目");
        assertThat(driver.findElements(By.id("assign-form"))).isEmpty();
        openAction("DECLARE");
        submit("DECLARE");
        awaitState("已申报");
        clock.set(before);

        signIn("bureau");
        driver.get(base + "/project.html?id=" + id);
        WebElement hidden = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#project .refusal")));
        wait.until(ExpectedConditions.textToBePresentInElement(hidden, "不存在"));

        // the security administrator has cleared the officer (涉密资格): only a cleared person can be named
        application.web().workplace().clearances().grant(caller("secadmin"), bureauNow.actor().userId());
        signIn("secrecy");
        openProject(id);
        WebElement who = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assign-who")));
        new Select(who).selectByVisibleText("陈大数据（bureau，市大数据管理局）");
        driver.findElement(By.id("assign")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已指定"));
        assertThat(driver.findElement(By.id("assignment-table")).getText()).contains("陈大数据（bureau）");
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("指定涉密项目知悉范围人员", "第二十七条");

        signIn("bureau");
        openProject(id);
        assertThat(driver.findElement(By.id("facts")).getText()).contains("涉密项目");
        assertThat(driver.findElement(By.id("assignment-table")).getText()).contains("陈大数据");
        assertThat(driver.findElements(By.id("assign-form"))).isEmpty();
    }

    @Test
    @DisplayName("登录后只跳转到本站路径：反斜杠、制表符、双斜杠、站外地址的next一律改回首页，本站路径照常跳转")
    void signInGoesOnlyToThisSite() {
        for (String next : List.of("/%5Cevil.example", "/%5C%5Cevil.example/x", "/%09/evil.example", "//evil.example",
                "https://evil.example/", "/%2E%2E//evil.example")) {
            signInVia("/login.html?next=" + next);
            // the unit's home page, or wherever the page was sent instead
            wait.until(d -> d.getCurrentUrl().endsWith("/todo.html") || !d.getCurrentUrl().startsWith(base + "/"));
            assertThat(driver.getCurrentUrl()).as(next).isEqualTo(base + "/todo.html");
        }
        signInVia("/login.html?next=" + "%2Fprojects.html%3Fyear%3D2025");
        wait.until(d -> d.getCurrentUrl().contains("/projects.html") || !d.getCurrentUrl().startsWith(base + "/"));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/projects.html?year=2025");

        // the rule itself, as the page's script applies it
        driver.get(base + "/login.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        ChromeDriver chrome = (ChromeDriver) driver;
        for (String refused : List.of("/\\evil.example", "/\t/evil.example", "/ /evil.example", "/\u3000/x", "//x",
                "/..//evil.example", "https://evil.example", "javascript:alert(1)", "todo.html", "")) {
            assertThat(chrome.executeScript("return safeNext(arguments[0]);", refused)).as(refused).isNull();
        }
        assertThat(chrome.executeScript("return safeNext('/project.html?id=P-1#timeline');"))
                .isEqualTo("/project.html?id=P-1#timeline");
    }

    @Test
    @DisplayName("模拟时钟（EGOV_CLOCK）：登录页和各办理页面显示“模拟时钟”横幅，页面的默认年度随模拟时间；未设时不显示")
    void simulatedClockBanner() throws IOException {
        // this class's application runs on a clock of the test's, not a simulated one: no banner once /health answered
        driver.manage().deleteAllCookies();
        driver.get(base + "/login.html");
        awaitPage(d -> d.findElement(By.id("username")));
        assertThat(clockSet()).isFalse();
        assertThat(driver.findElement(By.id("clock-banner")).getText()).isEmpty();
        assertThat(driver.findElement(By.id("clock-banner")).isDisplayed()).isFalse();

        Path dir = Files.createTempDirectory(home, "clock-");
        Settings settings = Settings.parse(List.of("--db-url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("egov")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--uploads-dir", dir.resolve("uploads").toString()), Map.of("EGOV_CLOCK", "2025-03-04T09:00"));
        try (Application simulated = Application.open(settings)) {
            var accounts = simulated.accounts();
            accounts.createAccount(null, account("admin", "管理员", Role.ADMIN, "TC-DSJ"));
            AccountsForTests.ready(accounts, new Caller(accounts.authenticate("admin", PASSWORD.toCharArray()).orElseThrow(),
                    "it", "-"), account("police", "王经办", Role.UNIT_STAFF, "TC-GAJ"));
            WebServer other = WebServer.start(simulated.webApi(), 0);
            try {
                String otherBase = "http://localhost:" + other.port();
                driver.manage().deleteAllCookies();
                driver.get(otherBase + "/login.html");
                WebElement banner = awaitBanner();
                assertThat(banner.getAttribute("role")).isEqualTo("status");
                assertThat(banner.isDisplayed()).isTrue();
                assertThat(banner.getText()).startsWith("模拟时钟：2025-03-04 09:0")
                        .contains("本系统时间为模拟时间，仅用于培训、演示和验收测试");

                driver.findElement(By.id("username")).sendKeys("police");
                driver.findElement(By.id("password")).sendKeys(PASSWORD);
                driver.findElement(By.id("login-button")).click();
                wait.until(ExpectedConditions.urlContains("/todo.html"));
                awaitPage(d -> d.findElement(By.id("who")));
                assertThat(awaitBanner().getText()).startsWith("模拟时钟：2025-03-04 09:0");

                // the pages' defaults follow the server's clock, not the browser's
                driver.get(otherBase + "/projects.html");
                WebElement year = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pf-year")));
                assertThat(year.getAttribute("value")).isEqualTo("2026");
                assertThat(((ChromeDriver) driver).executeScript("return App.today();")).isEqualTo("2025-03-04");
                assertThat(awaitBanner().getText()).startsWith("模拟时钟：2025-03-04");
            } finally {
                other.close();
            }
        }
    }

    /** The simulated-clock banner once it has its text. */
    private WebElement awaitBanner() {
        return awaitPage(d -> {
            WebElement banner = d.findElement(By.id("clock-banner"));
            return banner.getText().startsWith("模拟时钟") ? banner : null;
        });
    }

    /** Whether the page, once /health has answered, found the server's clock simulated. */
    private boolean clockSet() {
        Object set = ((ChromeDriver) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; App.clock.then(c => done(c.set));");
        return Boolean.TRUE.equals(set);
    }

    /** Signs in as the unit's staff on the given login address. */
    private void signInVia(String loginPath) {
        driver.manage().deleteAllCookies();
        driver.get(base + loginPath);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("police");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-button")).click();
    }

    /** Types a date into an {@code <input type=date>} whatever the browser's locale, through its value. */
    private void setDate(String id, String iso) {
        WebElement input = driver.findElement(By.id(id));
        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1];", input, iso);
    }
}
