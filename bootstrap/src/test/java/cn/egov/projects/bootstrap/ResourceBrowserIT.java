package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project page's resource catalogue, similar projects and reuse opinion in a real headless Chromium (as
 * {@link StaffBrowserIT}: Debian's {@code chromium} and {@code chromium-driver}, the real application on an embedded
 * H2 database, a clock the test sets; skipped without a browser on a developer's machine, failing in CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("浏览器中的资源目录、相似项目和复用审查意见")
class ResourceBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String PASSWORD = "browser-test-password";

    private final StaffBrowserIT.TestClock clock = new StaffBrowserIT.TestClock(LocalDate.of(2024, 8, 20));
    private Path home;
    private Application application;
    private WebServer server;
    private WebDriver driver;
    private WebDriverWait wait;
    private String base;

    @RegisterExtension
    final TestWatcher screenshots = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (driver instanceof ChromeDriver chrome) {
                try {
                    Path dir = Path.of("target", "browser-screenshots");
                    Files.createDirectories(dir);
                    File shot = chrome.getScreenshotAs(OutputType.FILE);
                    String name = "resources-" + context.getRequiredTestMethod().getName();
                    Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                    Files.writeString(dir.resolve(name + ".html"), chrome.getPageSource());
                } catch (IOException | RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    };

    @BeforeAll
    void start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("no Chromium on this machine: apt-get install -y chromium chromium-driver");
        }
        home = Files.createTempDirectory(Path.of("target"), "browser-resources-");
        Settings settings = Settings.parse(List.of("--db-url",
                "jdbc:h2:file:" + home.toAbsolutePath().resolve("egov") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH", "--uploads-dir", home.resolve("uploads").toString()), Map.of());
        application = Application.open(settings, clock);
        server = WebServer.start(application.webApi(), 0);
        base = "http://localhost:" + server.port();
        var accounts = application.accounts();
        accounts.createAccount(null, account("admin", "管理员", Role.ADMIN, "TC-DSJ"));
        // 三员分立: the Bureau's role is the security administrator's to grant
        accounts.createAccount(null, account("secadmin", "安全保密管理员", Role.SECURITY_ADMIN, "TC-DSJ"));
        Caller admin = new Caller(accounts.authenticate("secadmin", PASSWORD.toCharArray()).orElseThrow(), "it", "-");
        accounts.createAccount(admin, account("police", "王经办", Role.UNIT_STAFF, "TC-GAJ"));
        accounts.createAccount(admin, account("bureau", "陈大数据", Role.BDB_OFFICER, "TC-DSJ"));
        Caller bureau = new Caller(accounts.authenticate("bureau", PASSWORD.toCharArray()).orElseThrow(), "it", "-");
        application.useCases().openDeclarationWindow().openWindow(bureau, new OpenDeclarationWindowCommand(2025,
                LocalDate.of(2024, 8, 20), LocalDate.of(2024, 9, 30)));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,1600", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory(home, "chrome").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (application != null) {
            application.close();
        }
    }

    private static CreateAccountCommand account(String username, String name, Role role, String unit) {
        return new CreateAccountCommand(username, name, role, new UnitId(unit), null, null, PASSWORD.toCharArray());
    }

    private void signIn(String username) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login.html");
        awaitPage(d -> d.findElement(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-button")).click();
        awaitPage(d -> {
            String path = URI.create(d.getCurrentUrl()).getPath();
            return !path.endsWith("/login.html") && !path.endsWith("/index.html") && !path.endsWith("/") ? path : null;
        });
        awaitPage(d -> d.findElement(By.id("who")));
    }

    private <T> T awaitPage(Function<WebDriver, T> condition) {
        return wait.until(d -> {
            try {
                return condition.apply(d);
            } catch (NoSuchElementException | StaleElementReferenceException notYet) {
                return null;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("navigat")) {
                    return null;
                }
                throw e;
            }
        });
    }

    private void openProject(String id) {
        driver.get(base + "/project.html?id=" + id);
        awaitPage(d -> d.findElement(By.id("state")));
    }

    private void act(String action, String state) {
        WebElement details = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-" + action)));
        details.findElement(By.tagName("summary")).click();
        driver.findElement(By.id("submit-" + action)).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), state));
    }

    /** Drafts a project of the plan year 2025 on the 项目列表 page as the signed-in unit; returns its id. */
    private String draft(String name, String scope) {
        driver.get(base + "/projects.html");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-form")));
        form.findElement(By.id("pf-name")).clear();
        form.findElement(By.id("pf-name")).sendKeys(name);
        form.findElement(By.id("pf-year")).clear();
        form.findElement(By.id("pf-year")).sendKeys("2025");
        form.findElement(By.id("pf-scope")).sendKeys(scope);
        form.findElement(By.id("pf-goals")).sendKeys("数据共享率；产出；≥90%");
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
        awaitPage(d -> d.findElement(By.id("state")));
        return driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("id=") + 3).replaceAll("#.*", "");
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    @DisplayName("单位在项目页登记资源；另一项目页列出相似的项目和资源及得分；大数据局评审时录入审查意见，单位在项目页看到")
    void catalogueSimilarAndOpinion() {
        signIn("police");
        String sharing = draft("公安数据共享平台", "公安数据汇聚\n数据共享交换接口");
        WebElement resources = awaitPage(d -> d.findElement(By.id("resource-form")));
        type("res-name", "公安数据共享交换接口");
        new Select(driver.findElement(By.id("res-kind"))).selectByValue("INTERFACE");
        type("res-owner", "太仓市公安局");
        type("res-description", "向各部门提供警情数据共享交换");
        new Select(driver.findElement(By.id("res-sharing"))).selectByValue("CONDITIONAL");
        // a conditional sharing without its condition is refused in place, naming the field
        resources.findElement(By.id("resource-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resource-error"), "有条件共享的资源须写明共享条件"));
        type("res-condition", "经市大数据管理局审批后共享");
        driver.findElement(By.id("resource-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已登记资源"));
        assertThat(awaitPage(d -> d.findElement(By.id("resource-table"))).getText())
                .contains("公安数据共享交换接口", "接口服务", "有条件共享（经市大数据管理局审批后共享）", "不予开放");
        act("DECLARE", "已申报");

        String subject = draft("智慧公安数据平台", "数据汇聚平台\n警情分析系统");
        String similar = awaitPage(d -> d.findElement(By.id("similar-table"))).getText();
        assertThat(similar).contains("公安数据共享平台", "公安数据共享交换接口", "公安数据");
        assertThat(driver.findElements(By.id("reuse-form"))).isEmpty();
        act("DECLARE", "已申报");

        clock.set(LocalDate.of(2024, 10, 10));
        signIn("bureau");
        openProject(subject);
        act("START_REVIEW", "专家评审中");
        awaitPage(d -> d.findElement(By.id("reuse-form")));
        new Select(driver.findElement(By.id("reuse-verdict-input"))).selectByValue("PARTIAL_REUSE");
        type("reuse-comment", "数据汇聚部分应复用公安数据共享平台");
        driver.findElement(By.id("reuse-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reuse-error"), "须列明相似的项目或资源"));
        WebElement pick = driver.findElements(By.cssSelector("#reuse-picks input[type=checkbox]")).stream()
                .filter(c -> sharing.equals(c.getAttribute("data-project")) && c.getAttribute("data-resource").isEmpty())
                .findFirst().orElseThrow();
        pick.click();
        driver.findElement(By.id("reuse-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已录入复用与重复建设审查意见"));
        assertThat(awaitPage(d -> d.findElement(By.id("reuse-verdict"))).getText())
                .isEqualTo("部分重复（可复用已有项目或资源）");
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("录入复用与重复建设审查意见", "第六条");

        signIn("police");
        openProject(subject);
        String opinion = awaitPage(d -> d.findElement(By.id("reuse-opinion-facts"))).getText();
        assertThat(opinion).contains("部分重复（可复用已有项目或资源）", "数据汇聚部分应复用公安数据共享平台", "公安数据共享平台");
        assertThat(driver.findElements(By.id("reuse-form"))).isEmpty();
    }
}
