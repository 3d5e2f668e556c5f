package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.domain.access.Role;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password policy on the sign-in page, in a real headless Chromium (as {@link StaffBrowserIT}): the first sign-in
 * with a password an administrator set shows the change form, which refuses what the policy refuses and then goes on
 * to the person's home page; and a session ended because the account signed in elsewhere is sent back to the sign-in
 * page, which says why.
 */
@DisplayName("浏览器中的首次登录改密和“已在其他地方登录”")
class PasswordBrowserIT extends BrowserTestSupport {

    private static final String NEW_PASSWORD = "Fresh-Chosen-2024";

    @Override
    protected void prepare(AccountService accounts) {
        // created by the security administrator with a password of theirs: to be changed at the first sign-in
        accounts.createAccount(caller("secadmin"), account("newbie", "吴新人", Role.UNIT_STAFF, "TC-GAJ"));
    }

    private void typeIn(String id, String text) {
        var input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    @DisplayName("首次登录显示修改密码表单：弱密码、两次不一致被拒绝并说明；改后进入本人首页；再登录不再要求")
    void firstSignInChangesThePassword() {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login.html");
        awaitPage(d -> d.findElement(By.id("username"))).sendKeys("newbie");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("change-section")));
        assertThat(driver.findElement(By.id("change-reason")).getText())
                .contains("该密码由管理员设置，首次登录须修改密码");
        assertThat(driver.findElement(By.id("current-row")).isDisplayed()).as("the typed password is used").isFalse();

        typeIn("new-password", "only-lower-case");
        typeIn("confirm-password", "only-lower-case");
        driver.findElement(By.id("change-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-error"), "三类"));

        typeIn("new-password", NEW_PASSWORD);
        typeIn("confirm-password", NEW_PASSWORD + "x");
        driver.findElement(By.id("change-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("change-error"), "两次输入的新密码不一致"));

        typeIn("confirm-password", NEW_PASSWORD);
        driver.findElement(By.id("change-button")).click();
        awaitPage(d -> URI.create(d.getCurrentUrl()).getPath().endsWith("/todo.html") ? d : null);
        assertThat(awaitPage(d -> d.findElement(By.id("who"))).getText()).contains("吴新人");

        driver.manage().deleteAllCookies();
        driver.get(base + "/login.html");
        awaitPage(d -> d.findElement(By.id("username"))).sendKeys("newbie");
        driver.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        driver.findElement(By.id("login-button")).click();
        awaitPage(d -> URI.create(d.getCurrentUrl()).getPath().endsWith("/todo.html") ? d : null);
        assertThat(awaitPage(d -> d.findElement(By.id("who"))).getText()).as("no change asked again").contains("吴新人");
    }

    @Test
    @DisplayName("系统管理员在别处登录后，本浏览器的下一次操作回到登录页，并说明账号已在其他地方登录")
    void aSessionEndedElsewhereIsTold() throws Exception {
        signIn("admin");
        HttpResponse<String> elsewhere = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/session")).timeout(Duration.ofSeconds(180))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "admin")
                        .put("password", PASSWORD).put("code", codes.fresh("admin")).encode(),
                        StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(elsewhere.statusCode()).as(elsewhere::body).isEqualTo(200);
        driver.navigate().refresh();
        awaitPage(d -> URI.create(d.getCurrentUrl()).getPath().endsWith("/login.html") ? d : null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"),
                "您的账号已在其他地方登录，本会话已结束"));
    }
}
