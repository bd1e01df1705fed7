package io.jixiao.commons.validation;

import io.jixiao.commons.web.ProblemException;
import java.time.Clock;
import java.time.Year;

/** Which fiscal years a figure may be pushed for: from 2000 to next year (budgets are set before the year starts). */
public final class FiscalYears {

    public static final int FIRST = 2000;

    private FiscalYears() {
    }

    public static int require(int fiscalYear) {
        if (!possible(fiscalYear)) {
            throw ProblemException.badField("fiscalYear", rule());
        }
        return fiscalYear;
    }

    public static boolean possible(int fiscalYear) {
        return fiscalYear >= FIRST && fiscalYear <= last();
    }

    /** What a fiscal year must be, for error messages. */
    public static String rule() {
        return "must be a fiscal year from " + FIRST + " to " + last();
    }

    private static int last() {
        return Year.now(Clock.systemUTC()).getValue() + 1;
    }
}
