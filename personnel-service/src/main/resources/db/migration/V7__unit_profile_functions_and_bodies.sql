-- The unit profile's 主要职能 (functions) and its bodies: 内设机构 (internal bodies) and 所属事业单位 (affiliated
-- institutions), each a count that may be withheld (the seed prints "*") and the names given. A withheld count is
-- null with disclosed = false, never confused with a disclosed 0.
alter table unit_profile add column functions text;
alter table unit_profile add constraint unit_profile_functions_length check (char_length(functions) <= 10000);

alter table unit_profile add column internal_bodies_count integer;
alter table unit_profile add column internal_bodies_disclosed boolean not null default false;
alter table unit_profile add column internal_bodies_names text not null default '[]';
alter table unit_profile add constraint unit_profile_internal_bodies_count
    check ((internal_bodies_disclosed and internal_bodies_count is not null and internal_bodies_count >= 0)
           or (not internal_bodies_disclosed and internal_bodies_count is null));

alter table unit_profile add column affiliated_institutions_count integer;
alter table unit_profile add column affiliated_institutions_disclosed boolean not null default false;
alter table unit_profile add column affiliated_institutions_names text not null default '[]';
alter table unit_profile add constraint unit_profile_affiliated_institutions_count
    check ((affiliated_institutions_disclosed and affiliated_institutions_count is not null and affiliated_institutions_count >= 0)
           or (not affiliated_institutions_disclosed and affiliated_institutions_count is null));
