package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
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
@DisplayName("浏览器中的资源目录、相似项目和复用审查意见")
class ResourceBrowserIT extends BrowserTestSupport {


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
        application.useCases().openDeclarationWindow().openWindow(caller("bureau"), new OpenDeclarationWindowCommand(
                2025, LocalDate.of(2024, 8, 20), LocalDate.of(2024, 9, 30)));
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
