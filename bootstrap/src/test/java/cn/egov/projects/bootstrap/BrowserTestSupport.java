package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * What the browser tests share: the real application started in-process on an embedded H2 database of its own with a
 * clock the test sets, the first system and security administrators made, and a real headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}; nothing is downloaded) signed in as each person in turn. A failing test
 * leaves a screenshot and the page under {@code target/browser-screenshots}. Without a browser the tests are skipped on
 * a developer's machine and fail in CI ({@code CI} set).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String PASSWORD = "Browser-Test-Password";

    protected final StaffBrowserIT.TestClock clock = new StaffBrowserIT.TestClock(LocalDate.of(2024, 8, 20));
    protected Path home;
    protected Application application;
    protected WebServer server;
    protected WebDriver driver;
    protected WebDriverWait wait;
    protected String base;

    @RegisterExtension
    final TestWatcher screenshots = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (driver instanceof ChromeDriver chrome) {
                try {
                    Path dir = Path.of("target", "browser-screenshots");
                    Files.createDirectories(dir);
                    File shot = chrome.getScreenshotAs(OutputType.FILE);
                    String file = BrowserTestSupport.this.getClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName();
                    Files.copy(shot.toPath(), dir.resolve(file + ".png"), StandardCopyOption.REPLACE_EXISTING);
                    Files.writeString(dir.resolve(file + ".html"), chrome.getPageSource());
                } catch (IOException | RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    };

    /** The environment variables the application is started with (none unless a test says). */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /**
     * For a test whose clock travels across months of business time: passwords that serve ten years and accounts
     * disabled only after ten years unused, so that nobody must change a password or is disabled on the way (the
     * password policy itself is tested by {@code PasswordPolicyApiTest} and {@code PasswordBrowserIT}).
     */
    protected static Map<String, String> travellingInTime() {
        return Map.of("EGOV_PASSWORD_MAX_AGE_DAYS", "3650", "EGOV_DORMANT_DAYS", "3650");
    }

    /** The test's own people and data, made through the use cases once the application runs. */
    protected abstract void prepare(AccountService accounts);

    @BeforeAll
    final void start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("no Chromium on this machine: apt-get install -y chromium chromium-driver");
        }
        home = Files.createTempDirectory(Path.of("target"), "browser-" + getClass().getSimpleName() + "-");
        Settings settings = Settings.parse(List.of("--db-url",
                "jdbc:h2:file:" + home.toAbsolutePath().resolve("egov") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH", "--uploads-dir", home.resolve("uploads").toString()), environment());
        application = Application.open(settings, clock);
        server = WebServer.start(application.webApi(), 0);
        base = "http://localhost:" + server.port();
        AccountService accounts = application.accounts();
        String adminId = accounts.createAccount(null, account("admin", "管理员", Role.ADMIN, "TC-DSJ"));
        // 三员分立: the Bureau's and Audit's roles are the security administrator's to grant
        String secadminId = accounts.createAccount(null, account("secadmin", "安全保密管理员", Role.SECURITY_ADMIN,
                "TC-DSJ"));
        // the administrators sign in with a one-time code too, enrolled as create-admin does
        enrolled("admin", adminId);
        enrolled("secadmin", secadminId);
        prepare(accounts);

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
    final void stop() {
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

    /** The one-time-code secrets of the accounts that have a second factor. */
    protected final OneTimeCodes codes = new OneTimeCodes();

    /** Enrols the account's second factor as create-admin does and keeps its secret for {@link #signIn}. */
    protected void enrolled(String username, String userId) {
        var otp = application.web().workplace().secondFactor().enrolByOperator(userId,
                cn.egov.projects.application.view.OtpAlgorithm.SM3, "test");
        codes.put(username, new OneTimeCodes.Secret(otp.secretBase32(), otp.algorithm().name()));
    }

    static CreateAccountCommand account(String username, String name, Role role, String unit) {
        return new CreateAccountCommand(username, name, role, new UnitId(unit), null, null, PASSWORD.toCharArray());
    }

    /** A person signed in through the use cases, for the steps a test takes without the browser. */
    protected Caller caller(String username) {
        return new Caller(application.accounts().authenticate(username, PASSWORD.toCharArray()).orElseThrow(), "it",
                "-");
    }

    /**
     * Signs in on the sign-in page and returns on the person's home page. Signing in navigates twice (to index.html,
     * which then replaces itself with the role's home), so the wait is for the home page itself: a test that went on
     * from index.html would race its replacement.
     */
    protected void signIn(String username) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login.html");
        awaitPage(d -> d.findElement(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-button")).click();
        if (codes.has(username)) {
            // the second step on the same page: the 6-digit code
            awaitPage(d -> d.findElement(By.id("otp-code")).isDisplayed() ? Boolean.TRUE : null);
            driver.findElement(By.id("otp-code")).sendKeys(codes.fresh(username));
            driver.findElement(By.id("otp-button")).click();
        }
        awaitPage(d -> {
            String path = URI.create(d.getCurrentUrl()).getPath();
            return !path.endsWith("/login.html") && !path.endsWith("/index.html") && !path.endsWith("/") ? path : null;
        });
        awaitPage(d -> d.findElement(By.id("who")));
    }

    /**
     * Waits for a condition of a page that may be navigating meanwhile: an element not there yet, gone stale, or a
     * command cut off by a navigation ("aborted by navigation") means "not yet"; anything else fails the test.
     */
    protected <T> T awaitPage(Function<WebDriver, T> condition) {
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

    protected void openProject(String id) {
        driver.get(base + "/project.html?id=" + id);
        awaitPage(d -> d.findElement(By.id("state")));
    }

    /** Opens an action's form on the project page, submits it as it stands, and waits for the new state. */
    protected void act(String action, String state) {
        WebElement details = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-" + action)));
        details.findElement(By.tagName("summary")).click();
        driver.findElement(By.id("submit-" + action)).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), state));
    }

    /** Drafts a project of the plan year 2025 on the 项目列表 page as the signed-in unit; returns its id. */
    protected String draft(String name, String scope) {
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

    protected void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
