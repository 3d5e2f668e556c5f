package cn.egov.projects.web;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The rows of an exported workbook's sheet, every cell as text (numbers as the spreadsheet holds them). */
final class Workbooks {

    private Workbooks() {
    }

    static List<List<String>> rows(byte[] xlsx, int sheetIndex) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(sheetIndex)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    var cell = row.getCell(c);
                    cells.add(cell == null ? "" : switch (cell.getCellType()) {
                        case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                        default -> cell.getStringCellValue();
                    });
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
