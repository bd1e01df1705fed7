package io.jixiao.commons.documents;

import io.jixiao.commons.problem.ProblemException;
import java.time.Clock;
import java.time.Year;

/** Which fiscal years a figure may be pushed for: from 2000 to next year (budgets are set before the year starts). */
public final class FiscalYears {

    public static final int FIRST = 2000;

    private FiscalYears() {
    }

    public static int require(int fiscalYear) {
        int last = Year.now(Clock.systemUTC()).getValue() + 1;
        if (fiscalYear < FIRST || fiscalYear > last) {
            throw ProblemException.badField("fiscalYear", "must be a fiscal year from " + FIRST + " to " + last);
        }
        return fiscalYear;
    }
}
