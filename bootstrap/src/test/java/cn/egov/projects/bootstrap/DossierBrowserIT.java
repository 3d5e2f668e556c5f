package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.AttachDocumentCommand;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding and filing, in the real browser: a project's record (项目档案) on screen, for print and as a PDF, with the
 * steps of its life by the names of people and units; the search box of every page, which finds a project by part of
 * its name or its number and keeps a classified project from those outside its 知悉范围; a list's filters kept when
 * the person leaves and returns; and the list's export with the units' full names.
 */
@DisplayName("项目档案、搜索、面包屑、筛选记忆和列表导出（浏览器）")
class DossierBrowserIT extends BrowserTestSupport {

    private static final String NAME = "智慧公安数据平台";
    private static final String SECRET = "涉密指挥调度平台";

    @Override
    protected void prepare(AccountService accounts) {
        Caller admin = caller("secadmin");
        AccountsForTests.ready(accounts, admin, account("police", "王经办", Role.UNIT_STAFF, "TC-GAJ"));
        AccountsForTests.ready(accounts, admin, account("bureau", "陈大数据", Role.BDB_OFFICER, "TC-DSJ"));
        application.web().units().createUnit(caller("admin"), new CreateUnitCommand("TC-GAJ", "太仓市公安局",
                Unit.Kind.IMPLEMENTING));
        application.web().units().createUnit(caller("admin"), new CreateUnitCommand("TC-DSJ", "太仓市大数据管理局",
                Unit.Kind.AUTHORITY));
        application.useCases().openDeclarationWindow().openWindow(caller("bureau"), new OpenDeclarationWindowCommand(
                2025, LocalDate.of(2024, 8, 20), LocalDate.of(2024, 9, 30)));
    }

    /** A project drafted on the page and declared by the unit; its id. */
    private String declared(String name) {
        return declared(name, false);
    }

    private String declared(String name, boolean classified) {
        signIn("police");
        String id;
        if (classified) {
            // the draft form of the 项目列表 page as draft() fills it, marked classified
            driver.get(base + "/projects.html");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-form")));
            type("pf-name", name);
            type("pf-year", "2025");
            type("pf-scope", "数据汇聚平台");
            type("pf-goals", "数据共享率；产出；≥90%");
            type("pf-budget", "平台软件开发；600000");
            for (String[] f : new String[][] {{"pf-leader-name", "李分管"}, {"pf-leader-mobile", "13900000001"},
                    {"pf-leader-email", "li@tc.gov.cn"}, {"pf-resp-name", "王责任"},
                    {"pf-resp-mobile", "13900000002"}, {"pf-resp-email", "wang@tc.gov.cn"}}) {
                type(f[0], f[1]);
            }
            new Select(driver.findElement(By.id("pf-classified"))).selectByValue("true");
            driver.findElement(By.id("pf-submit")).click();
            wait.until(ExpectedConditions.urlContains("project.html?id="));
            awaitPage(d -> d.findElement(By.id("state")));
            id = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("id=") + 3).replaceAll("#.*", "");
        } else {
            id = draft(name, "数据汇聚平台");
        }
        application.useCases().declareProject().declare(caller("police"),
                new DeclareProjectCommand(ProjectId.parse(id), null));
        return id;
    }

    /** The file a link of the page points to, fetched by the page itself (its session, its cookies). */
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

    @Test
    @DisplayName("项目档案：从项目页进入，办理记录写姓名和单位全称、条款，文档带SM3摘要；打印样式为A4、每页页眉和页码；下载的PDF含中文名称和条款")
    void theRecordPrintsAndDownloads() throws IOException {
        String id = declared(NAME);
        application.web().workplace().documents().attach(caller("police"), new AttachDocumentCommand(
                ProjectId.parse(id), "实施方案", "实施方案.txt", "text/plain",
                "实施方案：建设数据汇聚平台。".getBytes(StandardCharsets.UTF_8)));
        var document = application.web().workplace().documents().list(caller("police"), ProjectId.parse(id)).get(0);
        assertThat(document.sm3()).hasSize(64);

        openProject(id);
        assertThat(driver.findElement(By.id("breadcrumbs")).getText()).contains("首页", "项目列表", NAME);
        driver.findElement(By.id("record-link")).click();
        WebElement timeline = awaitPage(d -> d.findElement(By.id("record-timeline")));
        assertThat(timeline.getText()).contains("王经办（太仓市公安局）", "新建项目草稿", "申报项目", "第七条");
        assertThat(driver.findElement(By.id("record-facts")).getText())
                .contains(NAME, id, "太仓市公安局（TC-GAJ）", "139****0001").doesNotContain("13900000001");
        assertThat(driver.findElement(By.id("record-budget")).getText()).contains("平台软件开发", "600000");
        assertThat(driver.findElement(By.id("record-goals")).getText()).contains("数据共享率");
        assertThat(driver.findElement(By.id("record-deadlines")).getText()).contains("到期日");
        assertThat(driver.findElement(By.id("record-documents")).getText()).contains("实施方案.txt", document.sm3());
        assertThat(driver.findElement(By.id("breadcrumbs")).getText()).contains("首页", "项目列表", NAME, "项目档案");

        // printing: the print function is there, the print stylesheet sets A4 and numbers the pages
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return typeof window.print")).isEqualTo("function");
        assertThat((String) js.executeScript("""
                const sheet = [...document.styleSheets].find(s => s.href && s.href.endsWith('/record.css'));
                return [...sheet.cssRules].filter(r => r instanceof CSSPageRule).map(r => r.cssText).join(' ');"""))
                .containsIgnoringCase("size: A4").contains("counter(page)").contains("counter(pages)");
        ChromeDriver chrome = (ChromeDriver) driver;
        WebElement head = driver.findElement(By.id("print-head"));
        assertThat(head.isDisplayed()).isFalse();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            // (fixed above the page's first line, in the margin: so read by its style, not by its place)
            assertThat(js.executeScript("return getComputedStyle(arguments[0]).display", head)).isEqualTo("flex");
            assertThat(head.getAttribute("textContent")).contains("项目档案：" + NAME, "项目编号 " + id);
            assertThat(js.executeScript("return getComputedStyle(arguments[0]).position", head)).isEqualTo("fixed");
            assertThat(driver.findElement(By.cssSelector("header.top")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("print")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("record-timeline")).isDisplayed()).isTrue();
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        // the PDF, as its link downloads it
        String href = driver.findElement(By.id("record-pdf")).getAttribute("href");
        assertThat(href).endsWith("/api/projects/" + id + "/record.pdf");
        byte[] pdf = download(href);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(NAME, "第七条", "王经办（太仓市公安局）", "太仓市公安局（TC-GAJ）", document.sm3(),
                    "第 1 页 / 共 " + doc.getNumberOfPages() + " 页");
        }
    }

    @Test
    @DisplayName("页头搜索框：按名称的一段和按编号找到项目，键盘可用（回车搜索、方向键选择、回车打开）；知悉范围外搜不到涉密项目")
    void theSearchBoxFindsWhatThePersonMaySee() {
        String id = declared("公安视频会商平台");
        String secret = declared(SECRET, true);
        assertThat(application.useCases().getProject().get(caller("police"), ProjectId.parse(secret)).project()
                .profile().classified()).isTrue();

        signIn("bureau");
        WebElement box = awaitPage(d -> d.findElement(By.id("search-q")));
        box.sendKeys("视频会商", Keys.ENTER);
        WebElement first = awaitPage(d -> d.findElement(By.id("search-result-0")));
        assertThat(first.getText()).contains("公安视频会商平台", "太仓市公安局");
        assertThat(driver.findElements(By.cssSelector("#search-results a.search-result"))).hasSize(1);
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("search-result-0");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("project.html?id=" + id));
        awaitPage(d -> d.findElement(By.id("state")));

        box = awaitPage(d -> d.findElement(By.id("search-q")));
        box.sendKeys(cn.egov.projects.domain.project.ProjectId.parse(id).shortNumber(), Keys.ENTER);
        assertThat(awaitPage(d -> d.findElement(By.id("search-result-0"))).getAttribute("href"))
                .endsWith("project.html?id=" + id);

        // the secret project is declared, but the Bureau is not in its 知悉范围
        box = driver.findElement(By.id("search-q"));
        box.clear();
        box.sendKeys("指挥调度", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-message"), "没有找到"));
        assertThat(driver.findElement(By.id("search-results")).getText()).doesNotContain(SECRET);
        box.clear();
        box.sendKeys(secret, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-message"), "没有找到"));
        box.sendKeys(Keys.ESCAPE);
        assertThat(driver.findElement(By.id("search-results")).isDisplayed()).isFalse();

        // the unit, inside the scope, finds it
        signIn("police");
        box = awaitPage(d -> d.findElement(By.id("search-q")));
        box.sendKeys("指挥调度", Keys.ENTER);
        assertThat(awaitPage(d -> d.findElement(By.id("search-result-0"))).getText()).contains(SECRET, "涉密");
    }

    @Test
    @DisplayName("项目列表记住筛选：离开再回来仍在；重置清空；导出的Excel恰是筛选出的项目，单位写全称")
    void theListKeepsItsFiltersAndExportsWhatItShows() throws IOException {
        String kept = declared("城市运行数据平台");
        String other = declared("网格化社会治理系统");
        signIn("police");
        driver.get(base + "/projects.html");
        awaitPage(d -> d.findElement(By.id("project-table")));
        type("f-q", "数据平台");
        new Select(driver.findElement(By.id("f-state"))).selectByValue("DECLARED");
        driver.findElement(By.id("search")).click();
        awaitPage(d -> d.findElement(By.id("project-table")).getText().contains("城市运行数据平台")
                && !d.findElement(By.id("project-table")).getText().contains("网格化社会治理系统"));

        // leaving and returning: the filter and its rows are back
        driver.get(base + "/todo.html");
        awaitPage(d -> d.findElement(By.id("who")));
        driver.get(base + "/projects.html");
        awaitPage(d -> d.findElement(By.id("project-table")).getText().contains("城市运行数据平台"));
        assertThat(driver.findElement(By.id("f-q")).getAttribute("value")).isEqualTo("数据平台");
        assertThat(new Select(driver.findElement(By.id("f-state"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("DECLARED");
        assertThat(driver.findElement(By.id("project-table")).getText()).doesNotContain("网格化社会治理系统");
        assertThat(driver.findElement(By.id("breadcrumbs")).getText()).contains("首页", "项目列表");

        // the export holds exactly the rows shown, the unit by its full name
        String href = driver.findElement(By.id("export")).getAttribute("href");
        assertThat(href).contains("/api/exports/projects.xlsx?");
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(href)))) {
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.toString()));
                rows.add(cells);
            }
        }
        List<List<String>> data = rows.subList(2, rows.size());
        assertThat(data).extracting(r -> r.get(8)).contains(kept).doesNotContain(other);
        assertThat(data).allSatisfy(r -> {
            assertThat(r.get(0)).contains("数据平台");
            assertThat(r.get(1)).isEqualTo("太仓市公安局");
            assertThat(r.get(6)).isEqualTo("已申报");
        });

        // 重置 forgets the filter: every project again, also after returning
        driver.findElement(By.id("reset")).click();
        awaitPage(d -> d.findElement(By.id("project-table")).getText().contains("网格化社会治理系统"));
        assertThat(driver.findElement(By.id("f-q")).getAttribute("value")).isEmpty();
        driver.get(base + "/todo.html");
        awaitPage(d -> d.findElement(By.id("who")));
        driver.get(base + "/projects.html");
        awaitPage(d -> d.findElement(By.id("project-table")).getText().contains("网格化社会治理系统"));
        assertThat(driver.findElement(By.id("f-q")).getAttribute("value")).isEmpty();
    }

    @Test
    @DisplayName("审计与操作记录：筛选离开再回来仍在；导出的Excel恰是筛选出的记录，用户写姓名、单位写全称")
    void theOperationRecordsKeepTheirFilterAndExportNames() throws IOException {
        String id = declared("政务数据共享交换平台");
        signIn("bureau");
        driver.get(base + "/audit.html");
        awaitPage(d -> d.findElement(By.id("audit-table")));
        type("a-project", id);
        new Select(driver.findElement(By.id("a-action"))).selectByValue("DECLARE");
        driver.findElement(By.id("audit-search")).click();
        awaitPage(d -> d.findElement(By.id("page-info")).getText().contains("共 1 条"));

        driver.get(base + "/projects.html");
        awaitPage(d -> d.findElement(By.id("project-table")));
        driver.get(base + "/audit.html");
        awaitPage(d -> d.findElement(By.id("page-info")).getText().contains("共 1 条"));
        assertThat(driver.findElement(By.id("a-project")).getAttribute("value")).isEqualTo(id);
        assertThat(driver.findElement(By.id("audit-table")).getText()).contains("王经办", "申报项目", "太仓市公安局");
        // the project's link is its short number: the random end of a time-ordered number
        WebElement link = driver.findElement(By.cssSelector("#audit-table a[href='project.html?id=" + id + "']"));
        assertThat(link.getText()).isEqualTo(id.substring(id.length() - 8));

        String href = driver.findElement(By.id("audit-export")).getAttribute("href");
        assertThat(href).contains("/api/exports/audit-records.xlsx?").contains("action=DECLARE");
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(href)))) {
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.toString()));
                rows.add(cells);
            }
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get(1)).isEqualTo("王经办");
        assertThat(rows.get(2).get(2)).isEqualTo("太仓市公安局");
        assertThat(rows.get(2).get(4)).isEqualTo("申报项目");
        assertThat(rows.get(2).get(6)).isEqualTo(id);
        assertThat(rows.get(2).get(11)).isEqualTo("TC-GAJ");

        driver.findElement(By.id("audit-reset")).click();
        awaitPage(d -> !d.findElement(By.id("page-info")).getText().contains("共 1 条"));
        assertThat(driver.findElement(By.id("a-project")).getAttribute("value")).isEmpty();
    }
}
