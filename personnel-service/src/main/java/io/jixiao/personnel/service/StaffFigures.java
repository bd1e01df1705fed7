package io.jixiao.personnel.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.events.personnel.StaffDocument;
import io.jixiao.personnel.repository.MovementKind.Direction;
import java.util.Map;

/**
 * The staff document as the reconciliation rules see it: the document's own figures plus what follows from the
 * configurable movement kinds, under {@code derived}: {@code arrivals} (本年增加, the kinds marked IN) and
 * {@code departures} (本年减少, the kinds marked OUT). Without a movements list nothing is derived, so the rules
 * that need it say they could not check.
 */
public final class StaffFigures {

    private StaffFigures() {
    }

    public static ObjectNode tree(ObjectMapper mapper, StaffDocument staff, Map<String, Direction> directions) {
        ObjectNode tree = mapper.valueToTree(staff);
        ObjectNode derived = tree.putObject("derived");
        if (staff.movements() != null) {
            long arrivals = 0;
            long departures = 0;
            for (StaffDocument.Movement movement : staff.movements()) {
                Direction direction = directions.get(movement.kind());
                if (direction == Direction.IN) {
                    arrivals += movement.count();
                } else if (direction == Direction.OUT) {
                    departures += movement.count();
                }
            }
            derived.put("arrivals", arrivals);
            derived.put("departures", departures);
        }
        return tree;
    }
}
