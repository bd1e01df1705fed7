package io.jixiao.commons.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Opens an uploaded workbook safely and reads its cells in bounded memory: the sheets' XML is streamed (SAX), never
 * built into a document, and only the cells a template reads are kept. Refused before anything is read: files over
 * {@link #MAX_BYTES}, anything not XLSX (an old .xls, a password-protected file, which is an encrypted OLE2 container,
 * or not a spreadsheet at all), workbooks with macros, zip bombs (POI's {@link ZipSecureFile} limits on inflation
 * ratio and entry size) and workbooks without the template stamp.
 */
public final class WorkbookReader implements AutoCloseable {

    /** The largest workbook accepted. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** The largest part of a workbook once inflated. */
    private static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    private static final int MAX_STAMP_ROWS = 100;
    private static final int MAX_STAMP_COLUMNS = 64;

    /** A template a workbook says it holds: its kind, its version and the layout it was written with. */
    public record Stamp(String kind, String version, String layout) {
    }

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_ENTRY_BYTES);
    }

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final Set<String> sheetNames;
    private final List<Stamp> stamps;

    private WorkbookReader(OPCPackage pkg) throws Exception {
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        this.strings = new ReadOnlySharedStringsTable(pkg, false);
        this.sheetNames = new LinkedHashSet<>();
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
            try (InputStream ignored = sheets.next()) {
                sheetNames.add(sheets.getSheetName());
            }
        }
        this.stamps = readStamps();
    }

    /** Opens a workbook, or says why it will not be read. */
    public static WorkbookReader open(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw WorkbookRejected.unreadable("上传的文件为空 (the upload is empty)");
        }
        if (bytes.length > MAX_BYTES) {
            throw new WorkbookRejected(WorkbookRejected.Reason.TOO_LARGE, "工作簿超过 " + MAX_BYTES / 1024 / 1024
                    + " MB (the workbook is larger than the limit)", List.of());
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw WorkbookRejected.unreadable("无法识别的文件 (not a readable file)");
        }
        if (magic == FileMagic.OLE2) {
            throw WorkbookRejected.unreadable(encrypted(bytes)
                    ? "工作簿设有打开密码，请取消密码后上传 (a password-protected workbook cannot be read)"
                    : "不是 .xlsx 工作簿（旧版 .xls 请另存为 .xlsx） (an .xls workbook: save it as .xlsx)");
        }
        if (magic != FileMagic.OOXML) {
            throw WorkbookRejected.unreadable("不是 .xlsx 工作簿 (not an XLSX workbook)");
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw unreadable(e);
        }
        try {
            refuseMacros(pkg);
            return new WorkbookReader(pkg);
        } catch (WorkbookRejected e) {
            pkg.revert();
            throw e;
        } catch (Exception | Error e) {
            pkg.revert();
            if (e instanceof Error && !(e instanceof StackOverflowError)) {
                throw (Error) e;
            }
            throw unreadable(e);
        }
    }

    /** Why a package could not be opened: POI's zip-bomb limits, or a damaged file. */
    private static WorkbookRejected unreadable(Throwable e) {
        String why = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return WorkbookRejected.unreadable(why.contains("zip bomb") || why.contains("max entry size")
                || why.contains("inflat") ? "工作簿解压后异常庞大，疑似压缩炸弹 (a zip bomb: it inflates beyond the limits)"
                : "工作簿已损坏，无法读取 (the workbook is damaged)");
    }

    private static boolean encrypted(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void refuseMacros(OPCPackage pkg) throws Exception {
        for (PackagePart part : pkg.getParts()) {
            String type = part.getContentType().toLowerCase(java.util.Locale.ROOT);
            String name = part.getPartName().getName().toLowerCase(java.util.Locale.ROOT);
            if (type.contains("macroenabled") || type.contains("vbaproject") || name.endsWith("vbaproject.bin")) {
                throw WorkbookRejected.unreadable("工作簿含有宏（.xlsm），请另存为不含宏的 .xlsx (workbooks with macros are refused)");
            }
        }
    }

    /** The templates the workbook says it holds (its very hidden stamp sheet); empty when it has none. */
    public List<Stamp> stamps() {
        return stamps;
    }

    public Set<String> sheetNames() {
        return sheetNames;
    }

    /**
     * Reads the named sheets, keeping the cells of the first {@code rows} rows and {@code columns} columns of each
     * (a sheet's content beyond them is only noted).
     */
    public Map<String, SheetCells> read(Map<String, int[]> bounds) {
        Map<String, SheetCells> out = new LinkedHashMap<>();
        try {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    int[] limit = bounds.get(sheets.getSheetName());
                    if (limit != null) {
                        out.put(sheets.getSheetName(), parse(sheets.getSheetName(), in, limit[0], limit[1]));
                    }
                }
            }
        } catch (WorkbookRejected e) {
            throw e;
        } catch (Exception e) {
            throw WorkbookRejected.unreadable("工作簿已损坏，无法读取 (the workbook is damaged)");
        }
        return out;
    }

    private List<Stamp> readStamps() throws Exception {
        if (!sheetNames.contains(WorkbookWriter.STAMP_SHEET)) {
            return List.of();
        }
        SheetCells cells = read(Map.of(WorkbookWriter.STAMP_SHEET, new int[] {MAX_STAMP_ROWS, MAX_STAMP_COLUMNS}))
                .get(WorkbookWriter.STAMP_SHEET);
        if (!WorkbookWriter.STAMP.equals(cells.text(0, 0))) {
            return List.of();
        }
        List<Stamp> out = new ArrayList<>();
        for (int r = 1; r <= cells.lastRow(); r++) {
            String kind = cells.text(r, 0);
            if (kind == null) {
                continue;
            }
            StringBuilder layout = new StringBuilder();
            for (int c = 2; c < MAX_STAMP_COLUMNS && cells.get(r, c) != null; c++) {
                layout.append(cells.get(r, c).text());
            }
            out.add(new Stamp(kind, cells.text(r, 1), layout.toString()));
        }
        return out;
    }

    private SheetCells parse(String name, InputStream in, int rows, int columns)
            throws IOException, SAXException, ParserConfigurationException {
        SheetCells cells = new SheetCells(name);
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new Cells(cells, rows, columns));
        xml.parse(new InputSource(in));
        return cells;
    }

    /** Streams a sheet's XML: {@code <c r="B7" t="s"><f>…</f><v>3</v></c>}, {@code <mergeCell ref="A1:B2"/>}. */
    private final class Cells extends DefaultHandler {
        private final SheetCells out;
        private final int rows;
        private final int columns;
        private final StringBuilder value = new StringBuilder();
        private int row = -1;
        private int col = -1;
        private String type;
        private boolean formula;
        private boolean collecting;

        Cells(SheetCells out, int rows, int columns) {
            this.out = out;
            this.rows = rows;
            this.columns = columns;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                    col = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    if (ref != null) {
                        CellReference reference = new CellReference(ref);
                        row = reference.getRow();
                        col = reference.getCol();
                    } else {
                        col++;
                    }
                    type = attributes.getValue("t");
                    formula = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v", "t" -> collecting = true;
                case "mergeCell" -> {
                    String ref = attributes.getValue("ref");
                    if (ref != null) {
                        out.merged(CellRangeAddress.valueOf(ref));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "c" -> cell();
                default -> {
                }
            }
        }

        private void cell() {
            if (value.length() == 0 && !formula) {
                return;
            }
            if (row >= rows) {
                out.rowsBeyond();
                return;
            }
            if (col >= columns) {
                return;
            }
            String raw = value.toString();
            SheetCells.Kind kind;
            String text = raw;
            if ("s".equals(type)) {
                kind = SheetCells.Kind.TEXT;
                try {
                    text = strings.getItemAt(Integer.parseInt(raw.trim())).getString();
                } catch (RuntimeException e) {
                    text = "";
                }
            } else if ("inlineStr".equals(type) || "str".equals(type)) {
                kind = SheetCells.Kind.TEXT;
            } else if ("b".equals(type)) {
                kind = SheetCells.Kind.BOOLEAN;
            } else if ("e".equals(type)) {
                kind = SheetCells.Kind.ERROR;
            } else if ("d".equals(type)) {
                kind = SheetCells.Kind.DATE;
            } else {
                kind = SheetCells.Kind.NUMBER;
            }
            out.put(new SheetCells.RawCell(row, col, kind, text, formula));
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }
}
