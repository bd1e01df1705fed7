package io.jixiao.commons.workbook;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.SstDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.StyleSheetDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;

/**
 * Checks a workbook's parts against the OOXML schema (ECMA-376, as compiled into POI's XMLBeans types): the
 * workbook, every worksheet, the styles and the shared strings. A part that breaks the schema is what makes Excel
 * offer to "repair" a file; a workbook we hand out must have none.
 */
public final class OoxmlSchema {

    private OoxmlSchema() {
    }

    /** What breaks the schema, part by part; empty for a valid workbook. */
    public static List<String> problems(byte[] xlsx) throws Exception {
        List<String> problems = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            for (PackagePart part : pkg.getParts()) {
                String type = part.getContentType();
                XmlObject parsed;
                if (type.endsWith("spreadsheetml.worksheet+xml")) {
                    try (InputStream in = part.getInputStream()) {
                        parsed = WorksheetDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
                    }
                } else if (type.endsWith("spreadsheetml.sheet.main+xml")) {
                    try (InputStream in = part.getInputStream()) {
                        parsed = WorkbookDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
                    }
                } else if (type.endsWith("spreadsheetml.styles+xml")) {
                    try (InputStream in = part.getInputStream()) {
                        parsed = StyleSheetDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
                    }
                } else if (type.endsWith("spreadsheetml.sharedStrings+xml")) {
                    try (InputStream in = part.getInputStream()) {
                        parsed = SstDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
                    }
                } else {
                    continue;
                }
                List<XmlError> errors = new ArrayList<>();
                XmlOptions options = new XmlOptions();
                options.setErrorListener(errors);
                if (!parsed.validate(options)) {
                    for (XmlError error : errors) {
                        problems.add(part.getPartName().getName() + ": " + error.getMessage());
                    }
                }
            }
            pkg.revert();
        }
        return problems;
    }
}
