-- Reference lists (代码表) that staff documents name by code: staff categories (人员类别) and movement kinds
-- (人员变动类型, with the direction in which they move the in-service headcount). Data, not code: an
-- administrator adds or renames entries through PUT /api/personnel/reference/...

create table staff_category (
    code        text        primary key check (code ~ '^[a-z][a-z0-9-]{1,63}$'),
    name        text        not null check (char_length(name) between 1 and 100),
    sort_order  integer     not null,
    updated_at  timestamptz not null default now(),
    updated_by  text        not null default 'flyway'
);

create table movement_kind (
    code        text        primary key check (code ~ '^[a-z][a-z0-9-]{1,63}$'),
    name        text        not null check (char_length(name) between 1 and 100),
    direction   text        not null check (direction in ('IN', 'OUT')),
    sort_order  integer     not null,
    updated_at  timestamptz not null default now(),
    updated_by  text        not null default 'flyway'
);

insert into staff_category (code, name, sort_order) values
    ('civil-servant',         '行政公务员',               10),
    ('civil-servant-managed', '参照公务员法管理事业人员', 20),
    ('institution-staff',     '事业人员',                 30),
    ('worker',                '机关工人',                 40),
    ('other',                 '其他在职人员',             90);

insert into movement_kind (code, name, direction, sort_order) values
    ('transfer-out',          '调出',             'OUT', 10),
    ('retirement',            '退休',             'OUT', 20),
    ('resignation',           '辞职',             'OUT', 30),
    ('dismissal',             '辞退',             'OUT', 40),
    ('death',                 '死亡',             'OUT', 50),
    ('other-out',             '其他减少',         'OUT', 90),
    ('open-recruitment',      '公开招聘',         'IN',  110),
    ('civil-service-exam',    '公开考录',         'IN',  120),
    ('open-selection',        '公开遴选',         'IN',  130),
    ('transfer-in',           '调入',             'IN',  140),
    ('talent-introduction',   '急需紧缺人才引进', 'IN',  150),
    ('aid-tibet-doctoral',    '援藏博士服务团',   'IN',  160),
    ('military-resettlement', '军转安置',         'IN',  170),
    ('other-in',              '其他增加',         'IN',  190);
