package io.jixiao.gateway.workbooks;

import io.jixiao.gateway.routing.Backend;

/**
 * The documents of a unit-year that its workbook holds, in the order of its sheets, each with the service that owns
 * it and the path where that service serves it (JSON or XLSX alike).
 */
enum YearDocument {
    BUDGET("budget", "预算收支及执行", Backend.BUDGET, "budget"),
    STAFF("staff", "人员情况", Backend.PERSONNEL, "staff"),
    ASSETS("assets", "资产情况", Backend.PERSONNEL, "assets"),
    EVALUATION("evaluation", "自评表", Backend.ASSESSMENT, "evaluation"),
    NARRATIVES("narratives", "报告文字", Backend.REPORTS, "narratives");

    private final String kind;
    private final String title;
    private final Backend backend;
    private final String segment;

    YearDocument(String kind, String title, Backend backend, String segment) {
        this.kind = kind;
        this.title = title;
        this.backend = backend;
        this.segment = segment;
    }

    /** The template kind its sheets are stamped with. */
    String kind() {
        return kind;
    }

    String title() {
        return title;
    }

    Backend backend() {
        return backend;
    }

    /** Where its service serves it: {@code /api/budget/units/XZ-WXB/years/2024/budget}. */
    String path(String unitCode, int fiscalYear) {
        return backend.prefix() + "/units/" + unitCode + "/years/" + fiscalYear + "/" + segment;
    }

    static YearDocument ofKind(String kind) {
        for (YearDocument document : values()) {
            if (document.kind.equals(kind)) {
                return document;
            }
        }
        return null;
    }
}
