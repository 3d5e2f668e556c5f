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
 * The expert pool, the review draws and an expert's declaration and opinion in a real headless Chromium (as
 * {@link StaffBrowserIT}: Debian's {@code chromium} and {@code chromium-driver}, the real application on an embedded
 * H2 database, a clock the test sets; skipped without a browser on a developer's machine, failing in CI).
 */
@DisplayName("浏览器中的评审专家库、随机抽取和专家评审")
class ExpertBrowserIT extends BrowserTestSupport {

    /** username, name, employer, employer unit, related vendor. */
    private static final String[][] EXPERTS = {
            {"expert1", "张专家", "苏州大学", "", ""},
            {"expert2", "李专家", "太仓市软件协会", "", ""},
            {"expert3", "赵专家", "太仓市公安局", "TC-GAJ", ""},
            {"expert4", "孙专家", "苏州某咨询有限公司", "", "太仓某科技有限公司"},
            {"expert5", "周专家", "常熟理工学院", "", ""}};
    private static final String BIDDER = "太仓某科技有限公司";

    @Override
    protected void prepare(AccountService accounts) {
        Caller admin = caller("secadmin");
        AccountsForTests.ready(accounts, admin, account("police", "王经办", Role.UNIT_STAFF, "TC-GAJ"));
        AccountsForTests.ready(accounts, admin, account("bureau", "陈大数据", Role.BDB_OFFICER, "TC-DSJ"));
        for (String[] e : EXPERTS) {
            AccountsForTests.ready(accounts, admin, account(e[0], e[1], Role.EXPERT, "TC-ZJ"));
        }
        application.useCases().openDeclarationWindow().openWindow(caller("bureau"), new OpenDeclarationWindowCommand(
                2025, LocalDate.of(2024, 8, 20), LocalDate.of(2024, 9, 30)));
    }

    private void addExpert(String[] e) {
        type("ex-user", e[0]);
        type("ex-name", e[1]);
        type("ex-employer", e[2]);
        type("ex-employer-unit", e[3]);
        type("ex-vendors", e[4]);
        driver.findElement(By.id("ex-field-SOFTWARE_DEVELOPMENT")).click();
        driver.findElement(By.id("expert-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("expert-flash"), "已将 " + e[1] + " 加入专家库"));
    }

    private String expertTable() {
        return awaitPage(d -> d.findElement(By.id("expert-table"))).getText();
    }

    @Test
    @DisplayName("大数据局维护专家库、为已申报项目随机抽取专家并复核；抽中的专家签署回避声明并提交评审意见")
    void poolDrawDeclarationAndOpinion() {
        signIn("police");
        String project = draft("智慧公安数据平台", "数据汇聚平台\n警情分析系统");
        act("DECLARE", "已申报");
        assertThat(driver.findElements(By.id("expert-draws"))).isEmpty();

        signIn("bureau");
        driver.get(base + "/bureau.html");
        awaitPage(d -> d.findElement(By.id("ex-field-SOFTWARE_DEVELOPMENT")));
        assertThat(expertTable()).contains("暂无");
        // an account that is not an expert's is refused in place
        type("ex-user", "police");
        type("ex-name", "王经办");
        driver.findElement(By.id("ex-field-SOFTWARE_DEVELOPMENT")).click();
        driver.findElement(By.id("expert-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("expert-error"), "专家库只收录专家账号"));
        driver.findElement(By.id("ex-field-SOFTWARE_DEVELOPMENT")).click();
        for (String[] e : EXPERTS) {
            addExpert(e);
        }
        assertThat(expertTable()).contains("张专家", "软件开发", "苏州大学", "任职单位 TC-GAJ", "企业 " + BIDDER, "在库（可抽取）");
        driver.findElement(By.cssSelector("button[aria-label='停用专家 周专家']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("expert-flash"), "已停用专家 周专家"));
        assertThat(expertTable()).contains("已停用");
        driver.findElement(By.cssSelector("button[aria-label='启用专家 周专家']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("expert-flash"), "已启用专家 周专家"));
        assertThat(expertTable()).doesNotContain("已停用");
        // an expert's record is corrected in the same form, which then returns to adding
        driver.findElement(By.cssSelector("button[aria-label='修改专家 周专家']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("expert-form-title"), "修改专家「周专家」的信息"));
        assertThat(driver.findElement(By.id("ex-employer")).getAttribute("value")).isEqualTo("常熟理工学院");
        assertThat(driver.findElement(By.id("ex-field-SOFTWARE_DEVELOPMENT")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("ex-user")).isEnabled()).isFalse();
        type("ex-employer", "苏州科技大学");
        driver.findElement(By.id("expert-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("expert-flash"), "已保存专家 周专家 的修改"));
        assertThat(expertTable()).contains("苏州科技大学").doesNotContain("常熟理工学院");
        assertThat(driver.findElement(By.id("expert-form-title")).getText()).isEqualTo("新增专家");
        assertThat(driver.findElement(By.id("ex-user")).isEnabled()).isTrue();
        assertThat(driver.findElement(By.id("expert-cancel")).isDisplayed()).isFalse();

        openProject(project);
        awaitPage(d -> d.findElement(By.id("draw-form")));
        assertThat(driver.findElement(By.id("draws-none")).getText()).isEqualTo("尚未抽取评审专家。");
        new Select(driver.findElement(By.id("draw-fields"))).selectByValue("SOFTWARE_DEVELOPMENT");
        type("draw-count", "2");
        type("draw-reserves", "1");
        type("draw-bidders", BIDDER);
        driver.findElement(By.id("draw-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已随机抽取评审专家"));
        WebElement record = awaitPage(d -> d.findElement(By.cssSelector("article.draw")));
        String drawId = record.getAttribute("data-draw");
        String exclusions = driver.findElement(By.id("exclusions-" + drawId)).getText();
        assertThat(exclusions).contains("赵专家", "回避：工作单位为项目实施单位（TC-GAJ）",
                "孙专家", "回避：与本项目供应商或投标人「" + BIDDER + "」有关联");
        assertThat(record.getText()).contains("第 1 次抽取", "评审专家 2 名，备选 1 名", "5 名，符合条件 3 名", "随机种子");
        List<WebElement> panel = driver.findElements(By.cssSelector("[id='panel-" + drawId + "'] tbody tr"));
        assertThat(panel).hasSize(2);
        assertThat(driver.findElement(By.id("panel-" + drawId)).getText()).contains("待签署回避声明");
        assertThat(driver.findElements(By.cssSelector("[id='reserves-" + drawId + "'] tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.id("reserves-" + drawId)).getText()).contains("备选，待递补");
        driver.findElement(By.id("replay-" + drawId)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("replay-result-" + drawId), "复核一致"));

        String drawn = panel.get(0).findElement(By.tagName("td")).getText();
        String username = java.util.Arrays.stream(EXPERTS).filter(e -> e[1].equals(drawn)).findFirst().orElseThrow()[0];
        signIn(username);
        assertThat(driver.getCurrentUrl()).endsWith("/expert.html");
        WebElement card = awaitPage(d -> d.findElement(By.id("review-" + drawId)));
        assertThat(card.getText()).contains("智慧公安数据平台", "待签署回避声明", "本人承诺", BIDDER);
        assertThat(driver.findElements(By.id("opinion-form-" + drawId))).isEmpty();
        driver.findElement(By.id("declare-" + drawId)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-" + drawId), "请先勾选确认回避声明"));
        driver.findElement(By.id("agree-" + drawId)).click();
        driver.findElement(By.id("declare-" + drawId)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已签署回避声明：智慧公安数据平台"));
        awaitPage(d -> d.findElement(By.id("opinion-form-" + drawId)));
        assertThat(driver.findElement(By.id("review-" + drawId)).getText()).contains("已签署回避声明");
        new Select(driver.findElement(By.id("verdict-" + drawId))).selectByValue("AGREE_WITH_CHANGES");
        type("score-" + drawId, "85");
        type("comments-" + drawId, "建设内容合理，建议复用市级数据共享平台");
        driver.findElement(By.id("opinion-submit-" + drawId)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已提交评审意见：智慧公安数据平台"));
        assertThat(awaitPage(d -> d.findElement(By.id("opinion-" + drawId))).getText())
                .contains("修改后同意", "评分 85", "建议复用市级数据共享平台");

        signIn("bureau");
        openProject(project);
        assertThat(awaitPage(d -> d.findElement(By.id("panel-" + drawId))).getText())
                .contains(drawn, "已签署回避声明", "修改后同意，85 分");
    }
}
