package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Role;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list exports what it shows and keeps its filters, in the real browser: the to-do list, the administrators'
 * account list, the security audit trail and the clearances; and an export's progress in the page — a status line
 * announced to screen readers naming the operation, the link disabled while it runs, a refusal told in Chinese.
 */
@DisplayName("列表记住筛选、导出所显示的内容；导出时页面显示进度（浏览器）")
class ListsBrowserIT extends BrowserTestSupport {

    @Override
    protected void prepare(AccountService accounts) {
        var admin = caller("secadmin");
        AccountsForTests.ready(accounts, admin, account("police", "王经办", Role.UNIT_STAFF, "TC-GAJ"));
        AccountsForTests.ready(accounts, admin, account("leader", "李分管", Role.UNIT_LEADER, "TC-GAJ"));
        AccountsForTests.ready(accounts, admin, account("health", "赵卫健", Role.UNIT_STAFF, "TC-WJW"));
        String auditAdmin = accounts.createAccount(null, account("auditadmin", "安全审计员", Role.AUDIT_ADMIN,
                "TC-DSJ"));
        enrolled("auditadmin", auditAdmin);
        application.web().units().createUnit(caller("admin"), new CreateUnitCommand("TC-GAJ", "太仓市公安局",
                Unit.Kind.IMPLEMENTING));
        application.web().units().createUnit(caller("admin"), new CreateUnitCommand("TC-WJW", "太仓市卫生健康委员会",
                Unit.Kind.IMPLEMENTING));
    }

    private byte[] download(String href) {
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' }).then(r => {
                  if (!r.ok) { done('HTTP ' + r.status); return; }
                  return r.arrayBuffer().then(b => {
                    let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
                  });
                }).catch(e => done('ERROR ' + e));""", href);
        assertThat((String) base64).doesNotStartWith("HTTP ").doesNotStartWith("ERROR ");
        return Base64.getDecoder().decode((String) base64);
    }

    private List<List<String>> sheet(String href) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(href)))) {
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.toString()));
                rows.add(cells);
            }
        }
        return rows;
    }

    /** Leaves for another page of the person and comes back. */
    private void leaveAndReturn(String page, String other) {
        driver.get(base + "/" + other);
        awaitPage(d -> d.findElement(By.id("who")));
        driver.get(base + "/" + page);
        awaitPage(d -> d.findElement(By.id("who")));
    }

    /**
     * Watches the page from now on: whether the export link was ever disabled and busy and the status line said that
     * the export runs (a MutationObserver, so that no moment of it is missed).
     */
    private void watch(String linkId) {
        ((JavascriptExecutor) driver).executeScript("""
                window.seen = { disabled: false, busy: false, running: '' };
                const link = document.getElementById(arguments[0]);
                const status = document.getElementById('operation-status');
                const look = () => {
                  if (link.getAttribute('aria-disabled') === 'true') window.seen.disabled = true;
                  if (link.getAttribute('aria-busy') === 'true') window.seen.busy = true;
                  if (status.textContent.includes('正在')) window.seen.running = status.textContent;
                };
                new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true,
                  characterData: true });""", linkId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> seen() {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("return window.seen;");
    }

    @Test
    @DisplayName("我的待办：查看天数离开再回来仍在，导出按同样的天数；点击导出时按钮禁用、状态行（屏幕阅读器可读）写明正在导出什么，完成后写明已导出")
    void theToDoListKeepsItsHorizonAndShowsTheExportsProgress() {
        signIn("police");
        driver.get(base + "/todo.html");
        awaitPage(d -> d.findElement(By.id("todo-OVERDUE")));
        new Select(driver.findElement(By.id("days"))).selectByValue("30");
        awaitPage(d -> d.findElement(By.id("todo-export")).getAttribute("href").endsWith("days=30") ? true : null);

        leaveAndReturn("todo.html", "projects.html");
        awaitPage(d -> d.findElement(By.id("todo-OVERDUE")));
        assertThat(new Select(driver.findElement(By.id("days"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("30");
        WebElement export = driver.findElement(By.id("todo-export"));
        assertThat(export.getAttribute("href")).endsWith("/api/exports/my-deadlines.xlsx?days=30");

        WebElement status = driver.findElement(By.id("operation-status"));
        assertThat(status.getAttribute("role")).isEqualTo("status");
        assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
        watch("todo-export");
        export.click();
        awaitPage(d -> d.findElement(By.id("operation-status")).getText().contains("已导出") ? true : null);
        assertThat(driver.findElement(By.id("operation-status")).getText())
                .isEqualTo("已导出：我的待办（Excel）（我的待办.xlsx）");
        Map<String, Object> seen = seen();
        assertThat(seen.get("disabled")).isEqualTo(true);
        assertThat(seen.get("busy")).isEqualTo(true);
        assertThat((String) seen.get("running")).contains("正在导出：我的待办（Excel）");
        // enabled again once done
        assertThat(export.getAttribute("aria-disabled")).isNull();

        driver.findElement(By.id("todo-reset")).click();
        awaitPage(d -> d.findElement(By.id("todo-export")).getAttribute("href").endsWith("days=90") ? true : null);
        leaveAndReturn("todo.html", "projects.html");
        awaitPage(d -> d.findElement(By.id("todo-OVERDUE")));
        assertThat(new Select(driver.findElement(By.id("days"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("90");
    }

    @Test
    @DisplayName("导出未完成（登录已失效）：页面以中文提示写明哪个导出、为什么，作为警示读出；按钮恢复可用，关闭提示回到按钮")
    void aRefusedExportIsToldInChinese() {
        signIn("leader");
        driver.get(base + "/projects.html");
        awaitPage(d -> d.findElement(By.id("project-table")));
        WebElement export = driver.findElement(By.id("export"));
        WebElement error = driver.findElement(By.id("operation-error"));
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.isDisplayed()).isFalse();
        // the session ends while the page is open (signed out elsewhere, or timed out)
        driver.manage().deleteAllCookies();
        export.click();
        awaitPage(d -> d.findElement(By.id("operation-error")).isDisplayed() ? true : null);
        assertThat(error.getText()).startsWith("项目列表（Excel）：").containsPattern("登录|会话");
        assertThat(driver.findElement(By.id("operation-status")).getText()).isEqualTo("导出未完成：项目列表（Excel）");
        assertThat(export.getAttribute("aria-disabled")).isNull();
        driver.findElement(By.id("operation-error-close")).click();
        assertThat(error.isDisplayed()).isFalse();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("export");
    }

    @Test
    @DisplayName("系统管理的账号列表：按角色、单位、状态、姓名筛选，离开再回来仍在；导出的Excel恰是筛选出的账号，单位写全称；重置清空")
    void theAccountListFiltersAndExportsWhatItShows() throws IOException {
        signIn("admin");
        driver.get(base + "/admin.html");
        awaitPage(d -> d.findElement(By.id("account-table")).getText().contains("赵卫健"));
        new Select(driver.findElement(By.id("af-role"))).selectByValue("UNIT_STAFF");
        new Select(driver.findElement(By.id("af-unit"))).selectByValue("TC-GAJ");
        awaitPage(d -> !d.findElement(By.id("account-table")).getText().contains("赵卫健") ? true : null);
        assertThat(driver.findElement(By.id("account-table")).getText()).contains("王经办", "太仓市公安局")
                .doesNotContain("李分管", "管理员");
        assertThat(driver.findElement(By.id("account-count")).getText()).startsWith("共 1 个账号");

        leaveAndReturn("admin.html", "account.html");
        awaitPage(d -> d.findElement(By.id("account-table")).getText().contains("王经办"));
        assertThat(new Select(driver.findElement(By.id("af-role"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("UNIT_STAFF");
        assertThat(new Select(driver.findElement(By.id("af-unit"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("TC-GAJ");
        assertThat(driver.findElement(By.id("account-table")).getText()).doesNotContain("赵卫健", "李分管");

        String href = driver.findElement(By.id("account-export")).getAttribute("href");
        assertThat(href).contains("/api/exports/accounts.xlsx?").contains("role=UNIT_STAFF", "unit=TC-GAJ");
        List<List<String>> rows = sheet(href);
        assertThat(rows.subList(2, rows.size())).singleElement().satisfies(r -> {
            assertThat(r.get(0)).isEqualTo("police");
            assertThat(r.get(1)).isEqualTo("王经办");
            assertThat(r.get(3)).isEqualTo("太仓市公安局");
        });

        driver.findElement(By.id("account-reset")).click();
        awaitPage(d -> d.findElement(By.id("account-table")).getText().contains("赵卫健") ? true : null);
        assertThat(driver.findElement(By.id("account-export")).getAttribute("href")).endsWith("/api/exports/accounts.xlsx");
    }

    @Test
    @DisplayName("安全审计：筛选离开再回来仍在；导出的Excel恰是筛选出的记录；涉密资格名单同样记住筛选并按筛选导出")
    void theSecurityTrailAndTheClearancesKeepTheirFiltersAndExport() throws IOException {
        signIn("auditadmin");
        driver.get(base + "/security.html");
        awaitPage(d -> d.findElement(By.id("security-table")));
        type("s-action", "SIGN_IN");
        driver.findElement(By.id("security-search")).click();
        awaitPage(d -> d.findElement(By.id("security-export")).getAttribute("href").contains("action=SIGN_IN")
                ? true : null);
        leaveAndReturn("security.html", "clearances.html");
        awaitPage(d -> d.findElement(By.id("security-table")));
        assertThat(driver.findElement(By.id("s-action")).getAttribute("value")).isEqualTo("SIGN_IN");
        String pageInfo = awaitPage(d -> {
            String t = d.findElement(By.id("page-info")).getText();
            return t.isEmpty() ? null : t;
        });
        String href = driver.findElement(By.id("security-export")).getAttribute("href");
        assertThat(href).contains("/api/exports/security-audit-records.xlsx?action=SIGN_IN");
        List<List<String>> rows = sheet(href);
        assertThat(rows.get(0).get(0)).startsWith("安全审计记录（筛选：action=SIGN_IN）");
        assertThat(pageInfo).contains("共 " + (rows.size() - 2) + " 条");
        assertThat(rows.subList(2, rows.size())).isNotEmpty().allSatisfy(r -> assertThat(r.get(5)).isEqualTo("登录"));

        driver.findElement(By.id("security-reset")).click();
        awaitPage(d -> d.findElement(By.id("security-export")).getAttribute("href")
                .endsWith("/api/exports/security-audit-records.xlsx") ? true : null);
        assertThat(driver.findElement(By.id("s-action")).getAttribute("value")).isEmpty();

        driver.get(base + "/clearances.html");
        awaitPage(d -> d.findElement(By.id("clearance-table")));
        new Select(driver.findElement(By.id("c-state"))).selectByValue("no");
        leaveAndReturn("clearances.html", "security.html");
        awaitPage(d -> d.findElement(By.id("clearance-table")));
        assertThat(new Select(driver.findElement(By.id("c-state"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("no");
        String clearances = driver.findElement(By.id("clearance-export")).getAttribute("href");
        assertThat(clearances).endsWith("/api/exports/clearances.xlsx?state=no");
        List<List<String>> people = sheet(clearances);
        assertThat(people.get(0).get(0)).startsWith("涉密资格（筛选：state=no）");
        assertThat(driver.findElement(By.id("clearance-count")).getText())
                .startsWith("共 " + (people.size() - 2) + " 人");
    }

    /** Like {@link #watch}, but kept in the tab's session storage: it survives the page reloading itself. */
    private void watchAcrossReload(String controlId) {
        ((JavascriptExecutor) driver).executeScript("""
                sessionStorage.removeItem('seen');
                const control = document.getElementById(arguments[0]);
                const status = document.getElementById('operation-status');
                new MutationObserver(() => {
                  const seen = JSON.parse(sessionStorage.getItem('seen') || '{}');
                  if (control.disabled) seen.disabled = true;
                  if (control.getAttribute('aria-busy') === 'true') seen.busy = true;
                  if (status.textContent.includes('正在')) seen.running = status.textContent;
                  sessionStorage.setItem('seen', JSON.stringify(seen));
                }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });""",
                controlId);
    }

    @Test
    @DisplayName("上传文档：上传时按钮禁用、状态行写明正在上传哪个文件；被拒绝的文件以中文提示；下载文档同样显示进度")
    void anUploadAndADownloadShowTheirProgress() throws IOException {
        signIn("police");
        String id = draft("进度显示测试平台", "数据汇聚");
        WebElement file = awaitPage(d -> d.findElement(By.id("doc-file")));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(home, "upload");
        java.nio.file.Path refused = java.nio.file.Files.writeString(dir.resolve("程序.exe"), "MZ");
        java.nio.file.Path plan = java.nio.file.Files.writeString(dir.resolve("实施方案.txt"), "实施方案：建设数据汇聚平台。");

        // a file of a type not accepted: refused in Chinese, the button usable again
        type("doc-kind", "实施方案");
        file.sendKeys(refused.toAbsolutePath().toString());
        driver.findElement(By.id("upload")).click();
        WebElement error = awaitPage(d -> d.findElement(By.id("operation-error")).isDisplayed()
                ? d.findElement(By.id("operation-error")) : null);
        assertThat(error.getText()).startsWith("上传文档「程序.exe」：").containsPattern("\\p{IsHan}{4,}");
        assertThat(driver.findElement(By.id("operation-status")).getText()).isEqualTo("未完成：上传文档「程序.exe」");
        assertThat(driver.findElement(By.id("upload")).isEnabled()).isTrue();

        // an accepted one: busy while it runs, then the page shows it
        driver.findElement(By.id("doc-file")).clear();
        driver.findElement(By.id("doc-file")).sendKeys(plan.toAbsolutePath().toString());
        watchAcrossReload("upload");
        driver.findElement(By.id("upload")).click();
        awaitPage(d -> d.findElement(By.id("document-table")).getText().contains("实施方案.txt") ? true : null);
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) ((JavascriptExecutor) driver)
                .executeScript("return JSON.parse(sessionStorage.getItem('seen') || '{}');");
        assertThat(seen).containsEntry("disabled", true).containsEntry("busy", true);
        assertThat((String) seen.get("running")).contains("正在上传文档「实施方案.txt」");

        // its download through the page: named in the status line
        WebElement link = driver.findElement(By.cssSelector("#document-table a[data-verb='下载']"));
        watch(link.getAttribute("id") == null || link.getAttribute("id").isEmpty() ? tagged(link) : link.getAttribute("id"));
        link.click();
        awaitPage(d -> d.findElement(By.id("operation-status")).getText().startsWith("已下载") ? true : null);
        assertThat(driver.findElement(By.id("operation-status")).getText())
                .isEqualTo("已下载：文档「实施方案.txt」（实施方案.txt）");
        assertThat((String) seen().get("running")).contains("正在下载：文档「实施方案.txt」");
        assertThat(id).isNotBlank();
    }

    /** Gives an element without an id one, for {@link #watch}. */
    private String tagged(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].id = 'watched-link';", element);
        return "watched-link";
    }

    @Test
    @DisplayName("核验审计记录链：核验时按钮禁用、状态行（屏幕阅读器可读）写明正在核验，完成后写明核验完成")
    void theChainCheckShowsItsProgress() {
        signIn("auditadmin");
        driver.get(base + "/security.html");
        awaitPage(d -> d.findElement(By.id("security-table")));
        watchAcrossReload("verify");
        driver.findElement(By.id("verify")).click();
        awaitPage(d -> d.findElement(By.id("verify-message")));
        assertThat(driver.findElement(By.id("verify-message")).getText()).startsWith("审计记录链完整");
        assertThat(driver.findElement(By.id("operation-status")).getText()).isEqualTo("审计记录链核验完成");
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) ((JavascriptExecutor) driver)
                .executeScript("return JSON.parse(sessionStorage.getItem('seen') || '{}');");
        assertThat(seen).containsEntry("disabled", true).containsEntry("busy", true);
        assertThat((String) seen.get("running")).contains("正在核验审计记录链");
        assertThat(driver.findElement(By.id("verify")).isEnabled()).isTrue();
    }
}
