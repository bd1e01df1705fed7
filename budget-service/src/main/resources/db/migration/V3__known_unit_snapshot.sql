-- Keep the whole unit profile as last published (functions, internal bodies …), for services that print it.
alter table known_unit add column snapshot jsonb;
