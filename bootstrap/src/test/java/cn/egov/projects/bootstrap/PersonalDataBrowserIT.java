package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masked contacts and the 显示 button in a real headless Chromium (as {@link StaffBrowserIT}): the administrator's
 * account list, the project page's contacts, and the draft's edit form, which is filled with the full values (an
 * audited unmasking) so that saving keeps them.
 */
@DisplayName("浏览器中的联系方式：遮蔽显示，点“显示”后显示完整值；编辑草稿时表单填入完整值，保存不丢失")
class PersonalDataBrowserIT extends BrowserTestSupport {

    @Override
    protected void prepare(AccountService accounts) {
        Caller admin = caller("secadmin");
        AccountsForTests.ready(accounts, admin, new CreateAccountCommand("police", "王经办", Role.UNIT_STAFF,
                new UnitId("TC-GAJ"), "13912345678", "wangjb@tc.gov.cn", PASSWORD.toCharArray()));
    }

    @Test
    @DisplayName("系统管理员的账号列表：139****5678、w***@tc.gov.cn；点“显示”后为完整值")
    void theAccountList() {
        signIn("admin");
        driver.get(base + "/admin.html");
        WebElement table = awaitPage(d -> d.findElement(By.id("account-table")));
        assertThat(table.getText()).contains("139****5678", "w***@tc.gov.cn").doesNotContain("13912345678");
        driver.findElement(By.id("reveal-police")).click();
        wait.until(ExpectedConditions.textToBe(By.id("mobile-police"), "13912345678"));
        assertThat(driver.findElement(By.id("email-police")).getText()).isEqualTo("wangjb@tc.gov.cn");
    }

    @Test
    @DisplayName("项目页：联系人遮蔽显示，点“显示”后为完整值；编辑草稿的表单填入完整值，保存后联系人不变")
    void theProjectPage() {
        signIn("police");
        String id = draft("智慧警务平台", "数据汇聚平台");
        WebElement contacts = awaitPage(d -> d.findElement(By.id("contacts")));
        assertThat(contacts.getText()).contains("139****0001", "l***@tc.gov.cn").doesNotContain("13900000001");
        driver.findElement(By.id("reveal-contacts")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts"), "13900000001"));
        assertThat(driver.findElement(By.id("contacts")).getText()).contains("li@tc.gov.cn", "13900000002");

        openProject(id);
        WebElement details = awaitPage(d -> d.findElement(By.id("action-EDIT_DRAFT")));
        details.findElement(By.tagName("summary")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("pf-leader-mobile"), "value", "13900000001"));
        assertThat(driver.findElement(By.id("pf-resp-email")).getAttribute("value")).isEqualTo("wang@tc.gov.cn");
        type("pf-name", "智慧警务平台（修订）");
        driver.findElement(By.id("pf-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "（修订）"));
        var people = application.useCases().getProject().get(caller("police"),
                cn.egov.projects.domain.project.ProjectId.parse(id)).project().profile().people();
        assertThat(people.leader().mobile()).isEqualTo("13900000001");
        assertThat(people.responsible().email()).isEqualTo("wang@tc.gov.cn");
    }
}
