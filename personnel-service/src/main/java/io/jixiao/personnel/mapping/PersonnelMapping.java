package io.jixiao.personnel.mapping;

import io.jixiao.events.UnitSnapshot;
import io.jixiao.personnel.api.AssetDocument;
import io.jixiao.personnel.api.Bodies;
import io.jixiao.personnel.api.StaffDocument;
import org.mapstruct.Mapper;

/**
 * personnel-service's API records to the event contracts it publishes, and a unit's bodies back for its profile's
 * answer. Field by field and checked at compile time: a field added to one side and not the other fails the build.
 */
@Mapper
public interface PersonnelMapping {

    io.jixiao.events.personnel.StaffDocument toContract(StaffDocument staff);

    io.jixiao.events.personnel.AssetDocument toContract(AssetDocument assets);

    UnitSnapshot.Bodies toContract(Bodies bodies);

    Bodies toApi(UnitSnapshot.Bodies bodies);
}
