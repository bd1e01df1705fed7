package io.jixiao.report.writing;

import io.jixiao.report.config.ReportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the report names the codes a staff document uses (人员类别, 人员变动类型). Staff documents carry codes only,
 * and services do not call each other to assemble a report, so the report keeps its own wording of personnel-service's
 * reference lists (seeded there by {@code V8__reference_lists.sql}), extended or overridden by configuration
 * ({@code jixiao.report.staff-categories.*}, {@code jixiao.report.movement-kinds.*}). A code it does not know is
 * printed as the code and is an INFO finding, never guessed.
 */
@ApplicationScoped
public class Labels {

    /** Whether a movement adds to (IN) or takes from (OUT) the headcount. */
    public enum Direction {
        IN, OUT
    }

    /** A movement kind as the report tells it, e.g. 调出人员 (OUT). */
    public record MovementLabel(String name, Direction direction) {
    }

    private final Map<String, String> categories = new LinkedHashMap<>();
    private final Map<String, MovementLabel> movements = new LinkedHashMap<>();

    public Labels(ReportConfig config) {
        categories.put("civil-servant", "行政公务员");
        categories.put("civil-servant-managed", "参照公务员法管理事业人员");
        categories.put("institution-staff", "事业人员");
        categories.put("worker", "机关工人");
        categories.put("other", "其他在职人员");
        out("transfer-out", "调出人员");
        out("retirement", "退休");
        out("resignation", "辞职");
        out("dismissal", "辞退");
        out("death", "死亡");
        out("other-out", "其他减少");
        in("open-recruitment", "公开招聘");
        in("civil-service-exam", "公开考录");
        in("open-selection", "公开遴选");
        in("transfer-in", "调入");
        in("talent-introduction", "急需紧缺人才引进");
        in("aid-tibet-doctoral", "援藏博士服务团");
        in("military-resettlement", "军转安置");
        in("other-in", "其他增加");
        categories.putAll(config.staffCategories());
        config.movementKinds().forEach((code, value) -> {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("jixiao.report.movement-kinds." + code
                        + " must be IN:<name> or OUT:<name>, was " + value);
            }
            movements.put(code, new MovementLabel(value.substring(colon + 1),
                    Direction.valueOf(value.substring(0, colon).trim())));
        });
    }

    public Optional<String> category(String code) {
        return Optional.ofNullable(categories.get(code));
    }

    public Optional<MovementLabel> movement(String code) {
        return Optional.ofNullable(movements.get(code));
    }

    private void out(String code, String name) {
        movements.put(code, new MovementLabel(name, Direction.OUT));
    }

    private void in(String code, String name) {
        movements.put(code, new MovementLabel(name, Direction.IN));
    }
}
