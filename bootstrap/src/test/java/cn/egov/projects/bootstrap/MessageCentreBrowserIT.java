package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message centre in a real browser at 1366×768: the daily pass plans the reminders of a unit's drafts as the
 * declaration window nears its close; the bell in the unit staff's header counts them without a reload; the 消息中心
 * lists them in Chinese; opening one goes to the project at the action that meets it and reads it; marking read lowers
 * the count. The person's channels and quiet hours are set on 我的账号.
 */
@DisplayName("浏览器中的消息中心：铃铛未读数、消息列表、打开即到办理操作、标为已读、提醒方式")
class MessageCentreBrowserIT extends BrowserTestSupport {

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

    private WebElement bell() {
        return awaitPage(d -> d.findElement(By.id("bell")));
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

    @Test
    @DisplayName("申报窗口将关闭的提醒排定后：铃铛从0变为2（不刷新页面）；消息中心中文列出；打开进入项目的申报操作；标为已读后计数下降")
    void remindersReachTheBellAndTheMessageCentre() {
        driver.manage().window().setSize(new Dimension(1366, 768));
        LocalDate today = clock.today();
        // the window of plan year 2025 closes in 7 days: the 7-day reminder of each draft falls on today
        application.useCases().openDeclarationWindow().openWindow(caller("bureau"),
                new OpenDeclarationWindowCommand(2025, today, today.plusDays(7)));

        signIn("police");
        String first = draft("智慧公安数据平台", "公安数据共享交换");
        String second = draft("雪亮工程二期", "视频监控联网");
        driver.get(base + "/todo.html");
        awaitUnread(0, Duration.ofSeconds(20));
        assertThat(driver.findElement(By.id("bell-count")).isDisplayed()).isFalse();
        // the bell fits the header at 1366×768
        WebElement bell = bell();
        assertThat(bell.getRect().getX() + bell.getRect().getWidth()).isLessThanOrEqualTo(1366);
        assertThat(bell.getAttribute("aria-label")).isEqualTo("消息中心，没有未读消息");

        // the daily pass of today plans the reminders: each lands in the staff member's inbox
        assertThat(application.reminders().planDay(today)).isGreaterThanOrEqualTo(2);
        awaitUnread(2, BELL);
        assertThat(driver.findElement(By.id("bell-count")).getText()).isEqualTo("2");
        assertThat(bell().getAttribute("aria-label")).isEqualTo("消息中心，2条未读消息");

        // planned again (another instance, a restart): still two
        application.reminders().planDay(today);

        // keyboard: the bell is a link in the header, opened with Enter
        bell().sendKeys(Keys.ENTER);
        awaitPage(d -> d.getCurrentUrl().contains("/messages.html") ? Boolean.TRUE : null);
        List<WebElement> items = awaitPage(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#messages li.unread"));
            return found.size() == 2 ? found : null;
        });
        assertThat(driver.findElement(By.id("unread-summary")).getText()).isEqualTo("未读 2 条");
        String action = DeadlineKind.WINDOW_CLOSING.actionZh();
        WebElement firstItem = driver.findElement(By.cssSelector("#messages li[data-id] a[href*='" + first + "']"))
                .findElement(By.xpath("./ancestor::li"));
        assertThat(firstItem.getText()).contains("【电子政务项目提醒】" + action, "项目草稿「智慧公安数据平台」", "提醒");
        assertThat(items).hasSize(2);

        // opening it reads it and goes to the project at the action that meets the deadline
        firstItem.findElement(By.cssSelector("a.message-title")).click();
        awaitPage(d -> d.getCurrentUrl().contains("project.html?id=" + first) ? Boolean.TRUE : null);
        assertThat(driver.getCurrentUrl()).endsWith("#action-DECLARE");
        awaitPage(d -> d.findElement(By.id("state")));
        awaitUnread(1, Duration.ofSeconds(20));

        // back in the message centre: only the unread one when asked, marked read with its button
        driver.get(base + "/messages.html");
        WebElement unreadOnly = awaitPage(d -> d.findElement(By.id("unread-only")));
        awaitPage(d -> d.findElements(By.cssSelector("#messages li[data-id]")).size() == 2 ? Boolean.TRUE : null);
        unreadOnly.click();
        WebElement left = awaitPage(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#messages li[data-id]"));
            return found.size() == 1 ? found.get(0) : null;
        });
        assertThat(left.getText()).contains("项目草稿「雪亮工程二期」");
        assertThat(left.findElement(By.cssSelector("a.message-title")).getAttribute("href"))
                .contains("project.html?id=" + second + "#action-DECLARE");
        WebElement markRead = left.findElement(By.cssSelector("button.mark-read"));
        assertThat(markRead.getText()).isEqualTo("标为已读");
        markRead.click();
        awaitUnread(0, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBe(By.id("unread-summary"), "没有未读消息"));
        assertThat(driver.findElement(By.id("bell-count")).isDisplayed()).isFalse();
    }

    @Test
    @DisplayName("我的账号：关闭邮件、设置免打扰时段22:00—07:00，保存后重新打开仍是所设；消息中心始终接收")
    void channelsAndQuietHoursAreSetOnTheAccountPage() {
        driver.manage().window().setSize(new Dimension(1366, 768));
        signIn("police");
        driver.get(base + "/account.html");
        WebElement email = awaitPage(d -> d.findElement(By.id("notify-email")));
        awaitPage(d -> d.findElement(By.id("notify-email")).isSelected() ? Boolean.TRUE : null);
        assertThat(driver.findElement(By.id("notify-inbox")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("notify-inbox")).isEnabled()).isFalse();
        email.click();
        driver.findElement(By.id("notify-quiet")).click();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('notify-quiet-start').value = '22:00';"
                        + "document.getElementById('notify-quiet-end').value = '07:00';");
        driver.findElement(By.id("notify-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notify-result"),
                "已保存：免打扰时段 22:00—07:00（北京时间）"));

        driver.navigate().refresh();
        awaitPage(d -> d.findElement(By.id("notify-quiet")).isSelected() ? Boolean.TRUE : null);
        assertThat(driver.findElement(By.id("notify-email")).isSelected()).isFalse();
        assertThat(driver.findElement(By.id("notify-sms")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("notify-quiet-start")).getAttribute("value")).isEqualTo("22:00");
        assertThat(driver.findElement(By.id("notify-quiet-end")).getAttribute("value")).isEqualTo("07:00");
    }
}
