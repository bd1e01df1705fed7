-- 派驻机构 (seconded bodies: e.g. 派出所 a county's public security bureau keeps in its townships, or a discipline
-- inspection group stationed in the unit), beside the internal bodies and affiliated institutions: a count that may
-- be withheld and the names given. A profile from before this version has none (not disclosed, no names).
alter table unit_profile add column seconded_bodies_count integer;
alter table unit_profile add column seconded_bodies_disclosed boolean not null default false;
alter table unit_profile add column seconded_bodies_names text not null default '[]';
alter table unit_profile add constraint unit_profile_seconded_bodies_count
    check ((seconded_bodies_disclosed and seconded_bodies_count is not null and seconded_bodies_count >= 0)
           or (not seconded_bodies_disclosed and seconded_bodies_count is null));
