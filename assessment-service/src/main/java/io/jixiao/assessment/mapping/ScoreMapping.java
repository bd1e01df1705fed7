package io.jixiao.assessment.mapping;

import io.jixiao.assessment.api.ScoreSnapshot;
import java.util.List;
import org.mapstruct.Mapper;

/**
 * A unit-year's scores as published (the event contract) to the API record a caller reads. Field by field and checked
 * at compile time: a field added to one side and not the other fails the build.
 */
@Mapper
public interface ScoreMapping {

    ScoreSnapshot toApi(io.jixiao.events.assessment.ScoreSnapshot score);

    List<ScoreSnapshot.Warning> toApi(List<io.jixiao.events.assessment.ScoreSnapshot.Warning> warnings);
}
