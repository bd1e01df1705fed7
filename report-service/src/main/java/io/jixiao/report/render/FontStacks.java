package io.jixiao.report.render;

import io.quarkus.qute.TemplateData;

/**
 * The CSS font stacks a report is set in, as government documents are (GB/T 9704): body text in a Song face (宋体),
 * the title, the first-level headings and the table headers in a Hei face (黑体).
 *
 * @param body the body text's {@code font-family}
 * @param headings the {@code font-family} of the title, {@code h2} headings and table headers
 */
@TemplateData
public record FontStacks(String body, String headings) {

    /** A browser's: the Song and Hei fonts of Windows, macOS and Linux desktops. */
    public static final FontStacks BROWSER = new FontStacks("SimSun, \"Songti SC\", \"Noto Serif CJK SC\", serif",
            "SimHei, \"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", sans-serif");
}
