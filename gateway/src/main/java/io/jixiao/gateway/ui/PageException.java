package io.jixiao.gateway.ui;

import java.util.Map;

/** A page that cannot be shown: the status it is answered with and what the person is told, in Chinese. */
public class PageException extends RuntimeException {

    private final int status;

    public PageException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static PageException forbidden() {
        return new PageException(403, "您无权查看或办理该单位的事项。");
    }

    static PageException notFound(String what) {
        return new PageException(404, what);
    }

    /** A service refused the person (401: the session's token is no longer valid; 403: not theirs). */
    static void raiseIfAccessRefused(Services.Answer answer) {
        if (answer.status() == 401) {
            throw new PageException(401, "登录已失效，请重新登录。");
        }
        if (answer.status() == 403) {
            throw forbidden();
        }
    }

    static PageException of(Services.Answer answer, Object problem) {
        Object detail = problem instanceof Map<?, ?> m ? m.get("detail") : null;
        if (answer.status() == 404) {
            return notFound(detail == null ? "没有找到。" : "没有找到：" + detail);
        }
        return new PageException(answer.status() >= 500 ? 502 : answer.status(),
                detail == null ? "服务未能完成请求（" + answer.status() + "）。" : detail.toString());
    }
}
