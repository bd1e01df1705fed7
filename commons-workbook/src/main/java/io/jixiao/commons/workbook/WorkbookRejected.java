package io.jixiao.commons.workbook;

import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.web.ProblemType;
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

    /** A detail names at most this many cells. */
    private static final int DETAIL_CELLS = 5;

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

    /**
     * The refusal as problem details: a 413 over the size cap, a 415 for what is not a workbook the platform reads,
     * a 400 naming each wrong cell (and the document field it holds) otherwise.
     */
    public ProblemException toProblem() {
        List<Problem.FieldError> fields = errors.stream().map(e -> new Problem.FieldError(
                e.field() != null && !e.field().isEmpty() ? e.field() : "workbook", e.message(), e.cell())).toList();
        ProblemType type = switch (reason) {
            case TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case UNREADABLE -> ProblemType.UNREADABLE_WORKBOOK;
            case INVALID -> ProblemType.INVALID_INPUT;
        };
        return new ProblemException(type, detail(fields, getMessage()), fields);
    }

    /**
     * What a refusal's detail says: its first cells and what is wrong with each ({@code 预算!B7: 不是金额; …}), or
     * {@code otherwise} when no error names a cell; every error is in the problem's {@code errors} all the same.
     */
    public static String detail(List<Problem.FieldError> errors, String otherwise) {
        List<String> cells = errors.stream().filter(e -> e.cell() != null).limit(DETAIL_CELLS)
                .map(e -> e.cell() + ": " + e.message()).toList();
        if (cells.isEmpty()) {
            return otherwise;
        }
        return String.join("; ", cells) + (errors.size() > cells.size() ? " …" : "");
    }

    public Reason reason() {
        return reason;
    }

    public List<CellError> errors() {
        return errors;
    }
}
