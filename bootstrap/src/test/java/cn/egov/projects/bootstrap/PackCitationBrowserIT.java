package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.bootstrap.config.PolicyPackFile;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPacks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages cite the pack in force, never numbers of their own, in a real headless Chromium (as
 * {@link StaffBrowserIT}): the server runs with a city's packs over time — Taicang's, then from 2025-01-01 the
 * two-stage example pack, which numbers its articles differently — and the pages follow the application's clock
 * across that day without a restart: the Bureau's page headings, the role refusal, the footer's measures and the
 * public deadline calculator's periods.
 */
@DisplayName("页面引用现行政策包的条款号：两阶段验收政策包自2025年1月1日施行后，不重启即改引其条款号和期间")
class PackCitationBrowserIT extends BrowserTestSupport {

    /** Taicang's pack, then the two-stage example pack from 2025-01-01, in one file as EGOV_POLICY names it. */
    @Override
    protected Map<String, String> environment() {
        try {
            Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "packs-", ".json");
            Files.writeString(file, "{\"packs\": [" + PolicyPackFile.toJson(PolicyPacks.taicang()) + ", "
                    + PolicyPackFile.toJson(PolicyPacks.twoStage()) + "]}", StandardCharsets.UTF_8);
            Map<String, String> env = new HashMap<>(travellingInTime());
            env.put("EGOV_POLICY", file.toAbsolutePath().toString());
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void prepare(AccountService accounts) {
        Caller admin = caller("secadmin");
        AccountsForTests.ready(accounts, admin, account("bureau", "陈大数据", Role.BDB_OFFICER, "TC-DSJ"));
    }

    private String option(String kind) {
        return awaitPage(d -> {
            String text = d.findElement(By.cssSelector("#c-kind option[value='" + kind + "']")).getText();
            return text.contains("条") ? text : null;
        });
    }

    private void awaitArticle(String provision, String article) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-article='" + provision + "']"), article));
    }

    @Test
    @DisplayName("2024年：第七条、第四条、合同报送第十四条7个工作日；2025年1月2日起：第八条、第五条、合同报送第十五条15个工作日")
    void thePagesFollowThePackInForce() {
        clock.set(LocalDate.of(2024, 12, 31));
        driver.manage().deleteAllCookies();
        driver.get(base + "/calculator.html");
        assertThat(option("CONTRACT_FILING")).isEqualTo("合同报送（第十四条，7个工作日）");
        assertThat(option("EARLIEST_ACCEPTANCE")).isEqualTo("最早验收日（第二十二条，试运行满期）");
        signIn("bureau");
        driver.get(base + "/bureau.html");
        awaitArticle("DECLARATION", "第七条");
        awaitArticle("REVIEW_AND_APPROVAL", "第八条");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("measures"), "太仓市级电子政务项目管理办法"));
        assertThat(driver.findElement(By.cssSelector("header .brand")).getText()).isEqualTo("太仓市级电子政务项目管理");
        wait.until(ExpectedConditions.titleContains(" · 太仓市级电子政务项目管理"));
        driver.get(base + "/finance.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert.error"),
                "第四条：您的角色"));

        // the two-stage pack takes effect: the next page read cites it, with no restart
        clock.set(LocalDate.of(2025, 1, 2));
        driver.get(base + "/bureau.html");
        awaitArticle("DECLARATION", "第八条");
        awaitArticle("REVIEW_AND_APPROVAL", "第九条");
        awaitArticle("ANNUAL_PLAN", "第十条");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("measures"), "示例市政务信息化项目建设管理办法"));
        // the system carries the city's own name: in the header and the window's title
        assertThat(driver.findElement(By.cssSelector("header .brand")).getText()).isEqualTo("示例市政务信息化项目建设管理");
        wait.until(ExpectedConditions.titleContains(" · 示例市政务信息化项目建设管理"));
        assertThat(driver.getTitle()).doesNotContain("太仓");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("第七条");
        driver.get(base + "/finance.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert.error"),
                "第五条：您的角色"));
        driver.get(base + "/calculator.html");
        assertThat(option("CONTRACT_FILING")).isEqualTo("合同报送（第十五条，15个工作日）");
        assertThat(option("ACCEPTANCE_REPORT")).isEqualTo("验收报告（第二十七条，10个工作日）");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("c-kind"))).selectByValue("CONTRACT_FILING");
        driver.findElement(By.id("compute")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calc-result"), "依据：第十五条"));
    }
}
