package io.jixiao.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicProvisioningTest {

    private static TopicsConfig config(int partitions, List<String> perTopic) {
        return new TopicsConfig() {
            @Override
            public boolean provision() {
                return true;
            }

            @Override
            public int partitions() {
                return partitions;
            }

            @Override
            public Optional<List<String>> perTopic() {
                return Optional.ofNullable(perTopic);
            }

            @Override
            public short replicationFactor() {
                return 1;
            }
        };
    }

    @Test
    void everyTopicOfThePlatformGetsThePartitionsAndSingleTopicsTheirOwn() {
        Map<String, Integer> wanted = TopicProvisioning.partitions(config(6, List.of("budget.snapshots=12",
                " assessment.scores = 9")));
        assertEquals(TopicProvisioning.TOPICS.size(), wanted.size());
        assertEquals(12, wanted.get("budget.snapshots"));
        assertEquals(9, wanted.get("assessment.scores"));
        assertEquals(6, wanted.get("units.snapshots"));
        assertTrue(wanted.keySet().containsAll(List.of("personnel.snapshots", "assets.snapshots", "report.status")));
    }

    @Test
    void aTopicThePlatformDoesNotHaveIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicProvisioning.partitions(config(6, List.of("budget.snapshot=12"))));
        assertTrue(e.getMessage().contains("budget.snapshot=12"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TopicProvisioning.partitions(config(6, List.of("budget.snapshots"))));
    }
}
