package cn.egov.projects.web.export;

import cn.egov.projects.application.port.in.ToDo;
import cn.egov.projects.application.view.ProjectSummary;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/** The annual plan and the overdue list as Excel workbooks (.xlsx), with Chinese headings. */
public final class Spreadsheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    /** The projects of a plan year's issued plan (Art. 9, 10). Amounts are exact decimals in yuan. */
    public static byte[] annualPlan(int planYear, List<ProjectSummary> projects, LocalDate today) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(planYear + "年度实施计划");
            title(book, sheet, "太仓市" + planYear + "年度市级电子政务项目实施计划（导出日期 " + today + "）");
            header(book, sheet, "序号", "项目名称", "实施单位", "项目类别", "建设性质", "总投资（元）", "当前状态", "项目编号");
            int r = 2;
            for (ProjectSummary p : projects) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                row.createCell(1).setCellValue(p.name());
                row.createCell(2).setCellValue(p.unit().code());
                row.createCell(3).setCellValue(p.category().zh());
                row.createCell(4).setCellValue(p.nature().zh());
                row.createCell(5).setCellValue(p.totalInvestment().toBigDecimal().toPlainString());
                row.createCell(6).setCellValue(p.state().zh());
                row.createCell(7).setCellValue(p.id().toString());
                r++;
            }
            widths(sheet, 6, 40, 14, 28, 12, 16, 16, 38);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every overdue deadline the reader may see; a classified project is named only as such (Art. 27). */
    public static byte[] overdue(List<ToDo> items, LocalDate today) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("逾期清单");
            title(book, sheet, "逾期未办结期限清单（截至 " + today + "）");
            header(book, sheet, "序号", "实施单位", "项目名称", "期限事项", "依据", "到期日", "逾期天数", "项目编号");
            int r = 2;
            for (ToDo t : items) {
                var d = t.due();
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                row.createCell(1).setCellValue(d.unit().code());
                row.createCell(2).setCellValue(d.classified() ? "（涉密项目）" : d.projectName());
                row.createCell(3).setCellValue(d.deadline().kind().actionZh());
                row.createCell(4).setCellValue(t.article());
                row.createCell(5).setCellValue(d.deadline().due().toString());
                row.createCell(6).setCellValue(today.toEpochDay() - d.deadline().due().toEpochDay());
                row.createCell(7).setCellValue(d.projectId().toString());
                r++;
            }
            widths(sheet, 6, 14, 40, 24, 10, 12, 10, 38);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void title(XSSFWorkbook book, Sheet sheet, String text) {
        CellStyle style = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 14);
        style.setFont(font);
        Cell cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void header(XSSFWorkbook book, Sheet sheet, String... names) {
        CellStyle style = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        style.setFont(font);
        Row row = sheet.createRow(1);
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, 2);
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
