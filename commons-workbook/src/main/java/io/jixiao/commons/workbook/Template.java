package io.jixiao.commons.workbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The workbook template of one kind of document: its sheets and their fields. Its version is derived from what a
 * filled-in workbook's cells mean (sheet names, paths, types, positions), not from the wording of the descriptions, so
 * a template keeps working until the document's shape changes, and an older one is then told apart.
 *
 * @param kind        the document kind, e.g. {@code budget}
 * @param title       the document in words, e.g. 预算收支及执行
 * @param description the document's description, as in the OpenAPI document
 * @param sheets      its sheets, the form first
 */
public record Template(String kind, String title, String description, List<SheetLayout> sheets) {

    public Template {
        sheets = List.copyOf(sheets);
    }

    /** The template's version: a digest of what its cells mean. */
    public String version() {
        StringBuilder shape = new StringBuilder(kind);
        for (SheetLayout sheet : sheets) {
            shape.append('|').append(sheet.name()).append(':').append(sheet.shape()).append(':').append(sheet.path())
                    .append(':').append(sheet.parentSheet());
            for (Field field : sheet.fields()) {
                shape.append(',').append(field.path()).append('/').append(field.type());
                field.options().forEach(o -> shape.append('/').append(o.code()));
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shape.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<SheetLayout> sheet(String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
