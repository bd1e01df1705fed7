package io.jixiao.commons.workbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbook.WorkbookReader;
import io.jixiao.commons.workbook.WorkbookRejected;
import io.jixiao.commons.workbook.WorkbookWriter;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * A thousand and more malformed workbooks, made from one good one with a fixed seed, each of every kind of mistake
 * a unit can make or a file can carry: each is refused with a 4xx (never accepted, never a 500), and where the
 * mistake is in a cell, the refusal names that sheet and cell.
 */
class MalformedWorkbooksTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final DocumentWorkbooks WORKBOOKS = new DocumentWorkbooks(MAPPER, VALIDATOR);
    private static final Template TEMPLATE = DocumentWorkbooks.template("filing", "填报", Filing.class, null);
    private static final String GOOD = """
            {"asOf":"2024-12-31","total":3000000.5,"allocation":2000000,"carryover":1000000.5,"rate":96.04,
             "establishment":37,"disclosed":true,"aliases":["甲单位","甲"],
             "expense":{"kind":"RECEPTION","actual":1234.56},
             "projects":[{"code":"P1","name":"网信保障","budget":500000,"operator":">=",
                          "parts":[{"name":"援藏干部","count":3},{"name":"临时工","count":2}]},
                         {"code":"P2","name":"宣传","budget":120000.1,"parts":[{"name":"甲","count":1}]}],
             "months":[{"month":1,"cumulative":100},{"month":2,"cumulative":250.5},{"month":3,"cumulative":400}]}
            """;
    private static final int CELL_VARIANTS = 940;
    private static final int FILE_VARIANTS = 70;

    /** Kinds of mistakes in cells, each naming the cell it must be refused at. */
    enum Mistake {
        TEXT_FOR_A_NUMBER, TOO_MANY_DECIMALS, NEGATIVE_AMOUNT, REQUIRED_CELL_EMPTIED, FORMULA_FOR_A_VALUE,
        MERGED_DATA_CELLS, CHOICE_NOT_LISTED, NOT_A_DATE, NOT_YES_OR_NO, ERROR_VALUE, OUT_OF_RANGE, TOO_MANY_ROWS,
        HEADER_CHANGED, ROW_MOVED, UNKNOWN_PARENT_ROW, TEMPLATE_OF_ANOTHER_KIND, TEMPLATE_OF_ANOTHER_VERSION
    }

    /** Kinds of files that are not a workbook to read. */
    enum BadFile { NOT_A_WORKBOOK, TRUNCATED, MACROS, PASSWORD, ZIP_BOMB, OVERSIZE, OLD_XLS }

    /** A malformed workbook and the cell its refusal must name (null: the file as a whole). */
    record Variant(String kind, byte[] bytes, String cell) {
    }

    @Test
    void theGoodWorkbookIsAccepted() throws IOException {
        DocumentWorkbooks.Upload<Filing> upload = WORKBOOKS.read(TEMPLATE, good(), Filing.class);
        assertEquals("P2", upload.document().projects().get(1).code());
        assertEquals(2, upload.document().projects().get(0).parts().size());
    }

    @Test
    void everyMalformedWorkbookIsRefusedWithA4xxNamingItsCell() throws Exception {
        byte[] good = good();
        Random random = new Random(20261202L);
        List<Variant> variants = new ArrayList<>();
        Mistake[] mistakes = Mistake.values();
        List<long[]> seeds = new ArrayList<>();
        for (int i = 0; i < CELL_VARIANTS; i++) {
            seeds.add(new long[] {i % mistakes.length, random.nextLong()});
        }
        Parts parts = parts(good);
        for (long[] s : seeds) {
            variants.add(cellMistake(parts, mistakes[(int) s[0]], new Random(s[1])));
        }
        parts.book().close();
        BadFile[] files = BadFile.values();
        for (int i = 0; i < FILE_VARIANTS; i++) {
            variants.add(badFile(good, files[i % files.length], new Random(random.nextLong())));
        }
        assertTrue(variants.size() >= 1000, "at least a thousand: " + variants.size());

        Map<String, Integer> refusedByKind = new TreeMap<>();
        List<String> wrong = variants.parallelStream().map(v -> {
            Problem problem;
            try {
                WORKBOOKS.read(TEMPLATE, v.bytes(), Filing.class);
                return v.kind() + ": accepted";
            } catch (WorkbookRejected e) {
                problem = e.toProblem().toProblem("/test");
            } catch (ProblemException e) {
                problem = e.toProblem("/test");
            } catch (RuntimeException e) {
                return v.kind() + ": " + e; // would be a 500
            }
            if (problem.status() < 400 || problem.status() >= 500) {
                return v.kind() + ": HTTP " + problem.status();
            }
            List<String> cells = problem.errors() == null ? List.of()
                    : problem.errors().stream().map(Problem.FieldError::cell).toList();
            if (v.cell() != null && !cells.contains(v.cell())) {
                return v.kind() + ": expected " + v.cell() + ", named " + cells + " (" + problem.detail() + ")";
            }
            synchronized (refusedByKind) {
                refusedByKind.merge(v.kind(), 1, Integer::sum);
            }
            return null;
        }).filter(java.util.Objects::nonNull).toList();
        assertEquals(List.of(), wrong.stream().limit(20).toList(), wrong.size() + " wrong");
        assertEquals(Mistake.values().length + BadFile.values().length, refusedByKind.size(), refusedByKind::toString);
    }

    /** The good workbook's parts, and where each sheet's cells are: edits are made in the XML, as a file carries them. */
    private record Parts(Map<String, byte[]> entries, Map<String, String> sheetParts, XSSFWorkbook book) {
    }

    private static Parts parts(byte[] good) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(good));
        Map<String, String> sheetParts = new java.util.HashMap<>();
        book.forEach(sheet -> sheetParts.put(sheet.getSheetName(),
                ((XSSFSheet) sheet).getPackagePart().getPartName().getName().substring(1)));
        return new Parts(entries, sheetParts, book);
    }

    /** One malformed copy: the sheets' XML as changed, zipped again. */
    private static final class Edit {
        private final Parts parts;
        private final Map<String, String> changed = new java.util.HashMap<>();

        Edit(Parts parts) {
            this.parts = parts;
        }

        private String xml(String sheet) {
            String part = parts.sheetParts().get(sheet);
            return changed.computeIfAbsent(part, p -> new String(parts.entries().get(p),
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        /** Replaces a cell's element ({@code <c r="B4" …>…</c>}) by {@code content} ({@code null}: blank). */
        void cell(Cell cell, String type, String content) {
            String sheet = cell.getSheet().getSheetName();
            String ref = cell.getAddress().formatAsString();
            String xml = xml(sheet);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<c r=\"" + ref + "\"[^>]*?(/>|>.*?</c>)",
                    java.util.regex.Pattern.DOTALL).matcher(xml);
            if (!m.find()) {
                throw new AssertionError("no cell " + sheet + "!" + ref);
            }
            String element = "<c r=\"" + ref + "\"" + (type == null ? "" : " t=\"" + type + "\"")
                    + (content == null ? "/>" : ">" + content + "</c>");
            changed.put(parts.sheetParts().get(sheet), xml.substring(0, m.start()) + element + xml.substring(m.end()));
        }

        void text(Cell cell, String text) {
            cell(cell, "inlineStr", "<is><t>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</t></is>");
        }

        void number(Cell cell, String number) {
            cell(cell, null, "<v>" + number + "</v>");
        }

        void formula(Cell cell, String formula) {
            cell(cell, null, "<f>" + formula.replace("&", "&amp;").replace("\"", "&quot;") + "</f>");
        }

        void merge(String sheet, String range) {
            String xml = xml(sheet);
            changed.put(parts.sheetParts().get(sheet), xml.replace("</sheetData>",
                    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"" + range + "\"/></mergeCells>"));
        }

        void rows(String sheet, String rows) {
            String xml = xml(sheet);
            changed.put(parts.sheetParts().get(sheet), xml.replace("</sheetData>", rows + "</sheetData>"));
        }

        byte[] zip() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : parts.entries().entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    String edited = changed.get(entry.getKey());
                    zip.write(edited == null ? entry.getValue() : edited.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        }
    }

    private static Variant cellMistake(Parts parts, Mistake mistake, Random random) {
        try {
            Edit edit = new Edit(parts);
            String cell = apply(parts.book(), edit, mistake, random);
            return new Variant(mistake.name(), edit.zip(), cell);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Makes the mistake in a cell chosen at random among those where it can be made; answers that cell. */
    private static String apply(XSSFWorkbook book, Edit edit, Mistake mistake, Random random) {
        XSSFSheet form = book.getSheet("填报");
        XSSFSheet projects = book.getSheet("填报·项目");
        XSSFSheet parts = book.getSheet("填报·其中");
        XSSFSheet months = book.getSheet("填报·月度");
        XSSFSheet stamp = book.getSheet(WorkbookWriter.STAMP_SHEET);
        switch (mistake) {
            case TEXT_FOR_A_NUMBER -> {
                Cell cell = pick(random, formCell(form, "total"), formCell(form, "rate"), formCell(form, "establishment"),
                        projects.getRow(2 + random.nextInt(2)).getCell(3), months.getRow(2 + random.nextInt(3)).getCell(2),
                        parts.getRow(2 + random.nextInt(3)).getCell(3));
                edit.text(cell, pick(random, "一百万", "12,3x", "N/A", "1.2.3", "约5万", "--"));
                return address(cell);
            }
            case TOO_MANY_DECIMALS -> {
                Cell cell = pick(random, formCell(form, "allocation"), formCell(form, "expense.actual"),
                        projects.getRow(2).getCell(3), months.getRow(3).getCell(2));
                edit.number(cell, random.nextInt(100000) + "." + (100 + random.nextInt(900)) + random.nextInt(10));
                return address(cell);
            }
            case NEGATIVE_AMOUNT -> {
                Cell cell = pick(random, formCell(form, "carryover"), projects.getRow(3).getCell(3),
                        months.getRow(2).getCell(2));
                edit.number(cell, String.valueOf(-1 - random.nextInt(1000)));
                return address(cell);
            }
            case REQUIRED_CELL_EMPTIED -> {
                Cell cell = pick(random, formCell(form, "asOf"), projects.getRow(2).getCell(1),
                        projects.getRow(3).getCell(2), projects.getRow(2).getCell(3), parts.getRow(2).getCell(2),
                        parts.getRow(4).getCell(3), months.getRow(2).getCell(1), months.getRow(4).getCell(2));
                edit.cell(cell, null, null);
                return address(cell);
            }
            case FORMULA_FOR_A_VALUE -> {
                Cell cell = pick(random, formCell(form, "allocation"), formCell(form, "aliases"),
                        projects.getRow(3).getCell(2), months.getRow(2).getCell(2));
                edit.formula(cell, pick(random, "1+1", "SUM(1,2)", "\"甲\"&\"乙\""));
                return address(cell);
            }
            case MERGED_DATA_CELLS -> {
                if (random.nextBoolean()) {
                    int row = formCell(form, "allocation").getRowIndex() + 1;
                    edit.merge("填报", "B" + row + ":B" + (row + 1));
                    return "填报!B" + row;
                }
                int row = 3 + random.nextInt(2);
                edit.merge("填报·项目", "B" + row + ":C" + row);
                return "填报·项目!B" + row;
            }
            case CHOICE_NOT_LISTED -> {
                Cell cell = pick(random, formCell(form, "expense.kind"), projects.getRow(2).getCell(4));
                edit.text(cell, pick(random, "其他", "OTHER", "≠", "会议费"));
                return address(cell);
            }
            case NOT_A_DATE -> {
                Cell cell = formCell(form, "asOf");
                edit.text(cell, pick(random, "2024-13-45", "明天", "2024年12月", "31/12/2024"));
                return address(cell);
            }
            case NOT_YES_OR_NO -> {
                Cell cell = formCell(form, "disclosed");
                edit.text(cell, pick(random, "也许", "对", "1x", "公开"));
                return address(cell);
            }
            case ERROR_VALUE -> {
                Cell cell = pick(random, formCell(form, "total"), projects.getRow(2).getCell(3));
                edit.cell(cell, "e", "<v>" + pick(random, "#DIV/0!", "#N/A", "#VALUE!") + "</v>");
                return address(cell);
            }
            case OUT_OF_RANGE -> {
                int which = random.nextInt(3);
                Cell cell = which == 0 ? months.getRow(2 + random.nextInt(3)).getCell(1)
                        : which == 1 ? formCell(form, "establishment") : formCell(form, "rate");
                edit.number(cell, String.valueOf(which == 0 ? 13 + random.nextInt(5) : which == 1
                        ? -1 - random.nextInt(10) : 1000.5 + random.nextInt(100)));
                return address(cell);
            }
            case TOO_MANY_ROWS -> {
                StringBuilder rows = new StringBuilder();
                for (int r = 6; r <= 15; r++) {
                    rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r - 2)
                            .append("</v></c><c r=\"B").append(r).append("\"><v>").append(1 + r % 12)
                            .append("</v></c><c r=\"C").append(r).append("\"><v>").append(500 + r + random.nextInt(9))
                            .append("</v></c></row>");
                }
                edit.rows("填报·月度", rows.toString());
                return "填报·月度!A15";
            }
            case HEADER_CHANGED -> {
                Cell cell = pick(random, projects.getRow(1).getCell(2), months.getRow(1).getCell(1),
                        parts.getRow(1).getCell(1));
                edit.text(cell, pick(random, "名称", "月", "上级"));
                return address(cell);
            }
            case ROW_MOVED -> {
                Cell path = form.getRow(formCell(form, "carryover").getRowIndex()).getCell(5);
                edit.text(path, pick(random, "allocation", "x", "rate"));
                return address(path);
            }
            case UNKNOWN_PARENT_ROW -> {
                Cell cell = parts.getRow(2 + random.nextInt(3)).getCell(1);
                edit.number(cell, String.valueOf(9 + random.nextInt(90)));
                return address(cell);
            }
            case TEMPLATE_OF_ANOTHER_KIND -> {
                edit.text(stamp.getRow(1).getCell(0), pick(random, "budget", "staff", "filing2"));
                return WorkbookWriter.STAMP_SHEET;
            }
            case TEMPLATE_OF_ANOTHER_VERSION -> {
                edit.text(stamp.getRow(1).getCell(1), Long.toHexString(random.nextLong()));
                return WorkbookWriter.STAMP_SHEET + "!B";
            }
            default -> throw new IllegalStateException(mistake.name());
        }
    }

    private static Variant badFile(byte[] good, BadFile kind, Random random) throws Exception {
        byte[] bytes = switch (kind) {
            case NOT_A_WORKBOOK -> {
                byte[] noise = new byte[1 + random.nextInt(5000)];
                random.nextBytes(noise);
                yield noise;
            }
            case TRUNCATED -> java.util.Arrays.copyOf(good, 30 + random.nextInt(good.length / 2));
            case MACROS -> rezip(good, zip -> {
                zip.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
                byte[] vba = new byte[512];
                random.nextBytes(vba);
                zip.write(vba);
                zip.closeEntry();
            }, content -> content.replace("<Default Extension=\"xml\"", "<Default Extension=\"bin\" ContentType="
                    + "\"application/vnd.ms-office.vbaProject\"/><Default Extension=\"xml\""));
            case PASSWORD -> encrypted(good, "pw" + random.nextInt(2));
            case ZIP_BOMB -> rezip(good, zip -> {
                zip.putNextEntry(new ZipEntry("xl/media/padding" + random.nextInt(100) + ".xml"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 3; i++) {
                    zip.write(zeros); // 3 MB of zeros in a few kilobytes: far beyond POI's 1:100 inflation ratio
                }
                zip.closeEntry();
            }, Function.identity());
            case OVERSIZE -> {
                byte[] big = java.util.Arrays.copyOf(good, WorkbookReader.MAX_BYTES + 1 + random.nextInt(1000));
                yield big;
            }
            case OLD_XLS -> {
                try (HSSFWorkbook xls = new HSSFWorkbook()) {
                    xls.createSheet("预算").createRow(0).createCell(0).setCellValue(random.nextInt());
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    xls.write(out);
                    yield out.toByteArray();
                }
            }
        };
        return new Variant(kind.name(), bytes, null);
    }

    private static final Map<String, byte[]> ENCRYPTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The workbook behind a password (agile encryption, as Excel does it); made once per password. */
    private static byte[] encrypted(byte[] good, String password) {
        return ENCRYPTED.computeIfAbsent(password, p -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
                Encryptor encryptor = info.getEncryptor();
                encryptor.confirmPassword(password);
                try (OutputStream os = encryptor.getDataStream(fs)) {
                    os.write(good);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                fs.writeFilesystem(out);
                return out.toByteArray();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    interface ZipWork {
        void write(ZipOutputStream zip) throws IOException;
    }

    /** The workbook's zip again, each entry as it was ([Content_Types].xml rewritten), then more. */
    private static byte[] rezip(byte[] good, ZipWork more, Function<String, String> contentTypes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("[Content_Types].xml")) {
                    content = contentTypes.apply(new String(content, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
            more.write(zip);
        }
        return out.toByteArray();
    }

    private static byte[] good() throws IOException {
        JsonNode document = MAPPER.readTree(GOOD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter.write(List.of(new WorkbookWriter.Filled(TEMPLATE, document)), out);
        return out.toByteArray();
    }

    private static Cell formCell(XSSFSheet form, String path) {
        for (Row row : form) {
            Cell f = row.getCell(5);
            if (f != null && path.equals(f.getStringCellValue())) {
                return row.getCell(1);
            }
        }
        throw new AssertionError("no row for " + path);
    }

    private static String address(Cell cell) {
        return cell.getSheet().getSheetName() + "!" + cell.getAddress().formatAsString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
