package io.jixiao.commons.workbook;

import java.util.List;

/** A workbook refused, with nothing stored: why, and each cell that is wrong. */
public class WorkbookRejected extends RuntimeException {

    /** Why a workbook is refused. */
    public enum Reason {
        /** Larger than the size cap. */
        TOO_LARGE,
        /** Not a workbook we can read safely: not XLSX, macros, a password, a zip bomb, no template stamp. */
        UNREADABLE,
        /** A workbook of ours with cells that are wrong. */
        INVALID
    }

    private final Reason reason;
    private final List<CellError> errors;

    public WorkbookRejected(Reason reason, String message, List<CellError> errors) {
        super(message);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    public static WorkbookRejected unreadable(String message) {
        return new WorkbookRejected(Reason.UNREADABLE, message, List.of(new CellError(null, null, message)));
    }

    public Reason reason() {
        return reason;
    }

    public List<CellError> errors() {
        return errors;
    }
}
