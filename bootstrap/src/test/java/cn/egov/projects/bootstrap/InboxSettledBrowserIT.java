package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reminder withdrawn once its deadline is met, in the real browser: the unit's drafts are reminded that the
 * declaration window closes; declaring one meets its deadline, and in that same change its message in the 消息中心 turns
 * 已办结 with the day, is no longer unread, and the bell's count falls; the other stays as it was.
 */
@DisplayName("浏览器中的消息中心：期限办结后提醒收回，铃铛未读数下降")
class InboxSettledBrowserIT extends BrowserTestSupport {

    /** The bell asks every 30 s: its count moves within two rounds. */
    private static final Duration BELL = Duration.ofSeconds(75);

    @Override
    protected void prepare(AccountService accounts) {
        Caller admin = caller("secadmin");
        // the unit's staff member is the drafts' 责任人: the same e-mail address (wang@tc.gov.cn, as draft() fills in)
        AccountsForTests.ready(accounts, admin, new CreateAccountCommand("police", "王责任", Role.UNIT_STAFF,
                new UnitId("TC-GAJ"), "13900000002", "wang@tc.gov.cn", PASSWORD.toCharArray()));
        AccountsForTests.ready(accounts, admin, account("bureau", "陈大数据", Role.BDB_OFFICER, "TC-DSJ"));
        application.web().units().createUnit(caller("admin"), new CreateUnitCommand("TC-GAJ", "太仓市公安局",
                Unit.Kind.IMPLEMENTING));
    }

    private void awaitUnread(int n, Duration within) {
        new WebDriverWait(driver, within).until(d -> {
            try {
                WebElement bell = d.findElement(By.id("bell"));
                return String.valueOf(n).equals(bell.getAttribute("data-unread")) ? bell : null;
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            }
        });
    }

    private WebElement item(String projectId) {
        return awaitPage(d -> d.findElement(By.cssSelector("#messages li[data-id] a[href*='" + projectId + "']"))
                .findElement(By.xpath("./ancestor::li")));
    }

    @Test
    @DisplayName("草稿申报后，其“申报窗口将关闭”的提醒显示已办结及日期、不再未读，铃铛从2变为1；另一草稿的提醒照旧未读")
    void aMetDeadlinesReminderIsWithdrawnFromTheBell() {
        driver.manage().window().setSize(new Dimension(1366, 768));
        LocalDate today = clock.today();
        // the window of plan year 2025 closes in 7 days: the 7-day reminder of each draft falls on today
        application.useCases().openDeclarationWindow().openWindow(caller("bureau"),
                new OpenDeclarationWindowCommand(2025, today, today.plusDays(7)));
        signIn("police");
        String declared = draft("政务服务中台", "统一受理平台");
        String kept = draft("城市运行指挥中心", "城市运行监测");
        driver.get(base + "/todo.html");
        awaitUnread(0, Duration.ofSeconds(20));
        assertThat(application.reminders().planDay(today)).isGreaterThanOrEqualTo(2);
        awaitUnread(2, BELL);

        // the draft is declared: the deadline its reminder is about is met, in the same change
        openProject(declared);
        act("DECLARE", "已申报");
        driver.get(base + "/messages.html");
        awaitUnread(1, Duration.ofSeconds(20));
        WebElement settled = item(declared);
        assertThat(settled.getAttribute("class")).contains("settled").doesNotContain("unread");
        assertThat(settled.getText()).contains("已办结（" + today + "）", "该期限已于 " + today + " 办结，本提醒已收回")
                .doesNotContain("标为已读", "督办");
        WebElement open = item(kept);
        assertThat(open.getAttribute("class")).contains("unread");
        assertThat(open.getText()).contains("提醒", "标为已读").doesNotContain("已办结");
        assertThat(driver.findElement(By.id("unread-summary")).getText()).isEqualTo("未读 1 条");
        assertThat(driver.findElement(By.id("bell-count")).getText()).isEqualTo("1");
    }
}
