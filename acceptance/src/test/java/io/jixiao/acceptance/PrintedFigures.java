package io.jixiao.acceptance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a document as its reader would and lists every figure printed with more precision than a finance office
 * prints, or in the wrong unit: percentages, percentage points and points with more than two decimals; headcounts
 * with decimals; 万元 with more than six (the fen); any number with more than six decimals; an amount carrying a
 * percent sign (an amount's name right before a percentage, or a "percentage" above 1000 %).
 */
final class PrintedFigures {

    private static final String NUMBER = "(-?\\d+(?:\\.(\\d+))?)";
    private static final Pattern PERCENT = Pattern.compile(NUMBER + "\\s*(?:%|％|个百分点)");
    private static final Pattern POINTS = Pattern.compile(NUMBER + "\\s*分(?![类配析别期])");
    private static final Pattern PERSONS = Pattern.compile(NUMBER + "\\s*(?:人|名)(?![民员才])");
    private static final Pattern WAN = Pattern.compile(NUMBER + "\\s*万元");
    private static final Pattern ANY = Pattern.compile("\\d+\\.(\\d{7,})");
    private static final Pattern AMOUNT_AS_PERCENT = Pattern.compile(
            "(?:支出|预算|收入|资金|经费|金额|下达|结转|结余|收回|追加|拨款|资产)\\s*-?\\d[\\d.]*\\s*[%％]");

    private PrintedFigures() {
    }

    /** Each figure of {@code text} printed with the wrong precision or unit, with some context; empty when none. */
    static List<String> violations(String where, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PERCENT.matcher(text);
        while (m.find()) {
            if (decimals(m) > 2 || new BigDecimal(m.group(1)).abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
                out.add(where + ": percentage " + context(text, m));
            }
        }
        check(out, where, text, POINTS, 2, "points");
        check(out, where, text, PERSONS, 0, "headcount");
        check(out, where, text, WAN, 6, "万元");
        m = ANY.matcher(text);
        while (m.find()) {
            out.add(where + ": number with " + m.group(1).length() + " decimals " + context(text, m));
        }
        m = AMOUNT_AS_PERCENT.matcher(text);
        while (m.find()) {
            out.add(where + ": amount with a percent sign " + context(text, m));
        }
        return out;
    }

    private static void check(List<String> out, String where, String text, Pattern pattern, int allowed,
            String what) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (decimals(m) > allowed) {
                out.add(where + ": " + what + " " + context(text, m));
            }
        }
    }

    private static int decimals(Matcher m) {
        return m.group(2) == null ? 0 : m.group(2).length();
    }

    private static String context(String text, Matcher m) {
        int from = Math.max(0, m.start() - 20);
        int to = Math.min(text.length(), m.end() + 5);
        return "«" + text.substring(from, to).replaceAll("\\s+", " ") + "»";
    }
}
