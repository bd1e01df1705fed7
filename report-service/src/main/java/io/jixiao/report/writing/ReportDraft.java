package io.jixiao.report.writing;

import static io.jixiao.report.writing.ChineseText.NOT_FILLED;
import static io.jixiao.report.writing.ChineseText.ordinal;
import static io.jixiao.report.writing.ChineseText.stripEnd;

import io.jixiao.report.model.ReportModel;
import io.jixiao.report.model.ReportModel.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's headings and paragraphs as they are written, in order; prose the unit wrote goes in as written, and
 * a section it has not written prints as 「（未填报）」 and is noted in the ledger.
 */
final class ReportDraft {

    private final List<Block> body = new ArrayList<>();
    private final FigureLedger ledger;

    ReportDraft(FigureLedger ledger) {
        this.ledger = ledger;
    }

    void h1(String text) {
        body.add(Block.h1(text));
    }

    void h2(String text) {
        body.add(Block.h2(text));
    }

    void h3(String text) {
        body.add(Block.h3(text));
    }

    void p(String text) {
        body.add(Block.p(text));
    }

    /** A paragraph led by a run-in heading (1.预算收入。), or shown as missing. */
    void lead(String lead, String text, boolean missing) {
        body.add(new Block(ReportModel.BlockStyle.PARAGRAPH, lead, text, missing));
    }

    void missingParagraph() {
        body.add(new Block(ReportModel.BlockStyle.PARAGRAPH, null, NOT_FILLED, true));
    }

    /** Prose as written: one paragraph per line. */
    void prose(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                p(line.strip());
            }
        }
    }

    void narrative(String text, String key, String label) {
        if (text == null) {
            ledger.missingNarrative(key, label);
            missingParagraph();
        } else {
            prose(text);
        }
    }

    /** 一是…, 二是…, each its own paragraph. */
    void ordinalParagraphs(List<String> items, String key, String label) {
        if (missing(items, key, label)) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            p(ordinal(i + 1) + "是" + items.get(i).strip());
        }
    }

    /** 一是…；二是…。 in one paragraph. */
    void ordinalSentence(List<String> items, String key, String label) {
        if (missing(items, key, label)) {
            return;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            s.append(i == 0 ? "" : "；").append(ordinal(i + 1)).append("是").append(stripEnd(items.get(i)));
        }
        p(s.append("。").toString());
    }

    /** 1.…, 2.…, each its own paragraph. */
    void numberedParagraphs(List<String> items, String key, String label) {
        if (missing(items, key, label)) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            p((i + 1) + "." + items.get(i).strip());
        }
    }

    List<Block> blocks() {
        return List.copyOf(body);
    }

    private boolean missing(List<String> items, String key, String label) {
        if (items == null || items.isEmpty()) {
            ledger.missingNarrative(key, label);
            missingParagraph();
            return true;
        }
        return false;
    }
}
