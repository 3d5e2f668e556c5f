package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.domain.access.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor in a real headless Chromium (as {@link StaffBrowserIT}): a security auditor without one is sent
 * from the sign-in page to enrol, scans the QR code the server drew (here: reads the secret shown beside it), confirms
 * with a code and is signed in; next time the sign-in page asks for the 6-digit code after the password, refuses a
 * wrong one in place, and signs in with the right one.
 */
@DisplayName("浏览器中的动态口令：管理员首次登录扫码绑定；之后在登录页输入6位动态口令")
class SecondFactorBrowserIT extends BrowserTestSupport {

    @Override
    protected void prepare(AccountService accounts) {
        // the first security auditor, made without a second factor: it enrols at its first sign-in
        accounts.createAccount(null, account("auditadmin", "安全审计员", Role.AUDIT_ADMIN, "TC-DSJ"));
        bureauId = AccountsForTests.ready(accounts, caller("secadmin"), account("bureau", "陈大数据", Role.BDB_OFFICER,
                "TC-DSJ"));
    }

    private String bureauId;

    private void shot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser-screenshots"));
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    dir.resolve("SecondFactorBrowserIT-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("首次登录：只能绑定；显示服务器生成的二维码和密钥；输入动态口令确认后进入安全审计页；再次登录在登录页输入动态口令")
    void anAdministratorEnrolsWithTheQrCodeAndThenSignsInWithACode() {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login.html");
        awaitPage(d -> d.findElement(By.id("username"))).sendKeys("auditadmin");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-button")).click();
        WebElement start = awaitPage(d -> d.findElement(By.id("otp-start")));
        assertThat(driver.findElement(By.id("login-form")).isDisplayed()).isFalse();
        start.click();
        WebElement qr = awaitPage(d -> d.findElement(By.id("otp-qr")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        assertThat(qr.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(qr.getSize().getWidth()).isGreaterThan(100);
        String secret = driver.findElement(By.id("otp-secret")).getText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(driver.findElement(By.id("otp-alg")).getText()).isEqualTo("SM3");
        shot("enrolment");
        codes.put("auditadmin", new OneTimeCodes.Secret(secret, "SM3"));

        driver.findElement(By.id("otp-enrol-code")).sendKeys("000000");
        driver.findElement(By.id("otp-confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("otp-error"), "动态口令不正确"));
        driver.findElement(By.id("otp-enrol-code")).clear();
        driver.findElement(By.id("otp-enrol-code")).sendKeys(codes.fresh("auditadmin"));
        driver.findElement(By.id("otp-confirm")).click();
        awaitPage(d -> URI.create(d.getCurrentUrl()).getPath().endsWith("/security.html") ? Boolean.TRUE : null);
        awaitPage(d -> d.findElement(By.id("who")));

        // signed out, the sign-in page asks for the code after the password; a wrong one is refused in place
        driver.findElement(By.id("logout")).click();
        awaitPage(d -> d.findElement(By.id("username"))).sendKeys("auditadmin");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-button")).click();
        WebElement code = awaitPage(d -> d.findElement(By.id("otp-code")).isDisplayed()
                ? d.findElement(By.id("otp-code")) : null);
        code.sendKeys("123456");
        driver.findElement(By.id("otp-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-error"), "动态口令不正确"));
        shot("code");
        code.clear();
        code.sendKeys(codes.fresh("auditadmin"));
        driver.findElement(By.id("otp-button")).click();
        awaitPage(d -> URI.create(d.getCurrentUrl()).getPath().endsWith("/security.html") ? Boolean.TRUE : null);
        awaitPage(d -> d.findElement(By.id("who")));
        // the security policy, read only, on the auditor's page
        awaitPage(d -> d.findElement(By.id("policy-table")));
        assertThat(driver.findElement(By.id("policy-table")).getText()).contains("分钟");
        // and the account-security rules in force beside it
        String rules = awaitPage(d -> d.findElement(By.id("account-policy-table"))).getText();
        assertThat(rules).contains("口令有效期", "90 天", "不得与最近 5 次口令相同", "连续失败 5 次", "锁定 15 分钟",
                "三员账号 1 个，其他账号 3 个", "30 分钟");

        // 我的账号 tells the auditor the second factor is bound and cannot be removed
        driver.get(base + "/account.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("otp-state"), "已绑定动态口令：HMAC-SM3"));
        assertThat(driver.findElements(By.id("otp-disable"))).isEmpty();
    }

    @Test
    @DisplayName("系统管理员以密码和动态口令登录；安全保密管理员在系统管理页设置安全策略")
    void theSecurityAdministratorSetsThePolicyOnItsPage() {
        signIn("secadmin");
        driver.get(base + "/admin.html");
        WebElement bdb = awaitPage(d -> d.findElement(By.id("policy-bdb")));
        assertThat(bdb.isSelected()).isEqualTo(application.web().workplace().securityPolicy().current()
                .stepUpBdbApprovals());
        if (!bdb.isSelected()) {
            bdb.click();
        }
        driver.findElement(By.id("policy-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-result"), "已保存"));
        assertThat(application.web().workplace().securityPolicy().current().stepUpBdbApprovals()).isTrue();
        assertThat(driver.findElement(By.id("account-policy-table")).getText())
                .contains("12 至 128 个字符", "至少 3 类", "连续 90 天未登录即停用", "20 次");

        // 涉密资格, a page of its own: the security administrator grants and revokes, in Chinese, by name
        driver.get(base + "/clearances.html");
        WebElement grant = awaitPage(d -> d.findElement(By.id("grant-bureau")));
        assertThat(driver.findElement(By.id("clearance-table")).getText()).contains("陈大数据", "市大数据管理局",
                "未获资格");
        grant.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clearance-result"),
                "已授予陈大数据涉密资格"));
        assertThat(driver.findElement(By.id("clearance-table")).getText()).contains("已获资格", "安全保密管理员");
        driver.findElement(By.id("revoke-bureau")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clearance-result"),
                "已撤销陈大数据的涉密资格"));
        assertThat(application.web().workplace().clearances().list(caller("secadmin")))
                .noneMatch(cn.egov.projects.application.port.in.ClearanceUseCase.Person::cleared);
        signIn("admin");
        driver.get(base + "/admin.html");
        awaitPage(d -> d.findElement(By.id("account-table")));
        assertThat(driver.findElements(By.id("policy-form"))).isEmpty();
    }

    @Test
    @DisplayName("安全策略要求时，大数据局的审批操作先弹出动态口令对话框，验证后自动重试")
    void anApprovalAsksForACodeAndTriesAgain() {
        // signed in before the officer had a second factor: no code passed in this session
        signIn("bureau");
        enrolled("bureau", bureauId);
        application.web().workplace().securityPolicy().update(caller("secadmin"),
                new cn.egov.projects.application.view.SecurityPolicy(true, false, 5));
        ((JavascriptExecutor) driver).executeScript("window.__approval = 'pending';"
                + "App.api('POST', '/api/projects/' + arguments[0] + '/actions/RECORD_APPROVAL',"
                + " {approvedBudget: '1000.00', reference: '太政复〔2024〕1号'})"
                + ".then(() => { window.__approval = 'done'; }, e => { window.__approval = String(e.status); });",
                java.util.UUID.randomUUID().toString());
        WebElement code = awaitPage(d -> d.findElement(By.id("stepup-code")));
        assertThat(driver.findElement(By.id("stepup-dialog")).getText()).contains("动态口令");
        shot("step-up");
        code.sendKeys("000000");
        driver.findElement(By.id("stepup-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stepup-error"), "动态口令不正确"));
        code.clear();
        code.sendKeys(codes.fresh("bureau"));
        driver.findElement(By.id("stepup-submit")).click();
        // the approval was tried again, past the step-up: no such project → 404
        wait.until(d -> "404".equals(((JavascriptExecutor) d).executeScript("return window.__approval;")));
        assertThat(driver.findElements(By.id("stepup-dialog"))).isEmpty();
    }
}
